"""The transforms that mend API Platform export shapes, each on the smallest document showing the shape."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.export_shapes import (
    empty_maps_as_maps,
    items_for_untyped_arrays,
    mend_unknown_types,
    require_path_parameters,
    string_status_codes,
    tag_untagged_operations,
)
from codegen.prepare import prepare

REF = "#/components/schemas/"


def test_integer_status_codes_become_strings() -> None:
    responses: dict[Any, Any] = {200: {"description": "ok"}, 404: {"description": "gone"}, "default": {}}
    spec = {"paths": {"/users": {"get": {"responses": responses}}}}
    assert string_status_codes(spec) == ["GET /users: status codes 200, 404 written as strings"]
    assert list(spec["paths"]["/users"]["get"]["responses"]) == ["200", "404", "default"]
    assert string_status_codes(spec) == []


def test_a_status_code_given_twice_is_an_error_naming_it() -> None:
    spec = {"paths": {"/users": {"get": {"responses": {200: {}, "200": {}}}}}}
    with pytest.raises(ValueError, match=r"^GET /users: response 200 is listed twice"):
        string_status_codes(spec)


def test_empty_lists_in_map_positions_become_empty_maps() -> None:
    spec: dict[str, Any] = {
        "paths": {
            "/users": {
                "get": {
                    "parameters": [{"name": "email", "in": "query", "schema": []}],
                    "responses": {"200": {"description": "ok", "links": [], "headers": [], "content": []}},
                }
            }
        },
        "components": {"schemas": {"User": {"properties": [], "required": [], "examples": []}}, "examples": []},
        "security": [],
        "tags": [],
    }
    changes = empty_maps_as_maps(spec)
    operation = spec["paths"]["/users"]["get"]
    assert operation["parameters"][0]["schema"] == {}
    assert operation["responses"]["200"] == {"description": "ok", "links": {}, "headers": {}, "content": {}}
    assert spec["components"]["examples"] == {}
    # Lists stay lists: `required`, a schema's `examples` (a list in JSON Schema), `security`, `tags`.
    assert spec["components"]["schemas"]["User"] == {"properties": {}, "required": [], "examples": []}
    assert (spec["security"], spec["tags"]) == ([], [])
    assert len(changes) == 6
    assert "#/paths//users/get/parameters/0/schema: [] read as {}" in changes


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "unknown_type"},
        {"type": ["unknown_type", "null"], "description": "kept"},
    ],
)
def test_unknown_type_accepts_any_value(schema: dict[str, Any]) -> None:
    spec = {"components": {"schemas": {"Book": {"type": "object", "properties": {"payload": schema}}}}}
    assert len(mend_unknown_types(spec)) == 1
    assert "type" not in schema
    assert schema["x-unknown-type"] is True


def test_unknown_type_inside_arrays_and_maps() -> None:
    items: dict[str, Any] = {"type": "unknown_type"}
    values: dict[str, Any] = {"type": "unknown_type"}
    book = {"properties": {"a": {"type": "array", "items": items}, "m": {"additionalProperties": values}}}
    spec = {"components": {"schemas": {"Book": book}}}
    assert len(mend_unknown_types(spec)) == 2
    assert "type" not in items
    assert "type" not in values


def test_only_schemas_are_read_for_unknown_types() -> None:
    example = {"type": "unknown_type"}
    spec = {"components": {"examples": {"odd": {"value": example}}, "schemas": {}}}
    assert mend_unknown_types(spec) == []
    assert example == {"type": "unknown_type"}


def test_path_parameters_are_required() -> None:
    optional = {"name": "authorId", "in": "path", "required": False}
    absent = {"name": "id", "in": "path"}
    query = {"name": "page", "in": "query"}
    spec = {"paths": {"/authors/{authorId}/books/{id}": {"get": {"parameters": [optional, absent, query]}}}}
    assert len(require_path_parameters(spec)) == 2
    assert optional["required"] is True
    assert absent["required"] is True
    assert "required" not in query


def test_arrays_without_items_hold_any_values() -> None:
    plain: dict[str, Any] = {"type": "array"}
    nullable: dict[str, Any] = {"type": ["array", "null"]}
    typed: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
    properties = {"tags": plain, "dims": nullable, "names": typed}
    spec = {"components": {"schemas": {"Product": {"properties": properties}}}}
    assert len(items_for_untyped_arrays(spec)) == 2
    assert plain["items"] == {}
    assert nullable["items"] == {}
    assert typed["items"] == {"type": "string"}


def test_untagged_operations_are_tagged_by_the_resource_their_path_names() -> None:
    listing = {"200": {"content": {"application/json": {"schema": {"type": "array", "items": {}}}}}}
    spec = {
        "paths": {
            "/users/{id}/activate": {"post": {"tags": []}},
            "/statistics": {"get": {}},
            "/internal/items/": {"get": {"responses": listing}},
            "/user-groups/{id}": {"get": {}},
            "/users/{id}": {"get": {"tags": ["Member"]}},
        }
    }
    tag_untagged_operations(spec)
    tags = {path: next(iter(item.values()))["tags"] for path, item in spec["paths"].items()}
    assert tags == {
        "/users/{id}/activate": ["User"],
        "/statistics": ["Statistics"],
        "/internal/items/": ["Item"],
        "/user-groups/{id}": ["UserGroup"],
        "/users/{id}": ["Member"],
    }


def test_a_yaml_export_prepares_into_a_valid_document() -> None:
    """The shapes together, as the 3.x YAML exporter writes them, come out as valid OpenAPI 3.1."""
    from openapi_spec_validator import validate

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/users/{id}": {
                "get": {
                    "operationId": "api_users_id_get",
                    "tags": ["User"],
                    "parameters": [{"name": "id", "in": "path", "required": False, "schema": {"type": "string"}}],
                    "responses": {200: {"description": "ok", "links": [], "content": {}}},
                }
            }
        },
        "components": {"schemas": [], "responses": [], "parameters": []},
    }
    prepared, _ = prepare(spec)
    validate(prepared)
