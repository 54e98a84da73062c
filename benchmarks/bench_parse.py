"""Per-page cost of the client alone: a 50-offer page and a 50-order page, fixed bytes, no sandbox in the loop.

Each page is captured once from the in-process sandbox (the orders page from a few real bookings, repeated to
50 members), then served by an `httpx.MockTransport` that returns the same bytes every time, so the time measured
is the client's. The candidates, per page:

- `json.loads` (the stdlib floor) and `orjson.loads` (the SDK's decoder) on the bytes;
- `orjson + from_dict`: the decoder and the generated collection model's `from_dict`, what the generated code
  builds, without HTTP: the "generated" baseline;
- `httpx + orjson + from_dict`: what a hand-written client on httpx does for the same page (`client.get` on the
  same MockTransport, then the decoder and `from_dict`), without any of the SDK's checks: what a client written
  in an afternoon costs, shown so the per-page ratios can be read against it (it is no target);
- `httpx.Client.send + orjson + from_dict`: the least a client on `httpx.Client` can do for the page: an
  `httpx.Request` on the URL parsed once beforehand, `Client.send`, the decoder and `from_dict`; no checks, no
  header merging, no URL building. Its "/ generated" ratio is where the "kt.call / (orjson + from_dict)" target
  sits against httpx itself (no target either);
- `kt.call` (sync, and async on one event loop): a whole call through the facade and httpx's MockTransport.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_parse
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import orjson

from benchmarks.common import API, TOKEN, Section, Spread, Target, interleaved, ratios, rounds, table, timing
from korusticket import AsyncKorusTicket, Customer, Item, KorusTicket, ops
from korusticket.testing import Sandbox
from korusticket_client.models import BookingOrderCollection, TicketingOfferCollection

ROUNDS = rounds(45, 9)
CALLS = 20
"""Calls per candidate per round (its time is their mean)."""
PER_PAGE = 50
CUSTOMER: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
FLOOR, DECODER, GENERATED, HANDWRITTEN, SEND, CALL, ASYNC_CALL = (
    "json.loads (stdlib floor)",
    "orjson.loads (the SDK's decoder)",
    "orjson + from_dict (generated)",
    "httpx.get + orjson + from_dict (hand-written)",
    "httpx.Client.send + orjson + from_dict (httpx floor)",
    "kt.call (sync)",
    "kt.call (async)",
)


def fifty(page: dict[str, Any]) -> bytes:
    """The page with its members repeated to 50 and its total to match, as compact JSON bytes."""
    members = page["member"]
    page = {**page, "member": (members * (PER_PAGE // len(members) + 1))[:PER_PAGE], "totalItems": PER_PAGE}
    page.pop("view", None)
    return json.dumps(page, separators=(",", ":"), ensure_ascii=False).encode()


def captured_pages() -> dict[str, tuple[bytes, Any, Any, dict[str, Any]]]:
    """Page name -> (bytes, collection model, operation, call arguments)."""
    sandbox = Sandbox(seed=0)
    catalog = sandbox.catalog_id
    with sandbox.client() as kt:
        offers = kt.http.get(f"/v1/ticketing/catalogs/{catalog}/offers", params={"itemsPerPage": 50}).json()
        choices = [
            offer
            for offer in kt.paginate(ops.list_offers, catalog_id=catalog, max_items=200)
            if offer.available_quantity and all(ticket.date_access for ticket in offer.tickets)
        ]
        for number, offer in enumerate(choices[:5]):
            kt.book(Item(offer), customer=CUSTOMER, external_reference=f"BENCH-PAGE-{number}")
        orders = kt.http.get("/v1/booking/orders", params={"itemsPerPage": 50}).json()
    if not orders["member"]:
        raise RuntimeError("the sandbox holds no order to build the orders page from")
    return {
        "offers": (fifty(offers), TicketingOfferCollection, ops.list_offers, {"catalog_id": catalog}),
        "orders": (fifty(orders), BookingOrderCollection, ops.list_orders, {}),
    }


def candidates(body: bytes, model: Any, operation: Any, arguments: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/ld+json"})

    async def serve_async(request: httpx.Request) -> httpx.Response:
        return serve(request)

    kt = KorusTicket(base_url=API, token=TOKEN, transport=httpx.MockTransport(serve), max_retries=0, environ={})
    akt = AsyncKorusTicket(
        base_url=API, token=TOKEN, transport=httpx.MockTransport(serve_async), max_retries=0, environ={}
    )
    loop = asyncio.new_event_loop()
    authorization = {"authorization": f"Bearer {TOKEN}"}
    handwritten = httpx.Client(base_url=API, transport=httpx.MockTransport(serve), headers=authorization)
    request = operation._get_kwargs(**arguments)  # the generated code's method, path and query parameters
    url = handwritten.build_request(request["method"], request["url"], params=request.get("params")).url

    def by_hand() -> object:
        response = handwritten.request(request["method"], request["url"], params=request.get("params"))
        response.raise_for_status()
        return model.from_dict(orjson.loads(response.content))

    def through_send() -> object:
        response = handwritten.send(httpx.Request(request["method"], url, headers=authorization))
        return model.from_dict(orjson.loads(response.content))

    runs: dict[str, Callable[[], object]] = {
        FLOOR: lambda: json.loads(body),
        DECODER: lambda: orjson.loads(body),
        GENERATED: lambda: model.from_dict(orjson.loads(body)),
        HANDWRITTEN: by_hand,
        SEND: through_send,
        CALL: lambda: kt.call(operation, **arguments),
        ASYNC_CALL: lambda: loop.run_until_complete(akt.call(operation, **arguments)),
    }
    for run in runs.values():  # the same result from each, and every cache warm
        run()
    for run in (runs[CALL], by_hand, through_send):
        if len(run().member) != PER_PAGE:  # type: ignore[attr-defined]
            raise RuntimeError("a client did not read the 50 members")

    def close() -> None:
        kt.close()
        handwritten.close()
        loop.run_until_complete(akt.aclose())
        loop.close()

    return {name: timing(run, CALLS) for name, run in runs.items()}, close


def per_page() -> Section:
    lines = [
        f"Fixed bytes, client alone; each candidate's time per call is the mean of {CALLS} calls, {ROUNDS} rounds"
        " taking turns; ratios within each round, median (min-max). The httpx floor (`Client.send` of a request"
        " built on a URL parsed beforehand, then the decoder and `from_dict`, nothing checked) is the least any"
        " client on httpx.Client spends on the page: its '/ generated' is the lowest 'kt.call / (orjson +"
        " from_dict)' an httpx-based client can reach here, and 'kt.call / httpx floor' is the SDK's own cost.",
        "",
    ]
    targets = []
    for name, (body, model, operation, arguments) in captured_pages().items():
        runs, close = candidates(body, model, operation, arguments)
        try:
            samples = interleaved(runs, ROUNDS)
        finally:
            close()
        rows = []
        for candidate, values in samples.items():
            rows.append(
                [
                    candidate,
                    Spread.of(values).show(1000),
                    Spread.of(ratios(samples, candidate, FLOOR)).show(digits=2, unit="x"),
                    Spread.of(ratios(samples, candidate, GENERATED)).show(digits=2, unit="x"),
                    Spread.of(ratios(samples, candidate, SEND)).show(digits=2, unit="x"),
                ]
            )
        header = [
            f"{name} page (50, {len(body) / 1000:.0f} KB)",
            "ms per call",
            "/ json.loads",
            "/ generated",
            "/ httpx floor",
        ]
        lines += [*table(header, rows), ""]
        targets += [
            Target(f"{name} page: kt.call / json.loads", Spread.of(ratios(samples, CALL, FLOOR)), 2.0),
            Target(f"{name} page: kt.call / (orjson + from_dict)", Spread.of(ratios(samples, CALL, GENERATED)), 1.25),
        ]
    return Section("1. Per-page cost, client alone (offers and orders)", lines, targets)


if __name__ == "__main__":
    section = per_page()
    print("\n".join(section.lines))
    print("\n".join(f"{t.row()}" for t in section.targets))
