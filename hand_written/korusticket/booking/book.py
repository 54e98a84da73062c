"""Booking end to end, exactly once per external reference: across re-runs, restarts and (with a shared ledger)
concurrent workers.

`book` runs under the ledger's claim on the reference, so no two workers sharing a ledger run it at once. It
first asks the server: orders under the reference mean the booking exists, and it is returned (no new
reservation, no second call of the payment step). Otherwise it resumes from the ledger's entry: reservations
still held are used instead of reserving again, a payment step that succeeded is not called again, and an order
whose answer was lost is read back before anything is sent again. Each stage is recorded before and after its
write, so `recover` can settle what a dead worker left unfinished.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from korusticket.booking.inputs import Customer, Item, check_customer, check_extra_body, check_notes, check_reference
from korusticket.booking.ledger import (
    BookingInProgressError,
    LedgerEntry,
    LedgerReservation,
    Stage,
)
from korusticket.booking.order import (
    ORDER_BODY_KEYS,
    OrderRequest,
    order,
    orders_under,
    settle,
)
from korusticket.booking.policy import BookingPolicy
from korusticket.booking.reserve import _held, check_items, offer_iri_of, path_of, reserve
from korusticket.booking.results import (
    Booking,
    BookingIncompleteError,
    Clock,
    HeldReservation,
    Hold,
    OrderOutcomeUnknownError,
    Recovery,
    ReferenceConflictError,
)
from korusticket.booking.steps import Call, Callback, Claim, Flow, Now, Record, Release, Sleep, Unfinished, WallClock
from korusticket.errors import (
    APIConnectionError,
    APIStatusError,
    KorusTicketError,
    NotFoundError,
    UnexpectedResponseError,
)
from korusticket_client.api.booking_reservation import get_reservation
from korusticket_client.models import BookingOrder, BookingReservation
from korusticket_client.types import Unset

IDEMPOTENCY_NAMESPACE = uuid.UUID("0b6c2f1e-5d0a-4c55-9a43-6b3f0f2a9e71")
"""Namespace of the payment idempotency keys (UUID v5 of the reference and the attempt)."""
RESUME_MARGIN = timedelta(seconds=30)
"""A stored reservation is used again only if it holds its places at least this long (time to pay and order)."""


def idempotency_key(reference: str, attempt: int) -> str:
    """The payment idempotency key of a booking's payment attempt: the same in every process, for every re-run."""
    return f"korusticket-{uuid.uuid5(IDEMPOTENCY_NAMESPACE, f'{reference}#{attempt}')}"


@dataclass(frozen=True)
class BookRequest:
    """A booking as checked locally, before anything is sent or claimed."""

    items: list[Item]
    asked: tuple[tuple[str, int], ...]
    """(offer IRI, quantity) of each item: what the booking is, to tell it from another under the same reference."""
    customer: dict[str, Any]
    reference: str
    notes: str | None
    extra_body: Mapping[str, Any] = field(default_factory=dict)
    reserve_extra_body: Mapping[str, Any] | None = None


def book_request(
    items: Sequence[Item] | Item,
    customer: Customer | Mapping[str, Any],
    external_reference: str,
    notes: Any = None,
    extra_body: Mapping[str, Any] | None = None,
    reserve_extra_body: Mapping[str, Any] | None = None,
) -> BookRequest:
    """Check everything that needs no request; an `InvalidRequestError` names the argument."""
    checked_items = check_items(items)
    asked = tuple((offer_iri_of(item, f"items[{index}]"), item.quantity) for index, item in enumerate(checked_items))
    return BookRequest(
        items=checked_items,
        asked=asked,
        customer=check_customer(customer),
        reference=check_reference(external_reference),
        notes=check_notes(notes),
        extra_body=check_extra_body(extra_body, ORDER_BODY_KEYS, "extra_body"),
        reserve_extra_body=check_extra_body(reserve_extra_body, ("items",), "reserve_extra_body"),
    )


