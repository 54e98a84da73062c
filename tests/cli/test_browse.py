"""Browsing commands: tables for people, JSON Lines parsed back."""

from __future__ import annotations

from korusticket.testing import Sandbox
from tests.cli.helpers import lines, run


def test_browse_tables_and_json(sandbox: Sandbox) -> None:
    catalogs = lines(run(sandbox, "catalogs", "--json"))
    assert {c["id"] for c in catalogs} == {sandbox.catalog_id, sandbox.stadium_catalog_id}
    assert sandbox.catalog_id in run(sandbox, "catalogs").stdout

    bases = lines(run(sandbox, "product-bases", "--json"))
    assert bases
    assert bases[0]["@type"] == "TicketingProductBase"
    assert bases[0]["name"] in run(sandbox, "product-bases").stdout
    products = lines(run(sandbox, "products", "--catalog", sandbox.stadium_catalog_id, "--json"))
    assert products
    assert all(p["@id"].startswith(f"/v1/ticketing/catalogs/{sandbox.stadium_catalog_id}/") for p in products)

    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    assert offers
    assert {o["date"] for o in offers} == {"2025-06-07"}
    table = run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07").stdout
    assert all(o["id"] in table for o in offers)
    product = offers[0]["product"]["id"]
    only = lines(run(sandbox, "offers", "--product", product, "--limit", "3", "--json"))
    assert len(only) == 3
    assert {o["product"]["id"] for o in only} == {product}


def test_one_offer_availability_and_price(sandbox: Sandbox) -> None:
    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    show = next(o for o in offers if len(o["tickets"]) == 2)
    detail = lines(run(sandbox, "offer", show["id"], "--json"))[0]
    assert detail["id"] == show["id"]
    needing = [t for t in detail["tickets"] if t["needsSession"]]
    assert len(needing) == 1
    assert needing[0]["sessions"]
    table = run(sandbox, "offer", show["@id"]).stdout
    assert needing[0]["sessions"][0]["id"] in table

    availability = lines(run(sandbox, "availability", show["id"], "--json"))[0]
    assert availability["availableQuantity"] == show["availableQuantity"]
    assert str(show["availableQuantity"]) in run(sandbox, "availability", show["id"]).stdout
    price = lines(run(sandbox, "price", show["id"], "--json"))[0]
    assert price["amountInclTax"] == show["price"]["amountInclTax"]


def test_seat_map(sandbox: Sandbox) -> None:
    match = next(base for base in sandbox.state.data.product_bases.values() if base.seat_map is not None)
    assert match.seat_map is not None
    args = ("seat-map", match.id, match.seat_map.id, "--catalog", sandbox.stadium_catalog_id)
    found = lines(run(sandbox, *args, "--json"))[0]
    assert [zone["code"] for zone in found["zones"]] == ["NORD", "SUD"]
    shown = run(sandbox, *args).stdout
    assert "Tribune Nord" in shown
    assert "Seating categories" in shown  # as the command's help promises
    assert "CAT1" in shown
    assert "Catégorie 2" in shown
