"""Per-page cost of the client alone: one 50-offer page, fixed bytes, no sandbox in the loop.

The page is captured once from the sandbox, then served by an `httpx.MockTransport` that returns the same
bytes every time, so the time measured is the client's: decoding, parsing, the facade's checks. The floor
is the decoder on the same bytes. Reported as median and spread of 7 rounds, and as ratios.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable

import httpx
import orjson

from benchmarks.common import table
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import Sandbox
from korusticket_client import Client
from korusticket_client.api.ticketing_offer import list_offers

ROUNDS = 7
CALLS = 200
TOKEN = "benchmark-token"  # noqa: S105 - the mock transport checks nothing


def captured_page() -> tuple[str, bytes]:
    sandbox = Sandbox(seed=0)
    with sandbox.client() as kt:
        path = f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers"
        page = kt.http.get(path, params={"itemsPerPage": 50})
    return sandbox.catalog_id, page.content


def measure(run: Callable[[], object]) -> tuple[float, float]:
    """Median and spread (max - min) of the per-call time, in milliseconds."""
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(CALLS):
            run()
        rounds.append((time.perf_counter() - started) / CALLS * 1000)
    return statistics.median(rounds), max(rounds) - min(rounds)


def per_page() -> list[str]:
    """The per-page table, as Markdown lines."""
    catalog, body = captured_page()

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/ld+json"})

    transport = httpx.MockTransport(serve)
    raw = httpx.Client(base_url="https://api.demo.korusticket.com", transport=transport)
    generated = Client(base_url="https://api.demo.korusticket.com").set_httpx_client(raw)
    kt = KorusTicket.demo(token=TOKEN, transport=transport, max_retries=0)

    async def serve_async(request: httpx.Request) -> httpx.Response:
        return serve(request)

    loop = asyncio.new_event_loop()
    akt = AsyncKorusTicket.demo(token=TOKEN, transport=httpx.MockTransport(serve_async), max_retries=0)
    path = f"/v1/ticketing/catalogs/{catalog}/offers"
    rows = [
        ("json.loads (stdlib floor)", lambda: json.loads(body)),
        ("orjson.loads (the SDK's decoder)", lambda: orjson.loads(body)),
        ("raw httpx + orjson.loads", lambda: orjson.loads(raw.get(path).content)),
        ("generated sync()", lambda: list_offers.sync(catalog_id=catalog, client=generated)),
        ("kt.call (sync)", lambda: kt.call(list_offers, catalog_id=catalog)),
        ("kt.call (async)", lambda: loop.run_until_complete(akt.call(list_offers, catalog_id=catalog))),
    ]
    results = {name: measure(run) for name, run in rows}
    kt.close()
    loop.run_until_complete(akt.aclose())
    loop.close()
    floor = results["json.loads (stdlib floor)"][0]
    generated_time = results["generated sync()"][0]
    lines = [
        f"One page of 50 offers ({len(body) / 1000:.0f} KB), fixed bytes; "
        f"median and spread of {ROUNDS} rounds of {CALLS} calls.",
        "",
    ]
    table_rows = [
        [name, f"{median:.3f}", f"{spread:.3f}", f"{median / floor:.2f}x", f"{median / generated_time:.2f}x"]
        for name, (median, spread) in results.items()
    ]
    return lines + table(["per page, client alone", "median ms", "spread", "/ json.loads", "/ generated"], table_rows)


def main() -> None:
    print("\n".join(per_page()))


if __name__ == "__main__":
    main()
