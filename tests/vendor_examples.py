"""The vendor's example payloads (tests/fixtures/vendor_examples/, listed in its index.yaml), for the tests that use
them: the generated models' round trips, the facade's scripted servers, the spec's examples."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from tests.conftest import FIXTURES

EXAMPLES = FIXTURES / "vendor_examples"
INDEX: list[dict[str, Any]] = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))
API_EXAMPLES = [entry for entry in INDEX if entry["model"]]
UTC_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def load(entry: dict[str, Any]) -> Any:
    return json.loads((EXAMPLES / entry["file"]).read_text(encoding="utf-8"))


def as_python_writes_it(value: Any) -> Any:
    """The published JSON with UTC instants spelled `+00:00`, as `datetime.isoformat()` writes `Z`."""
    if isinstance(value, dict):
        return {key: as_python_writes_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_python_writes_it(item) for item in value]
    if isinstance(value, str) and UTC_Z.match(value):
        return value[:-1] + "+00:00"
    return value
