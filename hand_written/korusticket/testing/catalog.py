"""The sandbox's ticketing data as records: catalogs, product bases, products, offers, tickets, sessions.

`korusticket.testing.seed` fills them from a seed; capacity (`reserved`) is the one part that changes, under
the backend's transitions. Beside them, the pricing rules and the identifiers every record uses.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

PARIS_SUMMER = timezone(timedelta(hours=2))
VAT = Decimal("1.10")
CENT = Decimal("0.01")


class Ids:
    """Deterministic UUIDv7s: the time part from a given instant, the rest from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def uuid7(self, when: datetime) -> str:
        milliseconds = int(when.timestamp() * 1000) & ((1 << 48) - 1)
        value = (
            milliseconds << 80 | 0x7 << 76 | self._rng.getrandbits(12) << 64 | 0b10 << 62 | self._rng.getrandbits(62)
        )
        return str(uuid.UUID(int=value))


def genid(*parts: object) -> str:
    """A stable blank-node `@id` for an embedded object, like API Platform's `/.well-known/genid/...`."""
    digest = hashlib.sha1("/".join(str(part) for part in parts).encode(), usedforsecurity=False).hexdigest()
    return f"/.well-known/genid/{digest[:20]}"


def money(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Text:
    """A localized text: French (the catalogs' language) and English."""

    fr: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.fr


@dataclass(frozen=True)
class Venue:
    name: str
    line1: str
    postal_code: str
    city: str
    country: str
    phone: str
    website: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class Media:
    url: str


def images(owner: str, count: int) -> list[Media]:
    """A logo then gallery pictures, on the sandbox's CDN host."""
    return [Media(f"https://cdn.sandbox.korusticket.test/medias/{owner}/{index}.jpg") for index in range(count)]


@dataclass
class Catalog:
    id: str
    name: Text
    created_at: datetime
    last_synced_at: datetime
    short_description: Text
    description: Text
    terms_of_use: Text
    venue: Venue
    entitled: bool
    """Whether the sandbox account may use it (403 otherwise)."""
    medias: list[Media] = field(default_factory=list)
    supported_language: str = "fr"


@dataclass
class OptionValue:
    id: str
    name: Text


@dataclass
class Option:
    code: str
    name: Text
    values: list[OptionValue]


@dataclass
class SeatMap:
    id: str
    zones: list[tuple[str, str]]
    seating_categories: list[tuple[str, str]]


@dataclass
class ProductBase:
    id: str
    catalog_id: str
    name: Text
    description: Text
    disabled: bool
    use_session: bool
    recurring: bool
    beneficiary_info_may_be_required: bool
    instant_document_delivery: bool
    max_amount_per_order: int
    universe: str
    venue: Venue
    options: list[Option] = field(default_factory=list)
    seat_map: SeatMap | None = None
    medias: list[Media] = field(default_factory=list)


@dataclass
class Product:
    id: str
    catalog_id: str
    product_base_id: str
    name: Text
    description: Text
    disabled: bool
    unit_price: Decimal
    realtime_price: bool
    option_value_ids: list[str]
    ticket_plan: list[tuple[Text, bool]]
    """The tickets of each offer of this product: (name, gives all-day access)."""


@dataclass
class Session:
    id: str
    occurs_at: datetime
    duration: int
    capacity: int
    reserved: int = 0

    @property
    def available(self) -> int:
        return self.capacity - self.reserved


@dataclass
class OfferTicket:
    id: str
    name: Text
    date_access: bool
    sessions: list[Session]


@dataclass
class Offer:
    id: str
    catalog_id: str
    product_id: str
    date: date
    capacity: int | None
    """None means unlimited."""
    tickets: list[OfferTicket]
    reserved: int = 0

    @property
    def available(self) -> int | None:
        return None if self.capacity is None else self.capacity - self.reserved


@dataclass
class CatalogData:
    catalogs: dict[str, Catalog]
    product_bases: dict[str, ProductBase]
    products: dict[str, Product]
    offers: dict[str, Offer]
    sessions: dict[str, tuple[Offer, OfferTicket, Session]]

    def offers_of(self, catalog_id: str) -> list[Offer]:
        return [offer for offer in self.offers.values() if offer.catalog_id == catalog_id]

    def keep_offers(self, catalog_id: str, count: int) -> None:
        """Drop the latest offers of one catalog beyond `count` (and their sessions)."""
        extra = sorted(self.offers_of(catalog_id), key=lambda offer: offer.date)[count:]
        for offer in extra:
            del self.offers[offer.id]
            for ticket in offer.tickets:
                for session in ticket.sessions:
                    self.sessions.pop(session.id, None)


def ordered_offers(data: CatalogData) -> list[Offer]:
    """Offers by date, then by creation order (the API's default order)."""
    return sorted(data.offers.values(), key=lambda offer: offer.date)


class OffersByDate:
    """Each catalog's offers in date order, with their days beside them: a date range is two bisections, so
    a page of the offers collection costs O(log N + page) rather than a scan of the whole catalog."""

    def __init__(self, data: CatalogData) -> None:
        self._offers: dict[str, list[Offer]] = {}
        for offer in ordered_offers(data):
            self._offers.setdefault(offer.catalog_id, []).append(offer)
        self._days = {catalog: [offer.date for offer in offers] for catalog, offers in self._offers.items()}

    def between(self, catalog_id: str, bounds: list[tuple[str, date]]) -> list[Offer]:
        """The catalog's offers within API Platform's date bounds (`after`, `strictly_before`, ...), by date."""
        offers, days = self._offers.get(catalog_id, []), self._days.get(catalog_id, [])
        low, high = 0, len(offers)
        for name, day in bounds:
            if name.endswith("after"):
                low = max(low, (bisect_right if name.startswith("strictly") else bisect_left)(days, day))
            else:
                high = min(high, (bisect_left if name.startswith("strictly") else bisect_right)(days, day))
        return offers[low:high]


def price_excl_tax(amount: Decimal) -> Decimal:
    return (amount / VAT).quantize(CENT, rounding=ROUND_HALF_UP)


def utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


def current_price(entry: Product, offer: Offer, now: datetime) -> Decimal:
    """Products with a real-time price cost more as the date gets closer (and on weekends)."""
    if not entry.realtime_price:
        return entry.unit_price
    days_left = max((offer.date - now.date()).days, 0)
    factor = Decimal("1.00") + Decimal(max(0, 30 - days_left)) / Decimal(100)
    if offer.date.weekday() >= 5:
        factor += Decimal("0.10")
    return entry.unit_price * factor
