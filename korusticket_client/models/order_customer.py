from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="OrderCustomer")


@_attrs_define
class OrderCustomer:
    """The customer who placed the order.

    Attributes:
        firstname (str | Unset):  Example: john.
        lastname (str | Unset):  Example: doe.
        email (str | Unset):  Example: john.doe@example.com.
        phone (str | Unset):  Example: +33610203040.
        optin (bool | Unset):  Example: False.
        country (str | Unset):  Example: FR.
        language (str | Unset):  Example: fr.
        title (str | Unset):  Example: mr.
    """

    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    optin: bool | Unset = UNSET
    country: str | Unset = UNSET
    language: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        email = self.email

        phone = self.phone

        optin = self.optin

        country = self.country

        language = self.language

        title = self.title

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
        if optin is not UNSET:
            field_dict["optin"] = optin
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        optin = d.pop("optin", UNSET)

        country = d.pop("country", UNSET)

        language = d.pop("language", UNSET)

        title = d.pop("title", UNSET)

        order_customer = cls(
            firstname,
            lastname,
            email,
            phone,
            optin,
            country,
            language,
            title,
        )

        order_customer.additional_properties = d
        return order_customer

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
