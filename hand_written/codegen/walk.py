"""Walking an OpenAPI document: its operations, its schemas, the references between them.

`openapi_objects` knows the document's structure (which key holds a map of responses, which a schema, which
a list of parameters), so the transforms that mend an export's shape touch only the objects they mean to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Spec = dict[str, Any]
JSON = Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_REF_PREFIX = "#/components/schemas/"
JSON_LD = "application/ld+json"
MERGE_PATCH = "application/merge-patch+json"

HYDRA_PREFIX = "hydra:"
"""API Platform 3.x writes `hydra:member`, `hydra:totalItems`, `hydra:view`; 4.x drops the prefix by default."""


def hydra_keys(name: str) -> tuple[str, str]:
    """Both spellings of a Hydra collection key: `member` -> (`member`, `hydra:member`)."""
    return name, HYDRA_PREFIX + name


def operations(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation, in document order."""
    paths = spec.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield path, method, item[method]


def walk_schemas(node: JSON) -> Iterator[dict[str, Any]]:
    """Every mapping below `node` that can hold a schema (depth first, document order)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_schemas(value)


def schema_refs(node: JSON) -> Iterator[str]:
    for mapping in walk_schemas(node):
        ref = mapping.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
            yield ref[len(SCHEMA_REF_PREFIX) :]


def rewrite_refs(node: JSON, renames: dict[str, str]) -> None:
    for mapping in walk_schemas(node):
        ref = mapping.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
            target = ref[len(SCHEMA_REF_PREFIX) :]
            if target in renames:
                mapping["$ref"] = SCHEMA_REF_PREFIX + renames[target]


# ---------------------------------------------------------------------------------------------- structure

# For each kind of OpenAPI object: its fields that hold a map of objects of one kind, a single object, or a
# list of objects. `None` as the kind: a map whose values are not walked (examples, links, security schemes).
MAPS: dict[str, dict[str, str | None]] = {
    "document": {"paths": "path_item", "webhooks": "path_item"},
    "components": {
        "schemas": "schema",
        "responses": "response",
        "parameters": "parameter",
        "examples": None,
        "requestBodies": "request_body",
        "headers": "parameter",
        "securitySchemes": None,
        "links": None,
        "callbacks": "callback",
        "pathItems": "path_item",
    },
    "path_item": {},
    "operation": {"responses": "response", "callbacks": "callback"},
    "callback": {},
    "request_body": {"content": "media_type"},
    "response": {"content": "media_type", "headers": "parameter", "links": None},
    "media_type": {"examples": None, "encoding": None},
    "parameter": {"content": "media_type", "examples": None},
    "schema": {"properties": "schema", "patternProperties": "schema", "$defs": "schema", "dependentSchemas": "schema"},
}
SINGLES: dict[str, dict[str, str]] = {
    "document": {"components": "components"},
    "operation": {"requestBody": "request_body"},
    "media_type": {"schema": "schema"},
    "parameter": {"schema": "schema"},
    "schema": {
        "items": "schema",
        "additionalProperties": "schema",
        "not": "schema",
        "if": "schema",
        "then": "schema",
        "else": "schema",
        "contains": "schema",
        "propertyNames": "schema",
        "unevaluatedItems": "schema",
        "unevaluatedProperties": "schema",
    },
}
LISTS: dict[str, dict[str, str]] = {
    "path_item": {"parameters": "parameter"},
    "operation": {"parameters": "parameter"},
    "schema": {"allOf": "schema", "anyOf": "schema", "oneOf": "schema", "prefixItems": "schema"},
}


def openapi_objects(spec: Spec) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(kind, object, location) for every object of the document, parents before their children.

    A caller may mend an object when it is yielded (replace `[]` with `{}`): its children are read after.
    `$ref` objects are yielded but not followed; the referenced component is reached where it is defined.
    """
    yield from _objects("document", spec, "#")


def _objects(kind: str, node: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    yield kind, node, where
    if "$ref" in node and kind != "schema":
        return
    if kind == "path_item":
        for method in HTTP_METHODS:
            if isinstance(node.get(method), dict):
                yield from _objects("operation", node[method], f"{where}/{method}")
    if kind == "callback":
        for expression, item in node.items():
            if isinstance(item, dict):
                yield from _objects("path_item", item, f"{where}/{expression}")
    for key, child_kind in MAPS.get(kind, {}).items():
        children = node.get(key)
        if child_kind is None or not isinstance(children, dict):
            continue
        for name, child in children.items():
            if isinstance(child, dict):
                yield from _objects(child_kind, child, f"{where}/{key}/{name}")
    for key, child_kind in SINGLES.get(kind, {}).items():
        if isinstance(node.get(key), dict):
            yield from _objects(child_kind, node[key], f"{where}/{key}")
    for key, child_kind in LISTS.get(kind, {}).items():
        children = node.get(key)
        if isinstance(children, list):
            for index, child in enumerate(children):
                if isinstance(child, dict):
                    yield from _objects(child_kind, child, f"{where}/{key}/{index}")


def schema_objects(spec: Spec) -> Iterator[tuple[dict[str, Any], str]]:
    """Every schema of the document (components, bodies, parameters, nested), with its location."""
    for kind, node, where in openapi_objects(spec):
        if kind == "schema":
            yield node, where
