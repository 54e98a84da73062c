"""What the sandbox remembers between requests: reservations, orders, tickets, documents, tokens."""

from __future__ import annotations

import heapq
import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from korusticket.testing.catalog import CatalogData, Offer


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


HISTORY = 100_000
"""How many requests the sandbox remembers (a served sandbox may run for long)."""


class SandboxState:
    """The mutable half of the sandbox. Every change happens under `lock`."""

    def __init__(self, data: CatalogData) -> None:
        self.data = data
        self.lock = threading.RLock()
        self.reservations: dict[str, Reservation] = {}
        self._expiries: list[tuple[datetime, str]] = []
        """A heap of (expiresAt, reservation id): expiry checks look only at what is due."""
        self.orders: dict[str, Order] = {}
        self.tickets: dict[str, IssuedTicket] = {}
        self.documents: dict[str, Document] = {}
        self.access_tokens: dict[str, datetime] = {}
        self.refresh_tokens: dict[str, datetime] = {}
        self.storage_requests: deque[StorageRequest] = deque(maxlen=HISTORY)
        self.handled: deque[Handled] = deque(maxlen=HISTORY)
        """The last requests answered (or dropped), oldest first."""
        self.token_requests = 0

    # ------------------------------------------------------------------------------------- capacity

    def available(self, offer: Offer, quantity: int, sessions: dict[str, str | None]) -> str | None:
        """Why `quantity` units cannot be reserved, or None when they can."""
        if offer.available is not None and offer.available < quantity:
            return f"Not enough places left for this offer: {max(offer.available, 0)} remaining, {quantity} asked."
        for session_id in sessions.values():
            if session_id is not None:
                session = self.data.sessions[session_id][2]
                if session.available < quantity:
                    return f"Not enough places left for this session: {max(session.available, 0)} remaining."
        return None

    def hold(self, offer: Offer, quantity: int, sessions: dict[str, str | None], sign: int = 1) -> None:
        offer.reserved += sign * quantity
        for session_id in sessions.values():
            if session_id is not None:
                self.data.sessions[session_id][2].reserved += sign * quantity

    def add_reservation(self, reservation: Reservation) -> None:
        self.reservations[reservation.id] = reservation
        heapq.heappush(self._expiries, (reservation.expires_at, reservation.id))

    def release_expired(self, now: datetime) -> None:
        """Reservations past `expiresAt` that were not ordered give their places back."""
        while self._expiries and self._expiries[0][0] <= now:
            reservation = self.reservations[heapq.heappop(self._expiries)[1]]
            if reservation.status == "reserved" and reservation.expired(now):
                reservation.status = "released"
                for item in reservation.items:
                    self.hold(self.data.offers[item.offer_id], item.quantity, item.sessions, sign=-1)

    def reserved_quantity(self, offer_id: str) -> int:
        """Units of an offer held by live reservations or orders (for tests and invariants)."""
        return sum(
            item.quantity
            for reservation in self.reservations.values()
            if reservation.status == "reserved"
            for item in reservation.items
            if item.offer_id == offer_id
        )
