"""The booking methods of `KorusTicket` and `AsyncKorusTicket`: check the arguments, then drive a workflow.

Each method builds a workflow of `korusticket.booking` (a generator of steps) and hands it to the client's
`_drive`, declared by `BookingDriver`: this module needs no client, and the clients import it, not the reverse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from korusticket._lazy import lazy_module
from korusticket._operation import _shown, check_count
from korusticket._raw import CallOptions, check_language
from korusticket.errors import InvalidRequestError

if TYPE_CHECKING:
    from korusticket.booking import book as booking
    from korusticket.booking import browse, fulfilment, inputs, reserve, results
    from korusticket.booking import order as ordering
    from korusticket.booking.inputs import Beneficiary, Customer, Item, OfferInput
    from korusticket.booking.policy import BookingPolicy
    from korusticket.booking.results import (
        Booking,
        CalendarDay,
        Hold,
        OfferChoice,
        OrderOutcomeUnknownError,
        OrderResult,
        PendingBeneficiary,
        Recovery,
        ReservationResult,
        Settlement,
    )
    from korusticket.booking.steps import Flow
    from korusticket_client.models import BookingOrder, BookingOrderItemTicket
else:  # the workflows, their inputs and results and the generated models load on the first booking call
    booking = lazy_module("korusticket.booking.book")
    browse = lazy_module("korusticket.booking.browse")
    fulfilment = lazy_module("korusticket.booking.fulfilment")
    inputs = lazy_module("korusticket.booking.inputs")
    reserve = lazy_module("korusticket.booking.reserve")
    results = lazy_module("korusticket.booking.results")
    ordering = lazy_module("korusticket.booking.order")

__all__ = ["AsyncBooking", "AsyncDriver", "SyncBooking", "SyncDriver"]

T = TypeVar("T")
Timeout = float | httpx.Timeout | None


class SyncDriver(Protocol):
    """What the booking methods need of `KorusTicket`: a policy, the API's clock, and a driver of workflows."""

    booking_policy: BookingPolicy

    def server_time(self) -> datetime:
        """The API's current time."""
        ...

    def _drive(self, flow: Flow[T], options: CallOptions | None = None) -> T:
        """Perform the workflow's steps until it returns, with these per-call options on its requests."""
        ...


class AsyncDriver(Protocol):
    """What the booking methods need of `AsyncKorusTicket`."""

    booking_policy: BookingPolicy

    def server_time(self) -> datetime:
        """The API's current time."""
        ...

    async def _drive(self, flow: Flow[T], options: CallOptions | None = None) -> T:
        """Perform the workflow's steps until it returns."""
        ...


def _options(timeout: Timeout, max_retries: int | None) -> CallOptions | None:
    if timeout is None and max_retries is None:
        return None
    return CallOptions(timeout=timeout, max_retries=max_retries)


def _directory(directory: Path | str) -> Path:
    if not isinstance(directory, Path | str) or not str(directory):
        raise InvalidRequestError(f"directory: expected a path, got {type(directory).__name__}")
    path = Path(directory)
    if not path.is_dir():
        raise InvalidRequestError(f"directory: expected an existing directory, got {str(path)[:200]!r}")
    return path


def _days(start: Any, end: Any) -> None:
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, datetime) or not isinstance(value, date):
            raise InvalidRequestError(f"{name}: expected a datetime.date (a day), got {_shown(value)}")


def _calendar(catalog_id: str, start: date, end: date, product: str | None, prefetch: int) -> Flow[list[CalendarDay]]:
    _days(start, end)
    check_count(prefetch, "prefetch")
    return browse.calendar(catalog_id, start, end, product, prefetch)


def _stream(stream: Any) -> IO[bytes]:
    if not callable(getattr(stream, "write", None)):
        raise InvalidRequestError(f"stream: expected a binary stream (with write()), got {type(stream).__name__}")
    return stream  # type: ignore[no-any-return]


