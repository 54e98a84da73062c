"""Reading and writing OpenAPI documents as plain JSON-compatible data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _JsonCompatibleLoader(yaml.SafeLoader):
    """Keeps `2025-06-07` and timestamps as strings, as a JSON reader of the same document would."""


_JsonCompatibleLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _PlainDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def load_spec(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=_JsonCompatibleLoader)  # noqa: S506 - a SafeLoader subclass
    if not isinstance(document, dict):
        raise ValueError(f"{path}: expected an OpenAPI document (a mapping), got {type(document).__name__}")
    return document


def dump_spec(spec: dict[str, Any], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(spec, handle, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=120)
