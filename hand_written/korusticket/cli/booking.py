"""Book and follow up: `book`, `orders`, `order`, `beneficiary`, and `documents download`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from korusticket._operation import COUNT_LIMIT
from korusticket.cli import arguments
from korusticket.cli.context import CATALOG, EXIT_ERROR, JSON, OFFER, ORDER, running, state_of
from korusticket.cli.output import Column, field, listed

if TYPE_CHECKING:  # the booking workflows load when a command runs, not for `--help`
    from korusticket import Customer

__all__ = ["ORDER_COLUMNS", "beneficiary", "book", "download", "order", "orders"]

ORDER_COLUMNS: list[Column] = [
    ("id", field("id")),
    ("reference", field("reference")),
    ("external reference", field("external_reference")),
    ("status", field("status")),
    ("total", field("total_amount_incl_tax")),
]


def book(
    ctx: typer.Context,
    offer_id: OFFER,
    reference: Annotated[
        str, typer.Option("--reference", callback=arguments.reference, help="Your external reference (max 50).")
    ],
    email: Annotated[str, typer.Option("--customer-email", callback=arguments.email)],
    firstname: Annotated[str, typer.Option("--customer-firstname", callback=arguments.name)],
    lastname: Annotated[str, typer.Option("--customer-lastname", callback=arguments.name)],
    quantity: Annotated[int, typer.Option("--quantity", min=1, max=COUNT_LIMIT)] = 1,
    session: Annotated[
        list[str] | None,
        typer.Option(
            "--session", callback=arguments.sessions, help="SESSION, or TICKET=SESSION when several need one."
        ),
    ] = None,
    catalog: CATALOG = None,
    as_json: JSON = False,
) -> None:
    """Reserve and order an offer, once per --reference: a re-run shows that booking.

    With KORUSTICKET_LEDGER (sqlite:///path.db, postgresql://...), commands run at once on one reference wait for
    each other."""
    from korusticket.booking import Item

    with running(ctx, as_json) as (kt, out):
        choice = kt.offer_choice(state_of(ctx).offer_ref(offer_id, catalog))
        needing = [ticket for ticket in choice.tickets if ticket.needs_session]
        sessions = _sessions(session or [], needing)
        customer: Customer = {"firstname": firstname, "lastname": lastname, "email": email}
        booked = kt.book(
            Item(choice.offer, quantity=quantity, sessions=sessions),
            customer=customer,
            external_reference=reference,
        )
        held = booked.reservations[0] if booked.reservations else None
        if booked.adopted:  # a re-run: the booking exists, and is shown as it is
            out.say(f"{reference} was booked already: nothing was reserved, paid or ordered again")
            for offer, count in booked.missing:
                out.say(f"not in that booking: {count} x {offer}")
        elif held is not None and held.expires_at is not None:
            out.say(f"reserved {held.total} until {held.expires_at:%Y-%m-%d %H:%M %Z} (server time)")
        out.rows("Orders", booked.orders, ORDER_COLUMNS)
        for failure in booked.failures:
            out.say(f"refused: {failure.reservation}: {failure.message}")
        if booked.failures:
            raise typer.Exit(EXIT_ERROR)


def orders(
    ctx: typer.Context,
    reference: Annotated[str, typer.Option("--reference", callback=arguments.reference, help="External reference.")],
    as_json: JSON = False,
) -> None:
    """The orders placed under an external reference."""
    with running(ctx, as_json) as (kt, out):
        out.rows("Orders", kt.find_orders(reference), ORDER_COLUMNS)


def order(ctx: typer.Context, order_id: ORDER, as_json: JSON = False) -> None:
    """One order and its tickets."""
    with running(ctx, as_json) as (kt, out):
        found = kt.find_order(order_id)
        if out.as_json:
            out.record("", found, [])
            return
        out.record("Order", found, ORDER_COLUMNS)
        tickets = [t for item in listed(found.items) for t in listed(item.tickets)]
        out.rows("Tickets", tickets, [("id", field("id")), ("status", field("status")), ("event", field("event"))])


def beneficiary(
    ctx: typer.Context,
    order_id: ORDER,
    ticket: Annotated[
        str | None,
        typer.Option("--ticket", callback=arguments.resource("order_item_ticket"), help="The ticket (IRI) to name."),
    ] = None,
    firstname: Annotated[str | None, typer.Option("--firstname", callback=arguments.name)] = None,
    lastname: Annotated[str | None, typer.Option("--lastname", callback=arguments.name)] = None,
    date_of_birth: Annotated[
        str | None, typer.Option("--date-of-birth", callback=arguments.day, help="YYYY-MM-DD.")
    ] = None,
    as_json: JSON = False,
) -> None:
    """Tickets waiting for a named person; --ticket names one."""
    with running(ctx, as_json) as (kt, out):
        pending = kt.pending_beneficiaries(order_id)
        if ticket is None:
            out.rows(
                "Tickets to name",
                pending,
                [
                    ("ticket", lambda p: p.iri),
                    ("fields", lambda p: ", ".join(p.required_fields)),
                    ("deadline", lambda p: p.deadline),
                ],
            )
            return
        chosen = next((p for p in pending if ticket in (p.iri, p.ticket.id)), None)
        if chosen is None:
            raise ValueError(f"--ticket: {ticket} is not a ticket of {order_id} waiting for a beneficiary")
        if not firstname or not lastname:
            raise ValueError("--firstname and --lastname: required to name a beneficiary")
        person: dict[str, str] = {"firstname": firstname, "lastname": lastname}
        if date_of_birth:
            person["dateOfBirth"] = date_of_birth
        named = kt.set_beneficiary(chosen, person)  # type: ignore[arg-type]
        out.record("Ticket", named, [("id", field("id")), ("status", field("status"))])


def download(
    ctx: typer.Context,
    order_id: ORDER,
    out_dir: Annotated[str, typer.Option("--out", callback=arguments.directory, help="Directory to write into.")] = ".",
) -> None:
    """Download an order's documents as PDF files.

    The JWT is never sent to the storage host.
    """
    with running(ctx) as (kt, out):
        directory = Path(out_dir)
        directory.mkdir(parents=True, exist_ok=True)
        for path in kt.download_documents(order_id, directory, language=state_of(ctx).language):
            out.console.print(str(path))


def _sessions(given: list[str], needing: list[Any]) -> dict[str, str | None]:
    """`--session` values as the booking's ticket -> session map, with errors that list the choices."""
    if not needing:
        if given:
            raise ValueError("--session: this offer's tickets are all-day: they take no session")
        return {}
    if not given:
        listing = "; ".join(
            f"ticket {t.id} ({t.ticket.name}): " + ", ".join(s.id for s in t.sessions[:5]) for t in needing
        )
        raise ValueError(f"--session: this offer needs a session per ticket; choose among {listing}")
    chosen: dict[str, str | None] = {}
    for value in given:
        ticket, equals, session = value.partition("=")
        if not equals:
            if len(needing) > 1 or len(given) > 1:
                raise ValueError("--session: several tickets need a session: give TICKET=SESSION for each")
            ticket, session = needing[0].id, value
        chosen[ticket] = session
    return chosen
