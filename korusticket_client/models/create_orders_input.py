from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.create_orders_input_customer import CreateOrdersInputCustomer


T = TypeVar("T", bound="CreateOrdersInput")


@_attrs_define
class CreateOrdersInput:
    """
    Attributes:
        reservations (list[str]): IRIs of the reservations to order. Example:
            ['/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746'].
        customer (CreateOrdersInputCustomer): The customer placing the order.
        external_reference (str): Your own reference; several calls may share it to group orders of one booking.
            Example: CUSTOM_BOOKING_REF_NUMBER_003.
        notes (None | str | Unset):  Example: Special assistance needed.
    """

    reservations: list[str]
    customer: CreateOrdersInputCustomer
    external_reference: str
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reservations = self.reservations

        customer = self.customer.to_dict()

        external_reference = self.external_reference

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reservations": reservations,
                "customer": customer,
                "externalReference": external_reference,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        reservations = cast(list[str], d.pop("reservations"))

        customer = CreateOrdersInputCustomer.from_dict(d.pop("customer"))

        external_reference = d.pop("externalReference")

        notes: None | str | Unset = d.pop("notes", UNSET)

        create_orders_input = cls(
            reservations,
            customer,
            external_reference,
            notes,
        )

        create_orders_input.additional_properties = d
        return create_orders_input

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


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.create_orders_input_customer import CreateOrdersInputCustomer
