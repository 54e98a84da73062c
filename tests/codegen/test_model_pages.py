"""The generated models' `from_dict`/`to_dict` on full pages as the API serves them: a 50-offer page and a
50-order page rendered by the sandbox, and every vendor example.

What is pinned: a page parses and serializes back to the same JSON; the keys no model declares (the JSON-LD
keywords, and any key the API adds later) land in `additional_properties`, exactly those and at every level;
an optional key left out stays unset and is not written back; a null stays None; a value a nullable parser
cannot read (a date that is not one, an unknown status) is kept as sent; and `from_dict` leaves its input as
it found it. These hold whatever the generator's templates do to make `from_dict` cheaper.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections import Counter
from typing import Any

import attrs
import pytest

import korusticket_client.models as models
from korusticket import Customer, Item, ops
from korusticket.testing import Sandbox
from korusticket_client.types import UNSET
from tests.vendor_examples import API_EXAMPLES, as_python_writes_it, load

CUSTOMER: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
EXTRA = "x-later"
"""The name of the keys this test adds where no model declares them (an API field of a later version)."""


@pytest.fixture(scope="module")
def offer_page() -> dict[str, Any]:
    sandbox = Sandbox(seed=0)
    with sandbox.client() as kt:
        page: dict[str, Any] = kt.http.get(
            f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers", params={"itemsPerPage": 50}
        ).json()
    assert len(page["member"]) == 50
    return page


@pytest.fixture(scope="module")
def order_page() -> dict[str, Any]:
    """50 orders of one or more tickets, with and without sessions, booked on the sandbox."""
    sandbox = Sandbox(seed=0)
    with sandbox.client() as kt:
        booked = 0
        for number, offer in enumerate(kt.paginate(ops.list_offers, catalog_id=sandbox.catalog_id)):
            choice = kt.offer_choice(offer)
            timed = [ticket for ticket in choice.tickets if ticket.needs_session]
            if any(not ticket.sessions for ticket in timed):
                continue
            sessions = {ticket.ticket.id: ticket.sessions[0].iri for ticket in timed}
            quantity = 1 + number % 3
            item = Item(choice.offer, quantity, sessions=sessions) if sessions else Item(choice.offer, quantity)
            kt.book(item, customer=CUSTOMER, external_reference=f"PAGE-{booked:04d}")
            booked += 1
            if booked == 50:
                break
        page: dict[str, Any] = kt.http.get("/v1/booking/orders", params={"itemsPerPage": 50}).json()
    assert len(page["member"]) == 50
    assert any(ticket["session"] for order in page["member"] for i in order["items"] for ticket in i["offerTickets"])
    return page


def undeclared(key: str, older: frozenset[str] = frozenset()) -> bool:
    """Whether no model declares `key`: a JSON-LD keyword, a key this test added, a field of an older version."""
    return key.startswith("@") or key == EXTRA or key in older


def unknown_in_json(value: Any, older: frozenset[str] = frozenset()) -> Counter[tuple[str, str]]:
    """The undeclared entries of a JSON document, anywhere in it; their values are not looked into (they are
    kept whole)."""
    found: Counter[tuple[str, str]] = Counter()
    if isinstance(value, list):
        for item in value:
            found += unknown_in_json(item, older)
    elif isinstance(value, dict):
        for key, item in value.items():
            if undeclared(key, older):
                found[(key, json.dumps(item, sort_keys=True))] += 1
            else:
                found += unknown_in_json(item, older)
    return found


def unknown_in_model(value: Any) -> Counter[tuple[str, str]]:
    """The entries that reached `additional_properties` anywhere in a parsed model tree."""
    found: Counter[tuple[str, str]] = Counter()
    if isinstance(value, list):
        for item in value:
            found += unknown_in_model(item)
    elif attrs.has(type(value)):
        for key, item in value.additional_properties.items():
            found[(key, json.dumps(item, sort_keys=True))] += 1
        for field in attrs.fields(type(value)):
            if field.name != "additional_properties":
                found += unknown_in_model(getattr(value, field.name))
    return found


def with_extra_keys(value: Any) -> Any:
    """The document with an undeclared key added to every object, before and after the declared ones."""
    if isinstance(value, list):
        return [with_extra_keys(item) for item in value]
    if isinstance(value, dict):
        if not value:
            return value
        (first, head), *rest = value.items()
        extended: dict[str, Any] = {first: with_extra_keys(head)}
        extended[EXTRA] = {"kept": "whole", "nested": [1, None, {"@id": "not a model"}]}
        extended.update({key: with_extra_keys(item) for key, item in rest})
        return extended
    return value


def fields_that_are(value: object, model: Any) -> set[str]:
    """The model's fields holding `value` (UNSET or None)."""
    return {field.name for field in attrs.fields(type(model)) if getattr(model, field.name) is value}


