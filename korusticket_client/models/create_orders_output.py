from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.booking_order import BookingOrder
    from ..models.failed_order import FailedOrder


T = TypeVar("T", bound="CreateOrdersOutput")


@_attrs_define
class CreateOrdersOutput:
    """Result of a bulk order: what was ordered and what failed.

    Attributes:
        orders (list[BookingOrder] | Unset): The orders created.
        failed_orders (list[FailedOrder] | Unset): The reservations that could not be ordered.
    """

    orders: list[BookingOrder] | Unset = UNSET
    failed_orders: list[FailedOrder] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = []
            for orders_item_data in self.orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

        failed_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failed_orders, Unset):
            failed_orders = []
            for failed_orders_item_data in self.failed_orders:
                failed_orders_item = failed_orders_item_data.to_dict()
                failed_orders.append(failed_orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if orders is not UNSET:
            field_dict["orders"] = orders
        if failed_orders is not UNSET:
            field_dict["failedOrders"] = failed_orders

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _orders = d.pop("orders", UNSET)
        orders: list[BookingOrder] | Unset = UNSET
        if _orders is not UNSET:
            orders = []
            for orders_item_data in _orders:
                orders_item = BookingOrder.from_dict(orders_item_data)

                orders.append(orders_item)

        _failed_orders = d.pop("failedOrders", UNSET)
        failed_orders: list[FailedOrder] | Unset = UNSET
        if _failed_orders is not UNSET:
            failed_orders = []
            for failed_orders_item_data in _failed_orders:
                failed_orders_item = FailedOrder.from_dict(failed_orders_item_data)

                failed_orders.append(failed_orders_item)

        create_orders_output = cls(
            orders,
            failed_orders,
        )

        create_orders_output.additional_properties = d
        return create_orders_output

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
from ..models.booking_order import BookingOrder
from ..models.failed_order import FailedOrder
