"""How long to wait before trying again: one computation for the transport's retries and the booking workflows.

`RetryPolicy` (requests retried in the transport) and `BookingPolicy` (a reservation or an order sent again by
the booking workflows) both wait through a `Backoff`: exponential waits with random jitter, and the server's
`Retry-After` honoured up to a cap. A server asking for longer than the cap, or for a wait that is no number
(`inf`, `nan`, a date in the past or unreadable), never decides how long a call lasts.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from korusticket.errors import InvalidRequestError

__all__ = ["Backoff", "parse_retry_after"]


def parse_retry_after(value: str | None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds to wait from a `Retry-After` header (a number of seconds or an HTTP date), or None.

    None when the header is missing or unreadable, or is not a finite number (`inf`, `nan`, `1e400`). A
    negative number or a date in the past is 0. The value is what the server asked for: `Backoff` caps it.
    """
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return max(0.0, (when - now()).total_seconds())
    except OverflowError:  # pragma: no cover - a date beyond datetime's range cannot be parsed to begin with
        return None


@dataclass(frozen=True)
class Backoff:
    """Waits between attempts, in seconds.

    The n-th retry waits `initial_delay * 2 ** (n - 1)` plus up to `jitter` seconds at random (default: as much
    as `initial_delay`), never more than `max_delay`. A server's `Retry-After` replaces the computed wait when it
    asks for no more than `max_retry_after`; past that, `wait()` returns None: give up rather than sleep.
    """

    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: float | None = None
    """Random seconds added to each computed wait (None: `initial_delay`), so that clients do not retry in step."""

    def __post_init__(self) -> None:
        for name in ("initial_delay", "max_delay", "max_retry_after", "jitter"):
            value = getattr(self, name)
            if value is None and name == "jitter":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise InvalidRequestError(f"{name}: expected a finite number of seconds >= 0, got {value!r}")

    def delay(self, retry: int, rng: Callable[[], float] = random.random) -> float:
        """The wait before retry number `retry` (1 for the first), without any `Retry-After`."""
        exponent = min(max(retry - 1, 0), 62)
        base = self.initial_delay * (2.0**exponent)
        spread = self.initial_delay if self.jitter is None else self.jitter
        return min(base + spread * rng(), self.max_delay)

    def wait(
        self, retry: int, retry_after: float | None = None, rng: Callable[[], float] = random.random
    ) -> float | None:
        """The wait before retry number `retry`, honouring the server's `Retry-After` (seconds, already parsed).

        None when the server asked for more than `max_retry_after`: the caller stops instead of waiting.
        """
        if retry_after is not None:
            if not math.isfinite(retry_after) or retry_after > self.max_retry_after:
                return None
            return max(0.0, retry_after)
        return self.delay(retry, rng)
