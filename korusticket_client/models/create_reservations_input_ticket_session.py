from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.create_reservations_input_form_data import (
        CreateReservationsInputFormData,
    )


T = TypeVar("T", bound="CreateReservationsInputTicketSession")


@_attrs_define
class CreateReservationsInputTicketSession:
    """
    Attributes:
        ticket (str): IRI of a ticket of the offer. Example: /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-
            89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894/tickets/7522b8de-37a2-458d-b099-6d515b0739be.
        session (None | str | Unset): IRI of the session chosen for the ticket; leave it out for all-day tickets.
            Example: /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-
            26fc2df25894/tickets/7522b8de-37a2-458d-b099-6d515b0739be/sessions/337177bc-e513-444f-bcee-49a3e25b48a3.
        form_data (CreateReservationsInputFormData | Unset):
    """

    ticket: str
    session: None | str | Unset = UNSET
    form_data: CreateReservationsInputFormData | Unset = UNSET
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

        form_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.form_data, Unset):
            form_data = self.form_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket": ticket,
            }
        )
        if session is not UNSET:
            field_dict["session"] = session
        if form_data is not UNSET:
            field_dict["formData"] = form_data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ticket = d.pop("ticket")

        session: None | str | Unset = d.pop("session", UNSET)

        _form_data = d.pop("formData", UNSET)
        form_data: CreateReservationsInputFormData | Unset
        if _form_data is UNSET:
            form_data = UNSET
        else:
            form_data = CreateReservationsInputFormData.from_dict(_form_data)

        create_reservations_input_ticket_session = cls(
            ticket,
            session,
            form_data,
        )

        create_reservations_input_ticket_session.additional_properties = d
        return create_reservations_input_ticket_session

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
from ..models.create_reservations_input_form_data import CreateReservationsInputFormData
