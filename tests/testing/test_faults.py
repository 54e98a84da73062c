"""Each fault kind, and what the SDK makes of it."""

from __future__ import annotations

import contextlib
import threading
import time

import pytest

from korusticket import (
    APIConnectionError,
    APITimeoutError,
    KorusTicket,
    RateLimitError,
    RetryPolicy,
    ServerError,
    UnexpectedResponseError,
    iri,
)
from korusticket.testing import Sandbox
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import get_catalog, list_catalogs
from tests.testing.helpers import CUSTOMER, item, offer_with


@pytest.fixture
def fast(sandbox: Sandbox) -> KorusTicket:
    return sandbox.client(retry=RetryPolicy(initial_delay=0.0, max_delay=0.0, max_retries=2))


def served_statuses(sandbox: Sandbox, operation: str) -> list[tuple[int | None, str | None]]:
    return [(h.status, h.fault) for h in sandbox.state.handled if h.operation == operation]


def test_latency(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("latency", latency=0.01, operation="list_catalogs")
    assert len(fast.call(list_catalogs).member) == 2
    assert sandbox.faults.log == [("list_catalogs", "latency")]


def test_rate_limit_is_retried_after_retry_after(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("rate_limit", retry_after=0, operation="list_catalogs")
    fast.call(list_catalogs)
    assert served_statuses(sandbox, "list_catalogs") == [(429, "rate_limit"), (200, None)]


def test_rate_limit_on_a_post_is_raised(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("rate_limit", retry_after=3, operation="create_reservations")
    with pytest.raises(RateLimitError) as caught:
        fast.call(create_reservations, body={"items": [item(offer_with(sandbox, sessions=False))]})
    assert caught.value.retry_after == 3
    assert sandbox.state.reservations == {}


@pytest.mark.parametrize("status", [500, 502, 503, 504, 520])
def test_error_statuses(fast: KorusTicket, sandbox: Sandbox, status: int) -> None:
    sandbox.faults.inject("status", status=status, times=None, operation="get_catalog")
    with pytest.raises(ServerError) as caught:
        fast.call(get_catalog, id=sandbox.catalog_id)
    assert caught.value.status_code == status
    attempts = 3 if status in (502, 503, 504) else 1  # the retryable ones are retried twice
    assert len(served_statuses(sandbox, "get_catalog")) == attempts


def test_html_error_page(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("html_error", status=502, times=None)
    with pytest.raises(ServerError) as caught:
        fast.call(list_catalogs)
    assert caught.value.body is None
    assert "<h1>502 Service Unavailable</h1>" in caught.value.excerpt


def test_malformed_json(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("malformed_json", operation="list_catalogs")
    with pytest.raises(UnexpectedResponseError, match="malformed JSON"):
        fast.call(list_catalogs)


def test_dropped_before_commit_changes_nothing(fast: KorusTicket, sandbox: Sandbox) -> None:
    reservation = fast.call(create_reservations, body={"items": [item(offer_with(sandbox, sessions=False))]})
    body = {"reservations": [iri.of(reservation.reservations[0])], "customer": CUSTOMER, "externalReference": "DROP-1"}
    sandbox.faults.inject("drop_before_commit", operation="create_orders")
    with pytest.raises(APIConnectionError, match="RemoteProtocolError"):
        fast.call(create_orders, body=body)
    assert sandbox.state.orders == {}
    assert fast.call(list_orders, external_reference="DROP-1").total_items == 0
    assert len(served_statuses(sandbox, "create_orders")) == 1  # a POST is not retried blindly


def test_dropped_after_commit_leaves_the_order_made(fast: KorusTicket, sandbox: Sandbox) -> None:
    reservation = fast.call(create_reservations, body={"items": [item(offer_with(sandbox, sessions=False))]})
    body = {"reservations": [iri.of(reservation.reservations[0])], "customer": CUSTOMER, "externalReference": "DROP-2"}
    sandbox.faults.inject("drop_after_commit", operation="create_orders")
    with pytest.raises(APIConnectionError):
        fast.call(create_orders, body=body)
    assert len(sandbox.state.orders) == 1  # the server made it; only the answer was lost
    found = fast.call(list_orders, external_reference="DROP-2")
    assert [order.reservation for order in found.member] == [iri.of(reservation.reservations[0])]


def test_random_faults_are_reproducible(sandbox: Sandbox) -> None:
    def run(seed: int) -> list[tuple[str | None, str]]:
        fresh = Sandbox()
        fresh.faults.randomly(rate=0.5, seed=seed, kinds=("status", "rate_limit"), operation="list_catalogs")
        with fresh.client(max_retries=0) as kt:
            for _ in range(20):
                with contextlib.suppress(ServerError, RateLimitError):
                    kt.call(list_catalogs)
        return fresh.faults.log

    first = run(seed=7)
    assert first == run(seed=7)
    assert 3 <= len(first) <= 17
    assert first != run(seed=8)


def test_faults_reject_nonsense(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match=r"^kind: expected one of"):
        sandbox.faults.inject("earthquake")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^status: expected an error status"):
        sandbox.faults.inject("status", status=200)
    with pytest.raises(ValueError, match=r"^rate: expected a probability"):
        sandbox.faults.randomly(rate=2)


def test_latency_after_commit_makes_the_change_then_answers_late(fast: KorusTicket, sandbox: Sandbox) -> None:
    sandbox.faults.inject("latency", latency=5, operation="create_reservations", after_commit=True)
    body = {"items": [item(offer_with(sandbox, sessions=False))]}
    with sandbox.client(max_retries=0, timeout=0.05) as impatient, pytest.raises(APITimeoutError):
        impatient.call(create_reservations, body=body)
    assert len(sandbox.state.reservations) == 1  # made, though the client gave up waiting for the answer
    assert served_statuses(sandbox, "create_reservations") == [(200, None)]


def test_clearing_the_faults_ends_a_latency_under_way(sandbox: Sandbox) -> None:
    sandbox.faults.inject("latency", latency=600, operation="list_catalogs")
    answered: list[int] = []
    with sandbox.client(max_retries=0) as kt:
        caller = threading.Thread(target=lambda: answered.append(kt.call(list_catalogs).total_items))
        caller.start()
        deadline = time.monotonic() + 30
        while not sandbox.faults.log and time.monotonic() < deadline:  # once taken, the call waits on it
            time.sleep(0.01)
        assert sandbox.faults.log == [("list_catalogs", "latency")]
        assert answered == []
        sandbox.faults.clear()
        caller.join(timeout=30)
    assert answered == [2]


def test_the_rule_switches_can_change_on_a_live_sandbox(sandbox: Sandbox) -> None:
    assert sandbox.app.settings is sandbox.settings
    sandbox.double_ordering = True
    assert sandbox.settings.double_ordering is True
    with pytest.raises(ValueError, match=r"^created_status: expected 200 or 201, got 204"):
        sandbox.created_status = 204
    assert sandbox.created_status == 200
