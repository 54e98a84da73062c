"""The catalog mirror against the crawl it is built on: `export_catalog` of a 10,000-offer catalog against
`kt.paginate(...)` of the same three collections (product bases, products, offers), same client options, same
prefetch, interleaved in rounds.

Throughput ratio = crawl time / export time, within each round (the target: at least 0.7). Two servers:

- **fixed bytes** (`httpx.MockTransport`, no latency): the client alone, where the export's own work (lines,
  writes, syncs, state) shows most;
- **the in-process sandbox** (10,000 offers in its park catalog): the sandbox renders each page in this process.

Each export starts from an empty directory (made and removed outside the timing) on the disk of the system's
temporary directory, and syncs as it always does (in batches, each before the state records its pages).

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_export
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from benchmarks.common import (
    API,
    TOKEN,
    FixedPages,
    Section,
    Spread,
    Target,
    captured,
    interleaved,
    ratios,
    rounds,
    table,
)
from korusticket import KorusTicket, export_catalog, ops
from korusticket.testing import Sandbox

OFFERS = 10_000
PREFETCH = 4
ROUNDS = rounds(7, 2)
SANDBOX_ROUNDS = rounds(3, 1)
COLLECTIONS = (ops.list_product_bases, ops.list_products, ops.list_offers)


def crawl(kt: KorusTicket, catalog: str) -> int:
    return sum(sum(1 for _ in kt.paginate(op, catalog_id=catalog, prefetch=PREFETCH)) for op in COLLECTIONS)


def candidates(make: Callable[[], KorusTicket], catalog: str, expected: int) -> dict[str, Callable[[], float]]:
    def crawled() -> float:
        with make() as kt:
            started = time.perf_counter()
            count = crawl(kt, catalog)
            elapsed = time.perf_counter() - started
        if count != expected:
            raise RuntimeError(f"the crawl read {count} items, not {expected}")
        return elapsed

    def exported() -> float:
        out = Path(tempfile.mkdtemp(prefix="korusticket-bench-export-"))
        try:
            with make() as kt:
                started = time.perf_counter()
                result = export_catalog(kt, catalog, out, prefetch=PREFETCH)
                elapsed = time.perf_counter() - started
        finally:
            shutil.rmtree(out)
        if sum(result.counts.values()) != expected:
            raise RuntimeError(f"the export wrote {sum(result.counts.values())} lines, not {expected}")
        return elapsed

    return {"crawl: kt.paginate(...) x 3 collections": crawled, "export_catalog": exported}


def compare(server: str, make: Callable[[], KorusTicket], catalog: str, count: int) -> tuple[list[str], Target]:
    with make() as kt:
        expected = crawl(kt, catalog)  # warm: imports, caches
    runs = candidates(make, catalog, expected)
    samples = interleaved(runs, count)
    crawl_name, export_name = runs
    throughput = Spread.of(ratios(samples, crawl_name, export_name))
    rows = [
        [name, Spread.of(values).show(), f"{expected / Spread.of(values).median:,.0f}"]
        for name, values in samples.items()
    ]
    rows.append(["export throughput / crawl throughput", throughput.show(digits=2, unit="x"), ""])
    header = [f"{expected:,} items, {server}, prefetch={PREFETCH}, {count} rounds", "seconds", "items/s"]
    return table(header, rows), Target(f"export / crawl throughput, {server}", throughput, 0.7, at_most=False)


def filesystem(path: str) -> str:
    """The file system type holding `path` (from /proc/mounts), for the record: a tmpfs makes syncs free."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text(encoding="utf-8").splitlines()]
    except OSError:
        return "unknown"
    best = max((m for m in mounts if len(m) > 2 and path.startswith(m[1])), key=lambda m: len(m[1]), default=None)
    return best[2] if best else "unknown"


def fixed_pages() -> tuple[FixedPages, str]:
    sandbox = Sandbox(seed=0)
    catalog = sandbox.catalog_id
    base = f"/v1/ticketing/catalogs/{catalog}"
    extra = {
        f"{base}/{name}": orjson.dumps(captured(sandbox, f"{base}/{name}", itemsPerPage=50))
        for name in ("product_bases", "products")
    }
    offers = captured(sandbox, f"{base}/offers", itemsPerPage=50)
    return FixedPages(offers, f"{base}/offers", OFFERS, extra=extra), catalog


def export_vs_crawl() -> Section:
    pages, catalog = fixed_pages()
    missing = [path for path in pages.extra if not orjson.loads(pages.extra[path])["member"]]
    if missing:
        raise RuntimeError(f"no members at {missing}")

    def fixed() -> KorusTicket:
        options: dict[str, Any] = {"token": TOKEN, "max_retries": 0, "environ": {}}
        return KorusTicket(base_url=API, transport=pages.transport(), **options)

    lines, fixed_target = compare("fixed bytes", fixed, catalog, ROUNDS)
    sandbox = Sandbox(seed=0, catalog_offers=OFFERS)
    sandbox_lines, sandbox_target = compare("in-process sandbox", sandbox.client, sandbox.catalog_id, SANDBOX_ROUNDS)
    where = tempfile.gettempdir()
    note = (
        f"Exports into {where} ({filesystem(where)}). Ratio: the crawl's seconds over the export's, per round;"
        " median (min-max)."
    )
    body = [note, "", *lines, "", *sandbox_lines]
    return Section("4. The catalog export against the crawl of the same catalog", body, [fixed_target, sandbox_target])


if __name__ == "__main__":
    section = export_vs_crawl()
    print("\n".join(section.lines))
    print("\n".join(f"{t.row()}" for t in section.targets))
