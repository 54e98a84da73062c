"""Ordering exactly once: the external reference is the booking's key, and every doubt is settled by reading back.

The API documents no idempotency key, and `externalReference` may be shared by several orders, so `order`:
- reads the server back before it sends: reservations already ordered (listed under the reference, or carrying
  their own `order`) are adopted, not ordered again; only the rest is sent. A re-run of the same call, from a
  retried job or a restarted worker, returns the orders that exist;
- takes a definite answer (2xx with a readable body, 4xx, a connection never made) as it is;
- settles an answer that leaves the outcome unknown (the connection dropped after sending, a read timeout, a 5xx,
  a 2xx whose body cannot be read) by reading the server back; only the reservations shown unordered are sent again;
- when the reads themselves keep failing past the time budget, raises `OrderOutcomeUnknownError` with the facts
  to settle it later (`resolve()`, or `kt.settle(...)` on any client). No error that invites a retry is raised for
  a write that happened.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from korusticket import iri
from korusticket.booking.inputs import Customer, check_customer, check_extra_body, check_notes, check_reference
from korusticket.booking.policy import BookingPolicy
from korusticket.booking.reserve import ambiguous, path_of, reservation_iri
from korusticket.booking.results import (
    HeldReservation,
    OrderFailure,
    OrderOutcomeUnknownError,
    OrderResult,
    ReservationResult,
    Settlement,
)
from korusticket.booking.steps import Call, Collect, Flow, Monotonic, Now, Sleep
from korusticket.errors import (
    InvalidRequestError,
    KorusTicketError,
    MissingBodyFieldError,
    NotFoundError,
    RateLimitError,
    ReservationExpiredError,
    ValidationError,
)
from korusticket_client.api.booking_order import create_orders, get_order, list_orders
from korusticket_client.api.booking_reservation import get_reservation
from korusticket_client.models import BookingOrder, BookingReservation, CreateOrdersOutput
from korusticket_client.types import Unset

logger = logging.getLogger("korusticket")

ReservationsInput = ReservationResult | Sequence[HeldReservation | BookingReservation | str]
ORDER_BODY_KEYS = ("reservations", "customer", "externalReference", "notes")
"""The order body's fields the workflow fills itself; `extra_body` may not set them."""


def reservations_of(reservations: Any, name: str = "reservations") -> list[tuple[str, datetime | None]]:
    """(IRI, expiry when known) of each reservation given, in order."""
    if isinstance(reservations, ReservationResult):
        given: list[Any] = list(reservations.reservations)
    elif isinstance(reservations, HeldReservation | BookingReservation | str):
        given = [reservations]
    elif isinstance(reservations, Sequence) and not isinstance(reservations, bytes):
        given = list(reservations)
    else:
        raise InvalidRequestError(
            f"{name}: expected a ReservationResult or a list of reservations (HeldReservation, BookingReservation, "
            f"IRI or id), got {type(reservations).__name__}",
            argument=name,
        )
    if not given:
        raise InvalidRequestError(f"{name}: expected at least one reservation", argument=name)
    found = []
    for index, value in enumerate(given):
        where = f"{name}[{index}]"
        if isinstance(value, HeldReservation):
            found.append((value.iri, value.expires_at))
        elif isinstance(value, BookingReservation):
            expires = value.expires_at if isinstance(value.expires_at, datetime) else None
            found.append((reservation_iri(value), expires))
        elif isinstance(value, str):
            if "/" in value:
                parsed = iri.parse(value, name=where)
                if parsed.kind != "reservation":
                    raise InvalidRequestError(f"{where}: expected a reservation IRI, got the IRI of a {parsed.kind}")
                found.append((parsed.path, None))
            else:
                found.append((iri.reservation(iri.check_id(value, where)), None))
        else:
            raise InvalidRequestError(
                f"{where}: expected a reservation (result, model, IRI or id), got {type(value).__name__}"
            )
    iris = [value for value, _ in found]
    if len(set(iris)) != len(iris):
        raise InvalidRequestError(f"{name}: a reservation is given twice", argument=name)
    return found


@dataclass(frozen=True)
class OrderRequest:
    """An order as checked locally: what is sent, and what a lost answer is settled by. Plain data: it pickles."""

    reservations: list[str]
    customer: dict[str, Any]
    external_reference: str
    notes: str | None
    extra_body: Mapping[str, Any] = field(default_factory=dict)

    def body(self, reservations: list[str]) -> dict[str, Any]:
        body: dict[str, Any] = {
            **self.extra_body,
            "reservations": reservations,
            "customer": self.customer,
            "externalReference": self.external_reference,
        }
        if self.notes is not None:
            body["notes"] = self.notes
        return body


