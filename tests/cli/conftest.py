from __future__ import annotations

import os
from pathlib import Path

import pytest

from korusticket.testing import Sandbox


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No KORUSTICKET_* variable of the machine's; the config file is the test's own (not there yet)."""
    for name in list(os.environ):
        if name.startswith("KORUSTICKET_"):
            monkeypatch.delenv(name)
    config = tmp_path / "config" / "config.json"
    monkeypatch.setenv("KORUSTICKET_CONFIG", str(config))
    return config


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0)
