from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="OfferEmbeddedPrice")


@_attrs_define
class OfferEmbeddedPrice:
    """The price embedded in an offer.

    Attributes:
        amount_incl_tax (str | Unset):  Example: 87.00.
        original_amount_incl_tax (None | str | Unset):  Example: 87.00.
        currency (str | Unset): Only EUR is supported for now. Example: EUR.
        sync_at (datetime.datetime | None | Unset):  Example: 2025-01-28T09:32:07+00:00.
    """

    amount_incl_tax: str | Unset = UNSET
    original_amount_incl_tax: None | str | Unset = UNSET
    currency: str | Unset = UNSET
    sync_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        amount_incl_tax = self.amount_incl_tax

        original_amount_incl_tax: None | str | Unset
        if isinstance(self.original_amount_incl_tax, Unset):
            original_amount_incl_tax = UNSET
        else:
            original_amount_incl_tax = self.original_amount_incl_tax

        currency = self.currency

        sync_at: None | str | Unset
        if isinstance(self.sync_at, Unset):
            sync_at = UNSET
        elif isinstance(self.sync_at, datetime.datetime):
            sync_at = self.sync_at.isoformat()
        else:
            sync_at = self.sync_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if original_amount_incl_tax is not UNSET:
            field_dict["originalAmountInclTax"] = original_amount_incl_tax
        if currency is not UNSET:
            field_dict["currency"] = currency
        if sync_at is not UNSET:
            field_dict["syncAt"] = sync_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_incl_tax = d.pop("amountInclTax", UNSET)

        original_amount_incl_tax: None | str | Unset = d.pop(
            "originalAmountInclTax", UNSET
        )

        currency = d.pop("currency", UNSET)

        sync_at: datetime.datetime | None | Unset = d.pop("syncAt", UNSET)
        if sync_at is not None and sync_at is not UNSET:
            sync_at = _parse_sync_at(sync_at)

        offer_embedded_price = cls(
            amount_incl_tax,
            original_amount_incl_tax,
            currency,
            sync_at,
        )

        offer_embedded_price.additional_properties = d
        return offer_embedded_price

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


def _parse_sync_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            sync_at_type_0 = datetime.datetime.fromisoformat(data)

            return sync_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)
