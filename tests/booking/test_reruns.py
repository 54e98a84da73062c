"""A booking call run again (a retried job, a restarted worker, a new client) finds the booking that exists.

Each test failed before the external reference became the booking's key: `book` twice made two orders, `order`
twice made two (or said "failed" for a booking that was placed), a 429 asking for 1e9 seconds blocked the booking,
an error body nested 50,000 deep escaped as a raw `RecursionError`, and a pickled `OrderOutcomeUnknownError`
could not be settled.
"""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from korusticket import (
    BookingIncompleteError,
    Hold,
    InvalidRequestError,
    KorusTicket,
    OrderOutcomeUnknownError,
    RateLimitError,
    ReferenceConflictError,
    ServerError,
    ops,
)
from korusticket.backoff import Backoff, parse_retry_after
from korusticket.testing import Sandbox
from korusticket.testing.transport import SandboxTransport
from tests.booking.helpers import CUSTOMER, FAST, NO_WAIT, item, offers, orders_of, requests_to


class Payments:
    """A payment step that records each call and its idempotency key."""

    def __init__(self, *, decline: bool = False) -> None:
        self.keys: list[str] = []
        self.decline = decline

    def __call__(self, hold: Hold) -> bool:
        self.keys.append(hold.idempotency_key)
        return not self.decline


def client(sandbox: Sandbox, **options: Any) -> KorusTicket:
    return sandbox.client(booking_policy=FAST, retry=NO_WAIT, **options)


@pytest.mark.parametrize("double_ordering", [False, True])
def test_booking_again_returns_the_booking_that_exists(double_ordering: bool) -> None:
    sandbox = Sandbox(seed=3, double_ordering=double_ordering)
    chosen = [item(offer) for offer in [*offers(sandbox, sessions=True)][:2]]
    pay = Payments()
    with client(sandbox) as kt:
        first = kt.book(chosen, customer=CUSTOMER, external_reference="AGAIN-1", confirm_payment=pay)
    with client(sandbox) as kt:  # the retried job: a new client
        again = kt.book(chosen, customer=CUSTOMER, external_reference="AGAIN-1", confirm_payment=pay)
    assert not first.adopted
    assert again.adopted
    assert {order.id for order in again.orders} == {order.id for order in first.orders}
    assert len(orders_of(sandbox, "AGAIN-1")) == 2
    assert requests_to(sandbox, "create_reservations") == 1
    assert requests_to(sandbox, "create_orders") == 1
    assert len(pay.keys) == 1  # the payment step ran once


def test_a_new_process_without_the_ledger_still_finds_the_booking() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    chosen = item(next(offers(sandbox, sessions=False)))
    with client(sandbox) as kt:
        kt.book(chosen, customer=CUSTOMER, external_reference="AGAIN-2")
    with client(sandbox, ledger="memory:") as kt:  # a fresh ledger: only the server can tell
        again = kt.book(chosen, customer=CUSTOMER, external_reference="AGAIN-2")
    assert again.adopted
    assert len(orders_of(sandbox, "AGAIN-2")) == 1


def test_a_reference_of_another_booking_is_refused_naming_its_orders() -> None:
    sandbox = Sandbox(seed=3)
    first, second = [*offers(sandbox, sessions=False)][:2]
    with client(sandbox) as kt:
        booked = kt.book(item(first), customer=CUSTOMER, external_reference="TAKEN-1")
        with pytest.raises(ReferenceConflictError, match="TAKEN-1") as caught:
            kt.book(item(second, 2), customer=CUSTOMER, external_reference="TAKEN-1")
    assert str(booked.order.reference) in str(caught.value)
    assert [order.id for order in caught.value.orders] == [booked.order.id]
    assert requests_to(sandbox, "create_reservations") == 1  # nothing held for the refused one


