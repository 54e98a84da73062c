"""`korusticket.testing`: a stateful KorusTicket sandbox for your tests (like moto for boto, or stripe-mock).

    from korusticket.testing import Sandbox

    def test_booking():
        sandbox = Sandbox(seed=1)
        with sandbox.client() as kt:
            ...                                   # real requests, answered in memory
        assert len(sandbox.state.orders) == 1

With pytest, the `korusticket_sandbox` and `korusticket_client` fixtures are ready to use (this package
registers itself as a pytest plugin). `korusticket sandbox serve` runs the same sandbox over HTTP
(`korusticket.testing.asgi`, with a control API: `korusticket.testing.control`), and
`korusticket.testing.served` starts one on a free loopback port for a test, in a thread or a subprocess.

Inside, as moto splits a service: `backend` (the state and every transition), `handlers/` by resource
(parse, call the backend, render), `render/` (the JSON-LD documents), `violations` (the 422 codes and the
refusals), `app` (the router), `transport` (faults around it), `settings`, `log` (bounded logs).
"""

from korusticket.testing.clock import SandboxClock
from korusticket.testing.faults import Fault, FaultKind, Faults
from korusticket.testing.sandbox import Sandbox
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport

__all__ = ["AsyncSandboxTransport", "Fault", "FaultKind", "Faults", "Sandbox", "SandboxClock", "SandboxTransport"]
