from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr

if TYPE_CHECKING:
    from ..models.media import Media


T = TypeVar("T", bound="Medias")


@_attrs_define
class Medias:
    """Images of a catalog or product base.

    Attributes:
        logo (Media | None | Unset): The logo image, when there is one.
        gallery (list[Media] | Unset): Gallery images, ordered by position.
    """

    logo: Media | None | Unset = UNSET
    gallery: list[Media] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # korusticket: unset fields are left out of the repr (attrs keeps a class's own __repr__).
    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        logo: dict[str, Any] | None | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        elif isinstance(self.logo, Media):
            logo = self.logo.to_dict()
        else:
            logo = self.logo

        gallery: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.gallery, Unset):
            gallery = []
            for gallery_item_data in self.gallery:
                gallery_item = gallery_item_data.to_dict()
                gallery.append(gallery_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if logo is not UNSET:
            field_dict["logo"] = logo
        if gallery is not UNSET:
            field_dict["gallery"] = gallery

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        logo: Media | None | Unset = d.pop("logo", UNSET)
        if logo is not None and logo is not UNSET:
            logo = _parse_logo(logo)

        _gallery = d.pop("gallery", UNSET)
        gallery: list[Media] | Unset = UNSET
        if _gallery is not UNSET:
            gallery = []
            for gallery_item_data in _gallery:
                gallery_item = Media.from_dict(gallery_item_data)

                gallery.append(gallery_item)

        medias = cls(
            logo,
            gallery,
        )

        medias.additional_properties = d
        return medias

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


def _parse_logo(data: object) -> Media | None | Unset:
    if data is None:
        return data
    if data is UNSET:
        return data
    if isinstance(data, dict):
        try:
            logo_type_0 = Media.from_dict(data)

            return logo_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
    return cast(Media | None | Unset, data)


# korusticket: imported once, after the class exists, rather than on every to_dict/from_dict call (models
# that refer to each other still import cleanly: each class is defined before its module imports the other).
from ..models.media import Media
