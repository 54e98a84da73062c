"""The sandbox's HTTP surface: pagination links, filters, errors, authentication, languages, data."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

import httpx
import pytest

from korusticket import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    KorusTicket,
    NotFoundError,
    PermissionDeniedError,
    iri,
)
from korusticket.testing import Sandbox
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import get_catalog, list_catalogs
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.api.ticketing_product_base import list_product_bases
from tests.testing.helpers import CUSTOMER, Validated, item, offer_with, options


def raw(kt: KorusTicket, path: str) -> Any:
    return kt.http.get(path).json()


def test_pagination_links_follow_api_platform(kt: KorusTicket, sandbox: Sandbox) -> None:
    path = f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers"
    total = raw(kt, path + "?itemsPerPage=1")["totalItems"]
    assert total == 180  # 240 offers, 6 of the 8 sellable products are in the park catalog
    first = raw(kt, path + "?itemsPerPage=50")
    assert first["view"] == {
        "@id": f"{path}?itemsPerPage=50&page=1",
        "@type": "PartialCollectionView",
        "first": f"{path}?itemsPerPage=50&page=1",
        "last": f"{path}?itemsPerPage=50&page=4",
        "next": f"{path}?itemsPerPage=50&page=2",
    }
    middle = raw(kt, path + "?itemsPerPage=50&page=2")["view"]
    assert middle["previous"] == f"{path}?itemsPerPage=50&page=1"
    assert middle["next"] == f"{path}?itemsPerPage=50&page=3"
    last = raw(kt, path + "?itemsPerPage=50&page=4")
    assert "next" not in last["view"]
    assert len(last["member"]) == 30
    single = raw(kt, "/v1/ticketing/catalogs?itemsPerPage=10")
    assert single["view"] == {"@id": "/v1/ticketing/catalogs?itemsPerPage=10&page=1", "@type": "PartialCollectionView"}
    assert single["search"]["template"] == "/v1/ticketing/catalogs{?order[createdAt]}"


def test_page_size_bounds(kt: KorusTicket, sandbox: Sandbox) -> None:
    path = f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers"
    with pytest.raises(BadRequestError, match='Query parameter "itemsPerPage" must be less than or equal to 50'):
        kt.http.get(path + "?itemsPerPage=51")
    with pytest.raises(BadRequestError, match='"page" must be greater than or equal to 1'):
        kt.http.get(path + "?page=0")
    assert raw(kt, path + "?itemsPerPage=0")["member"] == []


def test_paginating_every_offer_matches_the_catalog(kt: KorusTicket, sandbox: Sandbox) -> None:
    offers = list(kt.paginate(list_offers, catalog_id=sandbox.catalog_id, prefetch=3))
    expected = sorted(
        (o for o in sandbox.state.data.offers.values() if o.catalog_id == sandbox.catalog_id), key=lambda o: o.date
    )
    assert [offer.id for offer in offers] == [offer.id for offer in expected]


def test_offer_filters(kt: KorusTicket, sandbox: Sandbox) -> None:
    catalog = sandbox.catalog_id
    june_7 = kt.call(list_offers, catalog_id=catalog, date=date(2025, 6, 7), items_per_page=50).member
    assert {str(offer.date) for offer in june_7} == {"2025-06-07"}
    assert len(june_7) == 6
    window = kt.call(
        list_offers, catalog_id=catalog, date_after="2025-06-10", date_strictly_before="2025-06-12", items_per_page=50
    )
    assert {str(offer.date) for offer in window.member} == {"2025-06-10", "2025-06-11"}
    product = june_7[0].product
    by_product = list(kt.paginate(list_offers, catalog_id=catalog, product=[product.id, iri.of(product)]))
    assert {offer.product.id for offer in by_product} == {product.id}
    newest_first = kt.call(list_offers, catalog_id=catalog, order_date="desc", items_per_page=1).member[0]
    assert str(newest_first.date) == "2025-06-30"  # 240 offers: 8 products over 30 days
    session_offer = offer_with(sandbox, sessions=True)
    session = next(t for t in session_offer.tickets if not t.date_access).sessions[0]
    assert [o.id for o in kt.call(list_offers, catalog_id=catalog, session=session.id).member] == [session_offer.id]
    bases = kt.call(list_product_bases, catalog_id=catalog).member
    assert all(not base.disabled for base in bases)
    with_base = kt.call(list_offers, catalog_id=catalog, product_base_id=bases[1].id, items_per_page=50)
    assert with_base.total_items == 60


def test_order_filters(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=False)
    for reference in ("A", "B", "A"):
        reservation = kt.call(create_reservations, body={"items": [item(offer)]}).reservations[0]
        body = {"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": reference}
        kt.call(create_orders, body=body)
        sandbox.clock.advance(days=1)
    assert kt.call(list_orders, external_reference="A").total_items == 2
    assert kt.call(list_orders, created_at_after="2025-06-02").total_items == 2
    assert kt.call(list_orders, created_at_strictly_before="2025-06-02T08:00:00+00:00").total_items == 1
    newest = kt.call(list_orders, order_created_at="desc").member[0]
    assert newest.external_reference == "A"
    with pytest.raises(BadRequestError, match="createdAt\\[after\\]"):
        kt.http.get("/v1/booking/orders?createdAt[after]=yesterday")


def test_errors_carry_the_vendor_bodies(kt: KorusTicket, sandbox: Sandbox) -> None:
    with pytest.raises(NotFoundError) as missing:
        kt.call(get_catalog, id="0194abdc-3a71-72b0-a9b9-89d4be0cd73e")
    assert missing.value.body["@type"] == "Error"
    assert missing.value.body["status"] == 404
    with pytest.raises(PermissionDeniedError):
        kt.call(get_catalog, id=sandbox.forbidden_catalog_id)
    with pytest.raises(PermissionDeniedError):
        kt.call(list_offers, catalog_id=sandbox.forbidden_catalog_id)
    with pytest.raises(NotFoundError) as unknown_route:
        kt.http.get("/v1/ticketing/venues")
    assert unknown_route.value.body["title"] == "Not Found"
    with pytest.raises(NotFoundError):
        kt.http.get("/v1/booking/orders/not-a-uuid")


def test_tokens_expire_on_the_sandbox_clock(sandbox: Sandbox, validated: Validated) -> None:
    with KorusTicket(transport=validated.transport(), **options(sandbox, token=sandbox.issue_token())) as static:
        static.call(list_catalogs)
        sandbox.clock.advance(seconds=1800)
        with pytest.raises(AuthenticationError, match="Expired JWT Token"):
            static.call(list_catalogs)
    with KorusTicket(transport=validated.transport(), **options(sandbox)) as oidc:
        oidc.call(list_catalogs)
        sandbox.clock.advance(seconds=1800)  # the facade's own clock has not moved: it sends the dead token
        oidc.call(list_catalogs)  # 401, a new token, and the request again
    assert sandbox.state.token_requests == 2
    anonymous = httpx.Client(transport=sandbox.transport(), base_url="https://api.demo.korusticket.com")
    response = anonymous.get("/v1/ticketing/catalogs")
    assert (response.status_code, response.json()) == (401, {"code": 401, "message": "JWT Token not found"})


def test_wrong_credentials(sandbox: Sandbox) -> None:
    with (
        sandbox.client(client_id="sandbox-client", client_secret="nope") as kt,
        pytest.raises(AuthenticationError) as caught,
    ):
        kt.call(list_catalogs)
    assert "invalid_client" in str(caught.value)


def test_languages(sandbox: Sandbox) -> None:
    with sandbox.client(language="en") as english, sandbox.client(language="fr") as french:
        assert english.call(get_catalog, id=sandbox.catalog_id).name == "Parc des Lumières - works council"
        assert french.call(get_catalog, id=sandbox.catalog_id).name == "Parc des Lumières - CSE"
        offer = offer_with(sandbox, sessions=True)
        assert "Night show" in [
            t.name for t in english.call(get_offer, catalog_id=offer.catalog_id, id=offer.id).tickets
        ]


def test_seeds_are_deterministic() -> None:
    first, again, other = Sandbox(seed=3), Sandbox(seed=3), Sandbox(seed=4)
    assert list(first.state.data.offers) == list(again.state.data.offers)
    assert first.catalog_id == again.catalog_id != other.catalog_id
    assert [o.capacity for o in first.state.data.offers.values()] == [
        o.capacity for o in again.state.data.offers.values()
    ]


def test_size_knob() -> None:
    big = Sandbox(offers=10_000)
    assert len(big.state.data.offers) == 10_000
    with big.client() as kt:
        assert kt.call(list_offers, catalog_id=big.catalog_id, items_per_page=1).total_items == 7500


def test_pytest_plugin_fixtures(korusticket_sandbox: Sandbox, korusticket_client: KorusTicket) -> None:
    assert korusticket_client.call(list_catalogs).total_items == 2
    assert korusticket_sandbox.state.token_requests == 1


def test_option_value_and_real_time_price(kt: KorusTicket, sandbox: Sandbox) -> None:
    from korusticket_client.api.ticketing_offer_price import get_offer_price
    from korusticket_client.api.ticketing_product_base_option_value import list_product_base_option_values

    stadium = sandbox.stadium_catalog_id
    match = kt.call(list_product_bases, catalog_id=stadium).member[0]
    child = kt.call(list_product_base_option_values, catalog_id=stadium, product_base_id=match.id, code="price_type")
    assert [value.name for value in child.member] == ["Adulte", "Enfant"]
    offers = kt.call(list_offers, catalog_id=stadium, option_values_context=[child.member[1].id], items_per_page=50)
    assert offers.total_items == 30
    assert all("Enfant" in offer.product.name for offer in offers.member)
    late = offers.member[-1]
    assert late.realtime_price_required is True
    early_price = kt.call(get_offer_price, catalog_id=stadium, id=late.id)
    sandbox.clock.advance(days=25)  # the match is getting close: the price goes up
    close_price = kt.call(get_offer_price, catalog_id=stadium, id=late.id)
    assert float(close_price.amount_incl_tax) > float(early_price.amount_incl_tax)
    assert close_price.currency == "EUR"


def test_documents_wait_for_beneficiaries_and_follow_the_language(sandbox: Sandbox, validated: Validated) -> None:
    from korusticket import ValidationError
    from korusticket_client.api.booking_order_document import get_order_document, update_order_document
    from korusticket_client.api.booking_order_item_ticket import update_order_item_ticket

    with KorusTicket(transport=validated.transport(), **options(sandbox, language="en")) as kt:
        named = next(o for o in sandbox.state.data.offers.values() if o.capacity is None)  # Emotion pass: named tickets
        reservation = kt.call(create_reservations, body={"items": [item(named, quantity=2)]}).reservations[0]
        order = kt.call(
            create_orders, body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "N"}
        ).orders[0]
        document = iri.parse(order.documents[0]).identifiers["id"]
        assert kt.call(get_order_document, order_id=order.id, id=document).downloadable_at is None
        with pytest.raises(ValidationError, match="Beneficiary details are missing for 2 ticket"):
            kt.call(update_order_document, order_id=order.id, id=document, body={})
        for ticket in order.items[0].tickets:
            body = {"beneficiary": {"firstname": "Ana", "lastname": "Lopez"}}
            kt.call(
                update_order_item_ticket, order_id=order.id, order_item_id=order.items[0].id, id=ticket.id, body=body
            )
        assert kt.call(get_order_document, order_id=order.id, id=document).downloadable_at is not None
        assert kt.call(update_order_document, order_id=order.id, id=document, body={}).cached_language == "en"


def test_works_as_a_pytest_httpx_callback(httpx_mock: Any, sandbox: Sandbox) -> None:
    httpx_mock.add_callback(sandbox.handle, is_reusable=True)
    with KorusTicket.demo(token=sandbox.issue_token()) as kt:  # the default network transport, mocked
        assert kt.call(list_catalogs).total_items == 2


async def test_async_plugin_fixture(korusticket_async_client: Any, korusticket_sandbox: Sandbox) -> None:
    catalogs = await korusticket_async_client.call(list_catalogs)
    assert {catalog.id for catalog in catalogs.member} == {
        korusticket_sandbox.catalog_id,
        korusticket_sandbox.stadium_catalog_id,
    }


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("createdAt[before]", "0000-01-01"),
        ("createdAt[after]", "2025-02-31"),
        ("createdAt[strictly_before]", "x2025-01-01"),
        ("createdAt[strictly_after]", "2025-13-01"),
    ],
)
def test_a_bad_date_filter_is_a_400_not_a_500(kt: KorusTicket, parameter: str, value: str) -> None:
    with pytest.raises(BadRequestError, match=parameter.replace("[", r"\[").replace("]", r"\]")):
        kt.http.get("/v1/booking/orders", params={parameter: value})


def test_a_bad_offer_date_filter_is_a_400(kt: KorusTicket, sandbox: Sandbox) -> None:
    for value in ("2025-02-31", "x2025-01-01", "0000-01-01"):
        with pytest.raises(BadRequestError):
            kt.http.get(f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers", params={"date[before]": value})


def test_page_zero_is_refused(kt: KorusTicket) -> None:
    with pytest.raises(BadRequestError, match="page"):
        kt.http.get("/v1/booking/orders", params={"page": "0"})


def test_a_405_says_which_methods_are_allowed(kt: KorusTicket) -> None:
    with pytest.raises(APIStatusError) as caught:
        kt.http.delete("/v1/booking/orders")
    assert caught.value.status_code == 405
    assert caught.value.headers["allow"] == "GET"
    with pytest.raises(APIStatusError) as patchable:
        kt.http.post(
            f"/v1/booking/orders/{'0194b132-448c-7d1b-bb13-f8e09ae5c18f'}/documents/{'0194b132-449c-79cd-9da1-50be439b6e9d'}"
        )
    assert patchable.value.headers["allow"] == "GET, PATCH"


def test_a_v4_id_is_routed(kt: KorusTicket, sandbox: Sandbox) -> None:
    # Routed to get_reservation, whose 404 says the reservation is not there; not the router's "No route found".
    with pytest.raises(NotFoundError) as caught:
        kt.http.get("/v1/booking/reservations/35e72d9b-0fdc-44e3-869c-e1781c14418e")
    assert caught.value.body["detail"] == "Not Found"
    assert sandbox.state.handled[-1].operation == "get_reservation"
    with pytest.raises(NotFoundError) as unrouted:
        kt.http.get("/v1/booking/reservations/not-a-uuid")  # the contrast: the id pattern refuses it
    assert unrouted.value.body["detail"].startswith("No route found")


def test_catalog_offers_puts_exactly_that_many_in_the_catalog(kt: KorusTicket) -> None:
    sandbox = Sandbox(seed=5, catalog_offers=1_001)
    assert len(sandbox.state.data.offers_of(sandbox.catalog_id)) == 1_001
    assert sandbox.state.data.offers_of(sandbox.stadium_catalog_id)
    with sandbox.client() as client:
        assert client.call(list_offers, catalog_id=sandbox.catalog_id, items_per_page=1).total_items == 1_001
    with pytest.raises(ValueError, match=r"^catalog_offers: expected at least 1"):
        Sandbox(catalog_offers=0)


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Zoé 🎟", "prices": [1.5, None, True], "nested": {"@id": "/v1/x"}},
        {"quantity": 2**70},  # beyond 64 bits: orjson refuses it, the standard library writes it
        {1: "a key that is not a string"},
    ],
)
def test_the_sandbox_answers_any_json_body_its_handlers_build(body: dict[Any, Any]) -> None:
    from korusticket.testing.app import _encoded

    assert json.loads(_encoded(body)) == json.loads(json.dumps(body))


@dataclasses.dataclass
class Seat:
    row: str


@pytest.mark.parametrize("value", [datetime(2025, 1, 1), Seat("A")])
def test_the_sandbox_writes_no_value_that_is_not_json(value: Any) -> None:
    """A handler that puts a datetime or a dataclass in a body fails, as with the standard library alone, rather than
    answering in orjson's own format."""
    from korusticket.testing.app import _encoded

    with pytest.raises(TypeError):
        _encoded({"value": value})
