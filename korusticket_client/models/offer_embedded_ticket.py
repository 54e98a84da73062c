from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="OfferEmbeddedTicket")


@_attrs_define
class OfferEmbeddedTicket:
    """A ticket embedded in an offer.

    Attributes:
        id (None | str | Unset):  Example: 0194ac40-fda7-78c1-8fcb-26fc2e2612d4.
        name (None | str | Unset):  Example: Puy du Fou Adulte.
        description (None | str | Unset):
        date_access (bool | Unset): True: the ticket gives access for the whole day; false: a session must be chosen.
            Example: True.
        form (None | str | Unset): IRI of the form to fill in for this ticket, if any. Example:
            /v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb.
    """

    id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    date_access: bool | Unset = UNSET
    form: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        date_access = self.date_access

        form: None | str | Unset
        if isinstance(self.form, Unset):
            form = UNSET
        else:
            form = self.form

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if date_access is not UNSET:
            field_dict["dateAccess"] = date_access
        if form is not UNSET:
            field_dict["form"] = form

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id: None | str | Unset = d.pop("id", UNSET)

        name: None | str | Unset = d.pop("name", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        date_access = d.pop("dateAccess", UNSET)

        form: None | str | Unset = d.pop("form", UNSET)

        offer_embedded_ticket = cls(
            id,
            name,
            description,
            date_access,
            form,
        )

        offer_embedded_ticket.additional_properties = d
        return offer_embedded_ticket

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
