from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_reservation_seats_arrangement import (
    BookingReservationSeatsArrangement,
)
from ..models.booking_reservation_status import (
    BookingReservationStatus,
)
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.reservation_item import ReservationItem


T = TypeVar("T", bound="BookingReservation")


@_attrs_define
class BookingReservation:
    """A reservation temporarily holds an offer, guaranteeing its availability and price until it expires.

    Attributes:
        expired (bool | Unset): True once the reservation can no longer be ordered. Example: False.
        catalog (str | Unset):  Example: /v1/ticketing/catalogs/0194cb23-170e-71f0-b4bb-0a7e644dea34.
        id (str | Unset):  Example: 0194cb34-0ad0-711e-b447-6e7a9423e96c.
        created_at (datetime.datetime | Unset):  Example: 2025-01-27T15:15:20+00:00.
        total_amount_incl_tax (str | Unset):  Example: 100.00.
        total_amount_excl_tax (None | str | Unset):  Example: 80.00.
        expires_at (datetime.datetime | Unset): After this instant the offer is released and the reservation cannot be
            ordered. Example: 2025-01-27T15:15:20+00:00.
        items (list[ReservationItem] | Unset):
        organization (str | Unset):  Example: /v1/organizations/0194cb23-170e-71f0-b4bb-0a7e644dea34.
        order (None | str | Unset): IRI of the order made from this reservation, null until it is ordered.
        seats_arrangement (BookingReservationSeatsArrangement | str | Unset):  Example: ADJACENT.
        releasable (bool | Unset):  Example: True.
        status (BookingReservationStatus | str | Unset):  Example: reserved.
    """

    expired: bool | Unset = UNSET
    catalog: str | Unset = UNSET
    id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    total_amount_incl_tax: str | Unset = UNSET
    total_amount_excl_tax: None | str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    items: list[ReservationItem] | Unset = UNSET
    organization: str | Unset = UNSET
    order: None | str | Unset = UNSET
    seats_arrangement: BookingReservationSeatsArrangement | str | Unset = UNSET
    releasable: bool | Unset = UNSET
    status: BookingReservationStatus | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        expired = self.expired

        catalog = self.catalog

        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        total_amount_incl_tax = self.total_amount_incl_tax

        total_amount_excl_tax: None | str | Unset
        if isinstance(self.total_amount_excl_tax, Unset):
            total_amount_excl_tax = UNSET
        else:
            total_amount_excl_tax = self.total_amount_excl_tax

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        organization = self.organization

        order: None | str | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        seats_arrangement: str | Unset
        if isinstance(self.seats_arrangement, Unset):
            seats_arrangement = UNSET
        elif isinstance(self.seats_arrangement, str):
            seats_arrangement = self.seats_arrangement
        else:
            seats_arrangement = self.seats_arrangement

        releasable = self.releasable

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expired is not UNSET:
            field_dict["expired"] = expired
        if catalog is not UNSET:
            field_dict["catalog"] = catalog
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if total_amount_incl_tax is not UNSET:
            field_dict["totalAmountInclTax"] = total_amount_incl_tax
        if total_amount_excl_tax is not UNSET:
            field_dict["totalAmountExclTax"] = total_amount_excl_tax
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if items is not UNSET:
            field_dict["items"] = items
        if organization is not UNSET:
            field_dict["organization"] = organization
        if order is not UNSET:
            field_dict["order"] = order
        if seats_arrangement is not UNSET:
            field_dict["seatsArrangement"] = seats_arrangement
        if releasable is not UNSET:
            field_dict["releasable"] = releasable
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        expired = d.pop("expired", UNSET)

        catalog = d.pop("catalog", UNSET)

        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        total_amount_incl_tax = d.pop("totalAmountInclTax", UNSET)

        total_amount_excl_tax: None | str | Unset = d.pop("totalAmountExclTax", UNSET)

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if _expires_at is UNSET:
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        _items = d.pop("items", UNSET)
        items: list[ReservationItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ReservationItem.from_dict(items_item_data)

                items.append(items_item)

        organization = d.pop("organization", UNSET)

        order: None | str | Unset = d.pop("order", UNSET)

        seats_arrangement: BookingReservationSeatsArrangement | str | Unset = d.pop(
            "seatsArrangement", UNSET
        )

        releasable = d.pop("releasable", UNSET)

        status: BookingReservationStatus | str | Unset = d.pop("status", UNSET)

        booking_reservation = cls(
            expired,
            catalog,
            id,
            created_at,
            total_amount_incl_tax,
            total_amount_excl_tax,
            expires_at,
            items,
            organization,
            order,
            seats_arrangement,
            releasable,
            status,
        )

        booking_reservation.additional_properties = d
        return booking_reservation

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
from ..models.reservation_item import ReservationItem
