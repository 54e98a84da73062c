"""Hydra collections as API Platform writes them: a page of members, `view` links, the `search` template."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import urlencode

import attrs

import korusticket_client.models as models
from korusticket._operation import Operation
from korusticket.testing.render.common import Json

T = TypeVar("T")


def collection(
    operation: Operation, path: str, query: dict[str, list[str]], members: Sequence[T], render_one: Callable[[T], Json]
) -> Json:
    """The page the query asks for (`page`, `itemsPerPage`) of `members`, each rendered by `render_one`."""

    def one(name: str) -> str | None:
        values = query.get(name)
        return values[0] if values else None

    filters = [(key, value) for key, values in query.items() for value in values if key not in ("page", "itemsPerPage")]
    document: dict[str, Any] = {"@context": f"/contexts/{operation.tag}", "@id": path, "@type": "Collection"}
    if not operation.is_paginated:
        document["totalItems"] = len(members)
        document["member"] = [render_one(member) for member in members]
        if _has_view(operation.success_model):
            document["view"] = {"@id": path, "@type": "PartialCollectionView"}
        return document
    size = int(one("itemsPerPage") or 10)
    number = int(one("page") or 1)
    page = members[(number - 1) * size : number * size] if size else []
    document["totalItems"] = len(members)
    document["member"] = [render_one(member) for member in page]

    def link(page_number: int) -> str:
        return f"{path}?{urlencode([*filters, ('itemsPerPage', size), ('page', page_number)])}"

    view: dict[str, Any] = {"@id": link(number), "@type": "PartialCollectionView"}
    last = max(1, -(-len(members) // size)) if size else 1
    if last > 1:
        view["first"] = link(1)
        view["last"] = link(last)
        if number > 1:
            view["previous"] = link(number - 1)
        if number < last:
            view["next"] = link(number + 1)
    document["view"] = view
    variables = [parameter.wire for parameter in operation.parameters if parameter.location == "query"]
    searchable = [name for name in variables if name not in ("page", "itemsPerPage")]
    document["search"] = {
        "@type": "IriTemplate",
        "template": f"{path}{{?{','.join(searchable)}}}",
        "variableRepresentation": "BasicRepresentation",
        "mapping": [
            {"@type": "IriTemplateMapping", "variable": name, "property": _property(name), "required": False}
            for name in searchable
        ],
    }
    return document


@functools.cache
def _has_view(collection_model: str | None) -> bool:
    """Whether a collection model documents a Hydra `view` (the spec says which collections do not)."""
    collection = getattr(models, collection_model or "", None)
    return collection is not None and "view" in attrs.fields_dict(collection)


def _property(variable: str) -> str:
    return variable.split("[", 1)[0] if not variable.startswith("order[") else variable[6:-1]
