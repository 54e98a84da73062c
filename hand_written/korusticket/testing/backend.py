"""`SandboxBackend`: the sandbox's state and every transition of its domain (as a moto backend is for a service).

Reserving against capacity, expiring holds, ordering, naming beneficiaries, issuing tokens and signing
download URLs happen here and nowhere else; the handlers parse a request, call one of these, and render.
Callers hold `state.lock` (the router does, for the whole request), so a change is never seen half-made.
Domain refusals are raised as `korusticket.testing.violations.Refused`, or added to a `Violations`.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import itertools
import random
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal
from urllib.parse import urlencode

from korusticket.testing.catalog import Catalog, Ids, Offer, OffersByDate, OfferTicket, ProductBase, current_price
from korusticket.testing.faults import Faults
from korusticket.testing.settings import SandboxSettings
from korusticket.testing.state import (
    Document,
    Handled,
    IssuedTicket,
    Order,
    OrderedItem,
    Reservation,
    ReservedItem,
    SandboxState,
    StorageRequest,
)
from korusticket.testing.violations import (
    ALREADY_ORDERED,
    BENEFICIARY_MISSING,
    EXPIRED,
    NOT_FOUND_ITEM,
    TOO_MANY,
    Violations,
    access_denied,
    not_found,
)

Sessions = dict[str, str | None]
"""Offer ticket id -> session id (None for an all-day ticket)."""
DOWNLOAD_LIFETIME = timedelta(minutes=15)


@dataclass(frozen=True)
class Failed:
    """An item of a bulk POST the server refused (`message`), while the others went through."""

    subject: Offer | Reservation
    """The offer (a reservation item) or the reservation (an order) refused."""
    quantity: int
    message: str


class SandboxBackend:
    """The state and its transitions, for one sandbox."""

    def __init__(self, state: SandboxState, settings: SandboxSettings, faults: Faults, *, seed: int) -> None:
        self.state = state
        self.data = state.data
        self.settings = settings
        self.faults = faults
        self.ids = Ids(random.Random(f"{seed}/bookings"))
        self._rng = random.Random(f"{seed}/references")
        self._signing_key = hashlib.sha256(f"{seed}/storage".encode()).digest()
        self._expiries: list[tuple[datetime, str]] = []
        """A heap of (expiresAt, reservation id): expiry checks look only at what is due."""
        self.offers_by_date = OffersByDate(self.data)
        self.blank_nodes = itertools.count()
        """Numbers for the blank-node `@id`s of bulk outputs (each answer gets new ones, as API Platform's do)."""

    # ------------------------------------------------------------------------------------- log

    def log_request(self, handled: Handled) -> None:
        self.state.handled.append(handled)

    # ------------------------------------------------------------------------------------- tokens

    def count_token_request(self) -> None:
        self.state.token_requests += 1

    def client_is(self, client_id: str | None, client_secret: str | None) -> bool:
        """Whether these are the sandbox's client credentials."""
        return client_id == self.settings.client_id and client_secret == self.settings.client_secret

    def issue_tokens(self, now: datetime) -> dict[str, Any]:
        """A new access and refresh token pair, living `token_lifetime` seconds on the sandbox clock."""
        access = "sbx_at_" + secrets.token_hex(16)
        refresh = "sbx_rt_" + secrets.token_hex(16)
        lifetime = self.settings.token_lifetime
        for tokens, token in ((self.state.access_tokens, access), (self.state.refresh_tokens, refresh)):
            tokens[token] = now + timedelta(seconds=lifetime)
            self._bound(tokens, now)
        return {
            "access_token": access,
            "expires_in": lifetime,
            "refresh_expires_in": lifetime,
            "refresh_token": refresh,
            "token_type": "Bearer",
        }

    def _bound(self, tokens: dict[str, datetime], now: datetime) -> None:
        # A long-running sandbox keeps at most `history` tokens of a kind: the expired go first, then the oldest.
        if len(tokens) <= self.state.history:
            return
        for token in [token for token, expires in tokens.items() if expires <= now]:
            del tokens[token]
        while len(tokens) > self.state.history:
            del tokens[next(iter(tokens))]

    def access(self, token: str, now: datetime) -> Literal["valid", "unknown", "expired"]:
        expires = self.state.access_tokens.get(token)
        if expires is None:
            return "unknown"
        return "expired" if now >= expires else "valid"

    def redeem_refresh_token(self, token: str, now: datetime) -> bool:
        """Use up a refresh token; whether it was live."""
        expires = self.state.refresh_tokens.pop(token, None)
        return expires is not None and now < expires

    # ------------------------------------------------------------------------------------- ticketing

    def catalog(self, catalog_id: str) -> Catalog:
        catalog = self.data.catalogs.get(catalog_id)
        if catalog is None:
            raise not_found()
        if not catalog.entitled:
            raise access_denied()
        return catalog

    def product_base(self, catalog_id: str, base_id: str) -> ProductBase:
        catalog = self.catalog(catalog_id)
        base = self.data.product_bases.get(base_id)
        if base is None or base.catalog_id != catalog.id:
            raise not_found()
        return base

    def offer(self, catalog_id: str, offer_id: str) -> Offer:
        catalog = self.catalog(catalog_id)
        offer = self.data.offers.get(offer_id)
        if offer is None or offer.catalog_id != catalog.id:
            raise not_found()
        return offer

    @staticmethod
    def offer_ticket(offer: Offer, ticket_id: str) -> OfferTicket:
        ticket = next((t for t in offer.tickets if t.id == ticket_id), None)
        if ticket is None:
            raise not_found()
        return ticket

    # ------------------------------------------------------------------------------------- reservations

    def reservation(self, reservation_id: str) -> Reservation:
        reservation = self.state.reservations.get(reservation_id)
        if reservation is None:
            raise not_found()
        return reservation

    def offer_to_reserve(
        self, catalog_id: str, offer_id: str, value: str, where: str, problems: Violations
    ) -> Offer | None:
        """The offer a reservation item names (by its IRI, `value`), or None with the violation added."""
        offer = self.data.offers.get(offer_id)
        if offer is None or offer.catalog_id != catalog_id:
            problems.add(where, f'Item not found for "{value}".', NOT_FOUND_ITEM)
            return None
        if not self.data.catalogs[offer.catalog_id].entitled:
            problems.add(where, "Access Denied.", NOT_FOUND_ITEM)
            return None
        return offer

    def quantity_allowed(self, offer: Offer, quantity: int, where: str, problems: Violations) -> bool:
        """Whether one order may take `quantity` of this offer (the product base's `maxAmountPerOrder`)."""
        base = self.data.product_bases[self.data.products[offer.product_id].product_base_id]
        if quantity > base.max_amount_per_order:
            problems.add(where, f"This value should be {base.max_amount_per_order} or less.", TOO_MANY)
            return False
        return True

    def shortage(self, offer: Offer, quantity: int, sessions: Sessions) -> str | None:
        """Why `quantity` units cannot be reserved, or None when they can."""
        if offer.available is not None and offer.available < quantity:
            return f"Not enough places left for this offer: {max(offer.available, 0)} remaining, {quantity} asked."
        for session_id in sessions.values():
            if session_id is not None:
                session = self.data.sessions[session_id][2]
                if session.available < quantity:
                    return f"Not enough places left for this session: {max(session.available, 0)} remaining."
        return None

    def _hold(self, offer: Offer, quantity: int, sessions: Sessions, sign: int = 1) -> None:
        offer.reserved += sign * quantity
        for session_id in sessions.values():
            if session_id is not None:
                self.data.sessions[session_id][2].reserved += sign * quantity

    def reserve(self, plans: list[tuple[Offer, int, Sessions]], now: datetime) -> list[Reservation | Failed]:
        """One reservation per item that capacity (and the fault schedule) allows, in order; the rest `Failed`."""
        results: list[Reservation | Failed] = []
        for offer, quantity, sessions in plans:
            failure = self.faults.take_item_failure("create_reservations")
            shortage = failure or self.shortage(offer, quantity, sessions)
            if shortage:
                results.append(Failed(offer, quantity, shortage))
                continue
            self._hold(offer, quantity, sessions)
            unit = current_price(self.data.products[offer.product_id], offer, now)
            reservation = Reservation(
                id=self.ids.uuid7(now),
                catalog_id=offer.catalog_id,
                created_at=now,
                expires_at=now + self.settings.reservation_lifetime,
                items=[ReservedItem(offer.id, quantity, sessions, unit)],
            )
            self.state.reservations[reservation.id] = reservation
            heapq.heappush(self._expiries, (reservation.expires_at, reservation.id))
            results.append(reservation)
        return results

    def expire(self, now: datetime) -> None:
        """Reservations past `expiresAt` that were not ordered give their places back."""
        while self._expiries and self._expiries[0][0] <= now:
            reservation = self.state.reservations[heapq.heappop(self._expiries)[1]]
            if reservation.status == "reserved" and reservation.expired(now):
                reservation.status = "released"
                for item in reservation.items:
                    self._hold(self.data.offers[item.offer_id], item.quantity, item.sessions, sign=-1)

    # ------------------------------------------------------------------------------------- orders

    def order(self, order_id: str) -> Order:
        order = self.state.orders.get(order_id)
        if order is None:
            raise not_found()
        return order

    def orderable(
        self, reservation_id: str | None, value: Any, where: str, now: datetime, problems: Violations
    ) -> Reservation | None:
        """The reservation an order names, if it may be ordered now; else None with the violation added."""
        reservation = self.state.reservations.get(reservation_id) if reservation_id else None
        if reservation is None:
            problems.add(where, f'Item not found for "{value}".', NOT_FOUND_ITEM)
            return None
        if reservation.order_id is not None and not self.settings.double_ordering:
            problems.add(f"{where}.order", "This reservation has already been ordered.", ALREADY_ORDERED)
            return None
        if reservation.status == "released" or reservation.expired(now):
            problems.add(f"{where}.expired", "La réservation a expiré", EXPIRED)
            return None
        return reservation

    def place_orders(
        self,
        reservations: list[Reservation],
        reference: str,
        customer: dict[str, Any],
        notes: str | None,
        now: datetime,
    ) -> list[Order | Failed]:
        """One order per reservation, in order, unless the fault schedule refuses the item (`Failed`)."""
        results: list[Order | Failed] = []
        for reservation in reservations:
            failure = self.faults.take_item_failure("create_orders")
            if failure:
                results.append(Failed(reservation, 1, failure))
                continue
            results.append(self._place_order(reservation, reference, customer, notes, now))
        return results

    def _place_order(
        self, reservation: Reservation, reference: str, customer: dict[str, Any], notes: str | None, now: datetime
    ) -> Order:
        order = Order(
            id=self.ids.uuid7(now),
            catalog_id=reservation.catalog_id,
            created_at=now,
            reference="KT-ORD-" + f"{self._rng.getrandbits(48):012X}",
            connector_reference=str(self._rng.randrange(1000, 99999)),
            external_reference=reference,
            reservation_id=reservation.id,
            customer=customer,
            items=[],
            notes=notes,
        )
        for reserved in reservation.items:
            offer = self.data.offers[reserved.offer_id]
            base = self.data.product_bases[self.data.products[offer.product_id].product_base_id]
            item = OrderedItem(
                self.ids.uuid7(now), offer.id, reserved.quantity, reserved.sessions, reserved.unit_price, []
            )
            for _ in range(reserved.quantity):
                for ticket in offer.tickets:
                    session_id = reserved.sessions.get(ticket.id)
                    occurs = (
                        self.data.sessions[session_id][2].occurs_at
                        if session_id
                        else datetime.combine(offer.date, time(9), UTC)
                    )
                    issued = IssuedTicket(
                        id=self.ids.uuid7(now),
                        order_id=order.id,
                        order_item_id=item.id,
                        offer_ticket_id=ticket.id,
                        session_id=session_id,
                        voucher="".join(str(self._rng.randrange(10)) for _ in range(16)),
                        occurs_at=occurs,
                        required_fields=["firstname", "lastname"] if base.beneficiary_info_may_be_required else [],
                        deadline=occurs - timedelta(days=2) if base.beneficiary_info_may_be_required else None,
                    )
                    item.tickets.append(issued)
                    self.state.tickets[issued.id] = issued
            order.items.append(item)
        document = Document(id=self.ids.uuid7(now), order_id=order.id, created_at=now)
        self.state.documents[document.id] = document
        order.document_ids.append(document.id)
        reservation.order_id = order.id
        self.state.orders[order.id] = order
        return order

    # ------------------------------------------------------------------------------------- tickets and documents

    def issued_ticket(self, order_id: str, order_item_id: str, ticket_id: str) -> IssuedTicket:
        order = self.order(order_id)
        ticket = self.state.tickets.get(ticket_id)
        if ticket is None or ticket.order_id != order.id or ticket.order_item_id != order_item_id:
            raise not_found()
        return ticket

    @staticmethod
    def name_beneficiary(ticket: IssuedTicket, beneficiary: dict[str, Any]) -> None:
        ticket.beneficiary = beneficiary

    @staticmethod
    def waiting(order: Order) -> list[IssuedTicket]:
        """The order's tickets still waiting for their beneficiary's details."""
        return [t for item in order.items for t in item.tickets if t.status == "waiting_beneficiary_data"]

    def downloadable_at(self, order: Order) -> datetime | None:
        """When the order's documents could be downloaded: not before every ticket is named."""
        return None if self.waiting(order) else order.created_at

    def document(self, order_id: str, document_id: str) -> tuple[Order, Document]:
        order = self.order(order_id)
        document = self.state.documents.get(document_id)
        if document is None or document.order_id != order.id:
            raise not_found()
        return order, document

    def prepare_download(self, order: Order, document: Document, language: str | None, now: datetime) -> str:
        """Render the document in `language` (the catalog's by default) and sign a URL for it on the storage host."""
        waiting = self.waiting(order)
        if waiting:
            problems = Violations()
            message = f"Beneficiary details are missing for {len(waiting)} ticket(s); name them first."
            problems.add("tickets", message, BENEFICIARY_MISSING)
            problems.raise_if_any()
        document.cached_language = language or self.data.catalogs[order.catalog_id].supported_language
        expires = int((now + DOWNLOAD_LIFETIME).timestamp())
        path = f"/documents/{document.id}.pdf"
        query = urlencode({"Expires": expires, "Signature": self._signature(path, expires)})
        return f"{self.settings.storage_url}{path}?{query}"

    def _signature(self, path: str, expires: int) -> str:
        return hmac.new(self._signing_key, f"{path}:{expires}".encode(), hashlib.sha256).hexdigest()

    def signed_document(
        self, path: str, expires: int, signature: str, now: datetime
    ) -> tuple[Literal["ok", "bad_signature", "expired"], Document | None]:
        """The document a signed storage URL gives, or why it gives none."""
        document = self.state.documents.get(path.removeprefix("/documents/").removesuffix(".pdf"))
        if document is None or not hmac.compare_digest(self._signature(path, expires), signature):
            return "bad_signature", None
        if now.timestamp() > expires:
            return "expired", None
        return "ok", document

    def log_download(self, url: str, authorization_sent: bool, status: int) -> None:
        self.state.storage_requests.append(StorageRequest(url, authorization_sent, status))
