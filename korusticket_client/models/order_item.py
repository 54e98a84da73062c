from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.booking_order_item_ticket import BookingOrderItemTicket
    from ..models.order_item_offer_ticket import OrderItemOfferTicket


T = TypeVar("T", bound="OrderItem")


@_attrs_define
class OrderItem:
    """The booked content of an order: detailed price and booked tickets.

    Attributes:
        id (None | str | Unset): The order item identifier, used in ticket paths. Example:
            0194b132-44a0-7b61-a1c4-3d2e5f6a7b8c.
        amount_incl_tax (str | Unset):  Example: 100.00.
        amount_excl_tax (None | str | Unset):  Example: 80.00.
        date (datetime.date | None | Unset):  Example: 2025-01-27.
        offer (None | str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894.
        product (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/products/0194abfe-1c04-7ade-9bc3-dbcfefb12652.
        quantity (int | None | Unset):  Example: 1.
        unit_amount_incl_tax (None | str | Unset):  Example: 42.32.
        unit_amount_excl_tax (None | str | Unset):  Example: 40.11.
        total_amount_incl_tax (None | str | Unset):  Example: 42.32.
        total_amount_excl_tax (None | str | Unset):  Example: 40.11.
        offer_tickets (list[OrderItemOfferTicket] | None | Unset):
        tickets (list[BookingOrderItemTicket] | Unset):
    """

    id: None | str | Unset = UNSET
    amount_incl_tax: str | Unset = UNSET
    amount_excl_tax: None | str | Unset = UNSET
    date: datetime.date | None | Unset = UNSET
    offer: None | str | Unset = UNSET
    product: str | Unset = UNSET
    quantity: int | None | Unset = UNSET
    unit_amount_incl_tax: None | str | Unset = UNSET
    unit_amount_excl_tax: None | str | Unset = UNSET
    total_amount_incl_tax: None | str | Unset = UNSET
    total_amount_excl_tax: None | str | Unset = UNSET
    offer_tickets: list[OrderItemOfferTicket] | None | Unset = UNSET
    tickets: list[BookingOrderItemTicket] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        amount_incl_tax = self.amount_incl_tax

        amount_excl_tax: None | str | Unset
        if isinstance(self.amount_excl_tax, Unset):
            amount_excl_tax = UNSET
        else:
            amount_excl_tax = self.amount_excl_tax

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        offer: None | str | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        else:
            offer = self.offer

        product = self.product

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        unit_amount_incl_tax: None | str | Unset
        if isinstance(self.unit_amount_incl_tax, Unset):
            unit_amount_incl_tax = UNSET
        else:
            unit_amount_incl_tax = self.unit_amount_incl_tax

        unit_amount_excl_tax: None | str | Unset
        if isinstance(self.unit_amount_excl_tax, Unset):
            unit_amount_excl_tax = UNSET
        else:
            unit_amount_excl_tax = self.unit_amount_excl_tax

        total_amount_incl_tax: None | str | Unset
        if isinstance(self.total_amount_incl_tax, Unset):
            total_amount_incl_tax = UNSET
        else:
            total_amount_incl_tax = self.total_amount_incl_tax

        total_amount_excl_tax: None | str | Unset
        if isinstance(self.total_amount_excl_tax, Unset):
            total_amount_excl_tax = UNSET
        else:
            total_amount_excl_tax = self.total_amount_excl_tax

        offer_tickets: list[dict[str, Any]] | None | Unset
        if isinstance(self.offer_tickets, Unset):
            offer_tickets = UNSET
        elif isinstance(self.offer_tickets, list):
            offer_tickets = []
            for offer_tickets_type_0_item_data in self.offer_tickets:
                offer_tickets_type_0_item = offer_tickets_type_0_item_data.to_dict()
                offer_tickets.append(offer_tickets_type_0_item)

        else:
            offer_tickets = self.offer_tickets

        tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = []
            for tickets_item_data in self.tickets:
                tickets_item = tickets_item_data.to_dict()
                tickets.append(tickets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if amount_excl_tax is not UNSET:
            field_dict["amountExclTax"] = amount_excl_tax
        if date is not UNSET:
            field_dict["date"] = date
        if offer is not UNSET:
            field_dict["offer"] = offer
        if product is not UNSET:
            field_dict["product"] = product
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if unit_amount_incl_tax is not UNSET:
            field_dict["unitAmountInclTax"] = unit_amount_incl_tax
        if unit_amount_excl_tax is not UNSET:
            field_dict["unitAmountExclTax"] = unit_amount_excl_tax
        if total_amount_incl_tax is not UNSET:
            field_dict["totalAmountInclTax"] = total_amount_incl_tax
        if total_amount_excl_tax is not UNSET:
            field_dict["totalAmountExclTax"] = total_amount_excl_tax
        if offer_tickets is not UNSET:
            field_dict["offerTickets"] = offer_tickets
        if tickets is not UNSET:
            field_dict["tickets"] = tickets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id: None | str | Unset = d.pop("id", UNSET)

        amount_incl_tax = d.pop("amountInclTax", UNSET)

        amount_excl_tax: None | str | Unset = d.pop("amountExclTax", UNSET)

        date: datetime.date | None | Unset = d.pop("date", UNSET)
        if date is not None and date is not UNSET:
            date = _parse_date(date)

        offer: None | str | Unset = d.pop("offer", UNSET)

        product = d.pop("product", UNSET)

        quantity: int | None | Unset = d.pop("quantity", UNSET)

        unit_amount_incl_tax: None | str | Unset = d.pop("unitAmountInclTax", UNSET)

        unit_amount_excl_tax: None | str | Unset = d.pop("unitAmountExclTax", UNSET)

        total_amount_incl_tax: None | str | Unset = d.pop("totalAmountInclTax", UNSET)

        total_amount_excl_tax: None | str | Unset = d.pop("totalAmountExclTax", UNSET)

        offer_tickets: list[OrderItemOfferTicket] | None | Unset = d.pop(
            "offerTickets", UNSET
        )
        if offer_tickets is not None and offer_tickets is not UNSET:
            offer_tickets = _parse_offer_tickets(offer_tickets)

        _tickets = d.pop("tickets", UNSET)
        tickets: list[BookingOrderItemTicket] | Unset = UNSET
        if _tickets is not UNSET:
            tickets = []
            for tickets_item_data in _tickets:
                tickets_item = BookingOrderItemTicket.from_dict(tickets_item_data)

                tickets.append(tickets_item)

        order_item = cls(
            id,
            amount_incl_tax,
            amount_excl_tax,
            date,
            offer,
            product,
            quantity,
            unit_amount_incl_tax,
            unit_amount_excl_tax,
            total_amount_incl_tax,
            total_amount_excl_tax,
            offer_tickets,
            tickets,
        )

        order_item.additional_properties = d
        return order_item

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


def _parse_offer_tickets(data: object) -> list[OrderItemOfferTicket] | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, list):
        try:
            offer_tickets_type_0 = []
            _offer_tickets_type_0 = data
            for offer_tickets_type_0_item_data in _offer_tickets_type_0:
                offer_tickets_type_0_item = OrderItemOfferTicket.from_dict(
                    offer_tickets_type_0_item_data
                )

                offer_tickets_type_0.append(offer_tickets_type_0_item)

            return offer_tickets_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[OrderItemOfferTicket] | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.booking_order_item_ticket import BookingOrderItemTicket
from ..models.order_item_offer_ticket import OrderItemOfferTicket
