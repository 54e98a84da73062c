"""A booking journey against the built-in sandbox: `python -m korusticket.testing.demo` (or `make demo`).

No credentials and no network: the sandbox answers in memory, with the API's shapes and rules. The
journey uses the booking workflows (`kt.calendar`, `kt.offer_choice`, `kt.reserve`, `kt.order`, `kt.book`,
`kt.set_beneficiary`, `kt.download_documents`) the way a reseller's integration would.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from korusticket import Customer, Hold, Item, OfferChoice, ReservationExpiredError
from korusticket.testing import Sandbox
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import list_offers

CUSTOMER: Customer = {
    "firstname": "John",
    "lastname": "Doe",
    "email": "john.doe@example.com",
    "country": "FR",
    "language": "fr",
}


def step(text: str) -> None:
    print(f"\n== {text}")


def table(headers: list[str], rows: list[list[object]]) -> None:
    """A table: drawn by rich when the `cli` extra is installed, plain columns otherwise."""
    cells = [[str(cell) for cell in row] for row in rows]
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        widths = [max(len(text) for text in column) for column in zip(headers, *cells, strict=True)]
        for row in [headers, *cells]:
            print("   " + "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)))
        return
    drawn = Table(*headers)
    for row in cells:
        drawn.add_row(*row)
    Console(width=120).print(drawn)


def take_payment(hold: Hold) -> bool:
    print(f"   payment step: charge {hold.total} EUR before {hold.expires_at:%H:%M} (server time) ... accepted")
    return True


def sessions_of(choice: OfferChoice) -> dict[str, str]:
    """The first session with places left, for each ticket that needs one."""
    return {ticket.id: ticket.sessions[0].iri for ticket in choice.tickets if ticket.needs_session}


def main() -> None:
    sandbox = Sandbox(seed=0)
    with sandbox.client(language="fr") as kt:
        step("Catalogs this account may sell")
        for catalog in kt.paginate(list_catalogs):
            print(f"   {catalog.name}")
        park, day = sandbox.catalog_id, date(2025, 6, 7)

        step("A week of one product: price and places per day (date[after]/date[before], pages prefetched)")
        choices = [
            kt.offer_choice(offer)
            for offer in kt.paginate(list_offers, catalog_id=park, date_after=day, date_before=day)
        ]
        show = next(choice for choice in choices if len(choice.tickets) == 2)
        product = show.offer.product.id if show.offer.product else None
        week = kt.calendar(park, date(2025, 6, 4), date(2025, 6, 10), product=str(product))
        table(
            ["day", "price (EUR)", "places"],
            [[f"{e.day:%a %d %b}", e.price, "unlimited" if e.available is None else e.available] for e in week],
        )

        step("What a booking page needs to know about one offer")
        table(
            ["ticket", "needs", "sessions (places left)"],
            [
                [
                    ticket.ticket.name,
                    "a session" if ticket.needs_session else "nothing: all-day access",
                    ", ".join(f"{s.session.occurs_at:%H:%M} ({s.available})" for s in ticket.sessions) or "-",
                ]
                for ticket in show.tickets
            ],
        )
        print(f"   price {show.price} {show.currency}; named beneficiaries: {show.beneficiaries_may_be_required}")

        step("Reserve 2 places (one bulk request, sessions checked before sending)")
        held = kt.reserve(Item(show.offer, quantity=2, sessions=sessions_of(show)))
        print(f"   reservation held: {held.total} EUR, expires at {held.expires_at:%H:%M} (in {held.expires_in()})")

        step("The customer took too long: 16 minutes pass")
        sandbox.clock.advance(minutes=16)
        try:
            kt.order(held, customer=CUSTOMER, external_reference="DEMO-0001")
        except ReservationExpiredError as error:
            print(f"   {type(error).__name__}: {error.violations[0]} (refused before sending)")

        step("Book in one call: reserve, take the payment, order")
        booking = kt.book(
            Item(show.offer, quantity=2, sessions=sessions_of(show)),
            customer=CUSTOMER,
            external_reference="DEMO-0002",
            confirm_payment=take_payment,
        )
        print(f"   order {booking.order.reference} ({booking.order.external_reference}): {booking.total} EUR")

        step("The order's answer is lost after the server made it: settled by reading back, not by guessing")
        sandbox.faults.inject("drop_after_commit", operation="create_orders")
        lost = kt.book(Item(show.offer, sessions=sessions_of(show)), customer=CUSTOMER, external_reference="DEMO-0003")
        found = kt.find_orders("DEMO-0003")
        print(f"   recovered: {lost.recovered}; {len(found)} order for DEMO-0003 ({lost.order.reference}), not two")

        step("A pass issued to a named person")
        named = next(choice for choice in choices if choice.beneficiaries_may_be_required)
        pass_booking = kt.book(Item(named.offer), customer=CUSTOMER, external_reference="DEMO-0004")
        for pending in kt.pending_beneficiaries(pass_booking.order):
            print(f"   ticket needs {', '.join(pending.required_fields)} before {pending.deadline:%Y-%m-%d}")
            kt.set_beneficiary(pending, {"firstname": "Jeanne", "lastname": "Martin", "dateOfBirth": "1990-04-02"})
        print(f"   named; {len(kt.pending_beneficiaries(pass_booking.order))} ticket left to name")

        step("Tickets: a signed download URL, fetched without the JWT")
        directory = Path(tempfile.mkdtemp(prefix="korusticket-demo-"))
        for order in (booking.order, pass_booking.order):
            for path in kt.download_documents(order, directory, language="en"):
                print(f"   wrote {path} ({path.stat().st_size} bytes of PDF)")
        sent = any(request.authorization_sent for request in sandbox.state.storage_requests)
        print(f"   JWT sent to the storage host: {sent}")

    print(
        f"\n{len(sandbox.state.handled)} requests answered by the sandbox, {sandbox.state.token_requests} token fetch."
    )


if __name__ == "__main__":
    main()
