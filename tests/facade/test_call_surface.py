"""The call surface: one import for operations, dict bodies, per-call options, raw responses, money, settings docs."""

from __future__ import annotations

import inspect
from decimal import Decimal
from typing import Any

import httpx
import pytest

from korusticket import (
    ClientOptions,
    MissingFieldError,
    NotFoundError,
    RawResponse,
    ServerError,
    money,
    ops,
)
from korusticket._generated.operations import OPERATIONS
from korusticket.bodies import CreateOrdersInputDict
from korusticket_client.api.ticketing_offer import get_offer
from korusticket_client.models import TicketingOffer
from korusticket_client.types import UNSET
from tests.conftest import ROOT
from tests.facade.conftest import CATALOG, OFFER, TOKEN, Script, async_client, client, jsonld, sequence

OFFER_BODY = {
    "@id": f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}",
    "id": OFFER,
    "price": {"amountInclTax": "87.00"},
}


def offer_server() -> Script:
    return Script(lambda request: jsonld(OFFER_BODY, **{"x-request-id": "r-1"}))


def test_ops_holds_every_operation_module() -> None:
    assert ops.get_offer is get_offer
    assert sorted(ops.__all__) == sorted(operation.name for operation in OPERATIONS)
    for name in ops.__all__:
        assert getattr(ops, name).__name__.startswith("korusticket_client.api.")
    assert set(ops.__all__) <= set(dir(ops))


def test_per_call_headers_language_and_timeout_reach_the_request() -> None:
    script = offer_server()
    with client(script, language="fr", timeout=30) as kt:
        kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER, headers={"X-Trace": "t-1"}, language="en", timeout=2.5)
        kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER)
    first, second = script.requests
    assert first.headers["x-trace"] == "t-1"
    assert first.headers["accept-language"] == "en"
    assert first.headers["authorization"] == f"Bearer {TOKEN}"
    assert first.extensions["timeout"] == httpx.Timeout(2.5).as_dict()
    assert "x-trace" not in second.headers
    assert second.headers["accept-language"] == "fr"
    assert second.extensions["timeout"] == httpx.Timeout(30).as_dict()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"headers": {"Authorization": "Bearer other"}}, r"^headers\.Authorization: set by the client itself"),
        ({"headers": {"X-A": "x\r\nInjected: 1"}}, r"^headers\.X-A: expected visible ASCII characters"),
        ({"headers": {"X-A": " leading"}}, r"^headers\.X-A: expected visible ASCII characters"),
        ({"headers": {"X-A": "trailing\t"}}, r"^headers\.X-A: expected visible ASCII characters"),
        ({"headers": {"X-A": "vertical\x0btab"}}, r"^headers\.X-A: expected visible ASCII characters"),
        ({"headers": {"X-A": 5}}, r"^headers\.X-A: expected a string, got int"),
        ({"headers": ["X-A"]}, r"^headers: expected a mapping"),
        ({"timeout": 0}, r"^timeout: expected a positive number of seconds"),
        ({"timeout": "soon"}, r"^timeout: expected seconds"),
        ({"language": "fr\r\n"}, r"^language: expected a language tag"),
        ({"max_retries": -1}, r"^max_retries: expected an integer >= 0"),
        ({"max_retries": True}, r"^max_retries: expected an integer >= 0"),
    ],
)
def test_bad_per_call_options_are_refused_before_sending(options: dict[str, Any], message: str) -> None:
    script = offer_server()
    with client(script) as kt, pytest.raises(ValueError, match=message):
        kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER, **options)
    assert script.requests == []


def test_per_call_max_retries_overrides_the_client(sleeps: list[float]) -> None:
    script = Script(sequence(httpx.Response(503), httpx.Response(503), httpx.Response(503), jsonld(OFFER_BODY)))
    with client(script, max_retries=3) as kt:
        with pytest.raises(ServerError):
            kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER, max_retries=0)
        assert len(script.requests) == 1
        kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(script.requests) == 4


