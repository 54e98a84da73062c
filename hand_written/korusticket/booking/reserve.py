"""Reserving: offers checked locally, then held in bulk requests, each answer matched to the item it came from."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from korusticket import iri
from korusticket._operation import _shown
from korusticket.booking.inputs import Item, check_extra_body, check_quantity
from korusticket.booking.policy import BookingPolicy
from korusticket.booking.results import (
    Clock,
    HeldReservation,
    ReservationFailure,
    ReservationOutcomeUnknownError,
    ReservationResult,
    SessionChoice,
    money,
)
from korusticket.booking.steps import Call, Flow, Sleep
from korusticket.errors import (
    APIConnectionError,
    InvalidRequestError,
    KorusTicketError,
    MissingBodyFieldError,
    MissingFieldError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
)
from korusticket.fields import answer_id, answer_iri, require
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_offer import get_offer
from korusticket_client.models import (
    BookingReservation,
    CreateReservationsOutput,
    OfferEmbeddedTicket,
    TicketingOffer,
)
from korusticket_client.types import Unset

logger = logging.getLogger("korusticket")


def ambiguous(error: Exception) -> bool:
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


def check_items(items: Any) -> list[Item]:
    """The items to reserve, checked for what needs no request: a list of `Item`s with sane quantities."""
    if isinstance(items, Item):
        items = [items]
    elif isinstance(items, str | bytes | Mapping) or not isinstance(items, Sequence):
        raise InvalidRequestError(
            f"items: expected a korusticket.Item or a list of them, got {type(items).__name__}", argument="items"
        )
    chosen = list(items)
    if not chosen:
        raise InvalidRequestError("items: expected at least one korusticket.Item", argument="items")
    for index, item in enumerate(chosen):
        where = f"items[{index}]"
        if not isinstance(item, Item):
            raise InvalidRequestError(
                f"{where}: expected a korusticket.Item, got {type(item).__name__}", argument=where
            )
        check_quantity(item.quantity, where)
        if item.catalog_id is not None:
            iri.check_id(item.catalog_id, f"{where}.catalog_id")
    return chosen


def offer_iri_of(item: Item, where: str) -> str:
    """The IRI of an item's offer, known without a request (a model's `@id`, an IRI, or an id and catalog)."""
    if isinstance(item.offer, TicketingOffer):
        return _offer_iri(item.offer, where)[0]
    catalog_id, offer_id = _offer_ids(item, where)
    return iri.offer(catalog_id, offer_id)


def reserve(
    items: Sequence[Item] | Item, policy: BookingPolicy, clock: Clock, extra_body: Mapping[str, Any] | None = None
) -> Flow[ReservationResult]:
    chosen = check_items(items)
    extra = check_extra_body(extra_body, ("items",), "extra_body")
    offers: dict[str, TicketingOffer] = {}
    plans = []
    for index, item in enumerate(chosen):
        where = f"items[{index}]"
        offer = yield from _offer(item, where, offers)
        plans.append(_plan(index, item, offer, where))
    held: list[HeldReservation] = []
    failures: list[ReservationFailure] = []
    for start in range(0, len(plans), policy.batch_size):
        batch = plans[start : start + policy.batch_size]
        output = yield from _send_reservations(batch, policy, held, extra)
        _match_reservations(batch, output, clock, held, failures)
    return ReservationResult(held, failures, clock)


def _named(where: str, name: str) -> str:
    """An argument's name in an error: `items[0].offer` inside a list of items, `offer` for a single argument."""
    return f"{where}.{name}" if where else name


def _offer_ids(item: Item, where: str) -> tuple[str, str]:
    """Catalog id and offer id of an item whose offer is an IRI or an id."""
    if not isinstance(item.offer, str):
        raise InvalidRequestError(
            f"{_named(where, 'offer')}: expected an offer IRI, id or TicketingOffer, got {type(item.offer).__name__}",
            argument=_named(where, "offer"),
        )
    if not item.offer.strip():
        raise InvalidRequestError(f"{_named(where, 'offer')}: expected an offer IRI or id, got {item.offer!r}")
    if "/" in item.offer:
        parsed = iri.parse(item.offer, name=_named(where, "offer"))
        if parsed.kind != "offer":
            raise InvalidRequestError(
                f"{_named(where, 'offer')}: expected an offer IRI, got the IRI of a {parsed.kind}",
                argument=_named(where, "offer"),
            )
        return parsed.identifiers["catalog_id"], parsed.identifiers["id"]
    offer_id = iri.check_id(item.offer, _named(where, "offer"))
    if item.catalog_id is None:
        raise InvalidRequestError(
            f"{_named(where, 'catalog_id')}: required when the offer is given by id ({item.offer[:80]!r})",
            argument=_named(where, "catalog_id"),
        )
    return iri.check_id(item.catalog_id, _named(where, "catalog_id")), offer_id


