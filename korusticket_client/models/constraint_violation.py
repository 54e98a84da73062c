from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.constraint_violation_payload import ConstraintViolationPayload


T = TypeVar("T", bound="ConstraintViolation")


@_attrs_define
class ConstraintViolation:
    """
    Attributes:
        property_path (str): The property path of the violation. Example: reservations[0].expired.
        message (str): The message associated with the violation (localized). Example: La réservation a expiré.
        code (str | Unset): The code of the violation. Example: d53a91b0-def3-426a-83d7-269da7ab4200.
        hint (str | Unset): An extra hint to understand the violation. Example: Reserve the offer again..
        payload (ConstraintViolationPayload | Unset): The serialized payload of the violation. Example: {}.
    """

    property_path: str
    message: str
    code: str | Unset = UNSET
    hint: str | Unset = UNSET
    payload: ConstraintViolationPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        property_path = self.property_path

        message = self.message

        code = self.code

        hint = self.hint

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "propertyPath": property_path,
                "message": message,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if hint is not UNSET:
            field_dict["hint"] = hint
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        property_path = d.pop("propertyPath")

        message = d.pop("message")

        code = d.pop("code", UNSET)

        hint = d.pop("hint", UNSET)

        _payload = d.pop("payload", UNSET)
        payload: ConstraintViolationPayload | Unset
        if _payload is UNSET:
            payload = UNSET
        else:
            payload = ConstraintViolationPayload.from_dict(_payload)

        constraint_violation = cls(
            property_path,
            message,
            code,
            hint,
            payload,
        )

        constraint_violation.additional_properties = d
        return constraint_violation

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
from ..models.constraint_violation_payload import ConstraintViolationPayload
