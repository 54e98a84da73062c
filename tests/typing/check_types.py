"""Type-checked by `make typecheck` (mypy --strict), never run: what users' type checkers see."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, assert_type

from korusticket import AsyncKorusTicket, AsyncPaginator, KorusTicket, Page, Paginator, RawResponse, money, ops
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
    raw = kt.with_raw_response.call(ops.get_offer, catalog_id="c", id="o", timeout=2)
    assert_type(raw, RawResponse[TicketingOffer])
    assert_type(raw.parsed, TicketingOffer)
    assert_type(kt.paginate(ops.list_orders, external_reference="R", headers={"X": "y"}), Paginator[BookingOrder])
    assert_type(money(kt.call(ops.get_offer, catalog_id="c", id="o").price.amount_incl_tax), Decimal)  # type: ignore[union-attr]


async def async_usage(kt: AsyncKorusTicket) -> None:
    assert_type(await kt.call(get_offer, catalog_id="c", id="o"), TicketingOffer)
    assert_type(kt.paginate(list_offers, catalog_id="c", prefetch=4), AsyncPaginator[TicketingOffer])
    async for offer in kt.paginate(list_offers, catalog_id="c"):
        assert_type(offer, TicketingOffer)
    assert_type(await kt.get("/v1/booking/orders/x", BookingOrder), BookingOrder)
    raw = await kt.with_raw_response.call(ops.get_offer, catalog_id="c", id="o", language="fr")
    assert_type(raw, RawResponse[TicketingOffer])


def constructor_options_are_checked() -> None:
    KorusTicket.demo(token="t", language="fr", max_retries=0)
    KorusTicket.demo(token="t", colour="red")  # type: ignore[call-arg]
    KorusTicket.demo(token="t", max_connections="many")  # type: ignore[arg-type]
