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

import logging

from korusticket import bodies, iri, ops
from korusticket._generated.operations import API_VERSION as __api_version__
from korusticket._raw import CallOptions, RawResponse
from korusticket._version import __version__
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
from korusticket.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
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
from korusticket.export import ExportError, ExportProgress, ExportResult, async_export_catalog, export_catalog
from korusticket.fields import money, require
from korusticket.logs import apply_environment as _apply_log_environment
from korusticket.pagination import AsyncPaginator, Page, Paginator
from korusticket.retries import RetryPolicy

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
