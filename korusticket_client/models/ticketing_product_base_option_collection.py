from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.hydra_search import HydraSearch
    from ..models.hydra_view import HydraView
    from ..models.ticketing_product_base_option import TicketingProductBaseOption


T = TypeVar("T", bound="TicketingProductBaseOptionCollection")


@_attrs_define
class TicketingProductBaseOptionCollection:
    """TicketingProductBaseOption.jsonld-v1.product_base_option.read collection.

    Attributes:
        member (list[TicketingProductBaseOption]):
        total_items (int | Unset):  Example: 65.
        search (HydraSearch | Unset):  Example: {'@type': 'IriTemplate', 'template': '/v1/ticketing/catalogs{?}',
            'variableRepresentation': 'BasicRepresentation', 'mapping': []}.
        view (HydraView | Unset):  Example: {'@id': 'string', '@type': 'string', 'first': 'string', 'last': 'string',
            'previous': 'string', 'next': 'string'}.
    """

    member: list[TicketingProductBaseOption]
    total_items: int | Unset = UNSET
    search: HydraSearch | Unset = UNSET
    view: HydraView | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        member = []
        for member_item_data in self.member:
            member_item = member_item_data.to_dict()
            member.append(member_item)

        total_items = self.total_items

        search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search, Unset):
            search = self.search.to_dict()

        view: dict[str, Any] | Unset = UNSET
        if not isinstance(self.view, Unset):
            view = self.view.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "member": member,
            }
        )
        if total_items is not UNSET:
            field_dict["totalItems"] = total_items
        if search is not UNSET:
            field_dict["search"] = search
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        member = []
        _member = d.pop("member")
        for member_item_data in _member:
            member_item = TicketingProductBaseOption.from_dict(member_item_data)

            member.append(member_item)

        total_items = d.pop("totalItems", UNSET)

        _search = d.pop("search", UNSET)
        search: HydraSearch | Unset
        if _search is UNSET:
            search = UNSET
        else:
            search = HydraSearch.from_dict(_search)

        _view = d.pop("view", UNSET)
        view: HydraView | Unset
        if _view is UNSET:
            view = UNSET
        else:
            view = HydraView.from_dict(_view)

        ticketing_product_base_option_collection = cls(
            member,
            total_items,
            search,
            view,
        )

        ticketing_product_base_option_collection.additional_properties = d
        return ticketing_product_base_option_collection

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
from ..models.hydra_search import HydraSearch
from ..models.hydra_view import HydraView
from ..models.ticketing_product_base_option import TicketingProductBaseOption
