"""The 10,000-offer crawl at 20 ms round trip: `kt.paginate(..., prefetch=W)` against a raw httpx + orjson window
of the same width W (8 and 16), sync and async, candidates interleaved in rounds.

Two servers:

- **fixed bytes** (`httpx.MockTransport`, a 20 ms sleep per request in the client's process): the client alone;
- **the served sandbox in another process** (`korusticket.testing.served.serve_in_subprocess`, uvicorn on
  loopback, a `latency` fault of 20 ms on every request): real sockets and HTTP, the sandbox rendering each page
  on the other core.

The raw window fetches and decodes each page (`orjson.loads`, the members counted) and builds no model: what the
network and the decoder allow. The SDK's crawls count each offer and keep none, like the raw windows: a
candidate that kept 10,000 models would be timed on the garbage collector's passes over them as
well. Ratios are the SDK's time over the raw window's of the same width in the same round.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_crawl
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from benchmarks.common import (
    API,
    TOKEN,
    Section,
    Spread,
    Target,
    interleaved,
    offer_pages,
    ratios,
    rounds,
    table,
    timing,
)
from korusticket import AsyncKorusTicket, KorusTicket, ops

if TYPE_CHECKING:
    from korusticket.testing.served import ServedSandbox

OFFERS = 10_000
RTT = 0.020
WINDOWS = (8, 16)
LIMITS = {8: 1.10, 16: 1.15}
ROUNDS = rounds(5, 2)
SERVED_ROUNDS = rounds(8, 1)
"""The served sandbox renders every page (0.6-1.2 s a crawl): 8 rounds, so that each of the 8 candidates takes
every place in the order once, in about a minute (3 rounds left a spread wider than the limits' margins)."""


def sync_sdk(make: Callable[[], KorusTicket], catalog: str, window: int) -> int:
    with make() as kt:
        return sum(1 for _ in kt.paginate(ops.list_offers, catalog_id=catalog, prefetch=window))


def async_sdk(make: Callable[[], AsyncKorusTicket], catalog: str, window: int) -> int:
    async def crawl() -> int:
        async with make() as kt:
            # each offer is counted and let go, as in the sync crawl and the raw windows (none keeps 10,000 objects)
            count = 0
            async for _ in kt.paginate(ops.list_offers, catalog_id=catalog, prefetch=window):
                count += 1
            return count

    return asyncio.run(crawl())


def sync_raw(make: Callable[[], httpx.Client], path: str, pages: int, window: int) -> int:
    """The first page, then the rest `window` at a time from a thread pool (as the SDK's sync window does)."""
    with make() as raw:

        def fetch(number: int) -> int:
            body = raw.get(path, params={"page": number, "itemsPerPage": 50}).content
            return len(orjson.loads(body)["member"])

        first = fetch(1)
        with ThreadPoolExecutor(window) as pool:
            return first + sum(pool.map(fetch, range(2, pages + 1)))


def async_raw(make: Callable[[], httpx.AsyncClient], path: str, pages: int, window: int) -> int:
    async def crawl() -> int:
        async with make() as raw:
            gate = asyncio.Semaphore(window)

            async def fetch(number: int) -> int:
                async with gate:
                    body = (await raw.get(path, params={"page": number, "itemsPerPage": 50})).content
                return len(orjson.loads(body)["member"])

            first = await fetch(1)
            return first + sum(await asyncio.gather(*(fetch(n) for n in range(2, pages + 1))))

    return asyncio.run(crawl())


def checked(run: Callable[[], int]) -> Callable[[], object]:
    def counted() -> int:
        count = run()
        if count != OFFERS:
            raise RuntimeError(f"the crawl read {count} offers, not {OFFERS}: it measures nothing")
        return count

    return counted


def crawl_candidates(
    catalog: str,
    path: str,
    pages: int,
    clients: dict[str, Callable[[], Any]],
) -> dict[str, Callable[[], float]]:
    runs: dict[str, Callable[[], float]] = {}
    for window in WINDOWS:
        runs[f"paginate, sync, prefetch={window}"] = timing(
            checked(lambda w=window: sync_sdk(clients["sdk"], catalog, w))
        )
        runs[f"raw httpx + orjson, sync, window {window}"] = timing(
            checked(lambda w=window: sync_raw(clients["raw"], path, pages, w))
        )
        runs[f"paginate, async, prefetch={window}"] = timing(
            checked(lambda w=window: async_sdk(clients["async_sdk"], catalog, w))
        )
        runs[f"raw httpx + orjson, async, window {window}"] = timing(
            checked(lambda w=window: async_raw(clients["async_raw"], path, pages, w))
        )
    return runs


def report(server: str, samples: dict[str, list[float]]) -> tuple[list[str], list[Target]]:
    rows, targets = [], []
    for window in WINDOWS:
        for mode in ("sync", "async"):
            sdk, raw = f"paginate, {mode}, prefetch={window}", f"raw httpx + orjson, {mode}, window {window}"
            ratio = Spread.of(ratios(samples, sdk, raw))
            rows.append([sdk, Spread.of(samples[sdk]).show(), ratio.show(digits=2, unit="x")])
            rows.append([raw, Spread.of(samples[raw]).show(), "1.00x"])
            targets.append(Target(f"crawl, {server}: {mode}, prefetch={window} / raw window", ratio, LIMITS[window]))
    header = [f"10k offers, 20 ms RTT, {server}", "seconds", "/ raw window (same round)"]
    return table(header, rows), targets


def fixed_bytes() -> Section:
    pages, catalog = offer_pages(OFFERS, RTT)
    clients = {
        "sdk": lambda: KorusTicket(base_url=API, token=TOKEN, transport=pages.transport(), max_retries=0, environ={}),
        "async_sdk": lambda: AsyncKorusTicket(
            base_url=API, token=TOKEN, transport=pages.async_transport(), max_retries=0, environ={}
        ),
        "raw": lambda: httpx.Client(base_url=API, transport=pages.transport()),
        "async_raw": lambda: httpx.AsyncClient(base_url=API, transport=pages.async_transport()),
    }
    samples = interleaved(crawl_candidates(catalog, pages.path, pages.pages, clients), ROUNDS)
    lines, targets = report("fixed bytes", samples)
    note = (
        f"{pages.pages} pages of 50 from `httpx.MockTransport`, a 20 ms sleep per request; {ROUNDS} rounds, the 8"
        " candidates taking turns. The latency bound is 20 ms + ceil(199 / W) x 20 ms: 0.520 s at 8, 0.280 s at 16."
    )
    return Section("2a. The 10k-offer crawl at 20 ms RTT, client alone (fixed bytes)", [note, "", *lines], targets)


@contextlib.contextmanager
def served_catalog() -> Iterator[tuple[ServedSandbox, dict[str, Any], str]]:
    """A sandbox served in another process with a 20 ms latency fault on every request: the sandbox, client
    options with a bearer token fetched beforehand, and the id of its 10,000-offer catalog."""
    from korusticket.testing.served import serve_in_subprocess

    with serve_in_subprocess(seed=0, catalog_offers=OFFERS) as served:
        grant = {"grant_type": "client_credentials", "client_id": served.client_id}
        grant["client_secret"] = served.client_secret
        token = httpx.post(served.token_url, data=grant, timeout=30).json()["access_token"]
        options: dict[str, Any] = {"base_url": served.base_url, "token": token, "max_retries": 0, "environ": {}}
        with KorusTicket(**options) as kt:
            catalog = next(
                c.id
                for c in kt.paginate(ops.list_catalogs)
                if kt.call(ops.list_offers, catalog_id=c.id, items_per_page=1).total_items == OFFERS
            )
        served.inject("latency", latency=RTT, times=None)
        yield served, options, catalog


def served_subprocess() -> Section:
    with served_catalog() as (served, options, catalog):
        token = options["token"]
        path = f"/v1/ticketing/catalogs/{catalog}/offers"
        headers = {"authorization": f"Bearer {token}"}
        limits = httpx.Limits(max_connections=max(WINDOWS), max_keepalive_connections=max(WINDOWS))
        # The SDK's clients share one SSL context (made by the first); the raw clients get one made beforehand,
        # so that neither side's crawl includes loading the CA bundle (30 ms a client otherwise).
        raw: dict[str, Any] = {
            "base_url": served.base_url,
            "headers": headers,
            "limits": limits,
            "verify": httpx.create_ssl_context(),
        }
        clients = {
            "sdk": lambda: KorusTicket(**options),
            "async_sdk": lambda: AsyncKorusTicket(**options),
            "raw": lambda: httpx.Client(**raw),
            "async_raw": lambda: httpx.AsyncClient(**raw),
        }
        samples = interleaved(crawl_candidates(catalog, path, 200, clients), SERVED_ROUNDS)
    lines, targets = report("served sandbox", samples)
    note = (
        "The sandbox (10,000 offers in its park catalog) served by `python -m korusticket.testing.served` in another"
        f" process, a 20 ms latency fault on every request; {SERVED_ROUNDS} rounds. Both use one bearer token fetched"
        " beforehand, and a new client (new connections) per crawl; neither loads the CA bundle in the crawl (the"
        " SDK's clients share one SSL context, the raw clients are given one made beforehand)."
    )
    return Section("2b. The same crawl against the sandbox served in another process", [note, "", *lines], targets)


if __name__ == "__main__":
    for section in (fixed_bytes(), served_subprocess()):
        print("\n".join(section.lines))
        print("\n".join(f"{t.row()}" for t in section.targets))
