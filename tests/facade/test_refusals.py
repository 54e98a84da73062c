"""Odd values are refused before sending, with an `InvalidRequestError` naming the argument (issue 20, point 8).

Each test gives one odd value to one entry point and checks that nothing was sent; `test_fuzz_entry_points.py`
drives many more through all of them.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from korusticket import InvalidRequestError, MissingBodyFieldError
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.models import CreateOrdersInput, CreateOrdersInputCustomer
from tests.facade.conftest import CATALOG, OFFER, Script, client, jsonld, sequence

RESERVATION = "/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746"
CUSTOMER = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}


def order_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"reservations": [RESERVATION], "customer": dict(CUSTOMER), "externalReference": "R-1"}
    for path, value in changes.items():
        target = body
        *parents, key = path.split("__")
        for parent in parents:
            target = target[parent]
        target[key] = value
    return body


def refused(body: Any, operation: Any = create_orders) -> InvalidRequestError:
    script = Script(sequence(jsonld({}, 201)))
    with client(script) as kt, pytest.raises(InvalidRequestError) as raised:
        kt.call(operation, body=body)
    assert script.requests == []
    return raised.value


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"customer__firstname": "x" * 1_000_000}, r"^body\.customer\.firstname: 1000000 characters; expected at most"),
        ({"customer__firstname": 12}, r"^body\.customer\.firstname: expected a string, got 12"),
        ({"customer__firstname": math.nan}, r"^body\.customer\.firstname: expected a string, got nan"),
        ({"customer__firstname": ""}, r"^body\.customer\.firstname: must not be empty"),
        ({"customer__lastname": "Love\u202elace"}, r"^body\.customer\.lastname: must not contain bidirectional"),
        ({"customer__title": "sir"}, r"^body\.customer\.title: expected one of 'mr', 'mrs', 'mx', got 'sir'"),
        ({"customer__optin": "yes"}, r"^body\.customer\.optin: expected True or False, got 'yes'"),
        ({"externalReference": "R" * 256}, r"^body\.externalReference: 256 characters; expected at most 255"),
        ({"externalReference": "R-\x00"}, r"^body\.externalReference: must not contain control characters"),
        ({"notes": "a\x00b"}, r"^body\.notes: must not contain control characters"),
        ({"notes": "x" * 5000}, r"^body\.notes: 5000 characters; expected at most 4000"),
        ({"reservations": []}, r"^body\.reservations: expected at least 1 item\(s\), got 0"),
        ({"reservations": [0]}, r"^body\.reservations\[0\]: expected a string, got 0"),
        ({"reservations": "abc"}, r"^body\.reservations: expected a list, got 'abc'"),
        ({"customer": None}, r"^body\.customer: expected a dict, got None"),
    ],
)
def test_a_body_field_is_checked_against_the_spec(changes: dict[str, Any], message: str) -> None:
    error = refused(order_body(**changes))
    assert error.args[0] == str(error)
    with pytest.raises(InvalidRequestError, match=message):
        raise error


def test_line_breaks_are_free_texts_only() -> None:
    assert refused(order_body(notes="two\nlines", externalReference="A\nB")).argument == "body.externalReference"


def test_a_missing_nested_field_is_named_with_its_model() -> None:
    body = order_body()
    del body["customer"]["email"]
    error = refused(body)
    assert isinstance(error, MissingBodyFieldError)
    assert (error.argument, error.field, error.model) == ("body.customer", "email", "CreateOrdersInputCustomer")


def test_reservation_items_are_checked_with_their_nested_models() -> None:
    item = {"offer": f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}", "quantity": 1, "ticketSessions": []}
    assert refused({"items": [{**item, "quantity": 0}]}, create_reservations).argument == "body.items[0].quantity"
    assert refused({"items": [{**item, "quantity": True}]}, create_reservations).argument == "body.items[0].quantity"
    assert refused({"items": [{**item, "offer": None}]}, create_reservations).argument == "body.items[0].offer"
    assert refused({"items": None}, create_reservations).argument == "body.items"


def test_a_deeply_nested_or_non_json_extra_value_is_refused() -> None:
    deep: Any = []
    for _ in range(5000):
        deep = [deep]
    assert "nested more than" in str(refused(order_body(**{"@context": deep})))
    assert refused(order_body(**{"@context": b"bytes"})).argument == "body.@context"
    assert refused(order_body(**{"@context": math.inf})).argument == "body.@context"


def test_a_model_body_is_checked_too() -> None:
    customer = CreateOrdersInputCustomer(firstname="Ada\x00", lastname="Lovelace", email="ada@example.com")
    body = CreateOrdersInput(reservations=[RESERVATION], customer=customer, external_reference="R-1")
    assert refused(body).argument == "body.customer.firstname"
