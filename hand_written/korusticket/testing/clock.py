"""The sandbox's clock: reservations and tokens expire on it, and tests move it forward."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

DEFAULT_START = datetime(2025, 6, 1, 8, 0, 0, tzinfo=UTC)


class SandboxClock:
    """A clock that only moves when told to (`advance`), or with real time when `ticking=True`."""

    def __init__(self, start: datetime = DEFAULT_START, *, ticking: bool = False) -> None:
        if start.tzinfo is None:
            raise ValueError("start: expected an aware datetime (with a time zone)")
        self._now = start.astimezone(UTC)
        self._ticking = ticking
        self._anchor = datetime.now(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The sandbox's current time (aware, UTC)."""
        with self._lock:
            if self._ticking:
                return self._now + (datetime.now(UTC) - self._anchor)
            return self._now

    def base_time(self) -> datetime:
        """The clock's time without what real time added: its start plus every `advance` (`now()` for a clock
        that does not tick). The sandbox builds its seeded catalog at this instant, so that one seed gives the
        same ids however long the process took to get from the clock's creation to the sandbox's."""
        with self._lock:
            return self._now

    def advance(self, seconds: float = 0.0, *, minutes: float = 0.0, hours: float = 0.0, days: float = 0.0) -> datetime:
        """Move time forward; returns the new time."""
        step = timedelta(seconds=seconds, minutes=minutes, hours=hours, days=days)
        if step < timedelta(0):
            raise ValueError("advance: time only moves forward")
        with self._lock:
            self._now += step
            return self._now if not self._ticking else self._now + (datetime.now(UTC) - self._anchor)

    def timestamp(self) -> float:
        """The current time as a POSIX timestamp, for code that reads `time.time()`-like clocks."""
        return self.now().timestamp()

    def __repr__(self) -> str:
        return f"SandboxClock({self.now().isoformat()})"
