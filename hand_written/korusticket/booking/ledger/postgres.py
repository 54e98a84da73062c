"""`PostgresLedger`: a ledger in PostgreSQL, shared by workers on many hosts (`pip install korusticket[postgres]`).

A claim is a session-level advisory lock (`pg_advisory_lock`) held on a connection of its own for as long as the
booking runs: a second worker on the reference waits inside the database (`lock_timeout` bounds the wait) rather
than polling, and the lock lapses when the worker's connection ends. A worker killed on a live host closes its
connection at once; a host that vanishes is noticed by TCP keepalives (about 30 s with the settings below).
Entries are rows written in autocommit transactions, so a stage is durable once `record` returns.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from korusticket.booking.ledger import (
    SCHEMA_VERSION,
    BookingInProgressError,
    LedgerEntry,
    LedgerError,
    _same_reference,
)
from korusticket.errors import ConfigurationError, redact

__all__ = ["PostgresLedger"]

TABLE = "korusticket_bookings"
META = "korusticket_ledger_meta"
SETUP_LOCK = 0x6B74_6C65_6467_6572  # "ktledger": serialises schema creation between workers starting together
T = TypeVar("T")
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3}


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ConfigurationError(
            "ledger: a postgresql:// ledger needs psycopg: pip install 'korusticket[postgres]'"
        ) from None
    return psycopg


class PostgresLedger:
    """A ledger in the PostgreSQL database `dsn` names (a URL or a libpq connection string).

    The table `korusticket_bookings` (and `korusticket_ledger_meta`, which holds the schema version) are
    created on first use. The DSN's password is never shown: not in the repr, not in errors.
    """

    def __init__(self, dsn: str, *, connect_timeout: float = 10.0) -> None:
        self._psycopg = _psycopg()
        self._dsn = dsn
        self._connect_timeout = connect_timeout
        self._ready = False
        self._setup_lock = threading.Lock()

    def __repr__(self) -> str:
        try:
            info = self._psycopg.conninfo.conninfo_to_dict(self._dsn)
        except Exception:
            return "PostgresLedger(***)"
        where = f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"
        return f"PostgresLedger({where!r})"

    # ------------------------------------------------------------------------------------- the protocol

    def claim(self, reference: str, *, wait: float) -> _PostgresClaim:
        """Take the claim on `reference`, waiting up to `wait` seconds; `BookingInProgressError` past it."""
        self._setup()
        connection = self._connect()
        try:
            taken = self._guard(lambda: self._lock(connection, _key(reference), wait))
            if not taken:
                raise BookingInProgressError(reference, wait)
            entry = self._read(connection, reference)
        except BaseException:
            connection.close()
            raise
        return _PostgresClaim(self, connection, reference, entry)

    def read(self, reference: str) -> LedgerEntry | None:
        """The entry of `reference`, without claiming it (None if it has none)."""
        self._setup()
        connection = self._connect()
        try:
            return self._read(connection, reference)
        finally:
            connection.close()

    def unfinished(self) -> list[LedgerEntry]:
        """Every entry whose booking has not reached an end, oldest first."""
        self._setup()
        connection = self._connect()
        try:
            rows = self._guard(
                lambda: connection.execute(
                    f"SELECT entry::text FROM {TABLE} WHERE stage NOT IN ('ordered', 'incomplete') "  # noqa: S608
                    "ORDER BY updated_at"
                ).fetchall()
            )
        finally:
            connection.close()
        return [LedgerEntry.from_json(row[0]) for row in rows]

    def close(self) -> None:
        """Connections belong to claims and to single calls: nothing stays open here."""

    # ------------------------------------------------------------------------------------- storage

    def _lock(self, connection: Any, key: int, wait: float) -> bool:
        """The advisory lock on `key` for this session: at once, or waiting up to `wait` seconds in the server."""
        if wait <= 0:
            return bool(connection.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0])
        connection.execute(f"SET lock_timeout = '{max(int(wait * 1000), 1)}ms'")
        try:
            connection.execute("SELECT pg_advisory_lock(%s)", (key,))
        except self._psycopg.errors.LockNotAvailable:
            return False
        finally:
            connection.execute("SET lock_timeout = 0")
        return True

    def _read(self, connection: Any, reference: str) -> LedgerEntry | None:
        row = self._guard(
            lambda: connection.execute(
                f"SELECT entry::text FROM {TABLE} WHERE reference = %s",  # noqa: S608 - a constant
                (reference,),
            ).fetchone()
        )
        return LedgerEntry.from_json(row[0]) if row else None

    def _store(self, connection: Any, entry: LedgerEntry) -> None:
        updated = entry.updated_at or datetime.now(UTC)
        self._guard(
            lambda: connection.execute(
                f"INSERT INTO {TABLE} (reference, stage, entry, updated_at) VALUES (%s, %s, %s::jsonb, %s) "  # noqa: S608
                "ON CONFLICT (reference) DO UPDATE SET stage = EXCLUDED.stage, entry = EXCLUDED.entry, "
                "updated_at = EXCLUDED.updated_at",
                (entry.reference, entry.stage, entry.to_json(), updated),
            )
        )

    def _connect(self) -> Any:
        return self._guard(
            lambda: self._psycopg.connect(
                self._dsn, autocommit=True, connect_timeout=max(int(self._connect_timeout), 1), **KEEPALIVES
            )
        )

    def _guard(self, action: Callable[[], T]) -> T:
        """`action()`, with psycopg's errors as `LedgerError`: the password removed, nothing chained (the chain
        holds the DSN), raised outside the except block so that not even `__context__` keeps psycopg's error."""
        failure = None
        try:
            return action()
        except self._psycopg.Error as error:
            failure = LedgerError(f"PostgreSQL ledger: {redact(str(error).strip(), self._secrets())}")
        raise failure

    def _secrets(self) -> list[str]:
        try:
            password = self._psycopg.conninfo.conninfo_to_dict(self._dsn).get("password")
        except Exception:
            return [self._dsn]
        return [self._dsn, *([str(password)] if password else [])]

    def _setup(self) -> None:
        if self._ready:
            return
        with self._setup_lock:
            if self._ready:
                return
            connection = self._connect()
            try:
                version = self._guard(lambda: self._create_schema(connection))
            finally:
                connection.close()
            if int(version) > SCHEMA_VERSION:
                raise LedgerError(
                    f"the PostgreSQL ledger has schema version {version}, written by a newer korusticket; this "
                    f"release reads version {SCHEMA_VERSION}: upgrade korusticket"
                )
            self._ready = True

    @staticmethod
    def _create_schema(connection: Any) -> str:
        """Create the tables once (concurrent first users take turns on an advisory lock); the schema version."""
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
            connection.execute(f"CREATE TABLE IF NOT EXISTS {META} (key text PRIMARY KEY, value text NOT NULL)")
            connection.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} (reference text PRIMARY KEY, stage text NOT NULL, "
                "entry jsonb NOT NULL, updated_at timestamptz NOT NULL)"
            )
            connection.execute(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_unfinished ON {TABLE} (updated_at) "
                "WHERE stage NOT IN ('ordered', 'incomplete')"
            )
            connection.execute(
                f"INSERT INTO {META} (key, value) VALUES ('schema_version', %s) ON CONFLICT DO NOTHING",  # noqa: S608
                (str(SCHEMA_VERSION),),
            )
            row = connection.execute(f"SELECT value FROM {META} WHERE key = 'schema_version'").fetchone()  # noqa: S608
        return str(row[0])


class _PostgresClaim:
    def __init__(self, ledger: PostgresLedger, connection: Any, reference: str, entry: LedgerEntry | None) -> None:
        self.reference = reference
        self.entry = entry
        self._ledger = ledger
        self._connection: Any = connection

    def record(self, entry: LedgerEntry) -> None:
        if self._connection is None:
            raise RuntimeError(f"the claim on {self.reference!r} was released")
        _same_reference(self.reference, entry)
        self._ledger._store(self._connection, entry)
        self.entry = entry

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()  # ends the session, and with it the advisory lock


def _key(reference: str) -> int:
    """A signed 64-bit advisory lock key for `reference`."""
    return int.from_bytes(hashlib.sha256(reference.encode()).digest()[:8], "big", signed=True)
