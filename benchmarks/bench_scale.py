"""Scaling: time per offer and peak memory of a lazy crawl at 1k, 10k and 100k offers (client alone).

Time is the median of several crawls without tracemalloc (its overhead is several times the client's); memory
is one crawl's peak under tracemalloc, the client's alone: the fixed-bytes server allocates only the page it
answers with.
"""

from __future__ import annotations

import time
import tracemalloc

from benchmarks.common import TOKEN, FixedPages, median_spread, table
from korusticket import KorusTicket
from korusticket_client.api.ticketing_offer import list_offers

SIZES = {1_000: 25, 10_000: 7, 100_000: 3}
"""Offers, and how many timed crawls of that size."""


def crawl(pages: FixedPages, materialize: bool, traced: bool) -> tuple[float, float]:
    """Seconds per offer and, when traced, peak MB of one lazy (or materialized) crawl."""
    with KorusTicket.demo(token=TOKEN, transport=pages.transport(), max_retries=0) as kt:
        kt.call(list_offers, catalog_id=pages.catalog, items_per_page=1)  # the token, imports, caches
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        paginator = kt.paginate(list_offers, catalog_id=pages.catalog)
        count = len(list(paginator)) if materialize else sum(1 for _ in paginator)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
    assert count == pages.total, count  # noqa: S101 - a crawl that lost offers measures nothing
    return elapsed / count, peak / 1e6


def timed_per_offer(pages: FixedPages, materialize: bool, runs: int) -> tuple[float, float]:
    """Median and spread of µs per offer over `runs` untraced crawls."""
    median, spread = median_spread([crawl(pages, materialize, traced=False)[0] for _ in range(runs)])
    return median * 1e6, spread * 1e6


def scaling() -> list[str]:
    rows = []
    for size, runs in SIZES.items():
        pages = FixedPages(size)
        median, spread = timed_per_offer(pages, materialize=False, runs=runs)
        _, peak = crawl(pages, materialize=False, traced=True)
        rows.append([f"{size:,}", runs, f"{median:.1f}", f"{spread:.1f}", f"{peak:.1f}"])
    pages = FixedPages(10_000)
    materialized, _ = timed_per_offer(pages, materialize=True, runs=3)
    _, materialized_peak = crawl(pages, materialize=True, traced=True)
    header = ["offers (lazy crawl)", "crawls", "µs per offer", "spread", "peak MB (tracemalloc)"]
    note = (
        f"For comparison, list(paginate(...)) of 10,000 offers peaks at {materialized_peak:.1f} MB "
        f"({materialized:.1f} µs per offer)."
    )
    return [*table(header, rows), "", note]
