"""The booking workflows, written once for both clients (see `korusticket.booking.steps`).

Exactly-once ordering. The API documents no idempotency key, and `externalReference` may be shared by
several orders, so `order` settles every doubt by reading the server back:
- a definite answer (2xx with a readable body, 4xx, a connection never made) is taken as it is;
- an answer that leaves the outcome unknown (the connection dropped after sending, a read timeout, a 5xx,
  a 2xx whose body cannot be read) is settled by reading each reservation back (its `order`) and listing
  the orders with the booking's `externalReference`; only the reservations shown unordered are sent again;
- when the reads themselves keep failing past the time budget, `OrderOutcomeUnknownError` says so,
  with `resolve()` to settle it later. No error that invites a retry is raised for a write that happened.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from korusticket import iri
from korusticket.auth import Secret
from korusticket.booking.inputs import (
    Beneficiary,
    Customer,
    Item,
    check_beneficiary,
    check_customer,
    check_quantity,
    check_reference,
)
from korusticket.booking.results import (
    Booking,
    BookingIncompleteError,
    CalendarDay,
    Clock,
    HeldReservation,
    Hold,
    OfferChoice,
    OrderFailure,
    OrderOutcomeUnknownError,
    OrderResult,
    PendingBeneficiary,
    ReservationFailure,
    ReservationOutcomeUnknownError,
    ReservationResult,
    SessionChoice,
    TicketChoice,
    money,
)
from korusticket.booking.steps import Call, Callback, Collect, Download, Flow, ServerNow, Sleep
from korusticket.errors import (
    APIConnectionError,
    APIStatusError,
    KorusTicketError,
    RateLimitError,
    ReservationExpiredError,
    ServerError,
    UnexpectedResponseError,
    ValidationError,
)
from korusticket.fields import require
from korusticket_client.api.booking_order import create_orders, get_order, list_orders
from korusticket_client.api.booking_order_document import (
    get_order_document,
    list_order_documents,
    update_order_document,
)
from korusticket_client.api.booking_order_item_ticket import update_order_item_ticket
from korusticket_client.api.booking_reservation import create_reservations, get_reservation
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from korusticket_client.api.ticketing_offer_price import get_offer_price
from korusticket_client.api.ticketing_offer_ticket import list_offer_tickets
from korusticket_client.api.ticketing_product import list_product_base_products
from korusticket_client.api.ticketing_product_base import list_product_bases
from korusticket_client.models import (
    BookingOrder,
    BookingOrderDocumentDownload,
    BookingOrderItemTicket,
    BookingReservation,
    CreateOrdersOutput,
    CreateReservationsOutput,
    OfferEmbeddedTicket,
    TicketingOffer,
)
from korusticket_client.types import Unset

logger = logging.getLogger("korusticket")


@dataclass(frozen=True)
class BookingPolicy:
    """How hard the booking workflows try before they give up."""

    attempts: int = 3
    """How many times one order (or reservation batch) is sent at most, each after the server was read back."""
    settle_timeout: float = 60.0
    """Seconds spent reading the server back after a lost answer before `OrderOutcomeUnknownError`."""
    first_wait: float = 0.5
    max_wait: float = 8.0
    batch_size: int = 50
    """Items per reservation request."""
    document_wait: float = 120.0
    """Seconds `download_documents` waits for documents to become downloadable."""

    def waits(self) -> Iterable[float]:
        """The waits between reads while settling an order: `first_wait`, doubling up to `max_wait`, endless."""
        wait = self.first_wait
        while True:
            yield wait
            wait = min(wait * 2, self.max_wait)


def _ambiguous(error: Exception) -> bool:
    """Whether a failed write may nevertheless have been made (the server must be read back)."""
    if isinstance(error, APIConnectionError):
        return error.request_sent
    return isinstance(error, ServerError | UnexpectedResponseError)


# ------------------------------------------------------------------------------------------------ reserve


@dataclass(frozen=True)
class _Plan:
    index: int
    item: Item
    offer_iri: str
    offer_id: str
    body: dict[str, Any]


def reserve(items: Sequence[Item] | Item, policy: BookingPolicy) -> Flow[ReservationResult]:
    chosen = [items] if isinstance(items, Item) else list(items)
    if not chosen:
        raise ValueError("items: expected at least one korusticket.Item")
    offers: dict[str, TicketingOffer] = {}
    plans = []
    for index, item in enumerate(chosen):
        where = f"items[{index}]"
        if not isinstance(item, Item):
            raise ValueError(f"{where}: expected a korusticket.Item, got {type(item).__name__}")
        check_quantity(item.quantity, where)
        offer = yield from _offer(item, where, offers)
        plans.append(_plan(index, item, offer, where))
    clock: Clock = yield ServerNow()
    held: list[HeldReservation] = []
    failures: list[ReservationFailure] = []
    for start in range(0, len(plans), policy.batch_size):
        batch = plans[start : start + policy.batch_size]
        output = yield from _send_reservations(batch, policy, held)
        _match_reservations(batch, output, clock, held, failures)
    return ReservationResult(held, failures, clock)


def _offer(item: Item, where: str, cache: dict[str, TicketingOffer]) -> Flow[TicketingOffer]:
    if isinstance(item.offer, TicketingOffer):
        return item.offer
    if not isinstance(item.offer, str):
        raise ValueError(f"{where}.offer: expected an offer IRI, id or TicketingOffer, got {type(item.offer).__name__}")
    if "/" in item.offer:
        parsed = iri.parse(item.offer)
        if parsed.kind != "offer":
            raise ValueError(f"{where}.offer: expected an offer IRI, got the IRI of a {parsed.kind}")
        catalog_id, offer_id = parsed.identifiers["catalog_id"], parsed.identifiers["id"]
    elif item.catalog_id is None:
        raise ValueError(f"{where}.catalog_id: required when the offer is given by id ({item.offer!r})")
    else:
        catalog_id, offer_id = iri.check_id(item.catalog_id, "catalog_id"), iri.check_id(item.offer, "offer")
    if offer_id not in cache:
        cache[offer_id] = yield Call(get_offer, {"catalog_id": catalog_id, "id": offer_id})
    return cache[offer_id]


def _offer_iri(offer: TicketingOffer, where: str) -> tuple[str, str, str]:
    """The offer's IRI, catalog id and id."""
    parsed = iri.parse(iri.of(offer))
    if parsed.kind != "offer":
        raise ValueError(f"{where}.offer: this model's @id is not an offer IRI")
    return parsed.path, parsed.identifiers["catalog_id"], parsed.identifiers["id"]


