"""The spec diff report that `make update-spec` prints."""

from __future__ import annotations

import copy
from typing import Any

from codegen.diff import Change, diff, report


def test_identical_specs(vendor_spec: dict[str, Any]) -> None:
    assert diff(vendor_spec, copy.deepcopy(vendor_spec)) == []
    assert report([]) == "No change to operations, parameters, responses or schemas."


def test_what_a_vendor_bump_could_change(vendor_spec: dict[str, Any]) -> None:
    bumped = copy.deepcopy(vendor_spec)
    bumped["info"]["version"] = "1.0.39"
    del bumped["paths"]["/v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets"]  # the deprecated one goes
    bumped["paths"]["/v1/booking/orders/{id}/cancel"] = {"post": {"operationId": "cancel", "responses": {"200": {}}}}
    offers = bumped["paths"]["/v1/ticketing/catalogs/{catalogId}/offers"]["get"]
    offers["parameters"] = [p for p in offers["parameters"] if p["name"] != "session"]
    offers["parameters"].append({"name": "universe", "in": "query", "schema": {"type": "string"}})
    order = bumped["components"]["schemas"]["BookingOrder.jsonld-v1.order.read"]["allOf"][1]["properties"]
    order["cancellationReason"] = {"type": ["string", "null"]}
    order["status"]["enum"] = ["confirmed", "cancelled", "refunded"]
    del order["notes"]
    customer = bumped["components"]["schemas"]["CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write"]
    customer["required"] = [*customer["required"], "phone"]

    changes = {str(change) for change in diff(vendor_spec, bumped)}
    offers_path = "GET /v1/ticketing/catalogs/{catalogId}/offers"
    assert changes == {
        "info.version: 1.0.38 -> 1.0.39",
        "BREAKING GET /v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets: operation list_offer_tickets"
        " removed",
        "POST /v1/booking/orders/{id}/cancel: operation cancel_order added (cancel)",
        f"BREAKING {offers_path}: query parameter session removed",
        f"{offers_path}: query parameter universe added",
        "BookingOrder.jsonld-v1.order.read: field cancellationReason added",
        "BREAKING BookingOrder.jsonld-v1.order.read: field notes removed",
        "BookingOrder.jsonld-v1.order.read: field status: enum value refunded added (read as before: response enums"
        " are open)",
        "BREAKING CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write: field phone is now required",
    }
    text = report(diff(vendor_spec, bumped))
    assert text.startswith("9 change(s), 4 that may break code written against the old version:")
    assert text.splitlines()[1].startswith("  BREAKING")


def test_change_text() -> None:
    assert str(Change("X", "field y removed", True)) == "BREAKING X: field y removed"


