"""The ticketing operations (17, all reads): catalogs, product bases and their options, products, offers,
offer tickets and sessions, availability, prices, seat maps."""

from __future__ import annotations

from datetime import date

from korusticket.testing.backend import SandboxBackend
from korusticket.testing.catalog import Option, ProductBase
from korusticket.testing.handlers.request import RANGE_FILTERS, Call, last_segment
from korusticket.testing.render import ticketing as render
from korusticket.testing.render.common import Json, root
from korusticket.testing.settings import SandboxSettings
from korusticket.testing.violations import not_found


class TicketingHandlers:
    """Each method answers the operation it is named after."""

    def __init__(self, backend: SandboxBackend, settings: SandboxSettings) -> None:
        self.backend = backend
        self.data = backend.data
        self.settings = settings

    def _base(self, call: Call, key: str = "productBaseId") -> ProductBase:
        return self.backend.product_base(call.path["catalogId"], call.path[key])

    def _option(self, call: Call) -> tuple[ProductBase, Option]:
        base = self._base(call)
        option = next((o for o in base.options if o.code == call.path["code"]), None)
        if option is None:
            raise not_found()
        return base, option

    # ------------------------------------------------------------------------------------- catalogs

    def list_catalogs(self, call: Call) -> Json:
        catalogs = sorted((c for c in self.data.catalogs.values() if c.entitled), key=lambda c: c.created_at)
        if call.one("order[createdAt]") == "desc":
            catalogs.reverse()
        return call.collection(catalogs, lambda c: render.catalog(c, call.language))

    def get_catalog(self, call: Call) -> Json:
        return root(render.catalog(self.backend.catalog(call.path["id"]), call.language), "TicketingCatalog")

    # ------------------------------------------------------------------------------------- offers

    def list_offers(self, call: Call) -> Json:
        catalog = self.backend.catalog(call.path["catalogId"])
        exact = call.one("date") if self.settings.exact_date_filter else None
        given: list[tuple[str, str | None]] = [("after", exact), ("before", exact)] if exact else []
        given += [(name, call.one(f"date[{name}]")) for name, _ in RANGE_FILTERS]
        bounds = [(name, date.fromisoformat(value[:10])) for name, value in given if value]
        offers = self.backend.offers_by_date.between(catalog.id, bounds)
        products = {last_segment(value) for value in call.query.get("product[]", []) + call.query.get("product", [])}
        if products:
            offers = [offer for offer in offers if offer.product_id in products]
        base = call.one("productBaseId")
        if base:
            offers = [offer for offer in offers if self.data.products[offer.product_id].product_base_id == base]
        session = call.one("session")
        if session:
            offers = [o for o in offers if any(s.id == session for t in o.tickets for s in t.sessions)]
        values = {last_segment(value) for value in call.query.get("optionValuesContext[]", [])}
        if values:
            offers = [o for o in offers if values <= set(self.data.products[o.product_id].option_value_ids)]
        if call.one("order[date]") == "desc":
            offers = offers[::-1]
        return call.collection(offers, lambda o: render.offer(o, self.data, call.language, call.now))

    def get_offer(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["id"])
        return root(render.offer(offer, self.data, call.language, call.now), "TicketingOffer")

    def get_offer_availability(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["id"])
        return root(render.availability(offer), "TicketingOfferAvailability")

    def get_offer_price(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["id"])
        return root(render.price(offer, self.data, call.now), "TicketingOfferPrice")

    def list_offer_tickets(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["offerId"])
        return call.collection(offer.tickets, lambda t: render.offer_ticket(offer, t, call.language, embedded=False))

    def get_offer_ticket(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["offerId"])
        ticket = self.backend.offer_ticket(offer, call.path["id"])
        return root(render.offer_ticket(offer, ticket, call.language, embedded=False), "TicketingOfferTicket")

    def get_offer_ticket_session(self, call: Call) -> Json:
        offer = self.backend.offer(call.path["catalogId"], call.path["offerId"])
        ticket = self.backend.offer_ticket(offer, call.path["ticketId"])
        session = next((s for s in ticket.sessions if s.id == call.path["id"]), None)
        if session is None:
            raise not_found()
        return root(render.session(offer, ticket, session), "TicketingOfferTicketSession")

    # ------------------------------------------------------------------------------------- product bases

    def list_product_bases(self, call: Call) -> Json:
        catalog = self.backend.catalog(call.path["catalogId"])
        with_disabled = call.one("withDisabled") == "true"
        bases = [
            b
            for b in self.data.product_bases.values()
            if b.catalog_id == catalog.id and (with_disabled or not b.disabled)
        ]
        return call.collection(bases, lambda b: render.product_base(b, call.language))

    def get_product_base(self, call: Call) -> Json:
        return root(render.product_base(self._base(call, "id"), call.language), "TicketingProductBase")

    def list_product_base_options(self, call: Call) -> Json:
        base = self._base(call, "id")
        return call.collection(base.options, lambda o: render.option(base, o, call.language))

    def get_product_base_option(self, call: Call) -> Json:
        base, option = self._option(call)
        return root(render.option(base, option, call.language), "TicketingProductBaseOption")

    def list_product_base_option_values(self, call: Call) -> Json:
        base, option = self._option(call)
        return call.collection(option.values, lambda v: render.option_value(base, option, v, call.language))

    def get_seat_map(self, call: Call) -> Json:
        base = self._base(call)
        if base.seat_map is None or base.seat_map.id != call.path["id"]:
            raise not_found()
        return root(render.seat_map(base), "TicketingSeatMap")

    # ------------------------------------------------------------------------------------- products

    def list_products(self, call: Call) -> Json:
        catalog = self.backend.catalog(call.path["catalogId"])
        products = [p for p in self.data.products.values() if p.catalog_id == catalog.id]
        return call.collection(products, lambda p: render.product(p, call.language))

    def list_product_base_products(self, call: Call) -> Json:
        base = self._base(call)
        products = [p for p in self.data.products.values() if p.product_base_id == base.id]
        return call.collection(products, lambda p: render.product(p, call.language))

    def get_product(self, call: Call) -> Json:
        catalog = self.backend.catalog(call.path["catalogId"])
        product = self.data.products.get(call.path["id"])
        if product is None or product.catalog_id != catalog.id:
            raise not_found()
        return root(render.product(product, call.language), "TicketingProduct")
