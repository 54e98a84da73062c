"""Per-page cost of the client alone: one 50-offer page, fixed bytes, no sandbox in the loop.

The page is captured once from the sandbox, then served by an `httpx.MockTransport` that returns the same
bytes every time, so the time measured is the client's: decoding, parsing, the facade's checks. The floor
is the decoder on the same bytes. The candidates take turns within each round (so a machine that slows down
for a while slows them all), and each is reported as the median and spread of its rounds, and as ratios.
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

ROUNDS = 9
CALLS = 200
TOKEN = "benchmark-token"  # noqa: S105 - the mock transport checks nothing


def captured_page() -> tuple[str, bytes]:
    sandbox = Sandbox(seed=0)
    with sandbox.client() as kt:
        path = f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers"
        page = kt.http.get(path, params={"itemsPerPage": 50})
    return sandbox.catalog_id, page.content


def measure(runs: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float]]:
    """Median and spread (max - min) of each one's per-call time in milliseconds, taking turns each round."""
    rounds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(ROUNDS):
        for name, run in runs.items():
            started = time.perf_counter()
            for _ in range(CALLS):
                run()
            rounds[name].append((time.perf_counter() - started) / CALLS * 1000)
    return {name: (statistics.median(times), max(times) - min(times)) for name, times in rounds.items()}


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
    results = measure(
        {
            "json.loads (stdlib floor)": lambda: json.loads(body),
            "orjson.loads (the SDK's decoder)": lambda: orjson.loads(body),
            "raw httpx + orjson.loads": lambda: orjson.loads(raw.get(path).content),
            "generated sync()": lambda: list_offers.sync(catalog_id=catalog, client=generated),
            "kt.call (sync)": lambda: kt.call(list_offers, catalog_id=catalog),
            "kt.call (async)": lambda: loop.run_until_complete(akt.call(list_offers, catalog_id=catalog)),
        }
    )
    kt.close()
    loop.run_until_complete(akt.aclose())
    loop.close()
    floor = results["json.loads (stdlib floor)"][0]
    generated_time = results["generated sync()"][0]
    lines = [
        f"One page of 50 offers ({len(body) / 1000:.0f} KB), fixed bytes; "
        f"median and spread of {ROUNDS} rounds of {CALLS} calls, the candidates taking turns in each round.",
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
