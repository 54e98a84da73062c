"""Scaling: time per offer and peak memory of a lazy crawl at 1k, 10k and 100k offers (client alone).

Memory is the client's alone: the fixed-bytes server allocates only the page it answers with.
"""

from __future__ import annotations

import time
import tracemalloc

from benchmarks.common import TOKEN, FixedPages, table
from korusticket import KorusTicket
from korusticket_client.api.ticketing_offer import list_offers

SIZES = (1_000, 10_000, 100_000)


def crawl(pages: FixedPages, materialize: bool) -> tuple[float, float]:
    """Seconds per offer and peak MB of one lazy (or materialized) crawl."""
    with KorusTicket.demo(token=TOKEN, transport=pages.transport(), max_retries=0) as kt:
        kt.call(list_offers, catalog_id=pages.catalog, items_per_page=1)  # the token, imports, caches
        tracemalloc.start()
        started = time.perf_counter()
        paginator = kt.paginate(list_offers, catalog_id=pages.catalog)
        count = len(list(paginator)) if materialize else sum(1 for _ in paginator)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert count == pages.total, count  # noqa: S101 - a crawl that lost offers measures nothing
    return elapsed / count, peak / 1e6


def scaling() -> list[str]:
    rows = []
    for size in SIZES:
        per_offer, peak = crawl(FixedPages(size), materialize=False)
        rows.append([f"{size:,}", f"{per_offer * 1e6:.1f}", f"{peak:.1f}"])
    materialized_per_offer, materialized_peak = crawl(FixedPages(10_000), materialize=True)
    header = ["offers (lazy crawl)", "µs per offer (tracemalloc on)", "peak MB"]
    note = (
        f"For comparison, list(paginate(...)) of 10,000 offers peaks at {materialized_peak:.1f} MB "
        f"({materialized_per_offer * 1e6:.1f} µs per offer). Times include tracemalloc's overhead."
    )
    return [*table(header, rows), "", note]
