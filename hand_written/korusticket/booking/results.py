"""What the booking workflows return, and the errors only they raise."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Protocol

from korusticket.booking.inputs import Item
from korusticket.errors import InvalidRequestError, KorusTicketError

if TYPE_CHECKING:  # annotations only: the models load when an answer is parsed, not with the client
    from korusticket_client.models import (
        BookingOrder,
        BookingOrderItemTicket,
        BookingReservation,
        TicketingOffer,
        TicketingOfferTicket,
        TicketingOfferTicketSession,
    )

__all__ = [
    "Booking",
    "BookingIncompleteError",
    "CalendarDay",
    "DocumentsNotReadyError",
    "HeldReservation",
    "Hold",
    "OfferChoice",
    "OrderFailure",
    "OrderOutcomeUnknownError",
    "OrderResult",
    "PendingBeneficiary",
    "Recovery",
    "ReferenceConflictError",
    "ReservationFailure",
    "ReservationOutcomeUnknownError",
    "ReservationResult",
    "SessionChoice",
    "Settlement",
    "TicketChoice",
]

Clock = Callable[[], datetime]


def money(value: Any) -> Decimal:
    """An amount as the API writes it ("42.32") as a Decimal; never through a float."""
    if isinstance(value, str) and value.strip():
        return Decimal(value)
    return Decimal(0)


def _local_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class HeldReservation:
    """A reservation that holds its places until `expires_at` (on the API's clock)."""

    reservation: BookingReservation
    iri: str
    item_index: int | None
    """The position in the `items` given to `reserve`, when the answer could be matched to one."""
    item: Item | None
    expires_at: datetime | None
    total: Decimal
    """`totalAmountInclTax`."""
    clock: Clock = field(default=_local_clock, repr=False, compare=False)

    @property
    def id(self) -> str:
        """The reservation's id (the last segment of its IRI)."""
        return self.iri.rsplit("/", 1)[-1]

    def expires_in(self) -> timedelta | None:
        """Time left before the places are released (negative once expired); None if the API gave no expiry."""
        return None if self.expires_at is None else self.expires_at - self.clock()

    def is_expired(self) -> bool:
        """Whether the places were released, on the API's clock (False when the API gave no expiry)."""
        left = self.expires_in()
        return left is not None and left <= timedelta(0)

    def __getstate__(self) -> dict[str, Any]:
        # The clock may be a client's (its server time): a pickled copy reads the local clock instead.
        return {**self.__dict__, "clock": _local_clock}


@dataclass(frozen=True)
class ReservationFailure:
    """An item the API could not reserve, with its reason."""

    item_index: int
    item: Item
    offer: str
    quantity: int
    message: str


def _earliest(reservations: list[HeldReservation]) -> datetime | None:
    known = [held.expires_at for held in reservations if held.expires_at is not None]
    return min(known) if known else None


@dataclass(frozen=True)
class ReservationResult:
    """What `reserve` made: the reservations held and the items that failed, each linked to its input."""

    reservations: list[HeldReservation]
    failures: list[ReservationFailure]
    clock: Clock = field(default=_local_clock, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """Whether every item was reserved."""
        return not self.failures

    @property
    def total(self) -> Decimal:
        """The sum of the held reservations' totals (tax included)."""
        return sum((held.total for held in self.reservations), Decimal(0))

    @property
    def expires_at(self) -> datetime | None:
        """When the first of the reservations expires."""
        return _earliest(self.reservations)

    def expires_in(self) -> timedelta | None:
        """Time left before the first reservation expires (negative once it has); None without an expiry."""
        first = self.expires_at
        return None if first is None else first - self.clock()

    def is_expired(self) -> bool:
        """Whether the first reservation has expired, on the API's clock."""
        left = self.expires_in()
        return left is not None and left <= timedelta(0)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "clock": _local_clock}


@dataclass(frozen=True)
class Hold:
    """What `book` hands to the payment step: charge `total`, before `expires_at`.

    Pass `idempotency_key` to your payment provider (Stripe's `idempotency_key`, Adyen's `Idempotency-Key`, ...):
    it is derived from the external reference, so the payment step called again for the same booking, by a re-run
    after a crash that followed the payment, is recognised by the provider and does not charge twice.
    """

    reservations: list[HeldReservation]
    total: Decimal
    expires_at: datetime | None
    external_reference: str
    customer: dict[str, Any]
    idempotency_key: str = ""
    """Stable for one booking: the same for every run of `book` with this external reference, until a payment
    attempt is definitely declined (the next attempt gets a new key, so a provider does not replay the decline)."""
    retried: bool = False
    """True when the payment step was called before for this booking and its outcome never reached the ledger
    (its worker died, or the step raised): it may have charged. A provider that honours `idempotency_key` returns
    that first charge rather than making a second; with another, look the key up before charging."""


@dataclass(frozen=True)
class OrderFailure:
    """A reservation the ticketing system refused to turn into an order (`failedOrders`)."""

    reservation: str
    message: str
    index: int
    """The position of the reservation in what was given to `order`."""


@dataclass(frozen=True)
class OrderResult:
    """The orders placed (each once), and the reservations refused."""

    orders: list[BookingOrder]
    failures: list[OrderFailure]
    external_reference: str
    recovered: bool = False
    """True when the answer was lost and the outcome was settled by reading the server back."""
    adopted: list[BookingOrder] = field(default_factory=list)
    """The orders that existed before this call (an earlier run placed them) and were returned, not placed again."""

    @property
    def ok(self) -> bool:
        """Whether every reservation was ordered."""
        return not self.failures

    @property
    def total(self) -> Decimal:
        """The sum of the orders' totals (tax included)."""
        return sum((money(order.total_amount_incl_tax) for order in self.orders), Decimal(0))


@dataclass(frozen=True)
class Booking:
    """The outcome of `book`: at least one order exists. `failures` lists reservations that were not ordered."""

    orders: list[BookingOrder]
    reservations: list[HeldReservation]
    failures: list[OrderFailure]
    external_reference: str
    recovered: bool = False
    """True when an answer was lost and the outcome was settled by reading the server back."""
    adopted: bool = False
    """True when the booking existed already (an earlier run made it): it was returned, nothing was reserved,
    paid or ordered again."""
    missing: list[tuple[str, int]] = field(default_factory=list)
    """(offer IRI, quantity) of the items asked for that an adopted booking does not hold (its earlier run
    ordered only some of them)."""

    @property
    def order(self) -> BookingOrder:
        """The order, for the common booking that makes exactly one."""
        if len(self.orders) != 1:
            raise ValueError(f"this booking made {len(self.orders)} orders: read .orders")
        return self.orders[0]

    @property
    def total(self) -> Decimal:
        """The sum of the orders' totals (tax included)."""
        return sum((money(order.total_amount_incl_tax) for order in self.orders), Decimal(0))


@dataclass(frozen=True)
class Settlement:
    """What the server has for a booking (`kt.settle(...)`), read back without writing anything."""

    external_reference: str
    orders: list[BookingOrder]
    """Every order listed under the external reference, and the orders of the reservations given."""
    unordered: list[str]
    """The reservations given that no order holds: ordering them is safe (while they have not expired)."""
    elsewhere: dict[str, str] = field(default_factory=dict)
    """Reservations given that were ordered under another external reference, with what was found."""


class ReservationOutcomeUnknownError(KorusTicketError):
    """Reserving failed in a way that leaves unknown whether places are held.

    No order can come of it: a hold that was made without our knowing is released when it expires
    (15 minutes on the demo server). `items` are the inputs of the batch that could not be settled.
    """

    def __init__(self, message: str, *, items: list[Item], held: list[HeldReservation] | None = None) -> None:
        super().__init__(message)
        self.items = items
        self.held = held or []
        """Reservations of earlier batches that were made and are known."""


class _Resolves(Protocol):
    def resolve(self, error: OrderOutcomeUnknownError) -> OrderResult: ...


class _AsyncResolves(Protocol):
    def resolve(self, error: OrderOutcomeUnknownError) -> Awaitable[OrderResult]: ...


class OrderOutcomeUnknownError(KorusTicketError):
    """The order request got no readable answer and reading the server back did not settle it in time.

    The order may exist. Do not order these reservations again yourself: settle it later with `resolve()` (or
    `await aresolve()` with `AsyncKorusTicket`), which reads the server back and returns the orders that exist,
    placing them once if none does. The error holds the facts to do so (`request`: the reservations, the customer,
    the reference), so it pickles (a job queue may store it) and any client can settle it: `error.resolve(kt)`, or
    `kt.resolve(error)`; `kt.settle(error.external_reference, reservations=error.reservations)` only reads.
    """

    def __init__(
        self,
        message: str,
        *,
        reservations: list[str],
        external_reference: str,
        orders_found: list[BookingOrder],
        request: Any = None,
        resolver: Callable[[], OrderResult] | None = None,
        async_resolver: Callable[[], Awaitable[OrderResult]] | None = None,
    ) -> None:
        super().__init__(message)
        self.request = request
        """The checked order (`korusticket.booking.order.OrderRequest`, plain data) that `resolve()` settles."""
        self.reservations = reservations
        self.external_reference = external_reference
        self.orders_found = orders_found
        """Orders already seen for some of the reservations."""
        self._resolver = resolver
        self._async_resolver = async_resolver

    def bound(
        self,
        *,
        resolver: Callable[[], OrderResult] | None = None,
        async_resolver: Callable[[], Awaitable[OrderResult]] | None = None,
    ) -> OrderOutcomeUnknownError:
        """The same facts, with the client that raised it as the means to resolve it (the clients do this)."""
        return OrderOutcomeUnknownError(
            str(self),
            reservations=self.reservations,
            external_reference=self.external_reference,
            orders_found=self.orders_found,
            request=self.request,
            resolver=resolver,
            async_resolver=async_resolver,
        )

    def resolve(self, client: _Resolves | None = None) -> OrderResult:
        """Settle the outcome now: the existing orders, or the order placed once.

        `client` is any `KorusTicket` of the same API; without it, the client that raised the error is used (an
        error that was pickled has none: pass one).
        """
        if client is not None:
            return client.resolve(self)
        if self._resolver is None:
            where = (
                "it comes from AsyncKorusTicket: use `await error.aresolve()`"
                if self._async_resolver
                else ("it was unpickled, so no client comes with it: pass one, error.resolve(kt)")
            )
            raise InvalidRequestError(f"client: required to resolve this error ({where})", argument="client")
        return self._resolver()

    async def aresolve(self, client: _AsyncResolves | None = None) -> OrderResult:
        """Settle the outcome now with an `AsyncKorusTicket` (the one that raised it, or `client`)."""
        if client is not None:
            return await client.resolve(self)
        if self._async_resolver is None:
            where = (
                "it comes from KorusTicket: use `error.resolve()`"
                if self._resolver
                else ("it was unpickled, so no client comes with it: pass one, await error.aresolve(kt)")
            )
            raise InvalidRequestError(f"client: required to resolve this error ({where})", argument="client")
        return await self._async_resolver()

    def __reduce__(self) -> Any:
        # The resolvers hold a live client: a pickled copy keeps the facts, not the means to resolve.
        state = {key: value for key, value in self.__dict__.items() if key not in ("_resolver", "_async_resolver")}
        return (_rebuild_unknown, (self.args, state))


def _rebuild_unknown(args: tuple[Any, ...], state: dict[str, Any]) -> OrderOutcomeUnknownError:
    error = OrderOutcomeUnknownError.__new__(OrderOutcomeUnknownError)
    error.args = args
    error.__dict__.update(state, _resolver=None, _async_resolver=None)
    return error


class ReferenceConflictError(KorusTicketError):
    """The external reference already names another booking: orders (or a ledger entry) for other offers or
    quantities than asked. Nothing was reserved, paid or ordered: use a new reference for a new booking."""

    def __init__(self, message: str, *, external_reference: str, orders: list[BookingOrder]) -> None:
        super().__init__(message)
        self.external_reference = external_reference
        self.orders = orders
        """The orders found under the reference (empty when the conflict is with the ledger's entry)."""


class DocumentsNotReadyError(KorusTicketError, TimeoutError):
    """An order's documents did not become downloadable within `BookingPolicy.document_wait`."""


class BookingIncompleteError(KorusTicketError):
    """`book` stopped before any order was placed; `held` lists the reservations still holding places.

    `stage` is where it stopped: "reserve" (some items could not be reserved), "payment" (the payment step
    declined or failed), or "order" (the API refused the order). Held reservations are released when they
    expire; nothing was ordered. `paid` says whether the payment step had succeeded: then the customer was
    charged for a booking that does not exist, and the charge should be refunded (a re-run with the same
    reference does not call the payment step again while the price is the same).
    """

    def __init__(
        self,
        stage: Literal["reserve", "payment", "order"],
        reason: str,
        *,
        held: list[HeldReservation],
        reservation_failures: list[ReservationFailure] | None = None,
        order_failures: list[OrderFailure] | None = None,
        paid: bool = False,
    ) -> None:
        until = _earliest(held)
        holding = (
            f"; {len(held)} reservation(s) still hold places until {until.isoformat()}"
            if held and until
            else "; no reservation is held"
        )
        charged = "; the payment step had succeeded" if paid else ""
        super().__init__(f"booking stopped at {stage}: {reason}{holding}{charged}")
        self.stage = stage
        self.paid = paid
        self.held = held
        self.reservation_failures = reservation_failures or []
        self.order_failures = order_failures or []


@dataclass(frozen=True)
class SessionChoice:
    """A session of a ticket, with the places it has left."""

    session: TicketingOfferTicketSession
    id: str
    iri: str
    available: int | None
    """Places left (None: not limited, or not said)."""


@dataclass(frozen=True)
class TicketChoice:
    """A ticket of an offer: whether it needs a session, and the sessions to choose from."""

    ticket: TicketingOfferTicket
    id: str
    iri: str
    needs_session: bool
    """False for all-day tickets (`dateAccess`)."""
    sessions: list[SessionChoice]
    """The sessions with places left (all of them when the API does not limit them)."""


@dataclass(frozen=True)
class OfferChoice:
    """What a booking page needs to know about one offer before reserving it."""

    offer: TicketingOffer
    iri: str
    tickets: list[TicketChoice]
    price: Decimal
    """The real-time price when the offer requires one (`realtimePriceRequired`), else the listed price."""
    currency: str | None
    available: int | None
    beneficiaries_may_be_required: bool | None
    """Whether the offer's product base may require named beneficiaries (None: the product base was not found)."""


@dataclass(frozen=True)
class CalendarDay:
    """An offer in `calendar`'s range: its day, its price (taxes included) and the places it has left."""

    day: date
    offer: TicketingOffer
    price: Decimal
    available: int | None
    """Places left (None: not limited, or not said)."""


@dataclass(frozen=True)
class PendingBeneficiary:
    """A ticket that needs a named beneficiary before its documents are produced."""

    ticket: BookingOrderItemTicket
    iri: str
    required_fields: list[str]
    deadline: datetime | None


RecoveryOutcome = Literal["booked", "incomplete", "unknown", "in_progress"]


@dataclass(frozen=True)
class Recovery:
    """What `kt.recover()` made of one unfinished ledger entry."""

    external_reference: str
    outcome: RecoveryOutcome
    """`booked` (the orders exist, placed now or found), `incomplete` (no order: `held` says what still holds
    places and until when), `unknown` (the server could not be read; run `recover()` again), `in_progress`
    (another worker holds the reference right now)."""
    booking: Booking | None = None
    held: list[HeldReservation] = field(default_factory=list)
    paid: bool = False
    """Whether the payment step had succeeded: an `incomplete` booking that was paid needs a refund."""
    reason: str | None = None
    idempotency_key: str | None = None
    """The booking's payment idempotency key, to look the charge up at your provider (an `unknown` outcome whose
    payment step may have charged)."""

    @property
    def held_until(self) -> datetime | None:
        """When the first reservation still held expires."""
        return _earliest(self.held)
