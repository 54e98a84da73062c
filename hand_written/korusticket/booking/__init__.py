"""Booking workflows on `KorusTicket` and `AsyncKorusTicket`: the one part of the SDK that knows the domain.

    result = kt.reserve([Item(offer, quantity=2, session=evening)])      # one bulk request
    placed = kt.order(result, customer=customer, external_reference="ORDER-1")   # exactly once
    booking = kt.book(items, customer=customer, external_reference="ORDER-2", confirm_payment=charge)

Every method is built on the generic core (`call`, pagination, IRIs); the logic lives in
`korusticket.booking.flows`, written once for both clients.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from korusticket.booking import flows
from korusticket.booking.flows import BookingPolicy, ReservationsInput
from korusticket.booking.inputs import Beneficiary, Customer, Item, SessionRef
from korusticket.booking.results import (
    Booking,
    BookingIncompleteError,
    CalendarDay,
    HeldReservation,
    Hold,
    OfferChoice,
    OrderFailure,
    OrderOutcomeUnknownError,
    OrderResult,
    PendingBeneficiary,
    ReservationFailure,
    ReservationOutcomeUnknownError,
    ReservationResult,
    SessionChoice,
    TicketChoice,
)
from korusticket.booking.steps import Flow, T, arun, run
from korusticket_client.models import BookingOrder, BookingOrderItemTicket, TicketingOffer

if TYPE_CHECKING:
    from korusticket.client import AsyncKorusTicket, KorusTicket

__all__ = [
    "AsyncBooking",
    "Beneficiary",
    "Booking",
    "BookingIncompleteError",
    "BookingPolicy",
    "CalendarDay",
    "Customer",
    "HeldReservation",
    "Hold",
    "Item",
    "OfferChoice",
    "OfferInput",
    "OrderFailure",
    "OrderOutcomeUnknownError",
    "OrderResult",
    "PendingBeneficiary",
    "ReservationFailure",
    "ReservationOutcomeUnknownError",
    "ReservationResult",
    "SessionChoice",
    "SessionRef",
    "SyncBooking",
    "TicketChoice",
]

OfferInput = Item | str | TicketingOffer


class SyncBooking:
    """The booking methods of `KorusTicket`."""

    booking_policy: BookingPolicy

    def reserve(self, items: Sequence[Item] | Item) -> ReservationResult:
        """Reserve offers in one bulk request (batches of `booking_policy.batch_size` items).

        Checked before sending: quantities, and that every ticket needing a session has one of its own.
        Failures are linked to the items that caused them, with the API's reason.
        """
        return self._run(flows.reserve(items, self.booking_policy))

    def order(
        self,
        reservations: ReservationsInput,
        *,
        customer: Customer,
        external_reference: str,
        notes: str | None = None,
    ) -> OrderResult:
        """Turn held reservations into orders, exactly once (call it once the payment succeeded).

        A lost answer is settled by reading the server back, never by guessing; see `korusticket.booking.flows`.
        Raises `ReservationExpiredError` (without sending, when the expiry is known), `ValidationError`,
        or `OrderOutcomeUnknownError` (with `resolve()`) when the outcome could not be settled in time.
        """
        request, expiries = flows.order_request(reservations, customer, external_reference, notes)
        return self._run(flows.order(request, expiries, self.booking_policy))

    def book(
        self,
        items: Sequence[Item] | Item,
        *,
        customer: Customer,
        external_reference: str,
        confirm_payment: Callable[[Hold], Any] | None = None,
        notes: str | None = None,
    ) -> Booking:
        """Reserve, let `confirm_payment(hold)` take the payment (False or an exception stops), then order.

        Returns once at least one order exists. Stopping earlier raises `BookingIncompleteError`, which
        lists the reservations still held and until when; `OrderOutcomeUnknownError` as for `order`.
        """
        return self._run(flows.book(items, (customer, external_reference, notes), confirm_payment, self.booking_policy))

    def offer_choice(self, offer: OfferInput, *, catalog_id: str | None = None) -> OfferChoice:
        """An offer's tickets (which need a session), sessions with places left, real-time price, beneficiaries."""
        return self._run(flows.offer_choice(offer, catalog_id))

    def calendar(
        self, catalog_id: str, start: date, end: date, *, product: str | None = None, prefetch: int = 4
    ) -> list[CalendarDay]:
        """Per day from `start` to `end` (both included): offer, price and places, for a booking page's month."""
        return self._run(flows.calendar(catalog_id, start, end, product, prefetch))

    def find_order(self, order: str) -> BookingOrder:
        """An order by id or IRI, as the server has it now."""
        return self._run(flows.find_order(order))

    def find_orders(self, external_reference: str) -> list[BookingOrder]:
        """The orders placed with this `externalReference` (a booking may group several)."""
        return self._run(flows.find_orders(external_reference))

    def pending_beneficiaries(self, order: BookingOrder | str) -> list[PendingBeneficiary]:
        """The tickets of an order (model, IRI or id) that still need a named beneficiary, and which fields."""
        return self._run(flows.pending_beneficiaries(order))

    def set_beneficiary(
        self, ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary
    ) -> BookingOrderItemTicket:
        """Name a ticket's beneficiary, checked against the fields the ticket requires before sending."""
        return self._run(flows.set_beneficiary(ticket, beneficiary))

    def download_documents(
        self, order: BookingOrder | str, directory: Path | str, *, language: str | None = None
    ) -> list[Path]:
        """Download an order's documents into `directory`, which must exist; returns the paths written.

        One PDF per document, fetched from its signed URL without the JWT (the storage is another host).
        """
        written = self._run(flows.download_documents(order, Path(directory), language, self.booking_policy))
        return cast(list[Path], written)

    def stream_documents(self, order: BookingOrder | str, stream: IO[bytes], *, language: str | None = None) -> int:
        """Write an order's documents into a binary stream; returns the number of bytes."""
        return cast(int, self._run(flows.download_documents(order, stream, language, self.booking_policy)))

    def _run(self, flow: Flow[T]) -> T:
        client = cast("KorusTicket", self)
        try:
            return run(client, flow)
        except OrderOutcomeUnknownError as error:
            request = error.request
            if request is not None:
                error._resolver = lambda: self._run(flows.order(request, [], self.booking_policy, resume=True))
            raise


