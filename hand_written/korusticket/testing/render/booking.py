"""The booking documents: reservations, orders, their tickets and documents, and the bulk POST outputs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

from korusticket import iri
from korusticket.testing.backend import Failed
from korusticket.testing.catalog import CatalogData, Offer, genid, money, price_excl_tax, utc
from korusticket.testing.render.common import ORGANIZATION, Json
from korusticket.testing.state import Document, IssuedTicket, Order, OrderedItem, Reservation, SandboxState


def _amounts(unit: Decimal, quantity: int) -> Json:
    total = unit * quantity
    return {
        "amountInclTax": money(total),
        "amountExclTax": money(price_excl_tax(total)),
        "quantity": quantity,
        "unitAmountInclTax": money(unit),
        "unitAmountExclTax": money(price_excl_tax(unit)),
        "totalAmountInclTax": money(total),
        "totalAmountExclTax": money(price_excl_tax(total)),
    }


def _offer_tickets(owner: str, offer: Offer, sessions: dict[str, str | None], kind: str) -> list[Json]:
    tickets = []
    for ticket in offer.tickets:
        chosen = sessions.get(ticket.id)
        tickets.append(
            {
                "@id": genid(owner, ticket.id),
                "@type": kind,
                "ticket": iri.offer_ticket(offer.catalog_id, offer.id, ticket.id),
                "session": iri.offer_ticket_session(offer.catalog_id, offer.id, ticket.id, chosen) if chosen else None,
                "seating": None,
            }
        )
    return tickets


def reservation(entry: Reservation, data: CatalogData, now: datetime) -> Json:
    items = []
    total = Decimal(0)
    for index, item in enumerate(entry.items):
        offer_entry = data.offers[item.offer_id]
        total += item.unit_price * item.quantity
        owner = f"{entry.id}/{index}"
        items.append(
            {
                "@id": genid(owner),
                "@type": "ReservationItem",
                **_amounts(item.unit_price, item.quantity),
                "date": offer_entry.date.isoformat(),
                "offer": iri.offer(offer_entry.catalog_id, offer_entry.id),
                "product": iri.product(offer_entry.catalog_id, offer_entry.product_id),
                "offerTickets": _offer_tickets(owner, offer_entry, item.sessions, "ReservationItemOfferTicket"),
            }
        )
    return {
        "@id": iri.reservation(entry.id),
        "@type": "BookingReservation",
        "expired": entry.status == "released" or entry.expired(now),
        "catalog": iri.catalog(entry.catalog_id),
        "id": entry.id,
        "createdAt": utc(entry.created_at),
        "totalAmountInclTax": money(total),
        "totalAmountExclTax": money(price_excl_tax(total)),
        "expiresAt": utc(entry.expires_at),
        "items": items,
        "organization": ORGANIZATION,
        "order": iri.order(entry.order_id) if entry.order_id else None,
        "seatsArrangement": "UNKNOWN",
        "releasable": entry.order_id is None,
        "status": entry.status,
    }


def order_item_ticket(entry: IssuedTicket) -> Json:
    return {
        "@id": iri.order_item_ticket(entry.order_id, entry.order_item_id, entry.id),
        "@type": "BookingOrderItemTicket",
        "id": entry.id,
        "voucher": entry.voucher,
        "occursAt": utc(entry.occurs_at) if entry.occurs_at else None,
        "requiredBeneficiaryFields": list(entry.required_fields),
        "beneficiary": dict(entry.beneficiary) if entry.beneficiary else None,
        "beneficiaryDesignationDeadline": utc(entry.deadline) if entry.deadline else None,
        "beneficiaryAmendable": bool(entry.required_fields),
        "status": entry.status,
        "seating": None,
    }


def _order_item(order_entry: Order, item: OrderedItem, data: CatalogData) -> Json:
    offer_entry = data.offers[item.offer_id]
    owner = f"{order_entry.id}/{item.id}"
    return {
        "@id": genid(owner),
        "@type": "OrderItem",
        "id": item.id,
        **_amounts(item.unit_price, item.quantity),
        "date": offer_entry.date.isoformat(),
        "offer": iri.offer(offer_entry.catalog_id, offer_entry.id),
        "product": iri.product(offer_entry.catalog_id, offer_entry.product_id),
        "offerTickets": _offer_tickets(owner, offer_entry, item.sessions, "OrderItemOfferTicket"),
        "tickets": [order_item_ticket(ticket) for ticket in item.tickets],
    }


def order(entry: Order, state: SandboxState) -> Json:
    total = sum((item.unit_price * item.quantity for item in entry.items), Decimal(0))
    return {
        "@id": iri.order(entry.id),
        "@type": "BookingOrder",
        "id": entry.id,
        "createdAt": utc(entry.created_at),
        "catalog": iri.catalog(entry.catalog_id),
        "organization": ORGANIZATION,
        "reference": entry.reference,
        "externalReference": entry.external_reference,
        "connectorReference": entry.connector_reference,
        "totalAmountInclTax": money(total),
        "totalAmountExclTax": money(price_excl_tax(total)),
        "reservation": iri.reservation(entry.reservation_id),
        "customer": {"@id": genid(entry.id, "customer"), "@type": "OrderCustomer", **entry.customer},
        "status": "confirmed",
        "cancelledAt": None,
        "items": [_order_item(entry, item, state.data) for item in entry.items],
        "documents": [iri.order_document(entry.id, document) for document in entry.document_ids],
        "notes": entry.notes,
    }


def document(entry: Document, downloadable_at: datetime | None) -> Json:
    return {
        "@id": iri.order_document(entry.order_id, entry.id),
        "@type": "BookingOrderDocument",
        "id": entry.id,
        "downloadableAt": utc(downloadable_at) if downloadable_at else None,
    }


def document_download(entry: Document, url: str) -> Json:
    return {
        "@id": iri.order_document(entry.order_id, entry.id),
        "@type": "BookingOrderDocument",
        "id": entry.id,
        "temporaryUrl": url,
        "cachedLanguage": entry.cached_language,
    }


def reservations_made(
    results: list[Reservation | Failed], data: CatalogData, now: datetime, blank_nodes: Iterator[int]
) -> Json:
    """The answer to a bulk reservation POST: the reservations made and the items refused, in order."""
    failed = [
        {
            "@id": genid("failed", result.subject.id, next(blank_nodes)),
            "@type": "FailedReservation",
            "offer": iri.offer(result.subject.catalog_id, result.subject.id),
            "quantity": result.quantity,
            "message": result.message,
        }
        for result in results
        if isinstance(result, Failed)
    ]
    return {
        "@context": {
            "@vocab": "https://api.demo.korusticket.com/docs.jsonld#",
            "hydra": "http://www.w3.org/ns/hydra/core#",
            "reservations": "CreateReservationBulkOutput/reservations",
            "failedReservations": "CreateReservationBulkOutput/failedReservations",
        },
        "@type": "CreateReservationBulkOutput",
        "@id": genid("reservations", next(blank_nodes)),
        "reservations": [reservation(result, data, now) for result in results if isinstance(result, Reservation)],
        "failedReservations": failed,
    }


def orders_made(results: list[Order | Failed], state: SandboxState, blank_nodes: Iterator[int]) -> Json:
    """The answer to a bulk order POST: the orders placed and the reservations refused, in order."""
    failed = [
        {
            "@id": genid("failed-order", result.subject.id, next(blank_nodes)),
            "@type": "FailedOrder",
            "reservation": iri.reservation(result.subject.id),
            "message": result.message,
        }
        for result in results
        if isinstance(result, Failed)
    ]
    return {
        "@context": {
            "@vocab": "https://api.demo.korusticket.com/docs.jsonld#",
            "hydra": "http://www.w3.org/ns/hydra/core#",
            "orders": "CreateOrderBulkOutput/orders",
            "failedOrders": "CreateOrderBulkOutput/failedOrders",
        },
        "@type": "CreateOrderBulkOutput",
        "@id": genid("orders", next(blank_nodes)),
        "orders": [order(result, state) for result in results if isinstance(result, Order)],
        "failedOrders": failed,
    }
