"""`BookingPolicy`: how hard the booking workflows try, and how long they may take."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from korusticket._operation import is_count
from korusticket.backoff import Backoff
from korusticket.errors import InvalidRequestError

__all__ = ["BookingPolicy"]


@dataclass(frozen=True)
class BookingPolicy:
    """How hard the booking workflows try before they give up, and how long they wait.

    A booking call returns or raises within about `attempts` x (the client's timeout + `max_wait`) for each
    write, plus `settle_timeout` to read back an answer that was lost, plus `claim_wait` when another worker
    holds the reference; a server's `Retry-After` longer than `max_retry_after` is not waited for.
    """

    attempts: int = 3
    """How many times one order (or reservation batch) is sent at most, each after the server was read back."""
    settle_timeout: float = 60.0
    """Seconds spent reading the server back after a lost answer before `OrderOutcomeUnknownError`."""
    first_wait: float = 0.5
    """The first wait between two attempts, in seconds; it doubles each time, with random jitter."""
    max_wait: float = 8.0
    """The longest wait between two attempts, in seconds."""
    max_retry_after: float = 60.0
    """The longest `Retry-After` a 429 to a reservation or an order is waited for; past it, the 429 is final."""
    batch_size: int = 50
    """Items per reservation request."""
    document_wait: float = 120.0
    """Seconds `download_documents` waits for documents to become downloadable."""
    claim_wait: float = 30.0
    """Seconds `book` waits for another worker that holds the same external reference (a shared ledger), before
    `BookingInProgressError`."""
    order_in_flight: float = 30.0
    """How long an order request may still reach the API after the worker that sent it died (its timeout): a re-run
    that finds such a booking in the ledger waits until this long after the request was sent before reading the
    server back, so that the read does not miss an order still on its way and place a second one."""

    def __post_init__(self) -> None:
        if not is_count(self.attempts, 1):
            raise InvalidRequestError(f"BookingPolicy.attempts: expected an integer >= 1, got {self.attempts!r}")
        if not is_count(self.batch_size, 1):
            raise InvalidRequestError(f"BookingPolicy.batch_size: expected an integer >= 1, got {self.batch_size!r}")
        for name in (
            "settle_timeout",
            "first_wait",
            "max_wait",
            "max_retry_after",
            "document_wait",
            "claim_wait",
            "order_in_flight",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise InvalidRequestError(
                    f"BookingPolicy.{name}: expected a finite number of seconds >= 0, got {value!r}"
                )

    @property
    def backoff(self) -> Backoff:
        """The waits between attempts: the same computation as the transport's `RetryPolicy`."""
        return Backoff(initial_delay=self.first_wait, max_delay=self.max_wait, max_retry_after=self.max_retry_after)

    def waits(self) -> Iterator[float]:
        """The successive waits between attempts, without a `Retry-After`."""
        backoff = self.backoff
        retry = 0
        while True:
            retry += 1
            yield backoff.delay(retry)
