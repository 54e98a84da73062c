"""`make bench`: every benchmark in one run, printed and written to benchmarks/RESULTS.md.

Ratios are measured side by side in this one run; timings are never asserted anywhere.
"""

from __future__ import annotations

import time

from benchmarks.bench_booking import booking
from benchmarks.bench_crawl import fixed_bytes, over_loopback
from benchmarks.bench_export import export_vs_crawl
from benchmarks.bench_parse import per_page
from benchmarks.bench_pytest_plugin import plugin_cost
from benchmarks.bench_scale import scaling
from benchmarks.common import RESULTS, write_results


def main() -> None:
    started = time.perf_counter()
    sections = []
    for title, run in (
        ("1. Per-page cost, client alone", per_page),
        ("2a. The 10k-offer crawl at 20 ms RTT, client alone", fixed_bytes),
        ("2b. The same crawl over the sandbox served on loopback", over_loopback),
        ("3. Scaling: 1k, 10k and 100k offers", scaling),
        ("4-5. Bulk reservation and the book() path at 20 ms RTT", booking),
        ("6. What the pytest plugin adds to a test run that does not use it", plugin_cost),
        ("7. The catalog mirror against the crawl (export_catalog, 10k offers on the sandbox)", export_vs_crawl),
    ):
        body = run()
        sections.append((title, body))
        print(f"\n## {title}\n" + "\n".join(body), flush=True)
    write_results(sections)
    print(f"\nwritten to {RESULTS} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
