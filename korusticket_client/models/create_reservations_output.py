from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.booking_reservation import BookingReservation
    from ..models.failed_reservation import FailedReservation


T = TypeVar("T", bound="CreateReservationsOutput")


@_attrs_define
class CreateReservationsOutput:
    """Result of a bulk reservation: what was reserved and what failed.

    Attributes:
        reservations (list[BookingReservation] | Unset): The reservations created.
        failed_reservations (list[FailedReservation] | Unset): The items that could not be reserved.
    """

    reservations: list[BookingReservation] | Unset = UNSET
    failed_reservations: list[FailedReservation] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reservations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reservations, Unset):
            reservations = []
            for reservations_item_data in self.reservations:
                reservations_item = reservations_item_data.to_dict()
                reservations.append(reservations_item)

        failed_reservations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failed_reservations, Unset):
            failed_reservations = []
            for failed_reservations_item_data in self.failed_reservations:
                failed_reservations_item = failed_reservations_item_data.to_dict()
                failed_reservations.append(failed_reservations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reservations is not UNSET:
            field_dict["reservations"] = reservations
        if failed_reservations is not UNSET:
            field_dict["failedReservations"] = failed_reservations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _reservations = d.pop("reservations", UNSET)
        reservations: list[BookingReservation] | Unset = UNSET
        if _reservations is not UNSET:
            reservations = []
            for reservations_item_data in _reservations:
                reservations_item = BookingReservation.from_dict(reservations_item_data)

                reservations.append(reservations_item)

        _failed_reservations = d.pop("failedReservations", UNSET)
        failed_reservations: list[FailedReservation] | Unset = UNSET
        if _failed_reservations is not UNSET:
            failed_reservations = []
            for failed_reservations_item_data in _failed_reservations:
                failed_reservations_item = FailedReservation.from_dict(
                    failed_reservations_item_data
                )

                failed_reservations.append(failed_reservations_item)

        create_reservations_output = cls(
            reservations,
            failed_reservations,
        )

        create_reservations_output.additional_properties = d
        return create_reservations_output

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
from ..models.booking_reservation import BookingReservation
from ..models.failed_reservation import FailedReservation
