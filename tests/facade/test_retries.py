"""Retries: only what cannot do harm twice, with backoff or the server's Retry-After, bounded."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import httpx
import pytest

from korusticket import APITimeoutError, RateLimitError, RetryPolicy, ServerError
from korusticket.retries import parse_retry_after
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.ticketing_offer import get_offer
from tests.facade.conftest import (
    CATALOG,
    DOCUMENT,
    OFFER,
    ORDER,
    TOKEN,
    Script,
    async_client,
    client,
    example,
    jsonld,
    sequence,
)

OK = jsonld(example("offers_collection_live.json")["member"][0])
UNAVAILABLE = jsonld({"title": "Service Unavailable"}, 503)
ORDER_BODY = {
    "externalReference": "REF-1",
    "reservations": ["/v1/booking/reservations/x"],
    "customer": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
}


def test_429_waits_for_retry_after_then_succeeds(sleeps: list[float]) -> None:
    script = Script(sequence(jsonld({}, 429, **{"retry-after": "2"}), OK))
    with client(script) as kt:
        offer = kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert offer.id == OFFER
    assert len(script.requests) == 2
    assert sleeps == [2.0]


def test_503_then_200_with_exponential_backoff_and_jitter(sleeps: list[float]) -> None:
    script = Script(sequence(UNAVAILABLE, UNAVAILABLE, OK))
    policy = RetryPolicy(max_retries=3, initial_delay=0.5, max_delay=8.0)
    with client(script, retry=policy) as kt:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(script.requests) == 3
    first, second = sleeps
    assert 0.5 <= first <= 1.0
    assert 1.0 <= second <= 1.5


def test_backoff_is_capped(sleeps: list[float]) -> None:
    script = Script(sequence(UNAVAILABLE))
    policy = RetryPolicy(max_retries=6, initial_delay=1.0, max_delay=3.0, total_time=1000)
    with client(script, retry=policy) as kt, pytest.raises(ServerError):
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(sleeps) == 6
    assert max(sleeps) <= 3.0


def test_exhaustion_raises_the_last_error(sleeps: list[float]) -> None:
    script = Script(sequence(UNAVAILABLE))
    with (
        client(script, retry=RetryPolicy(max_retries=2, initial_delay=0.1)) as kt,
        pytest.raises(ServerError) as caught,
    ):
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert caught.value.status_code == 503
    assert len(script.requests) == 3
    assert len(sleeps) == 2


def test_post_is_not_retried_after_a_read_timeout(sleeps: list[float]) -> None:
    script = Script(sequence(httpx.ReadTimeout("no answer"), OK))
    with client(script) as kt, pytest.raises(APITimeoutError):
        kt.call(create_orders, body=ORDER_BODY)
    assert len(script.requests) == 1
    assert sleeps == []


def test_post_is_not_retried_on_503_or_429(sleeps: list[float]) -> None:
    for failure in (UNAVAILABLE, jsonld({}, 429, **{"retry-after": "1"})):
        script = Script(sequence(failure, OK))
        with client(script) as kt, pytest.raises((ServerError, RateLimitError)):
            kt.call(create_orders, body=ORDER_BODY)
        assert len(script.requests) == 1
    assert sleeps == []


def test_post_is_retried_when_the_connection_was_never_made(sleeps: list[float]) -> None:
    created = jsonld(example("orders_bulk_response_live.json"))
    script = Script(sequence(httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), created))
    with client(script) as kt:
        output = kt.call(create_orders, body=ORDER_BODY)
    assert output.orders[0].reference == "KT-ORD-6799E80128885"
    assert len(script.requests) == 3


def test_get_is_retried_after_a_read_timeout_or_a_dropped_connection(sleeps: list[float]) -> None:
    script = Script(sequence(httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("disconnected"), OK))
    with client(script) as kt:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(script.requests) == 3


def test_patch_is_retried_on_503_but_not_after_a_read_timeout(sleeps: list[float]) -> None:
    document = jsonld(example("order_document_patch_response.json"))
    retried = Script(sequence(UNAVAILABLE, document))
    with client(retried) as kt:
        kt.call(update_order_document, order_id=ORDER, id=DOCUMENT, body={})
    assert len(retried.requests) == 2

    timed_out = Script(sequence(httpx.ReadTimeout("slow"), document))
    with client(timed_out) as kt, pytest.raises(APITimeoutError):
        kt.call(update_order_document, order_id=ORDER, id=DOCUMENT, body={})
    assert len(timed_out.requests) == 1


def test_a_retry_after_beyond_the_cap_raises_at_once(sleeps: list[float]) -> None:
    script = Script(sequence(jsonld({}, 429, **{"retry-after": "600"}), OK))
    with client(script, retry=RetryPolicy(max_retry_after=30)) as kt, pytest.raises(RateLimitError) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert caught.value.retry_after == 600.0
    assert len(script.requests) == 1
    assert sleeps == []


def test_retries_stop_when_the_time_budget_would_be_exceeded() -> None:
    # Real (short) sleeps: the budget is measured from the first attempt.
    script = Script(sequence(jsonld({}, 503, **{"retry-after": "0.6"})))
    with client(script, retry=RetryPolicy(max_retries=10, total_time=1.0)) as kt, pytest.raises(ServerError):
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(script.requests) == 2  # a second wait would end 1.2 s after the first attempt


def test_max_retries_zero_turns_retries_off(sleeps: list[float]) -> None:
    script = Script(sequence(UNAVAILABLE, OK))
    with client(script, max_retries=0) as kt, pytest.raises(ServerError):
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(script.requests) == 1


def test_each_retry_is_logged_at_info_with_its_reason(sleeps: list[float], caplog: pytest.LogCaptureFixture) -> None:
    script = Script(sequence(jsonld({}, 429, **{"retry-after": "2"}), httpx.ConnectError("refused"), OK))
    with caplog.at_level(logging.INFO, logger="korusticket"), client(script) as kt:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    messages = [record.getMessage() for record in caplog.records if record.name == "korusticket"]
    url = f"https://api.demo.korusticket.com/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}"
    assert messages == [
        f"retrying GET {url} in 2.00s (retry 1 of 2): 429 Too Many Requests",
        f"retrying GET {url} in 0.00s (retry 2 of 2): ConnectError",
    ]
    assert all(record.levelno == logging.INFO for record in caplog.records if record.name == "korusticket")
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


async def test_async_retries(sleeps: list[float]) -> None:
    script = Script(sequence(UNAVAILABLE, jsonld({}, 429, **{"retry-after": "3"}), OK))
    async with async_client(script) as kt:
        offer = await kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert offer.id == OFFER
    assert sleeps[1] == 3.0
    post = Script(sequence(httpx.ReadTimeout("slow"), OK))
    async with async_client(post) as kt:
        with pytest.raises(APITimeoutError):
            await kt.call(create_orders, body=ORDER_BODY)
    assert len(post.requests) == 1


def test_policy_rejects_negative_settings() -> None:
    with pytest.raises(ValueError, match=r"^RetryPolicy.max_retries: expected a finite number >= 0, got -1"):
        RetryPolicy(max_retries=-1)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("2", 2.0), (" 0 ", 0.0), ("1.5", 1.5), ("-3", 0.0), ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0), ("soon", None)],
)
def test_parse_retry_after(header: str, seconds: float | None) -> None:
    now = datetime(2015, 10, 21, 7, 28, 0, tzinfo=UTC)
    assert parse_retry_after(header, now=lambda: now) == seconds
