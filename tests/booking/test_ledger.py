"""The booking ledger's protocol, on each backend: real SQLite files and a real PostgreSQL server, no mocks."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from korusticket import (
    BookingInProgressError,
    BookingLedger,
    ConfigurationError,
    LedgerEntry,
    LedgerError,
    MemoryLedger,
    PostgresLedger,
    SqliteLedger,
)
from korusticket.booking.ledger import SCHEMA_VERSION, LedgerReservation, ledger_from
from tests.booking.ledgers import BACKENDS, SHARED_BACKENDS, ledger_url, make_ledger
from tests.postgres import PostgresServer

ENTRY = LedgerEntry(
    "REF-1",
    "reserved",
    items=(("/v1/ticketing/catalogs/c/offers/o", 2),),
    customer={"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
    reservations=(
        LedgerReservation("/v1/booking/reservations/r", datetime(2025, 6, 1, 8, 15, tzinfo=UTC), Decimal("84.00")),
    ),
)


@pytest.fixture(params=BACKENDS)
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> BookingLedger:
    return make_ledger(request.param, tmp_path, request)


def test_an_entry_is_recorded_read_back_and_listed_until_finished(ledger: BookingLedger) -> None:
    claim = ledger.claim("REF-1", wait=0)
    assert claim.entry is None
    claim.record(ENTRY)
    assert ledger.read("REF-1") == ENTRY
    assert [entry.reference for entry in ledger.unfinished()] == ["REF-1"]
    claim.record(ENTRY.at("ordered", orders=("/v1/booking/orders/o",)))
    claim.release()
    assert ledger.unfinished() == []
    again = ledger.claim("REF-1", wait=0)
    assert again.entry is not None
    assert again.entry.orders == ("/v1/booking/orders/o",)
    assert again.entry.reservations == ENTRY.reservations  # decimals and times come back as they went in
    again.release()


def test_a_second_claim_waits_for_the_first(ledger: BookingLedger) -> None:
    first = ledger.claim("REF-2", wait=0)
    with pytest.raises(BookingInProgressError, match="REF-2") as caught:
        ledger.claim("REF-2", wait=0)
    assert caught.value.reference == "REF-2"
    other = ledger.claim("REF-OTHER", wait=0)  # another reference is not held up
    other.release()
    got: list[LedgerEntry | None] = []

    def wait_then_take() -> None:
        claim = ledger.claim("REF-2", wait=10)
        got.append(claim.entry)
        claim.release()

    waiter = threading.Thread(target=wait_then_take)
    waiter.start()
    time.sleep(0.2)
    assert got == []  # still waiting
    first.record(replace(ENTRY, reference="REF-2").at("ordered"))
    first.release()
    waiter.join(timeout=10)
    assert got
    assert got[0] is not None
    assert got[0].stage == "ordered"


def test_a_claim_past_its_wait_is_refused(ledger: BookingLedger) -> None:
    held = ledger.claim("REF-3", wait=0)
    with pytest.raises(BookingInProgressError):
        ledger.claim("REF-3", wait=0.3)
    held.release()
    ledger.claim("REF-3", wait=0).release()


def test_a_released_claim_records_nothing_more(ledger: BookingLedger) -> None:
    claim = ledger.claim("REF-4", wait=0)
    with pytest.raises(ValueError, match="REF-1"):
        claim.record(ENTRY)  # another reference's entry
    claim.release()
    claim.release()  # idempotent
    with pytest.raises(RuntimeError, match="released"):
        claim.record(replace(ENTRY, reference="REF-4"))


HOLDER = """
import sys, time
from korusticket.booking.ledger import ledger_from
ledger = ledger_from(sys.argv[1])
claim = ledger.claim("REF-KILLED", wait=0)
print("held", flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("backend", SHARED_BACKENDS)
def test_a_claim_lapses_when_its_process_is_killed(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = ledger_url(backend, tmp_path, request)
    holder = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", textwrap.dedent(HOLDER), url], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        ledger = ledger_from(url)
        with pytest.raises(BookingInProgressError):
            ledger.claim("REF-KILLED", wait=0.2)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        ledger.claim("REF-KILLED", wait=10).release()  # the kernel (or the server) let it go
    finally:
        holder.kill()
        holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()


def test_the_sqlite_file_is_private_in_wal_mode_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    ledger = SqliteLedger(path)
    ledger.claim("REF-5", wait=0).release()
    assert path.stat().st_mode & 0o077 == 0
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = "SELECT value FROM korusticket_ledger_meta WHERE key = 'schema_version'"
        version = connection.execute(meta).fetchone()
        assert version == (str(SCHEMA_VERSION),)
        connection.execute("UPDATE korusticket_ledger_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(LedgerError, match="newer korusticket"):
        SqliteLedger(path).read("REF-5")


def test_a_newer_postgres_schema_is_refused(
    postgres: PostgresServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    dsn = ledger_url("postgres", tmp_path, request)
    PostgresLedger(dsn).read("nothing")
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute("UPDATE korusticket_ledger_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(LedgerError, match="newer korusticket"):
        PostgresLedger(dsn).read("nothing")


def test_a_postgres_password_never_shows() -> None:
    ledger = PostgresLedger("postgresql://someone:hunter2-secret@127.0.0.1:1/nowhere", connect_timeout=1)
    assert "hunter2" not in repr(ledger)
    with pytest.raises(LedgerError) as caught:
        ledger.read("REF")
    assert "hunter2" not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_an_unreadable_entry_is_a_ledger_error() -> None:
    for text in ("[]", "{}", '{"version": 1, "reference": "R"}', "not json", '{"version": 7, "reference": "R"}'):
        with pytest.raises(LedgerError):
            LedgerEntry.from_json(text)


def test_ledger_urls() -> None:
    assert isinstance(ledger_from("memory:"), MemoryLedger)
    assert isinstance(ledger_from("sqlite:///relative.db"), SqliteLedger)
    assert ledger_from("sqlite:////var/lib/app/ledger.db").path == Path("/var/lib/app/ledger.db")  # type: ignore[attr-defined]
    assert isinstance(ledger_from("postgresql://u@localhost/db"), PostgresLedger)
    for bad in ("", "redis://x", "sqlite://x.db", 42):
        with pytest.raises(ConfigurationError, match="ledger"):
            ledger_from(bad)


@pytest.mark.parametrize("backend", SHARED_BACKENDS)
def test_the_ledger_stores_no_secret_and_only_the_customer_fields_an_order_needs(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from korusticket import Item, iri
    from korusticket.testing import Sandbox

    sandbox = Sandbox(seed=0)
    offer = next(
        o
        for o in sandbox.state.data.offers.values()
        if o.catalog_id == sandbox.catalog_id and o.capacity and all(t.date_access for t in o.tickets)
    )
    url = ledger_url(backend, tmp_path, request)
    customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
    with sandbox.client(ledger=url) as kt:
        kt.book(
            Item(iri.offer(offer.catalog_id, offer.id)),
            customer=customer,
            external_reference="SECRET-CHECK",
            confirm_payment=lambda hold: True,
        )
    secrets = [sandbox.client_secret, *sandbox.state.access_tokens, *sandbox.state.refresh_tokens]
    assert sandbox.state.access_tokens  # the booking did authenticate, so there was a token to leak
    if backend == "sqlite":
        stored = b"".join(path.read_bytes() for path in tmp_path.iterdir() if path.name.startswith("ledger.db"))
        reader = sqlite3.connect(tmp_path / "ledger.db")
        rows = [str(row[0]) for row in reader.execute("SELECT entry FROM korusticket_bookings")]
        reader.close()
    else:
        with psycopg.connect(url) as connection:
            rows = [str(row[0]) for row in connection.execute("SELECT entry::text FROM korusticket_bookings")]
        stored = "\n".join(rows).encode()
    assert rows
    assert all("SECRET-CHECK" in row for row in rows)
    for secret in secrets:
        assert secret.encode() not in stored
    assert LedgerEntry.from_json(rows[0]).customer == customer
