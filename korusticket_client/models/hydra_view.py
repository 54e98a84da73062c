from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="HydraView")


@_attrs_define
class HydraView:
    """
    Example:
        {'@id': 'string', '@type': 'string', 'first': 'string', 'last': 'string', 'previous': 'string', 'next':
            'string'}

    Attributes:
        first (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/events?itemsPerPage=2&page=1.
        last (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/events?itemsPerPage=2&page=7.
        previous (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/events?itemsPerPage=2&page=1.
        next_ (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/events?itemsPerPage=2&page=2.
    """

    first: str | Unset = UNSET
    last: str | Unset = UNSET
    previous: str | Unset = UNSET
    next_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        first = self.first

        last = self.last

        previous = self.previous

        next_ = self.next_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first is not UNSET:
            field_dict["first"] = first
        if last is not UNSET:
            field_dict["last"] = last
        if previous is not UNSET:
            field_dict["previous"] = previous
        if next_ is not UNSET:
            field_dict["next"] = next_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        first = d.pop("first", UNSET)

        last = d.pop("last", UNSET)

        previous = d.pop("previous", UNSET)

        next_ = d.pop("next", UNSET)

        hydra_view = cls(
            first,
            last,
            previous,
            next_,
        )

        hydra_view.additional_properties = d
        return hydra_view

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
