"""The hand-written package imports without circles: the clients import the booking workflows and the sandbox
imports the clients, never the reverse. Imports under `if TYPE_CHECKING:` are annotations only and do not count;
a module's own package is not a dependency of its submodules (Python imports it first anyway)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "hand_written" / "korusticket"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported(name: str, path: Path) -> set[str]:
    """The package's modules `name` imports when it is imported (not in functions, not for type checking)."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                base = node.module
                if node.level:
                    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    base = ".".join([*package[: len(package) - node.level + 1], node.module])
                names = [f"{base}.{alias.name}" for alias in node.names]
                submodules = [candidate for candidate in names if candidate in MODULES]
                found.update(submodules)
                if len(submodules) < len(names):  # a name defined by `base` itself
                    found.add(base)
            elif isinstance(node, ast.If | ast.Try):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def circles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def strong(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if target not in index:
                strong(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(GRAPH):
        if module not in index:
            strong(module)
    return found


def test_no_import_circle_in_the_package() -> None:
    assert circles() == []


def test_the_booking_workflows_and_the_sandbox_handlers_know_no_client() -> None:
    for name, targets in GRAPH.items():
        if name.startswith(("korusticket.booking", "korusticket.testing.handlers")):
            assert "korusticket.client" not in targets, name
    assert "korusticket.client" in GRAPH["korusticket.testing.sandbox"]  # the test's reading is not empty


def test_the_detector_sees_a_circle() -> None:
    GRAPH["korusticket.errors"].add("korusticket.client")
    try:
        assert any("korusticket.errors" in group for group in circles())
    finally:
        GRAPH["korusticket.errors"].discard("korusticket.client")