def book(
    request: BookRequest, confirm_payment: Callable[[Hold], Any] | None, policy: BookingPolicy, clock: Clock
) -> Flow[Booking]:
    stored: LedgerEntry | None = yield Claim(request.reference, policy.claim_wait)
    yield from _let_in_flight_land(stored, policy)
    try:
        existing = yield from _existing_orders(request.reference, stored)
    except KorusTicketError as error:
        if stored is None or not _maybe_ordered(stored):
            raise  # nothing sent, and no earlier run got as far as ordering: a definite failure
        raise _unknown_booking(stored, error, []) from None
    _refuse_another_booking(request, existing, stored)
    paid_before = stored is not None and stored.paid and stored.items == request.asked
    if existing and not (paid_before and stored is not None and not stored.finished):
        return (yield from _adopt(request, existing, stored, clock))
    entry = _entry(request, stored)
    fresh: set[str] = set()
    try:
        held = (yield from _resume(entry, clock)) if entry.reservations else None
    except KorusTicketError as error:
        if stored is None or not (existing or _maybe_ordered(stored)):
            raise  # nothing sent, and nothing says an order exists: a definite failure
        raise _unknown_booking(stored, error, existing) from None
    if held is None:
        if existing:  # an earlier run ordered part of it and its other holds are gone: what exists is the booking
            return (yield from _adopt(request, existing, stored, clock))
        entry = yield from _record(entry, "reserving", reservations=())
        try:
            reserved = yield from reserve(request.items, policy, clock, request.reserve_extra_body)
        except KorusTicketError as error:
            yield from _record(entry, "incomplete", reason=f"reserving failed: {error}")
            raise
        held = reserved.reservations
        entry = yield from _record(entry, "reserved", reservations=_stored(held))
        fresh = {reservation.iri for reservation in held}
        if reserved.failures:
            first = reserved.failures[0]
            reason = f"items[{first.item_index}] could not be reserved: {first.message}"
            yield from _record(entry, "incomplete", reason=reason)
            raise BookingIncompleteError(
                "reserve", reason, held=held, reservation_failures=reserved.failures, paid=entry.paid
            )
    total = sum((reservation.total for reservation in held), Decimal(0))
    expires = [reservation.expires_at for reservation in held if reservation.expires_at is not None]
    hold = Hold(
        held,
        total,
        min(expires) if expires else None,
        request.reference,
        request.customer,
        idempotency_key(request.reference, entry.attempt),
        retried=entry.payment_uncertain,
    )
    entry = yield from _pay(entry, hold, confirm_payment)
    entry = yield from _record(entry, "ordering")
    order_request = OrderRequest(
        [reservation.iri for reservation in held],
        request.customer,
        request.reference,
        request.notes,
        request.extra_body,
    )
    expiries = [(reservation.iri, reservation.expires_at) for reservation in held]
    try:
        result = yield from order(order_request, expiries, policy, fresh=fresh, maybe_ordered=_maybe_ordered(stored))
    except OrderOutcomeUnknownError as unknown:
        yield from _record(entry, "ordering", reason=f"the order's outcome is unknown: {unknown}")
        raise
    except (APIStatusError, APIConnectionError, UnexpectedResponseError) as error:
        # Definite: the server was read back or never reached, so no order exists for these reservations.
        yield from _record(entry, "incomplete", reason=f"ordering failed: {error}")
        raise BookingIncompleteError("order", str(error), held=held, paid=entry.paid) from error
    if not result.orders:
        reason = result.failures[0].message
        yield from _record(entry, "incomplete", reason=f"ordering failed: {reason}")
        raise BookingIncompleteError("order", reason, held=held, order_failures=result.failures, paid=entry.paid)
    yield from _record(entry, "ordered", orders=tuple(_order_iri(made) for made in result.orders), reason=None)
    return Booking(
        result.orders, held, result.failures, request.reference, result.recovered, adopted=bool(result.adopted)
    )


