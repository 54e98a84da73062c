"""The Python names of the generated client that changed between two generations, read with griffe.

The wire diff (codegen.diff) says what the vendor changed; this says what it does to code: which modules,
classes, fields and arguments a caller uses went, appeared or changed type. griffe's `find_breaking_changes`
finds removals and signature breaks; annotation changes (griffe leaves them out) and additions are read
from the same griffe models. An operation module's four functions share one signature, so only
`sync_detailed` is compared, and a model's methods (`to_dict`, `from_dict`) are the generator's, not the API's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe

from codegen.diff import Change

COMPARED_FUNCTIONS = ("sync_detailed",)


def load_package(package_dir: Path) -> griffe.Module:
    """The generated package at `package_dir` (not whichever copy is importable), statically."""
    # Searching only the package's parent: griffe names a module by the search path it sits under, and the
    # default (sys.path, the working directory first) would make it `build.previous.korusticket_client`.
    path = package_dir.resolve()
    loaded = griffe.load(path, search_paths=[path.parent], resolve_aliases=False, allow_inspection=False)
    if not isinstance(loaded, griffe.Module):
        raise TypeError(f"{package_dir}: expected a Python package")
    return loaded


def shown_path(obj: griffe.Object | griffe.Alias, root: str) -> str:
    """`korusticket_client.models.booking_order.BookingOrder.notes` -> `models.BookingOrder.notes` (models are
    imported from `korusticket_client.models`)."""
    parts = obj.path.split(".")[1:] if obj.path.split(".")[0] == root else obj.path.split(".")
    if len(parts) > 2 and parts[0] == "models":
        parts = [parts[0], *parts[2:]]
    return ".".join(parts)


def _is_helper(obj: griffe.Object | griffe.Alias) -> bool:
    """A module-level name of the generator's own (`T = TypeVar(...)`, `..._VALUES` sets), not of the API."""
    return obj.is_attribute and obj.parent is not None and obj.parent.is_module and obj.name.isupper()


def _public(obj: griffe.Object) -> Iterator[griffe.Object]:
    """The public objects under `obj` a caller can use: modules, classes, their fields, operation functions."""
    for member in obj.members.values():
        if member.is_alias or not member.is_public or not isinstance(member, griffe.Object) or _is_helper(member):
            continue
        in_api_module = member.is_function and ".api." in member.path
        if member.is_function and not (in_api_module and member.name in COMPARED_FUNCTIONS):
            continue
        yield member
        if member.is_module or member.is_class:
            yield from _public(member)


def _describe(value: Any) -> str:
    name = getattr(value, "name", None)
    return str(name) if name is not None else str(value)


def _breakage_text(breakage: griffe.Breakage) -> str:
    kind = breakage.kind.value.rstrip(".").lower()
    if isinstance(breakage, griffe.ObjectRemovedBreakage):
        return "removed"
    if isinstance(breakage, griffe.ParameterAddedRequiredBreakage):
        return f"new required argument {_describe(breakage.new_value)}"
    if isinstance(breakage, griffe.ParameterRemovedBreakage):
        return f"argument {_describe(breakage.old_value)} removed"
    if breakage.old_value is not None or breakage.new_value is not None:
        return f"{kind}: {_describe(breakage.old_value)} -> {_describe(breakage.new_value)}"
    return kind


def python_api_changes(old_dir: Path, new_dir: Path) -> list[Change]:
    """What changed for a caller between the generated package in `old_dir` and the one in `new_dir`."""
    old, new = load_package(old_dir), load_package(new_dir)
    root = old.name
    changes = []
    for breakage in griffe.find_breaking_changes(old, new):
        obj = breakage.obj
        if (obj.is_function and obj.name not in COMPARED_FUNCTIONS) or _is_helper(obj):
            continue  # the asyncio twins and model methods say the same again; helpers are not the API
        changes.append(Change(shown_path(obj, root), _breakage_text(breakage), True))
    old_objects = {obj.path: obj for obj in _public(old)}
    new_objects = {obj.path: obj for obj in _public(new)}
    added = [path for path in new_objects if path not in old_objects]
    for path in added:
        obj = new_objects[path]
        parent = new_objects.get(path.rpartition(".")[0])
        if parent is not None and parent.path in added and (parent.is_class or ".api." in parent.path):
            continue  # the fields of a new class, the functions of a new operation, are part of it
        if obj.is_module and ".models." in f"{path}.":
            continue  # a model module is where its class lives; the class is reported
        what = "operation added" if obj.is_module and ".api." in path else f"{obj.kind.value} added"
        changes.append(Change(shown_path(obj, root), what, False))
    for path, was in old_objects.items():
        now = new_objects.get(path)
        if now is None:
            continue
        if (
            isinstance(was, griffe.Attribute)
            and isinstance(now, griffe.Attribute)
            and str(was.annotation) != str(now.annotation)
        ):
            what = f"type {was.annotation} -> {now.annotation}"
            changes.append(Change(shown_path(now, root), what, True))
        if isinstance(was, griffe.Function) and isinstance(now, griffe.Function):
            if str(was.returns) != str(now.returns):
                what = f"returns {was.returns} -> {now.returns}"
                changes.append(Change(shown_path(now, root), what, True))
            known = {parameter.name for parameter in was.parameters}
            for parameter in now.parameters:
                if parameter.name not in known and parameter.default is not None:
                    changes.append(Change(shown_path(now, root), f"optional argument {parameter.name} added", False))
            for parameter in was.parameters:
                if parameter.name in now.parameters:
                    before, after = parameter.annotation, now.parameters[parameter.name].annotation
                    if str(before) != str(after):
                        text = f"argument {parameter.name}: {before} -> {after}"
                        changes.append(Change(shown_path(now, root), text, True))
    return changes


def report(changes: list[Change]) -> str:
    if not changes:
        return "No change to the generated client's Python names."
    breaking = sum(change.breaking for change in changes)
    lines = [f"{len(changes)} change(s) to Python names, {breaking} that may break code using them:"]
    lines += [f"  {change}" for change in sorted(changes, key=lambda change: (not change.breaking, change.where))]
    return "\n".join(lines)
