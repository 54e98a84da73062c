"""A booking flow against the built-in sandbox: `python -m korusticket.testing.demo` (or `make demo`).

No credentials and no network: the sandbox answers in memory, with the API's shapes and rules.
"""

from __future__ import annotations

from datetime import date

from korusticket import APIConnectionError, KorusTicket, ReservationExpiredError, iri, require
from korusticket.testing import Sandbox
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import list_offers
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from korusticket_client.api.ticketing_offer_ticket import list_offer_tickets
from korusticket_client.models import TicketingOffer

CUSTOMER = {"firstname": "John", "lastname": "Doe", "email": "john.doe@example.com", "country": "FR", "language": "fr"}


def step(text: str) -> None:
    print(f"\n== {text}")


def reservation_body(kt: KorusTicket, catalog: str, offer: TicketingOffer, quantity: int) -> dict[str, object]:
    """One entry per ticket of the offer; tickets that are not all-day get their last session."""
    entries = []
    for ticket in kt.call(list_offer_tickets, catalog_id=catalog, offer_id=require(offer.id, "offer.id")).member:
        entry = {"ticket": iri.of(ticket)}
        if not ticket.date_access:
            session = require(ticket.sessions, "ticket.sessions")[-1]
            when = require(session.occurs_at, "session.occursAt")
            print(f"   {ticket.name}: session at {when:%H:%M} ({session.available_quantity} left)")
            entry["session"] = iri.of(session)
        else:
            print(f"   {ticket.name}: all-day access")
        entries.append(entry)
    return {"items": [{"offer": iri.of(offer), "quantity": quantity, "ticketSessions": entries}]}


def main() -> None:
    sandbox = Sandbox(seed=0)
    with sandbox.client(language="fr") as kt:
        step("Catalogs this account may sell")
        for catalog in kt.paginate(list_catalogs):
            print(f"   {catalog.name} ({require(catalog.venue, 'catalog.venue').city})")
        park = sandbox.catalog_id

        step("Offers on 2025-06-07 (every page, lazily)")
        day = date(2025, 6, 7)
        offers = list(kt.paginate(list_offers, catalog_id=park, date_after=day, date_before=day))
        for offer in offers:
            price = require(offer.price, "offer.price")
            left = "unlimited" if offer.available_quantity is None else f"{offer.available_quantity} left"
            print(
                f"   {require(offer.product, 'offer.product').name}: {price.amount_incl_tax} {price.currency}, {left}"
            )
        offer = next(o for o in offers if len(require(o.tickets, "offer.tickets")) == 2)
        name = require(offer.product, "offer.product").name

        step(f"Real-time availability of '{name}'")
        availability = kt.call(get_offer_availability, catalog_id=park, id=require(offer.id, "offer.id"))
        sessions = require(availability.sessions_availability, "sessionsAvailability")
        print(f"   {availability.available_quantity} places, {len(sessions)} sessions")

        step("Reserve 2 places, one session per ticket")
        created = kt.call(create_reservations, body=reservation_body(kt, park, offer, 2))
        reservation = require(created.reservations, "reservations")[0]
        amount, expires = reservation.total_amount_incl_tax, reservation.expires_at
        print(f"   reservation {reservation.id}: {amount} EUR, expires {expires}")

        step("The customer took too long: 16 minutes pass")
        sandbox.clock.advance(minutes=16)
        order_body = {"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "DEMO-0001"}
        try:
            kt.call(create_orders, body=order_body)
        except ReservationExpiredError as error:
            print(f"   {type(error).__name__}: {error.violations[0]} (reservation {error.reservation_indexes[0]})")

        step("Reserve again and order at once")
        reserved = kt.call(create_reservations, body=reservation_body(kt, park, offer, 2))
        order_body["reservations"] = [iri.of(require(reserved.reservations, "reservations")[0])]
        order = require(kt.call(create_orders, body=order_body).orders, "orders")[0]
        tickets = require(require(order.items, "order.items")[0].tickets, "order.items[0].tickets")
        print(f"   order {order.reference} ({order.external_reference}), {len(tickets)} tickets")

        step("The order answer is lost on the way back: find the order by its external reference")
        sandbox.faults.inject("drop_after_commit", operation="create_orders")
        reserved = kt.call(create_reservations, body=reservation_body(kt, park, offer, 1))
        lost = {
            "reservations": [iri.of(require(reserved.reservations, "reservations")[0])],
            "customer": CUSTOMER,
            "externalReference": "DEMO-0002",
        }
        try:
            kt.call(create_orders, body=lost)
        except APIConnectionError as error:
            print(f"   {type(error).__name__}: {error}")
        found = kt.call(list_orders, external_reference="DEMO-0002")
        print(f"   {found.total_items} order found for DEMO-0002: placed once, not twice")

        step("Tickets: a temporary download URL, fetched without the JWT")
        document_id = iri.parse(require(order.documents, "order.documents")[0]).identifiers["id"]
        document = kt.call(update_order_document, order_id=require(order.id, "order.id"), id=document_id, body={})
        pdf = kt.http.get(require(document.temporary_url, "temporaryUrl"))
        sent = sandbox.state.storage_requests[-1].authorization_sent
        print(f"   {len(pdf.content)} bytes of PDF in '{document.cached_language}'; JWT sent to storage: {sent}")

    print(
        f"\n{len(sandbox.state.handled)} requests answered by the sandbox, {sandbox.state.token_requests} token fetch."
    )


if __name__ == "__main__":
    main()
