from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.beneficiary_input import BeneficiaryInput


T = TypeVar("T", bound="UpdateOrderItemTicketInput")


@_attrs_define
class UpdateOrderItemTicketInput:
    """
    Attributes:
        beneficiary (BeneficiaryInput | Unset):
    """

    beneficiary: BeneficiaryInput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        beneficiary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.beneficiary, Unset):
            beneficiary = self.beneficiary.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if beneficiary is not UNSET:
            field_dict["beneficiary"] = beneficiary

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _beneficiary = d.pop("beneficiary", UNSET)
        beneficiary: BeneficiaryInput | Unset
        if _beneficiary is UNSET:
            beneficiary = UNSET
        else:
            beneficiary = BeneficiaryInput.from_dict(_beneficiary)

        update_order_item_ticket_input = cls(
            beneficiary,
        )

        update_order_item_ticket_input.additional_properties = d
        return update_order_item_ticket_input

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
from ..models.beneficiary_input import BeneficiaryInput
