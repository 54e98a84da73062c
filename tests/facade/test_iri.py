"""IRIs: a builder per GET path of the spec, parsing back to the same kind and identifiers, kt.get(iri)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from korusticket import InvalidRequestError, iri
from korusticket._generated.operations import OPERATIONS
from korusticket_client.models import BookingOrder, TicketingOffer
from tests.facade.conftest import CATALOG, OFFER, ORDER, Script, async_client, client, example, jsonld

HEX = "0123456789abcdef"
GET_PATHS = {operation.path: operation for operation in OPERATIONS if operation.method == "GET"}


def uuid7s() -> st.SearchStrategy[str]:
    def chunk(size: int) -> st.SearchStrategy[str]:
        return st.text(HEX, min_size=size, max_size=size)

    return st.builds(
        lambda a, b, c, variant, d, e: f"{a}-{b}-7{c}-{variant}{d}-{e}",
        chunk(8),
        chunk(4),
        chunk(3),
        st.sampled_from("89ab"),
        chunk(3),
        chunk(12),
    )


def test_one_builder_per_get_path_of_the_spec(vendor_spec: dict[str, Any]) -> None:
    spec_get_paths = {path for path, item in vendor_spec["paths"].items() if "get" in item}
    assert set(GET_PATHS) == spec_get_paths
    assert len(iri.kinds()) == len(spec_get_paths) == 25
    for kind in iri.kinds():
        assert callable(getattr(iri, kind))


@pytest.mark.parametrize("path", sorted(GET_PATHS))
@given(data=st.data())
def test_build_then_parse_round_trips(path: str, data: st.DataObject) -> None:
    operation = GET_PATHS[path]
    values = []
    for parameter in operation.path_parameters:
        if "enum" in parameter.schema:
            values.append(data.draw(st.sampled_from(parameter.schema["enum"])))
        else:
            values.append(data.draw(uuid7s()))
    builder: Callable[..., str] = getattr(iri, operation.name.removeprefix("get_").removeprefix("list_"))
    built = builder(*values)
    expected_path = re.sub(r"{\w+}", "{}", path).format(*values)
    assert built == expected_path
    parsed = iri.parse(built)
    assert parsed.operation is operation
    assert list(parsed.identifiers.values()) == values
    assert parsed.path == built
    assert iri.parse(f"https://api.korusticket.com{built}?page=2").identifiers == parsed.identifiers


def test_parse_examples() -> None:
    parsed = iri.parse(f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}/price")
    assert parsed.kind == "offer_price"
    assert parsed.identifiers == {"catalog_id": CATALOG, "id": OFFER}
    assert iri.parse(f"/v1/ticketing/catalogs/{CATALOG}/offers").kind == "offers"
    assert iri.parse("/v1/ticketing/catalogs").kind == "catalogs"
    option = iri.parse(f"/v1/ticketing/catalogs/{CATALOG}/product_bases/{OFFER}/options/zone/values")
    assert option.kind == "product_base_option_values"
    assert option.identifiers["code"] == "zone"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/v1/ticketing/catalogs/not-a-uuid", r"^iri: id: expected a UUID"),
        ("/v1/booking/orders/35e72d9b-0fdc-94e3-869c-e1781c14418e", r"^iri: id: expected a UUID"),  # version 9
        ("/v1/booking/orders/35e72d9b-0fdc-44e3-c69c-e1781c14418e", r"^iri: id: expected a UUID"),  # not RFC 9562
        ("/v1/organizations/0194abdc-3a79-7ec3-b1b9-a1f291de587d", r"not the path of any resource"),
        (f"/v1/ticketing/catalogs/{CATALOG}/product_bases/{OFFER}/options/colour", r"^iri: code: expected one of"),
        ("", r"^iri: expected an IRI"),
    ],
)
def test_parse_rejects_what_the_api_would_not_route(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        iri.parse(value)


@pytest.mark.parametrize(
    "identifier",
    [
        "35e72d9b-0fdc-44e3-869c-e1781c14418e",  # v4, as the vendor's live reservation examples carry
        "7522b8de-37a2-458d-b099-6d515b0739be",  # v4, a live ticket id
        "0194B132-448C-7D1B-BB13-F8E09AE5C18F",  # upper case
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8",  # v1
    ],
)
def test_any_uuid_is_an_identifier(identifier: str) -> None:
    assert iri.parse(f"/v1/booking/orders/{identifier}").identifiers == {"id": identifier}
    assert iri.check_id(identifier) == identifier


def test_builders_validate_identifiers() -> None:
    with pytest.raises(ValueError, match=r"^catalog_id: expected a UUID like .*, got 'abc'"):
        iri.offer("abc", OFFER)
    with pytest.raises(ValueError, match=r"^id: "):
        iri.offer(CATALOG, f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}")
    assert iri.check_id(ORDER) == ORDER
    with pytest.raises(ValueError, match=r"^order_id: expected"):
        iri.check_id("x", "order_id")


def test_a_path_is_filled_once_whatever_its_values_hold() -> None:
    """A value that looks like a placeholder (`{id}`) or a format (`%s`) is written as it is, never filled in."""
    operation = GET_PATHS["/v1/ticketing/catalogs/{catalogId}/offers/{id}"]
    filled = operation.url_path({"catalog_id": "{id}", "id": "100%s"})
    assert filled == "/v1/ticketing/catalogs/{id}/offers/100%s"


PATH_PARAMETERS = {p.python: p for operation in OPERATIONS for p in operation.path_parameters}


@given(
    st.sampled_from(sorted(PATH_PARAMETERS)),
    st.one_of(
        uuid7s(),
        uuid7s().map(str.upper),
        uuid7s().map(lambda id: f" {id}"),
        st.text(max_size=40),
        st.integers(),
        st.none(),
        st.booleans(),
        st.lists(uuid7s(), max_size=2),
        st.dates(),
    ),
)
def test_an_id_check_answers_as_the_full_rules_would(name: str, value: Any) -> None:
    """`check` takes a UUID straight when the UUID pattern is a parameter's only rule: the same value or the same
    error as walking every rule."""
    parameter = PATH_PARAMETERS[name]
    walked = dataclasses.replace(parameter)
    walked.__dict__["takes_any_uuid"] = False  # the cached answer, so `check` walks every rule

    def outcome(checking: Any) -> Any:
        try:
            return "value", checking.check(value)
        except InvalidRequestError as error:
            return "error", str(error)

    assert outcome(parameter) == outcome(walked)


def test_every_id_in_a_path_takes_the_short_check() -> None:
    ids = [p for p in PATH_PARAMETERS.values() if p.schema.get("pattern")]
    assert ids
    assert [p.python for p in ids if not p.takes_any_uuid] == []


def test_reading_jsonld_keywords_from_models() -> None:
    order = BookingOrder.from_dict(example("orders_bulk_response_live.json")["orders"][0])
    assert iri.of(order) == f"/v1/booking/orders/{order.id}"
    assert iri.type_of(order) == "BookingOrder"
    assert iri.parse(iri.of(order)).identifiers == {"id": order.id}
    assert iri.of({"@id": "/v1/x"}) == "/v1/x"
    with pytest.raises(ValueError, match="carries no @id"):
        iri.of(BookingOrder())
    with pytest.raises(InvalidRequestError, match="expected a model"):
        iri.of(42)


def test_kt_get_fetches_what_an_iri_points_at() -> None:
    offer_body = example("offers_collection_live.json")["member"][0]
    script = Script(lambda request: jsonld(offer_body))
    with client(script) as kt:
        offer = kt.get(offer_body["@id"], TicketingOffer)
        same = kt.get(f"https://api.demo.korusticket.com{offer_body['@id']}")
        with pytest.raises(TypeError, match="is a TicketingOffer, not a BookingOrder"):
            kt.get(offer_body["@id"], BookingOrder)
        with pytest.raises(ValueError, match="not on the KorusTicket API"):
            kt.get(f"https://api.korusticket.com{offer_body['@id']}")  # production IRI on a demo client
    assert offer.id == same.id == OFFER
    assert [request.url.path for request in script.requests] == [offer_body["@id"]] * 3


async def test_async_get() -> None:
    order_body = example("orders_bulk_response_live.json")["orders"][0]
    script = Script(lambda request: jsonld(order_body))
    async with async_client(script) as kt:
        order = await kt.get(order_body["@id"], BookingOrder)
    assert order.reference == "KT-ORD-6799E80128885"
    assert isinstance(script.requests[0], httpx.Request)