def test_the_hold_carries_a_stable_idempotency_key() -> None:
    sandbox = Sandbox(seed=3)
    chosen = item(next(offers(sandbox, sessions=False)))
    declined = Payments(decline=True)
    for _ in range(2):
        with client(sandbox, ledger="memory:") as kt, pytest.raises(BookingIncompleteError):
            kt.book(chosen, customer=CUSTOMER, external_reference="KEY-1", confirm_payment=declined)
    with client(sandbox, ledger="memory:") as kt, pytest.raises(BookingIncompleteError):
        kt.book(chosen, customer=CUSTOMER, external_reference="KEY-2", confirm_payment=declined)
    assert declined.keys[0] == declined.keys[1]  # the same in every process for one reference
    assert declined.keys[2] != declined.keys[0]
    shared = Payments(decline=True)
    with client(sandbox) as kt:  # a ledger that remembers the decline: the next attempt gets a new key
        for _ in range(2):
            with pytest.raises(BookingIncompleteError):
                kt.book(chosen, customer=CUSTOMER, external_reference="KEY-3", confirm_payment=shared)
    assert shared.keys[0] != shared.keys[1]


def test_a_payment_that_succeeded_is_not_taken_again() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    chosen = item(next(offers(sandbox, sessions=False)))
    pay = Payments()
    with client(sandbox) as kt:
        sandbox.faults.inject("rate_limit", operation="create_orders", retry_after=0, times=None)
        with pytest.raises(BookingIncompleteError) as caught:
            kt.book(chosen, customer=CUSTOMER, external_reference="PAID-1", confirm_payment=pay)
        assert caught.value.stage == "order"
        assert caught.value.paid
        sandbox.faults.clear()
    with client(sandbox) as kt:
        booking = kt.book(chosen, customer=CUSTOMER, external_reference="PAID-1", confirm_payment=pay)
    assert len(pay.keys) == 1
    assert len(orders_of(sandbox, "PAID-1")) == 1
    assert requests_to(sandbox, "create_reservations") == 1  # the held reservation was used again
    assert booking.reservations[0].iri == caught.value.held[0].iri


def test_an_unknown_outcome_pickles_and_is_settled_on_a_new_client() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)

    def pay_then_break_the_reads(hold: Hold) -> bool:
        sandbox.faults.inject("drop_after_commit", operation="create_orders")
        sandbox.faults.inject("status", status=503, operation="list_orders", times=None)
        sandbox.faults.inject("status", status=503, operation="get_reservation", times=None)
        return True

    no_retries = sandbox.client(booking_policy=FAST, max_retries=0)
    with no_retries as kt, pytest.raises(OrderOutcomeUnknownError) as caught:
        kt.book(
            item(next(offers(sandbox, sessions=False))),
            customer=CUSTOMER,
            external_reference="LOST-9",
            confirm_payment=pay_then_break_the_reads,
        )
    stored = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes: what a job queue keeps
    sandbox.faults.clear()
    with pytest.raises(InvalidRequestError, match="client"):
        stored.resolve()  # no client comes with an unpickled error
    with client(sandbox) as fresh:
        settled = fresh.settle(stored.external_reference, reservations=stored.reservations)
        resolved = stored.resolve(fresh)
        again = fresh.resolve(stored)
    assert settled.unordered == []
    assert [order.id for order in settled.orders] == [order.id for order in resolved.orders]
    assert resolved.adopted == resolved.orders
    assert again.orders == resolved.orders
    assert len(orders_of(sandbox, "LOST-9")) == 1


def test_settle_says_which_reservations_are_not_ordered() -> None:
    sandbox = Sandbox(seed=3)
    first, second = [*offers(sandbox, sessions=False)][:2]
    with client(sandbox) as kt:
        held = kt.reserve([item(first), item(second)])
        kt.order([held.reservations[0]], customer=CUSTOMER, external_reference="HALF-1")
        settled = kt.settle("HALF-1", reservations=held)
    assert settled.unordered == [held.reservations[1].iri]
    assert len(settled.orders) == 1


LONG_WAITS = ["1e9", "inf", "nan", "-5", "1e400"]


