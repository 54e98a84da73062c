"""The Python-name report of a spec bump, on two small generated-like packages (read by path with griffe)."""

from __future__ import annotations

from pathlib import Path

from codegen.python_api import python_api_changes, report

OLD = {
    "__init__.py": "",
    "api/__init__.py": "",
    "api/booking_order/__init__.py": "",
    "api/booking_order/list_orders.py": (
        "def sync_detailed(*, client: object, external_reference: str | None = None) -> 'Response[Orders]': ...\n"
        "def asyncio_detailed(*, client: object, external_reference: str | None = None) -> 'Response[Orders]': ...\n"
    ),
    "models/__init__.py": "from .booking_order import BookingOrder\n\n__all__ = ('BookingOrder',)\n",
    "models/booking_order.py": (
        "from typing import TypeVar\nT = TypeVar('T')\n\n"
        "class BookingOrder:\n    notes: str | None\n    total: str\n\n    def to_dict(self) -> dict: ...\n"
    ),
}


def write(root: Path, files: dict[str, str]) -> Path:
    package = root / "korusticket_client"
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    return package


def test_removed_retyped_and_added_names(tmp_path: Path) -> None:
    new = dict(OLD)
    new["models/booking_order.py"] = (
        "from typing import TypeVar\nT = TypeVar('T')\n\n"
        "class BookingOrder:\n    total: float\n    reason: str | None\n\n"
        "    def to_dict(self, extra: int) -> dict: ...\n"
    )
    new["api/booking_order/list_orders.py"] = (
        "def sync_detailed(*, client: object, channel: str, external_reference: str | None = None,"
        " page: int | None = None) -> 'Response[Orders]': ...\n"
    )
    new["api/booking_order/cancel_order.py"] = "def sync_detailed(*, client: object) -> 'Response[Order]': ...\n"
    changes = python_api_changes(write(tmp_path / "old", OLD), write(tmp_path / "new", new))
    assert report(changes).splitlines() == [
        "6 change(s) to Python names, 3 that may break code using them:",
        "  BREAKING api.booking_order.list_orders.sync_detailed: new required argument channel",
        "  BREAKING models.BookingOrder.notes: removed",
        "  BREAKING models.BookingOrder.total: type str -> float",
        "  api.booking_order.cancel_order: operation added",
        "  api.booking_order.list_orders.sync_detailed: optional argument page added",
        "  models.BookingOrder.reason: attribute added",
    ]


def test_the_same_package_has_no_change(tmp_path: Path) -> None:
    assert python_api_changes(write(tmp_path / "a", OLD), write(tmp_path / "b", OLD)) == []
    assert report([]) == "No change to the generated client's Python names."
