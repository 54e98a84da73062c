"""Operation and schema names for every shape API Platform (and a FastAPI neighbour) emits."""

from __future__ import annotations

from typing import Any

import pytest

from codegen.naming import definition_name_parts, identifier, readable_operation_ids, readable_schema_names, singular

REF = "#/components/schemas/"


def answer(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: {"description": "ok", "content": {"application/ld+json": {"schema": schema}}}}


def hydra_collection(item: str, prefix: str = "") -> dict[str, Any]:
    return {"type": "object", "properties": {f"{prefix}member": {"type": "array", "items": {"$ref": REF + item}}}}


def names_of(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[tuple[str, str], str]:
    spec = {"paths": paths, "components": {"schemas": schemas or {}}}
    readable_operation_ids(spec)
    return {(method, path): op["operationId"] for path, item in paths.items() for method, op in item.items()}


def op(tag: str | None, vendor_id: str = "vendor", responses: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"operationId": vendor_id, "responses": responses or {}, **({"tags": [tag]} if tag else {})}


def test_actions_are_named_after_their_verb() -> None:
    names = names_of(
        {
            "/v1/booking/orders/{id}": {"get": op("BookingOrder")},
            "/v1/booking/orders/{id}/cancel": {"post": op("BookingOrder", "api_v1bookingorders_idcancel_post")},
            "/users/{id}": {"patch": op("User")},
            "/users/{id}/activate": {"patch": op("User", "api_users_idactivate_patch")},
            "/users/import": {"post": op("User")},
            "/v2.1/user-groups/{id}/reset-password": {
                "post": op("UserGroup", "api_v2.1user-groups_idreset-password_post")
            },
        }
    )
    assert names == {
        ("get", "/v1/booking/orders/{id}"): "get_order",
        ("post", "/v1/booking/orders/{id}/cancel"): "cancel_order",
        ("patch", "/users/{id}"): "update_user",
        ("patch", "/users/{id}/activate"): "activate_user",
        ("post", "/users/import"): "import_users",
        ("post", "/v2.1/user-groups/{id}/reset-password"): "reset_password_user_group",
    }


def test_reads_of_what_a_resource_has_and_sub_resources() -> None:
    schemas = {"Book": {"type": "object"}}
    names = names_of(
        {
            "/orders/{id}/invoice": {"get": op("Order")},
            "/users/{id}/friends": {"get": op("User", responses=answer(hydra_collection("Book")))},
            "/authors/{id}/books": {"get": op("Book", responses=answer(hydra_collection("Book")))},
            "/authors/{id}/books/{bookId}": {"patch": op("Book")},
            "/v1/ticketing/offers/{id}/price": {"get": op("TicketingOfferPrice")},
        },
        schemas,
    )
    assert list(names.values()) == [
        "get_order_invoice",
        "list_user_friends",
        "list_books",
        "update_book",
        "get_offer_price",
    ]


@pytest.mark.parametrize("prefix", ["", "hydra:"])
def test_collections_are_recognised_in_both_hydra_spellings(prefix: str) -> None:
    collection = {"allOf": [{"$ref": REF + "HydraCollectionBaseSchema"}, hydra_collection("User", prefix)]}
    names = names_of({"/users": {"get": op("User", "api_users_get_collection", answer(collection))}}, {"User": {}})
    assert names == {("get", "/users"): "list_users"}


def test_fastapi_routes_with_router_tags_and_plain_arrays() -> None:
    array = {"type": "array", "items": {"$ref": REF + "Item"}}
    names = names_of(
        {
            "/internal/items/": {
                "get": op("items", "read_items_internal_items__get", answer(array)),
                "post": op("items", "create_item_internal_items__post"),
            },
            "/internal/items/{item_id}": {"put": op("items"), "delete": op("items")},
        },
        {"Item": {}},
    )
    assert list(names.values()) == ["list_items", "create_item", "replace_item", "delete_item"]


def test_names_are_python_identifiers() -> None:
    assert identifier("class") == "class_"
    assert identifier("2fa-codes") == "op_2fa_codes"
    assert identifier("api_v2.1user-groups_get_collection") == "api_v2_1user_groups_get_collection"
    names = names_of({"/a/{x}": {"get": op("Thing", "get-a")}, "/b/{x}": {"get": op("Thing", "get-b")}})
    assert list(names.values()) == ["get_thing", "get_b"]


def test_singular_keeps_words_that_only_end_in_s() -> None:
    assert [singular(word) for word in ["orders", "statuses", "status", "addresses", "analysis", "people"]] == [
        "order",
        "status",
        "status",
        "address",
        "analysis",
        "person",
    ]


def test_definition_names_are_read_as_class_format_and_groups() -> None:
    assert definition_name_parts("BookingOrder.jsonld-v1.order.read") == (
        ["BookingOrder"],
        ["jsonld"],
        ["v1", "order", "read"],
    )
    assert definition_name_parts("BookingOrder.CreateOrderBulkInput.jsonld-v1.order.create_bulk_write") == (
        ["BookingOrder", "CreateOrderBulkInput"],
        ["jsonld"],
        ["v1", "order", "create", "bulk", "write"],
    )
    assert definition_name_parts("User-user.write.jsonMergePatch") == (["User"], ["jsonMergePatch"], ["user", "write"])
    assert definition_name_parts("HydraItemBaseSchema") is None
    assert definition_name_parts("HTTPValidationError") is None


def test_each_class_is_named_after_itself_and_its_other_groups_after_their_group() -> None:
    order = {"type": "object", "properties": {"status": {"type": "string"}}}
    schemas = {
        "BookingOrder.jsonld-v1.order.read": dict(order),
        "BookingOrder.jsonld-v1.order.create_bulk_read": {"type": "object", "properties": {"id": {}}},
        "BookingOrder.CreateOrderBulkOutput.jsonld-v1.order.create_bulk_read": {
            "type": "object",
            "properties": {
                "orders": {"type": "array", "items": {"$ref": REF + "BookingOrder.jsonld-v1.order.create_bulk_read"}}
            },
        },
        "TicketingOfferPrice.jsonld-v1.offer.read": {"type": "object"},
        "TicketingOfferPrice.jsonld-v1.offer_price.read": {"type": "object"},
        "HydraItemBaseSchema": {"type": "object"},
    }
    paths = {
        "/orders": {"get": {"responses": answer(hydra_collection("BookingOrder.jsonld-v1.order.read"))}},
        "/orders/{id}": {"get": {"responses": answer({"$ref": REF + "BookingOrder.jsonld-v1.order.read"})}},
        "/orders/_bulk": {
            "post": {
                "responses": answer(
                    {"$ref": REF + "BookingOrder.CreateOrderBulkOutput.jsonld-v1.order.create_bulk_read"}
                )
            }
        },
        "/offers/{id}/price": {
            "get": {"responses": answer({"$ref": REF + "TicketingOfferPrice.jsonld-v1.offer_price.read"})}
        },
    }
    spec = {"paths": paths, "components": {"schemas": schemas}}
    readable_schema_names(spec)
    assert list(spec["components"]["schemas"]) == [
        "BookingOrder",
        "BookingOrderCreateBulkRead",
        "BookingOrderCreateOrderBulkOutput",
        "TicketingOfferPriceRead",
        "TicketingOfferPrice",
        "HydraItemBaseSchema",
    ]
    output = spec["components"]["schemas"]["BookingOrderCreateOrderBulkOutput"]
    assert output["properties"]["orders"]["items"] == {"$ref": REF + "BookingOrderCreateBulkRead"}
    assert paths["/orders/{id}"]["get"]["responses"]["200"]["content"]["application/ld+json"]["schema"] == {
        "$ref": REF + "BookingOrder"
    }
    assert readable_schema_names(spec) == []


def test_the_plain_json_and_merge_patch_variants_are_inputs() -> None:
    schemas = {"Book": {"type": "object"}, "Book.jsonld": {"type": "object"}, "Book.jsonMergePatch": {"type": "object"}}
    body = {"content": {"application/json": {"schema": {"$ref": REF + "Book"}}}}
    patch = {"content": {"application/merge-patch+json": {"schema": {"$ref": REF + "Book.jsonMergePatch"}}}}
    paths = {
        "/books": {"post": {"requestBody": body, "responses": answer({"$ref": REF + "Book.jsonld"}, "201")}},
        "/books/{id}": {"patch": {"requestBody": patch, "responses": answer({"$ref": REF + "Book.jsonld"})}},
    }
    spec = {"paths": paths, "components": {"schemas": schemas}}
    assert sorted(readable_schema_names(spec)) == [
        "Book -> BookInput",
        "Book.jsonMergePatch -> BookPatch",
        "Book.jsonld -> Book",
    ]
    assert body["content"]["application/json"]["schema"] == {"$ref": REF + "BookInput"}


def test_a_name_already_taken_is_not_reused() -> None:
    schemas = {
        "User.jsonld-user.read": {"type": "object"},
        "User.jsonld-user.admin_read": {"type": "object"},
        "UserAdminRead": {"type": "object"},
    }
    spec = {
        "paths": {"/users/{id}": {"get": {"responses": answer({"$ref": REF + "User.jsonld-user.read"})}}},
        "components": {"schemas": schemas},
    }
    readable_schema_names(spec)
    # `UserAdminRead` belongs to another schema: the variant takes the longer name its whole group gives.
    assert set(spec["components"]["schemas"]) == {"User", "UserUserAdminRead", "UserAdminRead"}
