"""Readable Python names for the operations and schemas of an API Platform export.

API Platform names an operation after its route (`_api_/v1/booking/orders/{id}/cancel_post`, written
`api_v1bookingorders_idcancel_post`) and a schema after its class, format and serialization groups
(`BookingOrder.jsonld-v1.order.read`). Both become module and class names, so both are replaced by names
derived from what the operation does and what the schema is: `cancel_order`, `BookingOrder`.
"""

from __future__ import annotations

import keyword
import re
from typing import Any

from codegen.walk import SCHEMA_REF_PREFIX, Spec, hydra_keys, operations, rewrite_refs, schema_refs

JSON = Any

VERBS = {"get": "get", "post": "create", "patch": "update", "put": "replace", "delete": "delete"}
# Formats API Platform puts into schema names (`User.jsonld`, `User.jsonMergePatch`), besides plain JSON.
SCHEMA_NAME_FORMATS = frozenset(
    {"json", "jsonld", "jsonhal", "jsonapi", "jsonproblem", "jsonMergePatch", "html", "xml", "csv", "yaml", "graphql"}
)
_IRREGULAR_PLURALS = {"person": "people", "child": "children"}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}


# ---------------------------------------------------------------------------------------------- words


def snake(name: str) -> str:
    """`TicketingOffer` -> `ticketing_offer`, `user-groups` -> `user_groups`, `hydra:member` -> `hydra_member`."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()


def identifier(name: str) -> str:
    """A snake_case name usable as a Python module and function name."""
    name = snake(name)
    if name and name[0].isdigit():
        name = f"op_{name}"
    return f"{name}_" if keyword.iskeyword(name) else name


def plural(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    head, _, last = word.rpartition("_")
    prefix = f"{head}_" if head else ""
    if last in _IRREGULAR_SINGULARS:
        return prefix + _IRREGULAR_SINGULARS[last]
    if last.endswith("ies"):
        return prefix + last[:-3] + "y"
    if re.search(r"(sses|xes|zes|ches|shes|tuses)$", last):
        return prefix + last[:-2]
    if last.endswith("s") and not re.search(r"(ss|us|is)$", last):
        return prefix + last[:-1]
    return word


def _is_parameter(segment: str) -> bool:
    return "{" in segment


def path_parts(path: str) -> list[str]:
    return [segment for segment in path.strip("/").split("/") if segment]


def literal_segments(path: str) -> list[str]:
    return [segment for segment in path_parts(path) if not _is_parameter(segment)]


def _names_resource(segment: str, words: list[str]) -> bool:
    """Whether a path segment names the resource (`orders`, `seat_maps` for [seat, map]), rather than an action."""
    segment_words = singular(snake(segment)).split("_")
    plain_words = snake(segment).split("_")
    return any(
        candidate[-len(words) :] == words or words[-len(candidate) :] == candidate
        for candidate in (segment_words, plain_words)
        if candidate != [""]
    )


# ---------------------------------------------------------------------------------------------- resources


def path_resource(path: str, method: str) -> str:
    """The resource an untagged operation serves, from its path alone: `/users/{id}/activate` -> `users`."""
    parts = path_parts(path)
    literals = [part for part in parts if not _is_parameter(part)]
    if not literals:
        return "resource"
    last = literals[-1]
    is_verb_like = singular(snake(last)) == snake(last) and not last.startswith("_")
    if method != "get" and len(literals) > 1 and is_verb_like and not _is_parameter(parts[-1]):
        return literals[-2]
    return last.strip("_") or "resource"


def resource_words(path: str, operation: dict[str, Any]) -> list[str]:
    """The resource a path serves, as snake words: tag `TicketingOffer` on /v1/ticketing/... -> [offer]."""
    tags = operation.get("tags") or []
    tag = str(tags[0]) if tags else ""
    words = [word for word in snake(tag).split("_") if word]
    if words and tag == tag.lower():
        # Lower-case tags are router names (`items`), not API Platform short names: the resource is one item.
        words[-1] = singular(words[-1])
    segments = literal_segments(path)
    # API Platform prefixes short names with the API's module (/v1/booking/... -> BookingOrder).
    if len(words) > 1 and len(segments) > 1 and words[0] == segments[1].lower():
        words = words[1:]
    if not words:
        words = singular(snake(path_resource(path, "get"))).split("_")
    return words


def _resolve(spec: Spec, schema: JSON) -> JSON:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
        return spec.get("components", {}).get("schemas", {}).get(ref[len(SCHEMA_REF_PREFIX) :], {})
    return schema


def member_items(spec: Spec, schema: JSON) -> JSON | None:
    """The `items` of a Hydra collection's member array (`member` or `hydra:member`), through allOf and $ref."""
    schema = _resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    properties = schema.get("properties")
    for key in hydra_keys("member"):
        member = properties.get(key) if isinstance(properties, dict) else None
        if isinstance(member, dict) and _resolve(spec, member).get("type") == "array":
            items = _resolve(spec, member).get("items", {})
            return member.get("items", items)
    for part in schema.get("allOf", []):
        found = member_items(spec, part)
        if found is not None:
            return found
    return None


