from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.reservation_item_offer_ticket_seating import (
        ReservationItemOfferTicketSeating,
    )


T = TypeVar("T", bound="ReservationItemOfferTicket")


@_attrs_define
class ReservationItemOfferTicket:
    """A ticket of a reserved offer and its session.

    Attributes:
        ticket (str | Unset): IRI of the offer ticket. Example: /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-
            89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894/tickets/7522b8de-37a2-458d-b099-6d515b0739be.
        session (None | str | Unset): IRI of the session chosen for the ticket; absent or null for all-day tickets.
            Example: /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-
            26fc2df25894/tickets/7522b8de-37a2-458d-b099-6d515b0739be/sessions/337177bc-e513-444f-bcee-49a3e25b48a3.
        seating (None | ReservationItemOfferTicketSeating | Unset): Seat assignment when the ticket is seated, otherwise
            null.
    """

    ticket: str | Unset = UNSET
    session: None | str | Unset = UNSET
    seating: None | ReservationItemOfferTicketSeating | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        ticket = self.ticket

        session: None | str | Unset
        if isinstance(self.session, Unset):
            session = UNSET
        else:
            session = self.session

        seating: dict[str, Any] | None | Unset
        if isinstance(self.seating, Unset):
            seating = UNSET
        elif isinstance(self.seating, ReservationItemOfferTicketSeating):
            seating = self.seating.to_dict()
        else:
            seating = self.seating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ticket is not UNSET:
            field_dict["ticket"] = ticket
        if session is not UNSET:
            field_dict["session"] = session
        if seating is not UNSET:
            field_dict["seating"] = seating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket = d.pop("ticket", UNSET)

        session: None | str | Unset = d.pop("session", UNSET)

        seating: None | ReservationItemOfferTicketSeating | Unset = d.pop(
            "seating", UNSET
        )
        if seating is not None and seating is not UNSET:
            seating = _parse_seating(seating)

        reservation_item_offer_ticket = cls(
            ticket,
            session,
            seating,
        )

        reservation_item_offer_ticket.additional_properties = d
        return reservation_item_offer_ticket

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


def _parse_seating(data: object) -> None | ReservationItemOfferTicketSeating | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            seating_type_0 = ReservationItemOfferTicketSeating.from_dict(data)

            return seating_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | ReservationItemOfferTicketSeating | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.reservation_item_offer_ticket_seating import (
    ReservationItemOfferTicketSeating,
)
