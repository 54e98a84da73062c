from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="Beneficiary")


@_attrs_define
class Beneficiary:
    """The person a ticket is issued to.

    Attributes:
        firstname (str | Unset):  Example: John.
        lastname (str | Unset):  Example: Doe.
        email (None | str | Unset):  Example: john.doe@example.com.
        phone (None | str | Unset):  Example: +33610203040.
        title (None | str | Unset):  Example: mr.
        date_of_birth (None | str | Unset):  Example: 2000-01-01.
        place_of_birth (None | str | Unset):  Example: Aix-en-Provence.
        nationality (None | str | Unset):  Example: FR.
    """

    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    date_of_birth: None | str | Unset = UNSET
    place_of_birth: None | str | Unset = UNSET
    nationality: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = self.date_of_birth

        place_of_birth: None | str | Unset
        if isinstance(self.place_of_birth, Unset):
            place_of_birth = UNSET
        else:
            place_of_birth = self.place_of_birth

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if title is not UNSET:
            field_dict["title"] = title
        if date_of_birth is not UNSET:
            field_dict["dateOfBirth"] = date_of_birth
        if place_of_birth is not UNSET:
            field_dict["placeOfBirth"] = place_of_birth
        if nationality is not UNSET:
            field_dict["nationality"] = nationality

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        email: None | str | Unset = d.pop("email", UNSET)

        phone: None | str | Unset = d.pop("phone", UNSET)

        title: None | str | Unset = d.pop("title", UNSET)

        date_of_birth: None | str | Unset = d.pop("dateOfBirth", UNSET)

        place_of_birth: None | str | Unset = d.pop("placeOfBirth", UNSET)

        nationality: None | str | Unset = d.pop("nationality", UNSET)

        beneficiary = cls(
            firstname,
            lastname,
            email,
            phone,
            title,
            date_of_birth,
            place_of_birth,
            nationality,
        )

        beneficiary.additional_properties = d
        return beneficiary

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
