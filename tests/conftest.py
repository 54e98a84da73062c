from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.prepare import prepare
from codegen.specfile import load_spec

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def vendor_spec() -> dict[str, Any]:
    return load_spec(ROOT / "openapi.yaml")


@pytest.fixture(scope="session")
def prepared_spec(vendor_spec: dict[str, Any]) -> dict[str, Any]:
    return prepare(vendor_spec)[0]