def parse_and_check(model: Any, document: dict[str, Any], older: frozenset[str] = frozenset()) -> Any:
    """Parse `document` with `model` and check what every test here pins; the parsed model."""
    before = copy.deepcopy(document)
    parsed = model.from_dict(document)
    assert document == before, "from_dict changed its input"
    assert json.dumps(document) == json.dumps(before), "from_dict reordered its input"
    assert parsed.to_dict() == as_python_writes_it(document)
    assert unknown_in_model(parsed) == unknown_in_json(document, older)
    return parsed


@pytest.mark.parametrize("injected", [False, True], ids=["as served", "with undeclared keys"])
def test_the_offer_page_round_trips(offer_page: dict[str, Any], injected: bool) -> None:
    document = with_extra_keys(offer_page) if injected else offer_page
    collection = parse_and_check(models.TicketingOfferCollection, document)
    assert len(collection.member) == 50
    for offer, sent in zip(collection.member, document["member"], strict=True):
        assert isinstance(offer, models.TicketingOffer)
        assert isinstance(offer.date, datetime.date)
        assert offer.id == sent["id"]
        assert offer.available_quantity == sent["availableQuantity"]
        assert isinstance(offer.price, models.OfferEmbeddedPrice)
        assert all(isinstance(ticket, models.OfferEmbeddedTicket) for ticket in offer.tickets)
        expected = {key: value for key, value in sent.items() if undeclared(key)}
        assert offer.additional_properties == expected
        assert list(offer.additional_properties) == list(expected)  # in the order they came
    top = {key: value for key, value in document.items() if undeclared(key)}
    assert collection.additional_properties == top


@pytest.mark.parametrize("injected", [False, True], ids=["as served", "with undeclared keys"])
def test_the_order_page_round_trips(order_page: dict[str, Any], injected: bool) -> None:
    document = with_extra_keys(order_page) if injected else order_page
    collection = parse_and_check(models.BookingOrderCollection, document)
    assert len(collection.member) == 50
    for order, sent in zip(collection.member, document["member"], strict=True):
        assert isinstance(order, models.BookingOrder)
        assert isinstance(order.created_at, datetime.datetime)
        assert order.cancelled_at is None
        assert order.notes is None
        assert isinstance(order.customer, models.OrderCustomer)
        assert order.status == sent["status"]
        assert [item.id for item in order.items] == [item["id"] for item in sent["items"]]
        expected = {key: value for key, value in sent.items() if undeclared(key)}
        assert order.additional_properties == expected


def test_optional_keys_left_out_stay_unset(offer_page: dict[str, Any], order_page: dict[str, Any]) -> None:
    offers = copy.deepcopy(offer_page)
    for key in ("date", "availableQuantity", "price", "tickets", "product", "id"):
        del offers["member"][0][key]
    del offers["view"], offers["search"]
    collection = parse_and_check(models.TicketingOfferCollection, offers)
    offer = collection.member[0]
    assert fields_that_are(UNSET, offer) == {"date", "available_quantity", "price", "tickets", "product", "id"}
    assert fields_that_are(UNSET, collection) == {"view", "search"}
    assert {"date", "availableQuantity", "price", "tickets", "product", "id"}.isdisjoint(offer.to_dict())

    orders = copy.deepcopy(order_page)
    for key in ("customer", "cancelledAt", "notes", "status", "items", "documents", "createdAt"):
        del orders["member"][0][key]
    order = parse_and_check(models.BookingOrderCollection, orders).member[0]
    left_out = {"customer", "cancelled_at", "notes", "status", "items", "documents", "created_at"}
    assert fields_that_are(UNSET, order) == left_out


