"""After a spec bump the sandbox knows every operation: those it has no handler for answer 501, not a crash."""

from __future__ import annotations

import httpx
import pytest

from korusticket import APIStatusError, ops
from korusticket._generated.operations import OPERATIONS
from korusticket.client import DEMO_URL
from korusticket.testing import Sandbox
from korusticket.testing.app import SandboxApp

UNHANDLED: list[str] = []
"""The operations of openapi.yaml the sandbox has no handler for (they answer 501). A spec bump that adds an
operation adds it here until the sandbox learns it."""


def unhandled_operations() -> list[str]:
    return [
        operation.name for operation in OPERATIONS if not callable(getattr(SandboxApp, f"op_{operation.name}", None))
    ]


def test_the_operations_without_a_handler_are_listed() -> None:
    assert unhandled_operations() == UNHANDLED


def test_an_operation_without_a_handler_answers_501_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(SandboxApp, "op_get_order")
    assert unhandled_operations() == [*UNHANDLED, "get_order"]
    sandbox = Sandbox(seed=0)
    order_id = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
    with httpx.Client(transport=sandbox.transport(), base_url=DEMO_URL) as http:
        headers = {"Authorization": f"Bearer {sandbox.issue_token()}", "Accept": "application/ld+json"}
        response = http.get(f"/v1/booking/orders/{order_id}", headers=headers)
    assert response.status_code == 501
    assert response.headers["content-type"].startswith("application/ld+json")
    body = response.json()
    assert (body["@type"], body["status"], body["title"]) == ("Error", 501, "Not Implemented")
    assert body["detail"] == "The sandbox has no handler for get_order (GET /v1/booking/orders/{id})"
    with sandbox.client() as kt, pytest.raises(APIStatusError) as raised:
        kt.call(ops.get_order, id=order_id)
    assert raised.value.status_code == 501
    assert "no handler for get_order" in str(raised.value)
