from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_title import PersonTitle
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="BeneficiaryInput")


@_attrs_define
class BeneficiaryInput:
    """
    Attributes:
        firstname (str):  Example: john.
        lastname (str):  Example: doe.
        title (None | PersonTitle | Unset):  Example: mr.
        nationality (None | str | Unset):  Example: FR.
        date_of_birth (None | str | Unset):  Example: 2000-01-01.
        place_of_birth (None | str | Unset):  Example: Aix-en-Provence.
        email (None | str | Unset):  Example: john.doe@example.com.
        phone (None | str | Unset):  Example: +33610203040.
    """

    firstname: str
    lastname: str
    title: None | PersonTitle | Unset = UNSET
    nationality: None | str | Unset = UNSET
    date_of_birth: None | str | Unset = UNSET
    place_of_birth: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        elif isinstance(self.title, str):
            title = self.title
        else:
            title = self.title

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstname": firstname,
                "lastname": lastname,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if date_of_birth is not UNSET:
            field_dict["dateOfBirth"] = date_of_birth
        if place_of_birth is not UNSET:
            field_dict["placeOfBirth"] = place_of_birth
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        firstname = d.pop("firstname")

        lastname = d.pop("lastname")

        title: None | PersonTitle | Unset = d.pop("title", UNSET)

        nationality: None | str | Unset = d.pop("nationality", UNSET)

        date_of_birth: None | str | Unset = d.pop("dateOfBirth", UNSET)

        place_of_birth: None | str | Unset = d.pop("placeOfBirth", UNSET)

        email: None | str | Unset = d.pop("email", UNSET)

        phone: None | str | Unset = d.pop("phone", UNSET)

        beneficiary_input = cls(
            firstname,
            lastname,
            title,
            nationality,
            date_of_birth,
            place_of_birth,
            email,
            phone,
        )

        beneficiary_input.additional_properties = d
        return beneficiary_input

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
