"""The booking ledger: what the server cannot tell a worker about a booking, kept where workers share it.

Reading the server back (the orders under an external reference) makes a re-run safe, but it cannot tell a
restarted worker which reservations it already holds, that the customer already paid, or that another worker is
on the same reference right now. The booking workflows record each stage of a booking here, under a claim on its
reference that only one worker holds at a time and that lapses when that worker dies.

Three implementations, chosen with `KorusTicket(ledger=...)` (an instance or a URL) or `KORUSTICKET_LEDGER`:

- `MemoryLedger` (the default, `memory:`): one process. Clients of one process share one per API.
- `SqliteLedger` (`sqlite:///relative/path.db`, `sqlite:////absolute/path.db`): many processes on one host.
- `PostgresLedger` (`postgresql://...`): many hosts; needs the `korusticket[postgres]` extra.

An entry holds the booking's facts: the items asked for (offer and quantity), the reservations made and when
they expire, whether the payment step succeeded and for how much, the orders placed, and the customer fields
and notes the order needs. No token, secret or signed URL is ever written to a ledger.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Literal, Protocol, runtime_checkable

from korusticket._operation import check_text
from korusticket.errors import ConfigurationError, InvalidRequestError, KorusTicketError

__all__ = [
    "FINISHED",
    "SCHEMA_VERSION",
    "BookingInProgressError",
    "BookingLedger",
    "LedgerClaim",
    "LedgerEntry",
    "LedgerError",
    "LedgerReservation",
    "Stage",
    "ledger_from",
]

SCHEMA_VERSION = 1
"""The layout of the stored entries; a ledger created by a later release says so rather than being misread."""

Stage = Literal["reserving", "reserved", "paying", "paid", "ordering", "ordered", "incomplete"]
"""Where a booking is: `reserving` (claimed, the reservation request may be under way), `reserved` (holds made,
not paid), `paying` (the payment step was called; it may have charged), `paid` (the payment step succeeded),
`ordering` (the order request may be under way), and the two ends: `ordered` (orders exist) and `incomplete`
(stopped; `reason` says why)."""
FINISHED: frozenset[Stage] = frozenset({"ordered", "incomplete"})


class LedgerError(KorusTicketError):
    """The ledger could not be read or written (a database error, a file that is not a ledger, a newer schema)."""


class BookingInProgressError(KorusTicketError):
    """Another worker holds the claim on this external reference and did not finish within the wait.

    Nothing was sent. Try again later: the other worker's booking is returned once it is done.
    """

    def __init__(self, reference: str, waited: float) -> None:
        super().__init__(
            f"external_reference {reference!r}: another worker is booking it and did not finish within "
            f"{waited:g} s; nothing was sent (try again later, or raise BookingPolicy.claim_wait)"
        )
        self.reference = reference
        self.waited = waited


@dataclass(frozen=True)
class LedgerReservation:
    """A reservation a booking made: its IRI, when it expires (API time) and its total."""

    iri: str
    expires_at: datetime | None
    total: Decimal


@dataclass(frozen=True)
class LedgerEntry:
    """One booking's facts, as the workflows record them stage by stage."""

    reference: str
    stage: Stage
    items: tuple[tuple[str, int], ...] = ()
    """(offer IRI, quantity) of every item asked for, in order."""
    customer: Mapping[str, Any] = field(default_factory=dict)
    """The customer fields the order needs (as checked before anything was sent)."""
    notes: str | None = None
    extra_body: Mapping[str, Any] = field(default_factory=dict)
    """Fields of the order body given with `extra_body=`."""
    reservations: tuple[LedgerReservation, ...] = ()
    paid: bool = False
    paid_total: Decimal | None = None
    attempt: int = 1
    """The payment attempt; part of the idempotency key, a new one only after a payment definitely failed."""
    payment_uncertain: bool = False
    """The payment step was called and did not say how it ended (its worker died, or it raised): it may have
    charged. The next call of it is told so (`Hold.retried`), with the same idempotency key."""
    orders: tuple[str, ...] = ()
    """IRIs of the orders placed."""
    reason: str | None = None
    """Why the booking stopped (`incomplete`), or what is known of an outcome left unknown."""
    updated_at: datetime | None = None
    """When the stage was recorded, on the recording worker's wall clock (UTC)."""

    @property
    def finished(self) -> bool:
        """Whether the booking reached an end: `ordered` or `incomplete`."""
        return self.stage in FINISHED

    def at(self, stage: Stage, now: datetime | None = None, **changes: Any) -> LedgerEntry:
        """This entry moved to `stage`, with `changes`."""
        return replace(self, stage=stage, updated_at=now or datetime.now(UTC), **changes)

    def to_json(self) -> str:
        """The entry as stored: JSON with the schema version; decimals and times as strings."""
        data = asdict(self)
        data["version"] = SCHEMA_VERSION
        return json.dumps(data, default=_encode, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> LedgerEntry:
        """Read a stored entry; a `LedgerError` names what is wrong with one that is not."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            version = data.pop("version", None)
            if version != SCHEMA_VERSION:
                raise LedgerError(
                    f"ledger entry of schema version {version!r}; this release reads version {SCHEMA_VERSION}"
                )
            return cls(
                reference=str(data["reference"]),
                stage=data["stage"],
                items=tuple((str(offer), int(quantity)) for offer, quantity in data.get("items", ())),
                customer=dict(data.get("customer") or {}),
                notes=data.get("notes"),
                extra_body=dict(data.get("extra_body") or {}),
                reservations=tuple(
                    LedgerReservation(
                        iri=str(held["iri"]),
                        expires_at=_time(held.get("expires_at")),
                        total=Decimal(str(held.get("total") or "0")),
                    )
                    for held in data.get("reservations", ())
                ),
                paid=bool(data.get("paid", False)),
                payment_uncertain=bool(data.get("payment_uncertain", False)),
                paid_total=Decimal(data["paid_total"]) if data.get("paid_total") is not None else None,
                attempt=int(data.get("attempt", 1)),
                orders=tuple(str(order) for order in data.get("orders", ())),
                reason=data.get("reason"),
                updated_at=_time(data.get("updated_at")),
            )
        except LedgerError:
            raise
        except (ValueError, TypeError, KeyError, ArithmeticError) as error:
            raise LedgerError(f"unreadable ledger entry ({type(error).__name__}: {error})") from None


def _same_reference(claimed: str, entry: LedgerEntry) -> None:
    if entry.reference != claimed:
        raise ValueError(f"the claim on {claimed!r} cannot record the entry of {entry.reference!r}")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be stored in the ledger")


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


@runtime_checkable
class LedgerClaim(Protocol):
    """A worker's hold on one reference: it records the booking's stages while it holds it."""

    reference: str
    entry: LedgerEntry | None
    """The entry stored when the claim was taken (None: the reference is new to this ledger)."""

    def record(self, entry: LedgerEntry) -> None:
        """Store `entry` (durably, before returning) for this claim's reference."""
        ...

    def release(self) -> None:
        """Let the next worker take the reference (idempotent)."""
        ...


@runtime_checkable
class BookingLedger(Protocol):
    """Where the booking workflows record what they did, shared by the workers that may book one reference."""

    def claim(self, reference: str, *, wait: float) -> LedgerClaim:
        """Take the claim on `reference`, waiting up to `wait` seconds for the worker that holds it.

        Raises `BookingInProgressError` past the wait. The claim lapses by itself if its worker dies.
        """
        ...

    def read(self, reference: str) -> LedgerEntry | None:
        """The entry of `reference`, without claiming it."""
        ...

    def unfinished(self) -> list[LedgerEntry]:
        """Every entry whose booking has not reached an end (`ordered` or `incomplete`)."""
        ...

    def close(self) -> None:
        """Free what the ledger holds (connections, files)."""
        ...


def ledger_from(value: Any, *, name: str = "ledger") -> BookingLedger:
    """A ledger from a `KorusTicket(ledger=...)` value: an instance, or a URL (`memory:`, `sqlite:///path`,
    `postgresql://...`). A `ConfigurationError` names `name` for anything else."""
    if isinstance(value, BookingLedger):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(
            f"{name}: expected a BookingLedger or a URL (memory:, sqlite:///path.db, postgresql://...), "
            f"got {type(value).__name__}"
        )
    try:
        check_text(value, name, limit=4000)
    except InvalidRequestError as error:
        raise ConfigurationError(str(error)) from None
    scheme, _, rest = value.partition(":")
    scheme = scheme.lower()
    if scheme == "memory":
        from korusticket.booking.ledger.memory import MemoryLedger

        return MemoryLedger()
    if scheme == "sqlite":
        if not rest.startswith("///") or len(rest) <= 3:
            raise ConfigurationError(
                f"{name}: a SQLite ledger URL is sqlite:///relative/path.db or sqlite:////absolute/path.db"
            )
        from korusticket.booking.ledger.sqlite import SqliteLedger

        return SqliteLedger(rest[3:])
    if scheme in ("postgresql", "postgres"):
        from korusticket.booking.ledger.postgres import PostgresLedger

        return PostgresLedger(value)
    raise ConfigurationError(f"{name}: unknown ledger URL scheme {scheme!r}; expected memory:, sqlite: or postgresql:")
