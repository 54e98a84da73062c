"""The ticketing documents (catalogs, product bases, options, products, offers, tickets, sessions, seat maps),
shaped as openapi.yaml describes them (tests validate every one)."""

from __future__ import annotations

from datetime import datetime, timedelta

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
    current_price,
    genid,
    money,
    price_excl_tax,
    utc,
)
from korusticket.testing.render.common import Json


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
