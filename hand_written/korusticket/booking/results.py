"""What the booking workflows return, and the errors only they raise."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal

from korusticket.booking.inputs import Item
from korusticket.errors import KorusTicketError
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
    "HeldReservation",
    "Hold",
    "OfferChoice",
    "OrderFailure",
    "OrderOutcomeUnknownError",
    "OrderResult",
    "PendingBeneficiary",
    "ReservationFailure",
    "ReservationOutcomeUnknownError",
    "ReservationResult",
    "SessionChoice",
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
        """The reservation's id, the last segment of its IRI."""
        return self.iri.rsplit("/", 1)[-1]

    def expires_in(self) -> timedelta | None:
        """Time left before the places are released (negative once expired); None if the API gave no expiry."""
        return None if self.expires_at is None else self.expires_at - self.clock()

    def is_expired(self) -> bool:
        """Whether the places are released already (on the API's clock); False when the API gave no expiry."""
        left = self.expires_in()
        return left is not None and left <= timedelta(0)


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
        """True when every item was reserved."""
        return not self.failures

    @property
    def total(self) -> Decimal:
        """What the reservations held cost together, taxes included."""
        return sum((held.total for held in self.reservations), Decimal(0))

    @property
    def expires_at(self) -> datetime | None:
        """When the first of the reservations expires."""
        return _earliest(self.reservations)

    def expires_in(self) -> timedelta | None:
        """Time left before the first reservation is released (negative once expired); None if no expiry is known."""
        first = self.expires_at
        return None if first is None else first - self.clock()

    def is_expired(self) -> bool:
        """Whether the first reservation is released already, so ordering them all would fail."""
        left = self.expires_in()
        return left is not None and left <= timedelta(0)


@dataclass(frozen=True)
class Hold:
    """What `book` hands to the payment step: charge `total`, before `expires_at`."""

    reservations: list[HeldReservation]
    total: Decimal
    expires_at: datetime | None
    external_reference: str
    customer: dict[str, Any]


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

    @property
    def ok(self) -> bool:
        """True when every reservation was ordered."""
        return not self.failures

    @property
    def total(self) -> Decimal:
        """What the orders cost together, taxes included (`totalAmountInclTax`)."""
        return sum((money(order.total_amount_incl_tax) for order in self.orders), Decimal(0))


@dataclass(frozen=True)
class Booking:
    """The outcome of `book`: at least one order exists. `failures` lists reservations that were not ordered."""

    orders: list[BookingOrder]
    reservations: list[HeldReservation]
    failures: list[OrderFailure]
    external_reference: str
    recovered: bool = False

    @property
    def order(self) -> BookingOrder:
        """The order, for the common booking that makes exactly one."""
        if len(self.orders) != 1:
            raise ValueError(f"this booking made {len(self.orders)} orders: read .orders")
        return self.orders[0]

    @property
    def total(self) -> Decimal:
        """What the orders cost together, taxes included (`totalAmountInclTax`)."""
        return sum((money(order.total_amount_incl_tax) for order in self.orders), Decimal(0))


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


class OrderOutcomeUnknownError(KorusTicketError):
    """The order request got no readable answer and reading the server back did not settle it in time.

    The order may exist. Do not order these reservations again yourself: call `resolve()` (or `await
    aresolve()` with `AsyncKorusTicket`) later; it reads the server back and returns the orders that exist,
    placing them once if none does.
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
        """The checked order (`korusticket.booking.flows.OrderRequest`) that `resolve()` settles."""
        self.reservations = reservations
        self.external_reference = external_reference
        self.orders_found = orders_found
        """Orders already seen for some of the reservations."""
        self._resolver = resolver
        self._async_resolver = async_resolver

    def resolve(self) -> OrderResult:
        """Settle the outcome now (KorusTicket): the existing orders, or the order placed once."""
        if self._resolver is None:
            raise TypeError("this error comes from AsyncKorusTicket: use `await error.aresolve()`")
        return self._resolver()

    async def aresolve(self) -> OrderResult:
        """Settle the outcome now (AsyncKorusTicket)."""
        if self._async_resolver is None:
            raise TypeError("this error comes from KorusTicket: use `error.resolve()`")
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


class BookingIncompleteError(KorusTicketError):
    """`book` stopped before any order was placed; `held` lists the reservations still holding places.

    `stage` is where it stopped: "reserve" (some items could not be reserved), "payment" (the payment step
    declined or failed), or "order" (the API refused the order). Held reservations are released when they
    expire; nothing was ordered.
    """

    def __init__(
        self,
        stage: Literal["reserve", "payment", "order"],
        reason: str,
        *,
        held: list[HeldReservation],
        reservation_failures: list[ReservationFailure] | None = None,
        order_failures: list[OrderFailure] | None = None,
    ) -> None:
        until = _earliest(held)
        holding = (
            f"; {len(held)} reservation(s) still hold places until {until.isoformat()}"
            if held and until
            else "; no reservation is held"
        )
        super().__init__(f"booking stopped at {stage}: {reason}{holding}")
        self.stage = stage
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
