"""Reading what a live, newer API sends: other 2xx codes, committed writes with odd bodies, v4 ids, broken pages."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import orjson
import pytest

from korusticket import CommittedWriteError, UnexpectedResponseError
from korusticket._context import DECODED
from korusticket_client.api.booking_order import create_orders, get_order, list_orders
from korusticket_client.api.booking_reservation import create_reservations, get_reservation
from korusticket_client.api.ticketing_offer import list_offers
from korusticket_client.models import BookingOrder, CreateOrdersOutput, CreateReservationsOutput
from tests.facade.conftest import CATALOG, OFFER, Script, async_client, client, example, jsonld, sequence

V4_RESERVATION = "35e72d9b-0fdc-44e3-869c-e1781c14418e"
ORDER_BODY = {
    "externalReference": "REF-1",
    "reservations": [f"/v1/booking/reservations/{V4_RESERVATION}"],
    "customer": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
}
ITEM = {
    "offer": f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}",
    "quantity": 1,
    "ticketSessions": [{"ticket": f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}/tickets/{OFFER}"}],
}


def test_a_201_to_either_bulk_post_is_a_success() -> None:
    reservations = example("reservations_bulk_response_live.json")
    orders = example("orders_bulk_response_live.json")
    script = Script(sequence(jsonld(reservations, 201), jsonld(orders, 201)))
    with client(script) as kt:
        reserved = kt.call(create_reservations, body={"items": [ITEM]})
        ordered = kt.call(create_orders, body=ORDER_BODY)
    assert isinstance(reserved, CreateReservationsOutput)
    assert reserved.to_dict() == reservations
    assert isinstance(ordered, CreateOrdersOutput)
    assert ordered.to_dict() == orders


def test_a_v4_id_reaches_the_server() -> None:
    reservation = example("reservations_bulk_response_live.json")["reservations"][0]
    script = Script(sequence(jsonld(reservation)))
    with client(script) as kt:
        kt.call(get_reservation, id=V4_RESERVATION)
        kt.call(get_reservation, id=V4_RESERVATION.upper())
    assert [request.url.path for request in script.requests] == [
        f"/v1/booking/reservations/{V4_RESERVATION}",
        f"/v1/booking/reservations/{V4_RESERVATION.upper()}",
    ]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"orders": [', "application/ld+json"),  # cut off
        (b"<html>ok</html>", "text/html"),  # a proxy's page
        (b'{"orders": "not a list"}', "application/ld+json"),  # valid JSON, not the documented shape
        (b"[" * 100_000 + b"]" * 100_000, "application/ld+json"),  # nested past what can be read
    ],
)
def test_an_unreadable_answer_to_a_write_says_the_write_happened(body: bytes, content_type: str) -> None:
    script = Script(lambda request: httpx.Response(200, content=body, headers={"content-type": content_type}))
    with client(script, max_retries=3) as kt, pytest.raises(CommittedWriteError) as caught:
        kt.call(create_orders, body=ORDER_BODY)
    assert len(script.requests) == 1  # never sent again
    assert "the write was committed" in str(caught.value)
    assert caught.value.status_code == 200
    if body == b'{"orders": "not a list"}':
        assert caught.value.raw == {"orders": "not a list"}  # nothing the server said is lost


def test_an_unreadable_answer_to_a_read_is_not_a_committed_write() -> None:
    script = Script(
        lambda request: httpx.Response(200, content=b"[" * 100_000, headers={"content-type": "application/ld+json"})
    )
    with client(script) as kt, pytest.raises(UnexpectedResponseError) as caught:
        kt.call(get_order, id=V4_RESERVATION)
    assert not isinstance(caught.value, CommittedWriteError)


def test_unknown_enum_values_and_fields_parse_and_round_trip() -> None:
    order: dict[str, Any] = example("orders_bulk_response_live.json")["orders"][0]
    order["status"] = "partially_refunded"
    order["loyaltyPoints"] = {"earned": 12}
    order["items"][0]["offerTickets"][0]["seating"] = {"row": "B", "seat": 12}
    script = Script(sequence(jsonld(order)))
    with client(script) as kt:
        parsed = kt.call(get_order, id=V4_RESERVATION)
    assert isinstance(parsed, BookingOrder)
    assert parsed.status == "partially_refunded"
    assert parsed.to_dict() == order


def pages(*bodies: dict[str, Any]) -> Script:
    return Script(sequence(*(jsonld(body) for body in bodies)))


def order_page(count: int, total: int, first: int = 0) -> dict[str, Any]:
    """`count` orders numbered from `first` (distinct @ids: a page repeating another's members is refused)."""
    member = example("order_sample.json")
    members = [{**member, "@id": f"/v1/booking/orders/{first + index}"} for index in range(count)]
    return {"@id": "/v1/booking/orders", "totalItems": total, "member": members}


@pytest.mark.parametrize("second_page", [0, 3])
def test_a_short_page_before_the_total_is_reached_raises(second_page: int) -> None:
    script = pages(order_page(5, 15), order_page(second_page, 15, 5), order_page(5, 15, 10))
    with client(script) as kt:
        iterator = iter(kt.paginate(list_orders, page_size=5))
        for _ in range(5):
            next(iterator)
        with pytest.raises(UnexpectedResponseError, match=r"page 2 holds \d members, but its totalItems \(15\)"):
            next(iterator)


async def test_a_short_page_raises_in_async_prefetch_too() -> None:
    script = pages(order_page(5, 15), order_page(5, 15, 5), order_page(0, 15, 10))
    seen: list[Any] = []

    async def crawl() -> None:
        async with async_client(script) as kt:
            async for order in kt.paginate(list_orders, page_size=5, prefetch=2):
                seen.append(order)

    with pytest.raises(UnexpectedResponseError, match="page 3 holds 0 members"):
        await crawl()
    assert len(seen) == 10


def test_the_last_page_may_be_partial() -> None:
    script = pages(order_page(5, 7), order_page(2, 7, 5))
    with client(script) as kt:
        assert len(list(kt.paginate(list_orders, page_size=5))) == 7


def test_the_decoded_body_is_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = orjson.loads

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    script = pages(example("order_sample.json"))
    monkeypatch.setattr("korusticket._http.orjson.loads", counting)
    with client(script) as kt:
        kt.call(get_order, id=V4_RESERVATION)
    assert len(calls) == 1


def test_a_call_lets_the_decoded_json_go_once_its_model_is_built() -> None:
    # Held on the response to the end of the call, the tree cost a 50-offer page 3-5% (both ways interleaved).
    script = pages(example("order_sample.json"))
    with client(script) as kt:
        answer = kt.with_raw_response.call(get_order, id=V4_RESERVATION)
    assert isinstance(answer.parsed, BookingOrder)
    assert DECODED not in answer.http_response.extensions


@pytest.mark.parametrize("asynchronous", [False, True])
def test_pages_kept_as_json_are_decoded_once_and_keep_what_the_api_sent(
    asynchronous: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = orjson.loads

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    bodies = [order_page(5, 7), order_page(2, 7, 5)]
    script = pages(*bodies)
    monkeypatch.setattr("korusticket._http.orjson.loads", counting)
    if asynchronous:

        async def crawl() -> list[Any]:
            async with async_client(script) as kt:
                return [page.json async for page in kt._paginate(list_orders, {}, page_size=5, keep_json=True).pages()]

        kept = asyncio.run(crawl())
    else:
        with client(script) as kt:
            kept = [page.json for page in kt._paginate(list_orders, {}, page_size=5, keep_json=True).pages()]
    assert kept == [body["member"] for body in bodies]
    assert len(calls) == 2


def test_the_unverified_date_filter_is_rechecked_on_the_members() -> None:
    live = example("offers_collection_live.json")
    offer = live["member"][0]
    days = ["2025-06-07", "2025-06-08", "2025-06-07", "2025-06-09"]
    body = {"totalItems": len(days), "member": [{**offer, "date": day} for day in days]}
    script = pages(body)  # a server that ignores `date`, as API Platform does with a filter it lacks
    with client(script) as kt:
        kept = list(kt.paginate(list_offers, catalog_id=CATALOG, date="2025-06-07"))
        everything = list(kt.paginate(list_offers, catalog_id=CATALOG, date_after="2025-06-01"))
    assert [str(offer.date) for offer in kept] == ["2025-06-07", "2025-06-07"]
    assert len(everything) == 4  # documented filters are trusted
    assert script.requests[0].url.params["date"] == "2025-06-07"  # still sent: a server that has it filters


def test_a_sandbox_that_ignores_the_date_filter_still_yields_one_day() -> None:
    from korusticket.testing import Sandbox

    sandbox = Sandbox(seed=0, exact_date_filter=False)
    with sandbox.client() as kt:
        everything = kt.call(list_offers, catalog_id=sandbox.catalog_id, date="2025-06-07", items_per_page=50)
        one_day = list(kt.paginate(list_offers, catalog_id=sandbox.catalog_id, date="2025-06-07"))
    assert len({str(offer.date) for offer in everything.member}) > 1  # the server ignored it
    assert {str(offer.date) for offer in one_day} == {"2025-06-07"}  # the facade did not
    assert len(one_day) == 6
