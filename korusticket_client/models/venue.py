from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Venue")


@_attrs_define
class Venue:
    """Where the events take place.

    Attributes:
        name (str | Unset):  Example: Le Puy du Fou.
        line1 (None | str | Unset):  Example: 2 Rue Jean-Paul II.
        line2 (None | str | Unset):
        postal_code (None | str | Unset):  Example: 85590.
        city (None | str | Unset):  Example: Les Epesses.
        country (None | str | Unset):  Example: FR.
        phone (None | str | Unset):  Example: +33251646464.
        website (None | str | Unset):  Example: https://www.puydufou.com.
        latitude (None | str | Unset): Decimal degrees, as a string. Example: 46.8897.
        longitude (None | str | Unset): Decimal degrees, as a string. Example: -0.9294.
    """

    name: str | Unset = UNSET
    line1: None | str | Unset = UNSET
    line2: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    website: None | str | Unset = UNSET
    latitude: None | str | Unset = UNSET
    longitude: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        line1: None | str | Unset
        if isinstance(self.line1, Unset):
            line1 = UNSET
        else:
            line1 = self.line1

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        latitude: None | str | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: None | str | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if phone is not UNSET:
            field_dict["phone"] = phone
        if website is not UNSET:
            field_dict["website"] = website
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        line1: None | str | Unset = d.pop("line1", UNSET)

        line2: None | str | Unset = d.pop("line2", UNSET)

        postal_code: None | str | Unset = d.pop("postalCode", UNSET)

        city: None | str | Unset = d.pop("city", UNSET)

        country: None | str | Unset = d.pop("country", UNSET)

        phone: None | str | Unset = d.pop("phone", UNSET)

        website: None | str | Unset = d.pop("website", UNSET)

        latitude: None | str | Unset = d.pop("latitude", UNSET)

        longitude: None | str | Unset = d.pop("longitude", UNSET)

        venue = cls(
            name,
            line1,
            line2,
            postal_code,
            city,
            country,
            phone,
            website,
            latitude,
            longitude,
        )

        venue.additional_properties = d
        return venue

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
