"""Booking at 20 ms RTT on the in-process sandbox: one bulk reservation of 100 items against 100 single
calls and 100 concurrent calls, and the round trips and wall time of `kt.book`."""

from __future__ import annotations

import asyncio
import time

from benchmarks.common import table
from korusticket import Customer, Item, iri
from korusticket.testing import Sandbox
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import get_offer

RTT = 0.020
CUSTOMER: Customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}


def sandbox_and_items() -> tuple[Sandbox, list[Item]]:
    sandbox = Sandbox(seed=0, offers=2_000)
    offers = [o for o in sandbox.state.data.offers.values() if o.catalog_id == sandbox.catalog_id and o.capacity]
    all_day = [o for o in offers if all(t.date_access for t in o.tickets)][:100]
    assert len(all_day) == 100  # noqa: S101 - the benchmark needs 100 distinct offers
    return sandbox, [Item(iri.offer(o.catalog_id, o.id)) for o in all_day]


def booking() -> list[str]:
    rows = []
    sandbox, items = sandbox_and_items()
    models = []
    with sandbox.client() as kt:
        for item in items:  # offers as models: reserve() then needs no GET per item
            parsed = iri.parse(str(item.offer))
            models.append(Item(kt.call(get_offer, **parsed.identifiers)))
        sandbox.faults.inject("latency", latency=RTT, times=None)
        for name, run in (
            ("kt.reserve(100 items): bulk requests of 50", lambda: kt.reserve(models)),
            ("100 single reserve() calls", lambda: [kt.reserve(m) for m in models]),
        ):
            before = len(sandbox.state.handled)
            started = time.perf_counter()
            run()
            rows.append([name, f"{time.perf_counter() - started:.3f}", len(sandbox.state.handled) - before])

    async def concurrent() -> None:
        async with sandbox.async_client() as akt:
            await asyncio.gather(*(akt.reserve(m) for m in models))

    before = len(sandbox.state.handled)
    started = time.perf_counter()
    asyncio.run(concurrent())
    elapsed = time.perf_counter() - started
    rows.append(["100 concurrent reserve() calls (async)", f"{elapsed:.3f}", len(sandbox.state.handled) - before])
    with sandbox.client() as kt:
        kt.call(list_catalogs)  # the token first: book() is measured alone
        before = len(sandbox.state.handled)
        started = time.perf_counter()
        kt.book(models[0], customer=CUSTOMER, external_reference="BENCH-1")
        elapsed = time.perf_counter() - started
        rows.append(["kt.book (an offer model): reserve, order", f"{elapsed:.3f}", len(sandbox.state.handled) - before])
    header = ["100 reservations at 20 ms RTT (sandbox)", "seconds", "requests"]
    return table(header, rows)