def _existing_orders(reference: str, stored: LedgerEntry | None) -> Flow[list[BookingOrder]]:
    """The orders of this booking on the server: listed under the reference, or (when the ledger says an order may
    have been placed, and the listing may lag) held by the reservations the ledger recorded."""
    existing = yield from orders_under(reference)
    if existing or stored is None or not stored.reservations:
        return existing
    if stored.paid or stored.orders or stored.stage in ("ordering", "ordered"):
        found = yield from settle(reference, [kept.iri for kept in stored.reservations])
        return found.orders
    return existing


def _let_in_flight_land(stored: LedgerEntry | None, policy: BookingPolicy) -> Flow[None]:
    """A worker that died while ordering may have left its order request on its way: let it land (or time out)
    before the server is read back."""
    if stored is None or stored.stage != "ordering" or stored.reason is not None or stored.updated_at is None:
        return
    now: datetime = yield WallClock()
    left = policy.order_in_flight - (now - stored.updated_at).total_seconds()
    if left > 0:
        yield Sleep(min(left, policy.order_in_flight))


def _unknown_booking(
    stored: LedgerEntry, error: KorusTicketError, found: list[BookingOrder]
) -> OrderOutcomeUnknownError:
    """An earlier run may have placed the order, and the server cannot be read to know."""
    request = OrderRequest(
        [kept.iri for kept in stored.reservations],
        dict(stored.customer),
        stored.reference,
        stored.notes,
        stored.extra_body,
    )
    return OrderOutcomeUnknownError(
        f"the booking {stored.reference!r} may exist (an earlier run got as far as ordering) and the server could "
        f"not be read back ({error}); nothing was sent: run it again, or settle it with error.resolve()",
        reservations=request.reservations,
        external_reference=stored.reference,
        orders_found=found,
        request=request,
    )


def _entry(request: BookRequest, stored: LedgerEntry | None) -> LedgerEntry:
    """The entry this run continues: the stored one for the same items, else a new one (a new payment attempt
    once the last one was declined)."""
    fields: dict[str, Any] = {
        "customer": request.customer,
        "notes": request.notes,
        "extra_body": dict(request.extra_body),
    }
    if stored is not None and stored.items == request.asked:
        return replace(stored, **fields)
    attempt = stored.attempt if stored is not None else 1
    return LedgerEntry(request.reference, "reserving", items=request.asked, attempt=attempt, **fields)


def _refuse_another_booking(request: BookRequest, existing: list[BookingOrder], stored: LedgerEntry | None) -> None:
    """Orders or a paid entry under this reference for other offers or quantities are another booking's."""
    found = Counter(_order_items(existing))
    if found - Counter(request.asked):
        held = ", ".join(f"{made.reference or made.id}: {_describe(_order_items([made]))}" for made in existing)
        raise ReferenceConflictError(
            f"external_reference {request.reference!r} already names another booking ({held}); asked for "
            f"{_describe(list(request.asked))}. Nothing was reserved, paid or ordered: use a new reference",
            external_reference=request.reference,
            orders=existing,
        )
    charged = stored is not None and (stored.paid or stored.payment_uncertain or bool(stored.orders))
    if stored is not None and stored.items and stored.items != request.asked and charged:
        raise ReferenceConflictError(
            f"external_reference {request.reference!r}: the ledger holds a {'paid ' if stored.paid else ''}booking "
            f"of {_describe(list(stored.items))} under it; asked for {_describe(list(request.asked))}. Nothing was "
            "reserved, paid or ordered: use a new reference",
            external_reference=request.reference,
            orders=existing,
        )


def _adopt(
    request: BookRequest, existing: list[BookingOrder], stored: LedgerEntry | None, clock: Clock
) -> Flow[Booking]:
    """The booking that exists, returned as it is; the ledger records it as ordered."""
    entry = _entry(request, stored)
    orders = tuple(_order_iri(made) for made in existing)
    yield from _record(entry, "ordered", orders=orders, reason=None)
    missing = list((Counter(request.asked) - Counter(_order_items(existing))).elements())
    ordered = {path_of(made.reservation) for made in existing}
    held = [
        HeldReservation(
            reservation=BookingReservation(id=kept.iri.rsplit("/", 1)[-1]),
            iri=kept.iri,
            item_index=None,
            item=None,
            expires_at=kept.expires_at,
            total=kept.total,
            clock=clock,
        )
        for kept in entry.reservations
        if kept.iri in ordered
    ]
    return Booking(existing, held, [], request.reference, adopted=True, missing=missing)


