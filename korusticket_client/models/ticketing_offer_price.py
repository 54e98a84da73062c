from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="TicketingOfferPrice")


@_attrs_define
class TicketingOfferPrice:
    """The current price of an offer.

    Attributes:
        amount_incl_tax (str | Unset): Amount including tax. Example: 100.00.
        amount_excl_tax (None | str | Unset): Amount excluding tax, when the ticket issuer provides it. Example: 80.00.
        currency (str | Unset): Only EUR is supported for now. Example: EUR.
    """

    amount_incl_tax: str | Unset = UNSET
    amount_excl_tax: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        amount_incl_tax = self.amount_incl_tax

        amount_excl_tax: None | str | Unset
        if isinstance(self.amount_excl_tax, Unset):
            amount_excl_tax = UNSET
        else:
            amount_excl_tax = self.amount_excl_tax

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if amount_excl_tax is not UNSET:
            field_dict["amountExclTax"] = amount_excl_tax
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_incl_tax = d.pop("amountInclTax", UNSET)

        amount_excl_tax: None | str | Unset = d.pop("amountExclTax", UNSET)

        currency = d.pop("currency", UNSET)

        ticketing_offer_price = cls(
            amount_incl_tax,
            amount_excl_tax,
            currency,
        )

        ticketing_offer_price.additional_properties = d
        return ticketing_offer_price

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
