"""The sandbox's JSON-LD documents, shaped as openapi.yaml describes them (tests validate every one)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from korusticket import iri
from korusticket.testing.catalog import (
    Catalog,
    CatalogData,
    Media,
    Offer,
    OfferTicket,
    Option,
    OptionValue,
    Product,
    ProductBase,
    Session,
    Venue,
    genid,
    money,
    price_excl_tax,
    utc,
)
from korusticket.testing.state import Document, IssuedTicket, Order, OrderedItem, Reservation, SandboxState

ORGANIZATION = "/v1/organizations/0194abdc-3a79-7ec3-b1b9-a1f291de587d"
Json = dict[str, Any]


def root(document: Json, short_name: str) -> Json:
    """A top-level resource: `@context` first, as the API sends it."""
    return {"@context": f"/contexts/{short_name}", **document}


def error(status: int, detail: str, title: str = "An error occurred") -> Json:
    return {
        "@context": "/contexts/Error",
        "@id": f"/errors/{status}",
        "@type": "Error",
        "title": title,
        "detail": detail,
        "status": status,
        "type": f"/errors/{status}",
        "description": detail,
    }


def violations(found: list[tuple[str, str, str]]) -> Json:
    """A 422 body from (property path, message, code) triples."""
    code = found[0][2]
    text = "\n".join(f"{path}: {message}" for path, message, _ in found)
    return {
        "@context": "/contexts/ConstraintViolationList",
        "@id": f"/validation_errors/{code}",
        "@type": "ConstraintViolationList",
        "status": 422,
        "violations": [{"propertyPath": path, "message": message, "code": code} for path, message, code in found],
        "detail": text,
        "description": text,
        "type": f"/validation_errors/{code}",
        "title": "An error occurred",
    }


def venue(entry: Venue, owner: str) -> Json:
    return {
        "@id": genid(owner, "venue"),
        "@type": "Venue",
        "name": entry.name,
        "line1": entry.line1,
        "line2": None,
        "postalCode": entry.postal_code,
        "city": entry.city,
        "country": entry.country,
        "phone": entry.phone,
        "website": entry.website,
        "latitude": entry.latitude,
        "longitude": entry.longitude,
    }


def medias(owner: str, images: list[Media]) -> Json:
    def image(media: Media, position: int) -> Json:
        return {"@id": genid(owner, "media", position), "@type": "Media", "url": media.url, "position": position}

    return {
        "@id": genid(owner, "medias"),
        "@type": "Medias",
        "logo": image(images[0], 0) if images else None,
        "gallery": [image(media, position) for position, media in enumerate(images[1:], start=1)],
    }


def catalog(entry: Catalog, language: str) -> Json:
    return {
        "@id": iri.catalog(entry.id),
        "@type": "TicketingCatalog",
        "id": entry.id,
        "name": entry.name.get(language),
        "createdAt": utc(entry.created_at),
        "lastSyncedAt": utc(entry.last_synced_at),
        "supportedLanguage": entry.supported_language,
        "shortDescription": entry.short_description.get(language),
        "description": entry.description.get(language),
        "termsOfUse": entry.terms_of_use.get(language),
        "venue": venue(entry.venue, entry.id),
        "medias": medias(entry.id, entry.medias),
    }


def product_base(entry: ProductBase, language: str) -> Json:
    return {
        "@id": iri.product_base(entry.catalog_id, entry.id),
        "@type": "TicketingProductBase",
        "id": entry.id,
        "name": entry.name.get(language),
        "description": entry.description.get(language),
        "shortDescription": entry.description.get(language),
        "termsOfUse": None,
        "disabled": entry.disabled,
        "useSession": entry.use_session,
        "timezone": "Europe/Paris",
        "recurring": entry.recurring,
        "beneficiaryInfoMayBeRequired": entry.beneficiary_info_may_be_required,
        "instantDocumentDelivery": entry.instant_document_delivery,
        "maxAmountPerOrder": entry.max_amount_per_order,
        "universe": entry.universe,
        "venue": venue(entry.venue, entry.id),
        "medias": medias(entry.id, entry.medias),
    }


def option(base: ProductBase, entry: Option, language: str) -> Json:
    return {
        "@id": iri.product_base_option(base.catalog_id, base.id, entry.code),
        "@type": "TicketingProductBaseOption",
        "code": entry.code,
        "name": entry.name.get(language),
    }


def option_value(base: ProductBase, entry: Option, value: OptionValue, language: str) -> Json:
    return {
        "@id": genid(base.id, entry.code, value.id),
        "@type": "TicketingProductBaseOptionValue",
        "id": value.id,
        "name": value.name.get(language),
    }


def product(entry: Product, language: str) -> Json:
    return {
        "@id": iri.product(entry.catalog_id, entry.id),
        "@type": "TicketingProduct",
        "id": entry.id,
        "name": entry.name.get(language),
        "description": entry.description.get(language),
        "disabled": entry.disabled,
    }


def session(offer: Offer, ticket: OfferTicket, entry: Session) -> Json:
    return {
        "@id": iri.offer_ticket_session(offer.catalog_id, offer.id, ticket.id, entry.id),
        "@type": "TicketingOfferTicketSession",
        "id": entry.id,
        "occursAt": entry.occurs_at.isoformat(timespec="seconds"),
        "duration": entry.duration,
        "availableQuantity": max(entry.available, 0),
    }


def offer_ticket(offer: Offer, entry: OfferTicket, language: str, *, embedded: bool) -> Json:
    document: Json = {
        "@id": iri.offer_ticket(offer.catalog_id, offer.id, entry.id),
        "@type": "TicketingOfferTicket",
        "id": entry.id,
        "name": entry.name.get(language),
        "description": "",
        "dateAccess": entry.date_access,
        "form": None,
    }
    if not embedded:
        document["sessions"] = [session(offer, entry, item) for item in entry.sessions]
    return document


def current_price(entry: Product, offer: Offer, now: datetime) -> Decimal:
    """Products with a real-time price cost more as the date gets closer (and on weekends)."""
    if not entry.realtime_price:
        return entry.unit_price
    days_left = max((offer.date - now.date()).days, 0)
    factor = Decimal("1.00") + Decimal(max(0, 30 - days_left)) / Decimal(100)
    if offer.date.weekday() >= 5:
        factor += Decimal("0.10")
    return entry.unit_price * factor


def offer(entry: Offer, data: CatalogData, language: str, now: datetime) -> Json:
    sold = data.products[entry.product_id]
    amount = current_price(sold, entry, now)
    return {
        "@id": iri.offer(entry.catalog_id, entry.id),
        "@type": "TicketingOffer",
        "id": entry.id,
        "date": entry.date.isoformat(),
        "availabilityCheckRequired": entry.capacity is not None,
        "realtimePriceRequired": sold.realtime_price,
        "price": {
            "@id": genid(entry.id, "price"),
            "@type": "TicketingOfferPrice",
            "amountInclTax": money(amount),
            "originalAmountInclTax": money(sold.unit_price),
            "currency": "EUR",
            "syncAt": utc(now - timedelta(hours=1)),
        },
        "product": product(sold, language),
        "tickets": [offer_ticket(entry, ticket, language, embedded=True) for ticket in entry.tickets],
        "availableQuantity": None if entry.available is None else max(entry.available, 0),
    }


def availability(entry: Offer) -> Json:
    return {
        "@id": iri.offer_availability(entry.catalog_id, entry.id),
        "@type": "TicketingOfferAvailability",
        "availableQuantity": None if entry.available is None else max(entry.available, 0),
        "sessionsAvailability": [
            {
                "@id": genid(entry.id, item.id, "availability"),
                "@type": "TicketingSessionAvailability",
                "session": iri.offer_ticket_session(entry.catalog_id, entry.id, ticket.id, item.id),
                "availableQuantity": max(item.available, 0),
            }
            for ticket in entry.tickets
            for item in ticket.sessions
        ],
    }


def price(entry: Offer, data: CatalogData, now: datetime) -> Json:
    amount = current_price(data.products[entry.product_id], entry, now)
    return {
        "@id": iri.offer_price(entry.catalog_id, entry.id),
        "@type": "TicketingOfferPrice",
        "amountInclTax": money(amount),
        "amountExclTax": money(price_excl_tax(amount)),
        "currency": "EUR",
    }


def seat_map(base: ProductBase) -> Json:
    assert base.seat_map is not None  # noqa: S101 - callers check
    return {
        "@id": iri.seat_map(base.catalog_id, base.id, base.seat_map.id),
        "@type": "TicketingSeatMap",
        "id": base.seat_map.id,
        "zones": [
            {"@id": genid(base.seat_map.id, code), "@type": "SeatMapZone", "code": code, "name": name}
            for code, name in base.seat_map.zones
        ],
        "seatingCategories": [
            {"@id": genid(base.seat_map.id, code), "@type": "SeatMapSeatingCategory", "code": code, "name": name}
            for code, name in base.seat_map.seating_categories
        ],
    }


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
