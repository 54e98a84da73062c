from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.ticketing_offer_ticket_session import TicketingOfferTicketSession


T = TypeVar("T", bound="TicketingOfferTicket")


@_attrs_define
class TicketingOfferTicket:
    """A ticket of an offer.

    Attributes:
        id (str | Unset):  Example: 0194cb3b-55d8-7d9f-a344-cee66d7d20dd.
        name (str | Unset):  Example: A great offer's ticket name.
        description (None | str | Unset):  Example: A great offer's ticket description.
        date_access (bool | Unset): True: the ticket gives access for the whole day; false: a session must be chosen.
            Example: False.
        form (None | str | Unset): IRI of the form to fill in for this ticket, if any. Example:
            /v1/forms/0195197f-7918-7285-bb4b-7df2b682c3eb.
        sessions (list[TicketingOfferTicketSession] | None | Unset): The sessions to choose from; empty for all-day
            tickets.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    date_access: bool | Unset = UNSET
    form: None | str | Unset = UNSET
    sessions: list[TicketingOfferTicketSession] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

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

        sessions: list[dict[str, Any]] | None | Unset
        if isinstance(self.sessions, Unset):
            sessions = UNSET
        elif isinstance(self.sessions, list):
            sessions = []
            for sessions_type_0_item_data in self.sessions:
                sessions_type_0_item = sessions_type_0_item_data.to_dict()
                sessions.append(sessions_type_0_item)

        else:
            sessions = self.sessions

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
        if sessions is not UNSET:
            field_dict["sessions"] = sessions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        date_access = d.pop("dateAccess", UNSET)

        form: None | str | Unset = d.pop("form", UNSET)

        sessions: list[TicketingOfferTicketSession] | None | Unset = d.pop(
            "sessions", UNSET
        )
        if sessions is not None and sessions is not UNSET:
            sessions = _parse_sessions(sessions)

        ticketing_offer_ticket = cls(
            id,
            name,
            description,
            date_access,
            form,
            sessions,
        )

        ticketing_offer_ticket.additional_properties = d
        return ticketing_offer_ticket

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


def _parse_sessions(data: object) -> list[TicketingOfferTicketSession] | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, list):
        try:
            sessions_type_0 = []
            _sessions_type_0 = data
            for sessions_type_0_item_data in _sessions_type_0:
                sessions_type_0_item = TicketingOfferTicketSession.from_dict(
                    sessions_type_0_item_data
                )

                sessions_type_0.append(sessions_type_0_item)

            return sessions_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[TicketingOfferTicketSession] | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.ticketing_offer_ticket_session import TicketingOfferTicketSession
