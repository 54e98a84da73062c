"""What changed between two versions of the vendor's spec, for the person regenerating the client.

`python -m codegen diff OLD NEW` (run by `make update-spec`) lists operations, parameters, responses,
schemas and fields that appeared, disappeared or changed, and marks the changes that can break code
written against the old version. Whether a change breaks depends on the side it is on:

- what callers send (request bodies, parameters) breaks when it becomes stricter: a newly required field or
  parameter, a removed field, a removed enum value, a changed type;
- what callers read (responses) breaks when something they read goes or changes type; a new enum value does
  not (response enums are open: an unknown value reads as a string), nor does a newly required field.

A parameter whose wire name changed but whose Python names did not (`external_reference` ->
`externalReference`, both `external_reference` in Python) is reported as a rename.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from openapi_python_client.strings import PythonIdentifier

from codegen.facade import GENERATOR_FIELD_PREFIX, readable_alias
from codegen.prepare import operations, prepare
from codegen.walk import SCHEMA_REF_PREFIX, schema_refs

Side = Literal["request", "response", "both"]


@dataclass(frozen=True)
class Change:
    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{'BREAKING ' if self.breaking else ''}{self.where}: {self.what}"


# ---------------------------------------------------------------------------------------------- schemas


def _enum(schema: dict[str, Any]) -> list[Any] | None:
    """The enum values of a schema, also when they sit in one variant of an `anyOf`/`oneOf` (a nullable enum)."""
    if isinstance(schema.get("enum"), list):
        return [value for value in schema["enum"] if value is not None]
    for combinator in ("anyOf", "oneOf"):
        for part in schema.get(combinator, []):
            if isinstance(part, dict) and isinstance(part.get("enum"), list):
                return [value for value in part["enum"] if value is not None]
    return None


def _type(schema: dict[str, Any]) -> str:
    """A schema's type, as text, without its enum values (those are compared on their own)."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            return f"{combinator}(" + ", ".join(_type(part) for part in schema[combinator]) + ")"
    kind = schema.get("type", "any")
    text = "|".join(map(str, kind)) if isinstance(kind, list) else str(kind)
    if text == "array":
        text = f"array of {_type(schema.get('items', {}))}"
    if "format" in schema:
        text += f" ({schema['format']})"
    return text


