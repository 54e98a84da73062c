"""IRIs of the KorusTicket API: build them, parse them, read them from models.

    >>> from korusticket import iri
    >>> iri.offer("0194abdc-3a71-72b0-a9b9-89d4be0cd73e", "0194ac40-fda7-78c1-8fcb-26fc2df25894")
    '/v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894'
    >>> iri.parse("/v1/booking/orders/0194b132-448c-7d1b-bb13-f8e09ae5c18f").kind
    'order'

There is one builder per GET path of openapi.yaml (`offer`, `offers`, `order_item_ticket`, ...), generated
with the client, so a spec bump brings new ones. Identifiers are checked (any UUID: the API mints
v7 ids, and its own data carries v4 ones) and a bad one raises a `ValueError` that names it.
"""

from __future__ import annotations

from typing import Any

from korusticket._generated.iri_builders import *  # noqa: F403 - one builder per API path
from korusticket._generated.iri_builders import __all__ as _builders
from korusticket._iri_core import GET_OPERATIONS, ParsedIri, kind_of, parse_iri
from korusticket._operation import ANY_UUID, UUID_EXAMPLE, _shown
from korusticket.errors import InvalidRequestError

__all__ = [*_builders, "ParsedIri", "check_id", "kinds", "of", "parse", "type_of"]


def parse(value: str, *, name: str = "iri") -> ParsedIri:
    """What an IRI (or an absolute URL of the API) points at: kind, identifiers, the GET operation serving it.

    An `InvalidRequestError` naming `name` (the argument the IRI was given as) for anything else.
    """
    return parse_iri(value, name=name)


def kinds() -> list[str]:
    """Every kind of IRI this module knows: `offer`, `offers`, `order`, ..."""
    return sorted(kind_of(operation) for operation in GET_OPERATIONS.values())


def check_id(value: str, name: str = "id") -> str:
    """`value` if it is a UUID (the API mints v7 ids, but also serves v4 ones), else a ValueError naming `name`."""
    if not isinstance(value, str) or not ANY_UUID.fullmatch(value):
        raise InvalidRequestError(f"{name}: expected a UUID like {UUID_EXAMPLE}, got {_shown(value)}")
    return value


def of(model: Any, *, name: str = "model") -> str:
    """The `@id` of a parsed model (or of a JSON-LD dict); `name` is the argument named in an error."""
    return _keyword(model, "@id", name)


def type_of(model: Any, *, name: str = "model") -> str:
    """The `@type` of a parsed model (or of a JSON-LD dict)."""
    return _keyword(model, "@type", name)


def _keyword(model: Any, keyword: str, name: str) -> str:
    values = model if isinstance(model, dict) else getattr(model, "additional_properties", None)
    if not isinstance(values, dict):
        raise InvalidRequestError(
            f"{name}: expected a model of korusticket_client.models or a dict, got {type(model).__name__}",
            argument=name,
        )
    value = values.get(keyword)
    if not isinstance(value, str):
        raise InvalidRequestError(
            f"{name}: this {type(model).__name__} carries no {keyword} (the API sends it on every resource)",
            argument=name,
        )
    return value
