"""`SqliteLedger`: a ledger in a SQLite file, shared by the processes of one host.

Entries live in a WAL-mode database, written in a transaction that is synced before `record` returns, so a
process killed at any point leaves the last recorded stage. Claims are POSIX record locks (`fcntl.lockf`) on one
byte per reference of a lock file beside the database: the kernel releases them when the process holding them
ends, however it ends, so a claim lapses exactly when its worker dies. Within a process, a condition variable
orders the threads (record locks belong to the process, not to a thread). POSIX only (Linux, macOS).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from korusticket.booking.ledger import (
    SCHEMA_VERSION,
    BookingInProgressError,
    LedgerEntry,
    LedgerError,
    _same_reference,
)

__all__ = ["SqliteLedger"]

TABLE = "korusticket_bookings"
META = "korusticket_ledger_meta"
POLL_FIRST, POLL_MAX = 0.005, 0.1
"""Seconds between tries for a claim another process holds (the kernel offers no timed wait for record locks)."""


class SqliteLedger:
    """A ledger in the SQLite database at `path` (created on first use, mode 0600: it holds customer names)."""

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self._busy_timeout = busy_timeout
        self._ready = False
        self._setup_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SqliteLedger({str(self.path)!r})"

    # ------------------------------------------------------------------------------------- the protocol

    def claim(self, reference: str, *, wait: float) -> _SqliteClaim:
        """Take the claim on `reference`, waiting up to `wait` seconds; `BookingInProgressError` past it."""
        self._setup()
        locks = _lock_file(self.path)
        offset = _offset(reference)
        locks.acquire(reference, offset, wait)
        try:
            entry = self.read(reference)
        except BaseException:
            locks.release(reference, offset)
            raise
        return _SqliteClaim(self, locks, reference, offset, entry)

    def read(self, reference: str) -> LedgerEntry | None:
        """The entry of `reference`, without claiming it (None if it has none)."""
        self._setup()
        with self._connection() as connection:
            row = connection.execute(f"SELECT entry FROM {TABLE} WHERE reference = ?", (reference,)).fetchone()  # noqa: S608 - a constant
        return LedgerEntry.from_json(row[0]) if row else None

    def unfinished(self) -> list[LedgerEntry]:
        """Every entry whose booking has not reached an end, oldest first."""
        self._setup()
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT entry FROM {TABLE} WHERE stage NOT IN ('ordered', 'incomplete') ORDER BY updated_at"  # noqa: S608
            ).fetchall()
        return [LedgerEntry.from_json(row[0]) for row in rows]

    def close(self) -> None:
        """Connections are opened per operation: nothing stays open between calls."""

    # ------------------------------------------------------------------------------------- storage

    def _store(self, entry: LedgerEntry) -> None:
        updated = (entry.updated_at or datetime.now(UTC)).isoformat()
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                f"INSERT INTO {TABLE} (reference, stage, entry, updated_at) VALUES (?, ?, ?, ?) "  # noqa: S608
                "ON CONFLICT (reference) DO UPDATE SET stage = excluded.stage, entry = excluded.entry, "
                "updated_at = excluded.updated_at",
                (entry.reference, entry.stage, entry.to_json(), updated),
            )
            connection.execute("COMMIT")

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = sqlite3.connect(self.path, timeout=self._busy_timeout, isolation_level=None)
        except sqlite3.Error as error:
            raise LedgerError(f"ledger {self.path}: cannot open ({error})") from None
        try:
            connection.execute("PRAGMA synchronous = FULL")  # a recorded stage survives a crash of the host too
            yield connection
        except sqlite3.Error as error:
            raise LedgerError(f"ledger {self.path}: {error}") from None
        finally:
            connection.close()

    def _setup(self) -> None:
        """Create the file (0600), the schema and its version on first use; refuse a newer schema."""
        if self._ready:
            return
        with self._setup_lock:
            if self._ready:
                return
            try:
                descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise LedgerError(f"ledger {self.path}: cannot create ({error.strerror})") from None
            os.close(descriptor)
            with self._connection() as connection:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("BEGIN IMMEDIATE")
                connection.execute(f"CREATE TABLE IF NOT EXISTS {META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                connection.execute(
                    f"CREATE TABLE IF NOT EXISTS {TABLE} (reference TEXT PRIMARY KEY, stage TEXT NOT NULL, "
                    "entry TEXT NOT NULL, updated_at TEXT NOT NULL)"
                )
                connection.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_stage ON {TABLE} (stage)")
                connection.execute(
                    f"INSERT OR IGNORE INTO {META} (key, value) VALUES ('schema_version', ?)",  # noqa: S608
                    (str(SCHEMA_VERSION),),
                )
                row = connection.execute(f"SELECT value FROM {META} WHERE key = 'schema_version'").fetchone()  # noqa: S608
                connection.execute("COMMIT")
            if int(row[0]) > SCHEMA_VERSION:
                raise LedgerError(
                    f"ledger {self.path} has schema version {row[0]}, written by a newer korusticket; this release "
                    f"reads version {SCHEMA_VERSION}: upgrade korusticket"
                )
            self._ready = True


class _SqliteClaim:
    def __init__(
        self, ledger: SqliteLedger, locks: _LockFile, reference: str, offset: int, entry: LedgerEntry | None
    ) -> None:
        self.reference = reference
        self.entry = entry
        self._ledger = ledger
        self._locks: _LockFile | None = locks
        self._offset = offset

    def record(self, entry: LedgerEntry) -> None:
        if self._locks is None:
            raise RuntimeError(f"the claim on {self.reference!r} was released")
        _same_reference(self.reference, entry)
        self._ledger._store(entry)
        self.entry = entry

    def release(self) -> None:
        locks, self._locks = self._locks, None
        if locks is not None:
            locks.release(self.reference, self._offset)


def _offset(reference: str) -> int:
    """The byte of the lock file that stands for `reference` (48 bits of its hash: no two share one in practice)."""
    return int.from_bytes(hashlib.sha256(reference.encode()).digest()[:6], "big")


class _LockFile:
    """One open lock file per process and path: POSIX drops every record lock of a process on a file as soon as
    the process closes any descriptor of it, so the descriptor stays open for the life of the process."""

    def __init__(self, path: Path) -> None:
        try:
            self.descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as error:
            raise LedgerError(f"ledger lock file {path}: cannot open ({error.strerror})") from None
        self.path = path
        self.changed = threading.Condition()
        self.held: set[str] = set()

    def acquire(self, reference: str, offset: int, wait: float) -> None:
        deadline = time.monotonic() + wait
        with self.changed:  # first against the other threads of this process
            while reference in self.held:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BookingInProgressError(reference, wait)
                self.changed.wait(left)
            self.held.add(reference)
        pause = POLL_FIRST
        try:
            while True:  # then against other processes
                try:
                    fcntl.lockf(self.descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, offset)
                    return
                except OSError:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise BookingInProgressError(reference, wait) from None
                    time.sleep(min(pause, left))
                    pause = min(pause * 2, POLL_MAX)
        except BaseException:
            self._forget(reference)
            raise

    def release(self, reference: str, offset: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.lockf(self.descriptor, fcntl.LOCK_UN, 1, offset)
        self._forget(reference)

    def _forget(self, reference: str) -> None:
        with self.changed:
            self.held.discard(reference)
            self.changed.notify_all()


_LOCK_FILES: dict[str, _LockFile] = {}
_LOCK_FILES_GUARD = threading.Lock()


def _lock_file(database: Path) -> _LockFile:
    path = database.with_name(database.name + ".locks")
    key = os.path.realpath(path)
    with _LOCK_FILES_GUARD:
        found = _LOCK_FILES.get(key)
        if found is None:
            found = _LOCK_FILES[key] = _LockFile(path)
        return found


def _forget_after_fork() -> None:
    """A child process holds none of its parent's record locks: it starts with its own lock files."""
    global _LOCK_FILES_GUARD
    _LOCK_FILES_GUARD = threading.Lock()
    for lock_file in _LOCK_FILES.values():
        with contextlib.suppress(OSError):
            os.close(lock_file.descriptor)
    _LOCK_FILES.clear()


os.register_at_fork(after_in_child=_forget_after_fork)