class SyncBooking(SyncDriver):
    """The booking methods of `KorusTicket`."""

    def reserve(
        self,
        items: Sequence[Item] | Item,
        *,
        extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> ReservationResult:
        """Reserve offers in one bulk request (batches of `booking_policy.batch_size` items).

        Checked before sending: quantities, and that every ticket needing a session has one of its own.
        Failures are linked to the items that caused them, with the API's reason. `extra_body` adds fields to
        the request body the SDK does not fill (a field a newer API requires), checked against its schema.
        """
        flow = reserve.reserve(items, self.booking_policy, self.server_time, extra_body)
        return self._drive(flow, _options(timeout, max_retries))

    def order(
        self,
        reservations: ordering.ReservationsInput,
        *,
        customer: Customer,
        external_reference: str,
        notes: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> OrderResult:
        """Turn held reservations into orders, exactly once (call it once the payment succeeded).

        Before sending, the server is read back: reservations already ordered under `external_reference` (by an
        earlier run of this call) are adopted, not ordered again (`OrderResult.adopted`). A lost answer is
        settled by reading back too, never by guessing. Raises `ReservationExpiredError` (without sending, when
        the expiry is known), `ValidationError`, or `OrderOutcomeUnknownError` when the outcome could not be
        settled in time.
        """
        request, expiries = ordering.order_request(reservations, customer, external_reference, notes, extra_body)
        flow = booking.order_booking(request, expiries, self.booking_policy)
        return self._drive(flow, _options(timeout, max_retries))  # type: ignore[no-any-return]

    def book(
        self,
        items: Sequence[Item] | Item,
        *,
        customer: Customer,
        external_reference: str,
        confirm_payment: Callable[[Hold], Any] | None = None,
        notes: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        reserve_extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> Booking:
        """Reserve, let `confirm_payment(hold)` take the payment (False or an exception stops), then order.

        The external reference is the booking's key: run again with the same reference (a retried job, a
        restarted worker), it returns the booking that exists (`Booking.adopted`) instead of making another,
        without calling the payment step again once it succeeded. Give `hold.idempotency_key` to your payment
        provider. With a shared ledger (`ledger=`), a second worker on the same reference waits for the first.

        Returns once at least one order exists. Stopping earlier raises `BookingIncompleteError`, which lists the
        reservations still held and until when; `OrderOutcomeUnknownError` as for `order`;
        `ReferenceConflictError` when the reference already names a booking of other offers or quantities;
        `BookingInProgressError` when another worker keeps it past `booking_policy.claim_wait`. `extra_body`
        adds fields to the order's body, `reserve_extra_body` to the reservation's.
        """
        inputs.check_callback(confirm_payment, "confirm_payment")
        request = booking.book_request(items, customer, external_reference, notes, extra_body, reserve_extra_body)
        flow = booking.book(request, confirm_payment, self.booking_policy, self.server_time)
        return self._drive(flow, _options(timeout, max_retries))

    def settle(self, external_reference: str, *, reservations: ordering.ReservationsInput | None = None) -> Settlement:
        """What exists for a booking, from the server alone (nothing is written): the orders under the reference,
        and which of `reservations` are not ordered. For facts persisted by your own code (a job's payload)."""
        reference = inputs.check_reference(external_reference)
        given = [] if reservations is None else [iri for iri, _ in ordering.reservations_of(reservations)]
        return self._drive(ordering.settle(reference, given))

    def resolve(self, error: OrderOutcomeUnknownError) -> OrderResult:
        """Settle an `OrderOutcomeUnknownError` (raised by any client, pickled or not): the orders that exist, or the
        order placed once."""
        request = _unknown_request(error)
        return self._drive(booking.order_booking(request, [], self.booking_policy, check_expiry=False))  # type: ignore[no-any-return]

    def recover(self, *, confirm_payment: Callable[[Hold], Any] | None = None) -> list[Recovery]:
        """Settle every unfinished booking of the ledger (for a worker's start-up or a cron job).

        Each becomes `booked` (the order placed now, or found), `incomplete` (with the reservations still held and
        until when; a paid one needs a refund), `unknown` (the server could not be read, or a payment may have been
        taken: see `reason` and `idempotency_key`) or `in_progress` (another worker holds it). No payment is ever
        taken: `confirm_payment(hold)` is only asked whether a charge in doubt (`hold.retried`) was made, by
        looking `hold.idempotency_key` up at your provider: True (it was) or False (it was not); any other answer,
        None included, leaves the booking `unknown`.
        """
        inputs.check_callback(confirm_payment, "confirm_payment")
        return self._drive(booking.recover(self.booking_policy, self.server_time, confirm_payment))

    def offer_choice(self, offer: OfferInput, *, catalog_id: str | None = None) -> OfferChoice:
        """An offer's tickets (which need a session), sessions with places left, real-time price, beneficiaries."""
        return self._drive(browse.offer_choice(offer, catalog_id))

    def calendar(
        self, catalog_id: str, start: date, end: date, *, product: str | None = None, prefetch: int = 4
    ) -> list[CalendarDay]:
        """Per day from `start` to `end` (both included): offer, price and places, for a booking page's month."""
        return self._drive(_calendar(catalog_id, start, end, product, prefetch))

    def find_order(self, order: BookingOrder | str) -> BookingOrder:
        """An order by model, id or IRI, as the server has it now."""
        return self._drive(fulfilment.find_order(order))

    def find_orders(self, external_reference: str) -> list[BookingOrder]:
        """The orders placed with this `externalReference` (a booking may group several)."""
        return self._drive(fulfilment.find_orders(external_reference))

    def pending_beneficiaries(self, order: BookingOrder | str) -> list[PendingBeneficiary]:
        """The tickets of an order (model, IRI or id) that still need a named beneficiary, and which fields."""
        return self._drive(fulfilment.pending_beneficiaries(order))

    def set_beneficiary(
        self, ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary
    ) -> BookingOrderItemTicket:
        """Name a ticket's beneficiary, checked against the fields the ticket requires before sending."""
        return self._drive(fulfilment.set_beneficiary(ticket, beneficiary))

    def download_documents(
        self, order: BookingOrder | str, directory: Path | str, *, language: str | None = None
    ) -> list[Path]:
        """Download an order's documents into `directory` (one PDF each); the JWT is never sent to storage.

        A file appears only once complete and checked (a `200` with a PDF); anything else is a typed error.
        """
        flow = fulfilment.download_documents(
            order, _directory(directory), check_language(language), self.booking_policy
        )
        written = self._drive(flow)
        assert isinstance(written, list)  # noqa: S101 - a directory target gives the paths
        return written

    def stream_documents(self, order: BookingOrder | str, stream: IO[bytes], *, language: str | None = None) -> int:
        """Write an order's documents into a binary stream; returns the number of bytes."""
        written = self._drive(
            fulfilment.download_documents(order, _stream(stream), check_language(language), self.booking_policy)
        )
        assert isinstance(written, int)  # noqa: S101 - a stream target gives the byte count
        return written


class AsyncBooking(AsyncDriver):
    """The booking methods of `AsyncKorusTicket`; each is the coroutine twin of `SyncBooking`'s."""

    async def reserve(
        self,
        items: Sequence[Item] | Item,
        *,
        extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> ReservationResult:
        """See `KorusTicket.reserve`."""
        flow = reserve.reserve(items, self.booking_policy, self.server_time, extra_body)
        return await self._drive(flow, _options(timeout, max_retries))

    async def order(
        self,
        reservations: ordering.ReservationsInput,
        *,
        customer: Customer,
        external_reference: str,
        notes: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> OrderResult:
        """See `KorusTicket.order`."""
        request, expiries = ordering.order_request(reservations, customer, external_reference, notes, extra_body)
        flow = booking.order_booking(request, expiries, self.booking_policy)
        return await self._drive(flow, _options(timeout, max_retries))

    async def book(
        self,
        items: Sequence[Item] | Item,
        *,
        customer: Customer,
        external_reference: str,
        confirm_payment: Callable[[Hold], Any] | None = None,
        notes: str | None = None,
        extra_body: Mapping[str, Any] | None = None,
        reserve_extra_body: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> Booking:
        """See `KorusTicket.book`; `confirm_payment` may be a coroutine function."""
        inputs.check_callback(confirm_payment, "confirm_payment")
        request = booking.book_request(items, customer, external_reference, notes, extra_body, reserve_extra_body)
        flow = booking.book(request, confirm_payment, self.booking_policy, self.server_time)
        return await self._drive(flow, _options(timeout, max_retries))

    async def settle(
        self, external_reference: str, *, reservations: ordering.ReservationsInput | None = None
    ) -> Settlement:
        """See `KorusTicket.settle`."""
        reference = inputs.check_reference(external_reference)
        given = [] if reservations is None else [iri for iri, _ in ordering.reservations_of(reservations)]
        return await self._drive(ordering.settle(reference, given))

    async def resolve(self, error: OrderOutcomeUnknownError) -> OrderResult:
        """See `KorusTicket.resolve`."""
        request = _unknown_request(error)
        flow = booking.order_booking(request, [], self.booking_policy, check_expiry=False)
        return await self._drive(flow)

    async def recover(self, *, confirm_payment: Callable[[Hold], Any] | None = None) -> list[Recovery]:
        """See `KorusTicket.recover`; `confirm_payment` may be a coroutine function."""
        inputs.check_callback(confirm_payment, "confirm_payment")
        return await self._drive(booking.recover(self.booking_policy, self.server_time, confirm_payment))

    async def offer_choice(self, offer: OfferInput, *, catalog_id: str | None = None) -> OfferChoice:
        """See `KorusTicket.offer_choice`."""
        return await self._drive(browse.offer_choice(offer, catalog_id))

    async def calendar(
        self, catalog_id: str, start: date, end: date, *, product: str | None = None, prefetch: int = 4
    ) -> list[CalendarDay]:
        """See `KorusTicket.calendar`."""
        return await self._drive(_calendar(catalog_id, start, end, product, prefetch))

    async def find_order(self, order: BookingOrder | str) -> BookingOrder:
        """See `KorusTicket.find_order`."""
        return await self._drive(fulfilment.find_order(order))

    async def find_orders(self, external_reference: str) -> list[BookingOrder]:
        """See `KorusTicket.find_orders`."""
        return await self._drive(fulfilment.find_orders(external_reference))

    async def pending_beneficiaries(self, order: BookingOrder | str) -> list[PendingBeneficiary]:
        """See `KorusTicket.pending_beneficiaries`."""
        return await self._drive(fulfilment.pending_beneficiaries(order))

    async def set_beneficiary(
        self, ticket: PendingBeneficiary | BookingOrderItemTicket | str, beneficiary: Beneficiary
    ) -> BookingOrderItemTicket:
        """See `KorusTicket.set_beneficiary`."""
        return await self._drive(fulfilment.set_beneficiary(ticket, beneficiary))

    async def download_documents(
        self, order: BookingOrder | str, directory: Path | str, *, language: str | None = None
    ) -> list[Path]:
        """See `KorusTicket.download_documents`."""
        flow = fulfilment.download_documents(
            order, _directory(directory), check_language(language), self.booking_policy
        )
        written = await self._drive(flow)
        assert isinstance(written, list)  # noqa: S101 - a directory target gives the paths
        return written

    async def stream_documents(
        self, order: BookingOrder | str, stream: IO[bytes], *, language: str | None = None
    ) -> int:
        """See `KorusTicket.stream_documents`."""
        flow = fulfilment.download_documents(order, _stream(stream), check_language(language), self.booking_policy)
        written = await self._drive(flow)
        assert isinstance(written, int)  # noqa: S101 - a stream target gives the byte count
        return written


def _unknown_request(error: Any) -> ordering.OrderRequest:
    request = getattr(error, "request", None) if isinstance(error, results.OrderOutcomeUnknownError) else None
    if not isinstance(request, ordering.OrderRequest):
        raise InvalidRequestError(
            f"error: expected an OrderOutcomeUnknownError raised by an order, got {type(error).__name__}"
        )
    return request
