"""All 29 operations of openapi.yaml, answered by the sandbox and validated against the spec."""

from __future__ import annotations

from typing import Any

from korusticket import KorusTicket, iri
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from korusticket.testing.app import SandboxApp
from korusticket_client.api.booking_order import create_orders, get_order, list_orders
from korusticket_client.api.booking_order_document import (
    get_order_document,
    list_order_documents,
    update_order_document,
)
from korusticket_client.api.booking_order_item_ticket import get_order_item_ticket, update_order_item_ticket
from korusticket_client.api.booking_reservation import create_reservations, get_reservation, list_reservations
from korusticket_client.api.ticketing_catalog import get_catalog, list_catalogs
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from korusticket_client.api.ticketing_offer_price import get_offer_price
from korusticket_client.api.ticketing_offer_ticket import get_offer_ticket, list_offer_tickets
from korusticket_client.api.ticketing_offer_ticket_session import get_offer_ticket_session
from korusticket_client.api.ticketing_product import get_product, list_product_base_products, list_products
from korusticket_client.api.ticketing_product_base import get_product_base, list_product_bases
from korusticket_client.api.ticketing_product_base_option import get_product_base_option, list_product_base_options
from korusticket_client.api.ticketing_product_base_option_value import list_product_base_option_values
from korusticket_client.api.ticketing_seat_map import get_seat_map
from tests.testing.conftest import Validated

CUSTOMER = {"firstname": "Jeanne", "lastname": "Martin", "email": "jeanne.martin@example.com", "title": "mrs"}


def ticket_sessions(kt: KorusTicket, catalog: str, offer: Any) -> list[dict[str, str]]:
    tickets = kt.call(list_offer_tickets, catalog_id=catalog, offer_id=offer.id).member
    chosen = []
    for ticket in tickets:
        entry = {"ticket": iri.of(ticket)}
        if not ticket.date_access:
            entry["session"] = iri.of(ticket.sessions[0])
        chosen.append(entry)
    return chosen


def test_every_operation_has_a_handler() -> None:
    assert len(OPERATIONS) == 29
    for operation in OPERATIONS:
        assert callable(getattr(SandboxApp, f"op_{operation.name}")), operation.name


def test_tour_of_every_operation(kt: KorusTicket, sandbox: Sandbox, validated: Validated) -> None:
    park, stadium = sandbox.catalog_id, sandbox.stadium_catalog_id
    catalogs = kt.call(list_catalogs)
    assert {c.id for c in catalogs.member} == {park, stadium}
    kt.call(get_catalog, id=park)
    bases = kt.call(list_product_bases, catalog_id=park, with_disabled=True).member
    assert any(base.disabled for base in bases)
    match = kt.call(list_product_bases, catalog_id=stadium).member[0]
    kt.call(get_product_base, catalog_id=stadium, id=match.id)
    options = kt.call(list_product_base_options, catalog_id=stadium, id=match.id).member
    assert {option.code for option in options} == {"price_type", "seating_category", "zone"}
    kt.call(get_product_base_option, catalog_id=stadium, product_base_id=match.id, code="zone")
    values = kt.call(list_product_base_option_values, catalog_id=stadium, product_base_id=match.id, code="zone")
    assert len(values.member) == 2
    seat_map = sandbox.state.data.product_bases[match.id].seat_map
    assert seat_map is not None
    kt.call(get_seat_map, catalog_id=stadium, product_base_id=match.id, id=seat_map.id)
    products = kt.call(list_product_base_products, catalog_id=stadium, product_base_id=match.id).member
    kt.call(get_product, catalog_id=stadium, id=products[0].id)
    all_products = kt.call(list_products, catalog_id=park, items_per_page=50)
    offers = kt.call(list_offers, catalog_id=park, product=all_products.member[2].id, items_per_page=1)
    offer = offers.member[0]
    kt.call(get_offer, catalog_id=park, id=offer.id)
    kt.call(get_offer_availability, catalog_id=park, id=offer.id)
    kt.call(get_offer_price, catalog_id=stadium, id=kt.call(list_offers, catalog_id=stadium).member[0].id)
    tickets = kt.call(list_offer_tickets, catalog_id=park, offer_id=offer.id).member
    kt.call(get_offer_ticket, catalog_id=park, offer_id=offer.id, id=tickets[0].id)
    with_sessions = next(ticket for ticket in tickets if not ticket.date_access)
    kt.call(
        get_offer_ticket_session,
        catalog_id=park,
        offer_id=offer.id,
        ticket_id=with_sessions.id,
        id=with_sessions.sessions[0].id,
    )
    created = kt.call(
        create_reservations,
        body={"items": [{"offer": iri.of(offer), "quantity": 2, "ticketSessions": ticket_sessions(kt, park, offer)}]},
    )
    reservation = created.reservations[0]
    kt.call(get_reservation, id=reservation.id)
    kt.call(list_reservations, order_created_at="desc")
    ordered = kt.call(
        create_orders,
        body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "TOUR-1"},
    )
    order = ordered.orders[0]
    kt.call(get_order, id=order.id)
    kt.call(list_orders, external_reference="TOUR-1", created_at_after="2025-06-01")
    documents = kt.call(list_order_documents, order_id=order.id).member
    kt.call(get_order_document, order_id=order.id, id=documents[0].id)
    ticket = order.items[0].tickets[0]
    kt.call(get_order_item_ticket, order_id=order.id, order_item_id=order.items[0].id, id=ticket.id)
    kt.call(update_order_document, order_id=order.id, id=documents[0].id, body={})

    # A product whose tickets need a named beneficiary.
    emotion = next(p for p in all_products.member if "Emotion" in p.name)
    day_offer = kt.call(list_offers, catalog_id=park, product=emotion.id).member[0]
    reserved = kt.call(
        create_reservations,
        body={
            "items": [
                {"offer": iri.of(day_offer), "quantity": 1, "ticketSessions": ticket_sessions(kt, park, day_offer)}
            ]
        },
    ).reservations[0]
    named = kt.call(
        create_orders, body={"reservations": [iri.of(reserved)], "customer": CUSTOMER, "externalReference": "TOUR-2"}
    ).orders[0]
    waiting = named.items[0].tickets[0]
    assert waiting.status == "waiting_beneficiary_data"
    assert waiting.required_beneficiary_fields == ["firstname", "lastname"]
    updated = kt.call(
        update_order_item_ticket,
        order_id=named.id,
        order_item_id=named.items[0].id,
        id=waiting.id,
        body={"beneficiary": {"firstname": "Jeanne", "lastname": "Martin", "title": "mrs"}},
    )
    assert updated.status == "validated"

    served = {handled.operation for handled in sandbox.state.handled if handled.operation}
    assert served == {operation.name for operation in OPERATIONS}
    assert validated.checked >= 29
