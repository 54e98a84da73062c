"""A probe, not part of `make bench`: what CPython's garbage collector costs a crawl that keeps its catalog.

The README suggests that a job keeping a whole catalog in memory raise the collector's first threshold itself
(the SDK leaves the process's collector alone). This measures that advice: the 10,000-offer crawl of
`bench_crawl` (fixed bytes, 20 ms per request, prefetch 16), every offer kept in a list, with the default
thresholds and with `gc.set_threshold(10_000, 10, 10)`, the two settings taking turns in rounds in one process.

    PYTHONPATH=. .venv/bin/python -m benchmarks.probe_gc
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from benchmarks.common import API, TOKEN, Spread, interleaved, offer_pages, ratios, rounds, table, timing
from korusticket import KorusTicket, ops

OFFERS = 10_000
ROUNDS = rounds(7, 2)
RAISED = (10_000, 10, 10)


def main() -> None:
    pages, catalog = offer_pages(OFFERS, 0.020)
    default = gc.get_threshold()

    def crawl() -> None:
        with KorusTicket(base_url=API, token=TOKEN, transport=pages.transport(), max_retries=0, environ={}) as kt:
            kept = list(kt.paginate(ops.list_offers, catalog_id=catalog, prefetch=16))
        if len(kept) != OFFERS:
            raise RuntimeError(f"the crawl read {len(kept)} offers, not {OFFERS}")

    def under(threshold: tuple[int, int, int]) -> Callable[[], float]:
        run = timing(crawl)

        def measured() -> float:
            gc.collect()
            gc.set_threshold(*threshold)
            try:
                return run()
            finally:
                gc.set_threshold(*default)

        return measured

    names = {f"thresholds {default} (default)": under(default), f"thresholds {RAISED}": under(RAISED)}
    crawl()  # caches warm
    samples = interleaved(names, ROUNDS)
    first = next(iter(names))
    rows = [
        [name, Spread.of(values).show(), Spread.of(ratios(samples, name, first)).show(digits=2, unit="x")]
        for name, values in samples.items()
    ]
    print("\n".join(table(["10k offers kept, prefetch 16, 20 ms", "seconds", "/ default"], rows)))


if __name__ == "__main__":
    main()
