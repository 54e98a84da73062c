"""A probe, not part of `make bench`: what a missing sniffio costs an async crawl over a real socket.

httpcore (under httpx) runs `import sniffio` inside a try/except ImportError each time it sets up an async lock,
event or semaphore. Recent anyio releases stopped requiring sniffio, and Python does not remember an import that
failed, so without it every one of those imports searched `sys.path` again. korusticket now depends on sniffio.

Both settings crawl the 10,000-offer catalog of one sandbox served in another process (a 20 ms latency fault on
every request, as `bench_crawl` 2b), with `AsyncKorusTicket.paginate(prefetch=16)`, each crawl in a new client. Each
round runs both settings, one subprocess each, in alternating order; a subprocess warms up with one crawl and times
three. "absent" puts a finder first on `sys.meta_path` that answers `sniffio` with the same `sys.path` search
a missing module costs, then the ImportError. Shown: wall seconds per crawl and CPU seconds of the crawling
subprocess, median (min-max).

    PYTHONPATH=. .venv/bin/python -m benchmarks.probe_async_imports
"""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks.bench_crawl import served_catalog
from benchmarks.common import Spread, rounds, table

ROUNDS = rounds(4, 1)
CRAWLS = 3
CHILD = r"""
import importlib.machinery, json, sys, time

if sys.argv[1] == "absent":
    class Absent:
        def find_spec(self, name, path=None, target=None):
            if name != "sniffio":
                return None
            importlib.machinery.PathFinder.find_spec("sniffio_is_not_installed", None)  # the search it costs
            raise ModuleNotFoundError("No module named 'sniffio'", name="sniffio")

    sys.modules.pop("sniffio", None)
    sys.meta_path.insert(0, Absent())

from benchmarks.bench_crawl import async_sdk
from korusticket import AsyncKorusTicket

options, catalog, crawls = json.loads(sys.argv[2]), sys.argv[3], int(sys.argv[4])
assert async_sdk(lambda: AsyncKorusTicket(**options), catalog, 16) == 10_000
times = []
for _ in range(crawls):
    wall, cpu = time.perf_counter(), time.process_time()
    assert async_sdk(lambda: AsyncKorusTicket(**options), catalog, 16) == 10_000
    times.append((time.perf_counter() - wall, time.process_time() - cpu))
print(json.dumps(times))
"""


def main() -> None:
    with served_catalog() as (_, options, catalog):
        samples: dict[str, list[tuple[float, float]]] = {"present": [], "absent": []}
        for number in range(ROUNDS):
            for setting in ("present", "absent") if number % 2 == 0 else ("absent", "present"):
                command = [sys.executable, "-c", CHILD, setting, json.dumps(options), catalog, str(CRAWLS)]
                out = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
                samples[setting] += [tuple(pair) for pair in json.loads(out)]
    rows = [
        [
            f"sniffio {setting}",
            Spread.of([wall for wall, _ in measured]).show(1, digits=3),
            Spread.of([cpu for _, cpu in measured]).show(1, digits=3),
        ]
        for setting, measured in samples.items()
    ]
    print(f"{ROUNDS} rounds of {CRAWLS} crawls per setting; AsyncKorusTicket.paginate(prefetch=16), 200 pages of 50.\n")
    print("\n".join(table(["setting", "wall s per crawl", "CPU s per crawl"], rows)))


if __name__ == "__main__":
    main()
