"""What the benchmarks share: interleaved rounds, medians with their spread, per-round ratios, the targets,
fixed page bytes with a round-trip time, memory readings, and RESULTS.md.

Every comparison here is made the same way: the candidates run in rounds, each once per round, in an order that
rotates from round to round and never runs one candidate twice in a row (`schedule`); a ratio is computed within
each round, against the baseline measured in that same round (`ratios`), and reported as the median of the rounds'
ratios with their min-max range. A machine that slows down for a while then slows a whole round, not one candidate.
`BENCH_QUICK=1` runs fewer rounds (for a look while developing; RESULTS.md comes from a full run).
"""

from __future__ import annotations

import asyncio
import gc
import importlib.metadata
import json
import math
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

RESULTS = Path(__file__).with_name("RESULTS.md")
API = "https://api.demo.korusticket.com"
TOKEN = "benchmark-token"  # noqa: S105 - the fixed-bytes server checks nothing
QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0")


def rounds(full: int, quick: int) -> int:
    """How many rounds a benchmark runs: `quick` under BENCH_QUICK=1."""
    return quick if QUICK else full


# ------------------------------------------------------------------------------------------- interleaving


def schedule(names: Iterable[str], count: int) -> list[list[str]]:
    """`count` rounds, each running every name once: the order rotates by one each round (so each name takes
    each place in turn), and a round that would start with the name the previous one ended with is rotated once
    more, so no candidate ever runs twice in a row (with two candidates, they simply alternate)."""
    order = list(names)
    if len(set(order)) != len(order):
        raise ValueError(f"names: expected distinct names, got {order!r}")
    result: list[list[str]] = []
    shift = 0
    for _ in range(count):
        this = order[shift % len(order) :] + order[: shift % len(order)] if order else []
        if result and len(order) > 1 and this[0] == result[-1][-1]:
            shift += 1
            this = order[shift % len(order) :] + order[: shift % len(order)]
        result.append(this)
        shift += 1
    return result


def interleaved(candidates: Mapping[str, Callable[[], float]], count: int) -> dict[str, list[float]]:
    """Run each candidate once per round, as `schedule` orders them; each returns the seconds it measured
    (a candidate times itself, so that its setup stays out of the number). Sample i of every name is round i's."""
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for turn in schedule(candidates, count):
        for name in turn:
            samples[name].append(candidates[name]())
    return samples


def timing(run: Callable[[], object], repeat: int = 1) -> Callable[[], float]:
    """A candidate of `interleaved`: `repeat` runs of `run`, the seconds per run.

    Each sample starts from an empty collector (`gc.collect()`, untimed). Without it, a full collection that
    the garbage of every earlier candidate had brought due (10 ms and more) fell into whichever sample happened
    to be running: on the per-page bench, one sample in five of `orjson + from_dict` or `kt.call` doubled, and
    the ratios' ranges went from 0.6x to 2.4x. The collections a candidate's own allocations trigger, full ones
    included, stay in its time."""

    def measured() -> float:
        gc.collect()
        started = time.perf_counter()
        for _ in range(repeat):
            run()
        return (time.perf_counter() - started) / repeat

    return measured


@dataclass(frozen=True)
class Spread:
    """The median of some samples and their range."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, samples: Iterable[float]) -> Spread:
        values = list(samples)
        if not values:
            raise ValueError("samples: expected at least one")
        return cls(statistics.median(values), min(values), max(values))

    def show(self, scale: float = 1.0, digits: int = 3, unit: str = "") -> str:
        """`median (low-high)` in the given scale: `0.512 (0.498-0.560)`."""
        return f"{self.median * scale:.{digits}f}{unit} ({self.low * scale:.{digits}f}-{self.high * scale:.{digits}f})"


def ratios(samples: Mapping[str, list[float]], name: str, baseline: str) -> list[float]:
    """`name` over `baseline`, round by round: each ratio's two numbers come from the same round."""
    mine, base = samples[name], samples[baseline]
    if len(mine) != len(base):
        raise ValueError(f"{name} and {baseline}: expected as many rounds, got {len(mine)} and {len(base)}")
    return [value / reference for value, reference in zip(mine, base, strict=True)]


def differences(samples: Mapping[str, list[float]], name: str, baseline: str) -> list[float]:
    """`name` minus `baseline`, round by round."""
    return [value - reference for value, reference in zip(samples[name], samples[baseline], strict=True)]


# ----------------------------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    """One of issue 22's targets, as this run measured it: passed when the median of the rounds meets the limit."""

    name: str
    spread: Spread
    limit: float
    at_most: bool = True
    """True: the measured value must be <= limit; False: >= limit."""
    unit: str = "x"
    scale: float = 1.0
    digits: int = 2

    @property
    def passed(self) -> bool:
        value = self.spread.median
        return value <= self.limit if self.at_most else value >= self.limit

    def row(self) -> list[str]:
        bound = f"{'<=' if self.at_most else '>='} {self.limit * self.scale:.{self.digits}f}{self.unit}"
        measured = self.spread.show(self.scale, self.digits, self.unit)
        return [self.name, bound, measured, "pass" if self.passed else "FAIL"]


