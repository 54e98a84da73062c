from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.hydra_search import HydraSearch


T = TypeVar("T", bound="HydraCollectionNoPagination")


@_attrs_define
class HydraCollectionNoPagination:
    """The envelope of a Hydra collection that is not paginated.

    Attributes:
        total_items (int | Unset):  Example: 65.
        search (HydraSearch | Unset):  Example: {'@type': 'IriTemplate', 'template': '/v1/ticketing/catalogs{?}',
            'variableRepresentation': 'BasicRepresentation', 'mapping': []}.
    """

    total_items: int | Unset = UNSET
    search: HydraSearch | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        total_items = self.total_items

        search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search, Unset):
            search = self.search.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_items is not UNSET:
            field_dict["totalItems"] = total_items
        if search is not UNSET:
            field_dict["search"] = search

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_items = d.pop("totalItems", UNSET)

        _search = d.pop("search", UNSET)
        search: HydraSearch | Unset
        if _search is UNSET:
            search = UNSET
        else:
            search = HydraSearch.from_dict(_search)

        hydra_collection_no_pagination = cls(
            total_items,
            search,
        )

        hydra_collection_no_pagination.additional_properties = d
        return hydra_collection_no_pagination

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
