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
        "BREAKING GET /v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets: operation removed",
        "POST /v1/booking/orders/{id}/cancel: operation added (cancel)",
        f"BREAKING {offers_path}: query parameter session removed",
        f"{offers_path}: query parameter universe added",
        "BookingOrder.jsonld-v1.order.read: field cancellationReason added",
        "BREAKING BookingOrder.jsonld-v1.order.read: field notes removed",
        "BREAKING BookingOrder.jsonld-v1.order.read: field status: string enum confirmed, cancelled -> "
        "string enum confirmed, cancelled, refunded",
        "BREAKING CreateOrderInputCustomer.jsonld-v1.order.create_bulk_write: field phone is now required",
    }
    text = report(diff(vendor_spec, bumped))
    assert text.startswith("9 change(s), 5 that may break code written against the old version:")
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
    assert {"where": "GET /v1/booking/orders/{id}", "what": "operation removed", "breaking": True} in document["items"]
    assert main(["diff", str(old), str(new), "--fail-on-breaking"]) == 1
    assert main(["diff", str(old), str(old), "--fail-on-breaking"]) == 0


def test_the_package_version_is_derived_from_the_api_version(vendor_spec: dict[str, Any]) -> None:
    import korusticket

    assert korusticket.__api_version__ == vendor_spec["info"]["version"]
    api, _, revision = korusticket.__version__.rpartition(".")
    assert api == korusticket.__api_version__, "bump __version__ to <new API version>.1 after a spec bump"
    assert revision.isdigit()
    assert int(revision) >= 1
