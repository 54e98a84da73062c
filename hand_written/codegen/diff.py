"""What changed between two versions of the vendor's spec, for the person regenerating the client.

`python -m codegen diff OLD NEW` (run by `make update-spec`) lists operations, parameters, responses,
schemas and fields that appeared, disappeared or changed, and marks the changes that can break code
written against the old version (a removed operation or field, a new required input, a changed type).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from codegen.prepare import operations


@dataclass(frozen=True)
class Change:
    where: str
    what: str
    breaking: bool

    def __str__(self) -> str:
        return f"{'BREAKING ' if self.breaking else ''}{self.where}: {self.what}"


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            return f"{combinator}(" + ", ".join(_type(part) for part in schema[combinator]) + ")"
    kind = schema.get("type", "any")
    text = "|".join(kind) if isinstance(kind, list) else str(kind)
    if text == "array":
        text = f"array of {_type(schema.get('items', {}))}"
    if "format" in schema:
        text += f" ({schema['format']})"
    if "enum" in schema:
        text += " enum " + ", ".join(map(str, schema["enum"]))
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


def _operation_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    before = {(method.upper(), path): operation for path, method, operation in operations(old)}
    after = {(method.upper(), path): operation for path, method, operation in operations(new)}
    for key in sorted(before.keys() - after.keys()):
        changes.append(Change(f"{key[0]} {key[1]}", "operation removed", True))
    for key in sorted(after.keys() - before.keys()):
        changes.append(Change(f"{key[0]} {key[1]}", f"operation added ({after[key].get('operationId')})", False))
    for key in sorted(before.keys() & after.keys()):
        where = f"{key[0]} {key[1]}"
        was, now = before[key], after[key]
        old_params = {(p["in"], p["name"]): p for p in was.get("parameters", [])}
        new_params = {(p["in"], p["name"]): p for p in now.get("parameters", [])}
        for location, name in sorted(old_params.keys() - new_params.keys()):
            changes.append(Change(where, f"{location} parameter {name} removed", True))
        for location, name in sorted(new_params.keys() - old_params.keys()):
            required = bool(new_params[(location, name)].get("required"))
            changes.append(
                Change(where, f"{location} parameter {name} added{' (required)' if required else ''}", required)
            )
        for param_key in sorted(old_params.keys() & new_params.keys()):
            old_type, new_type = (
                _type(old_params[param_key].get("schema", {})),
                _type(new_params[param_key].get("schema", {})),
            )
            if old_type != new_type:
                changes.append(Change(where, f"parameter {param_key[1]}: {old_type} -> {new_type}", True))
        old_statuses, new_statuses = set(was.get("responses", {})), set(now.get("responses", {}))
        for status in sorted(old_statuses - new_statuses):
            changes.append(Change(where, f"response {status} removed", status.startswith("2")))
        for status in sorted(new_statuses - old_statuses):
            changes.append(Change(where, f"response {status} added", False))
        if was.get("deprecated") != now.get("deprecated") and now.get("deprecated"):
            changes.append(Change(where, "now deprecated", False))
    return changes


def _schema_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    before = old.get("components", {}).get("schemas", {})
    after = new.get("components", {}).get("schemas", {})
    for name in sorted(before.keys() - after.keys()):
        changes.append(Change(name, "schema removed", True))
    for name in sorted(after.keys() - before.keys()):
        changes.append(Change(name, "schema added", False))
    for name in sorted(before.keys() & after.keys()):
        old_fields, old_required = _fields(before[name])
        new_fields, new_required = _fields(after[name])
        for field in sorted(old_fields.keys() - new_fields.keys()):
            changes.append(Change(name, f"field {field} removed", True))
        for field in sorted(new_fields.keys() - old_fields.keys()):
            changes.append(Change(name, f"field {field} added{' (required)' if field in new_required else ''}", False))
        for field in sorted(old_fields.keys() & new_fields.keys()):
            old_type, new_type = _type(old_fields[field]), _type(new_fields[field])
            if old_type != new_type:
                changes.append(Change(name, f"field {field}: {old_type} -> {new_type}", True))
        for field in sorted((new_required - old_required) & new_fields.keys()):
            if field in old_fields:
                changes.append(Change(name, f"field {field} is now required", True))
    return changes


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from `old` to `new`, operations first, then schemas."""
    version = []
    old_version, new_version = old.get("info", {}).get("version"), new.get("info", {}).get("version")
    if old_version != new_version:
        version.append(Change("info.version", f"{old_version} -> {new_version}", False))
    return version + _operation_changes(old, new) + _schema_changes(old, new)


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
