"""The spec preparation step: each transform on a minimal spec, then the whole step on openapi.yaml."""

from __future__ import annotations

import copy
from typing import Any

from codegen.prepare import (
    TRANSFORMS,
    drop_scalar_twin_query_params,
    drop_unreferenced_schemas,
    keep_jsonld_responses,
    keep_one_request_media_type,
    merge_identical_schemas,
    prepare,
    readable_operation_ids,
    split_nullable_enums,
    strip_jsonld_keywords,
    walk_schemas,
)

REF = "#/components/schemas/"


def spec_with(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": paths, "components": {"schemas": schemas or {}}}


def ok(schema: dict[str, Any], media: str = "application/ld+json") -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {media: {"schema": schema}}}}


def collection_of(name: str) -> dict[str, Any]:
    return {"type": "object", "properties": {"member": {"type": "array", "items": {"$ref": REF + name}}}}


def test_every_transform_is_named_and_justified() -> None:
    names = [transform.name for transform in TRANSFORMS]
    assert len(set(names)) == len(names)
    for transform in TRANSFORMS:
        assert transform.apply.__name__ == transform.name
        assert len(transform.why) > 40


def test_request_body_keeps_jsonld_or_merge_patch() -> None:
    body = {"content": {"application/ld+json": {}, "application/json": {}, "text/html": {}}}
    patch_body = {"content": {"application/json": {}, "application/merge-patch+json": {}}}
    spec = spec_with({"/x": {"post": {"requestBody": copy.deepcopy(body)}, "patch": {"requestBody": patch_body}}})
    changes = keep_one_request_media_type(spec)
    assert list(spec["paths"]["/x"]["post"]["requestBody"]["content"]) == ["application/ld+json"]
    assert list(spec["paths"]["/x"]["patch"]["requestBody"]["content"]) == ["application/merge-patch+json"]
    assert len(changes) == 2


def test_request_body_with_one_media_type_is_untouched() -> None:
    spec = spec_with({"/x": {"post": {"requestBody": {"content": {"application/json": {"schema": {}}}}}}})
    before = copy.deepcopy(spec)
    assert keep_one_request_media_type(spec) == []
    assert spec == before


def test_responses_keep_jsonld_only_when_offered() -> None:
    responses = {
        "200": {"content": {"application/ld+json": {}, "application/json": {}, "text/html": {}}},
        "404": {"content": {"application/problem+json": {}, "application/json": {}}},
    }
    spec = spec_with({"/x": {"get": {"responses": responses}}})
    keep_jsonld_responses(spec)
    assert list(responses["200"]["content"]) == ["application/ld+json"]
    assert list(responses["404"]["content"]) == ["application/problem+json", "application/json"]


def test_scalar_twin_of_an_array_query_parameter_is_dropped() -> None:
    params = [
        {"name": "product", "in": "query"},
        {"name": "product[]", "in": "query"},
        {"name": "status", "in": "query"},
        {"name": "id", "in": "path"},
    ]
    spec = spec_with({"/x": {"get": {"parameters": params}}})
    assert drop_scalar_twin_query_params(spec) == ["GET /x: query `product` dropped, `product[]` kept"]
    assert [p["name"] for p in params] == ["product[]", "status", "id"]


def test_jsonld_keywords_are_stripped_everywhere() -> None:
    base = {
        "type": "object",
        "properties": {"@context": {}, "@id": {"type": "string"}, "@type": {"type": "string"}},
        "required": ["@id", "@type"],
    }
    thing = {
        "allOf": [
            {"$ref": REF + "Base"},
            {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "nested": {"type": "object", "properties": {"@id": {}, "name": {"type": "string"}}},
                },
                "required": ["id", "@id"],
            },
        ]
    }
    inline = {"type": "object", "properties": {"@type": {}, "type": {"type": "string"}}}
    spec = spec_with({"/x": {"get": {"responses": ok(inline)}}}, {"Base": base, "Thing": thing})
    strip_jsonld_keywords(spec)
    assert base == {"type": "object", "properties": {}}
    assert thing["allOf"][1]["required"] == ["id"]
    assert list(thing["allOf"][1]["properties"]["nested"]["properties"]) == ["name"]
    assert list(inline["properties"]) == ["type"]


def test_nullable_enum_becomes_any_of() -> None:
    title = {"type": ["string", "null"], "enum": ["mr", "mrs", None], "example": "mr", "description": "d"}
    spec = spec_with({}, {"Person": {"type": "object", "properties": {"title": title}}})
    assert len(split_nullable_enums(spec)) == 1
    assert title == {
        "example": "mr",
        "description": "d",
        "anyOf": [{"type": "string", "enum": ["mr", "mrs"]}, {"type": "null"}],
    }


def test_unreferenced_schemas_are_dropped_transitively() -> None:
    schemas = {
        "Used": {"properties": {"child": {"$ref": REF + "Child"}}},
        "Child": {"type": "object"},
        "JsonVariant": {"properties": {"child": {"$ref": REF + "Child"}}},
    }
    spec = spec_with({"/x": {"get": {"responses": ok({"$ref": REF + "Used"})}}}, schemas)
    assert drop_unreferenced_schemas(spec) == ["dropped JsonVariant"]
    assert set(schemas) == {"Used", "Child"}


