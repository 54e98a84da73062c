from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """A problem report (400, 403, 404).

    Attributes:
        title (None | str | Unset): A short, human-readable summary of the problem. Example: An error occurred.
        detail (None | str | Unset): An explanation specific to this occurrence of the problem. Example: Not Found.
        status (float | Unset):  Example: 404.
        instance (None | str | Unset): A URI reference that identifies this occurrence of the problem; it may not be
            dereferenceable.
        type_ (str | Unset): A URI reference that identifies the problem type. Example: /errors/404.
        description (None | str | Unset):  Example: Not Found.
    """

    title: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    status: float | Unset = UNSET
    instance: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        status = self.status

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        type_ = self.type_

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if status is not UNSET:
            field_dict["status"] = status
        if instance is not UNSET:
            field_dict["instance"] = instance
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title: None | str | Unset = d.pop("title", UNSET)

        detail: None | str | Unset = d.pop("detail", UNSET)

        status = d.pop("status", UNSET)

        instance: None | str | Unset = d.pop("instance", UNSET)

        type_ = d.pop("type", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        error = cls(
            title,
            detail,
            status,
            instance,
            type_,
            description,
        )

        error.additional_properties = d
        return error

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
