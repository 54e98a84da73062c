"""The vendor's "book a ticket with a specific product" guide, step by step, through the generated client.

Each step calls the generated endpoint function with `kt.client` (the sandbox answers, and every
answer is validated against openapi.yaml by the `kt` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest

from korusticket import KorusTicket, ReservationExpiredError, iri
from korusticket.testing import Sandbox
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_offer import list_offers
from korusticket_client.api.ticketing_offer_ticket import list_offer_tickets
from korusticket_client.api.ticketing_product import list_products
from korusticket_client.models import (
    CreateOrdersInput,
    CreateOrdersInputCustomer,
    CreateReservationsInput,
    CreateReservationsInputItem,
    CreateReservationsInputTicketSession,
    UpdateOrderDocumentInput,
)
from korusticket_client.types import UNSET

JOHN = CreateOrdersInputCustomer(
    firstname="John", lastname="Doe", email="john.doe@gmail.com", phone="0612345678", country="FR", language="fr"
)


def reserve_show_offer(kt: KorusTicket, sandbox: Sandbox) -> tuple[str, CreateReservationsInput]:
    """Steps 1 to 3: a product, its offer on 2025-06-07, a session for each ticket; returns the body to reserve."""
    catalog = sandbox.catalog_id
    # 1. Find a product.
    products = list_products.sync(catalog, client=kt.client, page=1, items_per_page=2)
    assert products.total_items == 6
    assert len(products.member) == 2
    everything = list_products.sync(catalog, client=kt.client, items_per_page=50).member
    product = next(p for p in everything if "Spectacle" in p.name and "Adulte" in p.name)
    # 2. Its offer at a date.
    offers = list_offers.sync(catalog, client=kt.client, product=[product.id], date=date(2025, 6, 7), items_per_page=2)
    assert offers.total_items == 1
    (offer,) = offers.member
    assert str(offer.date) == "2025-06-07"
    assert offer.availability_check_required is True
    assert offer.realtime_price_required is False
    assert len(offer.tickets) == 2
    # 3. A session for each ticket.
    tickets = list_offer_tickets.sync(catalog, offer.id, client=kt.client).member
    all_day = next(t for t in tickets if t.date_access)
    evening = next(t for t in tickets if not t.date_access)
    assert all_day.sessions == []
    assert [s.occurs_at.hour for s in evening.sessions] == [17, 20, 22]
    session = next(s for s in evening.sessions if s.occurs_at.hour == 20)
    body = CreateReservationsInput(
        items=[
            CreateReservationsInputItem(
                offer=iri.of(offer),
                quantity=1,
                ticket_sessions=[
                    CreateReservationsInputTicketSession(ticket=iri.of(all_day)),
                    CreateReservationsInputTicketSession(ticket=iri.of(evening), session=iri.of(session)),
                ],
            )
        ]
    )
    return offer.id, body


def test_book_a_ticket_with_a_specific_product(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer_id, body = reserve_show_offer(kt, sandbox)
    before = sandbox.state.data.offers[offer_id].available
    assert before is not None

    # 4. Create the reservation.
    created = create_reservations.sync(client=kt.client, body=body)
    assert created.failed_reservations == []
    (reservation,) = created.reservations
    assert reservation.expired is False
    assert (reservation.expires_at - reservation.created_at).total_seconds() == 15 * 60
    (item,) = reservation.items
    assert [bool(ticket.session) for ticket in item.offer_tickets] == [False, True]
    assert sandbox.state.data.offers[offer_id].available == before - 1

    # 5. Create the order.
    order_body = CreateOrdersInput(
        reservations=[iri.of(reservation)], customer=JOHN, external_reference="CUSTOM_BOOKING_REF_NUMBER_003"
    )
    ordered = create_orders.sync(client=kt.client, body=order_body)
    assert ordered.failed_orders == []
    (order,) = ordered.orders
    assert order.reference.startswith("KT-ORD-")
    assert order.external_reference == "CUSTOM_BOOKING_REF_NUMBER_003"
    assert order.reservation == iri.of(reservation)
    assert order.total_amount_incl_tax == reservation.total_amount_incl_tax
    assert len(order.items[0].tickets) == 2
    assert len(order.documents) == 1
    assert sandbox.state.reservations[reservation.id].order_id == order.id
    found = list_orders.sync(client=kt.client, external_reference="CUSTOM_BOOKING_REF_NUMBER_003")
    assert [o.id for o in found.member] == [order.id]

    # 7. The document's download URL, and the download itself.
    document_id = iri.parse(order.documents[0]).identifiers["id"]
    document = update_order_document.sync(order.id, document_id, client=kt.client, body=UpdateOrderDocumentInput())
    assert document.temporary_url.startswith("https://storage.sandbox.korusticket.test/documents/")
    assert document.cached_language == "fr"
    download = kt.http.get(document.temporary_url)
    assert download.headers["content-type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    (stored,) = sandbox.state.storage_requests
    assert stored.authorization_sent is False  # the JWT stays with the API host
    assert stored.status == 200


def test_ordering_an_expired_reservation_is_the_vendors_422(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer_id, body = reserve_show_offer(kt, sandbox)
    before = sandbox.state.data.offers[offer_id].available
    reservation = create_reservations.sync(client=kt.client, body=body).reservations[0]
    sandbox.clock.advance(minutes=15)  # 6. past expiresAt
    assert sandbox.state.data.offers[offer_id].available == before - 1  # released lazily, on the next request
    order_body = CreateOrdersInput(reservations=[iri.of(reservation)], customer=JOHN, external_reference="LATE")
    with pytest.raises(ReservationExpiredError) as caught:
        create_orders.sync_detailed(client=kt.client, body=order_body)
    error = caught.value
    assert error.reservation_indexes == [0]
    assert error.reservation_iris == [iri.of(reservation)]
    assert error.violations[0].code == "d53a91b0-def3-426a-83d7-269da7ab4200"
    assert error.violations[0].message == "La réservation a expiré"
    assert sandbox.state.data.offers[offer_id].available == before  # the places came back
    assert sandbox.state.orders == {}


def test_without_the_facade_the_generated_client_still_parses_the_422(sandbox: Sandbox) -> None:
    from korusticket_client import AuthenticatedClient

    client = AuthenticatedClient(
        base_url="https://api.demo.korusticket.com",
        token=sandbox.issue_token(),
        httpx_args={"transport": sandbox.transport()},
    )
    order_body = CreateOrdersInput(
        reservations=["/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746"],
        customer=CreateOrdersInputCustomer(firstname="Ada", lastname="", email="ada@example.com"),
        external_reference="",
    )
    response = create_orders.sync_detailed(client=client, body=order_body)
    assert response.status_code == 422
    assert {v.property_path for v in response.parsed.violations} == {
        "externalReference",
        "customer.lastname",
        "reservations[0]",
    }
    assert response.parsed.violations[0].code is not UNSET
