"""The catalog mirror against the crawl it is built on: `export_catalog` of the sandbox's 10,000-offer park
catalog, and `list(kt.paginate(...))` of the same three collections (product bases, products, offers) with the
same client and the same prefetch, interleaved in rounds.

Throughput is crawl time / export time (the target: at least 0.7). Each export starts from an empty directory on
the disk of the system's temporary directory, and syncs as it always does (in batches, before recording).

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_export
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import median_spread, table
from korusticket import KorusTicket, export_catalog, ops
from korusticket.testing import Sandbox

OFFERS = 10_000
ROUNDS = 7
PREFETCH = 4
COLLECTIONS = (ops.list_product_bases, ops.list_products, ops.list_offers)


def export_vs_crawl(rounds: int = ROUNDS) -> list[str]:
    sandbox = Sandbox(catalog_offers=OFFERS)
    crawls: list[float] = []
    exports: list[float] = []
    ratios: list[float] = []
    with sandbox.client() as kt:
        crawl_once(kt, sandbox.catalog_id)  # the token, imports, caches
        for number in range(rounds):
            # Alternate which goes first, so that neither always runs on a warmer machine.
            order = ("crawl", "export") if number % 2 == 0 else ("export", "crawl")
            timings: dict[str, float] = {}
            for name in order:
                started = time.perf_counter()
                items = CANDIDATES[name](kt, sandbox.catalog_id)
                timings[name] = time.perf_counter() - started
                assert items >= OFFERS, items  # noqa: S101 - a run that lost offers measures nothing
            crawls.append(timings["crawl"])
            exports.append(timings["export"])
            ratios.append(timings["crawl"] / timings["export"])
    crawl_median, crawl_spread = median_spread(crawls)
    export_median, export_spread = median_spread(exports)
    ratio_median, ratio_spread = median_spread(ratios)
    header = ["candidate", "median s", "spread s", "items/s"]
    items = crawl_items(sandbox)
    rows = [
        ["crawl: list(paginate(...)) x 3 collections", f"{crawl_median:.3f}", f"{crawl_spread:.3f}",
         f"{items / crawl_median:,.0f}"],
        ["export_catalog", f"{export_median:.3f}", f"{export_spread:.3f}", f"{items / export_median:,.0f}"],
    ]  # fmt: skip
    note = (
        f"Export throughput / crawl throughput, per round: median {ratio_median:.2f} (spread {ratio_spread:.2f}, "
        f"{rounds} interleaved rounds, prefetch={PREFETCH}, {items:,} items; target >= 0.70)."
    )
    return [*table(header, rows), "", note]


def crawl_items(sandbox: Sandbox) -> int:
    with sandbox.client() as kt:
        return crawl_once(kt, sandbox.catalog_id)


def crawl_once(kt: KorusTicket, catalog_id: str) -> int:
    return sum(len(list(kt.paginate(op, catalog_id=catalog_id, prefetch=PREFETCH))) for op in COLLECTIONS)


def export_once(kt: KorusTicket, catalog_id: str) -> int:
    out = Path(tempfile.mkdtemp(prefix="korusticket-bench-export-"))
    try:
        result = export_catalog(kt, catalog_id, out, prefetch=PREFETCH)
        return sum(result.counts.values())
    finally:
        shutil.rmtree(out)


CANDIDATES = {"crawl": crawl_once, "export": export_once}


if __name__ == "__main__":
    print("\n".join(export_vs_crawl()))
