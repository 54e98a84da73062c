"""Hostile answers inside the booking flows: `kt.book` on a sandbox that lets a reservation be ordered twice, where
one answer of the flow (chosen by hypothesis: the token, the offer reads, the reservation, the order, the read-backs)
is replaced by a mutation of the real one (a `Plan` drawn before the flow runs), after the sandbox has done the work.

What must hold for every example: the call returns or raises one of the SDK's errors (no raw exception, and never
an `InvalidRequestError`, which would blame the caller's sound arguments for the server's answer). When the replaced
answer was a 2xx, a 5xx or no valid HTTP at all (what a server may send after committing), a call that says it
failed leaves no order behind, since the SDK reads the server back instead of guessing, and no reservation has two
orders. A 4xx is the server saying it did nothing, and is trusted as such (a 429 is waited out, a 401 answered with
a new token, and the order sent again): what a server that committed and still answered 4xx gets is counted apart.

Bounded: a fixed seed (derandomized), a fixed number of examples; the counts print with `-s`.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import Phase, given
from hypothesis import strategies as st

from korusticket import (
    AsyncKorusTicket,
    BookingPolicy,
    Hold,
    KorusTicket,
    KorusTicketError,
    OrderOutcomeUnknownError,
    RetryPolicy,
)
from korusticket.testing import Sandbox
from tests.booking.test_exactly_once import CUSTOMER, scenario
from tests.facade.mutations import Plan, plans
from tests.fuzzing import bounded

Outcome = tuple[str, str]
"""How a booking ended ("booked", "failed" or "raw") and what it said."""
EXAMPLES = int(os.environ.get("KORUSTICKET_ANSWER_FUZZ_EXAMPLES", "150"))
POLICY = BookingPolicy(attempts=3, settle_timeout=0.0, first_wait=0.0, max_wait=0.0)
RETRY = RetryPolicy(max_retries=1, initial_delay=0.0, max_delay=0.0)
COUNTS: Counter[str] = Counter()
PROBLEMS: list[str] = []


class OneHostileAnswer(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The sandbox's transport, with answer number `target` of the flow replaced by a mutation drawn from `data`."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sync, self.asynchronous = sandbox.transport(), sandbox.async_transport()
        self.plan: Plan | None = None
        self.target = -1
        self.count = 0
        self.replaced: tuple[str, str, int, int] | None = None
        self.flag_flipped = False
        """Whether the replacement only turned a true/false field of a valid answer to the other value."""
        """The method, path, real status and status sent instead, of the answer replaced."""

    def arm(self, plan: Plan, target: int) -> None:
        self.plan, self.target, self.count, self.replaced = plan, target, 0, None
        self.flag_flipped = False

    def _swap(self, request: httpx.Request, response: httpx.Response) -> httpx.Response:
        index, self.count = self.count, self.count + 1
        if index != self.target or self.plan is None:
            return response
        status, headers, body = self.plan.apply(response.status_code, response.content)
        self.replaced = (request.method, request.url.path, response.status_code, status)
        self.flag_flipped = self.plan.flips_a_flag(response.content)
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.sync.handle_request(request)
        response.read()
        return self._swap(request, response)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.asynchronous.handle_async_request(request)
        await response.aread()
        return self._swap(request, response)


def judge(sandbox: Sandbox, hostile: OneHostileAnswer, reference: str, told: str, detail: str) -> None:
    COUNTS["calls"] += 1
    COUNTS[told] += 1
    DETAILS[f"{told} {detail} replaced={hostile.replaced is not None}"] += 1
    COUNTS["answers replaced"] += hostile.replaced is not None
    orders = [order for order in sandbox.state.orders.values() if order.external_reference == reference]
    per_reservation = Counter(order.reservation_id for order in orders)
    where = f"{reference}: answer replaced {hostile.replaced}"
    if told == "raw":
        PROBLEMS.append(f"{where}: raw exception {detail}")
    if detail.startswith("InvalidRequestError"):  # the caller's arguments are sound: the answer is to blame
        if hostile.flag_flipped:  # unless the answer, as valid as the real one, now asks more of them
            COUNTS["refused after a flag flipped in a valid answer (the caller's items no longer fit)"] += 1
        else:
            PROBLEMS.append(f"{where}: a bad answer reported as the caller's mistake: {detail}")
    if detail.startswith("CommittedWriteError") and "/token" in detail:
        PROBLEMS.append(f"{where}: a token request reported as a committed write: {detail}")
    lied = hostile.replaced is not None and 400 <= hostile.replaced[3] < 500
    if any(count > 1 for count in per_reservation.values()):
        if lied:  # a 401 or 429 says nothing was done: the SDK sends again (after a new token, after the wait)
            COUNTS["ordered twice after a 4xx claiming nothing was done (trusted)"] += 1
        else:
            PROBLEMS.append(f"{where}: a reservation ordered twice")
    if told == "failed" and orders:
        COUNTS["failed with an order behind (4xx answers, trusted)" if lied else "failed with an order behind"] += 1
        if not lied:
            PROBLEMS.append(f"{where}: told failed ({detail}) while {len(orders)} order(s) exist")


def book_sync(kt: KorusTicket, sandbox: Sandbox, reference: str, seed: int) -> Outcome:
    try:
        kt.book(scenario(sandbox, seed), customer=CUSTOMER, external_reference=reference, confirm_payment=paid)
    except OrderOutcomeUnknownError as unknown:
        COUNTS["outcome unknown, then resolved"] += 1
        unknown.resolve()  # the hostile answer is spent: the read-back must settle it
        return "booked", ""
    except KorusTicketError as error:
        return "failed", f"{type(error).__name__}: {str(error)[:150]}"
    except Exception as error:  # what this test looks for
        return "raw", f"{type(error).__name__}: {str(error)[:200]}"
    return "booked", ""


def paid(hold: Hold) -> bool:
    return hold.total >= 0


def settings_for(examples: int) -> Any:
    # Generation only: the sandbox's state moves on with every example, so an example cannot be replayed or
    # shrunk; problems are collected and asserted after the run rather than raised inside it.
    return bounded(examples, [Phase.generate])


DETAILS: Counter[str] = Counter()


def fuzz(sandbox: Sandbox, hostile: OneHostileAnswer, book: Callable[[str, int], Outcome], examples: int) -> None:
    """Book `examples` times on `sandbox` through `book`, one answer of each flow replaced; judge each outcome."""
    runs = iter(range(10**6))

    @settings_for(examples)
    @given(plans(), st.integers(min_value=0, max_value=14))
    def check(plan: Plan, target: int) -> None:
        run = next(runs)
        reference = f"FUZZ-{sandbox.seed}-{run}"
        hostile.arm(plan, target)
        try:
            told, detail = book(reference, run)
        finally:
            hostile.target = -1
        judge(sandbox, hostile, reference, told, detail)

    before = len(PROBLEMS)
    check()
    assert PROBLEMS[before:] == [], "\n".join(PROBLEMS[before:][:20])


def test_one_hostile_answer_in_a_booking_never_escapes_raw_nor_loses_an_order() -> None:
    sandbox = Sandbox(seed=3, double_ordering=True)
    hostile = OneHostileAnswer(sandbox)

    def book(reference: str, seed: int) -> Outcome:
        # A new client each time: a failed token fetch answers the same client's calls for a second after it.
        options: Any = sandbox._options({})
        with KorusTicket(transport=hostile, retry=RETRY, booking_policy=POLICY, **options) as kt:
            kt.http.server_clock.source = sandbox.clock.now
            return book_sync(kt, sandbox, reference, seed)

    fuzz(sandbox, hostile, book, EXAMPLES)


def test_one_hostile_answer_in_an_async_booking_never_escapes_raw_nor_loses_an_order() -> None:
    sandbox = Sandbox(seed=4, double_ordering=True)
    hostile = OneHostileAnswer(sandbox)

    async def book(reference: str, seed: int) -> Outcome:
        options: Any = sandbox._options({})
        async with AsyncKorusTicket(transport=hostile, retry=RETRY, booking_policy=POLICY, **options) as kt:
            kt.http.server_clock.source = sandbox.clock.now
            try:
                await kt.book(scenario(sandbox, seed), customer=CUSTOMER, external_reference=reference)
            except OrderOutcomeUnknownError as unknown:
                COUNTS["outcome unknown, then resolved"] += 1
                await unknown.aresolve()
            except KorusTicketError as error:
                return "failed", f"{type(error).__name__}: {str(error)[:150]}"
            except Exception as error:  # what this test looks for
                return "raw", f"{type(error).__name__}: {str(error)[:200]}"
            return "booked", ""

    fuzz(sandbox, hostile, lambda reference, seed: asyncio.run(book(reference, seed)), EXAMPLES // 2)


def teardown_module() -> None:
    sys.__stderr__.write(f"\nbooking answer fuzz: {dict(COUNTS)}\n{dict(DETAILS)}\n")
