from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_order_item_ticket_status import (
    BookingOrderItemTicketStatus,
)
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.beneficiary import Beneficiary
    from ..models.booking_order_item_ticket_seating import BookingOrderItemTicketSeating


T = TypeVar("T", bound="BookingOrderItemTicket")


@_attrs_define
class BookingOrderItemTicket:
    """A ticket of an order item, embedded in the order.

    Attributes:
        id (str | Unset):  Example: 0194cb22-b891-754c-8c4c-777b93f8d072.
        voucher (None | str | Unset): The ticket's voucher (barcode) number. Example: 8555400800002783.
        occurs_at (datetime.datetime | None | Unset):  Example: 2025-02-27T15:15:20+00:00.
        event (None | str | Unset): IRI of the event the ticket is for.
        required_beneficiary_fields (list[str] | Unset): Beneficiary fields to send before the ticket's documents can be
            produced. Example: ['firstname', 'lastname'].
        beneficiary (Beneficiary | None | Unset):
        beneficiary_designation_deadline (datetime.datetime | None | Unset):  Example: 2025-02-20T23:59:59+00:00.
        beneficiary_amendable (bool | Unset):  Example: True.
        status (BookingOrderItemTicketStatus | str | Unset):  Example: waiting_beneficiary_data.
        seating (BookingOrderItemTicketSeating | None | Unset): Seat assignment when the ticket is seated, otherwise
            null.
    """

    id: str | Unset = UNSET
    voucher: None | str | Unset = UNSET
    occurs_at: datetime.datetime | None | Unset = UNSET
    event: None | str | Unset = UNSET
    required_beneficiary_fields: list[str] | Unset = UNSET
    beneficiary: Beneficiary | None | Unset = UNSET
    beneficiary_designation_deadline: datetime.datetime | None | Unset = UNSET
    beneficiary_amendable: bool | Unset = UNSET
    status: BookingOrderItemTicketStatus | str | Unset = UNSET
    seating: BookingOrderItemTicketSeating | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        voucher: None | str | Unset
        if isinstance(self.voucher, Unset):
            voucher = UNSET
        else:
            voucher = self.voucher

        occurs_at: None | str | Unset
        if isinstance(self.occurs_at, Unset):
            occurs_at = UNSET
        elif isinstance(self.occurs_at, datetime.datetime):
            occurs_at = self.occurs_at.isoformat()
        else:
            occurs_at = self.occurs_at

        event: None | str | Unset
        if isinstance(self.event, Unset):
            event = UNSET
        else:
            event = self.event

        required_beneficiary_fields: list[str] | Unset = UNSET
        if not isinstance(self.required_beneficiary_fields, Unset):
            required_beneficiary_fields = self.required_beneficiary_fields

        beneficiary: dict[str, Any] | None | Unset
        if isinstance(self.beneficiary, Unset):
            beneficiary = UNSET
        elif isinstance(self.beneficiary, Beneficiary):
            beneficiary = self.beneficiary.to_dict()
        else:
            beneficiary = self.beneficiary

        beneficiary_designation_deadline: None | str | Unset
        if isinstance(self.beneficiary_designation_deadline, Unset):
            beneficiary_designation_deadline = UNSET
        elif isinstance(self.beneficiary_designation_deadline, datetime.datetime):
            beneficiary_designation_deadline = (
                self.beneficiary_designation_deadline.isoformat()
            )
        else:
            beneficiary_designation_deadline = self.beneficiary_designation_deadline

        beneficiary_amendable = self.beneficiary_amendable

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        seating: dict[str, Any] | None | Unset
        if isinstance(self.seating, Unset):
            seating = UNSET
        elif isinstance(self.seating, BookingOrderItemTicketSeating):
            seating = self.seating.to_dict()
        else:
            seating = self.seating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if voucher is not UNSET:
            field_dict["voucher"] = voucher
        if occurs_at is not UNSET:
            field_dict["occursAt"] = occurs_at
        if event is not UNSET:
            field_dict["event"] = event
        if required_beneficiary_fields is not UNSET:
            field_dict["requiredBeneficiaryFields"] = required_beneficiary_fields
        if beneficiary is not UNSET:
            field_dict["beneficiary"] = beneficiary
        if beneficiary_designation_deadline is not UNSET:
            field_dict["beneficiaryDesignationDeadline"] = (
                beneficiary_designation_deadline
            )
        if beneficiary_amendable is not UNSET:
            field_dict["beneficiaryAmendable"] = beneficiary_amendable
        if status is not UNSET:
            field_dict["status"] = status
        if seating is not UNSET:
            field_dict["seating"] = seating

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        voucher: None | str | Unset = d.pop("voucher", UNSET)

        occurs_at: datetime.datetime | None | Unset = d.pop("occursAt", UNSET)
        if occurs_at is not None and occurs_at is not UNSET:
            occurs_at = _parse_occurs_at(occurs_at)

        event: None | str | Unset = d.pop("event", UNSET)

        required_beneficiary_fields = cast(
            list[str], d.pop("requiredBeneficiaryFields", UNSET)
        )

        beneficiary: Beneficiary | None | Unset = d.pop("beneficiary", UNSET)
        if beneficiary is not None and beneficiary is not UNSET:
            beneficiary = _parse_beneficiary(beneficiary)

        beneficiary_designation_deadline: datetime.datetime | None | Unset = d.pop(
            "beneficiaryDesignationDeadline", UNSET
        )
        if (
            beneficiary_designation_deadline is not None
            and beneficiary_designation_deadline is not UNSET
        ):
            beneficiary_designation_deadline = _parse_beneficiary_designation_deadline(
                beneficiary_designation_deadline
            )

        beneficiary_amendable = d.pop("beneficiaryAmendable", UNSET)

        status: BookingOrderItemTicketStatus | str | Unset = d.pop("status", UNSET)

        seating: BookingOrderItemTicketSeating | None | Unset = d.pop("seating", UNSET)
        if seating is not None and seating is not UNSET:
            seating = _parse_seating(seating)

        booking_order_item_ticket = cls(
            id,
            voucher,
            occurs_at,
            event,
            required_beneficiary_fields,
            beneficiary,
            beneficiary_designation_deadline,
            beneficiary_amendable,
            status,
            seating,
        )

        booking_order_item_ticket.additional_properties = d
        return booking_order_item_ticket

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


def _parse_occurs_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            occurs_at_type_0 = datetime.datetime.fromisoformat(data)

            return occurs_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)


def _parse_beneficiary(data: object) -> Beneficiary | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            beneficiary_type_0 = Beneficiary.from_dict(data)

            return beneficiary_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(Beneficiary | None | Unset, data)


def _parse_beneficiary_designation_deadline(
    data: object,
) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            beneficiary_designation_deadline_type_0 = datetime.datetime.fromisoformat(
                data
            )

            return beneficiary_designation_deadline_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)


def _parse_seating(data: object) -> BookingOrderItemTicketSeating | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            seating_type_0 = BookingOrderItemTicketSeating.from_dict(data)

            return seating_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(BookingOrderItemTicketSeating | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.beneficiary import Beneficiary
from ..models.booking_order_item_ticket_seating import BookingOrderItemTicketSeating
