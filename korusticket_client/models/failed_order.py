from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="FailedOrder")


@_attrs_define
class FailedOrder:
    """A reservation of a bulk order that the ticketing system refused.

    Attributes:
        reservation (str | Unset): IRI of the reservation that could not be ordered. Example:
            /v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746.
        message (str | Unset): Why the ticketing system refused it. Example: The ticketing system refused the order..
    """

    reservation: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reservation = self.reservation

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reservation is not UNSET:
            field_dict["reservation"] = reservation
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reservation = d.pop("reservation", UNSET)

        message = d.pop("message", UNSET)

        failed_order = cls(
            reservation,
            message,
        )

        failed_order.additional_properties = d
        return failed_order

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
