from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr

if TYPE_CHECKING:
    from ..models.create_reservations_input_ticket_session import (
        CreateReservationsInputTicketSession,
    )


T = TypeVar("T", bound="CreateReservationsInputItem")


@_attrs_define
class CreateReservationsInputItem:
    """
    Attributes:
        offer (str): The offer to reserve. Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894.
        quantity (int): How many units of the offer to reserve. Example: 1.
        ticket_sessions (list[CreateReservationsInputTicketSession]): Maps each ticket of the offer to its selected
            session.
    """

    offer: str
    quantity: int
    ticket_sessions: list[CreateReservationsInputTicketSession]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quantity = self.quantity

        ticket_sessions = []
        for ticket_sessions_item_data in self.ticket_sessions:
            ticket_sessions_item = ticket_sessions_item_data.to_dict()
            ticket_sessions.append(ticket_sessions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer": offer,
                "quantity": quantity,
                "ticketSessions": ticket_sessions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        offer = d.pop("offer")

        quantity = d.pop("quantity")

        ticket_sessions = []
        _ticket_sessions = d.pop("ticketSessions")
        for ticket_sessions_item_data in _ticket_sessions:
            ticket_sessions_item = CreateReservationsInputTicketSession.from_dict(
                ticket_sessions_item_data
            )

            ticket_sessions.append(ticket_sessions_item)

        create_reservations_input_item = cls(
            offer,
            quantity,
            ticket_sessions,
        )

        create_reservations_input_item.additional_properties = d
        return create_reservations_input_item

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
from ..models.create_reservations_input_ticket_session import (
    CreateReservationsInputTicketSession,
)