def _fields(schema: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """Properties and required names of a schema, its allOf parts included."""
    properties: dict[str, dict[str, Any]] = dict(schema.get("properties", {}))
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        if "properties" in part:
            properties.update(part["properties"])
            required |= set(part.get("required", []))
    return properties, required


def _closure(spec: dict[str, Any], roots: Any) -> set[str]:
    schemas = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    pending = list(schema_refs(roots))
    while pending:
        name = pending.pop()
        if name not in seen and name in schemas:
            seen.add(name)
            pending.extend(schema_refs(schemas[name]))
    return seen


def schema_sides(spec: dict[str, Any]) -> dict[str, Side]:
    """Whether each component schema is sent (request bodies, parameters), read (responses) or both."""
    requests: list[Any] = []
    responses: list[Any] = []
    for _, _, operation in operations(spec):
        requests += [operation.get("requestBody", {}), operation.get("parameters", [])]
        responses.append(operation.get("responses", {}))
    sent, read = _closure(spec, requests), _closure(spec, responses)
    sides: dict[str, Side] = {}
    for name in spec.get("components", {}).get("schemas", {}):
        sides[name] = "both" if name in sent and name in read else "request" if name in sent else "response"
    return sides


def _enum_changes(where: str, label: str, old: dict[str, Any], new: dict[str, Any], side: Side) -> list[Change]:
    before, after = _enum(old), _enum(new)
    if before is None or after is None:
        return []
    changes = []
    added = [value for value in after if value not in before]
    removed = [value for value in before if value not in after]
    if added:
        # Sent values: more are accepted. Read values: the open enum already reads unknown strings.
        note = "" if side == "request" else " (read as before: response enums are open)"
        changes.append(Change(where, f"{label}: enum value {', '.join(map(str, added))} added{note}", False))
    if removed:
        # The client checks what it sends against the enum, so code sending a removed value now fails.
        breaking = side != "response"
        changes.append(Change(where, f"{label}: enum value {', '.join(map(str, removed))} removed", breaking))
    return changes


def _compare_fields(
    where: str, prefix: str, old: dict[str, Any], new: dict[str, Any], side: Side, depth: int = 0
) -> list[Change]:
    """Field changes between two versions of one object schema, inline objects included (`customer.phone`)."""
    changes: list[Change] = []
    old_fields, old_required = _fields(old)
    new_fields, new_required = _fields(new)
    sends = side != "response"
    for field in sorted(old_fields.keys() - new_fields.keys()):
        changes.append(Change(where, f"field {prefix}{field} removed", True))
    for field in sorted(new_fields.keys() - old_fields.keys()):
        required = field in new_required
        changes.append(
            Change(where, f"field {prefix}{field} added{' (required)' if required else ''}", required and sends)
        )
    for field in sorted(old_fields.keys() & new_fields.keys()):
        was, now = old_fields[field], new_fields[field]
        label = f"field {prefix}{field}"
        if _type(was) != _type(now):
            changes.append(Change(where, f"{label}: {_type(was)} -> {_type(now)}", True))
        changes += _enum_changes(where, label, was, now, side)
        if field in new_required and field not in old_required:
            changes.append(Change(where, f"{label} is now required", sends))
        if depth < 4:
            for part_old, part_new, sub in ((was, now, ""), (was.get("items", {}), now.get("items", {}), "[]")):
                if isinstance(part_old, dict) and isinstance(part_new, dict) and "properties" in part_old:
                    changes += _compare_fields(where, f"{prefix}{field}{sub}.", part_old, part_new, side, depth + 1)
    return changes


def _schema_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    before = old.get("components", {}).get("schemas", {})
    after = new.get("components", {}).get("schemas", {})
    sides = schema_sides(new)
    for name in sorted(before.keys() - after.keys()):
        changes.append(Change(name, "schema removed", True))
    for name in sorted(after.keys() - before.keys()):
        changes.append(Change(name, "schema added", False))
    for name in sorted(before.keys() & after.keys()):
        changes += _compare_fields(name, "", before[name], after[name], sides.get(name, "response"))
    return changes


# ---------------------------------------------------------------------------------------------- operations


def _python_names(parameter: dict[str, Any]) -> tuple[str, str]:
    """The names callers use for a parameter: the facade's keyword and the generated function's argument."""
    wire = str(parameter["name"])
    generated = str(PythonIdentifier(wire, prefix=GENERATOR_FIELD_PREFIX))
    return (readable_alias(wire) if parameter.get("in") == "query" else generated), generated


def _body_ref(operation: dict[str, Any]) -> str | None:
    for media in operation.get("requestBody", {}).get("content", {}).values():
        ref = media.get("schema", {}).get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
            return ref[len(SCHEMA_REF_PREFIX) :]
    return None


def _parameter_changes(where: str, was: dict[str, Any], now: dict[str, Any]) -> list[Change]:
    changes = []
    old_params = {(p["in"], p["name"]): p for p in was.get("parameters", [])}
    new_params = {(p["in"], p["name"]): p for p in now.get("parameters", [])}
    removed = sorted(old_params.keys() - new_params.keys())
    added = sorted(new_params.keys() - old_params.keys())
    pairs = []
    for old_key in list(removed):
        names = _python_names(old_params[old_key])
        match = next(
            (key for key in added if key[0] == old_key[0] and _python_names(new_params[key])[0] == names[0]), None
        )
        if match is not None:
            removed.remove(old_key)
            added.remove(match)
            pairs.append((old_key, match))
    for location, name in removed:
        changes.append(Change(where, f"{location} parameter {name} removed", True))
    for key in added:
        required = bool(new_params[key].get("required"))
        changes.append(Change(where, f"{key[0]} parameter {key[1]} added{' (required)' if required else ''}", required))
    for old_key, new_key in pairs:
        (alias, old_generated), (_, new_generated) = (
            _python_names(old_params[old_key]),
            _python_names(new_params[new_key]),
        )
        if old_generated == new_generated:
            text = f"{old_key[0]} parameter {old_key[1]} renamed to {new_key[1]} (Python name {alias} unchanged)"
            changes.append(Change(where, text, False))
        else:
            text = (
                f"{old_key[0]} parameter {old_key[1]} renamed to {new_key[1]} (keyword {alias} unchanged; the"
                f" generated function's argument {old_generated} is now {new_generated})"
            )
            changes.append(Change(where, text, True))
    for old_key, new_key in [*((key, key) for key in sorted(old_params.keys() & new_params.keys())), *pairs]:
        was_param, now_param = old_params[old_key], new_params[new_key]
        old_schema, new_schema = was_param.get("schema", {}), now_param.get("schema", {})
        label = f"parameter {new_key[1]}"
        if _type(old_schema) != _type(new_schema):
            changes.append(Change(where, f"{label}: {_type(old_schema)} -> {_type(new_schema)}", True))
        changes += _enum_changes(where, label, old_schema, new_schema, "request")
        if now_param.get("required") and not was_param.get("required"):
            changes.append(Change(where, f"{label} is now required", True))
    return changes


def _operation_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    before = {(method.upper(), path): operation for path, method, operation in operations(old)}
    after = {(method.upper(), path): operation for path, method, operation in operations(new)}
    old_names, new_names = _operation_names(old), _operation_names(new)
    for key in sorted(before.keys() - after.keys()):
        changes.append(Change(f"{key[0]} {key[1]}", f"operation {old_names.get(key)} removed", True))
    for key in sorted(after.keys() - before.keys()):
        vendor_id = after[key].get("operationId")
        changes.append(Change(f"{key[0]} {key[1]}", f"operation {new_names.get(key)} added ({vendor_id})", False))
    for key in sorted(before.keys() & after.keys()):
        where = f"{key[0]} {key[1]}"
        was, now = before[key], after[key]
        if old_names.get(key) != new_names.get(key):
            text = f"operation renamed from {old_names.get(key)} to {new_names.get(key)}"
            changes.append(Change(where, text, True))
        changes += _parameter_changes(where, was, now)
        old_body, new_body = _body_ref(was), _body_ref(now)
        if old_body != new_body:
            changes.append(Change(where, f"request body: {old_body} -> {new_body}", True))
        old_statuses = {str(status) for status in was.get("responses", {})}
        new_statuses = {str(status) for status in now.get("responses", {})}
        for status in sorted(old_statuses - new_statuses):
            changes.append(Change(where, f"response {status} removed", status.startswith("2")))
        for status in sorted(new_statuses - old_statuses):
            changes.append(Change(where, f"response {status} added", False))
        if was.get("deprecated") != now.get("deprecated") and now.get("deprecated"):
            changes.append(Change(where, "now deprecated", False))
    return changes


def _operation_names(spec: dict[str, Any]) -> dict[tuple[str, str], str]:
    """The Python name `make generate` gives each operation (codegen.prepare's readable names)."""
    prepared, _ = prepare(spec)
    return {(method.upper(), path): str(operation["operationId"]) for path, method, operation in operations(prepared)}


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, operations first, then schemas."""
    version = []
    old_version, new_version = old.get("info", {}).get("version"), new.get("info", {}).get("version")
    if old_version != new_version:
        version.append(Change("info.version", f"{old_version} -> {new_version}", False))
    return version + _operation_changes(old, new) + _schema_changes(old, new)


# ---------------------------------------------------------------------------------------------- reports


def report_json(old: dict[str, Any], new: dict[str, Any], changes: list[Change]) -> str:
    """The report for CI: versions, counts, and each change with whether it may break callers."""
    document = {
        "old_version": old.get("info", {}).get("version"),
        "new_version": new.get("info", {}).get("version"),
        "changes": len(changes),
        "breaking": sum(change.breaking for change in changes),
        "items": [{"where": change.where, "what": change.what, "breaking": change.breaking} for change in changes],
    }
    return json.dumps(document, indent=2)


def report(changes: list[Change]) -> str:
    if not changes:
        return "No change to operations, parameters, responses or schemas."
    breaking = sum(change.breaking for change in changes)
    lines = [f"{len(changes)} change(s), {breaking} that may break code written against the old version:"]
    lines += [f"  {change}" for change in sorted(changes, key=lambda change: not change.breaking)]
    return "\n".join(lines)
