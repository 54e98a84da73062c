"""`make bench`: pagination speed and memory, measured side by side in one run on the sandbox.

Each comparison runs its variants on the same data in the same process and reports ratios, so the
numbers mean the same on a slow or a fast machine. The sandbox adds a fixed latency per API request
(as a network would) with its `latency` fault.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable

from korusticket.testing import Sandbox
from korusticket_client.api.ticketing_offer import list_offers

OFFERS = 10_000
LATENCY = 0.02


def sandbox_with_latency(latency: float) -> Sandbox:
    sandbox = Sandbox(offers=OFFERS)
    sandbox.faults.inject("latency", latency=latency, times=None)
    return sandbox


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), count


def sync_walk(sandbox: Sandbox, prefetch: int) -> int:
    with sandbox.client(max_connections=16) as kt:
        return sum(1 for _ in kt.paginate(list_offers, catalog_id=sandbox.catalog_id, prefetch=prefetch))


def async_walk(sandbox: Sandbox, prefetch: int) -> int:
    async def walk() -> int:
        async with sandbox.async_client(max_connections=16) as kt:
            count = 0
            async for _ in kt.paginate(list_offers, catalog_id=sandbox.catalog_id, prefetch=prefetch):
                count += 1
            return count

    return asyncio.run(walk())


def peak_memory(run: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sandbox = sandbox_with_latency(LATENCY)
    total = sum(1 for offer in sandbox.state.data.offers.values() if offer.catalog_id == sandbox.catalog_id)
    latency = f"{LATENCY * 1000:.0f} ms"
    print(f"Pagination of {total} offers, 50 per page, {latency} of latency per request (median of {args.repeat})")
    print(f"{'variant':<28}{'seconds':>9}{'vs sequential':>15}")
    for flavour, walk in (("sync", sync_walk), ("async", async_walk)):
        baseline = None
        for prefetch in (0, 4, 8):
            seconds, count = timed(lambda w=walk, p=prefetch: w(sandbox, p), args.repeat)
            if count != total:
                raise SystemExit(f"{flavour}, prefetch={prefetch}: {count} offers instead of {total}")
            baseline = baseline or seconds
            label = f"{flavour}, prefetch={prefetch}" if prefetch else f"{flavour}, sequential"
            print(f"{label:<28}{seconds:>9.3f}{baseline / seconds:>14.2f}x")

    quiet = Sandbox(offers=OFFERS)
    with quiet.client() as kt:

        def lazily() -> int:
            return sum(1 for _ in kt.paginate(list_offers, catalog_id=quiet.catalog_id))

        def ahead() -> int:
            return sum(1 for _ in kt.paginate(list_offers, catalog_id=quiet.catalog_id, prefetch=8))

        def materialized() -> int:
            return len(list(kt.paginate(list_offers, catalog_id=quiet.catalog_id)))

        lazy, prefetching, whole = peak_memory(lazily), peak_memory(ahead), peak_memory(materialized)
    print(f"\nPeak memory (tracemalloc, client side and sandbox together), {total} offers")
    print(f"{'lazy iteration':<28}{lazy:>8.1f} MB")
    print(f"{'lazy, prefetch=8':<28}{prefetching:>8.1f} MB")
    print(f"{'list(paginate(...))':<28}{whole:>8.1f} MB   ({whole / lazy:.1f}x the lazy peak)")


if __name__ == "__main__":
    main()
