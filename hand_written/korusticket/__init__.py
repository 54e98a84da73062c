"""korusticket: the Python SDK for the KorusTicket ticketing and booking API.

    from korusticket import KorusTicket
    from korusticket_client.api.ticketing_offer import get_offer, list_offers

    with KorusTicket.demo(client_id="...", client_secret="...", language="fr") as kt:
        for offer in kt.paginate(list_offers, catalog_id=catalog, date_after=day, date_before=day):
            ...
        offer = kt.call(get_offer, catalog_id=catalog, id=offer_id)

The low-level client generated from the vendor's OpenAPI description is `korusticket_client` (one
module per operation, attrs models); `kt.client` lets any of its functions run with this package's
authentication, retries and errors.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from korusticket._lazy import lazy_exports
from korusticket._version import __version__
from korusticket.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ArgumentTypeError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    CommittedWriteError,
    ConfigurationError,
    ConflictError,
    DocumentDownloadError,
    InvalidRequestError,
    KorusTicketError,
    MissingBodyFieldError,
    MissingFieldError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ReservationExpiredError,
    ResponseTooLargeError,
    ServerError,
    UnexpectedResponseError,
    ValidationError,
    Violation,
)
from korusticket.logs import apply_environment as _apply_log_environment

if TYPE_CHECKING:
    from korusticket import bodies, iri, ops
    from korusticket._generated.operations import API_VERSION as __api_version__
    from korusticket._raw import CallOptions, RawResponse
    from korusticket.auth import ClientCredentialsAuth, StaticTokenAuth
    from korusticket.backoff import Backoff
    from korusticket.booking import (
        Beneficiary,
        Booking,
        BookingIncompleteError,
        BookingInProgressError,
        BookingLedger,
        BookingPolicy,
        CalendarDay,
        Customer,
        DocumentsNotReadyError,
        HeldReservation,
        Hold,
        Item,
        LedgerEntry,
        LedgerError,
        OfferChoice,
        OrderOutcomeUnknownError,
        OrderResult,
        PendingBeneficiary,
        Recovery,
        ReferenceConflictError,
        ReservationOutcomeUnknownError,
        ReservationResult,
        Settlement,
    )
    from korusticket.booking.ledger.memory import MemoryLedger
    from korusticket.booking.ledger.postgres import PostgresLedger
    from korusticket.booking.ledger.sqlite import SqliteLedger
    from korusticket.client import DEMO_URL, PRODUCTION_URL, AsyncKorusTicket, ClientOptions, KorusTicket
    from korusticket.export import ExportError, ExportProgress, ExportResult, async_export_catalog, export_catalog
    from korusticket.fields import money, require
    from korusticket.pagination import AsyncPaginator, Page, Paginator
    from korusticket.retries import RetryPolicy

_LAZY: dict[str, tuple[str, str | None]] = {
    "bodies": ("korusticket.bodies", None),
    "iri": ("korusticket.iri", None),
    "ops": ("korusticket.ops", None),
    "__api_version__": ("korusticket._generated.operations", "API_VERSION"),
    "CallOptions": ("korusticket._raw", "CallOptions"),
    "RawResponse": ("korusticket._raw", "RawResponse"),
    "ClientCredentialsAuth": ("korusticket.auth", "ClientCredentialsAuth"),
    "StaticTokenAuth": ("korusticket.auth", "StaticTokenAuth"),
    "Backoff": ("korusticket.backoff", "Backoff"),
    "Beneficiary": ("korusticket.booking", "Beneficiary"),
    "Booking": ("korusticket.booking", "Booking"),
    "BookingIncompleteError": ("korusticket.booking", "BookingIncompleteError"),
    "BookingInProgressError": ("korusticket.booking", "BookingInProgressError"),
    "BookingLedger": ("korusticket.booking", "BookingLedger"),
    "BookingPolicy": ("korusticket.booking", "BookingPolicy"),
    "CalendarDay": ("korusticket.booking", "CalendarDay"),
    "Customer": ("korusticket.booking", "Customer"),
    "DocumentsNotReadyError": ("korusticket.booking", "DocumentsNotReadyError"),
    "HeldReservation": ("korusticket.booking", "HeldReservation"),
    "Hold": ("korusticket.booking", "Hold"),
    "Item": ("korusticket.booking", "Item"),
    "LedgerEntry": ("korusticket.booking", "LedgerEntry"),
    "LedgerError": ("korusticket.booking", "LedgerError"),
    "OfferChoice": ("korusticket.booking", "OfferChoice"),
    "OrderOutcomeUnknownError": ("korusticket.booking", "OrderOutcomeUnknownError"),
    "OrderResult": ("korusticket.booking", "OrderResult"),
    "PendingBeneficiary": ("korusticket.booking", "PendingBeneficiary"),
    "Recovery": ("korusticket.booking", "Recovery"),
    "ReferenceConflictError": ("korusticket.booking", "ReferenceConflictError"),
    "ReservationOutcomeUnknownError": ("korusticket.booking", "ReservationOutcomeUnknownError"),
    "ReservationResult": ("korusticket.booking", "ReservationResult"),
    "Settlement": ("korusticket.booking", "Settlement"),
    "MemoryLedger": ("korusticket.booking.ledger.memory", "MemoryLedger"),
    "PostgresLedger": ("korusticket.booking.ledger.postgres", "PostgresLedger"),
    "SqliteLedger": ("korusticket.booking.ledger.sqlite", "SqliteLedger"),
    "DEMO_URL": ("korusticket.client", "DEMO_URL"),
    "PRODUCTION_URL": ("korusticket.client", "PRODUCTION_URL"),
    "AsyncKorusTicket": ("korusticket.client", "AsyncKorusTicket"),
    "ClientOptions": ("korusticket.client", "ClientOptions"),
    "KorusTicket": ("korusticket.client", "KorusTicket"),
    "ExportError": ("korusticket.export", "ExportError"),
    "ExportProgress": ("korusticket.export", "ExportProgress"),
    "ExportResult": ("korusticket.export", "ExportResult"),
    "async_export_catalog": ("korusticket.export", "async_export_catalog"),
    "export_catalog": ("korusticket.export", "export_catalog"),
    "money": ("korusticket.fields", "money"),
    "require": ("korusticket.fields", "require"),
    "AsyncPaginator": ("korusticket.pagination", "AsyncPaginator"),
    "Page": ("korusticket.pagination", "Page"),
    "Paginator": ("korusticket.pagination", "Paginator"),
    "RetryPolicy": ("korusticket.retries", "RetryPolicy"),
}
"""Public name -> (module, attribute; None for the module itself), imported on first use (PEP 562): `import korusticket`
loads the errors and the log switch only, not the client, the booking workflows or the generated models (make
bench: start-up). `from korusticket import KorusTicket` imports what that name needs, as before."""


__getattr__, __dir__ = lazy_exports(globals(), _LAZY)


# A library does not decide where its log lines go: without a handler of the application's, they go nowhere,
# unless KORUSTICKET_LOG asks for them on stderr (korusticket.logs).
logging.getLogger("korusticket").addHandler(logging.NullHandler())
_apply_log_environment()

__all__ = [
    "DEMO_URL",
    "PRODUCTION_URL",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentTypeError",
    "AsyncKorusTicket",
    "AsyncPaginator",
    "AuthenticationError",
    "Backoff",
    "BadRequestError",
    "Beneficiary",
    "Booking",
    "BookingInProgressError",
    "BookingIncompleteError",
    "BookingLedger",
    "BookingPolicy",
    "CalendarDay",
    "CallOptions",
    "ClientClosedError",
    "ClientCredentialsAuth",
    "ClientOptions",
    "CommittedWriteError",
    "ConfigurationError",
    "ConflictError",
    "Customer",
    "DocumentDownloadError",
    "DocumentsNotReadyError",
    "ExportError",
    "ExportProgress",
    "ExportResult",
    "HeldReservation",
    "Hold",
    "InvalidRequestError",
    "Item",
    "KorusTicket",
    "KorusTicketError",
    "LedgerEntry",
    "LedgerError",
    "MemoryLedger",
    "MissingBodyFieldError",
    "MissingFieldError",
    "NotFoundError",
    "OfferChoice",
    "OrderOutcomeUnknownError",
    "OrderResult",
    "Page",
    "Paginator",
    "PendingBeneficiary",
    "PermissionDeniedError",
    "PostgresLedger",
    "RateLimitError",
    "RawResponse",
    "Recovery",
    "ReferenceConflictError",
    "ReservationExpiredError",
    "ReservationOutcomeUnknownError",
    "ReservationResult",
    "ResponseTooLargeError",
    "RetryPolicy",
    "ServerError",
    "Settlement",
    "SqliteLedger",
    "StaticTokenAuth",
    "UnexpectedResponseError",
    "ValidationError",
    "Violation",
    "__api_version__",
    "__version__",
    "async_export_catalog",
    "bodies",
    "export_catalog",
    "iri",
    "money",
    "ops",
    "require",
]
