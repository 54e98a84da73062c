"""Bookings across real processes: workers killed with SIGKILL at random moments, and workers racing on one
reference, against the sandbox served in a process of its own that lets a reservation be ordered twice.

Every order request takes half a second on the server (a latency fault), so many kills land while an order is
on its way. Counted per run, and printed for the notes: references with a second order (duplicates), references
whose payment step succeeded but that end with no order (lost), payment steps called again after one succeeded,
references charged under two idempotency keys, and reservations left holding places until they expire.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.booking.ledgers import ledger_url
from tests.booking.served import ROOT, ServedSandbox, served_sandbox

PARALLEL = 10
KILLS_PER_BACKEND = int(os.environ.get("KORUSTICKET_KILLS", "100"))
ORDER_LATENCY = 2.0
"""Seconds each order request spends on the server before it is handled: a re-run started at once finds the
killed worker's order still on its way."""
KILL_WINDOW = 2.5
"""Kills land up to this long after a worker starts booking: a booking takes about ORDER_LATENCY + 0.3 s."""
IN_FLIGHT = float(os.environ.get("KORUSTICKET_ORDER_IN_FLIGHT", "4.0"))
"""The workers' `BookingPolicy.order_in_flight`: longer than an order takes to land, with room for a busy server."""


@pytest.fixture(scope="module")
def server() -> Iterator[ServedSandbox]:
    with served_sandbox(double_ordering=True) as running:
        yield running


@dataclass
class Worker:
    process: subprocess.Popen[str]
    reference: str
    kill_after: float | None = None
    ready_at: float = 0.0
    lines: list[dict[str, Any]] = field(default_factory=list)

    def collect(self) -> list[dict[str, Any]]:
        out, _ = self.process.communicate(timeout=120)
        self.lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        return self.lines


def start(server: ServedSandbox, ledger: str | None, task: dict[str, Any], tmp: Path, name: str) -> Worker:
    path = tmp / f"{name}.json"
    path.write_text(json.dumps(task), encoding="utf-8")
    environment = {**os.environ, **server.environ(ledger), "PYTHONPATH": f"{ROOT}:{ROOT / 'hand_written'}"}
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "tests.booking.worker", str(path)],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE if task.get("wait_for_go") else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return Worker(process, str(task.get("reference", name)))


def bookings(server: ServedSandbox, count: int, prefix: str, seed: int) -> list[tuple[str, list[dict[str, Any]]]]:
    rng = random.Random(seed)
    pool = server.offers()
    chosen = []
    for number in range(count):
        specs = [
            {"offer": offer["offer"], "quantity": rng.choice((1, 2)), "sessions": offer["sessions"]}
            for offer in rng.sample(pool, rng.choice((1, 2)))
        ]
        chosen.append((f"{prefix}-{number}", specs))
    return chosen


