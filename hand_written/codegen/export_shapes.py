"""Transforms that mend what API Platform's exporters write, so any export (3.x or 4.x, JSON or YAML) generates.

Each matches one way an export departs from OpenAPI 3.1 or from what openapi-python-client accepts, as
API Platform produces it (its OpenApiFactory, its JSON Schema factories and Symfony's YAML dumper), and
leaves the HTTP traffic as it is.
"""

from __future__ import annotations

import copy
from typing import Any

from codegen.naming import is_collection_operation, path_resource, singular, snake
from codegen.walk import MAPS, SINGLES, Spec, openapi_objects, operations, schema_objects

PARAMETER_REF_PREFIX = "#/components/parameters/"
UNKNOWN_TYPE = "unknown_type"
"""API Platform's JSON Schema type for a property whose PHP type it could not map (`Schema::UNKNOWN_TYPE`)."""


def inline_parameters(spec: Spec) -> list[str]:
    changes = []
    components = spec.get("components")
    shared: dict[str, Any] = {}
    if isinstance(components, dict) and isinstance(components.get("parameters"), dict):
        shared = components["parameters"]
    paths: dict[str, Any] = spec["paths"] if isinstance(spec.get("paths"), dict) else {}

    def resolved(parameter: Any, where: str) -> Any:
        seen: list[str] = []
        while isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            ref = parameter["$ref"]
            name = ref.removeprefix(PARAMETER_REF_PREFIX)
            if not ref.startswith(PARAMETER_REF_PREFIX) or name not in shared or name in seen:
                raise ValueError(f"{where}: parameter {ref!r} refers to no parameter of components.parameters")
            seen.append(name)
            parameter = shared[name]
        if seen:
            changes.append(f"{where}: parameter {seen[0]} written out")
        return copy.deepcopy(parameter)

    for path, method, operation in operations(spec):
        where = f"{method.upper()} {path}"
        own = [resolved(parameter, where) for parameter in operation.get("parameters") or []]
        declared = {(p.get("in"), p.get("name")) for p in own if isinstance(p, dict)}
        inherited = [resolved(parameter, where) for parameter in paths[path].get("parameters") or []]
        # An operation's own parameter replaces the path's of the same name and location (OpenAPI's rule).
        added = [p for p in inherited if not isinstance(p, dict) or (p.get("in"), p.get("name")) not in declared]
        if added:
            changes.append(f"{where}: {len(added)} parameter(s) of the path written on the operation")
        if own or added:
            operation["parameters"] = [*added, *own]
    for item in paths.values():
        if isinstance(item, dict) and "parameters" in item:
            del item["parameters"]
    return changes


def string_status_codes(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        responses = operation.get("responses")
        if not isinstance(responses, dict) or all(isinstance(status, str) for status in responses):
            continue
        mended: dict[str, Any] = {}
        for status, response in responses.items():
            key = str(status)
            if key in mended:
                raise ValueError(f"{method.upper()} {path}: response {key} is listed twice (as {key!r} and {status!r})")
            mended[key] = response
        operation["responses"] = mended
        integers = [str(status) for status in responses if not isinstance(status, str)]
        changes.append(f"{method.upper()} {path}: status codes {', '.join(integers)} written as strings")
    return changes


def empty_maps_as_maps(spec: Spec) -> list[str]:
    changes = []
    for kind, node, where in openapi_objects(spec):
        for key in (*MAPS.get(kind, {}), *SINGLES.get(kind, {})):
            if node.get(key) == [] and isinstance(node.get(key), list):
                node[key] = {}
                changes.append(f"{where}/{key}: [] read as {{}}")
    return changes


def mend_unknown_types(spec: Spec) -> list[str]:
    changes = []
    for schema, where in schema_objects(spec):
        kind = schema.get("type")
        unknown = kind == UNKNOWN_TYPE or (isinstance(kind, list) and UNKNOWN_TYPE in kind)
        if unknown:
            # An unknown type says nothing about the value: any JSON value, null included, is accepted.
            del schema["type"]
            schema["x-unknown-type"] = True
            changes.append(f"{where}: type {kind} read as any value")
    return changes


def require_path_parameters(spec: Spec) -> list[str]:
    changes = []
    paths: dict[str, Any] = spec["paths"] if isinstance(spec.get("paths"), dict) else {}
    for path, method, operation in operations(spec):
        declared = [*paths[path].get("parameters", []), *operation.get("parameters", [])]
        for parameter in declared:
            if isinstance(parameter, dict) and parameter.get("in") == "path" and parameter.get("required") is not True:
                # Path-level parameters are shared by the path's operations: mended (and reported) once.
                parameter["required"] = True
                changes.append(f"{method.upper()} {path}: path parameter `{parameter.get('name')}` is required")
    return changes


def items_for_untyped_arrays(spec: Spec) -> list[str]:
    changes = []
    for schema, where in schema_objects(spec):
        kind = schema.get("type")
        is_array = kind == "array" or (isinstance(kind, list) and "array" in kind)
        if is_array and "items" not in schema and "prefixItems" not in schema:
            schema["items"] = {}
            changes.append(f"{where}: array without items holds any values")
    return changes


def tag_untagged_operations(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        if operation.get("tags"):
            continue
        resource = snake(path_resource(path, method))
        ends_in_literal = not path.rstrip("/").endswith("}")
        if not (method == "get" and ends_in_literal and not is_collection_operation(spec, method, operation)):
            # `/statistics` read as one object is a singleton named as written; anything else names items.
            resource = singular(resource)
        tag = "".join(word.capitalize() for word in resource.split("_") if word) or "Default"
        operation["tags"] = [tag]
        changes.append(f"{method.upper()} {path}: tagged {tag}")
    return changes