def _success_schemas(operation: dict[str, Any]) -> list[JSON]:
    responses = operation.get("responses", {})
    found = []
    for status, response in responses.items():
        if str(status).startswith("2") and isinstance(response, dict):
            found += [media.get("schema", {}) for media in response.get("content", {}).values()]
    return found


def is_collection_operation(spec: Spec, method: str, operation: dict[str, Any]) -> bool:
    """A GET answering a Hydra collection (either spelling), or a plain JSON array."""
    if method != "get":
        return False
    for schema in _success_schemas(operation):
        if member_items(spec, schema) is not None or _resolve(spec, schema).get("type") == "array":
            return True
    return False


# ---------------------------------------------------------------------------------------------- operations


def readable_name(spec: Spec, path: str, method: str, operation: dict[str, Any]) -> str:
    words = resource_words(path, operation)
    parts = path_parts(path)
    last = parts[-1] if parts else ""
    is_collection = is_collection_operation(spec, method, operation)
    ends_in_literal = bool(parts) and not _is_parameter(last)
    after = parts[-2] if len(parts) > 1 else ""
    follows_resource = _is_parameter(after) or (after != "" and _names_resource(after, words))
    if ends_in_literal and not last.startswith("_") and follows_resource and not _names_resource(last, words):
        action = snake(last)
        if method == "get":
            # A read of something the resource has (`GET /orders/{id}/invoice`): get_order_invoice.
            tail = plural(singular(action)) if is_collection else action
            return "_".join(["list" if is_collection else "get", *words, tail])
        # An action on one resource (`POST /orders/{id}/cancel`) or on the collection (`POST /users/import`).
        target = words if _is_parameter(after) else [*words[:-1], plural(words[-1])]
        return "_".join([action, *target])
    if is_collection or (method == "post" and last == "_bulk"):
        words = [*words[:-1], plural(words[-1])]
    verbs = {**VERBS, "get": "list" if is_collection else "get"}
    return "_".join([verbs.get(method, method), *words])


def qualified_name(name: str, path: str) -> str:
    """`list_products` served under /product_bases/{id}/products -> `list_product_base_products`."""
    segments = literal_segments(path)
    parent = singular(snake(segments[-2])) if len(segments) > 1 else ""
    verb, _, rest = name.partition("_")
    return f"{verb}_{parent}_{rest}" if parent else ""


def readable_operation_ids(spec: Spec) -> list[str]:
    proposals: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for path, method, operation in operations(spec):
        name = identifier(readable_name(spec, path, method, operation))
        proposals.setdefault(name, []).append((path, operation))
    names: dict[int, str] = {}
    for name, users in proposals.items():
        # The shallowest path keeps the plain name; deeper ones say which parent they are listed under.
        users.sort(key=lambda user: len(literal_segments(user[0])))
        names[id(users[0][1])] = name
        for path, operation in users[1:]:
            names[id(operation)] = identifier(qualified_name(name, path))
    taken: set[str] = set()
    changes = []
    for path, method, operation in operations(spec):
        vendor_id = operation.setdefault("x-vendor-operation-id", operation.get("operationId", ""))
        name = names[id(operation)]
        if not name or name in taken:
            name = identifier(str(vendor_id)) or identifier(f"{method}_{'_'.join(literal_segments(path))}")
        while name in taken:
            name = f"{name}_{method}"
        taken.add(name)
        if operation.get("operationId") == name:
            continue
        operation["operationId"] = name
        note = f"Vendor operationId: `{vendor_id}`."
        description = str(operation.get("description") or operation.get("summary") or "").rstrip()
        if note not in description:
            operation["description"] = f"{description}\n\n{note}".lstrip()
        changes.append(f"{method.upper()} {path}: {vendor_id} -> {name}")
    return changes


# ---------------------------------------------------------------------------------------------- schemas


def _pascal(words: list[str]) -> str:
    return "".join(word[:1].upper() + word[1:] for word in words if word)


