from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.hydra_search_mapping import HydraSearchMapping


T = TypeVar("T", bound="HydraSearch")


@_attrs_define
class HydraSearch:
    """
    Example:
        {'@type': 'IriTemplate', 'template': '/v1/ticketing/catalogs{?}', 'variableRepresentation':
            'BasicRepresentation', 'mapping': []}

    Attributes:
        template (str | Unset):  Example:
            /v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers{?date,product}.
        variable_representation (str | Unset):  Example: BasicRepresentation.
        mapping (list[HydraSearchMapping] | Unset):  Example: [{'@type': 'IriTemplateMapping', 'variable': 'date',
            'property': 'date', 'required': False}].
    """

    template: str | Unset = UNSET
    variable_representation: str | Unset = UNSET
    mapping: list[HydraSearchMapping] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        variable_representation = self.variable_representation

        mapping: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = []
            for mapping_item_data in self.mapping:
                mapping_item = mapping_item_data.to_dict()
                mapping.append(mapping_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if template is not UNSET:
            field_dict["template"] = template
        if variable_representation is not UNSET:
            field_dict["variableRepresentation"] = variable_representation
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        template = d.pop("template", UNSET)

        variable_representation = d.pop("variableRepresentation", UNSET)

        _mapping = d.pop("mapping", UNSET)
        mapping: list[HydraSearchMapping] | Unset = UNSET
        if _mapping is not UNSET:
            mapping = []
            for mapping_item_data in _mapping:
                mapping_item = HydraSearchMapping.from_dict(mapping_item_data)

                mapping.append(mapping_item)

        hydra_search = cls(
            template,
            variable_representation,
            mapping,
        )

        hydra_search.additional_properties = d
        return hydra_search

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
from ..models.hydra_search_mapping import HydraSearchMapping
