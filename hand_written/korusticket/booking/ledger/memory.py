"""`MemoryLedger`: the default ledger, for the workers (threads, tasks, clients) of one process."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from korusticket.booking.ledger import BookingInProgressError, LedgerEntry, _same_reference

__all__ = ["MemoryLedger", "forget_process_ledgers", "process_ledger"]

KEEP_FINISHED = 10_000
"""Finished entries kept (the oldest go first); the server's orders say the rest, so memory stays bounded."""


class MemoryLedger:
    """A ledger in this process's memory: claims are per reference, waits are on a condition variable.

    What it cannot do: coordinate two processes, or remember anything after the process ends. Use
    `SqliteLedger` for several processes on one host and `PostgresLedger` across hosts.
    """

    def __init__(self, *, keep_finished: int = KEEP_FINISHED) -> None:
        self._changed = threading.Condition()
        self._entries: dict[str, LedgerEntry] = {}
        self._finished: OrderedDict[str, None] = OrderedDict()
        """References of finished entries, oldest first."""
        self._claimed: set[str] = set()
        self._keep_finished = keep_finished

    def claim(self, reference: str, *, wait: float) -> _MemoryClaim:
        """Take the claim on `reference`, waiting up to `wait` seconds; `BookingInProgressError` past it."""
        deadline = time.monotonic() + wait
        with self._changed:
            while reference in self._claimed:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BookingInProgressError(reference, wait)
                self._changed.wait(left)
            self._claimed.add(reference)
            return _MemoryClaim(self, reference, self._entries.get(reference))

    def read(self, reference: str) -> LedgerEntry | None:
        """The entry of `reference`, without claiming it (None if it has none)."""
        with self._changed:
            return self._entries.get(reference)

    def unfinished(self) -> list[LedgerEntry]:
        """Every entry whose booking has not reached an end, oldest first."""
        with self._changed:
            return [entry for entry in self._entries.values() if not entry.finished]

    def close(self) -> None:
        """Nothing to free: the entries live as long as the ledger."""

    def _store(self, entry: LedgerEntry) -> None:
        with self._changed:
            self._entries[entry.reference] = entry
            if not entry.finished:
                self._finished.pop(entry.reference, None)
                return
            self._finished[entry.reference] = None
            self._finished.move_to_end(entry.reference)
            while len(self._finished) > self._keep_finished:
                oldest, _ = self._finished.popitem(last=False)
                self._entries.pop(oldest, None)

    def _release(self, reference: str) -> None:
        with self._changed:
            self._claimed.discard(reference)
            self._changed.notify_all()

    def __repr__(self) -> str:
        return f"MemoryLedger({len(self._entries)} entries)"


class _MemoryClaim:
    def __init__(self, ledger: MemoryLedger, reference: str, entry: LedgerEntry | None) -> None:
        self.reference = reference
        self.entry = entry
        self._ledger: MemoryLedger | None = ledger

    def record(self, entry: LedgerEntry) -> None:
        if self._ledger is None:
            raise RuntimeError(f"the claim on {self.reference!r} was released")
        _same_reference(self.reference, entry)
        self._ledger._store(entry)
        self.entry = entry

    def release(self) -> None:
        ledger, self._ledger = self._ledger, None
        if ledger is not None:
            ledger._release(self.reference)


_PROCESS_LEDGERS: dict[str, MemoryLedger] = {}
_PROCESS_LOCK = threading.Lock()


def process_ledger(api: str) -> MemoryLedger:
    """The memory ledger every client of this process shares for one API (its base URL)."""
    with _PROCESS_LOCK:
        ledger = _PROCESS_LEDGERS.get(api)
        if ledger is None:
            ledger = _PROCESS_LEDGERS[api] = MemoryLedger()
        return ledger


def forget_process_ledgers() -> None:
    """Drop the process's shared ledgers (the pytest plugin does it between tests); clients holding one keep it."""
    with _PROCESS_LOCK:
        _PROCESS_LEDGERS.clear()