@pytest.mark.parametrize("retry_after", LONG_WAITS)
@pytest.mark.parametrize("operation", ["create_orders", "create_reservations"])
def test_retry_after_in_the_booking_flows_is_bounded(
    retry_after: str, operation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []
    monkeypatch.setattr("korusticket.client.time.sleep", slept.append)
    monkeypatch.setattr("korusticket.retries.time.sleep", slept.append)
    sandbox = Sandbox(seed=3)
    transport = AskingToWait(sandbox, operation, retry_after)
    kt = KorusTicket(transport=transport, **sandbox._options({"booking_policy": FAST, "retry": NO_WAIT}))
    with kt, pytest.raises((RateLimitError, BookingIncompleteError)):
        kt.book(item(next(offers(sandbox, sessions=False))), customer=CUSTOMER, external_reference="WAIT-1")
    assert all(0 <= seconds <= 60 for seconds in slept), slept
    assert orders_of(sandbox, "WAIT-1") == []


class AskingToWait(SandboxTransport):
    """Answers `operation` with a 429 whose `Retry-After` is `value`, always."""

    def __init__(self, sandbox: Sandbox, operation: str, value: str) -> None:
        super().__init__(sandbox)
        self.operation, self.value = operation, value

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.sandbox.operation_of(request) == self.operation:
            request.read()
            return httpx.Response(429, json={"title": "Too Many Requests"}, headers={"retry-after": self.value})
        return super().handle_request(request)


def test_retry_after_values_are_read_sanely() -> None:
    now = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("inf") is None
    assert parse_retry_after("nan") is None
    assert parse_retry_after("1e400") is None
    assert parse_retry_after("-5") == 0
    assert (
        parse_retry_after(format_datetime(datetime(2025, 6, 1, 8, 0, 30, tzinfo=UTC), usegmt=True), lambda: now) == 30
    )
    assert parse_retry_after(format_datetime(datetime(1999, 1, 1, tzinfo=UTC), usegmt=True), lambda: now) == 0
    assert parse_retry_after("Mon, 99 Foo 2025 25:61:61 GMT") is None
    backoff = Backoff(initial_delay=1, max_delay=8, max_retry_after=60)
    assert backoff.wait(1, 1e9) is None  # longer than the cap: give up rather than sleep
    assert backoff.wait(1, 59) == 59
    assert 1 <= backoff.wait(1, None, rng=lambda: 0.5) <= 8  # type: ignore[operator]
    assert backoff.delay(100, rng=lambda: 1.0) == 8


class Spoiling(SandboxTransport):
    """Lets `create_orders` happen, then answers it with a 502 whose body cannot be read."""

    def __init__(self, sandbox: Sandbox, body: bytes, content_type: str) -> None:
        super().__init__(sandbox)
        self.body, self.content_type = body, content_type

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if self.sandbox.operation_of(request) == "create_orders":
            return httpx.Response(502, content=self.body, headers={"content-type": self.content_type})
        return response


UNREADABLE = [
    (b"[" * 50_000 + b"]" * 50_000, "application/json"),  # deeper than any parser goes
    (b'{"title": "\xff\xfe broken \xc3\x28"}', "application/problem+json"),  # not UTF-8
    (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
    (b'{"title": "Bad Gateway", "detail": "the upstr', "application/json"),  # cut short
]


@pytest.mark.parametrize(("body", "content_type"), UNREADABLE)
def test_an_unreadable_answer_after_the_order_is_settled_by_reading_back(body: bytes, content_type: str) -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    transport = Spoiling(sandbox, body, content_type)
    kt = KorusTicket(transport=transport, **sandbox._options({"booking_policy": FAST, "retry": NO_WAIT}))
    with kt:
        booking = kt.book(item(next(offers(sandbox, sessions=False))), customer=CUSTOMER, external_reference="BAD-1")
        with pytest.raises(ServerError) as caught:  # and a plain call says what it got, without a raw error
            kt.call(
                ops.create_orders,
                body={
                    "reservations": [booking.reservations[0].iri],
                    "customer": CUSTOMER,
                    "externalReference": "BAD-2",
                },
            )
    assert booking.recovered
    assert len(orders_of(sandbox, "BAD-1")) == 1
    assert caught.value.status_code == 502
    assert len(caught.value.excerpt) <= 300


class Crash(BaseException):
    """A worker dying inside the payment step (what SIGKILL does, in one process)."""


def test_a_payment_in_doubt_is_retried_with_the_same_key_and_told_so() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    chosen = item(next(offers(sandbox, sessions=False)))
    seen: list[Hold] = []

    def charge_then_die(hold: Hold) -> bool:
        seen.append(hold)
        raise Crash

    with client(sandbox) as kt, pytest.raises(Crash):
        kt.book(chosen, customer=CUSTOMER, external_reference="DOUBT-1", confirm_payment=charge_then_die)
    assert sandbox.ledger.read("DOUBT-1").stage == "paying"  # type: ignore[union-attr]
    with client(sandbox) as kt:
        booking = kt.book(chosen, customer=CUSTOMER, external_reference="DOUBT-1", confirm_payment=seen.append)
    assert [hold.retried for hold in seen] == [False, True]
    assert seen[0].idempotency_key == seen[1].idempotency_key
    assert booking.reservations[0].iri == seen[0].reservations[0].iri  # the held places, not new ones
    assert len(orders_of(sandbox, "DOUBT-1")) == 1


def test_recover_takes_only_true_or_false_as_the_answer_about_a_charge_in_doubt() -> None:
    """A lookup that returns None (found nothing, or forgot its return) proves neither way: the doubt stays, and
    nothing is ordered on it."""
    sandbox = Sandbox(seed=3, double_ordering=True)
    offer = next(offers(sandbox, sessions=False))

    def die(hold: Hold) -> bool:
        raise Crash

    with sandbox.client(booking_policy=FAST, max_retries=0) as kt, pytest.raises(Crash):
        kt.book(item(offer), customer=CUSTOMER, external_reference="DOUBT-NONE", confirm_payment=die)
    with client(sandbox) as kt:
        for answer in (None, "ch_123", 1):
            (unsure,) = kt.recover(confirm_payment=lambda hold, answer=answer: answer)
            assert (unsure.outcome, unsure.paid) == ("unknown", False), answer
            assert f"confirm_payment returned {type(answer).__name__}, not True or False" in unsure.reason
            assert orders_of(sandbox, "DOUBT-NONE") == []
        (settled,) = kt.recover(confirm_payment=lambda hold: True)
    assert settled.outcome == "booked"
    assert len(orders_of(sandbox, "DOUBT-NONE")) == 1


def test_recover_settles_what_dead_workers_left() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    first, second, third = [*offers(sandbox, sessions=False)][:3]

    def die(hold: Hold) -> bool:
        raise Crash

    def pay_then_die_before_ordering(hold: Hold) -> bool:
        sandbox.faults.inject("drop_before_commit", operation="create_orders", times=None)
        return True

    with sandbox.client(booking_policy=FAST, max_retries=0) as kt:
        with pytest.raises(Crash):
            kt.book(item(first), customer=CUSTOMER, external_reference="DEAD-PAYING", confirm_payment=die)
        with pytest.raises(BookingIncompleteError):  # paid, then the order never got through
            kt.book(item(second), customer=CUSTOMER, external_reference="DEAD-PAID",
                    confirm_payment=pay_then_die_before_ordering)  # fmt: skip
        sandbox.faults.clear()
        held = kt.reserve(item(third))
    with client(sandbox) as kt:
        unsure = {r.external_reference: r for r in kt.recover()}
        assert unsure["DEAD-PAYING"].outcome == "unknown"  # it may have charged: the key says where to look
        assert unsure["DEAD-PAYING"].idempotency_key
        assert unsure["DEAD-PAYING"].held
        settled = {r.external_reference: r for r in kt.recover(confirm_payment=lambda hold: hold.retried)}
    assert settled["DEAD-PAYING"].outcome == "booked"
    assert len(orders_of(sandbox, "DEAD-PAYING")) == 1
    assert "DEAD-PAID" not in settled  # an order refused after payment is finished, reported, not retried
    assert held.ok
    assert kt.ledger.unfinished() == []
