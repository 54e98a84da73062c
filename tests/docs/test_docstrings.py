"""Every public name has a docstring: it is what `help()` prints and what the reference site shows.

Public: the names in `korusticket.__all__`, `korusticket.testing.__all__` and `korusticket.booking.__all__`,
the pytest plugin's fixtures, and every public method and property of the public classes, inherited ones
included when they come from the SDK's own (possibly private) base classes. A method that overrides one of
httpx's keeps its own docstring too, since the reference shows the override.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from types import ModuleType
from typing import Any

import pytest

import _korusticket_pytest_plugin
import korusticket
import korusticket.booking
import korusticket.testing

MODULES: list[ModuleType] = [korusticket, korusticket.testing, korusticket.booking, _korusticket_pytest_plugin]


def public_names() -> list[tuple[str, Any]]:
    return [(f"{module.__name__}.{name}", getattr(module, name)) for module in MODULES for name in module.__all__]


def own_doc(obj: Any) -> str | None:
    """The docstring written for `obj`, not one Python or a decorator made up."""
    if inspect.isclass(obj):
        doc = vars(obj).get("__doc__")
        if dataclasses.is_dataclass(obj) and doc and doc.startswith(f"{obj.__name__}("):
            return None  # the signature dataclasses write when the class has no docstring
        return doc
    function = getattr(obj, "__wrapped__", obj)  # pytest fixtures wrap the function they are given
    return getattr(function, "__doc__", None)


def members(cls: type) -> list[tuple[str, Any]]:
    """Public methods and properties of `cls` that the SDK defines (its dataclass fields are attributes)."""
    fields = {field.name for field in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    found = []
    for name in dir(cls):
        if name.startswith("_") or name in fields:
            continue
        owner = next(klass for klass in cls.__mro__ if name in vars(klass))
        if not owner.__module__.startswith(("korusticket", "_korusticket")):
            continue  # Exception's, dict's, httpx's: documented where they come from
        raw = inspect.getattr_static(cls, name)
        target = raw.fget if isinstance(raw, property) else getattr(raw, "__func__", raw)
        if inspect.isfunction(target):
            found.append((f"{owner.__qualname__}.{name}", target))
    return found


def test_every_public_name_has_a_docstring() -> None:
    missing = []
    for name, obj in public_names():
        if typing.get_origin(obj) is not None:
            continue  # a type alias (`FaultKind`): its docstring is in the source, for the reference site only
        if (inspect.ismodule(obj) or inspect.isclass(obj) or callable(obj)) and not own_doc(obj):
            missing.append(name)
    assert missing == []


@pytest.mark.parametrize(
    "cls",
    sorted({obj for _, obj in public_names() if inspect.isclass(obj)}, key=lambda c: c.__qualname__),
    ids=lambda cls: cls.__qualname__,
)
def test_every_public_method_has_a_docstring(cls: type) -> None:
    assert [name for name, function in members(cls) if not own_doc(function)] == []


def test_the_check_sees_methods_properties_and_inherited_ones() -> None:
    # Guards the test itself: if `members` stopped finding these, every class would pass vacuously.
    names = {name.rsplit(".", 1)[-1] for name, _ in members(korusticket.AsyncKorusTicket)}
    assert {"aclose", "call", "paginate", "reserve", "book", "with_raw_response"} <= names
    result_names = {name.rsplit(".", 1)[-1] for name, _ in members(korusticket.ReservationResult)}
    assert {"is_expired", "expires_in", "ok", "total"} <= result_names
    assert "clock" not in result_names  # a dataclass field, not a method
