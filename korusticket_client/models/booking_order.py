from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_order_status import BookingOrderStatus
from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.order_customer import OrderCustomer
    from ..models.order_item import OrderItem


T = TypeVar("T", bound="BookingOrder")


@_attrs_define
class BookingOrder:
    """An order: a confirmed booking in the ticket issuer's system.

    Attributes:
        id (str | Unset):  Example: 0194cb22-b891-754c-8c4c-777b93f8d072.
        created_at (datetime.datetime | Unset):  Example: 2025-01-27T15:15:20+00:00.
        catalog (str | Unset):  Example: /v1/ticketing/catalogs/0194cb23-170e-71f0-b4bb-0a7e644dea34.
        organization (str | Unset):  Example: /v1/organizations/0194cb23-170e-71f0-b4bb-0a7e644dea34.
        reference (str | Unset): KorusTicket's own order reference. Example: KT-ORD-123456.
        external_reference (None | str | Unset): Your reference, as sent when ordering. Example: YOUR-CUSTOM-REFERENCE.
        connector_reference (None | str | Unset): The order's reference in the ticket issuer's system. Example: 3875.
        total_amount_incl_tax (str | Unset):  Example: 100.00.
        total_amount_excl_tax (str | Unset):  Example: 100.00.
        reservation (str | Unset):  Example: /v1/booking/reservations/0194cb23-f18e-7c8e-9729-a7a65e961639.
        customer (list[Any] | None | OrderCustomer | Unset):
        status (BookingOrderStatus | str | Unset):  Example: confirmed.
        cancelled_at (datetime.datetime | None | Unset):  Example: 2025-02-27T15:15:20+00:00.
        items (list[OrderItem] | Unset):
        documents (list[str] | Unset): IRIs of the order's documents. Example:
            ['/v1/booking/orders/0194b132-448c-7d1b-bb13-f8e09ae5c18f/documents/0194b132-449c-79cd-9da1-50be439b6e9d'].
        notes (None | str | Unset):  Example: Special assistance needed.
    """

    id: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    catalog: str | Unset = UNSET
    organization: str | Unset = UNSET
    reference: str | Unset = UNSET
    external_reference: None | str | Unset = UNSET
    connector_reference: None | str | Unset = UNSET
    total_amount_incl_tax: str | Unset = UNSET
    total_amount_excl_tax: str | Unset = UNSET
    reservation: str | Unset = UNSET
    customer: list[Any] | None | OrderCustomer | Unset = UNSET
    status: BookingOrderStatus | str | Unset = UNSET
    cancelled_at: datetime.datetime | None | Unset = UNSET
    items: list[OrderItem] | Unset = UNSET
    documents: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        catalog = self.catalog

        organization = self.organization

        reference = self.reference

        external_reference: None | str | Unset
        if isinstance(self.external_reference, Unset):
            external_reference = UNSET
        else:
            external_reference = self.external_reference

        connector_reference: None | str | Unset
        if isinstance(self.connector_reference, Unset):
            connector_reference = UNSET
        else:
            connector_reference = self.connector_reference

        total_amount_incl_tax = self.total_amount_incl_tax

        total_amount_excl_tax = self.total_amount_excl_tax

        reservation = self.reservation

        customer: dict[str, Any] | list[Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, OrderCustomer):
            customer = self.customer.to_dict()
        elif isinstance(self.customer, list):
            customer = self.customer

        else:
            customer = self.customer

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        documents: list[str] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = self.documents

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if catalog is not UNSET:
            field_dict["catalog"] = catalog
        if organization is not UNSET:
            field_dict["organization"] = organization
        if reference is not UNSET:
            field_dict["reference"] = reference
        if external_reference is not UNSET:
            field_dict["externalReference"] = external_reference
        if connector_reference is not UNSET:
            field_dict["connectorReference"] = connector_reference
        if total_amount_incl_tax is not UNSET:
            field_dict["totalAmountInclTax"] = total_amount_incl_tax
        if total_amount_excl_tax is not UNSET:
            field_dict["totalAmountExclTax"] = total_amount_excl_tax
        if reservation is not UNSET:
            field_dict["reservation"] = reservation
        if customer is not UNSET:
            field_dict["customer"] = customer
        if status is not UNSET:
            field_dict["status"] = status
        if cancelled_at is not UNSET:
            field_dict["cancelledAt"] = cancelled_at
        if items is not UNSET:
            field_dict["items"] = items
        if documents is not UNSET:
            field_dict["documents"] = documents
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        catalog = d.pop("catalog", UNSET)

        organization = d.pop("organization", UNSET)

        reference = d.pop("reference", UNSET)

        external_reference: None | str | Unset = d.pop("externalReference", UNSET)

        connector_reference: None | str | Unset = d.pop("connectorReference", UNSET)

        total_amount_incl_tax = d.pop("totalAmountInclTax", UNSET)

        total_amount_excl_tax = d.pop("totalAmountExclTax", UNSET)

        reservation = d.pop("reservation", UNSET)

        customer: list[Any] | None | OrderCustomer | Unset = d.pop("customer", UNSET)
        if customer is not None and customer is not UNSET:
            customer = _parse_customer(customer)

        status: BookingOrderStatus | str | Unset = d.pop("status", UNSET)

        cancelled_at: datetime.datetime | None | Unset = d.pop("cancelledAt", UNSET)
        if cancelled_at is not None and cancelled_at is not UNSET:
            cancelled_at = _parse_cancelled_at(cancelled_at)

        _items = d.pop("items", UNSET)
        items: list[OrderItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = OrderItem.from_dict(items_item_data)

                items.append(items_item)

        documents = cast(list[str], d.pop("documents", UNSET))

        notes: None | str | Unset = d.pop("notes", UNSET)

        booking_order = cls(
            id,
            created_at,
            catalog,
            organization,
            reference,
            external_reference,
            connector_reference,
            total_amount_incl_tax,
            total_amount_excl_tax,
            reservation,
            customer,
            status,
            cancelled_at,
            items,
            documents,
            notes,
        )

        booking_order.additional_properties = d
        return booking_order

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


def _parse_customer(data: object) -> list[Any] | None | OrderCustomer | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            customer_type_0 = OrderCustomer.from_dict(data)

            return customer_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    if isinstance(data, list):
        try:
            customer_type_1 = cast(list[Any], data)

            return customer_type_1
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(list[Any] | None | OrderCustomer | Unset, data)


def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, str):
        try:
            cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

            return cancelled_at_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(datetime.datetime | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.order_customer import OrderCustomer
from ..models.order_item import OrderItem
