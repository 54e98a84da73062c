"""Booking workflows on `KorusTicket` and `AsyncKorusTicket`: the one part of the SDK that knows the domain.

    result = kt.reserve([Item(offer, quantity=2, session=evening)])      # one bulk request
    placed = kt.order(result, customer=customer, external_reference="ORDER-1")   # exactly once
    booking = kt.book(items, customer=customer, external_reference="ORDER-2", confirm_payment=charge)

Layout: `steps` (what a workflow asks its client to do), the workflows (`reserve`, `order`, `book`, `browse`,
`fulfilment`: generators of steps, no I/O), `ledger` (what the workflows record), `inputs` and `results`
(what goes in and comes out), `policy`, and `api` (the methods the clients inherit). The clients
(`korusticket.client`) perform the steps; nothing here imports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from korusticket._lazy import lazy_exports

if TYPE_CHECKING:
    from korusticket.booking.api import AsyncBooking, SyncBooking
    from korusticket.booking.inputs import Beneficiary, Customer, Item, OfferInput, SessionRef
    from korusticket.booking.ledger import BookingInProgressError, BookingLedger, LedgerEntry, LedgerError
    from korusticket.booking.policy import BookingPolicy
    from korusticket.booking.results import (
        Booking,
        BookingIncompleteError,
        CalendarDay,
        DocumentsNotReadyError,
        HeldReservation,
        Hold,
        OfferChoice,
        OrderFailure,
        OrderOutcomeUnknownError,
        OrderResult,
        PendingBeneficiary,
        Recovery,
        ReferenceConflictError,
        ReservationFailure,
        ReservationOutcomeUnknownError,
        ReservationResult,
        SessionChoice,
        Settlement,
        TicketChoice,
    )

_LAZY: dict[str, tuple[str, str | None]] = {
    "AsyncBooking": ("korusticket.booking.api", "AsyncBooking"),
    "Beneficiary": ("korusticket.booking.inputs", "Beneficiary"),
    "Booking": ("korusticket.booking.results", "Booking"),
    "BookingInProgressError": ("korusticket.booking.ledger", "BookingInProgressError"),
    "BookingIncompleteError": ("korusticket.booking.results", "BookingIncompleteError"),
    "BookingLedger": ("korusticket.booking.ledger", "BookingLedger"),
    "BookingPolicy": ("korusticket.booking.policy", "BookingPolicy"),
    "CalendarDay": ("korusticket.booking.results", "CalendarDay"),
    "Customer": ("korusticket.booking.inputs", "Customer"),
    "DocumentsNotReadyError": ("korusticket.booking.results", "DocumentsNotReadyError"),
    "HeldReservation": ("korusticket.booking.results", "HeldReservation"),
    "Hold": ("korusticket.booking.results", "Hold"),
    "Item": ("korusticket.booking.inputs", "Item"),
    "LedgerEntry": ("korusticket.booking.ledger", "LedgerEntry"),
    "LedgerError": ("korusticket.booking.ledger", "LedgerError"),
    "OfferChoice": ("korusticket.booking.results", "OfferChoice"),
    "OfferInput": ("korusticket.booking.inputs", "OfferInput"),
    "OrderFailure": ("korusticket.booking.results", "OrderFailure"),
    "OrderOutcomeUnknownError": ("korusticket.booking.results", "OrderOutcomeUnknownError"),
    "OrderResult": ("korusticket.booking.results", "OrderResult"),
    "PendingBeneficiary": ("korusticket.booking.results", "PendingBeneficiary"),
    "Recovery": ("korusticket.booking.results", "Recovery"),
    "ReferenceConflictError": ("korusticket.booking.results", "ReferenceConflictError"),
    "ReservationFailure": ("korusticket.booking.results", "ReservationFailure"),
    "ReservationOutcomeUnknownError": ("korusticket.booking.results", "ReservationOutcomeUnknownError"),
    "ReservationResult": ("korusticket.booking.results", "ReservationResult"),
    "SessionChoice": ("korusticket.booking.results", "SessionChoice"),
    "SessionRef": ("korusticket.booking.inputs", "SessionRef"),
    "Settlement": ("korusticket.booking.results", "Settlement"),
    "SyncBooking": ("korusticket.booking.api", "SyncBooking"),
    "TicketChoice": ("korusticket.booking.results", "TicketChoice"),
}
"""Public name -> (module, attribute), imported on first use (PEP 562): the clients inherit `api` without loading
the workflows, their results or the generated models they use (make bench: start-up)."""

__getattr__, __dir__ = lazy_exports(globals(), _LAZY)

__all__ = [
    "AsyncBooking",
    "Beneficiary",
    "Booking",
    "BookingInProgressError",
    "BookingIncompleteError",
    "BookingLedger",
    "BookingPolicy",
    "CalendarDay",
    "Customer",
    "DocumentsNotReadyError",
    "HeldReservation",
    "Hold",
    "Item",
    "LedgerEntry",
    "LedgerError",
    "OfferChoice",
    "OfferInput",
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
    "SessionRef",
    "Settlement",
    "SyncBooking",
    "TicketChoice",
]
