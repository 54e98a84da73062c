"""The sandbox's seeded ticketing data: two entitled catalogs (a park, a stadium) and one that is not.

Everything comes from one `random.Random(seed)`, so a seed always gives the same identifiers, names,
prices and capacities. `offers=` sets the size (one offer per product and day, as many days as needed) for benchmarks.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from korusticket.testing.catalog import (
    CENT,
    PARIS_SUMMER,
    Catalog,
    CatalogData,
    Ids,
    Offer,
    OfferTicket,
    Option,
    OptionValue,
    Product,
    ProductBase,
    SeatMap,
    Session,
    Text,
    Venue,
    images,
)

PARK = Venue(
    "Parc des Lumières",
    "1 allée du Château",
    "85590",
    "Les Epesses",
    "FR",
    "+33251646464",
    "https://parc-des-lumieres.example",
    "46.8897",
    "-0.9294",
)
STADIUM = Venue(
    "Stade des Confluences",
    "10 avenue Simone Veil",
    "69150",
    "Décines-Charpieu",
    "FR",
    "+33472000000",
    "https://stade-confluences.example",
    "45.7653",
    "4.9819",
)
PRICE_TYPES = [("adult", Text("Adulte", "Adult"), Decimal("1.00")), ("child", Text("Enfant", "Child"), Decimal("0.60"))]


def build(seed: int, offers: int, start: date, created: datetime) -> CatalogData:
    """The sandbox catalog for `seed`: `offers` offers, one per product and day from `start` on."""
    rng = random.Random(seed)
    ids = Ids(rng)
    catalogs: dict[str, Catalog] = {}
    bases: dict[str, ProductBase] = {}
    products: dict[str, Product] = {}

    def catalog(name: Text, venue: Venue, entitled: bool, offset: int) -> Catalog:
        made = created - timedelta(days=120 - offset)
        entry = Catalog(
            id=ids.uuid7(made),
            name=name,
            created_at=made,
            last_synced_at=created - timedelta(hours=6),
            short_description=Text(f"<p>{name.fr}</p>", f"<p>{name.en}</p>"),
            description=Text(f"<p>Billetterie {name.fr}.</p>", f"<p>Tickets for {name.en}.</p>"),
            terms_of_use=Text("<p>Billets non remboursables.</p>", "<p>Tickets are not refundable.</p>"),
            venue=venue,
            entitled=entitled,
        )
        entry.medias = images(entry.id, 3)
        catalogs[entry.id] = entry
        return entry

    park = catalog(Text("Parc des Lumières - CSE", "Parc des Lumières - works council"), PARK, True, 0)
    stadium = catalog(Text("Stade des Confluences", "Confluences Stadium"), STADIUM, True, 10)
    catalog(Text("Catalogue réservé", "Restricted catalog"), PARK, False, 20)

    def option(code: str, name: Text, values: list[Text]) -> Option:
        return Option(code, name, [OptionValue(ids.uuid7(created), value) for value in values])

    def product_base(
        catalog_entry: Catalog,
        name: Text,
        *,
        disabled: bool = False,
        use_session: bool = False,
        recurring: bool = True,
        beneficiary_info_may_be_required: bool = False,
        instant_document_delivery: bool = True,
        max_amount_per_order: int = 10,
        universe: str = "park",
    ) -> ProductBase:
        price_type = option("price_type", Text("Tarif", "Price type"), [text for _, text, _ in PRICE_TYPES])
        entry = ProductBase(
            id=ids.uuid7(created),
            catalog_id=catalog_entry.id,
            name=name,
            description=Text(f"<p>{name.fr}</p>", f"<p>{name.en}</p>"),
            disabled=disabled,
            use_session=use_session,
            recurring=recurring,
            beneficiary_info_may_be_required=beneficiary_info_may_be_required,
            instant_document_delivery=instant_document_delivery,
            max_amount_per_order=max_amount_per_order,
            universe=universe,
            venue=catalog_entry.venue,
            options=[price_type],
        )
        entry.medias = images(entry.id, 2)
        bases[entry.id] = entry
        return entry

    season = product_base(park, Text("Saison 2025 - Grand Parc", "2025 season - Grand Park"), use_session=True)
    emotion = product_base(
        park,
        Text("Pass Emotion nominatif", "Named Emotion pass"),
        beneficiary_info_may_be_required=True,
        max_amount_per_order=6,
    )
    product_base(park, Text("Saison 2024", "2024 season"), disabled=True)
    match = product_base(
        stadium,
        Text("Saison 2025 - 2026 - OL / FC Lorient", "2025 - 2026 season - OL / FC Lorient"),
        recurring=False,
        instant_document_delivery=False,
        max_amount_per_order=8,
        universe="sport",
    )
    match.options.append(
        option(
            "seating_category",
            Text("Catégorie", "Category"),
            [Text("Catégorie 1", "Category 1"), Text("Catégorie 2", "Category 2")],
        )
    )
    match.options.append(option("zone", Text("Tribune", "Stand"), [Text("Nord", "North"), Text("Sud", "South")]))
    match.seat_map = SeatMap(
        ids.uuid7(created),
        zones=[("NORD", "Tribune Nord"), ("SUD", "Tribune Sud")],
        seating_categories=[("CAT1", "Catégorie 1"), ("CAT2", "Catégorie 2")],
    )

    day_ticket = (Text("Entrée Grand Parc", "Grand Park entry"), True)
    show_ticket = (Text("Spectacle nocturne", "Night show"), False)
    plans = {
        season.id: [
            (Text("1 jour", "1 day"), [day_ticket]),
            (Text("1 jour + Spectacle", "1 day + Show"), [day_ticket, show_ticket]),
        ],
        emotion.id: [(Text("Pass Emotion", "Emotion pass"), [day_ticket])],
        match.id: [(Text("Match", "Match"), [(Text("Place assise", "Seat"), True)])],
    }
    for base_id, variants in plans.items():
        base = bases[base_id]
        price_type = next(o for o in base.options if o.code == "price_type")
        for variant_name, tickets in variants:
            for (_, type_name, factor), value in zip(PRICE_TYPES, price_type.values, strict=True):
                name = Text(
                    f"{base.name.fr} - {variant_name.fr} {type_name.fr}",
                    f"{base.name.en} - {variant_name.en} {type_name.en}",
                )
                entry = Product(
                    id=ids.uuid7(created),
                    catalog_id=base.catalog_id,
                    product_base_id=base.id,
                    name=name,
                    description=Text(
                        f"Valable à la date choisie. {type_name.fr}.", f"Valid on the chosen date. {type_name.en}."
                    ),
                    disabled=False,
                    unit_price=(Decimal(rng.randrange(35, 60) * len(tickets)) * factor).quantize(CENT),
                    realtime_price=base_id == match.id,
                    option_value_ids=[value.id],
                    ticket_plan=tickets,
                )
                products[entry.id] = entry

    offer_table: dict[str, Offer] = {}
    sessions: dict[str, tuple[Offer, OfferTicket, Session]] = {}
    sellable = list(products.values())
    for index in range(offers):
        product = sellable[index % len(sellable)]
        day = start + timedelta(days=index // len(sellable))
        limited = product.product_base_id != emotion.id
        offer_created = created - timedelta(days=30)
        offer = Offer(
            id=ids.uuid7(offer_created),
            catalog_id=product.catalog_id,
            product_id=product.id,
            date=day,
            capacity=rng.randrange(40, 400) if limited else None,
            tickets=[],
        )
        for ticket_name, all_day in product.ticket_plan:
            ticket = OfferTicket(id=ids.uuid7(offer_created), name=ticket_name, date_access=all_day, sessions=[])
            if not all_day:
                for hour in (17, 20, 22):
                    session = Session(
                        id=ids.uuid7(offer_created),
                        occurs_at=datetime.combine(day, time(hour), PARIS_SUMMER),
                        duration=90,
                        capacity=rng.randrange(15, 60),
                    )
                    ticket.sessions.append(session)
                    sessions[session.id] = (offer, ticket, session)
            offer.tickets.append(ticket)
        offer_table[offer.id] = offer
    return CatalogData(catalogs, bases, products, offer_table, sessions)