def definition_name_parts(name: str) -> tuple[list[str], list[str], list[str]] | None:
    """API Platform's `<ShortName>[.<Input/Output class>][.<format>][-<groups>]`: (classes, formats, group words).

    None for a name API Platform did not build that way (`HydraItemBaseSchema`, `HTTPValidationError`).
    """
    if "." not in name and "-" not in name:
        return None
    prefix, _, groups = name.partition("-")
    parts = [part for part in prefix.split(".") if part]
    classes = [part for part in parts if part not in SCHEMA_NAME_FORMATS]
    if not classes or not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part) for part in classes):
        return None
    words = [word for word in re.split(r"[._\-]+", groups) if word]
    formats = [part for part in parts + words if part in SCHEMA_NAME_FORMATS]
    return classes, formats, [word for word in words if word not in SCHEMA_NAME_FORMATS]


def _group_suffix(class_words: list[str], group_words: list[str]) -> list[str]:
    """The words that tell one serialization group of a class from another: `order.create_bulk_read` of
    BookingOrder -> [create, bulk, read]. Version words go, and so do leading words that repeat the class's name."""
    words = [word.lower() for word in group_words if not re.fullmatch(r"v\d+", word, flags=re.IGNORECASE)]
    start = 0
    while start < len(words) and words[start] in class_words:
        start += 1
    return words[start:]


def _refs_in(schema: JSON) -> list[str]:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    return [ref[len(SCHEMA_REF_PREFIX) :]] if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX) else []


def _closure(spec: Spec, names: list[str]) -> set[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in seen and name in schemas:
            seen.add(name)
            pending.extend(schema_refs(schemas[name]))
    return seen


def _usage(spec: Spec) -> dict[str, tuple[int, int, int, int]]:
    """Per component schema, how operations use it: answered directly (or as collection members), reached
    from an answer, sent directly as a body, reached from a body. The variant of a class that reads return
    keeps the plain name; a variant only requests use says its group."""
    answered: list[str] = []
    sent: list[str] = []
    for _, _, operation in operations(spec):
        for schema in _success_schemas(operation):
            answered += _refs_in(schema) + _refs_in(member_items(spec, schema))
        body = operation.get("requestBody", {})
        for media in body.get("content", {}).values() if isinstance(body, dict) else []:
            sent += _refs_in(media.get("schema", {}))
    from_answers, from_bodies = _closure(spec, answered), _closure(spec, sent)
    schemas = spec.get("components", {}).get("schemas", {})
    return {
        name: (answered.count(name), name in from_answers, sent.count(name), name in from_bodies) for name in schemas
    }


def _variant_suffixes(
    class_words: list[str], formats: list[str], group_words: list[str], requests_only: bool
) -> list[str]:
    """Names for a variant that does not keep the class's plain name, best first."""
    suffix = _pascal(_group_suffix(class_words, group_words))
    format_words = ["Patch" if fmt == "jsonMergePatch" else _pascal([fmt]) for fmt in formats if fmt != "jsonld"]
    if not suffix:
        suffix = "Patch" if "jsonMergePatch" in formats else "Input" if requests_only else "".join(format_words)
    versionless = [word for word in group_words if not re.fullmatch(r"v\d+", word)]
    return [suffix, suffix + "".join(format_words), _pascal(versionless) + "".join(format_words)]


def readable_schema_names(spec: Spec) -> list[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    parsed = {name: parts for name in schemas if (parts := definition_name_parts(name)) is not None}
    families = {_pascal(classes) for classes, _, _ in parsed.values()}
    for name in schemas:
        if name not in parsed and name in families:
            parsed[name] = ([name], ["json"], [])  # `Book`: the class in plain JSON, beside `Book.jsonld`
    by_class: dict[str, list[str]] = {}
    for name, (classes, _, _) in parsed.items():
        by_class.setdefault(_pascal(classes), []).append(name)
    usage = _usage(spec)
    taken = {name.lower() for name in schemas if name not in parsed}
    renames: dict[str, str] = {}
    for base, names in by_class.items():
        # The variant most operations answer with keeps the plain name; the others say their group.
        names.sort(key=lambda name: (*(-count for count in usage[name]), len(name), name))
        class_words = snake(base).split("_")
        for index, name in enumerate(names):
            classes, formats, group_words = parsed[name]
            answered, from_answers, _, _ = usage[name]
            requests_only = not (answered or from_answers)
            suffixes = _variant_suffixes(class_words, formats, group_words, requests_only)
            candidates = ([base] if index == 0 else []) + [base + suffix for suffix in suffixes if suffix]
            chosen = next((candidate for candidate in candidates if candidate.lower() not in taken), None)
            if chosen is None:
                continue  # nothing readable is free: the generator's own name stays
            taken.add(chosen.lower())
            if chosen != name:
                renames[name] = chosen
    if not renames:
        return []
    spec["components"]["schemas"] = {renames.get(name, name): schema for name, schema in schemas.items()}
    rewrite_refs(spec, renames)
    return [f"{name} -> {new}" for name, new in renames.items()]
