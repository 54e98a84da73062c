from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="TicketingOfferTicketSession")


@_attrs_define
class TicketingOfferTicketSession:
    """A time slot of an offer ticket.

    Attributes:
        id (str | Unset):  Example: 0199570c-9a85-7f53-962a-a8f0a54441cb.
        occurs_at (datetime.datetime | Unset): When the session starts. Example: 2025-06-07T20:00:00+02:00.
        duration (int | None | Unset): Length of the session in minutes, when known.
        available_quantity (int | None | Unset): Units left (close to real time); null means unlimited. Example: 56.
    """

    id: str | Unset = UNSET
    occurs_at: datetime.datetime | Unset = UNSET
    duration: int | None | Unset = UNSET
    available_quantity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurs_at: str | Unset = UNSET
        if not isinstance(self.occurs_at, Unset):
            occurs_at = self.occurs_at.isoformat()

        duration: int | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        available_quantity: int | None | Unset
        if isinstance(self.available_quantity, Unset):
            available_quantity = UNSET
        else:
            available_quantity = self.available_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if occurs_at is not UNSET:
            field_dict["occursAt"] = occurs_at
        if duration is not UNSET:
            field_dict["duration"] = duration
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _occurs_at = d.pop("occursAt", UNSET)
        occurs_at: datetime.datetime | Unset
        if _occurs_at is UNSET:
            occurs_at = UNSET
        else:
            occurs_at = datetime.datetime.fromisoformat(_occurs_at)

        duration: int | None | Unset = d.pop("duration", UNSET)

        available_quantity: int | None | Unset = d.pop("availableQuantity", UNSET)

        ticketing_offer_ticket_session = cls(
            id,
            occurs_at,
            duration,
            available_quantity,
        )

        ticketing_offer_ticket_session.additional_properties = d
        return ticketing_offer_ticket_session

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