def test_identical_groups_of_one_class_are_merged_through_nested_references() -> None:
    item = {"type": "object", "properties": {"price": {"type": "string"}}}
    schemas = {
        "Order.jsonld-order.read": {"properties": {"items": {"items": {"$ref": REF + "Item.jsonld-order.read"}}}},
        "Order.jsonld-order.create_read": {
            "description": "documentation differs",
            "properties": {"items": {"items": {"$ref": REF + "Item.jsonld-order.create_read"}}},
        },
        "Item.jsonld-order.read": copy.deepcopy(item),
        "Item.jsonld-order.create_read": copy.deepcopy(item),
        # Same shape, different class: kept apart.
        "Other.jsonld-order.read": copy.deepcopy(item),
    }
    spec = spec_with({"/x": {"post": {"responses": ok({"$ref": REF + "Order.jsonld-order.create_read"})}}}, schemas)
    changes = merge_identical_schemas(spec)
    assert changes == [
        "Item.jsonld-order.create_read merged into Item.jsonld-order.read",
        "Order.jsonld-order.create_read merged into Order.jsonld-order.read",
    ]
    assert set(schemas) == {"Order.jsonld-order.read", "Item.jsonld-order.read", "Other.jsonld-order.read"}
    assert spec["paths"]["/x"]["post"]["responses"]["200"]["content"]["application/ld+json"]["schema"] == {
        "$ref": REF + "Order.jsonld-order.read"
    }


def test_different_groups_stay_apart() -> None:
    schemas = {
        "Order.jsonld-a": {"properties": {"x": {"type": "string"}}},
        "Order.jsonld-b": {"properties": {"x": {"type": "integer"}}},
    }
    assert merge_identical_schemas(spec_with({}, schemas)) == []


def _op(tag: str, vendor_id: str, responses: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"tags": [tag], "operationId": vendor_id, "summary": "s", "responses": responses or {}}


def test_operation_ids_become_readable_names() -> None:
    listing = ok(collection_of("Offer"))
    spec = spec_with(
        {
            "/v1/ticketing/catalogs/{catalogId}/offers": {"get": _op("TicketingOffer", "v_offers", listing)},
            "/v1/ticketing/catalogs/{catalogId}/offers/{id}": {"get": _op("TicketingOffer", "v_offer")},
            "/v1/ticketing/catalogs/{catalogId}/offers/{id}/price": {"get": _op("TicketingOfferPrice", "v_price")},
            "/v1/booking/reservations/_bulk": {"post": _op("BookingReservation", "v_bulk")},
            "/v1/booking/orders/{orderId}/documents/{id}": {"patch": _op("BookingOrderDocument", "v_doc")},
            "/v1/ticketing/catalogs/{catalogId}/categories": {"get": _op("TicketingCategory", "v_cat", listing)},
        }
    )
    readable_operation_ids(spec)
    names = {path: next(iter(item.values()))["operationId"] for path, item in spec["paths"].items()}
    assert list(names.values()) == [
        "list_offers",
        "get_offer",
        "get_offer_price",
        "create_reservations",
        "update_order_document",
        "list_categories",
    ]
    offer = spec["paths"]["/v1/ticketing/catalogs/{catalogId}/offers/{id}"]["get"]
    assert offer["x-vendor-operation-id"] == "v_offer"
    assert offer["description"].endswith("Vendor operationId: `v_offer`.")


def test_colliding_names_are_qualified_by_their_parent() -> None:
    listing = ok(collection_of("Product"))
    spec = spec_with(
        {
            "/v1/ticketing/catalogs/{c}/product_bases/{p}/products": {"get": _op("TicketingProduct", "deep", listing)},
            "/v1/ticketing/catalogs/{c}/products": {"get": _op("TicketingProduct", "shallow", listing)},
        }
    )
    readable_operation_ids(spec)
    assert spec["paths"]["/v1/ticketing/catalogs/{c}/products"]["get"]["operationId"] == "list_products"
    deep = spec["paths"]["/v1/ticketing/catalogs/{c}/product_bases/{p}/products"]["get"]
    assert deep["operationId"] == "list_product_base_products"


def test_unresolvable_collisions_fall_back_to_the_vendor_id() -> None:
    spec = spec_with(
        {
            "/a/{x}": {"get": _op("Thing", "apiGetThingA")},
            "/b/{x}": {"get": _op("Thing", "apiGetThingB")},
        }
    )
    readable_operation_ids(spec)
    assert spec["paths"]["/a/{x}"]["get"]["operationId"] == "get_thing"
    assert spec["paths"]["/b/{x}"]["get"]["operationId"] == "api_get_thing_b"


def test_prepare_does_not_touch_its_input_and_is_idempotent(vendor_spec: dict[str, Any]) -> None:
    before = copy.deepcopy(vendor_spec)
    once, report = prepare(vendor_spec)
    assert vendor_spec == before
    twice, second_report = prepare(once)
    assert twice == once
    assert all(changes == [] for changes in second_report.values())
    assert report["readable_operation_ids"]


def test_prepared_spec_keeps_the_wire_contract(vendor_spec: dict[str, Any], prepared_spec: dict[str, Any]) -> None:
    vendor_ops = {(path, method) for path, item in vendor_spec["paths"].items() for method in item}
    prepared_ops = {(path, method) for path, item in prepared_spec["paths"].items() for method in item}
    assert vendor_ops == prepared_ops
    for path, item in vendor_spec["paths"].items():
        for method, operation in item.items():
            ours = prepared_spec["paths"][path][method]
            assert set(operation["responses"]) == set(ours["responses"])
            wire_names = {p["name"] for p in operation["parameters"]}
            kept = {p["name"] for p in ours["parameters"]}
            assert kept <= wire_names
            # Only a scalar filter whose `[]` twin is kept may go.
            assert all(name + "[]" in kept for name in wire_names - kept)


def test_prepared_spec_declares_no_jsonld_keyword(prepared_spec: dict[str, Any]) -> None:
    declared = [
        name
        for node in walk_schemas(prepared_spec)
        if isinstance(node.get("properties"), dict)
        for name in node["properties"]
        if name.startswith("@")
    ]
    assert declared == []
