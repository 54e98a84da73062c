"""Memory of a crawl, client alone (fixed bytes, no latency): peak RSS and traced peak, each in a fresh process.

Each measurement is its own interpreter (`python -m benchmarks.bench_memory CHILD OFFERS MODE TRACED`), so that
one crawl's garbage is not another's peak:

- **RSS**: the process's peak resident set (`VmHWM` of /proc/self/status) after the crawl, less the same reading
  taken once the client was built and its first page fetched (imports, caches): what the crawl itself added;
- **traced**: `tracemalloc`'s peak over the crawl (Python allocations only; it slows the crawl several times, so
  it runs in a process of its own, not the timed one).

A lazy crawl (`sum(1 for _ in kt.paginate(...))`) holds a page at a time: its peak should not grow with the
collection; `list(kt.paginate(...))` holds every model. With `prefetch=16` and no latency the window fills its
queue of 32 pages ahead of the reader, which holds them as bytes and builds only the page it reads.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_memory
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc

from benchmarks.common import API, QUICK, TOKEN, Section, offer_pages, peak_rss_kb, table

CHILD = "child"
RUNS = [(1_000, "lazy"), (10_000, "lazy"), (50_000, "lazy"), (10_000, "prefetch"), (10_000, "list")]
if QUICK:
    RUNS = [(1_000, "lazy"), (10_000, "lazy"), (10_000, "prefetch"), (10_000, "list")]
PREFETCH = 16
CRAWLS = {
    "lazy": "lazy: for offer in paginate(...)",
    "prefetch": f"lazy, prefetch={PREFETCH}: the window runs ahead of the reader",
    "list": "list(paginate(...))",
}


def child(offers: int, mode: str, traced: bool) -> dict[str, float]:
    from korusticket import KorusTicket, ops

    pages, catalog = offer_pages(offers)
    with KorusTicket(base_url=API, token=TOKEN, transport=pages.transport(), max_retries=0, environ={}) as kt:
        kt.call(ops.list_offers, catalog_id=catalog, items_per_page=1)  # imports, caches
        before = peak_rss_kb()
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        paginator = kt.paginate(ops.list_offers, catalog_id=catalog, prefetch=PREFETCH if mode == "prefetch" else 0)
        kept = list(paginator) if mode == "list" else None
        count = len(kept) if kept is not None else sum(1 for _ in paginator)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        tracemalloc.stop()
        after = peak_rss_kb()
    if count != offers:
        raise RuntimeError(f"read {count} offers, not {offers}")
    return {"before_kb": before, "after_kb": after, "traced_peak": peak, "seconds": elapsed}


def measure(offers: int, mode: str, traced: bool) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_memory", CHILD, str(offers), mode, str(int(traced))]
    result = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603 - this module
    reading: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return reading


def memory() -> Section:
    rows = []
    for offers, mode in RUNS:
        untraced = measure(offers, mode, traced=False)
        traced = measure(offers, mode, traced=True)
        crawl = CRAWLS[mode]
        rows.append(
            [
                f"{offers:,}",
                crawl,
                f"{untraced['before_kb'] / 1024:.1f}",
                f"{(untraced['after_kb'] - untraced['before_kb']) / 1024:.1f}",
                f"{traced['traced_peak'] / 1e6:.1f}",
                f"{untraced['seconds'] / offers * 1e6:.1f}",
            ]
        )
    header = ["offers", "crawl", "RSS before (MB)", "RSS added by the crawl (MB)", "traced peak (MB)", "µs per offer"]
    note = (
        "Fresh process per reading; fixed bytes, no latency, no prefetch unless said. RSS from VmHWM (peak resident"
        " set), the crawl's part being the peak after it less the peak before it; traced peak from tracemalloc in a"
        " separate process of the same crawl."
    )
    return Section("3. Memory of a crawl: peak RSS and traced peak", [note, "", *table(header, rows)], [])


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD:
        print(json.dumps(child(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1")))
    else:
        print("\n".join(memory().lines))