def _ticket_id(key: str, offer_id: str, where: str) -> str:
    if "/" not in key:
        return key
    parsed = iri.parse(key)
    if parsed.kind != "offer_ticket" or parsed.identifiers["offer_id"] != offer_id:
        raise ValueError(f"{where}: {key!r} is not a ticket IRI of this offer")
    return parsed.identifiers["id"]


def _session_iri(session: Any, catalog_id: str, offer_id: str, ticket_id: str, where: str) -> str:
    if not isinstance(session, str):
        try:
            session = iri.of(session)
        except (TypeError, ValueError):
            raise ValueError(f"{where}: expected a session IRI, id or model, got {type(session).__name__}") from None
    if "/" not in session:
        return iri.offer_ticket_session(catalog_id, offer_id, ticket_id, session)
    parsed = iri.parse(session)
    ids = parsed.identifiers
    if parsed.kind != "offer_ticket_session" or (ids["offer_id"], ids["ticket_id"]) != (offer_id, ticket_id):
        raise ValueError(f"{where}: {session!r} is not a session of this ticket ({ticket_id})")
    return parsed.path


def _plan(index: int, item: Item, offer: TicketingOffer, where: str) -> _Plan:
    offer_iri, catalog_id, offer_id = _offer_iri(offer, where)
    tickets: list[OfferEmbeddedTicket] = require(offer.tickets, f"{where}.offer.tickets")
    known = {require(ticket.id, f"{where}.offer.tickets[].id"): ticket for ticket in tickets}
    sessions = {_ticket_id(key, offer_id, f"{where}.sessions"): value for key, value in item.sessions.items()}
    forms = {_ticket_id(key, offer_id, f"{where}.form_data"): value for key, value in item.form_data.items()}
    for ticket_id in [*sessions, *forms]:
        if ticket_id not in known:
            names = ", ".join(f"{t.name} ({i})" for i, t in known.items())
            raise ValueError(f"{where}: ticket {ticket_id!r} is not one of this offer's: {names}")
    needing = [ticket_id for ticket_id, ticket in known.items() if not ticket.date_access]
    if item.session is not None:
        if len(needing) != 1:
            raise ValueError(
                f"{where}.session: {len(needing)} tickets of this offer need a session; "
                "give sessions={ticket: session} instead"
            )
        if sessions.get(needing[0]) is not None:
            raise ValueError(f"{where}.session: the ticket {needing[0]!r} is given a session twice")
        sessions[needing[0]] = item.session
    entries = []
    for ticket_id, ticket in known.items():
        entry: dict[str, Any] = {"ticket": iri.offer_ticket(catalog_id, offer_id, ticket_id)}
        chosen = sessions.get(ticket_id)
        if ticket.date_access:
            if chosen is not None:
                raise ValueError(f"{where}.sessions: ticket {ticket.name!r} gives all-day access; it takes no session")
        elif chosen is None:
            raise ValueError(f"{where}.sessions: ticket {ticket.name!r} ({ticket_id}) needs a session")
        else:
            entry["session"] = _session_iri(chosen, catalog_id, offer_id, ticket_id, f"{where}.sessions")
        if ticket_id in forms:
            entry["formData"] = _form_data(ticket, forms[ticket_id], f"{where}.form_data")
        entries.append(entry)
    body = {"offer": offer_iri, "quantity": item.quantity, "ticketSessions": entries}
    return _Plan(index, item, offer_iri, offer_id, body)