def _offer(item: Item, where: str, cache: dict[str, TicketingOffer]) -> Flow[TicketingOffer]:
    if isinstance(item.offer, TicketingOffer):
        return item.offer
    catalog_id, offer_id = _offer_ids(item, where)
    if offer_id not in cache:
        fetched: TicketingOffer = yield Call(get_offer, {"catalog_id": catalog_id, "id": offer_id})
        answer_iri(fetched, _named(where, "offer"), "offer")  # the answer's @id: the server's fault if unusable
        cache[offer_id] = fetched
    return cache[offer_id]


def _offer_iri(offer: TicketingOffer, where: str) -> tuple[str, str, str]:
    """The offer's IRI, catalog id and id."""
    parsed = iri.parse(iri.of(offer))
    if parsed.kind != "offer":
        raise InvalidRequestError(f"{_named(where, 'offer')}: this model's @id is not an offer IRI")
    return parsed.path, parsed.identifiers["catalog_id"], parsed.identifiers["id"]


def _ticket_id(key: str, offer_id: str, where: str) -> str:
    if "/" not in key:
        return key
    parsed = iri.parse(key)
    if parsed.kind != "offer_ticket" or parsed.identifiers["offer_id"] != offer_id:
        raise InvalidRequestError(f"{where}: {key!r} is not a ticket IRI of this offer")
    return parsed.identifiers["id"]


def _session_iri(session: Any, catalog_id: str, offer_id: str, ticket_id: str, where: str) -> str:
    if isinstance(session, SessionChoice):
        session = session.iri
    elif not isinstance(session, str):
        try:
            session = iri.of(session)
        except (TypeError, ValueError):
            raise InvalidRequestError(
                f"{where}: expected a session IRI, id or model, got {type(session).__name__}"
            ) from None
    if "/" not in session:  # an id, checked under the name the caller gave it (the builder would say `id`)
        return iri.offer_ticket_session(catalog_id, offer_id, ticket_id, iri.check_id(session, where))
    parsed = iri.parse(session)
    ids = parsed.identifiers
    if parsed.kind != "offer_ticket_session" or (ids["offer_id"], ids["ticket_id"]) != (offer_id, ticket_id):
        raise InvalidRequestError(f"{where}: {session!r} is not a session of this ticket ({ticket_id})")
    return parsed.path


