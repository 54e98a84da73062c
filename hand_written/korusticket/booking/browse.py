"""Choosing what to book: an offer's tickets, sessions with places and live price; a month of offers."""

from __future__ import annotations

from datetime import date
from typing import Any

from korusticket import iri
from korusticket.booking.inputs import Item
from korusticket.booking.reserve import _offer, _offer_iri, path_of
from korusticket.booking.results import CalendarDay, OfferChoice, SessionChoice, TicketChoice, money
from korusticket.booking.steps import Call, Collect, Flow
from korusticket.errors import InvalidRequestError
from korusticket.fields import answer_id
from korusticket_client.api.ticketing_offer import list_offers
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from korusticket_client.api.ticketing_offer_price import get_offer_price
from korusticket_client.api.ticketing_offer_ticket import list_offer_tickets
from korusticket_client.api.ticketing_product import list_product_base_products
from korusticket_client.api.ticketing_product_base import list_product_bases
from korusticket_client.models import TicketingOffer
from korusticket_client.types import Unset


def offer_choice(offer: Item | str | TicketingOffer, catalog_id: str | None) -> Flow[OfferChoice]:
    item = offer if isinstance(offer, Item) else Item(offer, catalog_id=catalog_id)
    model = yield from _offer(item, "", {})  # errors name the argument itself: `offer`
    offer_iri, catalog, offer_id = _offer_iri(model, "")
    tickets = yield Collect(list_offer_tickets, {"catalog_id": catalog, "offer_id": offer_id})
    left: dict[str, int | None] = {}
    available = model.available_quantity if isinstance(model.available_quantity, int) else None
    if model.availability_check_required is True:
        live = yield Call(get_offer_availability, {"catalog_id": catalog, "id": offer_id})
        available = live.available_quantity if isinstance(live.available_quantity, int) else None
        for entry in [] if isinstance(live.sessions_availability, Unset) else live.sessions_availability:
            if isinstance(entry.session, str):
                left[str(path_of(entry.session))] = (
                    entry.available_quantity if isinstance(entry.available_quantity, int) else None
                )
    listed = model.price if not isinstance(model.price, Unset) else None
    price, currency = money(listed.amount_incl_tax if listed else None), listed.currency if listed else None
    if model.realtime_price_required is True:
        live_price = yield Call(get_offer_price, {"catalog_id": catalog, "id": offer_id})
        price, currency = money(live_price.amount_incl_tax), live_price.currency
    choices = []
    for ticket in tickets:
        ticket_id = answer_id(ticket.id, "ticket.id")
        sessions = []
        for session in [] if isinstance(ticket.sessions, Unset | None) else ticket.sessions:
            session_id = answer_id(session.id, "session.id")
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
        raise InvalidRequestError(f"end: expected a day on or after start ({start}), got {end}")
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
