"""A probe, not part of `make bench`: how fast the in-process sandbox answers a crawl of its 10,000-offer catalog.

What a user's test suite, and the served sandbox of `bench_crawl` 2b, pay per page: 200 pages of 50 offers read by a
bare `httpx.Client` on `Sandbox.transport()` (no SDK, no models), one page at a time. Shown: seconds per crawl,
median (min-max) of the rounds, and the mean per page. To compare two commits, run it in a checkout of each.

    PYTHONPATH=. .venv/bin/python -m benchmarks.probe_sandbox
"""

from __future__ import annotations

import httpx

from benchmarks.bench_crawl import OFFERS
from benchmarks.common import Spread, rounds, timing
from korusticket.testing import Sandbox
from korusticket.testing.sandbox import DEMO_URL

ROUNDS = rounds(9, 2)
PAGES = OFFERS // 50


def main() -> None:
    sandbox = Sandbox(seed=0, catalog_offers=OFFERS)
    headers = {"authorization": f"Bearer {sandbox.issue_token()}"}
    with httpx.Client(base_url=DEMO_URL, transport=sandbox.transport(), headers=headers) as raw:
        catalogs = raw.get("/v1/ticketing/catalogs").json()["member"]
        path = next(
            f"{entry['@id']}/offers"
            for entry in catalogs
            if raw.get(f"{entry['@id']}/offers", params={"itemsPerPage": 1}).json()["totalItems"] == OFFERS
        )

        def crawl() -> None:
            for number in range(1, PAGES + 1):
                raw.get(path, params={"page": number, "itemsPerPage": 50}).raise_for_status()

        run = timing(crawl)
        run()
        spread = Spread.of(run() for _ in range(ROUNDS))
    per_page = spread.median / PAGES * 1e3
    print(f"{ROUNDS} crawls of {PAGES} pages of 50 offers: {spread.show()} s; {per_page:.2f} ms a page")


if __name__ == "__main__":
    main()
