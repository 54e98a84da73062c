"""Type-checked by `make typecheck` (mypy --strict), never run: what users' type checkers see."""

from __future__ import annotations

from typing import Any, assert_type

from korusticket import AsyncKorusTicket, AsyncPaginator, KorusTicket, Page, Paginator
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.booking_order_document import update_order_document
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.models import (
    BookingOrder,
    BookingOrderDocumentDownload,
    CreateOrdersOutput,
    TicketingOffer,
    TicketingOfferCollection,
)


def sync_usage(kt: KorusTicket) -> None:
    assert_type(kt.call(get_offer, catalog_id="c", id="o"), TicketingOffer)
    assert_type(kt.call(get_offer.sync_detailed, catalog_id="c", id="o"), Any)
    assert_type(kt.call(list_offers, catalog_id="c"), TicketingOfferCollection)
    assert_type(
        kt.call(
            create_orders,
            body={
                "reservations": [],
                "customer": {"firstname": "A", "lastname": "B", "email": "a@b.c"},
                "externalReference": "R-1",
            },
        ),
        CreateOrdersOutput,
    )
    assert_type(kt.call(update_order_document, order_id="o", id="d", body={}), BookingOrderDocumentDownload)
    assert_type(kt.paginate(list_offers, catalog_id="c"), Paginator[TicketingOffer])
    for order in kt.paginate(list_orders, max_items=3):
        assert_type(order, BookingOrder)
    for page in kt.paginate(list_orders).pages():
        assert_type(page, Page[BookingOrder])
    assert_type(kt.get("/v1/booking/orders/x", BookingOrder), BookingOrder)


async def async_usage(kt: AsyncKorusTicket) -> None:
    assert_type(await kt.call(get_offer, catalog_id="c", id="o"), TicketingOffer)
    assert_type(kt.paginate(list_offers, catalog_id="c", prefetch=4), AsyncPaginator[TicketingOffer])
    async for offer in kt.paginate(list_offers, catalog_id="c"):
        assert_type(offer, TicketingOffer)
    assert_type(await kt.get("/v1/booking/orders/x", BookingOrder), BookingOrder)


def constructor_options_are_checked() -> None:
    KorusTicket.demo(token="t", language="fr", max_retries=0)
    KorusTicket.demo(token="t", colour="red")  # type: ignore[call-arg]
    KorusTicket.demo(token="t", max_connections="many")  # type: ignore[arg-type]
