from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="HydraSearchMapping")


@_attrs_define
class HydraSearchMapping:
    """
    Attributes:
        variable (str | Unset):  Example: date.
        property_ (None | str | Unset):  Example: date.
        required (bool | Unset):  Example: False.
    """

    variable: str | Unset = UNSET
    property_: None | str | Unset = UNSET
    required: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        variable = self.variable

        property_: None | str | Unset
        if isinstance(self.property_, Unset):
            property_ = UNSET
        else:
            property_ = self.property_

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if variable is not UNSET:
            field_dict["variable"] = variable
        if property_ is not UNSET:
            field_dict["property"] = property_
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        variable = d.pop("variable", UNSET)

        property_: None | str | Unset = d.pop("property", UNSET)

        required = d.pop("required", UNSET)

        hydra_search_mapping = cls(
            variable,
            property_,
            required,
        )

        hydra_search_mapping.additional_properties = d
        return hydra_search_mapping

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