def _plan(index: int, item: Item, offer: TicketingOffer, where: str) -> _Plan:
    offer_iri, catalog_id, offer_id = _offer_iri(offer, where)
    tickets: list[OfferEmbeddedTicket] = require(offer.tickets, f"{where}.offer.tickets")
    known = {answer_id(ticket.id, f"{where}.offer.tickets[].id"): ticket for ticket in tickets}
    sessions = {_ticket_id(key, offer_id, f"{where}.sessions"): value for key, value in item.sessions.items()}
    forms = {_ticket_id(key, offer_id, f"{where}.form_data"): value for key, value in item.form_data.items()}
    for field_name, given in (("sessions", sessions), ("form_data", forms)):
        for ticket_id in given:
            if ticket_id not in known:
                names = ", ".join(f"{t.name} ({i})" for i, t in known.items())
                raise InvalidRequestError(
                    f"{where}.{field_name}: ticket {_shown(ticket_id)} is not one of this offer's: {names}"
                )
    all_day = {
        ticket_id: _all_day(ticket, f"{where}.offer.tickets[].dateAccess") for ticket_id, ticket in known.items()
    }
    needing = [ticket_id for ticket_id in known if not all_day[ticket_id]]
    if item.session is not None:
        if len(needing) != 1:
            raise InvalidRequestError(
                f"{where}.session: {len(needing)} tickets of this offer need a session; "
                "give sessions={ticket: session} instead"
            )
        if sessions.get(needing[0]) is not None:
            raise InvalidRequestError(f"{where}.session: the ticket {needing[0]!r} is given a session twice")
        sessions[needing[0]] = item.session
    given_alone = needing[0] if item.session is not None else None
    entries = []
    for ticket_id, ticket in known.items():
        entry: dict[str, Any] = {"ticket": iri.offer_ticket(catalog_id, offer_id, ticket_id)}
        chosen = sessions.get(ticket_id)
        if all_day[ticket_id]:
            if chosen is not None:
                raise InvalidRequestError(
                    f"{where}.sessions: ticket {ticket.name!r} gives all-day access; it takes no session"
                )
        elif chosen is None:
            raise InvalidRequestError(f"{where}.sessions: ticket {ticket.name!r} ({ticket_id}) needs a session")
        else:
            named = f"{where}.session" if ticket_id == given_alone else f"{where}.sessions[{ticket_id!r}]"
            entry["session"] = _session_iri(chosen, catalog_id, offer_id, ticket_id, named)
        if ticket_id in forms:
            entry["formData"] = _form_data(ticket, forms[ticket_id], f"{where}.form_data")
        entries.append(entry)
    body = {
        **check_extra_body(item.extra, ("offer", "quantity", "ticketSessions"), f"{where}.extra"),
        "offer": offer_iri,
        "quantity": item.quantity,
        "ticketSessions": entries,
    }
    return _Plan(index, item, offer_iri, offer_id, body)


def _all_day(ticket: OfferEmbeddedTicket, where: str) -> bool:
    """Whether a ticket gives all-day access (no session): true or false as the API says, and a ticket that does
    not say needs a session; any other value is the answer's fault (`MissingFieldError`), not the caller's."""
    value = ticket.date_access
    if isinstance(value, bool):
        return value
    if value is None or isinstance(value, Unset):
        return False
    raise MissingFieldError(f"{where}: expected true or false in the API's answer, got {_shown(value)}")


def _form_data(ticket: OfferEmbeddedTicket, answers: Mapping[str, str], where: str) -> dict[str, Any]:
    form = ticket.form
    if not isinstance(form, str):
        raise InvalidRequestError(f"{where}: ticket {ticket.name!r} has no form to answer")
    fields = []
    for field_iri, value in answers.items():
        if not isinstance(value, str):
            raise InvalidRequestError(
                f'{where}[{field_iri!r}]: answers are strings ("true", "3", "2025-01-01"), got {value!r}'
            )
        fields.append({"field": field_iri, "value": value})
    return {"form": form, "fields": fields}


def _send_reservations(
    batch: list[_Plan], policy: BookingPolicy, held: list[HeldReservation], extra: Mapping[str, Any]
) -> Flow[CreateReservationsOutput]:
    body = {**extra, "items": [plan.body for plan in batch]}
    backoff = policy.backoff
    for attempt in range(1, policy.attempts + 1):
        try:
            output: CreateReservationsOutput = yield Call(create_reservations, {"body": body})
            return output
        except MissingBodyFieldError as missing:
            raise missing.passed_with("extra_body= (or Item(extra=...) for a field of each item)") from None
        except RateLimitError as error:  # refused before it was processed
            wait = backoff.wait(attempt, error.retry_after)
            if attempt == policy.attempts or wait is None:
                raise
            yield Sleep(wait)
        except KorusTicketError as error:
            if not ambiguous(error):
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
            yield Sleep(backoff.delay(attempt))
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
        iri=reservation_iri(reservation),
        item_index=plan.index if plan else None,
        item=plan.item if plan else None,
        expires_at=expires,
        total=money(reservation.total_amount_incl_tax),
        clock=clock,
    )


def reservation_iri(reservation: BookingReservation) -> str:
    if "@id" in reservation.additional_properties:
        return answer_iri(reservation, "reservation", "reservation")
    return iri.reservation(answer_id(reservation.id, "reservation.id"))


def path_of(value: Any) -> str | None:
    """The path of an IRI the API sent (None for anything else): answers are read tolerantly."""
    try:
        return iri.parse(value).path if isinstance(value, str) else None
    except ValueError:
        return None