def _form_data(ticket: OfferEmbeddedTicket, answers: Mapping[str, str], where: str) -> dict[str, Any]:
    form = ticket.form
    if not isinstance(form, str):
        raise ValueError(f"{where}: ticket {ticket.name!r} has no form to answer")
    fields = []
    for field_iri, value in answers.items():
        if not isinstance(value, str):
            raise ValueError(f'{where}[{field_iri!r}]: answers are strings ("true", "3", "2025-01-01"), got {value!r}')
        fields.append({"field": field_iri, "value": value})
    return {"form": form, "fields": fields}


def _send_reservations(
    batch: list[_Plan], policy: BookingPolicy, held: list[HeldReservation]
) -> Flow[CreateReservationsOutput]:
    body = {"items": [plan.body for plan in batch]}
    waits = iter(policy.waits())
    for attempt in range(1, policy.attempts + 1):
        try:
            output: CreateReservationsOutput = yield Call(create_reservations, {"body": body})
            return output
        except RateLimitError as error:  # refused before it was processed
            if attempt == policy.attempts:
                raise
            yield Sleep(error.retry_after or next(waits))
        except KorusTicketError as error:
            if not _ambiguous(error):
                raise
            if attempt == policy.attempts:
                raise ReservationOutcomeUnknownError(
                    f"reserving {len(batch)} item(s) got no usable answer {attempt} times ({error}); places may "
                    "be held without our knowing, and are released when they expire",
                    items=[plan.item for plan in batch],
                    held=held,
                ) from None
            # A hold made without our knowing cannot be told from another booking's: it is left to expire.
            logger.warning("reservation answer lost (%s); sending again, any lost hold will expire", error)
            yield Sleep(next(waits))
    raise AssertionError("unreachable")  # pragma: no cover