def test_json_report_for_ci(vendor_spec: dict[str, Any], tmp_path: Any, capsys: Any) -> None:
    import json

    from codegen.__main__ import main
    from codegen.specfile import dump_spec

    bumped = copy.deepcopy(vendor_spec)
    bumped["info"]["version"] = "1.0.39"
    del bumped["paths"]["/v1/booking/orders/{id}"]
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    dump_spec(vendor_spec, old)
    dump_spec(bumped, new)
    assert main(["diff", str(old), str(new), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["old_version"], document["new_version"]) == ("1.0.38", "1.0.39")
    assert document["breaking"] == 1
    removed = {"where": "GET /v1/booking/orders/{id}", "what": "operation get_order removed", "breaking": True}
    assert removed in document["items"]
    assert main(["diff", str(old), str(new), "--fail-on-breaking"]) == 1
    assert main(["diff", str(old), str(old), "--fail-on-breaking"]) == 0


def test_the_package_version_is_derived_from_the_api_version(vendor_spec: dict[str, Any]) -> None:
    import korusticket

    assert korusticket.__api_version__ == vendor_spec["info"]["version"]
    api, _, revision = korusticket.__version__.rpartition(".")
    assert api == korusticket.__api_version__, "bump __version__ to <new API version>.1 after a spec bump"
    assert revision.isdigit()
    assert int(revision) >= 1


ORDER_INPUT = "BookingOrder.CreateOrderBulkInput.jsonld-v1.order.create_bulk_write"
ORDER_READ = "BookingOrder.jsonld-v1.order.read"


def order_read_fields(spec: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = spec["components"]["schemas"][ORDER_READ]["allOf"][1]["properties"]
    return fields


def test_a_newly_required_request_field_breaks_and_a_response_one_does_not(vendor_spec: dict[str, Any]) -> None:
    bumped = copy.deepcopy(vendor_spec)
    order_input = bumped["components"]["schemas"][ORDER_INPUT]
    order_input["properties"]["channel"] = {"type": "string", "enum": ["web", "mobile"]}
    order_input["required"] = [*order_input["required"], "channel"]
    read = bumped["components"]["schemas"][ORDER_READ]["allOf"][1]
    read["properties"]["channel"] = {"type": "string"}
    read["required"] = [*read.get("required", []), "channel"]
    changes = {str(change) for change in diff(vendor_spec, bumped)}
    assert f"BREAKING {ORDER_INPUT}: field channel added (required)" in changes
    assert f"{ORDER_READ}: field channel added (required)" in changes


def test_enum_values_added_and_removed_on_each_side(vendor_spec: dict[str, Any]) -> None:
    bumped = copy.deepcopy(vendor_spec)
    order_read_fields(bumped)["status"]["enum"] = ["confirmed", "refunded"]  # cancelled goes, refunded comes
    customer = bumped["components"]["schemas"]["CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write"]
    customer["properties"]["title"]["enum"] = ["mr", "mrs", "dr"]
    changes = {str(change) for change in diff(vendor_spec, bumped)}
    customer_where = "CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write"
    assert changes == {
        f"{ORDER_READ}: field status: enum value refunded added (read as before: response enums are open)",
        f"{ORDER_READ}: field status: enum value cancelled removed",
        f"{customer_where}: field title: enum value dr added",
        f"BREAKING {customer_where}: field title: enum value mx removed",
    }


def test_a_renamed_parameter_with_the_same_python_names_is_a_rename(vendor_spec: dict[str, Any]) -> None:
    bumped = copy.deepcopy(vendor_spec)
    orders = bumped["paths"]["/v1/booking/orders"]["get"]
    renamed = next(p for p in orders["parameters"] if p["name"] == "external_reference")
    renamed["name"] = "externalReference"
    changes = [str(change) for change in diff(vendor_spec, bumped)]
    assert changes == [
        "GET /v1/booking/orders: query parameter external_reference renamed to externalReference"
        " (Python name external_reference unchanged)"
    ]


def test_a_rename_that_changes_the_generated_argument_breaks_direct_calls(vendor_spec: dict[str, Any]) -> None:
    bumped = copy.deepcopy(vendor_spec)
    orders = bumped["paths"]["/v1/booking/orders"]["get"]
    renamed = next(p for p in orders["parameters"] if p["name"] == "order[createdAt]")
    renamed["name"] = "order_createdAt"  # the facade keyword stays order_created_at; the generated one does not
    (change,) = diff(vendor_spec, bumped)
    assert change.breaking
    assert change.what == (
        "query parameter order[createdAt] renamed to order_createdAt (keyword order_created_at unchanged; the"
        " generated function's argument ordercreated_at is now order_created_at)"
    )


def test_changes_inside_inline_objects_are_reported(vendor_spec: dict[str, Any]) -> None:
    item = "CreateReservationInputItem.jsonld-v1.reservation.create_bulk_write"
    old, new = copy.deepcopy(vendor_spec), copy.deepcopy(vendor_spec)
    old["components"]["schemas"][item]["properties"]["promo"] = {"properties": {"code": {"type": "string"}}}
    new["components"]["schemas"][item]["properties"]["promo"] = {"properties": {"code": {"type": "integer"}}}
    assert [str(change) for change in diff(old, new)] == [f"BREAKING {item}: field promo.code: string -> integer"]
