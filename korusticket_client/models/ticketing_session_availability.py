from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

T = TypeVar("T", bound="TicketingSessionAvailability")


@_attrs_define
class TicketingSessionAvailability:
    """Units left for one session.

    Attributes:
        session (str | Unset): IRI of the session. Example: /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-
            89d4be0cd73e/offers/0194ac3f-7bdd-7175-a275-30c865618283/tickets/0199570c-9a82-791e-ab92-
            88e99b5f159a/sessions/0199570c-9a85-7f53-962a-a8f0a54441cb.
        available_quantity (int | None | Unset):  Example: 4000.
    """

    session: str | Unset = UNSET
    available_quantity: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        session = self.session

        available_quantity: int | None | Unset
        if isinstance(self.available_quantity, Unset):
            available_quantity = UNSET
        else:
            available_quantity = self.available_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session is not UNSET:
            field_dict["session"] = session
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session = d.pop("session", UNSET)

        available_quantity: int | None | Unset = d.pop("availableQuantity", UNSET)

        ticketing_session_availability = cls(
            session,
            available_quantity,
        )

        ticketing_session_availability.additional_properties = d
        return ticketing_session_availability

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
