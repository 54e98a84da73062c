from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.ticketing_session_availability import TicketingSessionAvailability


T = TypeVar("T", bound="TicketingOfferAvailability")


@_attrs_define
class TicketingOfferAvailability:
    """Real-time availability of an offer and its sessions.

    Attributes:
        available_quantity (int | None | Unset): Units left for the offer; null means unlimited. Example: 41301.
        sessions_availability (list[TicketingSessionAvailability] | Unset):
    """

    available_quantity: int | None | Unset = UNSET
    sessions_availability: list[TicketingSessionAvailability] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        available_quantity: int | None | Unset
        if isinstance(self.available_quantity, Unset):
            available_quantity = UNSET
        else:
            available_quantity = self.available_quantity

        sessions_availability: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions_availability, Unset):
            sessions_availability = []
            for sessions_availability_item_data in self.sessions_availability:
                sessions_availability_item = sessions_availability_item_data.to_dict()
                sessions_availability.append(sessions_availability_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity
        if sessions_availability is not UNSET:
            field_dict["sessionsAvailability"] = sessions_availability

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        available_quantity: int | None | Unset = d.pop("availableQuantity", UNSET)

        _sessions_availability = d.pop("sessionsAvailability", UNSET)
        sessions_availability: list[TicketingSessionAvailability] | Unset = UNSET
        if _sessions_availability is not UNSET:
            sessions_availability = []
            for sessions_availability_item_data in _sessions_availability:
                sessions_availability_item = TicketingSessionAvailability.from_dict(
                    sessions_availability_item_data
                )

                sessions_availability.append(sessions_availability_item)

        ticketing_offer_availability = cls(
            available_quantity,
            sessions_availability,
        )

        ticketing_offer_availability.additional_properties = d
        return ticketing_offer_availability

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


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.ticketing_session_availability import TicketingSessionAvailability
