"""The sandbox over real HTTP on loopback (uvicorn), as `korusticket sandbox serve` runs it: the API, the
control API under `/_sandbox/`, the rule switches, faults set from another process, a bounded request log."""

from __future__ import annotations

import contextlib
import importlib.abc
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from korusticket import APIConnectionError, AsyncKorusTicket, KorusTicket, ServerError, ValidationError, iri
from korusticket.testing import Sandbox
from korusticket.testing.asgi import create_app
from korusticket.testing.served import ServedSandbox, free_port, serve, serve_in_subprocess, serve_in_thread
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import list_offers
from tests.testing.helpers import CUSTOMER, item, offer_with


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


def reserve(kt: KorusTicket, sandbox: Sandbox) -> str:
    """A new reservation's IRI."""
    reservation = kt.call(create_reservations, body={"items": [item(offer_with(sandbox, sessions=False))]})
    return iri.of(reservation.reservations[0])


def order_body(reservation: str, reference: str) -> dict[str, Any]:
    return {"reservations": [reservation], "customer": CUSTOMER, "externalReference": reference}


def test_booking_over_a_real_socket(served: tuple[Sandbox, str]) -> None:
    sandbox, base_url = served
    with connect(sandbox, base_url) as kt:
        assert kt.call(list_catalogs).total_items == 2
        offers = list(kt.paginate(list_offers, catalog_id=sandbox.catalog_id, page_size=50, prefetch=2))
        assert len(offers) == 180
        offer = offer_with(sandbox, sessions=True)
        reservation = kt.call(create_reservations, body={"items": [item(offer)]}).reservations[0]
        order = kt.call(create_orders, body=order_body(iri.of(reservation), "SOCKET-1")).orders[0]
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