def _offer_id_of(value: Any) -> str | None:
    try:
        parsed = iri.parse(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return parsed.identifiers.get("id") if parsed is not None and parsed.kind == "offer" else None


def _match_reservations(
    batch: list[_Plan],
    output: CreateReservationsOutput,
    clock: Clock,
    held: list[HeldReservation],
    failures: list[ReservationFailure],
) -> None:
    """Link each reservation and failure of the answer to the input item it came from (by offer and quantity)."""
    remaining = list(batch)

    def take(offer_id: str | None, quantity: Any) -> _Plan | None:
        plan = next((p for p in remaining if p.offer_id == offer_id and p.item.quantity == quantity), None)
        plan = plan or next((p for p in remaining if p.offer_id == offer_id), None)
        if plan is not None:
            remaining.remove(plan)
        return plan

    for reservation in [] if isinstance(output.reservations, Unset) else output.reservations:
        first = reservation.items[0] if not isinstance(reservation.items, Unset) and reservation.items else None
        plan = take(_offer_id_of(first.offer) if first else None, first.quantity if first else None)
        held.append(_held(reservation, plan, clock))
    for failed in [] if isinstance(output.failed_reservations, Unset) else output.failed_reservations:
        plan = take(_offer_id_of(failed.offer), failed.quantity)
        if plan is not None:
            message = failed.message if isinstance(failed.message, str) else "refused by the ticketing system"
            failures.append(ReservationFailure(plan.index, plan.item, plan.offer_iri, plan.item.quantity, message))
    for plan in remaining:
        message = "the API's answer did not mention this item"
        failures.append(ReservationFailure(plan.index, plan.item, plan.offer_iri, plan.item.quantity, message))


def _held(reservation: BookingReservation, plan: _Plan | None, clock: Clock) -> HeldReservation:
    expires = reservation.expires_at if isinstance(reservation.expires_at, datetime) else None
    return HeldReservation(
        reservation=reservation,
        iri=_reservation_iri(reservation),
        item_index=plan.index if plan else None,
        item=plan.item if plan else None,
        expires_at=expires,
        total=money(reservation.total_amount_incl_tax),
        clock=clock,
    )


def _reservation_iri(reservation: BookingReservation) -> str:
    if "@id" in reservation.additional_properties:
        return iri.parse(iri.of(reservation)).path
    return iri.reservation(require(reservation.id, "reservation.id"))


# ------------------------------------------------------------------------------------------------ order

ReservationsInput = ReservationResult | Sequence[HeldReservation | BookingReservation | str]


def _reservations(reservations: ReservationsInput) -> list[tuple[str, datetime | None]]:
    """(IRI, expiry when known) of each reservation given, in order."""
    given = reservations.reservations if isinstance(reservations, ReservationResult) else list(reservations)
    if not given:
        raise ValueError("reservations: expected at least one reservation")
    found = []
    for index, value in enumerate(given):
        where = f"reservations[{index}]"
        if isinstance(value, HeldReservation):
            found.append((value.iri, value.expires_at))
        elif isinstance(value, BookingReservation):
            expires = value.expires_at if isinstance(value.expires_at, datetime) else None
            found.append((_reservation_iri(value), expires))
        elif isinstance(value, str):
            if "/" in value:
                parsed = iri.parse(value)
                if parsed.kind != "reservation":
                    raise ValueError(f"{where}: expected a reservation IRI, got the IRI of a {parsed.kind}")
                found.append((parsed.path, None))
            else:
                found.append((iri.reservation(iri.check_id(value, where)), None))
        else:
            raise ValueError(f"{where}: expected a reservation (result, model, IRI or id), got {type(value).__name__}")
    iris = [value for value, _ in found]
    if len(set(iris)) != len(iris):
        raise ValueError("reservations: a reservation is given twice")
    return found


@dataclass(frozen=True)
class OrderRequest:
    """An order as checked locally: what is sent, and what a lost answer is settled by."""

    reservations: list[str]
    customer: dict[str, Any]
    external_reference: str
    notes: str | None

    def body(self, reservations: list[str]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "reservations": reservations,
            "customer": self.customer,
            "externalReference": self.external_reference,
        }
        if self.notes is not None:
            body["notes"] = self.notes
        return body


def order_request(
    reservations: ReservationsInput, customer: Customer | Mapping[str, Any], external_reference: str, notes: Any
) -> tuple[OrderRequest, list[tuple[str, datetime | None]]]:
    given = _reservations(reservations)
    if notes is not None and not isinstance(notes, str):
        raise ValueError(f"notes: expected a string, got {type(notes).__name__}")
    request = OrderRequest(
        [value for value, _ in given], check_customer(customer), check_reference(external_reference), notes
    )
    return request, given


def order(
    request: OrderRequest,
    expiries: list[tuple[str, datetime | None]],
    policy: BookingPolicy,
    *,
    resume: bool = False,
) -> Flow[OrderResult]:
    """Place the order exactly once; with `resume`, read the server back first (an earlier attempt was lost)."""
    if not resume:
        clock: Clock = yield ServerNow()
        now = clock()
        expired = [index for index, (_, expires) in enumerate(expiries) if expires is not None and expires <= now]
        if expired:
            raise _expired_locally(request, expired)
    placed: dict[str, BookingOrder] = {}
    failures: dict[str, str] = {}
    recovered = resume
    pending = list(request.reservations)
    if resume:
        pending = yield from _settle_into(request, pending, placed, policy)
    waits = iter(policy.waits())
    attempt = 0
    while pending:
        attempt += 1
        try:
            output: CreateOrdersOutput = yield Call(create_orders, {"body": request.body(pending)})
        except RateLimitError as error:
            if attempt >= policy.attempts:
                pending = _definitely_not_ordered(error, pending, placed, failures)
                continue
            yield Sleep(error.retry_after or next(waits))
            continue
        except ValidationError as refused:
            if recovered:  # an earlier attempt may have made the order the API now refuses to repeat
                pending = yield from _settle_into(request, pending, placed, policy)
                if not pending:
                    break
            pending = _definitely_not_ordered(refused, pending, placed, failures)
            continue
        except KorusTicketError as error:
            if not _ambiguous(error):
                pending = _definitely_not_ordered(error, pending, placed, failures)
                continue
            logger.warning("order answer lost (%s); reading the server back", error)
            recovered = True
            pending = yield from _settle_into(request, pending, placed, policy)
            if pending and attempt >= policy.attempts:
                # Read back just now: these reservations are not ordered, so the failure is definite.
                pending = _definitely_not_ordered(error, pending, placed, failures)
            continue
        pending = _take_orders(output, pending, placed, failures)
        if pending:  # an answer that accounts for only some reservations: settle the rest
            recovered = True
            pending = yield from _settle_into(request, pending, placed, policy)
            if pending and attempt >= policy.attempts:
                for reservation in pending:
                    failures[reservation] = "the API's answer did not mention this reservation"
                pending = []
    ordered = _unique_orders(placed[r] for r in request.reservations if r in placed)
    not_ordered = [
        OrderFailure(reservation, failures[reservation], index)
        for index, reservation in enumerate(request.reservations)
        if reservation in failures
    ]
    return OrderResult(ordered, not_ordered, request.external_reference, recovered)


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


def _unique_orders(orders: Iterable[BookingOrder]) -> list[BookingOrder]:
    seen: dict[str, BookingOrder] = {}
    for found in orders:
        seen.setdefault(str(found.id), found)
    return list(seen.values())


def _take_orders(
    output: CreateOrdersOutput, pending: list[str], placed: dict[str, BookingOrder], failures: dict[str, str]
) -> list[str]:
    for made in [] if isinstance(output.orders, Unset) else output.orders:
        reservation = _path(made.reservation)
        if reservation in pending:
            placed[reservation] = made
    for failed in [] if isinstance(output.failed_orders, Unset) else output.failed_orders:
        reservation = _path(failed.reservation)
        if reservation in pending and reservation not in placed:
            failures[reservation] = failed.message if isinstance(failed.message, str) else "refused"
    return [r for r in pending if r not in placed and r not in failures]


def _path(value: Any) -> str | None:
    try:
        return iri.parse(value).path if isinstance(value, str) else None
    except ValueError:
        return None


def _settle_into(
    request: OrderRequest, pending: list[str], placed: dict[str, BookingOrder], policy: BookingPolicy
) -> Flow[list[str]]:
    """Read the server back until it says which of `pending` are ordered; the rest is returned."""
    deadline = time.monotonic() + policy.settle_timeout
    waits = iter(policy.waits())
    while True:
        try:
            found = yield from _read_back(request.external_reference, pending)
        except KorusTicketError as error:
            if time.monotonic() >= deadline:
                raise OrderOutcomeUnknownError(
                    f"the answer to the order {request.external_reference!r} was lost and the server could not be "
                    f"read back within {policy.settle_timeout:g} s ({error}); the order may exist: call resolve() "
                    "later rather than ordering again",
                    reservations=request.reservations,
                    external_reference=request.external_reference,
                    orders_found=_unique_orders(placed.values()),
                    request=request,
                ) from None
            yield Sleep(next(waits))
            continue
        placed.update(found)
        return [r for r in pending if r not in placed]


def _read_back(reference: str, pending: list[str]) -> Flow[dict[str, BookingOrder]]:
    found: dict[str, BookingOrder] = {}
    listed: list[BookingOrder] = yield Collect(list_orders, {"external_reference": reference})
    for listed_order in listed:
        reservation = _path(listed_order.reservation)
        if reservation in pending and listed_order.external_reference == reference:
            found[reservation] = listed_order
    for reservation in pending:
        if reservation in found:
            continue
        held: BookingReservation = yield Call(get_reservation, {"id": reservation.rsplit("/", 1)[-1]})
        if isinstance(held.order, str):  # ordered, though the listing did not show it (yet)
            found[reservation] = yield Call(get_order, {"id": held.order.rsplit("/", 1)[-1]})
    return found


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


# ------------------------------------------------------------------------------------------------ book


def book(
    items: Sequence[Item] | Item,
    request_parts: tuple[Customer | Mapping[str, Any], str, Any],
    confirm_payment: Callable[[Hold], Any] | None,
    policy: BookingPolicy,
) -> Flow[Booking]:
    customer, reference, notes = request_parts
    checked_customer, checked_reference = check_customer(customer), check_reference(reference)  # before holding
    reserved = yield from reserve(items, policy)
    if reserved.failures:
        first = reserved.failures[0]
        raise BookingIncompleteError(
            "reserve",
            f"items[{first.item_index}] could not be reserved: {first.message}",
            held=reserved.reservations,
            reservation_failures=reserved.failures,
        )
    hold = Hold(reserved.reservations, reserved.total, reserved.expires_at, checked_reference, checked_customer)
    if confirm_payment is not None:
        try:
            paid = yield Callback(confirm_payment, hold)
        except Exception as error:
            raise BookingIncompleteError(
                "payment", f"the payment step failed: {error!r}", held=hold.reservations
            ) from error
        if paid is False:
            raise BookingIncompleteError("payment", "the payment step declined", held=hold.reservations)
    request, expiries = order_request(reserved, checked_customer, checked_reference, notes)
    try:
        result = yield from order(request, expiries, policy)
    except OrderOutcomeUnknownError:
        raise
    except (APIStatusError, APIConnectionError, UnexpectedResponseError) as error:
        # Definite: the server was read back or never reached, so no order exists for these reservations.
        raise BookingIncompleteError("order", str(error), held=hold.reservations) from error
    if not result.orders:
        raise BookingIncompleteError(
            "order", result.failures[0].message, held=hold.reservations, order_failures=result.failures
        )
    return Booking(result.orders, hold.reservations, result.failures, checked_reference, result.recovered)


# ------------------------------------------------------------------------------------------------ choosing


def offer_choice(offer: Item | str | TicketingOffer, catalog_id: str | None) -> Flow[OfferChoice]:
    item = offer if isinstance(offer, Item) else Item(offer, catalog_id=catalog_id)
    model = yield from _offer(item, "offer", {})
    offer_iri, catalog, offer_id = _offer_iri(model, "offer")
    tickets = yield Collect(list_offer_tickets, {"catalog_id": catalog, "offer_id": offer_id})
    left: dict[str, int | None] = {}
    available = model.available_quantity if isinstance(model.available_quantity, int) else None
    if model.availability_check_required is True:
        live = yield Call(get_offer_availability, {"catalog_id": catalog, "id": offer_id})
        available = live.available_quantity if isinstance(live.available_quantity, int) else None
        for entry in [] if isinstance(live.sessions_availability, Unset) else live.sessions_availability:
            if isinstance(entry.session, str):
                left[str(_path(entry.session))] = (
                    entry.available_quantity if isinstance(entry.available_quantity, int) else None
                )
    listed = model.price if not isinstance(model.price, Unset) else None
    price, currency = money(listed.amount_incl_tax if listed else None), listed.currency if listed else None
    if model.realtime_price_required is True:
        live_price = yield Call(get_offer_price, {"catalog_id": catalog, "id": offer_id})
        price, currency = money(live_price.amount_incl_tax), live_price.currency
    choices = []
    for ticket in tickets:
        ticket_id = require(ticket.id, "ticket.id")
        sessions = []
        for session in [] if isinstance(ticket.sessions, Unset | None) else ticket.sessions:
            session_id = require(session.id, "session.id")
            session_iri = iri.offer_ticket_session(catalog, offer_id, ticket_id, session_id)
            places = left.get(
                session_iri, session.available_quantity if isinstance(session.available_quantity, int) else None
            )
            if places is None or places > 0:
                sessions.append(SessionChoice(session, session_id, session_iri, places))
        ticket_iri = iri.offer_ticket(catalog, offer_id, ticket_id)
        choices.append(TicketChoice(ticket, ticket_id, ticket_iri, ticket.date_access is not True, sessions))
    named = yield from _beneficiaries_may_be_required(catalog, model)
    return OfferChoice(
        model, offer_iri, choices, price, currency if isinstance(currency, str) else None, available, named
    )


def _beneficiaries_may_be_required(catalog: str, offer: TicketingOffer) -> Flow[bool | None]:
    product = offer.product.id if not isinstance(offer.product, Unset) else None
    if not isinstance(product, str):
        return None
    bases = yield Collect(list_product_bases, {"catalog_id": catalog, "with_disabled": True})
    for base in bases:
        products = yield Collect(list_product_base_products, {"catalog_id": catalog, "product_base_id": base.id})
        if any(candidate.id == product for candidate in products):
            return base.beneficiary_info_may_be_required is True
    return None


def calendar(catalog_id: str, start: date, end: date, product: str | None, prefetch: int) -> Flow[list[CalendarDay]]:
    if end < start:
        raise ValueError(f"end: expected a day on or after start ({start}), got {end}")
    filters: dict[str, Any] = {"catalog_id": catalog_id, "date_after": start, "date_before": end, "order_date": "asc"}
    if product is not None:
        filters["product"] = [product]
    offers: list[TicketingOffer] = yield Collect(list_offers, filters, prefetch)
    days = []
    for offer in offers:
        day = offer.date
        if not isinstance(day, date) or not start <= day <= end:  # the documented filters, checked anyway
            continue
        price = offer.price.amount_incl_tax if not isinstance(offer.price, Unset) else None
        available = offer.available_quantity if isinstance(offer.available_quantity, int) else None
        days.append(CalendarDay(day, offer, money(price), available))
    return days


# ------------------------------------------------------------------------------------------------ after the order


def find_order(value: BookingOrder | str) -> Flow[BookingOrder]:
    found = yield from _order_model(value)
    return found


def find_orders(external_reference: str) -> Flow[list[BookingOrder]]:
    reference = check_reference(external_reference)
    listed: list[BookingOrder] = yield Collect(list_orders, {"external_reference": reference})
    return [found for found in listed if found.external_reference == reference]


def _order_model(value: BookingOrder | str) -> Flow[BookingOrder]:
    """The order as the server has it now (a model given is read again: ticket states change)."""
    if isinstance(value, BookingOrder):
        order_id = require(value.id, "order.id")
    elif "/" in value:
        parsed = iri.parse(value)
        if parsed.kind != "order":
            raise ValueError(f"order: expected an order IRI, got the IRI of a {parsed.kind}")
        order_id = parsed.identifiers["id"]
    else:
        order_id = iri.check_id(value, "order")
    found: BookingOrder = yield Call(get_order, {"id": order_id})
    return found


def pending_beneficiaries(value: BookingOrder | str) -> Flow[list[PendingBeneficiary]]:
    found = yield from _order_model(value)
    return _waiting_for_beneficiary(found)


def _waiting_for_beneficiary(found: BookingOrder) -> list[PendingBeneficiary]:
    pending = []
    for item in [] if isinstance(found.items, Unset) else found.items:
        for ticket in [] if isinstance(item.tickets, Unset) else item.tickets:
            required = (
                [] if isinstance(ticket.required_beneficiary_fields, Unset) else ticket.required_beneficiary_fields
            )
            unnamed = isinstance(ticket.beneficiary, Unset | None)
            if required and (ticket.status == "waiting_beneficiary_data" or unnamed):
                deadline = ticket.beneficiary_designation_deadline
                pending.append(
                    PendingBeneficiary(
                        ticket,
                        iri.parse(iri.of(ticket)).path,
                        required,
                        deadline if isinstance(deadline, datetime) else None,
                    )
                )
    return pending


def set_beneficiary(
    ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary | Mapping[str, Any]
) -> Flow[BookingOrderItemTicket]:
    if isinstance(ticket, PendingBeneficiary):
        ticket_iri, required = ticket.iri, ticket.required_fields
    elif isinstance(ticket, BookingOrderItemTicket):
        ticket_iri = iri.parse(iri.of(ticket)).path
        required = [] if isinstance(ticket.required_beneficiary_fields, Unset) else ticket.required_beneficiary_fields
    else:
        ticket_iri, required = iri.parse(ticket).path, []
        current: BookingOrderItemTicket = yield Call(_ticket_operation(), iri.parse(ticket).identifiers)
        required = [] if isinstance(current.required_beneficiary_fields, Unset) else current.required_beneficiary_fields
    parsed = iri.parse(ticket_iri)
    if parsed.kind != "order_item_ticket":
        raise ValueError(f"ticket: expected an order item ticket IRI, got the IRI of a {parsed.kind}")
    body = {"beneficiary": check_beneficiary(beneficiary, required, "beneficiary")}
    updated: BookingOrderItemTicket = yield Call(update_order_item_ticket, {**parsed.identifiers, "body": body})
    return updated


def _ticket_operation() -> Any:
    from korusticket_client.api.booking_order_item_ticket import get_order_item_ticket

    return get_order_item_ticket


def download_documents(
    value: BookingOrder | str, target: Path | IO[bytes], language: str | None, policy: BookingPolicy
) -> Flow[list[Path] | int]:
    """Wait for each document, get its signed URL in `language`, download it (the JWT stays home)."""
    found = yield from _order_model(value)
    order_id = require(found.id, "order.id")
    unnamed = _waiting_for_beneficiary(found)
    if unnamed:
        raise ValueError(
            f"order {order_id}: {len(unnamed)} ticket(s) wait for a beneficiary; their documents come once "
            "set_beneficiary() names them"
        )
    documents = yield Collect(list_order_documents, {"order_id": order_id})
    if isinstance(target, Path) and not target.is_dir():
        raise ValueError(f"target: expected an existing directory, got {target}")
    headers = {"Accept-Language": language} if language else {}
    written: list[Path] = []
    total = 0
    for document in documents:
        document_id = require(document.id, "document.id")
        yield from _wait_until_downloadable(order_id, document_id, document.downloadable_at, policy)
        destination: Path | IO[bytes] = target / f"{order_id}-{document_id}.pdf" if isinstance(target, Path) else target
        for attempt in (1, 2):  # a signed URL that expired meanwhile is asked for once more
            arguments = {"order_id": order_id, "id": document_id, "body": {}}
            url = _signed_url((yield Call(update_order_document, arguments, headers)))
            outcome = yield Download(url, destination)
            if isinstance(outcome, int):
                total += outcome
                break
            if attempt == 2:
                raise outcome
        if isinstance(destination, Path):
            written.append(destination)
    return written if isinstance(target, Path) else total


def _signed_url(download: BookingOrderDocumentDownload) -> Secret:
    """The temporary URL, kept out of reprs and tracebacks: whoever has it can download the tickets."""
    return Secret(require(download.temporary_url, "temporaryUrl"), "temporaryUrl")


def _wait_until_downloadable(order_id: str, document_id: str, ready: Any, policy: BookingPolicy) -> Flow[None]:
    deadline = time.monotonic() + policy.document_wait
    waits = iter(policy.waits())
    while True:
        clock: Clock = yield ServerNow()
        if isinstance(ready, datetime) and ready <= clock():
            return
        if time.monotonic() >= deadline:
            raise TimeoutError(
                f"document {document_id} of order {order_id} is not downloadable after {policy.document_wait:g} s "
                "(name the tickets' beneficiaries first?)"
            )
        yield Sleep(next(waits))
        document = yield Call(get_order_document, {"order_id": order_id, "id": document_id})
        ready = document.downloadable_at
