from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.constraint_violation import ConstraintViolation


T = TypeVar("T", bound="ConstraintViolationList")


@_attrs_define
class ConstraintViolationList:
    """Validation errors (422).

    Attributes:
        status (int | Unset):  Example: 422.
        violations (list[ConstraintViolation] | Unset):  Example: [{'propertyPath': 'reservations[0].expired',
            'message': 'La réservation a expiré', 'code': 'd53a91b0-def3-426a-83d7-269da7ab4200'}].
        detail (str | Unset):  Example: reservations[0].expired: La réservation a expiré.
        description (str | Unset):  Example: reservations[0].expired: La réservation a expiré.
        type_ (str | Unset):  Example: /validation_errors/d53a91b0-def3-426a-83d7-269da7ab4200.
        title (None | str | Unset):  Example: An error occurred.
        instance (None | str | Unset):
    """

    status: int | Unset = UNSET
    violations: list[ConstraintViolation] | Unset = UNSET
    detail: str | Unset = UNSET
    description: str | Unset = UNSET
    type_: str | Unset = UNSET
    title: None | str | Unset = UNSET
    instance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        violations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.violations, Unset):
            violations = []
            for violations_item_data in self.violations:
                violations_item = violations_item_data.to_dict()
                violations.append(violations_item)

        detail = self.detail

        description = self.description

        type_ = self.type_

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if violations is not UNSET:
            field_dict["violations"] = violations
        if detail is not UNSET:
            field_dict["detail"] = detail
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if instance is not UNSET:
            field_dict["instance"] = instance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        _violations = d.pop("violations", UNSET)
        violations: list[ConstraintViolation] | Unset = UNSET
        if _violations is not UNSET:
            violations = []
            for violations_item_data in _violations:
                violations_item = ConstraintViolation.from_dict(violations_item_data)

                violations.append(violations_item)

        detail = d.pop("detail", UNSET)

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        title: None | str | Unset = d.pop("title", UNSET)

        instance: None | str | Unset = d.pop("instance", UNSET)

        constraint_violation_list = cls(
            status,
            violations,
            detail,
            description,
            type_,
            title,
            instance,
        )

        constraint_violation_list.additional_properties = d
        return constraint_violation_list

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
from ..models.constraint_violation import ConstraintViolation
