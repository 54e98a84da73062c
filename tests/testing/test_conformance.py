"""Schemathesis against the sandbox served on loopback: requests generated from openapi.yaml by a tool we did not
write, with the path identifiers of real resources, must get no server error and only documented answers.

Bounded: a fixed seed (derandomized), a few examples per operation; the count of cases is printed at the end.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from codegen.prepare import operations
from codegen.specfile import load_spec
from korusticket import KorusTicket
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from korusticket.testing.served import serve
from tests.conftest import ROOT
from tests.testing.helpers import Validated, options, tour_of_every_operation

SANDBOX = Sandbox(seed=11)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 12
CASES: list[str] = []


def real_paths() -> list[str]:
    """Every API path the booking tour requested on SANDBOX: paths of resources that exist."""
    validated = Validated(SANDBOX)
    inner = validated.transport()
    paths: list[str] = []

    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            paths.append(request.url.path)
            return inner.handle_request(request)

    with KorusTicket(transport=Recording(), **options(SANDBOX)) as kt:
        tour_of_every_operation(kt, SANDBOX, validated)
    return paths


def with_real_identifiers(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec, each path parameter narrowed to the value of one existing resource (query and body stay free)."""
    spec = copy.deepcopy(spec)
    requested = real_paths()
    for path, method, operation in operations(spec):
        entry = next(entry for entry in OPERATIONS if entry.path == path and entry.method == method.upper())
        match = next(m for m in map(entry.path_pattern.fullmatch, requested) if m is not None)
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                python = next(p.python for p in entry.path_parameters if p.wire == parameter["name"])
                parameter["schema"] = {"type": "string", "enum": [match.group(python)]}
    return spec


SCHEMA = schemathesis.openapi.from_dict(with_real_identifiers(load_spec(ROOT / "openapi.yaml")))


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve(SANDBOX) as url:
        yield url
    sys.__stderr__.write(f"\nSchemathesis: {len(CASES)} cases over {len(set(CASES))} operations\n")


@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_sandbox_answers_as_the_spec_says(case: schemathesis.Case, base_url: str) -> None:
    CASES.append(case.operation.label)
    headers = {"Authorization": f"Bearer {SANDBOX.issue_token()}"}
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)


def test_every_operation_is_covered() -> None:
    documented = {f"{method.upper()} {path}" for path, method, _ in operations(load_spec(ROOT / "openapi.yaml"))}
    assert {f"{operation.method} {operation.path}" for operation in OPERATIONS} == documented
    assert all(re.fullmatch(r"[A-Z]+ /v1/\S+", name) for name in documented)
