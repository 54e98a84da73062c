"""A booking's time with each ledger, against the memory ledger (the default, nothing shared).

One `kt.book` (reserve, pay, order) on the in-process sandbox, at 0 ms (what the ledger itself costs) and at
20 ms RTT (what a user sees). Rounds interleave the backends, each round books one reference per backend in a
shuffled order, and every ratio is taken against the memory ledger's median from the same rounds. The
PostgreSQL server is a real one started for the run (tests/postgres.py: initdb and pg_ctl, as `nobody`
under root).
"""

from __future__ import annotations

import contextlib
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import rounds, table
from korusticket import Customer, Item, iri
from korusticket.testing import Sandbox
from tests.postgres import postgres_server

CUSTOMER: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
ROUNDS = rounds(12, 3)


@contextlib.contextmanager
def ledgers() -> Iterator[dict[str, str | None]]:
    with tempfile.TemporaryDirectory() as tmp, postgres_server() as server:
        yield {
            "memory (default)": None,
            "SqliteLedger": f"sqlite:///{Path(tmp) / 'ledger.db'}",
            "PostgresLedger": server.dsn(),
        }


def _offers(sandbox: Sandbox, count: int) -> list[Item]:
    found = [
        o
        for o in sandbox.state.data.offers.values()
        if o.catalog_id == sandbox.catalog_id and o.capacity and all(t.date_access for t in o.tickets)
    ]
    return [Item(iri.offer(o.catalog_id, o.id)) for o in found[:count]]


def _measure(rtt: float, settings: dict[str, str | None]) -> dict[str, list[float]]:
    sandbox = Sandbox(seed=0, offers=2_000)
    items = itertools.cycle(_offers(sandbox, ROUNDS * len(settings) + len(settings)))
    clients = {name: sandbox.client(ledger=url) if url else sandbox.client() for name, url in settings.items()}
    samples: dict[str, list[float]] = {name: [] for name in settings}
    order = list(settings)
    shuffle = random.Random(0)  # noqa: S311 - an order of the rounds, not a secret
    try:
        for kt in clients.values():  # the token, the schema and the connections first: book() is measured alone
            kt.book(next(items), customer=CUSTOMER, external_reference=f"WARM-{id(kt)}-{rtt}")
        if rtt:
            sandbox.faults.inject("latency", latency=rtt, times=None)
        for number in range(ROUNDS):
            shuffle.shuffle(order)
            for name in order:
                item = next(items)
                started = time.perf_counter()
                clients[name].book(item, customer=CUSTOMER, external_reference=f"LEDGER-{rtt}-{number}-{name}")
                samples[name].append(time.perf_counter() - started)
    finally:
        for kt in clients.values():
            kt.close()
    return samples


def ledger_cost() -> list[str]:
    rows = []
    with ledgers() as settings:
        for rtt in (0.0, 0.020):
            samples = _measure(rtt, settings)
            base = statistics.median(samples["memory (default)"])
            for name, times in samples.items():
                median = statistics.median(times)
                rows.append(
                    [
                        f"{rtt * 1000:.0f} ms",
                        name,
                        f"{median * 1000:.1f}",
                        f"{min(times) * 1000:.1f}-{max(times) * 1000:.1f}",
                        f"{median / base:.2f}x",
                    ]
                )
    header = ["RTT", "ledger", "kt.book median (ms)", "range (ms)", "vs memory, same rounds"]
    return [f"{ROUNDS} rounds, backends interleaved in a shuffled order each round.", "", *table(header, rows)]


if __name__ == "__main__":
    print("\n".join(ledger_cost()))
