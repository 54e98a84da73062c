from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

T = TypeVar("T", bound="CreateReservationsInputFormField")


@_attrs_define
class CreateReservationsInputFormField:
    """
    Attributes:
        field (str): IRI of the form field. Example:
            /v1/forms/01953871-e6dd-7f75-8c2d-39a2dd122b22/fields/01953871-e6df-7135-bd6c-ebe655262810.
        value (str): The answer, always as a string (see the operation's description). Example: Doe.
    """

    field: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field")

        value = d.pop("value")

        create_reservations_input_form_field = cls(
            field,
            value,
        )

        create_reservations_input_form_field.additional_properties = d
        return create_reservations_input_form_field

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
