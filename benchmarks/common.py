"""What the benchmarks share: a server of fixed page bytes with a round-trip time, timing, and RESULTS.md."""

from __future__ import annotations

import asyncio
import importlib.metadata
import json
import math
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from korusticket.testing import Sandbox

RESULTS = Path(__file__).with_name("RESULTS.md")
API = "https://api.demo.korusticket.com"
TOKEN = "benchmark-token"  # noqa: S105 - the fixed-bytes server checks nothing


def median_spread(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), max(samples) - min(samples)


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and spread of `repeat` runs, in seconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return median_spread(samples)


class FixedPages:
    """Serves a collection of `total` offers as the API would, from one captured page's bytes.

    Only `totalItems` and the `view` links change per page, spliced into the captured bytes, so serving
    costs microseconds and a client benchmark measures the client. `rtt` is slept per request (a thread
    sleep for sync clients, `asyncio.sleep` for async ones), the way a network round trip waits.
    """

    def __init__(self, total: int, rtt: float = 0.0, per_page: int = 50) -> None:
        sandbox = Sandbox(seed=0)
        self.catalog = sandbox.catalog_id
        self.path = f"/v1/ticketing/catalogs/{self.catalog}/offers"
        with sandbox.client() as kt:
            page = kt.http.get(self.path, params={"itemsPerPage": per_page}).json()
        page["member"] = (page["member"] * math.ceil(per_page / len(page["member"])))[:per_page]
        page["totalItems"] = total
        page["view"] = {"@id": "@@SELF@@", "@type": "PartialCollectionView", "next": "@@NEXT@@"}
        self.template = json.dumps(page, separators=(",", ":")).encode()
        self.member = json.dumps(page["member"][0]).encode()
        head, rest = self.template.split(b"@@SELF@@")
        middle, tail = rest.split(b"@@NEXT@@")
        self.parts = (head, middle, tail)
        self.total, self.rtt, self.per_page = total, rtt, per_page
        self.pages = math.ceil(total / per_page)
        self.requests = 0

    def body(self, number: int) -> bytes:
        """Page `number`'s bytes: the captured page with its own links joined in (one copy, no search)."""
        head, middle, tail = self.parts
        self_link = f"{self.path}?page={number}".encode()
        if number >= self.pages:  # the last page: no next link, and only the members left
            body = self.template.replace(b"@@SELF@@", self_link).replace(b',"next":"@@NEXT@@"', b"")
            left = self.total - (number - 1) * self.per_page
            if left < self.per_page:
                page = json.loads(body)
                page["member"] = page["member"][:left]
                body = json.dumps(page, separators=(",", ":")).encode()
            return body
        return b"".join((head, self_link, middle, f"{self.path}?page={number + 1}".encode(), tail))

    def response(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        number = int(request.url.params.get("page", "1"))
        return httpx.Response(200, content=self.body(number), headers={"content-type": "application/ld+json"})

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            if self.rtt:
                time.sleep(self.rtt)
            return self.response(request)

        return httpx.MockTransport(handle)

    def async_transport(self) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            if self.rtt:
                await asyncio.sleep(self.rtt)
            return self.response(request)

        return httpx.MockTransport(handle)

    def latency_bound(self, window: int) -> float:
        """The least time a crawl can take: the first page, then the rest `window` at a time."""
        return self.rtt + math.ceil((self.pages - 1) / window) * self.rtt


def write_results(sections: list[tuple[str, list[str]]]) -> None:
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}" for name in ("httpx", "orjson", "attrs", "tenacity", "uvicorn")
    )
    lines = [
        "# make bench: results",
        "",
        "Written by `make bench` (benchmarks/run_all.py); every number comes from the run that wrote this file.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {versions}",
        "",
    ]
    for title, body in sections:
        lines += [f"## {title}", "", *body, ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return out
