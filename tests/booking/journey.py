"""A travel agency's booking, as a user writes it: type-checked by mypy --strict (no require(), no dict bodies)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from korusticket import Customer, Hold, Item, KorusTicket
from korusticket_client.api.ticketing_offer import list_offers


def charge_card(hold: Hold) -> bool:
    return hold.total > 0  # the agency's payment provider goes here


def travel_agency_journey(kt: KorusTicket, catalog: str, day: date, tickets_dir: Path) -> list[Path]:
    """Browse a day's offers, reserve two of them, order, name the beneficiaries, download the tickets."""
    offers = kt.paginate(list_offers, catalog_id=catalog, date_after=day, date_before=day)
    choices = [kt.offer_choice(offer) for offer in offers]
    with_show = next(choice for choice in choices if any(ticket.needs_session for ticket in choice.tickets))
    named = next(choice for choice in choices if choice.beneficiaries_may_be_required)
    items = [
        Item(choice.offer, quantity=2, sessions={t.id: t.sessions[0].iri for t in choice.tickets if t.needs_session})
        for choice in (with_show, named)
    ]
    customer: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com", "country": "GB"}
    booking = kt.book(items, customer=customer, external_reference="AGENCY-0001", confirm_payment=charge_card)
    for order in booking.orders:
        for ticket in kt.pending_beneficiaries(order):
            kt.set_beneficiary(ticket, {"firstname": "Alan", "lastname": "Turing", "dateOfBirth": "1912-06-23"})
    return [path for order in booking.orders for path in kt.download_documents(order, tickets_dir, language="en")]