class FailedImports(importlib.abc.MetaPathFinder):
    """Last on `sys.meta_path`, so asked only when no other finder found a module: records the failed imports."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Any, target: Any = None) -> None:
        self.names.append(name)


async def test_an_async_crawl_over_a_socket_tries_no_import_that_fails(served: tuple[Sandbox, str]) -> None:
    """httpcore looks for sniffio on every lock it sets up, and Python does not remember a failed import: without
    sniffio installed (recent anyio releases stopped requiring it) each request searched `sys.path` for it again and
    again."""
    sandbox, base_url = served
    failed = FailedImports()
    async with AsyncKorusTicket(base_url=base_url, token=sandbox.issue_token(), environ={}) as kt:
        await kt.call(list_offers, catalog_id=sandbox.catalog_id)  # what loads lazily has loaded
        sys.meta_path.append(failed)
        try:
            offers = [offer async for offer in kt.paginate(list_offers, catalog_id=sandbox.catalog_id, prefetch=3)]
        finally:
            sys.meta_path.remove(failed)
    assert len(offers) == 180
    assert failed.names == []


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
        assert fault.json() == {"kind": "status", "operation": "list_catalogs", "times": 1, "after_commit": False}
        assert plain.get("/_sandbox/state").json()["orders"] == 0
        assert plain.post("/_sandbox/faults", json={"kind": "nope"}).status_code == 400
        scheduled = plain.get("/_sandbox/faults").json()["scheduled"]
        assert [(entry["kind"], entry["operation"]) for entry in scheduled] == [("status", "list_catalogs")]
        assert plain.delete("/_sandbox/faults").status_code == 204
        assert plain.get("/_sandbox/faults").json() == {"scheduled": [], "applied": [], "applied_total": 0}
    assert sandbox.clock.now().isoformat() == "2025-06-01T08:01:00+00:00"


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "error"),
    [
        ("POST", "/_sandbox/faults", {"kind": "status", "status": "503"}, 400, "status: expected an error status"),
        ("POST", "/_sandbox/faults", {"kind": "latency", "latency": -1}, 400, "latency: expected a number"),
        ("POST", "/_sandbox/faults", {"kind": "status", "colour": "red"}, 400, "colour"),
        ("POST", "/_sandbox/faults", ["status"], 400, "body: expected a JSON object"),
        ("POST", "/_sandbox/faults/random", {"rate": 2}, 400, "rate: expected a probability"),
        ("POST", "/_sandbox/faults/random", {"rate": 0.5, "kinds": "status"}, 400, "kinds: expected a list"),
        ("PATCH", "/_sandbox/settings", {"double_ordering": "yes"}, 400, "double_ordering: expected true or false"),
        ("PATCH", "/_sandbox/settings", {"created_status": 204}, 400, "created_status: expected 200 or 201"),
        ("PATCH", "/_sandbox/settings", {"client_secret": "x"}, 400, "client_secret: not a switch"),
        ("PUT", "/_sandbox/state", None, 405, "/_sandbox/state takes GET"),
        ("GET", "/_sandbox/nothing", None, 404, "no control route GET /_sandbox/nothing"),
    ],
)
def test_control_routes_refuse_nonsense_naming_the_argument(
    served: tuple[Sandbox, str], method: str, path: str, body: Any, status: int, error: str
) -> None:
    sandbox, base_url = served
    response = httpx.request(method, base_url + path, json=body)
    assert response.status_code == status
    assert error in response.json()["error"]
    assert sandbox.faults.scheduled() == []
    assert sandbox.settings.switches() == {"double_ordering": False, "created_status": 200, "exact_date_filter": True}


def test_the_app_factory_takes_the_rule_switches() -> None:
    with serve_in_thread(double_ordering=True, created_status=201, exact_date_filter=False) as served:
        sandbox = served.sandbox
        assert sandbox is not None
        assert served.state()["settings"] == {
            "double_ordering": True,
            "created_status": 201,
            "exact_date_filter": False,
        }
        with served.client(max_retries=0) as kt:
            reservation = reserve(kt, sandbox)
            first = kt.http.post("/v1/booking/orders/_bulk", json=order_body(reservation, "TWICE"))
            second = kt.http.post("/v1/booking/orders/_bulk", json=order_body(reservation, "TWICE"))
            assert (first.status_code, second.status_code) == (201, 201)
            june_7 = kt.http.get(f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers", params={"date": "2025-06-07"})
            assert june_7.json()["totalItems"] == 180  # the unverified ?date= filter is ignored
        assert served.state()["orders_by_reference"] == {"TWICE": 2}
        assert served.set_switches(double_ordering=False) == {
            "double_ordering": False,
            "created_status": 201,
            "exact_date_filter": False,
        }
        with served.client(max_retries=0) as kt, pytest.raises(ValidationError, match="already been ordered"):
            kt.http.post("/v1/booking/orders/_bulk", json=order_body(reservation, "TWICE"))  # harsh again
        assert served.state()["orders_by_reference"] == {"TWICE": 2}


def test_create_app_derives_the_storage_url_from_the_port() -> None:
    assert create_app(port=8123).sandbox.storage_url == "http://localhost:8123/_storage"
    assert create_app(port=8123, storage_url="https://files.test/").sandbox.storage_url == "https://files.test"
    assert create_app().sandbox.storage_url == "https://storage.sandbox.korusticket.test"
    assert create_app().sandbox.state.history == 10_000
    with pytest.raises(ValueError, match=r"^created_status: expected 200 or 201"):
        create_app(created_status=204)


@contextlib.contextmanager
def order_in_flight(served: ServedSandbox, reservation: str, reference: str) -> Iterator[list[object]]:
    """POST an order from another thread, and return once the server is answering it; yields the outcome."""
    outcome: list[object] = []

    def post() -> None:
        try:
            with httpx.Client(timeout=httpx.Timeout(10, read=120)) as slow:
                token = served.sandbox.issue_token() if served.sandbox else ""
                outcome.append(
                    slow.post(
                        f"{served.base_url}/v1/booking/orders/_bulk",
                        json=order_body(reservation, reference),
                        headers={"authorization": f"Bearer {token}"},
                    ).status_code
                )
        except httpx.HTTPError as error:
            outcome.append(error)

    thread = threading.Thread(target=post, daemon=True)
    thread.start()
    served.wait_until_in_flight("create_orders")
    try:
        yield outcome
    finally:
        served.clear_faults()  # ends the latency under way: the order is answered at once
        thread.join(timeout=60)


@pytest.mark.parametrize("after_commit", [False, True])
def test_a_slow_order_post_holds_up_no_other_request(after_commit: bool) -> None:
    with serve_in_thread() as served:
        sandbox = served.sandbox
        assert sandbox is not None
        with served.client(max_retries=0) as kt:
            reservation = reserve(kt, sandbox)
            served.inject("latency", operation="create_orders", latency=60, after_commit=after_commit)
            with order_in_flight(served, reservation, "SLOW") as outcome:
                for _ in range(5):  # answered while the order POST waits on the server
                    assert kt.call(list_catalogs).total_items == 2
                state = served.state()
                assert state["in_flight"] == {"create_orders": 1}
                assert outcome == []  # still waiting
                # Before the write, nothing is made yet; after it, the order exists though its answer is late.
                assert state["orders_by_reference"] == ({"SLOW": 1} if after_commit else {})
                assert served.faults()["applied"] == [["create_orders", "latency"]]
            assert outcome == [200]  # answered once the faults were cleared
            assert served.state()["orders_by_reference"] == {"SLOW": 1}


def test_the_served_request_log_is_bounded() -> None:
    with serve_in_thread(history=20) as served:
        sandbox = served.sandbox
        assert sandbox is not None
        token = sandbox.issue_token()
        served.inject("latency", operation="list_catalogs", latency=0, times=None)
        storage = sandbox.storage_url  # http://localhost:PORT/_storage: the served app answers as the storage host
        with httpx.Client(base_url=served.base_url, headers={"authorization": f"Bearer {token}"}) as plain:
            for number in range(50):
                assert plain.get("/v1/ticketing/catalogs").status_code == 200
                assert plain.get(f"{storage}/documents/{number}.pdf").status_code == 403
        for _ in range(50):
            sandbox.issue_token()
        state = served.state()
        applied = served.faults()
    # 50 API calls and 50 downloads answered; each log keeps the last 20 and counts all.
    assert (state["requests"], state["requests_total"], state["history"]) == (20, 100, 20)
    handled = sandbox.state.handled
    assert (len(handled), handled.total, handled.dropped) == (20, 100, 80)
    assert handled[-1].path == "/_storage/documents/49.pdf"  # the newest are kept, the oldest gone
    assert handled[0].path == "/v1/ticketing/catalogs"
    assert [h.operation for h in handled[:2]] == ["list_catalogs", None]
    assert sum(h.operation == "list_catalogs" for h in handled) == 10
    assert (len(applied["applied"]), applied["applied_total"]) == (20, 50)
    downloads = sandbox.state.storage_requests
    assert (len(downloads), downloads.total) == (20, 50)
    assert downloads[0].url.endswith("/_storage/documents/30.pdf")
    assert (len(sandbox.state.access_tokens), len(sandbox.state.refresh_tokens)) == (20, 20)


def test_faults_and_counts_from_another_process(served_sandbox: Callable[..., ServedSandbox]) -> None:
    served = served_sandbox(subprocess=True, double_ordering=True, seed=3)
    assert served.process is not None
    assert served.sandbox is None
    local = Sandbox(seed=3)  # the same seed: the same catalog ids and offers as the server's
    with served.client(max_retries=0) as kt:
        assert kt.call(list_catalogs).total_items == 2
        served.inject("status", operation="list_catalogs", status=503)
        with pytest.raises(ServerError):
            kt.call(list_catalogs)
        reservation = reserve(kt, local)
        for _ in range(2):
            kt.http.post("/v1/booking/orders/_bulk", json=order_body(reservation, "CROSS"))
        served.randomly(rate=1.0, seed=1, kinds=["status"], operation="get_catalog")
        with pytest.raises(ServerError):
            kt.http.get(f"/v1/ticketing/catalogs/{local.catalog_id}")
        served.clear_faults()
        assert kt.http.get(f"/v1/ticketing/catalogs/{local.catalog_id}").status_code == 200
    state = served.state()
    assert state["orders_by_reference"] == {"CROSS": 2}
    assert state["reservations"] == state["reservations_ordered"] == 1
    assert served.faults()["applied"] == [["list_catalogs", "status"], ["get_catalog", "status"]]


def test_a_subprocess_sandbox_stops_with_its_block() -> None:
    with serve_in_subprocess() as served:
        assert served.process is not None
        assert served.state()["orders"] == 0
    assert served.process.poll() is not None
    with pytest.raises(httpx.ConnectError):
        httpx.get(served.base_url + "/_sandbox/state")


def test_the_served_entry_point_refuses_bad_options() -> None:
    command = [sys.executable, "-m", "korusticket.testing.served", "--options", '{"created_status": 204}']
    finished = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)  # noqa: S603
    assert finished.returncode != 0
    assert "created_status: expected 200 or 201" in finished.stderr


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


def test_a_ticking_clock_gives_a_seed_the_same_ids_however_slow_the_start() -> None:
    """`korusticket sandbox serve` ticks its clock: the catalog a seed gives must not depend on the milliseconds
    between the clock's creation and the sandbox's (a fresh process importing on first use spends some there)."""
    from korusticket.testing import Sandbox
    from korusticket.testing.clock import SandboxClock

    clock = SandboxClock(ticking=True)
    time.sleep(0.01)
    slow = Sandbox(seed=3, clock=clock)
    assert slow.catalog_id == Sandbox(seed=3).catalog_id
    assert clock.now() > clock.base_time()  # the served sandbox's answers still go by real time