def order_request(
    reservations: ReservationsInput,
    customer: Customer | Mapping[str, Any],
    external_reference: str,
    notes: Any,
    extra_body: Mapping[str, Any] | None = None,
) -> tuple[OrderRequest, list[tuple[str, datetime | None]]]:
    """The checked order and each reservation's known expiry; an `InvalidRequestError` names a bad argument."""
    given = reservations_of(reservations)
    request = OrderRequest(
        [value for value, _ in given],
        check_customer(customer),
        check_reference(external_reference),
        check_notes(notes),
        check_extra_body(extra_body, ORDER_BODY_KEYS, "extra_body"),
    )
    return request, given


def order(
    request: OrderRequest,
    expiries: list[tuple[str, datetime | None]],
    policy: BookingPolicy,
    *,
    fresh: Iterable[str] = (),
    check_expiry: bool = True,
    maybe_ordered: bool = False,
) -> Flow[OrderResult]:
    """Place the order exactly once. `fresh` are reservations this very workflow made moments ago: nobody can have
    ordered them, so only the others are read back before sending. `maybe_ordered`: an earlier run may have placed
    the order (the ledger says it got that far), so a read back that fails leaves the outcome unknown."""
    if check_expiry:
        now: datetime = yield Now()
        expired = [index for index, (_, expires) in enumerate(expiries) if expires is not None and expires <= now]
        if expired:
            raise _expired_locally(request, expired)
    placed: dict[str, BookingOrder] = {}
    failures: dict[str, str] = {}
    made_here = set(fresh)
    to_check = [r for r in request.reservations if r not in made_here]
    adopted: set[str] = set()
    if to_check:
        try:
            found, elsewhere = yield from _read_back(request.external_reference, to_check)
        except KorusTicketError as error:
            if not maybe_ordered:
                raise  # nothing was sent, and nothing says an order exists: a definite failure
            raise _unknown(request, f"the server could not be read back before ordering ({error})", []) from None
        placed.update(found)
        failures.update(elsewhere)
        adopted = set(found)
    pending = [r for r in request.reservations if r not in placed and r not in failures]
    recovered = False
    backoff = policy.backoff
    attempt = 0
    while pending:
        attempt += 1
        try:
            output: CreateOrdersOutput = yield Call(create_orders, {"body": request.body(pending)})
        except MissingBodyFieldError as missing:
            raise missing.passed_with("extra_body={...} on kt.order() or kt.book()") from None
        except RateLimitError as error:  # refused before it was processed: nothing was ordered
            wait = backoff.wait(attempt, error.retry_after)
            if attempt >= policy.attempts or wait is None:
                pending = _definitely_not_ordered(error, pending, placed, failures)
                continue
            yield Sleep(wait)
            continue
        except ValidationError as refused:
            if recovered:  # an earlier attempt may have made the order the API now refuses to repeat
                pending = yield from _settle_into(request, pending, placed, failures, policy)
                if not pending:
                    break
            pending = _definitely_not_ordered(refused, pending, placed, failures)
            continue
        except KorusTicketError as error:
            if not ambiguous(error):
                pending = _definitely_not_ordered(error, pending, placed, failures)
                continue
            logger.warning("order answer lost (%s); reading the server back", error)
            recovered = True
            pending = yield from _settle_into(request, pending, placed, failures, policy)
            if pending and attempt >= policy.attempts:
                # Read back just now: these reservations are not ordered, so the failure is definite.
                pending = _definitely_not_ordered(error, pending, placed, failures)
            continue
        pending = _take_orders(output, pending, placed, failures)
        if pending:  # an answer that accounts for only some reservations: settle the rest
            recovered = True
            pending = yield from _settle_into(request, pending, placed, failures, policy)
            if pending and attempt >= policy.attempts:
                for reservation in pending:
                    failures[reservation] = "the API's answer did not mention this reservation"
                pending = []
    ordered = unique_orders(placed[r] for r in request.reservations if r in placed)
    not_ordered = [
        OrderFailure(reservation, failures[reservation], index)
        for index, reservation in enumerate(request.reservations)
        if reservation in failures
    ]
    adopted_orders = unique_orders(placed[r] for r in request.reservations if r in adopted)
    return OrderResult(ordered, not_ordered, request.external_reference, recovered, adopted_orders)


def settle(reference: str, reservations: list[str]) -> Flow[Settlement]:
    """What exists for a booking, read from the server alone: its orders, and which reservations are not ordered."""
    listed = yield from orders_under(reference)
    found, elsewhere = yield from _read_back(reference, reservations, listed)
    orders = unique_orders([*(found[r] for r in reservations if r in found), *listed])
    unordered = [r for r in reservations if r not in found and r not in elsewhere]
    return Settlement(reference, orders, unordered, {r: elsewhere[r] for r in reservations if r in elsewhere})


