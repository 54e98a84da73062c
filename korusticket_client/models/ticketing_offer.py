from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.offer_embedded_price import OfferEmbeddedPrice
    from ..models.offer_embedded_product import OfferEmbeddedProduct
    from ..models.offer_embedded_ticket import OfferEmbeddedTicket


T = TypeVar("T", bound="TicketingOffer")


@_attrs_define
class TicketingOffer:
    """The price and availability of a product on a date.

    Attributes:
        id (str | Unset):  Example: 0194ad2c-491c-7c9e-b842-10ee940ed6a3.
        date (datetime.date | None | Unset):  Example: 2025-01-27.
        availability_check_required (bool | Unset): True when the offer's quantity is limited: check the availability
            before reserving. Example: True.
        realtime_price_required (bool | Unset): True when the price may change: read it from the price operation before
            reserving. Example: False.
        price (OfferEmbeddedPrice | Unset): The price embedded in an offer.
        product (OfferEmbeddedProduct | Unset): The product an offer prices.
        tickets (list[OfferEmbeddedTicket] | Unset):
        available_quantity (int | None | Unset): Units left (close to real time); null means unlimited. Example: 4000.
    """

    id: str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    availability_check_required: bool | Unset = UNSET
    realtime_price_required: bool | Unset = UNSET
    price: OfferEmbeddedPrice | Unset = UNSET
    product: OfferEmbeddedProduct | Unset = UNSET
    tickets: list[OfferEmbeddedTicket] | Unset = UNSET
    available_quantity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        availability_check_required = self.availability_check_required

        realtime_price_required = self.realtime_price_required

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = []
            for tickets_item_data in self.tickets:
                tickets_item = tickets_item_data.to_dict()
                tickets.append(tickets_item)

        available_quantity: int | None | Unset
        if isinstance(self.available_quantity, Unset):
            available_quantity = UNSET
        else:
            available_quantity = self.available_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date is not UNSET:
            field_dict["date"] = date
        if availability_check_required is not UNSET:
            field_dict["availabilityCheckRequired"] = availability_check_required
        if realtime_price_required is not UNSET:
            field_dict["realtimePriceRequired"] = realtime_price_required
        if price is not UNSET:
            field_dict["price"] = price
        if product is not UNSET:
            field_dict["product"] = product
        if tickets is not UNSET:
            field_dict["tickets"] = tickets
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        date: datetime.date | None | Unset = d.pop("date", UNSET)
        if date is not None and date is not UNSET:
            date = _parse_date(date)

        availability_check_required = d.pop("availabilityCheckRequired", UNSET)

        realtime_price_required = d.pop("realtimePriceRequired", UNSET)

        _price = d.pop("price", UNSET)
        price: OfferEmbeddedPrice | Unset
        if _price is UNSET:
            price = UNSET
        else:
            price = OfferEmbeddedPrice.from_dict(_price)

        _product = d.pop("product", UNSET)
        product: OfferEmbeddedProduct | Unset
        if _product is UNSET:
            product = UNSET
        else:
            product = OfferEmbeddedProduct.from_dict(_product)

        _tickets = d.pop("tickets", UNSET)
        tickets: list[OfferEmbeddedTicket] | Unset = UNSET
        if _tickets is not UNSET:
            tickets = []
            for tickets_item_data in _tickets:
                tickets_item = OfferEmbeddedTicket.from_dict(tickets_item_data)

                tickets.append(tickets_item)

        available_quantity: int | None | Unset = d.pop("availableQuantity", UNSET)

        ticketing_offer = cls(
            id,
            date,
            availability_check_required,
            realtime_price_required,
            price,
            product,
            tickets,
            available_quantity,
        )

        ticketing_offer.additional_properties = d
        return ticketing_offer

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_date(data: object) -> datetime.date | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            date_type_0 = datetime.date.fromisoformat(data)

            return date_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.date | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.offer_embedded_price import OfferEmbeddedPrice
from ..models.offer_embedded_product import OfferEmbeddedProduct
from ..models.offer_embedded_ticket import OfferEmbeddedTicket
