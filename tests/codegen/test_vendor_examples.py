"""Every example payload of the vendor's documentation parses with its generated model and serializes back.

The fixtures and the model each one belongs to are listed in fixtures/vendor_examples/index.yaml.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import korusticket_client.models as models
from tests.vendor_examples import API_EXAMPLES, EXAMPLES, INDEX, as_python_writes_it, load


def unmodelled_keys(value: Any, path: str = "$") -> list[str]:
    """Keys that reached `additional_properties` anywhere in a parsed model tree."""
    found: list[str] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            found += unmodelled_keys(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        found += [f"{path}.{key}" for key in value.additional_properties]
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                found += unmodelled_keys(getattr(value, field.name), f"{path}.{field.name}")
    return found


def test_index_covers_every_fixture_file() -> None:
    on_disk = {path.name for path in EXAMPLES.glob("*.json")}
    assert on_disk == {entry["file"] for entry in INDEX}
    assert len(API_EXAMPLES) == len(INDEX) - 1  # the identity provider's token response is not an API model


@pytest.mark.parametrize("entry", API_EXAMPLES, ids=[entry["file"] for entry in API_EXAMPLES])
def test_parses_with_its_model_and_round_trips(entry: dict[str, Any]) -> None:
    payload = load(entry)
    model = getattr(models, entry["model"])
    parsed = model.from_dict(payload)
    assert parsed.to_dict() == as_python_writes_it(payload)


@pytest.mark.parametrize("entry", API_EXAMPLES, ids=[entry["file"] for entry in API_EXAMPLES])
def test_only_jsonld_keywords_and_older_fields_are_unmodelled(entry: dict[str, Any]) -> None:
    parsed = getattr(models, entry["model"]).from_dict(load(entry))
    leftovers = [path for path in unmodelled_keys(parsed) if not path.rsplit(".", 1)[-1].startswith("@")]
    assert leftovers == entry.get("older_fields", [])


def test_jsonld_keywords_are_readable_on_the_parsed_model() -> None:
    entry = next(e for e in API_EXAMPLES if e["file"] == "orders_bulk_response_live.json")
    output = models.CreateOrdersOutput.from_dict(load(entry))
    order = output.orders[0]
    assert order["@id"] == "/v1/booking/orders/0194b132-448c-7d1b-bb13-f8e09ae5c18f"
    assert order["@type"] == "BookingOrder"
    assert output["@context"]["orders"] == "CreateOrderBulkOutput/orders"
    assert order.customer == []  # the live response's empty-array customer is kept as sent


def test_typed_values() -> None:
    offers = models.TicketingOfferCollection.from_dict(
        load(next(e for e in API_EXAMPLES if e["file"] == "offers_collection_live.json"))
    )
    offer = offers.member[0]
    assert offers.total_items == 1
    assert str(offer.date) == "2025-06-07"
    assert offer.available_quantity == 1500
    assert offer.price.amount_incl_tax == "87.00"
    assert [ticket.name for ticket in offer.tickets] == ["Puy du Fou Adulte", "Cinéscénie Adulte - Argent"]
    assert offers.search.mapping[0].variable == "date"


def test_published_text_is_kept_except_the_documented_fixes() -> None:
    fixed = {entry["file"] for entry in INDEX if "FIXED" in entry.get("note", "")}
    assert fixed == {"catalogs_collection_pagination_guide.json", "products_collection_live.json"}
    for entry in INDEX:
        text = Path(EXAMPLES / entry["file"]).read_text(encoding="utf-8")
        json.loads(text)  # every fixture is strict JSON


def test_reprs_show_held_fields_and_leave_unset_ones_out() -> None:
    from korusticket_client.models import TicketingOffer
    from korusticket_client.types import UNSET

    offer = TicketingOffer.from_dict({"@id": "/o", "id": "a", "price": {"amountInclTax": "1.00"}, "colour": "red"})
    assert repr(UNSET) == "UNSET"
    assert repr(offer) == (
        "TicketingOffer(id='a', price=OfferEmbeddedPrice(amount_incl_tax='1.00'), "
        "additional_properties={'@id': '/o', 'colour': 'red'})"
    )
    assert "Unset object" not in repr(TicketingOffer())
    assert repr(TicketingOffer(date=None)) == "TicketingOffer(date=None)"
