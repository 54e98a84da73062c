from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.medias import Medias
    from ..models.venue import Venue


T = TypeVar("T", bound="TicketingProductBase")


@_attrs_define
class TicketingProductBase:
    """A group of related products of a catalog.

    Attributes:
        id (str | Unset):  Example: 0199570c-3380-7e12-9dcd-7cbe238e71f0.
        name (str | Unset):  Example: Saison 2025 - 2026 - CLASSIC TOUR.
        description (None | str | Unset): HTML, localized. Example: <p>Visite du stade</p>.
        short_description (None | str | Unset): HTML, localized. Example: <p>Visite</p>.
        terms_of_use (None | str | Unset): HTML, localized. Example: <p>Conditions</p>.
        disabled (bool | Unset):  Example: False.
        use_session (bool | Unset): True when booking requires choosing a session. Example: True.
        timezone (str | Unset):  Example: Europe/Paris.
        recurring (bool | Unset): True when offers exist on several dates. Example: True.
        beneficiary_info_may_be_required (bool | Unset): True when tickets may need beneficiary details before their
            documents exist. Example: False.
        instant_document_delivery (bool | Unset): True when order documents can be downloaded right away. Example: True.
        max_amount_per_order (int | None | Unset): The most offers one order may contain. Example: 10.
        universe (None | str | Unset):  Example: show.
        venue (None | Unset | Venue):
        medias (Medias | Unset): Images of a catalog or product base.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    short_description: None | str | Unset = UNSET
    terms_of_use: None | str | Unset = UNSET
    disabled: bool | Unset = UNSET
    use_session: bool | Unset = UNSET
    timezone: str | Unset = UNSET
    recurring: bool | Unset = UNSET
    beneficiary_info_may_be_required: bool | Unset = UNSET
    instant_document_delivery: bool | Unset = UNSET
    max_amount_per_order: int | None | Unset = UNSET
    universe: None | str | Unset = UNSET
    venue: None | Unset | Venue = UNSET
    medias: Medias | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        short_description: None | str | Unset
        if isinstance(self.short_description, Unset):
            short_description = UNSET
        else:
            short_description = self.short_description

        terms_of_use: None | str | Unset
        if isinstance(self.terms_of_use, Unset):
            terms_of_use = UNSET
        else:
            terms_of_use = self.terms_of_use

        disabled = self.disabled

        use_session = self.use_session

        timezone = self.timezone

        recurring = self.recurring

        beneficiary_info_may_be_required = self.beneficiary_info_may_be_required

        instant_document_delivery = self.instant_document_delivery

        max_amount_per_order: int | None | Unset
        if isinstance(self.max_amount_per_order, Unset):
            max_amount_per_order = UNSET
        else:
            max_amount_per_order = self.max_amount_per_order

        universe: None | str | Unset
        if isinstance(self.universe, Unset):
            universe = UNSET
        else:
            universe = self.universe

        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, Venue):
            venue = self.venue.to_dict()
        else:
            venue = self.venue

        medias: dict[str, Any] | Unset = UNSET
        if not isinstance(self.medias, Unset):
            medias = self.medias.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if short_description is not UNSET:
            field_dict["shortDescription"] = short_description
        if terms_of_use is not UNSET:
            field_dict["termsOfUse"] = terms_of_use
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if use_session is not UNSET:
            field_dict["useSession"] = use_session
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if recurring is not UNSET:
            field_dict["recurring"] = recurring
        if beneficiary_info_may_be_required is not UNSET:
            field_dict["beneficiaryInfoMayBeRequired"] = (
                beneficiary_info_may_be_required
            )
        if instant_document_delivery is not UNSET:
            field_dict["instantDocumentDelivery"] = instant_document_delivery
        if max_amount_per_order is not UNSET:
            field_dict["maxAmountPerOrder"] = max_amount_per_order
        if universe is not UNSET:
            field_dict["universe"] = universe
        if venue is not UNSET:
            field_dict["venue"] = venue
        if medias is not UNSET:
            field_dict["medias"] = medias

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        short_description: None | str | Unset = d.pop("shortDescription", UNSET)

        terms_of_use: None | str | Unset = d.pop("termsOfUse", UNSET)

        disabled = d.pop("disabled", UNSET)

        use_session = d.pop("useSession", UNSET)

        timezone = d.pop("timezone", UNSET)

        recurring = d.pop("recurring", UNSET)

        beneficiary_info_may_be_required = d.pop("beneficiaryInfoMayBeRequired", UNSET)

        instant_document_delivery = d.pop("instantDocumentDelivery", UNSET)

        max_amount_per_order: int | None | Unset = d.pop("maxAmountPerOrder", UNSET)

        universe: None | str | Unset = d.pop("universe", UNSET)

        venue: None | Unset | Venue = d.pop("venue", UNSET)
        if venue is not None and venue is not UNSET:
            venue = _parse_venue(venue)

        _medias = d.pop("medias", UNSET)
        medias: Medias | Unset
        if _medias is UNSET:
            medias = UNSET
        else:
            medias = Medias.from_dict(_medias)

        ticketing_product_base = cls(
            id,
            name,
            description,
            short_description,
            terms_of_use,
            disabled,
            use_session,
            timezone,
            recurring,
            beneficiary_info_may_be_required,
            instant_document_delivery,
            max_amount_per_order,
            universe,
            venue,
            medias,
        )

        ticketing_product_base.additional_properties = d
        return ticketing_product_base

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


def _parse_venue(data: object) -> None | Unset | Venue:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            venue_type_0 = Venue.from_dict(data)

            return venue_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(None | Unset | Venue, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.medias import Medias
from ..models.venue import Venue
