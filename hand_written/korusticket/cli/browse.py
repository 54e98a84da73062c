"""Browse a catalog: `catalogs`, `product-bases`, `products`, `offers`, `offer`, `availability`, `price`, `seat-map`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer

from korusticket._operation import COUNT_LIMIT
from korusticket.cli import arguments
from korusticket.cli.context import CATALOG, JSON, OFFER, running, state_of
from korusticket.cli.output import Column, field, listed

__all__ = [
    "OFFER_COLUMNS",
    "availability",
    "catalogs",
    "offer",
    "offers",
    "parse_day",
    "price",
    "product_bases",
    "product_iri",
    "products",
    "seat_map",
]

OFFER_COLUMNS: list[Column] = [
    ("id", field("id")),
    ("date", field("date")),
    ("product", lambda o: getattr(o.product, "name", None)),
    ("price", lambda o: getattr(o.price, "amount_incl_tax", None)),
    ("places", field("available_quantity")),
]


def parse_day(value: str, option: str) -> date:
    """A `YYYY-MM-DD` option value, or a ValueError naming the option."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option}: expected a day as YYYY-MM-DD, got {value!r}") from None


def product_iri(value: str, catalog: str) -> str:
    """A product IRI from an IRI, or an id and its catalog."""
    from korusticket import iri

    return value if "/" in value else iri.product(catalog, iri.check_id(value, "product"))


def catalogs(ctx: typer.Context, as_json: JSON = False) -> None:
    """The catalogs this account may sell."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        out.rows("Catalogs", kt.paginate(ops.list_catalogs), [("id", field("id")), ("name", field("name"))])


def product_bases(ctx: typer.Context, catalog: CATALOG = None, as_json: JSON = False) -> None:
    """The product bases of a catalog: a park, a show, a museum."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        rows = kt.paginate(ops.list_product_bases, catalog_id=state_of(ctx).catalog(catalog))
        columns: list[Column] = [
            ("id", field("id")),
            ("name", field("name")),
            ("sessions", field("use_session")),
            ("time zone", field("timezone")),
        ]
        out.rows("Product bases", rows, columns)


def products(ctx: typer.Context, catalog: CATALOG = None, as_json: JSON = False) -> None:
    """The products of a catalog: a product base with its options."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        rows = kt.paginate(ops.list_products, catalog_id=state_of(ctx).catalog(catalog))
        out.rows("Products", rows, [("id", field("id")), ("name", field("name"))])


def offers(
    ctx: typer.Context,
    catalog: CATALOG = None,
    start: Annotated[str | None, typer.Option("--from", callback=arguments.day, help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", callback=arguments.day, help="Last day, YYYY-MM-DD.")] = None,
    product: Annotated[
        str | None,
        typer.Option("--product", callback=arguments.resource("product"), help="Only this product (id or IRI)."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=0, max=COUNT_LIMIT, help="Stop after this many offers.")
    ] = None,
    as_json: JSON = False,
) -> None:
    """Offers, a product on a day: price and places."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        catalog_id = state_of(ctx).catalog(catalog)
        filters: dict[str, Any] = {"catalog_id": catalog_id, "max_items": limit, "prefetch": 4}
        if start:
            filters["date_after"] = parse_day(start, "--from")
        if end:
            filters["date_before"] = parse_day(end, "--to")
        if product:
            filters["product"] = product_iri(product, catalog_id)
        out.rows("Offers", kt.paginate(ops.list_offers, **filters), OFFER_COLUMNS)


def offer(ctx: typer.Context, offer_id: OFFER, catalog: CATALOG = None, as_json: JSON = False) -> None:
    """One offer: its tickets and the sessions with places left."""
    with running(ctx, as_json) as (kt, out):
        choice = kt.offer_choice(state_of(ctx).offer_ref(offer_id, catalog))
        if out.as_json:
            out.record("", {**choice.offer.to_dict(), "tickets": [_ticket_json(t) for t in choice.tickets]}, [])
            return
        out.record(
            "Offer",
            choice,
            [
                ("id", lambda c: c.offer.id),
                ("date", lambda c: c.offer.date),
                ("price", lambda c: f"{c.price} {c.currency or ''}".strip()),
                ("places", lambda c: "unlimited" if c.available is None else c.available),
                ("named beneficiaries", lambda c: c.beneficiaries_may_be_required),
            ],
        )
        none: list[Any] = [None]
        sessions = [(t, s) for t in choice.tickets for s in (t.sessions or none)]
        out.rows(
            "Tickets",
            sessions,
            [
                ("ticket", lambda r: r[0].id),
                ("name", lambda r: r[0].ticket.name),
                ("needs a session", lambda r: r[0].needs_session),
                ("session", lambda r: r[1].id if r[1] else None),
                ("starts", lambda r: r[1].session.occurs_at if r[1] else None),
                ("places", lambda r: r[1].available if r[1] else None),
            ],
        )


def availability(ctx: typer.Context, offer_id: OFFER, catalog: CATALOG = None, as_json: JSON = False) -> None:
    """Places left for an offer now, per session."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        catalog_id, identifier = state_of(ctx).offer_ids(offer_id, catalog)
        found = kt.call(ops.get_offer_availability, catalog_id=catalog_id, id=identifier)
        if out.as_json:
            out.record("", found, [])
            return
        out.record("Availability", found, [("places", field("available_quantity"))])
        out.rows(
            "Sessions",
            listed(found.sessions_availability),
            [("session", lambda s: str(s.session).rsplit("/", 1)[-1]), ("places", field("available_quantity"))],
        )


def price(ctx: typer.Context, offer_id: OFFER, catalog: CATALOG = None, as_json: JSON = False) -> None:
    """The real-time price of an offer."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        catalog_id, identifier = state_of(ctx).offer_ids(offer_id, catalog)
        found = kt.call(ops.get_offer_price, catalog_id=catalog_id, id=identifier)
        out.record(
            "Price",
            found,
            [
                ("amount incl. tax", field("amount_incl_tax")),
                ("amount excl. tax", field("amount_excl_tax")),
                ("currency", field("currency")),
            ],
        )


def seat_map(
    ctx: typer.Context,
    product_base: Annotated[str, typer.Argument(callback=arguments.identifier, help="Product base id.")],
    seat_map_id: Annotated[str, typer.Argument(metavar="SEAT_MAP", callback=arguments.identifier, help="Seat map id.")],
    catalog: CATALOG = None,
    as_json: JSON = False,
) -> None:
    """A seat map: its zones and seating categories."""
    from korusticket import ops

    with running(ctx, as_json) as (kt, out):
        catalog_id = state_of(ctx).catalog(catalog)
        found = kt.call(ops.get_seat_map, catalog_id=catalog_id, product_base_id=product_base, id=seat_map_id)
        if out.as_json:
            out.record("", found, [])
            return
        out.record("Seat map", found, [("id", field("id"))])
        out.rows("Zones", listed(found.zones), [("code", field("code")), ("name", field("name"))])
        categories = listed(found.seating_categories)
        out.rows("Seating categories", categories, [("code", field("code")), ("name", field("name"))])


def _ticket_json(choice: Any) -> dict[str, Any]:
    return {
        "id": choice.id,
        "name": choice.ticket.name,
        "needsSession": choice.needs_session,
        "sessions": [{"id": s.id, "available": s.available} for s in choice.sessions],
    }
