"""Re-runs under faults: a property over hundreds of seeded runs, sync and async.

Each run books one or two offers with `kt.book` on a sandbox that lets a reservation be ordered twice
(`double_ordering`: the harsher server), then repeats the booking with the same external reference from a new
client 1 to 3 times, as a job queue would: `kt.book` again, or `kt.order` of the reservations the last attempt
reported. Random faults strike every request throughout: 5xx and 429, connections dropped before and after the
write, read timeouts, bodies cut short, and answers to the order spoilt after it was made (a 502 whose body is
nested 50,000 deep, not UTF-8, HTML, or cut short). Counted, over every run:

- references with more orders than items asked, or a reservation ordered twice (must be 0);
- calls told "failed" (an error other than "outcome unknown") while an order existed (must be 0);
- payment steps called after one had succeeded (must be 0).

At the end of each run the faults stop and an outcome left unknown is resolved, from a new client.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from korusticket import (
    AsyncKorusTicket,
    BookingIncompleteError,
    BookingPolicy,
    Hold,
    Item,
    KorusTicket,
    KorusTicketError,
    OrderOutcomeUnknownError,
    RetryPolicy,
)
from korusticket.testing import Sandbox
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport
from tests.booking.helpers import CUSTOMER, item, offers, orders_of
from tests.booking.test_reruns import UNREADABLE

RUNS = int(os.environ.get("KORUSTICKET_RERUN_RUNS", "500"))
RUNS_PER_SANDBOX = 100
FAULTS = ("status", "rate_limit", "drop_before_commit", "drop_after_commit", "timeout", "malformed_json", "html_error")
POLICY = BookingPolicy(attempts=3, settle_timeout=0.0, first_wait=0.0, max_wait=0.0, order_in_flight=0.0)
RETRY = RetryPolicy(max_retries=1, initial_delay=0.0, max_delay=0.0)


@dataclass
class Tally:
    runs: int = 0
    calls: Counter[str] = field(default_factory=Counter)
    faults: int = 0
    spoilt: int = 0
    duplicates: int = 0
    failed_while_ordered: int = 0
    failed_examples: list[str] = field(default_factory=list)
    payments_after_success: int = 0
    adopted: int = 0
    booked: int = 0

    def line(self, mode: str) -> str:
        return (
            f"{mode}: {self.runs} runs, {sum(self.calls.values())} calls {dict(self.calls)}, {self.faults} faults "
            f"and {self.spoilt} spoilt order answers; {self.booked} references booked in the end, {self.adopted} "
            f"calls returned an existing booking; {self.duplicates} with a second order, {self.failed_while_ordered} "
            f"told failed while an order existed, {self.payments_after_success} payment steps after a success"
        )


class Spoiler:
    """After `create_orders` was handled, replace its answer (sometimes) by a 502 with an unreadable body."""

    def __init__(self, rate: float, seed: int) -> None:
        self.rate = rate
        self.rng = random.Random(seed)
        self.spoilt = 0

    def spoil(self, sandbox: Sandbox, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if sandbox.operation_of(request) != "create_orders" or self.rng.random() >= self.rate:
            return response
        self.spoilt += 1
        body, content_type = self.rng.choice(UNREADABLE)
        return httpx.Response(502, content=body, headers={"content-type": content_type})


class SpoilingTransport(SandboxTransport):
    def __init__(self, sandbox: Sandbox, spoiler: Spoiler) -> None:
        super().__init__(sandbox)
        self.spoiler = spoiler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.spoiler.spoil(self.sandbox, request, super().handle_request(request))


class AsyncSpoilingTransport(AsyncSandboxTransport):
    def __init__(self, sandbox: Sandbox, spoiler: Spoiler) -> None:
        super().__init__(sandbox)
        self.spoiler = spoiler

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.spoiler.spoil(self.sandbox, request, await super().handle_async_request(request))


class Payments:
    """The payment step of one reference: counts the calls made after one had succeeded."""

    def __init__(self) -> None:
        self.succeeded = False
        self.after_success = 0

    def __call__(self, hold: Hold) -> bool:
        if self.succeeded:
            self.after_success += 1
        self.succeeded = True
        return True


@dataclass
class Run:
    sandbox: Sandbox
    spoiler: Spoiler
    reference: str
    items: list[Item]
    rng: random.Random
    payments: Payments = field(default_factory=Payments)
    reservations: list[str] = field(default_factory=list)
    """What the last attempt said it holds: what a repeated `kt.order` is given."""
    unknown: OrderOutcomeUnknownError | None = None

    def options(self) -> dict[str, Any]:
        return self.sandbox._options({"retry": RETRY, "booking_policy": POLICY})

    def sync_client(self) -> KorusTicket:
        return KorusTicket(transport=SpoilingTransport(self.sandbox, self.spoiler), **self.options())

    def async_client(self) -> AsyncKorusTicket:
        return AsyncKorusTicket(transport=AsyncSpoilingTransport(self.sandbox, self.spoiler), **self.options())

    def repeat_with_order(self, attempt: int) -> bool:
        return attempt > 0 and bool(self.reservations) and self.rng.random() < 0.5

    def learn(self, outcome: Any, tally: Tally, kind: str) -> None:
        """Keep what a call said; count it failing while an order exists."""
        tally.calls[kind] += 1
        if isinstance(outcome, OrderOutcomeUnknownError):
            self.unknown = outcome
            self.reservations = list(outcome.reservations)
            return
        self.unknown = None
        if isinstance(outcome, KorusTicketError):
            if orders_of(self.sandbox, self.reference):
                tally.failed_while_ordered += 1
                tally.failed_examples.append(f"{kind}: {type(outcome).__name__}: {outcome}")
            if isinstance(outcome, BookingIncompleteError) and outcome.held:
                self.reservations = [held.iri for held in outcome.held]
            return
        if getattr(outcome, "adopted", None):  # Booking.adopted, or OrderResult.adopted's orders
            tally.adopted += 1
        held = getattr(outcome, "reservations", None)
        if held and not isinstance(held[0], str):
            self.reservations = [reservation.iri for reservation in held]

    def settle(self, tally: Tally) -> None:
        tally.runs += 1
        tally.faults += len(self.sandbox.faults.log)
        self.sandbox.faults.log.clear()
        orders = orders_of(self.sandbox, self.reference)
        per_reservation = Counter(order.reservation_id for order in orders)
        if len(orders) > len(self.items) or any(count > 1 for count in per_reservation.values()):
            tally.duplicates += 1
        tally.booked += bool(orders)
        tally.payments_after_success += self.payments.after_success


def scenario(sandbox: Sandbox, seed: int) -> list[Item]:
    rng = random.Random(seed)
    pool = [*offers(sandbox, sessions=True), *offers(sandbox, sessions=False)]
    return [item(offer, quantity=rng.choice((1, 2))) for offer in rng.sample(pool, rng.choice((1, 1, 2)))]


def sync_run(run: Run, tally: Tally) -> None:
    for attempt in range(1 + run.rng.randint(1, 3)):
        with run.sync_client() as kt:
            if run.repeat_with_order(attempt):
                kind, call = (
                    "order",
                    lambda: kt.order(run.reservations, customer=CUSTOMER, external_reference=run.reference),
                )
            else:
                kind = "book"

                def call() -> Any:
                    return kt.book(
                        run.items, customer=CUSTOMER, external_reference=run.reference, confirm_payment=run.payments
                    )

            try:
                outcome: Any = call()
            except KorusTicketError as error:
                outcome = error
            run.learn(outcome, tally, kind)
    run.sandbox.faults.clear()
    run.spoiler.rate = 0.0
    if run.unknown is not None:
        with run.sync_client() as kt:
            kt.resolve(run.unknown)


async def async_run(run: Run, tally: Tally) -> None:
    async def pay(hold: Hold) -> bool:
        return run.payments(hold)

    for attempt in range(1 + run.rng.randint(1, 3)):
        async with run.async_client() as kt:
            kind = "order" if run.repeat_with_order(attempt) else "book"
            try:
                if kind == "order":
                    outcome: Any = await kt.order(run.reservations, customer=CUSTOMER, external_reference=run.reference)
                else:
                    outcome = await kt.book(
                        run.items, customer=CUSTOMER, external_reference=run.reference, confirm_payment=pay
                    )
            except KorusTicketError as error:
                outcome = error
            run.learn(outcome, tally, kind)
    run.sandbox.faults.clear()
    run.spoiler.rate = 0.0
    if run.unknown is not None:
        async with run.async_client() as kt:
            await kt.resolve(run.unknown)


def runs(mode: str) -> list[Run]:
    planned = []
    for first in range(0, RUNS, RUNS_PER_SANDBOX):
        sandbox = Sandbox(seed=first // RUNS_PER_SANDBOX, double_ordering=True)
        for number in range(first, min(first + RUNS_PER_SANDBOX, RUNS)):
            planned.append(
                Run(
                    sandbox, Spoiler(0.15, number), f"{mode}-{number}", scenario(sandbox, number), random.Random(number)
                )
            )
    return planned


def test_reruns_sync() -> None:
    tally = Tally()
    for run in runs("RERUN-SYNC"):
        run.sandbox.faults.randomly(rate=0.3, seed=int(run.reference.rsplit("-", 1)[-1]), kinds=FAULTS)
        sync_run(run, tally)
        tally.spoilt += run.spoiler.spoilt
        run.settle(tally)
    print("\n" + tally.line("sync"))
    assert_property(tally)


async def test_reruns_async() -> None:
    tally = Tally()
    for run in runs("RERUN-ASYNC"):
        run.sandbox.faults.randomly(rate=0.3, seed=50_000 + int(run.reference.rsplit("-", 1)[-1]), kinds=FAULTS)
        await async_run(run, tally)
        tally.spoilt += run.spoiler.spoilt
        run.settle(tally)
    print("\n" + tally.line("async"))
    assert_property(tally)


def assert_property(tally: Tally) -> None:
    assert tally.runs == RUNS
    assert tally.duplicates == 0
    assert tally.failed_while_ordered == 0, tally.failed_examples[:5]
    assert tally.payments_after_success == 0
    if RUNS >= 500:  # the faults and the repeats must have bitten, or the property proves nothing
        assert tally.faults > RUNS
        assert tally.spoilt > 20
        assert tally.adopted > RUNS // 4
        assert tally.calls["order"] > RUNS // 10
        assert tally.booked > RUNS // 2