def test_nulls_stay_none(offer_page: dict[str, Any], order_page: dict[str, Any]) -> None:
    offers = copy.deepcopy(offer_page)
    offers["member"][0].update(date=None, availableQuantity=None)
    offer = parse_and_check(models.TicketingOfferCollection, offers).member[0]
    assert fields_that_are(None, offer) == {"date", "available_quantity"}

    orders = copy.deepcopy(order_page)
    orders["member"][0].update(customer=None, cancelledAt=None, externalReference=None, connectorReference=None)
    order = parse_and_check(models.BookingOrderCollection, orders).member[0]
    assert fields_that_are(None, order) == {
        "customer",
        "cancelled_at",
        "external_reference",
        "connector_reference",
        "notes",
    }


def test_what_a_nullable_parser_cannot_read_is_kept_as_sent(
    offer_page: dict[str, Any], order_page: dict[str, Any]
) -> None:
    offers = copy.deepcopy(offer_page)
    offers["member"][0]["date"] = "the first of June"
    offers["member"][1]["date"] = 20250601
    collection = parse_and_check(models.TicketingOfferCollection, offers)
    assert collection.member[0].date == "the first of June"
    assert collection.member[1].date == 20250601

    orders = copy.deepcopy(order_page)
    orders["member"][0].update(status="on_hold_somewhere", customer=[], cancelledAt="2025-06-01T10:00:00+00:00")
    orders["member"][1].update(cancelledAt="soon")
    order, second = parse_and_check(models.BookingOrderCollection, orders).member[:2]
    assert order.status == "on_hold_somewhere"
    assert order.customer == []
    assert order.cancelled_at == datetime.datetime(2025, 6, 1, 10, tzinfo=datetime.UTC)
    assert second.cancelled_at == "soon"


def test_a_body_of_the_wrong_shape_raises_what_the_facade_turns_into_its_error(
    offer_page: dict[str, Any], order_page: dict[str, Any]
) -> None:
    """`_http._parse_success` turns these exceptions into an UnexpectedResponseError naming the model."""
    facade_catches = (KeyError, TypeError, ValueError, AttributeError)
    orders = copy.deepcopy(order_page)
    orders["member"][0]["createdAt"] = "yesterday"  # not nullable: no parser keeps it
    with pytest.raises(ValueError, match="yesterday"):
        models.BookingOrderCollection.from_dict(orders)
    offers = copy.deepcopy(offer_page)
    offers["member"][0]["price"] = None
    with pytest.raises(facade_catches):
        models.TicketingOfferCollection.from_dict(offers)
    offers = copy.deepcopy(offer_page)
    offers["member"][0] = "an offer"
    with pytest.raises(facade_catches):
        models.TicketingOfferCollection.from_dict(offers)
    del orders["member"]
    with pytest.raises(KeyError, match="member"):  # a required key
        models.BookingOrderCollection.from_dict(orders)


def test_the_parsed_model_does_not_share_its_dicts_with_the_input(offer_page: dict[str, Any]) -> None:
    document = copy.deepcopy(offer_page)
    collection = models.TicketingOfferCollection.from_dict(document)
    collection.additional_properties["@id"] = "changed"
    collection.member[0]["@type"] = "Changed"
    del collection.member[1].additional_properties["@id"]
    assert document == offer_page


@pytest.mark.parametrize("entry", API_EXAMPLES, ids=[entry["file"] for entry in API_EXAMPLES])
@pytest.mark.parametrize("injected", [False, True], ids=["as published", "with undeclared keys"])
def test_every_vendor_example(entry: dict[str, Any], injected: bool) -> None:
    document = with_extra_keys(load(entry)) if injected else load(entry)
    older = frozenset(path.rsplit(".", 1)[-1] for path in entry.get("older_fields", []))
    parse_and_check(getattr(models, entry["model"]), document, older)