def _resume(entry: LedgerEntry, clock: Clock) -> Flow[list[HeldReservation] | None]:
    """The stored reservations, if every one still holds its places (read back from the server); else None."""
    now: datetime = yield Now()
    if any(kept.expires_at is None or kept.expires_at - RESUME_MARGIN <= now for kept in entry.reservations):
        return None
    held = []
    for kept in entry.reservations:
        try:
            model: BookingReservation = yield Call(get_reservation, {"id": kept.iri.rsplit("/", 1)[-1]})
        except NotFoundError:
            return None
        if model.status == "released" or model.expired is True:
            return None
        resumed = _held(model, None, clock)
        held.append(replace(resumed, iri=kept.iri, expires_at=resumed.expires_at or kept.expires_at))
    return held


def _pay(entry: LedgerEntry, hold: Hold, confirm_payment: Callable[[Hold], Any] | None) -> Flow[LedgerEntry]:
    """Take the payment once: a payment that succeeded in an earlier run is not asked for again."""
    if entry.paid:
        if entry.paid_total is not None and entry.paid_total != hold.total:
            reason = (
                f"the payment of {entry.paid_total} succeeded in an earlier run, but the places now held cost "
                f"{hold.total}; the payment step was not called again"
            )
            yield from _record(entry, "incomplete", reason=reason)
            raise BookingIncompleteError("payment", reason, held=hold.reservations, paid=True)
        return entry
    if confirm_payment is not None:
        # Recorded first: if the worker dies in the step, the next run and `recover` know it may have charged.
        entry = yield from _record(entry, "paying", payment_uncertain=True)
        try:
            outcome = yield Callback(confirm_payment, hold)
        except Exception as error:
            # Whether the charge was made is unknown: the next run uses the same idempotency key.
            yield from _record(entry, "incomplete", reason=f"the payment step failed: {error!r}")
            raise BookingIncompleteError(
                "payment", f"the payment step failed: {error!r}", held=hold.reservations
            ) from error
        if outcome is False:
            reason = "the payment step declined"
            yield from _record(entry, "incomplete", reason=reason, attempt=entry.attempt + 1, payment_uncertain=False)
            raise BookingIncompleteError("payment", reason, held=hold.reservations)
    return (yield from _record(entry, "paid", paid=True, paid_total=hold.total, payment_uncertain=False))


def _record(entry: LedgerEntry, stage: Stage, **changes: Any) -> Flow[LedgerEntry]:
    now: datetime = yield WallClock()
    moved = entry.at(stage, now, **changes)
    yield Record(moved)
    return moved


def _stored(held: list[HeldReservation]) -> tuple[LedgerReservation, ...]:
    return tuple(LedgerReservation(reservation.iri, reservation.expires_at, reservation.total) for reservation in held)


def _order_items(orders: list[BookingOrder]) -> list[tuple[str, int]]:
    found = []
    for made in orders:
        for item in [] if isinstance(made.items, Unset) else made.items:
            offer = path_of(item.offer)
            quantity = item.quantity if isinstance(item.quantity, int) else 0
            found.append((offer or str(item.offer), quantity))
    return found


def _describe(items: list[tuple[str, int]]) -> str:
    return ", ".join(f"{quantity} x {offer}" for offer, quantity in items) or "nothing"


def _order_iri(made: BookingOrder) -> str:
    return path_of(made.additional_properties.get("@id")) or f"/v1/booking/orders/{made.id}"


# ------------------------------------------------------------------------------------------------ recover


