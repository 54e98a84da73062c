"""A realistic 1.0.39 of the vendor's spec, made from openapi.yaml (1.0.38), for the spec-bump test.

What the vendor changed, the way API Platform would write each change:
- a custom operation `POST /v1/booking/orders/{id}/cancel` (default operation id, an input DTO);
- the order gains a response field (`cancellationReason`, in the `v1.order.read` group only) and loses one
  (`notes`, gone from the class);
- the order status gains an enum value (`refunded`);
- the order input requires a new field (`channel`);
- the orders filter `external_reference` is renamed `externalReference`;
- `totalAmountExclTax` is sent as a number instead of a decimal string;
- the catalog gains a second route under another prefix (`GET /v2/ticketing/catalogs/{id}`, the resource's
  `routePrefix`), which takes an API Platform 4 `HeaderParameter` (`X-Tenant`, `in: header`, required).

`python tests/codegen/bump_1_0_39.py OUT.yaml` writes it.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

REF = "#/components/schemas/"
ORDER_READ = "BookingOrder.jsonld-v1.order.read"
ORDER_BULK_READ = "BookingOrder.jsonld-v1.order.create_bulk_read"
ORDER_INPUT = "BookingOrder.CreateOrderBulkInput.jsonld-v1.order.create_bulk_write"
CANCEL_INPUT = "BookingOrder.CancelOrderInput.jsonld-v1.order.cancel_write"
CANCEL_PATH = "/v1/booking/orders/{id}/cancel"
CATALOG_V2_PATH = "/v2/ticketing/catalogs/{id}"


def _order_fields(schema: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = schema["allOf"][1]["properties"]
    return fields


def bumped(spec: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(spec)
    new["info"]["version"] = "1.0.39"
    schemas = new["components"]["schemas"]

    # The orders of a bulk answer (`v1.order.create_bulk_read`) were identical to an order read, and prepare
    # merged them; the new field only in `v1.order.read` tells the two groups apart.
    for name in (ORDER_READ, ORDER_BULK_READ):
        fields = _order_fields(schemas[name])
        del fields["notes"]
        fields["status"]["enum"] = [*fields["status"]["enum"], "refunded"]
        fields["totalAmountExclTax"] = {"type": "number", "example": 100.0}
    _order_fields(schemas[ORDER_READ])["cancellationReason"] = {
        "type": ["string", "null"],
        "description": "Why the order was cancelled, once it is.",
        "example": "Cancelled by the customer",
    }

    order_input = schemas[ORDER_INPUT]
    order_input["properties"]["channel"] = {
        "type": "string",
        "enum": ["web", "mobile", "kiosk"],
        "description": "Where the customer booked.",
        "example": "web",
    }
    order_input["required"] = [*order_input["required"], "channel"]

    schemas[CANCEL_INPUT] = {
        "type": "object",
        "properties": {"reason": {"type": "string", "maxLength": 255, "example": "Cancelled by the customer"}},
    }
    order_item = new["paths"]["/v1/booking/orders/{id}"]["get"]
    responses = copy.deepcopy(order_item["responses"])
    responses["200"]["description"] = "BookingOrder resource created"
    responses["422"] = {
        "description": "An error occurred",
        "content": {"application/ld+json": {"schema": {"$ref": REF + "ConstraintViolationList"}}},
    }
    new["paths"][CANCEL_PATH] = {
        "post": {
            "operationId": "api_v1bookingorders_idcancel_post",
            "tags": ["BookingOrder"],
            "responses": responses,
            "summary": "Cancels a BookingOrder resource.",
            "description": "Cancels a confirmed order in the ticket issuer's system.",
            "parameters": copy.deepcopy(order_item["parameters"]),
            "requestBody": {
                "description": "Why the order is cancelled",
                "content": {"application/ld+json": {"schema": {"$ref": REF + CANCEL_INPUT}}},
                "required": True,
            },
        }
    }

    catalog = copy.deepcopy(new["paths"]["/v1/ticketing/catalogs/{id}"]["get"])
    catalog["operationId"] = "api_v2ticketingcatalogs_id_get"
    tenant = {"name": "X-Tenant", "in": "header", "description": "TicketingCatalog X-Tenant", "required": True}
    catalog["parameters"] = [*catalog.get("parameters", []), {**tenant, "schema": {"type": "string"}}]
    new["paths"][CATALOG_V2_PATH] = {"get": catalog}

    orders = new["paths"]["/v1/booking/orders"]["get"]
    next(p for p in orders["parameters"] if p["name"] == "external_reference")["name"] = "externalReference"
    return new


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hand_written"))
    from codegen.specfile import dump_spec, load_spec

    root = Path(__file__).resolve().parents[2]
    dump_spec(bumped(load_spec(root / "openapi.yaml")), Path(sys.argv[1]))
