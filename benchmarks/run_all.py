"""`make bench`: every benchmark in one run, printed, with the targets table, and written to benchmarks/RESULTS.md.

Ratios are measured side by side in this one run (candidates interleaved, `benchmarks.common`); timings are never
asserted anywhere. `BENCH_QUICK=1 make bench` runs fewer rounds and leaves RESULTS.md alone (it is the full run's);
`BENCH_ONLY=parse,crawl` runs some sections only (quick or not, RESULTS.md is then left alone too).

Sections: parse (per page), crawl (fixed bytes, then the sandbox served in another process), memory, export,
startup, booking, ledger, plugin (the pytest plugin's cost: builds a wheel into a new virtualenv, the longest).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from benchmarks.common import QUICK, RESULTS, Section, targets_table, write_results

COMMAND = "make bench"


def sections() -> dict[str, Callable[[], list[Section]]]:
    from benchmarks.bench_booking import booking
    from benchmarks.bench_crawl import fixed_bytes, served_subprocess
    from benchmarks.bench_export import export_vs_crawl
    from benchmarks.bench_ledger import ledger_cost
    from benchmarks.bench_memory import memory
    from benchmarks.bench_parse import per_page
    from benchmarks.bench_pytest_plugin import plugin_cost
    from benchmarks.bench_startup import startup

    return {
        "parse": lambda: [per_page()],
        "crawl": lambda: [fixed_bytes(), served_subprocess()],
        "memory": lambda: [memory()],
        "export": lambda: [export_vs_crawl()],
        "startup": lambda: [startup()],
        "booking": lambda: [Section("6. Bulk reservation and the book() path at 20 ms RTT", booking(), [])],
        "ledger": lambda: [Section("6b. A booking with each ledger, against the memory ledger", ledger_cost(), [])],
        "plugin": lambda: [
            Section("7. What the pytest plugin adds to a test run that does not use it", plugin_cost(), [])
        ],
    }


def main() -> None:
    started_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    started = time.perf_counter()
    available = sections()
    only = [name for name in os.environ.get("BENCH_ONLY", "").split(",") if name]
    unknown = sorted(set(only) - set(available))
    if unknown:
        sys.exit(f"BENCH_ONLY: unknown section(s) {', '.join(unknown)}; expected some of {', '.join(available)}")
    done: list[Section] = []
    for name, run in available.items():
        if only and name not in only:
            continue
        for section in run():
            done.append(section)
            print(f"\n## {section.title}\n" + "\n".join(section.lines), flush=True)
    seconds = time.perf_counter() - started
    targets = [target for section in done for target in section.targets]
    print("\n## Targets (issue 22)\n")
    print("\n".join(targets_table(targets)))
    passed = sum(target.passed for target in targets)
    print(f"\n{passed} of {len(targets)} targets met; {seconds:.0f} s")
    if QUICK or only:
        print(f"(quick or partial run: {RESULTS.name} left as it was)")
        return
    write_results(done, started_at, seconds, COMMAND)
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