def recover(
    policy: BookingPolicy, clock: Clock, confirm_payment: Callable[[Hold], Any] | None = None
) -> Flow[list[Recovery]]:
    """Settle every unfinished ledger entry: what a dead worker left (a worker's start-up, a cron job).

    `confirm_payment(hold)` is asked only about bookings whose payment step may have charged when its worker died
    (`hold.retried`): True when the provider shows the charge (look it up by `hold.idempotency_key`), False when
    not. Without it, those bookings are `unknown`, with the key to look up."""
    entries: list[LedgerEntry] = yield Unfinished()
    recoveries = []
    for listed in entries:
        try:
            stored: LedgerEntry | None = yield Claim(listed.reference, 0.0)
        except BookingInProgressError:
            recoveries.append(Recovery(listed.reference, "in_progress", reason="another worker holds it"))
            continue
        try:
            if stored is None or stored.finished:  # finished meanwhile by the worker that held it
                recoveries.append(Recovery(listed.reference, "booked" if stored and stored.orders else "incomplete"))
                continue
            yield from _let_in_flight_land(stored, policy)
            recoveries.append((yield from _recover_one(stored, policy, clock, confirm_payment)))
        finally:
            yield Release(listed.reference)
    return recoveries


def _recover_one(
    entry: LedgerEntry, policy: BookingPolicy, clock: Clock, confirm_payment: Callable[[Hold], Any] | None
) -> Flow[Recovery]:
    reference = entry.reference
    try:
        existing = yield from _existing_orders(reference, entry)
        held = (yield from _resume(entry, clock)) if entry.reservations else None
    except KorusTicketError as error:
        return Recovery(reference, "unknown", paid=entry.paid, reason=f"the server could not be read back: {error}")
    if not entry.paid and not existing and entry.payment_uncertain and held:
        entry, unanswered = yield from _confirm_payment(entry, held, confirm_payment)
        if not entry.paid:
            key = idempotency_key(reference, entry.attempt)
            if entry.payment_uncertain:
                reason = (
                    f"the payment step may have charged when its worker died{unanswered}: look up idempotency key "
                    f"{key} at your provider, then recover(confirm_payment=...) or book again with the same reference"
                )
                return Recovery(reference, "unknown", held=held, reason=reason, idempotency_key=key)
            return Recovery(reference, "incomplete", held=held, reason=entry.reason, idempotency_key=key)
    if not entry.paid:  # the payment step belongs to the caller: recover never takes a payment
        if existing:
            booking = yield from _adopt_entry(entry, existing, clock)
            return Recovery(reference, "booked", booking=booking)
        reason = f"stopped at {entry.stage} before the payment; nothing was ordered"
        yield from _record(entry, "incomplete", reason=reason)
        return Recovery(reference, "incomplete", held=held or [], reason=reason)
    if held is None:
        if existing:
            booking = yield from _adopt_entry(entry, existing, clock)
            return Recovery(reference, "booked", booking=booking)
        reason = "paid, but the reservations expired before the order was placed: refund or book again"
        yield from _record(entry, "incomplete", reason=reason)
        return Recovery(reference, "incomplete", paid=True, reason=reason)
    request = OrderRequest([kept.iri for kept in held], dict(entry.customer), reference, entry.notes, entry.extra_body)
    entry = yield from _record(entry, "ordering")
    try:
        result = yield from order(request, [(kept.iri, kept.expires_at) for kept in held], policy)
    except OrderOutcomeUnknownError as unknown:
        return Recovery(reference, "unknown", held=held, paid=True, reason=str(unknown))
    except KorusTicketError as error:
        reason = f"ordering failed: {error}"
        yield from _record(entry, "incomplete", reason=reason)
        return Recovery(reference, "incomplete", held=held, paid=True, reason=reason)
    if not result.orders:
        reason = f"ordering failed: {result.failures[0].message}"
        yield from _record(entry, "incomplete", reason=reason)
        return Recovery(reference, "incomplete", held=held, paid=True, reason=reason)
    yield from _record(entry, "ordered", orders=tuple(_order_iri(made) for made in result.orders), reason=None)
    booking = Booking(result.orders, held, result.failures, reference, result.recovered, adopted=bool(result.adopted))
    return Recovery(reference, "booked", booking=booking, held=held, paid=True)


