from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BookingOrderDocument")


@_attrs_define
class BookingOrderDocument:
    """A file of an order, typically the customer's tickets.

    Attributes:
        id (str | Unset):  Example: 0194ad2c-491c-7c9e-b842-10ee940ed6a3.
        downloadable_at (datetime.datetime | None | Unset): From when the file can be downloaded. Example:
            2025-01-27T15:15:20+00:00.
    """

    id: str | Unset = UNSET
    downloadable_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        downloadable_at: None | str | Unset
        if isinstance(self.downloadable_at, Unset):
            downloadable_at = UNSET
        elif isinstance(self.downloadable_at, datetime.datetime):
            downloadable_at = self.downloadable_at.isoformat()
        else:
            downloadable_at = self.downloadable_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if downloadable_at is not UNSET:
            field_dict["downloadableAt"] = downloadable_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        downloadable_at: datetime.datetime | None | Unset = d.pop(
            "downloadableAt", UNSET
        )
        if downloadable_at is not None and downloadable_at is not UNSET:
            downloadable_at = _parse_downloadable_at(downloadable_at)

        booking_order_document = cls(
            id,
            downloadable_at,
        )

        booking_order_document.additional_properties = d
        return booking_order_document

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


def _parse_downloadable_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            downloadable_at_type_0 = datetime.datetime.fromisoformat(data)

            return downloadable_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)
