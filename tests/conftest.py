from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from codegen.prepare import prepare
from codegen.specfile import load_spec
from korusticket.testing.served import ServedSandbox, serve_in_subprocess, serve_in_thread

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def vendor_spec() -> dict[str, Any]:
    return load_spec(ROOT / "openapi.yaml")


@pytest.fixture(scope="session")
def prepared_spec(vendor_spec: dict[str, Any]) -> dict[str, Any]:
    return prepare(vendor_spec)[0]


@pytest.fixture
def served_sandbox() -> Iterator[Callable[..., ServedSandbox]]:
    """Start sandboxes served on free loopback ports, all stopped after the test.

    `served_sandbox(double_ordering=True)` serves from a thread of this process (`.sandbox` is at hand);
    `served_sandbox(subprocess=True, ...)` from another Python process (drive it with its control API).
    Options are those of `korusticket.testing.asgi.create_app`.
    """
    with contextlib.ExitStack() as started:

        def start(*, subprocess: bool = False, **options: Any) -> ServedSandbox:
            serve = serve_in_subprocess if subprocess else serve_in_thread
            return started.enter_context(serve(**options))

        yield start
