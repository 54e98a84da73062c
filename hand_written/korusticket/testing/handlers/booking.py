"""The booking operations (12): reservations, orders, order documents, and the tickets of an order's items.

Each parses and checks its body the way API Platform's validator would (all violations of a request in one
422), then asks the backend for the transition, then renders.
"""

from __future__ import annotations

import re
from typing import Any

from korusticket import iri
from korusticket.testing.backend import Failed, SandboxBackend, Sessions
from korusticket.testing.catalog import Offer
from korusticket.testing.handlers.request import JSON_BODY, MERGE_PATCH, RANGE_FILTERS, Call, instant
from korusticket.testing.render import booking as render
from korusticket.testing.render.common import Json, root
from korusticket.testing.state import Order, Reservation
from korusticket.testing.violations import (
    BAD_EMAIL,
    BAD_TYPE,
    NO_BENEFICIARY,
    NO_SUCH_CHOICE,
    NOT_BLANK,
    NOT_FOUND_ITEM,
    NOT_POSITIVE,
    SESSION_RULE,
    TOO_FEW,
    TOO_LONG,
    Violations,
    refused,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TITLES = (None, "mr", "mrs", "mx")
CUSTOMER_FIELDS = ("firstname", "lastname", "email", "phone", "optin", "country", "language", "title")
BENEFICIARY_FIELDS = ("firstname", "lastname", "email", "phone", "title", "dateOfBirth", "placeOfBirth", "nationality")


class BookingHandlers:
    """Each method answers the operation it is named after."""

    def __init__(self, backend: SandboxBackend) -> None:
        self.backend = backend
        self.state = backend.state
        self.data = backend.data

    # ------------------------------------------------------------------------------------- reservations

    def list_reservations(self, call: Call) -> Json:
        reservations = sorted(self.state.reservations.values(), key=lambda r: r.created_at)
        if call.one("order[createdAt]") == "desc":
            reservations.reverse()
        return call.collection(reservations, lambda r: render.reservation(r, self.data, call.now))

    def get_reservation(self, call: Call) -> Json:
        document = render.reservation(self.backend.reservation(call.path["id"]), self.data, call.now)
        return root(document, "BookingReservation")

    def create_reservations(self, call: Call) -> Json:
        body = call.body(JSON_BODY)
        problems = Violations()
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            problems.add("items", "This collection should contain 1 element or more.", TOO_FEW)
            problems.raise_if_any()
        assert isinstance(items, list)  # noqa: S101 - checked just above
        plans = [self._reservation_item(index, item, problems) for index, item in enumerate(items)]
        problems.raise_if_any()
        results = self.backend.reserve([plan for plan in plans if plan is not None], call.now)
        return render.reservations_made(results, self.data, call.now, self.backend.blank_nodes)

    def _reservation_item(self, index: int, item: Any, problems: Violations) -> tuple[Offer, int, Sessions] | None:
        where = f"items[{index}]"
        if not isinstance(item, dict):
            problems.add(where, "This value should be of type object.", BAD_TYPE)
            return None
        offer = self._offer_from_iri(item.get("offer"), f"{where}.offer", problems)
        quantity = item.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            problems.add(f"{where}.quantity", "This value should be greater than 0.", NOT_POSITIVE)
            return None
        if offer is None or not self.backend.quantity_allowed(offer, quantity, f"{where}.quantity", problems):
            return None
        sessions = self._ticket_sessions(where, offer, item.get("ticketSessions"), problems)
        return None if sessions is None else (offer, quantity, sessions)

    def _offer_from_iri(self, value: Any, where: str, problems: Violations) -> Offer | None:
        if not isinstance(value, str) or not value:
            problems.add(where, "This value should not be blank.", NOT_BLANK)
            return None
        try:
            parsed = iri.parse(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.kind != "offer":
            problems.add(where, f'Item not found for "{value}".', NOT_FOUND_ITEM)
            return None
        ids = parsed.identifiers
        return self.backend.offer_to_reserve(ids["catalog_id"], ids["id"], value, where, problems)

    @staticmethod
    def _ticket_sessions(where: str, offer: Offer, given: Any, problems: Violations) -> Sessions | None:
        entries = given if isinstance(given, list) else []
        chosen: Sessions = {}
        for position, entry in enumerate(entries):
            path = f"{where}.ticketSessions[{position}]"
            ticket_iri = entry.get("ticket") if isinstance(entry, dict) else None
            ticket = next(
                (t for t in offer.tickets if ticket_iri == iri.offer_ticket(offer.catalog_id, offer.id, t.id)), None
            )
            if ticket is None:
                problems.add(f"{path}.ticket", f'This ticket is not one of the offer\'s: "{ticket_iri}".', SESSION_RULE)
                continue
            session_iri = entry.get("session")
            if ticket.date_access:
                if session_iri:
                    message = "This ticket gives all-day access: it takes no session."
                    problems.add(f"{path}.session", message, SESSION_RULE)
                chosen[ticket.id] = None
                continue
            session = next(
                (
                    s
                    for s in ticket.sessions
                    if session_iri == iri.offer_ticket_session(offer.catalog_id, offer.id, ticket.id, s.id)
                ),
                None,
            )
            if session is None:
                problems.add(f"{path}.session", "Choose one of this ticket's sessions.", SESSION_RULE)
                continue
            chosen[ticket.id] = session.id
        missing = [t for t in offer.tickets if t.id not in chosen]
        for ticket in missing:
            if not problems.under(f"{where}.ticketSessions"):
                ticket_iri = iri.offer_ticket(offer.catalog_id, offer.id, ticket.id)
                message = f'Every ticket of the offer needs an entry; missing "{ticket_iri}".'
                problems.add(f"{where}.ticketSessions", message, SESSION_RULE)
        return chosen if not missing and len(chosen) == len(offer.tickets) else None

    # ------------------------------------------------------------------------------------- orders

    def list_orders(self, call: Call) -> Json:
        orders = sorted(self.state.orders.values(), key=lambda o: o.created_at)
        reference = call.one("external_reference")
        if reference is not None:
            orders = [o for o in orders if o.external_reference == reference]
        for name, test in RANGE_FILTERS:
            value = call.one(f"createdAt[{name}]")
            if value:
                moment = instant(value)
                orders = [o for o in orders if test(o.created_at, moment)]
        if call.one("order[createdAt]") == "desc":
            orders.reverse()
        return call.collection(orders, lambda o: render.order(o, self.state))

    def get_order(self, call: Call) -> Json:
        return root(render.order(self.backend.order(call.path["id"]), self.state), "BookingOrder")

    def create_orders(self, call: Call) -> Json:
        body = call.body(JSON_BODY)
        problems = Violations()
        if not isinstance(body, dict):
            body = {}
        reference = body.get("externalReference")
        if not isinstance(reference, str) or not reference.strip():
            problems.add("externalReference", "This value should not be blank.", NOT_BLANK)
        elif len(reference) > 255:
            message = "This value is too long. It should have 255 characters or less."
            problems.add("externalReference", message, TOO_LONG)
        customer = self._customer(body.get("customer"), problems)
        wanted = body.get("reservations")
        reservations: list[Reservation] = []
        if not isinstance(wanted, list) or not wanted:
            problems.add("reservations", "This collection should contain 1 element or more.", TOO_FEW)
        else:
            for index, value in enumerate(wanted):
                reservation = self._reservation_from_iri(value, index, call, problems)
                if reservation is not None:
                    reservations.append(reservation)
        notes = body.get("notes")
        problems.raise_if_any()
        results: list[Order | Failed] = self.backend.place_orders(
            reservations, str(reference), customer, notes if isinstance(notes, str) else None, call.now
        )
        return render.orders_made(results, self.state, self.backend.blank_nodes)

    def _reservation_from_iri(self, value: Any, index: int, call: Call, problems: Violations) -> Reservation | None:
        try:
            parsed = iri.parse(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        reservation_id = parsed.identifiers["id"] if parsed and parsed.kind == "reservation" else None
        return self.backend.orderable(reservation_id, value, f"reservations[{index}]", call.now, problems)

    @staticmethod
    def _customer(given: Any, problems: Violations) -> dict[str, Any]:
        if not isinstance(given, dict):
            problems.add("customer", "This value should not be blank.", NOT_BLANK)
            return {}
        for name in ("firstname", "lastname", "email"):
            if not isinstance(given.get(name), str) or not given[name].strip():
                problems.add(f"customer.{name}", "This value should not be blank.", NOT_BLANK)
        email = given.get("email")
        if isinstance(email, str) and email.strip() and not EMAIL.match(email):
            problems.add("customer.email", "This value is not a valid email address.", BAD_EMAIL)
        if given.get("title") not in TITLES:
            problems.add("customer.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE)
        return {name: given[name] for name in CUSTOMER_FIELDS if name in given}

    # ------------------------------------------------------------------------------------- documents

    def list_order_documents(self, call: Call) -> Json:
        order = self.backend.order(call.path["orderId"])
        ready = self.backend.downloadable_at(order)
        documents = [self.state.documents[d] for d in order.document_ids]
        return call.collection(documents, lambda d: render.document(d, ready))

    def get_order_document(self, call: Call) -> Json:
        order, document = self.backend.document(call.path["orderId"], call.path["id"])
        return root(render.document(document, self.backend.downloadable_at(order)), "BookingOrderDocument")

    def update_order_document(self, call: Call) -> Json:
        body = call.body(MERGE_PATCH)
        if not isinstance(body, dict):
            raise refused(400, "The input data must be a JSON object.")
        order, document = self.backend.document(call.path["orderId"], call.path["id"])
        url = self.backend.prepare_download(order, document, call.requested_language(), call.now)
        return root(render.document_download(document, url), "BookingOrderDocument")

    # ------------------------------------------------------------------------------------- tickets

    def get_order_item_ticket(self, call: Call) -> Json:
        ticket = self.backend.issued_ticket(call.path["orderId"], call.path["orderItemId"], call.path["id"])
        return root(render.order_item_ticket(ticket), "BookingOrderItemTicket")

    def update_order_item_ticket(self, call: Call) -> Json:
        body = call.body(MERGE_PATCH)
        ticket = self.backend.issued_ticket(call.path["orderId"], call.path["orderItemId"], call.path["id"])
        problems = Violations()
        if not ticket.required_fields:
            problems.add("beneficiary", "This ticket does not take a beneficiary.", NO_BENEFICIARY)
            problems.raise_if_any()
        given = body.get("beneficiary") if isinstance(body, dict) else None
        if not isinstance(given, dict):
            problems.add("beneficiary", "This value should not be blank.", NOT_BLANK)
            problems.raise_if_any()
        assert isinstance(given, dict)  # noqa: S101 - checked above
        merged = {**(ticket.beneficiary or {}), **given}
        merged = {key: value for key, value in merged.items() if value is not None}
        for name in ("firstname", "lastname"):
            if not isinstance(merged.get(name), str) or not merged[name].strip():
                problems.add(f"beneficiary.{name}", "This value should not be blank.", NOT_BLANK)
        if merged.get("title") not in TITLES:
            problems.add("beneficiary.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE)
        problems.raise_if_any()
        self.backend.name_beneficiary(ticket, {name: merged[name] for name in BENEFICIARY_FIELDS if name in merged})
        return root(render.order_item_ticket(ticket), "BookingOrderItemTicket")
