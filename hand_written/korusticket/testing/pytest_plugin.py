"""pytest fixtures for testing code that uses korusticket (registered as the `korusticket` plugin).

def test_my_booking_flow(korusticket_client, korusticket_sandbox):
    my_app.book(korusticket_client, ...)
    assert len(korusticket_sandbox.state.orders) == 1
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from korusticket.client import AsyncKorusTicket, KorusTicket
from korusticket.testing.sandbox import Sandbox


@pytest.fixture
def korusticket_sandbox() -> Sandbox:
    """A fresh sandbox (seed 0) for each test."""
    return Sandbox()


@pytest.fixture
def korusticket_client(korusticket_sandbox: Sandbox) -> Iterator[KorusTicket]:
    """A `KorusTicket` connected to `korusticket_sandbox` with its client credentials."""
    with korusticket_sandbox.client() as client:
        yield client


@pytest.fixture
def korusticket_async_client(korusticket_sandbox: Sandbox) -> AsyncKorusTicket:
    """An `AsyncKorusTicket` connected to `korusticket_sandbox` (in memory: nothing to close)."""
    return korusticket_sandbox.async_client()