def _confirm_payment(
    entry: LedgerEntry, held: list[HeldReservation], confirm_payment: Callable[[Hold], Any] | None
) -> Flow[tuple[LedgerEntry, str]]:
    """Ask the caller whether a payment in doubt was taken: True records it paid, False incomplete (a new attempt
    next time); no answer (no function, it raised, or it returned anything but True or False: a lookup that found
    nothing and returned None is no proof either way) leaves the doubt, and says why (the second value)."""
    if confirm_payment is None:
        return entry, ""
    expires = [kept.expires_at for kept in held if kept.expires_at is not None]
    hold = Hold(
        held,
        sum((kept.total for kept in held), Decimal(0)),
        min(expires) if expires else None,
        entry.reference,
        dict(entry.customer),
        idempotency_key(entry.reference, entry.attempt),
        retried=True,
    )
    try:
        taken = yield Callback(confirm_payment, hold)
    except Exception as error:
        return entry, f" (confirm_payment raised {type(error).__name__})"
    if taken is False:
        reason = "the payment step's charge was not taken (confirmed by confirm_payment)"
        changes = {"attempt": entry.attempt + 1, "payment_uncertain": False}
        return (yield from _record(entry, "incomplete", reason=reason, **changes)), ""
    if taken is not True:
        return entry, f" (confirm_payment returned {type(taken).__name__}, not True or False)"
    return (yield from _record(entry, "paid", paid=True, paid_total=hold.total, payment_uncertain=False)), ""


def _adopt_entry(entry: LedgerEntry, existing: list[BookingOrder], clock: Clock) -> Flow[Booking]:
    request = BookRequest([], entry.items, dict(entry.customer), entry.reference, entry.notes, entry.extra_body)
    return (yield from _adopt(request, existing, entry, clock))


# ------------------------------------------------------------------------------------------------ order alone


def order_booking(
    request: OrderRequest,
    expiries: list[tuple[str, datetime | None]],
    policy: BookingPolicy,
    *,
    check_expiry: bool = True,
) -> Flow[Any]:
    """`kt.order`: the order under the ledger's claim on its reference, recorded like `book`'s last stages (so
    `recover` finishes it if the worker dies), every reservation read back before anything is sent."""
    stored: LedgerEntry | None = yield Claim(request.external_reference, policy.claim_wait)
    yield from _let_in_flight_land(stored, policy)
    known = {kept.iri: kept for kept in stored.reservations} if stored is not None else {}
    given = dict(expiries)
    reservations = tuple(
        LedgerReservation(
            iri,
            given.get(iri) or (known[iri].expires_at if iri in known else None),
            known[iri].total if iri in known else Decimal(0),
        )
        for iri in request.reservations
    )
    base = stored if stored is not None else LedgerEntry(request.external_reference, "ordering")
    maybe_ordered = _maybe_ordered(stored)
    entry = replace(
        base,
        customer=request.customer,
        notes=request.notes,
        extra_body=dict(request.extra_body),
        reservations=reservations,
        paid=True,  # the caller orders once the payment succeeded: `recover` may finish it
    )
    entry = yield from _record(entry, "ordering")
    try:
        result = yield from order(request, expiries, policy, check_expiry=check_expiry, maybe_ordered=maybe_ordered)
    except OrderOutcomeUnknownError as unknown:
        yield from _record(entry, "ordering", reason=f"the order's outcome is unknown: {unknown}")
        raise
    except KorusTicketError as error:
        yield from _record(entry, "incomplete", reason=f"ordering failed: {error}")
        raise
    if result.orders:
        yield from _record(entry, "ordered", orders=tuple(_order_iri(made) for made in result.orders), reason=None)
    else:
        yield from _record(entry, "incomplete", reason=f"ordering failed: {result.failures[0].message}")
    return result


def _maybe_ordered(stored: LedgerEntry | None) -> bool:
    """Whether an earlier run got as far as sending the order (the ledger records `ordering` before it does)."""
    return stored is not None and (stored.stage in ("ordering", "ordered") or bool(stored.orders))
