"""`korusticket export CATALOG --out DIR`: every product base, product and offer of a catalog as JSON Lines.

Resumable: after each page, the lines are on disk (flushed and synced) before `DIR/.korusticket-export.json`
records the page; a re-run cuts each file back to its last recorded page and goes on from the next one,
so an interrupted export completes to the same files as an uninterrupted one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from korusticket import ops
from korusticket.client import KorusTicket
from korusticket.errors import ConfigurationError
from korusticket.pagination import MAX_PAGE_SIZE, Page

__all__ = ["COLLECTIONS", "STATE_FILE", "ExportProgress", "export_catalog"]

STATE_FILE = ".korusticket-export.json"
COLLECTIONS: tuple[tuple[str, Any], ...] = (
    ("product_bases", ops.list_product_bases),
    ("products", ops.list_products),
    ("offers", ops.list_offers),
)
"""File name (without `.jsonl`) and the catalog's collection operation."""


@dataclass
class ExportProgress:
    """What the export reports after each page (the command draws it as progress bars on stderr)."""

    collection: str
    items: int
    pages: int
    total_items: int | None


def _load_state(path: Path, catalog: str) -> dict[str, Any]:
    if not path.exists():
        return {"catalog": catalog, "page_size": MAX_PAGE_SIZE, "collections": {}}
    state: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if state.get("catalog") != catalog:
        raise ConfigurationError(
            f"--out: {path.parent} holds an export of catalog {state.get('catalog')}, not {catalog}; "
            "choose another directory"
        )
    return state


def _save_state(path: Path, state: dict[str, Any]) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


def export_catalog(
    kt: KorusTicket,
    catalog: str,
    out: Path,
    *,
    prefetch: int = 4,
    report: Callable[[ExportProgress], None] | None = None,
) -> dict[str, int]:
    """Export (or finish exporting) `catalog` into `out`; returns the number of items per file."""
    out.mkdir(parents=True, exist_ok=True)
    state_path = out / STATE_FILE
    state = _load_state(state_path, catalog)
    counts: dict[str, int] = {}
    for name, operation in COLLECTIONS:
        entry = state["collections"].setdefault(name, {"pages": 0, "bytes": 0, "items": 0, "done": False})
        target = out / f"{name}.jsonl"
        progress = ExportProgress(name, entry["items"], entry["pages"], entry.get("total"))
        if entry["done"]:
            counts[name] = entry["items"]
            if report:
                report(progress)
            continue
        with open(target, "ab") as stream:
            stream.truncate(entry["bytes"])  # drop lines written after the last recorded page
            stream.seek(entry["bytes"])
            pages = kt.paginate(
                operation, catalog_id=catalog, page=entry["pages"] + 1, page_size=state["page_size"], prefetch=prefetch
            ).pages()
            for page in pages:
                _write_page(stream, page)
                entry.update(
                    pages=page.number or entry["pages"] + 1,
                    bytes=stream.tell(),
                    items=entry["items"] + len(page.items),
                    total=page.total_items,
                )
                _save_state(state_path, state)
                progress.items, progress.pages, progress.total_items = entry["items"], entry["pages"], page.total_items
                if report:
                    report(progress)
        entry["done"] = True
        _save_state(state_path, state)
        counts[name] = entry["items"]
    return counts


def _write_page(stream: Any, page: Page[Any]) -> None:
    stream.write(b"".join(orjson.dumps(item.to_dict(), option=orjson.OPT_SORT_KEYS) + b"\n" for item in page.items))
    stream.flush()
    os.fsync(stream.fileno())
