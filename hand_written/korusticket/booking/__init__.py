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

from korusticket.booking.api import AsyncBooking, OfferInput, SyncBooking
from korusticket.booking.inputs import Beneficiary, Customer, Item, SessionRef
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