class AsyncBooking:
    """The booking methods of `AsyncKorusTicket`; see `SyncBooking`."""

    booking_policy: BookingPolicy

    async def reserve(self, items: Sequence[Item] | Item) -> ReservationResult:
        """Reserve offers in one bulk request; the async twin of `KorusTicket.reserve`."""
        return await self._run(flows.reserve(items, self.booking_policy))

    async def order(
        self,
        reservations: ReservationsInput,
        *,
        customer: Customer,
        external_reference: str,
        notes: str | None = None,
    ) -> OrderResult:
        """Turn held reservations into orders, exactly once; the async twin of `KorusTicket.order`."""
        request, expiries = flows.order_request(reservations, customer, external_reference, notes)
        return await self._run(flows.order(request, expiries, self.booking_policy))

    async def book(
        self,
        items: Sequence[Item] | Item,
        *,
        customer: Customer,
        external_reference: str,
        confirm_payment: Callable[[Hold], Any] | None = None,
        notes: str | None = None,
    ) -> Booking:
        """See `KorusTicket.book`; `confirm_payment` may be a coroutine function."""
        flow = flows.book(items, (customer, external_reference, notes), confirm_payment, self.booking_policy)
        return await self._run(flow)

    async def offer_choice(self, offer: OfferInput, *, catalog_id: str | None = None) -> OfferChoice:
        """An offer's tickets, sessions with places left, price and beneficiaries; see `KorusTicket.offer_choice`."""
        return await self._run(flows.offer_choice(offer, catalog_id))

    async def calendar(
        self, catalog_id: str, start: date, end: date, *, product: str | None = None, prefetch: int = 4
    ) -> list[CalendarDay]:
        """Per day from `start` to `end` (both included): offer, price and places; see `KorusTicket.calendar`."""
        return await self._run(flows.calendar(catalog_id, start, end, product, prefetch))

    async def find_order(self, order: str) -> BookingOrder:
        """An order by id or IRI, as the server has it now."""
        return await self._run(flows.find_order(order))

    async def find_orders(self, external_reference: str) -> list[BookingOrder]:
        """The orders placed with this `externalReference` (a booking may group several)."""
        return await self._run(flows.find_orders(external_reference))

    async def pending_beneficiaries(self, order: BookingOrder | str) -> list[PendingBeneficiary]:
        """The tickets of an order (model, IRI or id) that still need a named beneficiary, and which fields."""
        return await self._run(flows.pending_beneficiaries(order))

    async def set_beneficiary(
        self, ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary
    ) -> BookingOrderItemTicket:
        """Name a ticket's beneficiary, checked against the fields the ticket requires before sending."""
        return await self._run(flows.set_beneficiary(ticket, beneficiary))

    async def download_documents(
        self, order: BookingOrder | str, directory: Path | str, *, language: str | None = None
    ) -> list[Path]:
        """Download an order's documents into `directory`, which must exist; see `KorusTicket.download_documents`."""
        written = await self._run(flows.download_documents(order, Path(directory), language, self.booking_policy))
        return cast(list[Path], written)

    async def stream_documents(
        self, order: BookingOrder | str, stream: IO[bytes], *, language: str | None = None
    ) -> int:
        """Write an order's documents into a binary stream; returns the number of bytes."""
        return cast(int, await self._run(flows.download_documents(order, stream, language, self.booking_policy)))

    async def _run(self, flow: Flow[T]) -> T:
        client = cast("AsyncKorusTicket", self)
        try:
            return await arun(client, flow)
        except OrderOutcomeUnknownError as error:
            request = error.request
            if request is not None:
                error._async_resolver = lambda: self._run(flows.order(request, [], self.booking_policy, resume=True))
            raise
