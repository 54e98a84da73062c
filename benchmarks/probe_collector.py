"""A probe, not part of `make bench`: how much of a crawl's CPU goes to CPython's garbage collector.

Every collection is timed through `gc.callbacks` (by generation) over unthrottled crawls of 10,000 offers from
fixed bytes, each member counted and let go: `paginate` without prefetch, with prefetch 8 and 16, and the same 200
pages fetched by plain `kt.call`s. A window that held its pages as models ahead of the reader had its collector
walk the process's oldest generation over and over (see `korusticket.pagination.AHEAD`); this shows what is left.

    PYTHONPATH=. .venv/bin/python -m benchmarks.probe_collector
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import API, TOKEN, offer_pages, rounds, table
from korusticket import KorusTicket, ops

OFFERS = 10_000
CRAWLS = rounds(6, 2)


def main() -> None:
    pages, catalog = offer_pages(OFFERS)
    kt = KorusTicket(base_url=API, token=TOKEN, transport=pages.transport(), max_retries=0, environ={})

    def crawl(prefetch: int) -> Callable[[], int]:
        return lambda: sum(1 for _ in kt.paginate(ops.list_offers, catalog_id=catalog, prefetch=prefetch))

    def calls() -> int:
        return sum(
            len(kt.call(ops.list_offers, catalog_id=catalog, page=number, items_per_page=50).member)
            for number in range(1, pages.pages + 1)
        )

    runs = {
        "paginate": crawl(0),
        "paginate, prefetch=8": crawl(8),
        "paginate, prefetch=16": crawl(16),
        "kt.call x 200": calls,
    }
    timings: dict[int, list[float]] = {}
    started = [0.0]

    def timed(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            timings.setdefault(info["generation"], []).append(time.perf_counter() - started[0])

    rows = []
    gc.callbacks.append(timed)
    try:
        for name, run in runs.items():
            if run() != OFFERS:  # caches warm, and the count checked
                raise RuntimeError(f"{name} did not read {OFFERS} offers")
            gc.collect()
            timings.clear()
            cpu = time.process_time()
            for _ in range(CRAWLS):
                run()
            cpu = (time.process_time() - cpu) / CRAWLS
            spent = {generation: sum(values) / CRAWLS for generation, values in timings.items()}
            rows.append(
                [
                    name,
                    f"{cpu * 1000:.0f}",
                    f"{sum(spent.values()) * 1000:.0f}",
                    *(f"{len(timings.get(g, [])) / CRAWLS:.1f} / {spent.get(g, 0.0) * 1000:.1f}" for g in range(3)),
                ]
            )
    finally:
        gc.callbacks.remove(timed)
        kt.close()
    header = ["10k offers, fixed bytes, no latency", "CPU ms per crawl", "collector ms", "gen 0: passes / ms"]
    header += ["gen 1: passes / ms", "gen 2: passes / ms"]
    print("\n".join(table(header, rows)))


if __name__ == "__main__":
    main()
