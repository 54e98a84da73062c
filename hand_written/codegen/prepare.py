"""Turn the vendor's OpenAPI bundle into the input openapi-python-client can generate from.

Every transform here is a pure function of the spec that leaves the HTTP traffic unchanged: the same
requests go out and the same responses parse. Each one exists because the generator (0.29.x) would
otherwise drop or mangle part of the API; its `why` says which limitation it works around.
The transforms are written against API Platform's conventions, not against this reconstruction, so
they apply unchanged to the vendor's published bundle.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from codegen.export_shapes import (
    empty_maps_as_maps,
    inline_parameters,
    items_for_untyped_arrays,
    mend_unknown_types,
    require_path_parameters,
    string_status_codes,
    tag_untagged_operations,
)
from codegen.naming import readable_operation_ids, readable_schema_names
from codegen.walk import (
    HTTP_METHODS,
    JSON,
    JSON_LD,
    MERGE_PATCH,
    SCHEMA_REF_PREFIX,
    Spec,
    operations,
    rewrite_refs,
    schema_refs,
    walk_schemas,
)

__all__ = [
    "HTTP_METHODS",
    "SCHEMA_REF_PREFIX",
    "TRANSFORMS",
    "Transform",
    "operations",
    "prepare",
    "readable_operation_ids",
    "walk_schemas",
]
ANY_UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"
"""A UUID of any version (1 to 8) in either case: what `accept_any_uuid` gives identifier parameters."""
_UUID_SAMPLES = ("0194abdc-3a71-72b0-a9b9-89d4be0cd73e", "35e72d9b-0fdc-44e3-869c-e1781c14418e")
# Keys that document a schema without changing what it accepts or how code is generated from it.
DOC_KEYS = frozenset({"description", "example", "examples"})


@dataclass(frozen=True)
class Transform:
    name: str
    why: str
    apply: Callable[[Spec], list[str]]
    """Mutates the spec in place and returns one line per change made."""


# ---------------------------------------------------------------------------------------------- transforms


def keep_one_request_media_type(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        content = operation.get("requestBody", {}).get("content", {})
        if len(content) < 2:
            continue
        preferred = [MERGE_PATCH, JSON_LD] if method == "patch" else [JSON_LD]
        keep = next((media for media in preferred if media in content), next(iter(content)))
        dropped = [media for media in content if media != keep]
        operation["requestBody"]["content"] = {keep: content[keep]}
        changes.append(f"{method.upper()} {path}: request body sent as {keep}, dropped {', '.join(dropped)}")
    return changes


def keep_jsonld_responses(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        for status, response in operation.get("responses", {}).items():
            content = response.get("content", {})
            if JSON_LD in content and len(content) > 1:
                dropped = [media for media in content if media != JSON_LD]
                response["content"] = {JSON_LD: content[JSON_LD]}
                changes.append(f"{method.upper()} {path} {status}: kept {JSON_LD}, dropped {', '.join(dropped)}")
    return changes


def drop_scalar_twin_query_params(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        params = operation.get("parameters", [])
        array_names = {p["name"] for p in params if p.get("in") == "query" and p["name"].endswith("[]")}
        twins = [p for p in params if p.get("in") == "query" and p["name"] + "[]" in array_names]
        for twin in twins:
            params.remove(twin)
            changes.append(f"{method.upper()} {path}: query `{twin['name']}` dropped, `{twin['name']}[]` kept")
    return changes


def strip_jsonld_keywords(spec: Spec) -> list[str]:
    changes = []
    for where, root in (
        ("components", spec.get("components", {}).get("schemas", {})),
        ("paths", spec.get("paths", {})),
    ):
        for mapping in walk_schemas(root):
            properties = mapping.get("properties")
            if not isinstance(properties, dict):
                continue
            keywords = [name for name in properties if name.startswith("@")]
            for name in keywords:
                del properties[name]
            required = mapping.get("required")
            if isinstance(required, list) and any(name.startswith("@") for name in required):
                kept = [name for name in required if not name.startswith("@")]
                if kept:
                    mapping["required"] = kept
                else:
                    del mapping["required"]
            if keywords:
                changes.append(f"{where}: removed {', '.join(keywords)}")
    return changes


def split_nullable_enums(spec: Spec) -> list[str]:
    changes = []
    for mapping in walk_schemas(spec):
        types, values = mapping.get("type"), mapping.get("enum")
        if not (isinstance(types, list) and "null" in types and isinstance(values, list)):
            continue
        non_null_types = [t for t in types if t != "null"]
        branch = {key: value for key, value in mapping.items() if key not in DOC_KEYS and not key.startswith("x-")}
        branch["type"] = non_null_types[0] if len(non_null_types) == 1 else non_null_types
        branch["enum"] = [value for value in values if value is not None]
        for key in branch:
            del mapping[key]
        mapping["anyOf"] = [branch, {"type": "null"}]
        changes.append(f"nullable enum {branch['enum']} written as anyOf")
    return changes


def drop_unreferenced_schemas(spec: Spec) -> list[str]:
    components = spec.get("components", {})
    schemas = components.get("schemas", {})
    reachable: set[str] = set()
    # Used from the operations, and from whatever else refers to schemas: components.responses, requestBodies,
    # parameters and headers an operation refers to, and the document's webhooks.
    roots = {key: value for key, value in spec.items() if key != "components"}
    roots["components"] = {key: value for key, value in components.items() if key != "schemas"}
    pending = list(schema_refs(roots))
    while pending:
        name = pending.pop()
        if name in reachable or name not in schemas:
            continue
        reachable.add(name)
        pending.extend(schema_refs(schemas[name]))
    dropped = [name for name in schemas if name not in reachable]
    for name in dropped:
        del schemas[name]
    return [f"dropped {name}" for name in dropped]


def _shape(schema: JSON) -> JSON:
    """The part of a schema that decides what it accepts, for comparing two schemas."""
    if isinstance(schema, dict):
        return {key: _shape(value) for key, value in schema.items() if key not in DOC_KEYS and not key.startswith("x-")}
    if isinstance(schema, list):
        return [_shape(value) for value in schema]
    return schema


def _serialized_class(schema_name: str) -> str:
    """`BookingOrder.jsonld-v1.order.read` -> `BookingOrder.jsonld`: the class and format, without the groups."""
    return schema_name.split("-", 1)[0]


def merge_identical_schemas(spec: Spec) -> list[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    changes: list[str] = []
    while True:
        by_shape: dict[tuple[str, str], list[str]] = {}
        for name, schema in schemas.items():
            key = (_serialized_class(name), json.dumps(_shape(schema), sort_keys=True))
            by_shape.setdefault(key, []).append(name)
        renames = {}
        for names in by_shape.values():
            if len(names) < 2:
                continue
            keep = min(names, key=lambda name: (len(name), name))
            for name in names:
                if name != keep:
                    renames[name] = keep
        if not renames:
            return changes
        for name, keep in renames.items():
            del schemas[name]
            changes.append(f"{name} merged into {keep}")
        rewrite_refs(spec, renames)


# ---------------------------------------------------------------------------------------------- response tolerance


def _component_closure(spec: Spec, roots: JSON) -> set[str]:
    """Names of the component schemas `roots` reference, directly or through other components."""
    schemas = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    pending = list(schema_refs(roots))
    while pending:
        name = pending.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        pending.extend(schema_refs(schemas[name]))
    return seen


def _response_side(spec: Spec) -> tuple[list[JSON], set[str]]:
    """The inline response schemas, and the component schemas only responses use.

    A component that a request body or parameter also uses stays as it is: requests must stay strict.
    """
    responses: list[JSON] = []
    requests: list[JSON] = []
    for _, _, operation in operations(spec):
        for response in operation.get("responses", {}).values():
            responses.extend(media.get("schema", {}) for media in response.get("content", {}).values())
        requests.append(operation.get("requestBody", {}))
        requests.append(operation.get("parameters", []))
    only = _component_closure(spec, responses) - _component_closure(spec, requests)
    return responses, only


def _response_schema_nodes(spec: Spec) -> list[dict[str, Any]]:
    """Every schema mapping a response can contain that no request shares, in document order.

    A list, not a generator: the transforms rewrite the mappings they are given.
    """
    inline, components = _response_side(spec)
    schemas = spec.get("components", {}).get("schemas", {})
    nodes = list(walk_schemas(inline))
    for name in schemas:
        if name in components:
            nodes.extend(walk_schemas(schemas[name]))
    return nodes


def open_response_enums(spec: Spec) -> list[str]:
    changes = []
    nodes = _response_schema_nodes(spec)
    already_open = {id(variant) for node in nodes if "x-open-enum" in node for variant in node.get("anyOf", [])}
    for mapping in nodes:
        values = mapping.get("enum")
        if id(mapping) in already_open:
            continue
        types = mapping.get("type")
        if not isinstance(values, list) or (types != "string" and not (isinstance(types, list) and "string" in types)):
            continue
        nullable = (isinstance(types, list) and "null" in types) or None in values
        known = {"type": "string", "enum": [value for value in values if value is not None]}
        variants: list[dict[str, Any]] = [known, {"type": "string"}]
        if nullable:
            variants.append({"type": "null"})
        for key in [key for key in mapping if key not in DOC_KEYS and not key.startswith("x-")]:
            del mapping[key]
        mapping["anyOf"] = variants
        mapping["x-open-enum"] = known["enum"]
        changes.append(f"response enum {known['enum']} also reads unknown strings")
    return changes


def _nullable(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(_nullable(part) for key in ("anyOf", "oneOf") for part in schema.get(key, []) if isinstance(part, dict))


def tolerate_unseen_nulls(spec: Spec) -> list[str]:
    changes = []
    for mapping in _response_schema_nodes(spec):
        properties = mapping.get("properties")
        if not isinstance(properties, dict):
            continue
        for name, prop in properties.items():
            if not isinstance(prop, dict) or "x-inferred" not in prop or name.startswith("@") or _nullable(prop):
                continue
            if "$ref" in prop or "anyOf" in prop or "oneOf" in prop:
                doc = {key: value for key, value in prop.items() if key in DOC_KEYS or key.startswith("x-")}
                branch = {key: value for key, value in prop.items() if key not in doc}
                key = "oneOf" if "oneOf" in branch and len(branch) == 1 else "anyOf"
                variants = branch[key] if len(branch) == 1 and key in branch else [branch]
                prop.clear()
                prop.update(doc)
                prop[key] = [*variants, {"type": "null"}]
            elif isinstance(prop.get("type"), str):
                prop["type"] = [prop["type"], "null"]
            elif isinstance(prop.get("type"), list):
                prop["type"] = [*prop["type"], "null"]
            else:
                continue
            prop["x-null-tolerated"] = True
            changes.append(f"{name}: null accepted (no reference page shows it non-null)")
    return changes


def _is_uuid_pattern(pattern: Any) -> bool:
    """Whether a parameter pattern describes UUIDs (of some version), judged by what it matches."""
    if not isinstance(pattern, str) or not re.search(r"\{8\}-.*\{12\}", pattern):
        return False
    try:
        return any(re.fullmatch(pattern, sample) for sample in _UUID_SAMPLES)
    except re.error:
        return False


def accept_any_uuid(spec: Spec) -> list[str]:
    changes = []
    for path, method, operation in operations(spec):
        for parameter in operation.get("parameters", []):
            schema = parameter.get("schema", {})
            if schema.get("pattern") != ANY_UUID_PATTERN and _is_uuid_pattern(schema.get("pattern")):
                schema["pattern"] = ANY_UUID_PATTERN
                changes.append(f"{method.upper()} {path}: `{parameter['name']}` accepts any UUID")
    return changes


TRANSFORMS: tuple[Transform, ...] = (
    # What API Platform's exporters write that is not valid OpenAPI, or that the generator refuses.
    Transform(
        "empty_maps_as_maps",
        "PHP has one empty array for lists and maps, so API Platform's YAML export (3.x) writes an empty map "
        "as `[]` (`links: []`, a parameter's `schema: []`, empty `components` sections); the validator refuses "
        "them, and `[]` means the same as `{}` there.",
        empty_maps_as_maps,
    ),
    Transform(
        "inline_parameters",
        "An export customised with `Model\\Reference` or an OpenApiFactory decorator can list parameters as "
        "`$ref`s to components.parameters, or once for a whole path; the facade reads each operation's own "
        "list, so every parameter is written out on the operations it applies to (the same requests go out).",
        inline_parameters,
    ),
    Transform(
        "string_status_codes",
        "The YAML export writes response codes as integer keys (`200:`), which OpenAPI and the generator "
        "refuse (every response of the document fails validation); they become the strings JSON has.",
        string_status_codes,
    ),
    Transform(
        "mend_unknown_types",
        "API Platform writes `type: unknown_type` for a property whose PHP type it cannot map (an object that "
        "is not a resource, `mixed`); it is no JSON type, so the generator refuses the schema; the property "
        "accepts any value, which is what the server may send.",
        mend_unknown_types,
    ),
    Transform(
        "require_path_parameters",
        "A URI variable configured through openapiContext or a Link can come out `required: false`, and the "
        "generator drops any operation with an optional path parameter; a path parameter is always required "
        "(OpenAPI says so).",
        require_path_parameters,
    ),
    Transform(
        "items_for_untyped_arrays",
        "A property typed `array` through openapiContext, or a PHP array with no known value type, comes out "
        "without `items`, which the generator refuses; such an array holds any values.",
        items_for_untyped_arrays,
    ),
    Transform(
        "tag_untagged_operations",
        "An operation whose openapi attribute sets `tags: []` (or a non-API Platform route) has no tag, and the "
        "generator files it under `default`; it is tagged with the resource its path names, so its module "
        "lives beside that resource's.",
        tag_untagged_operations,
    ),
    Transform(
        "keep_one_request_media_type",
        "Several request media types sharing a schema make the generator send the last one listed "
        "(openapi-python-client #1276); keep JSON-LD, or merge-patch for PATCH, which the API documents.",
        keep_one_request_media_type,
    ),
    Transform(
        "keep_jsonld_responses",
        "The client asks for JSON-LD, so other response formats are never received; their schemas would "
        "only generate unused duplicate models.",
        keep_jsonld_responses,
    ),
    Transform(
        "drop_scalar_twin_query_params",
        "Query `x` and `x[]` map to one Python name and the generator then drops the whole operation; "
        "`x[]` accepts one value or many, so keeping it alone loses no filter.",
        drop_scalar_twin_query_params,
    ),
    Transform(
        "strip_jsonld_keywords",
        "`@id`/`@type`/`@context` map to the Python names of `id`/`type` and the generator then drops "
        "the whole model; without the declarations those keys stay readable, and round-trip, through "
        "each model's additional properties.",
        strip_jsonld_keywords,
    ),
    Transform(
        "accept_any_uuid",
        "Path patterns say UUIDv7 (what the API mints), but the API's own live data carries v4 ids; "
        "identifier parameters accept any UUID so the client never refuses an id the server gave it.",
        accept_any_uuid,
    ),
    Transform(
        "open_response_enums",
        "A live API adds enum values (a new order status) before its spec says so, and a closed enum makes "
        "the generated parser raise, failing a whole page or the answer to a committed write; response-only "
        "enums become `known values | any string`, request enums stay closed so bad input is refused.",
        open_response_enums,
    ),
    Transform(
        "tolerate_unseen_nulls",
        "A response field with its own `x-inferred` note was never shown non-null by a reference page "
        "(only in a live example, an older version, or by convention); a null there would crash the "
        "generated parser, so those fields also accept null and are typed `| None`.",
        tolerate_unseen_nulls,
    ),
    Transform(
        "split_nullable_enums",
        "`type: [string, 'null']` with an enum turns into three unrelated unions in the generator; the "
        "equivalent `anyOf: [enum, null]` gives one optional literal type.",
        split_nullable_enums,
    ),
    Transform(
        "drop_unreferenced_schemas",
        "Schemas only used by the formats dropped above would become dead models.",
        drop_unreferenced_schemas,
    ),
    Transform(
        "merge_identical_schemas",
        "API Platform emits one schema per class and serialization group; identical groups of one "
        "class are merged so one resource is one Python class, whichever operation returned it.",
        merge_identical_schemas,
    ),
    Transform(
        "readable_schema_names",
        "API Platform names a schema after its class, format and serialization groups "
        "(`BookingOrder.jsonld-v1.order.read`), and the generator turns that into `BookingOrderJsonldV1OrderRead`; "
        "each class's most answered variant is named after the class, the others after their groups.",
        readable_schema_names,
    ),
    Transform(
        "readable_operation_ids",
        "API Platform's operationIds (api_v1ticketingcatalogs_catalogIdoffers_get_collection) become "
        "module names; derive list_/get_/create_/update_ names from the tag and path, actions "
        "(`POST /orders/{id}/cancel`) after their verb (`cancel_order`), and keep the vendor's id in the docstring.",
        readable_operation_ids,
    ),
)


def prepare(vendor_spec: Spec) -> tuple[Spec, dict[str, list[str]]]:
    """Return the generator-ready spec and, per transform, the changes it made. The input is not modified."""
    spec = copy.deepcopy(vendor_spec)
    report = {transform.name: transform.apply(spec) for transform in TRANSFORMS}
    return spec, report
