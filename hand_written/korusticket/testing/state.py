"""What the sandbox remembers between requests: reservations, orders, tickets, documents, tokens, and logs."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from korusticket.testing.catalog import CatalogData
from korusticket.testing.log import HISTORY, BoundedLog


@dataclass
class ReservedItem:
    offer_id: str
    quantity: int
    sessions: dict[str, str | None]
    """Offer ticket id -> session id (None for all-day tickets)."""
    unit_price: Decimal


@dataclass
class Reservation:
    id: str
    catalog_id: str
    created_at: datetime
    expires_at: datetime
    items: list[ReservedItem]
    status: Literal["reserved", "released"] = "reserved"
    order_id: str | None = None

    def expired(self, now: datetime) -> bool:
        return self.order_id is None and now >= self.expires_at


@dataclass
class IssuedTicket:
    id: str
    order_id: str
    order_item_id: str
    offer_ticket_id: str
    session_id: str | None
    voucher: str
    occurs_at: datetime | None
    required_fields: list[str]
    deadline: datetime | None
    beneficiary: dict[str, Any] | None = None

    @property
    def status(self) -> Literal["waiting_beneficiary_data", "validated"]:
        if not self.required_fields:
            return "validated"
        given = self.beneficiary or {}
        return "validated" if all(given.get(name) for name in self.required_fields) else "waiting_beneficiary_data"


@dataclass
class OrderedItem:
    id: str
    offer_id: str
    quantity: int
    sessions: dict[str, str | None]
    unit_price: Decimal
    tickets: list[IssuedTicket]


@dataclass
class Order:
    id: str
    catalog_id: str
    created_at: datetime
    reference: str
    connector_reference: str
    external_reference: str
    reservation_id: str
    customer: dict[str, Any]
    items: list[OrderedItem]
    notes: str | None
    document_ids: list[str] = field(default_factory=list)


@dataclass
class Document:
    id: str
    order_id: str
    created_at: datetime
    cached_language: str | None = None


@dataclass(frozen=True)
class StorageRequest:
    """A download from the document storage host, as the sandbox received it."""

    url: str
    authorization_sent: bool
    status: int


@dataclass(frozen=True)
class Handled:
    """One request the sandbox answered (or dropped)."""

    method: str
    path: str
    operation: str | None
    status: int | None
    """None when the connection was dropped."""
    fault: str | None = None


class SandboxState:
    """The mutable half of the sandbox: what it remembers between requests. Every change happens under `lock`,
    made by the backend's transitions (`korusticket.testing.backend`).

    The records kept only for inspection (`handled`, `storage_requests`) are `BoundedLog`s of `history`
    entries each: list-like, but a long-running sandbox does not grow without end.
    """

    def __init__(self, data: CatalogData, *, history: int = HISTORY) -> None:
        self.data = data
        self.lock = threading.RLock()
        self.reservations: dict[str, Reservation] = {}
        self.orders: dict[str, Order] = {}
        self.tickets: dict[str, IssuedTicket] = {}
        self.documents: dict[str, Document] = {}
        self.access_tokens: dict[str, datetime] = {}
        """Live tokens and when they expire, oldest first (at most `history` of each kind are kept)."""
        self.refresh_tokens: dict[str, datetime] = {}
        self.storage_requests: BoundedLog[StorageRequest] = BoundedLog(history)
        self.handled: BoundedLog[Handled] = BoundedLog(history)
        """The last requests answered (or dropped), oldest first; `handled.total` counts them all."""
        self.token_requests = 0

    @property
    def history(self) -> int:
        """How many records each log keeps."""
        return self.handled.maxlen

    def reserved_quantity(self, offer_id: str) -> int:
        """Units of an offer held by live reservations or orders (for tests and invariants)."""
        return sum(
            item.quantity
            for reservation in self.reservations.values()
            if reservation.status == "reserved"
            for item in reservation.items
            if item.offer_id == offer_id
        )
