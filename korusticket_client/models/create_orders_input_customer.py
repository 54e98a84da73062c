from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_title import PersonTitle, check_person_title
from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="CreateOrdersInputCustomer")


@_attrs_define
class CreateOrdersInputCustomer:
    """The customer placing the order.

    Attributes:
        firstname (str):  Example: john.
        lastname (str):  Example: doe.
        email (str):  Example: john.doe@example.com.
        phone (str | Unset):  Example: +33610203040.
        country (str | Unset):  Example: FR.
        language (str | Unset):  Example: fr.
        optin (bool | Unset):  Example: False.
        title (PersonTitle | Unset):  Example: mr.
    """

    firstname: str
    lastname: str
    email: str
    phone: str | Unset = UNSET
    country: str | Unset = UNSET
    language: str | Unset = UNSET
    optin: bool | Unset = UNSET
    title: PersonTitle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        email = self.email

        phone = self.phone

        country = self.country

        language = self.language

        optin = self.optin

        title: str | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstname": firstname,
                "lastname": lastname,
                "email": email,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if optin is not UNSET:
            field_dict["optin"] = optin
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        firstname = d.pop("firstname")

        lastname = d.pop("lastname")

        email = d.pop("email")

        phone = d.pop("phone", UNSET)

        country = d.pop("country", UNSET)

        language = d.pop("language", UNSET)

        optin = d.pop("optin", UNSET)

        _title = d.pop("title", UNSET)
        title: PersonTitle | Unset
        if _title is UNSET:
            title = UNSET
        else:
            title = check_person_title(_title)

        create_orders_input_customer = cls(
            firstname,
            lastname,
            email,
            phone,
            country,
            language,
            optin,
            title,
        )

        create_orders_input_customer.additional_properties = d
        return create_orders_input_customer

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
