from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BookingOrderDocumentDownload")


@_attrs_define
class BookingOrderDocumentDownload:
    """A document with its temporary download URL.

    Attributes:
        id (str | Unset):  Example: 0194ad2c-491c-7c9e-b842-10ee940ed6a3.
        temporary_url (str | Unset): A signed URL from which the file can be downloaded for a limited time. Example:
            https://storage.googleapis.com/BUCKET/0194a854-daf4-78fc-aed1-b39a0867add7/0194b6c7-cbc8-7e79-b8a8-
            e95ffd98d08f/0194b6c7-cbc8-7e79-b8a8-
            e95ffe2acb49.pdf?GoogleAccessId=bucket%40bucket.iam.gserviceaccount.com&Expires=1738235339&Signature=....
        cached_language (None | str | Unset): The language of the document served. Example: fr.
    """

    id: str | Unset = UNSET
    temporary_url: str | Unset = UNSET
    cached_language: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        temporary_url = self.temporary_url

        cached_language: None | str | Unset
        if isinstance(self.cached_language, Unset):
            cached_language = UNSET
        else:
            cached_language = self.cached_language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if temporary_url is not UNSET:
            field_dict["temporaryUrl"] = temporary_url
        if cached_language is not UNSET:
            field_dict["cachedLanguage"] = cached_language

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        temporary_url = d.pop("temporaryUrl", UNSET)

        cached_language: None | str | Unset = d.pop("cachedLanguage", UNSET)

        booking_order_document_download = cls(
            id,
            temporary_url,
            cached_language,
        )

        booking_order_document_download.additional_properties = d
        return booking_order_document_download

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