def payments_of(path: Path) -> dict[str, list[str]]:
    paid: dict[str, list[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            _, reference, key = line.split(" ", 2)
            paid.setdefault(reference, []).append(key)
    return paid


@dataclass
class Count:
    references: int = 0
    kills: int = 0
    duplicates: int = 0
    lost: int = 0
    payments_again: int = 0
    charged_twice: int = 0
    held: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def line(self, title: str) -> str:
        return (
            f"{title}: {self.references} references, {self.kills} SIGKILLs; {self.duplicates} duplicated, "
            f"{self.lost} lost, {self.payments_again} payment steps called again after a success, "
            f"{self.charged_twice} charged under two keys, {self.held} holds left to expire; outcomes "
            f"{dict(self.outcomes)}"
        )


def judge(server: ServedSandbox, chosen: list[tuple[str, list[dict[str, Any]]]], payments: Path, count: Count) -> None:
    orders = server.orders()
    paid = payments_of(payments)
    for reference, specs in chosen:
        count.references += 1
        placed = orders.get(reference, [])
        per_reservation = Counter(reservation for _, reservation in placed)
        if len(placed) > len(specs) or any(n > 1 for n in per_reservation.values()):
            count.duplicates += 1
        keys = paid.get(reference, [])
        if keys and not placed:
            count.lost += 1
        count.payments_again += max(len(keys) - 1, 0)
        count.charged_twice += len(set(keys)) > 1
    count.held = server.held()


def run_killing(
    server: ServedSandbox, ledger: str | None, tmp: Path, prefix: str, seed: int, kills: int, *, rerun_all: bool
) -> tuple[list[tuple[str, list[dict[str, Any]]]], Path, Count]:
    """Start a booking per reference, kill it at a random moment, then run it again at once (or leave it to
    `recover`); `PARALLEL` references at a time."""
    rng = random.Random(seed)
    chosen = bookings(server, kills, prefix, seed)
    payments = tmp / f"{prefix}-payments.log"
    count = Count()
    plans = [
        (reference, specs, rng.uniform(0.0, KILL_WINDOW), rerun_all or rng.random() < 0.5)
        for reference, specs in chosen
    ]

    def one(reference: str, specs: list[dict[str, Any]], kill_after: float, rerun: bool) -> tuple[bool, str | None]:
        task = {
            "kind": "book",
            "reference": reference,
            "items": specs,
            "payments": str(payments),
            "order_in_flight": IN_FLIGHT,
        }
        worker = start(server, ledger, task, tmp, f"{reference}-killed")
        # The re-run starts now and waits, so that it books the moment the first worker dies, as a queue's
        # retry on another worker would: the killed worker's order may still be on its way.
        again = start(server, ledger, {**task, "wait_for_go": True}, tmp, f"{reference}-again") if rerun else None
        assert worker.process.stdout is not None
        worker.process.stdout.readline()  # "ready": the kill is timed from the start of the booking
        time.sleep(kill_after)
        killed = worker.process.poll() is None
        if killed:
            os.kill(worker.process.pid, signal.SIGKILL)
        worker.collect()
        if again is None:
            return killed, None
        assert again.process.stdin is not None
        assert again.process.stdout is not None
        again.process.stdout.readline()  # ready
        again.process.stdin.write("go\n")
        again.process.stdin.flush()
        lines = again.collect()
        return killed, lines[-1]["outcome"] if lines else "no answer"

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        for killed, outcome in pool.map(lambda plan: one(*plan), plans):
            count.kills += killed
            if outcome is not None:
                count.outcomes[outcome] += 1
    return chosen, payments, count


@pytest.fixture
def latency(server: ServedSandbox) -> Iterator[None]:
    server.clear_faults()
    server.fault(kind="latency", operation="create_orders", latency=ORDER_LATENCY, times=None)
    yield
    server.clear_faults()


@pytest.mark.usefixtures("latency")
def test_killed_bookings_run_again_without_a_shared_ledger(server: ServedSandbox, tmp_path: Path) -> None:
    """The default ledger lives and dies with its process: a re-run has only the server to go by."""
    chosen, payments, count = run_killing(server, None, tmp_path, "KILL-NONE", 1, 40, rerun_all=True)
    judge(server, chosen, payments, count)
    print("\n" + count.line("no shared ledger (re-run reads the server back)"))
    assert count.lost == 0  # every re-run ends with the booking
    assert count.outcomes["booked"] == count.references


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
@pytest.mark.usefixtures("latency")
def test_killed_bookings_are_recovered_from_a_shared_ledger(
    server: ServedSandbox, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ledger = ledger_url(backend, tmp_path, request)
    prefix = f"KILL-{backend.upper()}"
    chosen, payments, count = run_killing(server, ledger, tmp_path, prefix, 2, KILLS_PER_BACKEND, rerun_all=False)
    recover = {"kind": "recover", "payments": str(payments), "order_in_flight": IN_FLIGHT}
    recovery = start(server, ledger, recover, tmp_path, f"{prefix}-recover")
    for line in recovery.collect():
        count.outcomes[f"recovered {line['outcome']}"] += 1
    judge(server, chosen, payments, count)
    print("\n" + count.line(f"{backend} ledger (half re-run at once, the rest by recover())"))
    assert count.kills >= KILLS_PER_BACKEND // 2  # most workers were killed before they finished
    assert count.duplicates == 0
    assert count.lost == 0
    assert count.charged_twice == 0  # a payment step called again (a kill between its success and the ledger's
    # record of it) gets the same idempotency key: the provider does not charge twice


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_workers_racing_on_the_same_references(
    server: ServedSandbox, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    ledger = ledger_url(backend, tmp_path, request)
    prefix = f"RACE-{backend.upper()}"
    chosen = bookings(server, 50, prefix, 3)
    payments = tmp_path / f"{prefix}-payments.log"
    server.clear_faults()
    server.faults_randomly(rate=0.1, seed=4, kinds=["status", "latency", "rate_limit", "drop_after_commit", "timeout"])
    task = {"kind": "book_all", "bookings": chosen, "payments": str(payments), "claim_wait": 120.0}
    workers = [start(server, ledger, task, tmp_path, f"{prefix}-{number}") for number in range(PARALLEL)]
    told: dict[str, set[tuple[str, ...]]] = {}
    count = Count()
    for worker in workers:
        for line in worker.collect():
            count.outcomes[line["outcome"]] += 1
            if line["outcome"] == "booked":
                told.setdefault(line["reference"], set()).add(tuple(line["orders"]))
    server.clear_faults()
    recovery = start(server, ledger, {"kind": "recover", "payments": str(payments)}, tmp_path, f"{prefix}-recover")
    for line in recovery.collect():
        count.outcomes[f"recovered {line['outcome']}"] += 1
    judge(server, chosen, payments, count)
    orders = server.orders()
    misreported = sum(
        1
        for reference, answers in told.items()
        if len(answers) > 1 or set(next(iter(answers))) != {order for order, _ in orders.get(reference, [])}
    )
    print("\n" + count.line(f"{backend} ledger, {PARALLEL} workers on each reference") + f"; {misreported} misreported")
    assert count.outcomes["booked"] >= len(chosen)  # most references were booked, by every worker
    assert count.duplicates == 0
    assert count.lost == 0
    assert misreported == 0  # every worker told "booked" was told the same orders, the ones that exist
