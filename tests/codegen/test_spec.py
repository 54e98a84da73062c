"""The reconstructed `openapi.yaml` is a valid OpenAPI 3.1 document that matches the vendor's 1.0.38 index."""

from __future__ import annotations

import re
from typing import Any

import pytest
from openapi_spec_validator import validate

from codegen.prepare import operations, walk_schemas
from tests.conftest import FIXTURES

UUID7_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def vendor_index() -> list[tuple[str, str, str]]:
    lines = (FIXTURES / "operations-1.0.38.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split() for line in lines if line and not line.startswith("#")]
    return [(method.lower(), path, slug) for method, path, slug in rows]


def test_is_valid_openapi_3_1(vendor_spec: dict[str, Any]) -> None:
    validate(vendor_spec)
    assert vendor_spec["openapi"].startswith("3.1")
    assert vendor_spec["info"] == {
        "title": "KorusTicket API",
        "description": "KorusTicket API documentation",
        "version": "1.0.38",
    }


def test_servers_and_security(vendor_spec: dict[str, Any]) -> None:
    assert [server["url"] for server in vendor_spec["servers"]] == [
        "https://api.demo.korusticket.com",
        "https://api.korusticket.com",
    ]
    assert vendor_spec["components"]["securitySchemes"]["JWT"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "Value for the Authorization header parameter.",
    }
    assert vendor_spec["security"] == [{"JWT": []}]


def test_operations_are_exactly_the_vendor_index(vendor_spec: dict[str, Any]) -> None:
    ours = sorted((method, path) for path, method, _ in operations(vendor_spec))
    theirs = sorted((method, path) for method, path, _ in vendor_index())
    assert len(theirs) == 29
    assert ours == theirs


def test_operation_ids_match_the_vendor_page_slugs(vendor_spec: dict[str, Any]) -> None:
    slugs = {(method, path): slug for method, path, slug in vendor_index()}
    for path, method, operation in operations(vendor_spec):
        assert operation["operationId"].lower() == slugs[(method, path)], (method, path)


def test_fifteen_tags_each_used_and_described(vendor_spec: dict[str, Any]) -> None:
    tags = [tag["name"] for tag in vendor_spec["tags"]]
    assert len(tags) == 15
    assert all(tag["description"] for tag in vendor_spec["tags"])
    used = {operation["tags"][0] for _, _, operation in operations(vendor_spec)}
    assert used == set(tags)


def test_path_parameters_are_declared_with_the_uuid7_pattern(vendor_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(vendor_spec):
        declared = {p["name"]: p for p in operation["parameters"] if p["in"] == "path"}
        assert set(declared) == set(re.findall(r"{(\w+)}", path)), (method, path)
        for name, parameter in declared.items():
            assert parameter["required"] is True
            if name == "code":
                assert parameter["schema"]["enum"] == ["seating_category", "zone", "price_type", "days_count"]
            else:
                assert parameter["schema"]["pattern"] == UUID7_PATTERN, (method, path, name)
                assert re.fullmatch(UUID7_PATTERN, parameter["example"]), (method, path, name)


def test_pagination_parameters(vendor_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(vendor_spec):
        params = {p["name"]: p for p in operation["parameters"]}
        if "itemsPerPage" in params:
            assert params["itemsPerPage"]["schema"] == {"type": "integer", "default": 10, "minimum": 0, "maximum": 50}
            page = {key: value for key, value in params["page"]["schema"].items() if not key.startswith("x-")}
            assert page == {"type": "integer", "default": 1, "minimum": 1}, (method, path)


def test_documented_filters(vendor_spec: dict[str, Any]) -> None:
    def query(path: str) -> set[str]:
        operation = vendor_spec["paths"][path]["get"]
        return {p["name"] for p in operation["parameters"] if p["in"] == "query"}

    assert query("/v1/booking/orders") == {
        "page",
        "itemsPerPage",
        "external_reference",
        "order[createdAt]",
        "createdAt[after]",
        "createdAt[strictly_after]",
        "createdAt[before]",
        "createdAt[strictly_before]",
    }
    assert query("/v1/booking/reservations") == {"page", "itemsPerPage", "order[createdAt]"}
    assert query("/v1/ticketing/catalogs/{catalogId}/product_bases") == {"page", "itemsPerPage", "withDisabled"}
    assert {"date", "date[after]", "product", "product[]", "session", "order[date]"} <= query(
        "/v1/ticketing/catalogs/{catalogId}/offers"
    )


def test_request_bodies_use_the_documented_media_types(vendor_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(vendor_spec):
        body = operation.get("requestBody")
        if method == "get":
            assert body is None
            continue
        expected = "application/merge-patch+json" if method == "patch" else "application/ld+json"
        assert list(body["content"]) == [expected], (method, path)


def test_responses_are_jsonld_with_error_bodies(vendor_spec: dict[str, Any]) -> None:
    for path, method, operation in operations(vendor_spec):
        responses = operation["responses"]
        assert "200" in responses, (method, path)
        assert responses["401"]["content"] == {
            "application/json": {"schema": {"$ref": "#/components/schemas/JWTError"}}
        }
        for status, response in responses.items():
            if status == "401":
                continue  # the JWT firewall answers before API Platform, in plain JSON
            assert list(response["content"]) == ["application/ld+json"]
            schema = response["content"]["application/ld+json"]["schema"]
            if status == "422":
                assert schema == {"$ref": "#/components/schemas/ConstraintViolationList"}
            elif status in {"400", "403", "404"}:
                assert schema == {"$ref": "#/components/schemas/Error"}
    assert "422" in vendor_spec["paths"]["/v1/booking/orders/_bulk"]["post"]["responses"]


def test_vendor_schema_names_are_kept(vendor_spec: dict[str, Any]) -> None:
    names = set(vendor_spec["components"]["schemas"])
    for seen_on_vendor_pages in (
        "BookingOrder.jsonld-v1.order.read",
        "OrderCustomer.jsonld-v1.order.read",
        "OrderItem.jsonld-v1.order.read",
        "BookingOrder.jsonld-v1.order.create_bulk_read",
        "FailedOrder.jsonld-v1.order.create_bulk_read",
        "CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write",
        "BookingReservation.jsonld-v1.reservation.read",
        "ReservationItem.jsonld-v1.reservation.read",
        "BookingOrderDocument.jsonld-v1.order_document.get",
        "BookingOrderDocument.PatchOrderDocumentInput-v1.order_document.patch_write",
        "OrderItemTicketBeneficiary.jsonld-v1.order_item_ticket.read",
        "TicketingCatalog.jsonld-v1.catalog.read",
        "SeatMapZone.jsonld-v1.seat_map.read",
        "SeatMapSeatingCategory.jsonld-v1.seat_map.read",
        "Error",
        "ConstraintViolationList",
    ):
        assert seen_on_vendor_pages in names


def _fields(name: str, schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every property declared in a component schema, nested inline objects and allOf parts included."""
    found = []
    for node in walk_schemas(schema):
        for field, prop in node.get("properties", {}).items():
            if isinstance(prop, dict):
                found.append((f"{name}.{field}", prop))
    return found


def test_every_field_has_a_type_and_an_example(vendor_spec: dict[str, Any]) -> None:
    missing = []
    for name, schema in vendor_spec["components"]["schemas"].items():
        for field, prop in _fields(name, schema):
            if "$ref" in prop or "anyOf" in prop or "oneOf" in prop:
                continue  # the referenced schemas carry the examples
            if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
                continue
            if "type" not in prop or "example" not in prop:
                missing.append(field)
    assert missing == []


def test_inferences_are_explained(vendor_spec: dict[str, Any]) -> None:
    notes = [node["x-inferred"] for node in walk_schemas(vendor_spec) if "x-inferred" in node]
    assert len(notes) > 20
    assert all(isinstance(note, str) and len(note) > 20 for note in notes)


@pytest.mark.parametrize("deprecated", ["/v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets"])
def test_deprecations(vendor_spec: dict[str, Any], deprecated: str) -> None:
    assert vendor_spec["paths"][deprecated]["get"]["deprecated"] is True
