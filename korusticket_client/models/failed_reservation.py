from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="FailedReservation")


@_attrs_define
class FailedReservation:
    """An item of a bulk reservation that the ticketing system refused.

    Attributes:
        offer (str | Unset): IRI of the offer that could not be reserved. Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894.
        quantity (int | Unset): The quantity that was asked for. Example: 1.
        message (str | Unset): Why the ticketing system refused the item. Example: The offer is no longer available..
    """

    offer: str | Unset = UNSET
    quantity: int | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quantity = self.quantity

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if offer is not UNSET:
            field_dict["offer"] = offer
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        offer = d.pop("offer", UNSET)

        quantity = d.pop("quantity", UNSET)

        message = d.pop("message", UNSET)

        failed_reservation = cls(
            offer,
            quantity,
            message,
        )

        failed_reservation.additional_properties = d
        return failed_reservation

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
