from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.medias import Medias
    from ..models.venue import Venue


T = TypeVar("T", bound="TicketingCatalog")


@_attrs_define
class TicketingCatalog:
    """A ticket issuer's collection of products and events.

    Attributes:
        id (str | Unset):  Example: 0194ad2c-491c-7c9e-b842-10ee940ed6a3.
        name (str | Unset):  Example: Catalogue Puy du Fou - CSE.
        created_at (datetime.datetime | Unset): When the catalog was first imported (UTC). Example:
            2025-01-27T15:15:20+00:00.
        last_synced_at (datetime.datetime | Unset): When the catalog was last updated (UTC). Example:
            2025-01-27T15:15:20+00:00.
        supported_language (None | str | Unset): The catalog's officially supported language. Example: fr.
        short_description (None | str | Unset): HTML, localized. Example: <p>Grand parc</p>.
        description (None | str | Unset): HTML, localized. Example: <p>Le Grand Parc du Puy du Fou</p>.
        terms_of_use (None | str | Unset): HTML, localized. Example: <p>Conditions</p>.
        venue (None | Unset | Venue):
        medias (Medias | Unset): Images of a catalog or product base.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    last_synced_at: datetime.datetime | Unset = UNSET
    supported_language: None | str | Unset = UNSET
    short_description: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    terms_of_use: None | str | Unset = UNSET
    venue: None | Unset | Venue = UNSET
    medias: Medias | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        last_synced_at: str | Unset = UNSET
        if not isinstance(self.last_synced_at, Unset):
            last_synced_at = self.last_synced_at.isoformat()

        supported_language: None | str | Unset
        if isinstance(self.supported_language, Unset):
            supported_language = UNSET
        else:
            supported_language = self.supported_language

        short_description: None | str | Unset
        if isinstance(self.short_description, Unset):
            short_description = UNSET
        else:
            short_description = self.short_description

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        terms_of_use: None | str | Unset
        if isinstance(self.terms_of_use, Unset):
            terms_of_use = UNSET
        else:
            terms_of_use = self.terms_of_use

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
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_synced_at is not UNSET:
            field_dict["lastSyncedAt"] = last_synced_at
        if supported_language is not UNSET:
            field_dict["supportedLanguage"] = supported_language
        if short_description is not UNSET:
            field_dict["shortDescription"] = short_description
        if description is not UNSET:
            field_dict["description"] = description
        if terms_of_use is not UNSET:
            field_dict["termsOfUse"] = terms_of_use
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

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if _created_at is UNSET:
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_synced_at = d.pop("lastSyncedAt", UNSET)
        last_synced_at: datetime.datetime | Unset
        if _last_synced_at is UNSET:
            last_synced_at = UNSET
        else:
            last_synced_at = datetime.datetime.fromisoformat(_last_synced_at)

        supported_language: None | str | Unset = d.pop("supportedLanguage", UNSET)

        short_description: None | str | Unset = d.pop("shortDescription", UNSET)

        description: None | str | Unset = d.pop("description", UNSET)

        terms_of_use: None | str | Unset = d.pop("termsOfUse", UNSET)

        venue: None | Unset | Venue = d.pop("venue", UNSET)
        if venue is not None and venue is not UNSET:
            venue = _parse_venue(venue)

        _medias = d.pop("medias", UNSET)
        medias: Medias | Unset
        if _medias is UNSET:
            medias = UNSET
        else:
            medias = Medias.from_dict(_medias)

        ticketing_catalog = cls(
            id,
            name,
            created_at,
            last_synced_at,
            supported_language,
            short_description,
            description,
            terms_of_use,
            venue,
            medias,
        )

        ticketing_catalog.additional_properties = d
        return ticketing_catalog

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