def test_paginate_and_get_take_per_call_options() -> None:
    page = {"totalItems": 1, "member": [OFFER_BODY]}
    script = Script(lambda request: jsonld(page if request.url.path.endswith("/offers") else OFFER_BODY))
    with client(script) as kt:
        assert [o.id for o in kt.paginate(ops.list_offers, catalog_id=CATALOG, headers={"X-Trace": "p"})] == [OFFER]
        kt.get(OFFER_BODY["@id"], TicketingOffer, language="de", timeout=4)
    listed, fetched = script.requests
    assert listed.headers["x-trace"] == "p"
    assert fetched.headers["accept-language"] == "de"
    assert fetched.extensions["timeout"] == httpx.Timeout(4).as_dict()


def test_raw_response_has_status_headers_and_the_parsed_model() -> None:
    with client(offer_server()) as kt:
        raw = kt.with_raw_response.call(ops.get_offer, catalog_id=CATALOG, id=OFFER)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "r-1"
    assert isinstance(raw.parsed, TicketingOffer)
    assert raw.parse() is raw.parsed
    assert raw.http_response.request.url.path.endswith(OFFER)
    assert repr(raw) == "<RawResponse [200] TicketingOffer>"


def test_raw_response_raises_like_call() -> None:
    script = Script(lambda request: jsonld({"title": "Not Found", "detail": "no offer"}, 404))
    with client(script) as kt, pytest.raises(NotFoundError):
        kt.with_raw_response.call(ops.get_offer, catalog_id=CATALOG, id=OFFER)


async def test_async_raw_response_and_per_call_options() -> None:
    script = offer_server()
    async with async_client(script) as kt:
        raw = await kt.with_raw_response.call(ops.get_offer, catalog_id=CATALOG, id=OFFER, headers={"X-Trace": "a"})
        offer = await kt.call(ops.get_offer, catalog_id=CATALOG, id=OFFER, language="it")
    assert raw.status_code == 200
    assert isinstance(raw.parsed, TicketingOffer)
    assert offer.id == OFFER
    assert script.requests[0].headers["x-trace"] == "a"
    assert script.requests[1].headers["accept-language"] == "it"


def test_options_on_an_operation_the_tables_do_not_know_are_refused() -> None:
    with client(offer_server()) as kt, pytest.raises(TypeError, match="per-call options and raw responses need"):
        kt.call(_Custom(), timeout=3)


class _Custom:
    """An operation-like object outside the tables."""

    def sync_detailed(self, **arguments: Any) -> Any:
        raise AssertionError("not reached")


def test_a_typed_dict_body_is_accepted_and_checked() -> None:
    created = {"orders": [], "failedOrders": []}
    script = Script(lambda request: jsonld(created, 201))
    body: CreateOrdersInputDict = {
        "reservations": ["/v1/booking/reservations/0194cb34-0ad0-711e-b447-6e7a9423e96c"],
        "customer": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
        "externalReference": "R-1",
    }
    with client(script) as kt:
        kt.call(ops.create_orders, body=body)
        bad: Any = {**body, "customer": {**body["customer"], "date_of_birth": "1815-12-10"}}
        with pytest.raises(ValueError, match=r"^body\.customer\.date_of_birth: not a field"):
            kt.call(ops.create_orders, body=bad)
    assert len(script.requests) == 1


def test_money_is_an_exact_decimal() -> None:
    assert money("87.00") + money("0.10") == Decimal("87.10")
    assert money(Decimal("1.5")) == Decimal("1.5")
    with pytest.raises(MissingFieldError, match=r"^price\.amount_incl_tax: expected a value"):
        money(UNSET, "price.amount_incl_tax")
    with pytest.raises(MissingFieldError, match="it is null"):
        money(None)
    for bad in ("eighty", "NaN", "Infinity", ""):
        with pytest.raises(ValueError, match=r"^amount: expected a decimal amount"):
            money(bad)


def test_client_options_are_documented_in_help_and_the_readme() -> None:
    doc = inspect.getdoc(ClientOptions) or ""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ClientOptions.__annotations__:
        assert f"\n{name}: " in f"\n{doc}", name
        assert f"| `{name}` |" in readme, name
