"""A call leaves nothing for the garbage collector: what it built is freed as soon as the caller drops it.

Two reference cycles used to outlive every call: httpx's client wraps the transport's stream in one that refers
back to the response (which holds the whole body), and tenacity's retrying object refers to itself (with the
request). Each was freed only when the collector ran, and each collection also walked the page being parsed at
the time. Now the read body replaces the stream, and tenacity is only built once a retry is due.
"""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from korusticket import AsyncKorusTicket, KorusTicket, UnexpectedResponseError, ops

TOKEN = "eyJhbGciOiJSUzI1NiJ9.Z2FyYmFnZQ.c2ln"
CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
PAGE = {
    "@id": f"/v1/ticketing/catalogs/{CATALOG}/offers",
    "@type": "Collection",
    "totalItems": 1,
    "member": [
        {
            "@id": f"/v1/ticketing/catalogs/{CATALOG}/offers/01969002-6c00-73d1-bdec-2df4cda8056c",
            "@type": "TicketingOffer",
            "id": "01969002-6c00-73d1-bdec-2df4cda8056c",
            "date": "2025-06-01",
            "price": {"amountInclTax": "51.00", "currency": "EUR", "syncAt": "2025-06-01T07:00:00+00:00"},
            "tickets": [{"id": "01969002-6c00-7cd9-9cab-88918b0163c1", "name": "Entrée", "dateAccess": True}],
        }
    ],
}


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=PAGE, headers={"content-type": "application/ld+json"})


async def answer_async(request: httpx.Request) -> httpx.Response:
    return answer(request)


@pytest.fixture
def collector_off() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def garbage_of(calls: int, call: Any) -> int:
    """Objects in reference cycles that `calls` calls left behind (the collector being off meanwhile)."""
    call()  # the first call imports and caches what later calls reuse
    gc.collect()
    for _ in range(calls):
        call()
    return gc.collect()


@pytest.mark.parametrize("retries", [0, 2], ids=["max_retries=0", "default retries"])
@pytest.mark.usefixtures("collector_off")
def test_a_sync_call_leaves_no_cycles(retries: int) -> None:
    with KorusTicket(
        base_url="https://api.demo.korusticket.com",
        token=TOKEN,
        transport=httpx.MockTransport(answer),
        max_retries=retries,
        environ={},
    ) as kt:
        assert garbage_of(20, lambda: kt.call(ops.list_offers, catalog_id=CATALOG)) == 0
        assert garbage_of(20, lambda: kt.with_raw_response.call(ops.list_offers, catalog_id=CATALOG)) == 0


@pytest.mark.parametrize("retries", [0, 2], ids=["max_retries=0", "default retries"])
@pytest.mark.usefixtures("collector_off")
def test_an_async_call_leaves_no_cycles(retries: int) -> None:
    loop = asyncio.new_event_loop()
    kt = AsyncKorusTicket(
        base_url="https://api.demo.korusticket.com",
        token=TOKEN,
        transport=httpx.MockTransport(answer_async),
        max_retries=retries,
        environ={},
    )
    try:
        assert garbage_of(20, lambda: loop.run_until_complete(kt.call(ops.list_offers, catalog_id=CATALOG))) == 0
    finally:
        loop.run_until_complete(kt.aclose())
        loop.close()


def test_a_read_response_still_reads_as_before() -> None:
    with KorusTicket(
        base_url="https://api.demo.korusticket.com",
        token=TOKEN,
        transport=httpx.MockTransport(answer),
        max_retries=0,
        environ={},
    ) as kt:
        raw = kt.with_raw_response.call(ops.list_offers, catalog_id=CATALOG)
    response = raw.http_response
    assert response.is_closed
    assert response.json() == PAGE
    assert response.read() == response.content
    assert b"".join(response.iter_bytes()) == response.content


class Recording(httpx.SyncByteStream):
    """A transport's body stream that notes whether it was closed (a real one gives its connection back then)."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    ("headers", "chunks"),
    [
        ({"content-encoding": "gzip"}, [b"this is not gzip"]),  # fails while decoding
        ({}, [json.dumps(PAGE).encode()]),  # read whole
    ],
    ids=["undecodable", "whole"],
)
def test_the_transport_stream_is_closed_however_the_read_ends(headers: dict[str, str], chunks: list[bytes]) -> None:
    streams: list[Recording] = []

    def answer(request: httpx.Request) -> httpx.Response:
        streams.append(Recording(chunks))
        return httpx.Response(200, headers={"content-type": "application/ld+json", **headers}, stream=streams[-1])

    with KorusTicket(
        base_url="https://api.demo.korusticket.com",
        token=TOKEN,
        transport=httpx.MockTransport(answer),
        max_retries=0,
        environ={},
    ) as kt:
        try:
            kt.call(ops.list_offers, catalog_id=CATALOG)
        except UnexpectedResponseError:
            assert headers  # only the undecodable body fails
    (stream,) = streams
    assert stream.closed
