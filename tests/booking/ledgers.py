"""Ledgers for the tests: memory, a SQLite file, and a database on the suite's own PostgreSQL server."""

from __future__ import annotations

import itertools
from pathlib import Path

import psycopg
import pytest

from korusticket import BookingLedger, MemoryLedger, PostgresLedger, SqliteLedger
from tests.postgres import PostgresServer

BACKENDS = ["memory", "sqlite", "postgres"]
SHARED_BACKENDS = ["sqlite", "postgres"]
"""The ledgers several processes can share."""
_databases = itertools.count()


def new_database(server: PostgresServer) -> str:
    """A fresh database on the server; its DSN."""
    name = f"ledger_{next(_databases)}"
    with psycopg.connect(server.dsn(), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server.dsn(name)


def ledger_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A URL for a new, empty ledger of `backend` (what `KORUSTICKET_LEDGER` or `ledger=` take)."""
    if backend == "memory":
        return "memory:"
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return new_database(server)


def make_ledger(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> BookingLedger:
    url = ledger_url(backend, tmp_path, request)
    if backend == "memory":
        return MemoryLedger()
    if backend == "sqlite":
        return SqliteLedger(url.removeprefix("sqlite:///"))
    return PostgresLedger(url)
