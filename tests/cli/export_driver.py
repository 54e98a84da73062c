"""`python -m tests.cli.export_driver OUT LATENCY [PREFETCH]`: `korusticket export --out OUT` as a real process, on
a sandbox of 1,000 offers whose offers pages take LATENCY seconds each, for tests that interrupt or kill it.

It syncs and records every 0.1 s rather than every second, so that a test sees progress (and can interrupt it)
within a run of a few seconds.
"""

from __future__ import annotations

import sys

import korusticket.export
from korusticket.cli import make_app
from korusticket.testing import Sandbox

OFFERS = 1_000


def slow_sandbox(latency: float) -> Sandbox:
    sandbox = Sandbox(seed=0, catalog_offers=OFFERS)
    if latency:
        sandbox.faults.inject("latency", operation="list_offers", times=None, latency=latency)
    return sandbox


def main() -> None:
    out, latency = sys.argv[1], float(sys.argv[2])
    prefetch = sys.argv[3] if len(sys.argv) > 3 else "0"
    korusticket.export.COMMIT_SECONDS = 0.1
    sandbox = slow_sandbox(latency)
    make_app(lambda: sandbox)(["export", "--out", out, "--prefetch", prefetch], prog_name="korusticket")


if __name__ == "__main__":
    main()
