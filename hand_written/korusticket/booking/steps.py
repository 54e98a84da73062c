"""The steps a booking workflow asks its client to perform; the workflows themselves never do I/O.

Each workflow in `korusticket.booking` (`reserve`, `order`, `book`, ...) is a generator: it yields a `Step` and
receives the step's result, or has the step's exception thrown into it, as httpx's `Auth.auth_flow` yields
requests. `KorusTicket._drive` and `AsyncKorusTicket._drive` perform the steps (an exhaustive `match`), so the
booking logic is written once for both clients, and a test can drive a workflow step by step.

Every outside effect is a step: HTTP calls, reading time, waiting, the caller's payment function, a download,
and every read or write of the booking ledger.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from korusticket.auth import Secret
from korusticket.booking.ledger import LedgerEntry

__all__ = [
    "Call",
    "Callback",
    "Claim",
    "Collect",
    "Download",
    "Flow",
    "Monotonic",
    "Now",
    "Record",
    "Release",
    "Sleep",
    "Step",
    "Unfinished",
    "WallClock",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Call:
    """Call one generated operation through the client (checks, retries, errors); the result is its model."""

    operation: Any
    arguments: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Collect:
    """Every member of a collection, pages fetched `prefetch` at a time; the result is a list."""

    operation: Any
    filters: Mapping[str, Any]
    prefetch: int = 0


@dataclass(frozen=True)
class Sleep:
    """Wait this many seconds; the result is None."""

    seconds: float


@dataclass(frozen=True)
class Now:
    """The API's current time (an aware `datetime`): reservations expire on its clock, not ours."""


@dataclass(frozen=True)
class Monotonic:
    """Seconds on a clock that only goes forward (`time.monotonic()`), for the workflows' time budgets."""


@dataclass(frozen=True)
class WallClock:
    """This host's current time (an aware UTC `datetime`): the ledger's timestamps, compared between workers and
    hosts (whose clocks NTP keeps within milliseconds; the API's `Date` only says the second)."""


@dataclass(frozen=True)
class Callback:
    """Run the caller's function (the payment step); a coroutine is awaited under the async client."""

    function: Callable[[Any], Any]
    argument: Any


@dataclass(frozen=True)
class Download:
    """GET a signed URL (never with the JWT: it is on another host) into a file or a binary stream.

    The result is the number of bytes written, or the `KorusTicketError` the download failed with (its
    traceback cut: the frames below hold the signed URL, which grants access to the file).
    """

    url: Secret
    target: Path | IO[bytes]


@dataclass(frozen=True)
class Claim:
    """Take the ledger's claim on a booking reference, waiting up to `wait` seconds for another worker's.

    The result is the entry stored for the reference (None for a new one). The claim is held until the workflow
    ends, or until `Release`; past the wait, the step raises `BookingInProgressError`.
    """

    reference: str
    wait: float


@dataclass(frozen=True)
class Record:
    """Write the entry of a claimed reference to the ledger (a stage reached); the result is None."""

    entry: LedgerEntry


@dataclass(frozen=True)
class Release:
    """Give up the claim on a reference before the workflow ends (`recover` settles many in turn)."""

    reference: str


@dataclass(frozen=True)
class Unfinished:
    """The ledger's entries whose booking has not reached an end (ordered or incomplete); a list."""


Step = (
    Call | Collect | Sleep | Now | Monotonic | WallClock | Callback | Download | Claim | Record | Release | Unfinished
)
Flow = Generator[Step, Any, T]