@dataclass
class Section:
    """A benchmark's part of the report: its Markdown lines and the targets it measured."""

    title: str
    lines: list[str]
    targets: list[Target]


def targets_table(targets: Iterable[Target]) -> list[str]:
    return table(["target", "limit", "measured: median (min-max)", "result"], [t.row() for t in targets])


# ------------------------------------------------------------------------------------------- fixed pages


class FixedPages:
    """Serves a collection of `total` members as the API would, from one captured page's bytes.

    Only `totalItems` and the `view` links change per page, spliced into the captured bytes, so serving costs
    microseconds and a client benchmark measures the client. `rtt` is slept per request (a thread sleep for sync
    clients, `asyncio.sleep` for async ones), the way a network round trip waits. `extra` serves other paths with
    fixed bytes (the export's small collections).
    """

    def __init__(
        self,
        page: dict[str, Any],
        path: str,
        total: int,
        rtt: float = 0.0,
        per_page: int = 50,
        extra: Mapping[str, bytes] | None = None,
    ) -> None:
        page = dict(page)
        members = (page["member"] * math.ceil(per_page / len(page["member"])))[:per_page]
        # Each member gets an @id of its own on every page (the client refuses a page that repeats another):
        # the last 8 hex digits of its UUID become the page number (spliced in per page) and its index.
        page["member"] = [
            {**member, "@id": f"{member.get('@id', '')[:-8]}@@PAGE@@{index:02x}"}
            for index, member in enumerate(members)
        ]
        page["totalItems"] = total
        page["view"] = {"@id": "@@SELF@@", "@type": "PartialCollectionView", "next": "@@NEXT@@"}
        self.path = path
        self.template = json.dumps(page, separators=(",", ":")).encode()
        head, rest = self.template.split(b"@@SELF@@")
        middle, tail = rest.split(b"@@NEXT@@")
        self.parts = (head, middle, tail)
        self.total, self.rtt, self.per_page = total, rtt, per_page
        self.pages = math.ceil(total / per_page)
        self.extra = dict(extra or {})
        self.requests = 0

    def body(self, number: int) -> bytes:
        """Page `number`'s bytes: the captured page with its own links and member @ids joined in."""
        head, middle, tail = self.parts
        self_link = f"{self.path}?page={number}".encode()
        if number >= self.pages:  # the last page: no next link, and only the members left
            body = self.template.replace(b"@@SELF@@", self_link).replace(b',"next":"@@NEXT@@"', b"")
            left = self.total - (number - 1) * self.per_page
            if left < self.per_page:
                page = json.loads(body)
                page["member"] = page["member"][:left]
                body = json.dumps(page, separators=(",", ":")).encode()
        else:
            body = b"".join((head, self_link, middle, f"{self.path}?page={number + 1}".encode(), tail))
        return body.replace(b"@@PAGE@@", b"%06d" % number)

    def response(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if request.url.path in self.extra:
            content = self.extra[request.url.path]
        else:
            content = self.body(int(request.url.params.get("page", "1")))
        return httpx.Response(200, content=content, headers={"content-type": "application/ld+json"})

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


def captured(sandbox: Any, path: str, **params: Any) -> dict[str, Any]:
    """A page of the in-process sandbox, decoded."""
    with sandbox.client() as kt:
        page: dict[str, Any] = kt.http.get(path, params=params).json()
    return page


def offer_pages(total: int, rtt: float = 0.0) -> tuple[FixedPages, str]:
    """Fixed pages of `total` offers of the sandbox's park catalog (50-member pages), and the catalog id."""
    from korusticket.testing import Sandbox

    sandbox = Sandbox(seed=0)
    path = f"/v1/ticketing/catalogs/{sandbox.catalog_id}/offers"
    return FixedPages(captured(sandbox, path, itemsPerPage=50), path, total, rtt), sandbox.catalog_id


# ------------------------------------------------------------------------------------------------ memory


def peak_rss_kb() -> int:
    """This process's peak resident set (VmHWM of /proc/self/status), in kB; 0 where there is no /proc."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


# ------------------------------------------------------------------------------------------------ report


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[str]:
    # httpcore, anyio and sniffio decide what an async request over a socket costs (see probe_async_imports)
    names = ("httpx", "httpcore", "anyio", "sniffio", "orjson", "attrs", "typer", "rich", "uvicorn")
    versions = ", ".join(f"{name} {_version(name)}" for name in names)
    try:
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        load = "unknown"
    return [
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
        f" (load average at the start: {load})",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- Packages: {versions}",
    ]


def write_results(sections: list[Section], started: str, seconds: float, command: str) -> None:
    targets = [target for section in sections for target in section.targets]
    lines = [
        "# make bench: results",
        "",
        f"Written by `{command}` (benchmarks/run_all.py) on {started}, in {seconds:.0f} s; every number comes from"
        " that run. Candidates take turns in rounds (never one twice in a row); ratios are computed within each"
        " round and shown as the median of the rounds with their min-max range; each in-process sample starts from an"
        " empty garbage collector (`timing`). Timings are asserted nowhere.",
        "",
        *machine(),
        "",
        "## Targets (issue 22)",
        "",
        *targets_table(targets),
        "",
    ]
    for section in sections:
        lines += [f"## {section.title}", "", *section.lines, ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return out
