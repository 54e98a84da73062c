"""The sandbox fixtures, for registering the plugin by module name (`pytest_plugins = [...]` in a conftest.py).

pytest normally loads them by itself: the `korusticket` entry point names the top-level module
`_korusticket_pytest_plugin`, which defines them and imports the SDK only when a test asks for one,
so an environment where korusticket is installed pays nothing for the plugin in test runs that do not
use it. Register this module explicitly when plugin autoloading is off (`PYTEST_DISABLE_PLUGIN_AUTOLOAD=1`).

- `korusticket_sandbox`: a fresh `korusticket.testing.Sandbox()` (seed 0) for each test.
- `korusticket_client`: a `KorusTicket` connected to it, closed after the test.
- `korusticket_async_client`: an `AsyncKorusTicket` connected to it; the tests that await it need
  pytest-asyncio or anyio's pytest plugin (asyncio backend).
"""

from _korusticket_pytest_plugin import korusticket_async_client, korusticket_client, korusticket_sandbox

__all__ = ["korusticket_async_client", "korusticket_client", "korusticket_sandbox"]
