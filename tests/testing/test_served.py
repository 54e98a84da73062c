"""The sandbox over real HTTP on loopback (uvicorn), as `korusticket sandbox serve` runs it."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from korusticket import APIConnectionError, AsyncKorusTicket, KorusTicket, iri
from korusticket.testing import Sandbox
from korusticket.testing.asgi import SandboxASGI
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import list_offers
from tests.testing.test_booking import CUSTOMER, item, offer_with


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serve(sandbox: Sandbox, port: int | None = None) -> Iterator[str]:
    """`sandbox` over HTTP on a loopback port (uvicorn in a thread), for the duration of the block."""
    port = port or free_port()
    server = uvicorn.Server(
        uvicorn.Config(SandboxASGI(sandbox), host="127.0.0.1", port=port, log_level="warning", date_header=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:  # pragma: no cover - reported by the failing test
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served() -> Iterator[tuple[Sandbox, str]]:
    port = free_port()
    sandbox = Sandbox(storage_url=f"http://localhost:{port}/_storage")
    with serve(sandbox, port) as base_url:
        yield sandbox, base_url


def connect(sandbox: Sandbox, base_url: str) -> KorusTicket:
    return KorusTicket(
        base_url=base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token_url=sandbox.token_url(base_url),
        max_retries=0,
        environ={},
    )


def test_booking_over_a_real_socket(served: tuple[Sandbox, str]) -> None:
    sandbox, base_url = served
    with connect(sandbox, base_url) as kt:
        assert kt.call(list_catalogs).total_items == 2
        offers = list(kt.paginate(list_offers, catalog_id=sandbox.catalog_id, page_size=50, prefetch=2))
        assert len(offers) == 180
        offer = offer_with(sandbox, sessions=True)
        reservation = kt.call(create_reservations, body={"items": [item(offer)]}).reservations[0]
        order = kt.call(
            create_orders,
            body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "SOCKET-1"},
        ).orders[0]
        document = iri.parse(order.documents[0]).identifiers["id"]
        download = kt.call(update_order_document, order_id=order.id, id=document, body={})
        assert download.temporary_url.startswith(f"http://localhost:{base_url.rsplit(':', 1)[1]}/_storage/")
        pdf = kt.http.get(download.temporary_url)
        assert pdf.content.startswith(b"%PDF-")
    assert [request.authorization_sent for request in sandbox.state.storage_requests] == [False]


async def test_async_client_over_a_real_socket(served: tuple[Sandbox, str]) -> None:
    sandbox, base_url = served
    async with AsyncKorusTicket(
        base_url=base_url,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        token_url=sandbox.token_url(base_url),
        environ={},
    ) as kt:
        offers = [offer async for offer in kt.paginate(list_offers, catalog_id=sandbox.catalog_id, prefetch=3)]
    assert len(offers) == 180


def test_a_dropped_connection_over_a_real_socket(served: tuple[Sandbox, str]) -> None:
    sandbox, base_url = served
    sandbox.faults.inject("drop_after_commit", operation="create_reservations")
    with connect(sandbox, base_url) as kt, pytest.raises(APIConnectionError):
        kt.call(create_reservations, body={"items": [item(offer_with(sandbox, sessions=False))]})
    assert len(sandbox.state.reservations) == 1


def test_control_routes(served: tuple[Sandbox, str]) -> None:
    sandbox, base_url = served
    with httpx.Client(base_url=base_url) as plain:
        assert plain.post("/_sandbox/clock", params={"advance": 60}).json()["now"] == "2025-06-01T08:01:00+00:00"
        fault = plain.post("/_sandbox/faults", json={"kind": "status", "status": 503, "operation": "list_catalogs"})
        assert fault.status_code == 201
        assert plain.get("/_sandbox/state").json()["orders"] == 0
        assert plain.post("/_sandbox/faults", json={"kind": "nope"}).status_code == 400
    assert sandbox.clock.now().isoformat() == "2025-06-01T08:01:00+00:00"


def test_the_command_line_serves_the_sandbox() -> None:
    port = free_port()
    command = [sys.executable, "-m", "korusticket", "sandbox", "serve", "--port", str(port), "--frozen-clock"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603 - our own module
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert banner.startswith(f"KorusTicket sandbox on http://127.0.0.1:{port}")
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/_sandbox/state")
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        assert response.json()["now"] == "2025-06-01T08:00:00+00:00"
        anonymous = httpx.get(f"http://127.0.0.1:{port}/v1/ticketing/catalogs")
        assert anonymous.status_code == 401
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