def orders_under(reference: str) -> Flow[list[BookingOrder]]:
    """The orders the server lists under `reference` (the filter is checked again on each member)."""
    listed: list[BookingOrder] = yield Collect(list_orders, {"external_reference": reference})
    return [found for found in listed if found.external_reference == reference]


def _definitely_not_ordered(
    error: KorusTicketError, pending: list[str], placed: dict[str, BookingOrder], failures: dict[str, str]
) -> list[str]:
    """A definite failure for the reservations still pending. With nothing ordered, it is the caller's
    error as it is; once some orders exist, they are the result and these reservations its failures, so
    no caller is ever told "failed" while an order exists."""
    if not placed:
        raise error
    for reservation in pending:
        failures[reservation] = str(error)
    return []


def unique_orders(orders: Iterable[BookingOrder]) -> list[BookingOrder]:
    seen: dict[str, BookingOrder] = {}
    for found in orders:
        seen.setdefault(str(found.id), found)
    return list(seen.values())


def _take_orders(
    output: CreateOrdersOutput, pending: list[str], placed: dict[str, BookingOrder], failures: dict[str, str]
) -> list[str]:
    for made in [] if isinstance(output.orders, Unset) else output.orders:
        reservation = path_of(made.reservation)
        if reservation in pending:
            placed[reservation] = made
    for failed in [] if isinstance(output.failed_orders, Unset) else output.failed_orders:
        reservation = path_of(failed.reservation)
        if reservation in pending and reservation not in placed:
            failures[reservation] = failed.message if isinstance(failed.message, str) else "refused"
    return [r for r in pending if r not in placed and r not in failures]


def _settle_into(
    request: OrderRequest,
    pending: list[str],
    placed: dict[str, BookingOrder],
    failures: dict[str, str],
    policy: BookingPolicy,
) -> Flow[list[str]]:
    """Read the server back until it says which of `pending` are ordered; the rest is returned.

    A reservation ordered under another reference is not ours to adopt nor to order again: it becomes a failure.
    """
    started: float = yield Monotonic()
    waits = policy.waits()
    while True:
        try:
            found, elsewhere = yield from _read_back(request.external_reference, pending)
        except KorusTicketError as error:
            elapsed: float = yield Monotonic()
            if elapsed - started >= policy.settle_timeout:
                problem = f"the server could not be read back within {policy.settle_timeout:g} s ({error})"
                raise _unknown(request, problem, unique_orders(placed.values())) from None
            yield Sleep(next(waits))
            continue
        placed.update(found)
        failures.update(elsewhere)
        return [r for r in pending if r not in placed and r not in failures]


def _unknown(request: OrderRequest, problem: str, found: list[BookingOrder]) -> OrderOutcomeUnknownError:
    return OrderOutcomeUnknownError(
        f"the outcome of the order {request.external_reference!r} is unknown: {problem}; the order may exist: settle "
        "it later (error.resolve(), or kt.settle(error.external_reference, reservations=error.reservations)) rather "
        "than ordering again",
        reservations=request.reservations,
        external_reference=request.external_reference,
        orders_found=found,
        request=request,
    )


def _read_back(
    reference: str, pending: list[str], listed: list[BookingOrder] | None = None
) -> Flow[tuple[dict[str, BookingOrder], dict[str, str]]]:
    """Which of `pending` are ordered under `reference` (by the listing, else by each reservation's `order`), and
    which under another reference."""
    found: dict[str, BookingOrder] = {}
    elsewhere: dict[str, str] = {}
    if listed is None:
        listed = yield from orders_under(reference)
    for listed_order in listed:
        reservation = path_of(listed_order.reservation)
        if reservation in pending:
            found[reservation] = listed_order
    for reservation in pending:
        if reservation in found:
            continue
        try:
            held: BookingReservation = yield Call(get_reservation, {"id": reservation.rsplit("/", 1)[-1]})
        except NotFoundError:  # no such reservation: no order holds it
            continue
        if isinstance(held.order, str):  # ordered, though the listing did not show it (yet)
            made: BookingOrder = yield Call(get_order, {"id": held.order.rsplit("/", 1)[-1]})
            if made.external_reference == reference:
                found[reservation] = made
            else:
                elsewhere[reservation] = (
                    f"already ordered under another external reference ({made.external_reference!r}): not ordered again"
                )
    return found, elsewhere


def _expired_locally(request: OrderRequest, indexes: list[int]) -> ReservationExpiredError:
    violations = [
        {"propertyPath": f"reservations[{index}].expired", "message": "This reservation has expired (checked locally)."}
        for index in indexes
    ]
    return ReservationExpiredError(
        status_code=422,
        headers={},
        body={"violations": violations},
        excerpt="checked before sending: nothing was sent",
        method="POST",
        url=iri.orders() + "/_bulk",
        request_body=request.body(request.reservations),
    )
