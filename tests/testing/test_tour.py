"""All 29 operations of openapi.yaml, answered by the sandbox and validated against the spec; and the router's
501 for an operation without a handler."""

from __future__ import annotations

import httpx

from korusticket import KorusTicket
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from korusticket.testing.app import unhandled_operations
from tests.testing.helpers import Validated, tour_of_every_operation


def test_every_operation_has_a_handler() -> None:
    assert len(OPERATIONS) == 29
    assert unhandled_operations(Sandbox().app.handlers) == []


def test_an_operation_without_a_handler_answers_501_naming_it() -> None:
    sandbox = Sandbox()
    del sandbox.app.handlers["get_seat_map"]
    assert unhandled_operations(sandbox.app.handlers) == ["get_seat_map"]
    match = next(base for base in sandbox.state.data.product_bases.values() if base.seat_map is not None)
    assert match.seat_map is not None
    path = f"/v1/ticketing/catalogs/{match.catalog_id}/product_bases/{match.id}/seat_maps/{match.seat_map.id}"
    with httpx.Client(transport=sandbox.transport(), base_url="https://api.demo.korusticket.com") as plain:
        token = sandbox.issue_token()
        response = plain.get(path, headers={"authorization": f"Bearer {token}"})
        anonymous = plain.get(path)
    assert response.status_code == 501
    assert response.headers["content-type"].startswith("application/ld+json")
    body = response.json()
    assert (body["@type"], body["status"], body["title"]) == ("Error", 501, "Not Implemented")
    assert '"get_seat_map"' in body["detail"]
    assert anonymous.status_code == 401  # the firewall still comes first
    assert [(h.operation, h.status) for h in sandbox.state.handled] == [("get_seat_map", 501), ("get_seat_map", 401)]


def test_tour_of_every_operation(kt: KorusTicket, sandbox: Sandbox, validated: Validated) -> None:
    tour_of_every_operation(kt, sandbox, validated)
