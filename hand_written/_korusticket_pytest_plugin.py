"""The `korusticket` pytest plugin: sandbox fixtures for testing code that uses korusticket.

pytest loads this module at startup in every environment where korusticket is installed (the
`pytest11` entry point named `korusticket`), so it imports nothing of the SDK until a test asks
for one of its fixtures: a top-level module, because importing `korusticket.testing.pytest_plugin`
would first run `korusticket/__init__.py`, which loads the whole client (most of a second).

    def test_my_booking_flow(korusticket_client, korusticket_sandbox):
        my_app.book(korusticket_client, ...)
        assert len(korusticket_sandbox.state.orders) == 1

- `korusticket_sandbox`: a fresh `korusticket.testing.Sandbox()` (seed 0) for each test.
- `korusticket_client`: a `KorusTicket` connected to it, closed after the test.
- `korusticket_async_client`: an `AsyncKorusTicket` connected to it. The fixture itself is plain, but the
  tests that await it need an asyncio test runner: pytest-asyncio (`@pytest.mark.asyncio`, or
  `asyncio_mode = "auto"`) or anyio's pytest plugin (`@pytest.mark.anyio` with the default `asyncio`
  backend; the SDK does not run on trio).

Between tests, the plugin also forgets the memory ledgers the clients of the process share (see
`korusticket.booking.ledger.memory`), so that one test's bookings are not taken for a re-run of the next's when
both use the same external reference against their own mocks; it costs a dictionary lookup when the SDK was never
imported.

`pytest -p no:korusticket` turns the plugin off; with `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1`, load it with
`-p korusticket` or `pytest_plugins = ["korusticket.testing.pytest_plugin"]` in a conftest.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from korusticket import AsyncKorusTicket, KorusTicket
    from korusticket.testing import Sandbox

__all__ = ["korusticket_async_client", "korusticket_client", "korusticket_sandbox"]


@pytest.fixture
def korusticket_sandbox() -> Sandbox:
    """A fresh sandbox (seed 0) for each test: inspect `.state`, move `.clock`, inject `.faults`."""
    from korusticket.testing import Sandbox  # the SDK loads on first use only

    return Sandbox()


@pytest.fixture
def korusticket_client(korusticket_sandbox: Sandbox) -> Iterator[KorusTicket]:
    """A `KorusTicket` connected to `korusticket_sandbox` with its client credentials, closed after the test."""
    with korusticket_sandbox.client() as client:
        yield client


@pytest.fixture
def korusticket_async_client(korusticket_sandbox: Sandbox) -> AsyncKorusTicket:
    """An `AsyncKorusTicket` connected to `korusticket_sandbox` (in memory: nothing to close).

    The tests that await it need pytest-asyncio or anyio's pytest plugin (asyncio backend).
    """
    return korusticket_sandbox.async_client()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Each test starts with no booking remembered by the process's shared memory ledgers."""
    memory = sys.modules.get("korusticket.booking.ledger.memory")
    if memory is not None:
        memory.forget_process_ledgers()
