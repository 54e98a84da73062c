from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.seat_map_seating_category import SeatMapSeatingCategory
    from ..models.seat_map_zone import SeatMapZone


T = TypeVar("T", bound="TicketingSeatMap")


@_attrs_define
class TicketingSeatMap:
    """The seat layout for a session.

    Attributes:
        id (str | Unset):  Example: 0194cb3b-55d8-7d9f-a344-cee66d7d20dd.
        zones (list[SeatMapZone] | Unset):
        seating_categories (list[SeatMapSeatingCategory] | Unset):
    """

    id: str | Unset = UNSET
    zones: list[SeatMapZone] | Unset = UNSET
    seating_categories: list[SeatMapSeatingCategory] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        zones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.zones, Unset):
            zones = []
            for zones_item_data in self.zones:
                zones_item = zones_item_data.to_dict()
                zones.append(zones_item)

        seating_categories: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.seating_categories, Unset):
            seating_categories = []
            for seating_categories_item_data in self.seating_categories:
                seating_categories_item = seating_categories_item_data.to_dict()
                seating_categories.append(seating_categories_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if zones is not UNSET:
            field_dict["zones"] = zones
        if seating_categories is not UNSET:
            field_dict["seatingCategories"] = seating_categories

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _zones = d.pop("zones", UNSET)
        zones: list[SeatMapZone] | Unset = UNSET
        if _zones is not UNSET:
            zones = []
            for zones_item_data in _zones:
                zones_item = SeatMapZone.from_dict(zones_item_data)

                zones.append(zones_item)

        _seating_categories = d.pop("seatingCategories", UNSET)
        seating_categories: list[SeatMapSeatingCategory] | Unset = UNSET
        if _seating_categories is not UNSET:
            seating_categories = []
            for seating_categories_item_data in _seating_categories:
                seating_categories_item = SeatMapSeatingCategory.from_dict(
                    seating_categories_item_data
                )

                seating_categories.append(seating_categories_item)

        ticketing_seat_map = cls(
            id,
            zones,
            seating_categories,
        )

        ticketing_seat_map.additional_properties = d
        return ticketing_seat_map

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
from ..models.seat_map_seating_category import SeatMapSeatingCategory
from ..models.seat_map_zone import SeatMapZone
