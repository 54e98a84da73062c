"""Modules loaded on first use, for start-up time (`make bench`: `from korusticket import KorusTicket`)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, cast

__all__ = ["lazy_exports", "lazy_module"]


class _Deferred:
    """Stands for a module until one of its attributes is read, then imports it (`importlib.import_module`, which
    holds the import lock, so two threads reading at once both get the fully executed module) and keeps it."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<deferred module {self._name!r}, {state}>"


def lazy_module(name: str) -> ModuleType:
    """The module `name`, imported when one of its attributes is first read. Nothing is put in `sys.modules`
    before then (unlike `importlib.util.LazyLoader`, whose half-executed module other threads can see on
    Python 3.11); an already imported module is returned as it is."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    # no find_spec check here: for a submodule it would import the parent packages, the cost being deferred
    return cast("ModuleType", _Deferred(name))


def lazy_exports(
    namespace: dict[str, Any], table: Mapping[str, tuple[str, str | None]]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's `__getattr__` and `__dir__` (PEP 562) for `table`: public name -> (module, attribute, or None
    for the module itself), imported on first use and then kept in `namespace` as a plain attribute."""
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        try:
            module, attribute = table[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        loaded = importlib.import_module(module)
        value = loaded if attribute is None else getattr(loaded, attribute)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *table})

    return __getattr__, __dir__
