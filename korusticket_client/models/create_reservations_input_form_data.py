from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.create_reservations_input_form_field import (
        CreateReservationsInputFormField,
    )


T = TypeVar("T", bound="CreateReservationsInputFormData")


@_attrs_define
class CreateReservationsInputFormData:
    """
    Attributes:
        form (str | Unset): IRI of the form. Example: /v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb.
        fields (list[CreateReservationsInputFormField] | Unset):
    """

    form: str | Unset = UNSET
    fields: list[CreateReservationsInputFormField] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        form = self.form

        fields: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.to_dict()
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if form is not UNSET:
            field_dict["form"] = form
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        form = d.pop("form", UNSET)

        _fields = d.pop("fields", UNSET)
        fields: list[CreateReservationsInputFormField] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = CreateReservationsInputFormField.from_dict(
                    fields_item_data
                )

                fields.append(fields_item)

        create_reservations_input_form_data = cls(
            form,
            fields,
        )

        create_reservations_input_form_data.additional_properties = d
        return create_reservations_input_form_data

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
from ..models.create_reservations_input_form_field import (
    CreateReservationsInputFormField,
)
