"""Every call raises the same typed errors, whether it goes through the facade or a generated function."""

from __future__ import annotations

import httpx
import pytest

from korusticket import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    KorusTicketError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ReservationExpiredError,
    ServerError,
    UnexpectedResponseError,
    ValidationError,
    Violation,
)
from korusticket_client.api.booking_order import create_orders, list_orders
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.models import CreateOrdersInput
from tests.facade.conftest import CATALOG, OFFER, TOKEN, Script, async_client, client, example, jsonld, sequence

PROBLEM = {"@type": "Error", "title": "An error occurred", "detail": "Not Found", "status": 404, "type": "/errors/404"}


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (410, APIStatusError),
        (422, ValidationError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (520, ServerError),
        (561, ServerError),
    ],
)
def test_each_status_raises_its_class(status: int, error_class: type[APIStatusError]) -> None:
    script = Script(lambda request: jsonld({**PROBLEM, "status": status}, status))
    with client(script, max_retries=0) as kt, pytest.raises(error_class) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    error = caught.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.method == "GET"
    assert error.url == f"https://api.demo.korusticket.com/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}"
    assert error.body["status"] == status
    assert error.headers["content-type"] == "application/ld+json"
    assert f"{status} " in str(error)
    assert "Not Found" in str(error)


def test_generated_functions_given_kt_client_raise_the_same_errors() -> None:
    script = Script(lambda request: httpx.Response(520, text="<html>origin error</html>"))
    with client(script, max_retries=0) as kt:
        with pytest.raises(ServerError) as caught:
            list_orders.sync_detailed(client=kt.client)  # would crash with ValueError: 520 is not a valid HTTPStatus
        assert caught.value.status_code == 520
        assert caught.value.body is None
        assert caught.value.excerpt == "<html>origin error</html>"
        assert "non-standard status" in str(caught.value)


async def test_async_generated_functions_raise_too() -> None:
    script = Script(lambda request: jsonld(PROBLEM, 404))
    async with async_client(script) as kt:
        with pytest.raises(NotFoundError):
            await get_offer.asyncio_detailed(CATALOG, OFFER, client=kt.client)
        with pytest.raises(NotFoundError):
            await kt.call(get_offer, catalog_id=CATALOG, id=OFFER)


def test_a_closed_client_raises_the_sdks_error_and_sends_nothing() -> None:
    script = Script(lambda request: jsonld({}, 200))
    kt = client(script)
    kt.close()
    for attempt in (
        lambda: kt.call(get_offer, catalog_id=CATALOG, id=OFFER),
        lambda: list(kt.paginate(list_offers, catalog_id=CATALOG)),
        lambda: get_offer.sync_detailed(CATALOG, OFFER, client=kt.client),
        lambda: kt.with_options(timeout=5).call(get_offer, catalog_id=CATALOG, id=OFFER),
    ):
        with pytest.raises(ClientClosedError, match=r"^GET https://api\.demo\.korusticket\.com/v1/.*: the client was"):
            attempt()
    assert script.requests == []
    assert isinstance(ClientClosedError("x"), KorusTicketError | RuntimeError)


async def test_a_closed_async_client_raises_the_sdks_error_and_sends_nothing() -> None:
    script = Script(lambda request: jsonld({}, 200))
    async with async_client(script) as kt:
        pass
    with pytest.raises(ClientClosedError, match="the client was closed"):
        await kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    with pytest.raises(ClientClosedError, match="the client was closed"):
        await get_offer.asyncio_detailed(CATALOG, OFFER, client=kt.client)
    assert script.requests == []


def test_422_expired_reservation_from_the_vendor_example() -> None:
    violations = example("orders_bulk_422_reservation_expired.json")
    body = example("orders_bulk_request.json")
    script = Script(lambda request: jsonld(violations, 422))
    with client(script) as kt, pytest.raises(ReservationExpiredError) as caught:
        kt.call(create_orders, body=CreateOrdersInput.from_dict(body))
    error = caught.value
    assert isinstance(error, ValidationError)
    assert error.violations == [
        Violation("reservations[0].expired", "La réservation a expiré", "d53a91b0-def3-426a-83d7-269da7ab4200")
    ]
    assert error.reservation_indexes == [0]
    assert error.reservation_iris == ["/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746"]
    assert error.for_field("reservations[0].expired") == error.violations
    assert error.for_field("customer.email") == []
    assert str(error) == (
        "422 Unprocessable Entity on POST https://api.demo.korusticket.com/v1/booking/orders/_bulk: "
        "reservations[0].expired: La réservation a expiré (code d53a91b0-def3-426a-83d7-269da7ab4200)"
    )
    assert len(script.requests) == 1  # a POST is never retried on a status


def test_a_422_with_thousands_of_violations_keeps_its_message_short() -> None:
    violations = [{"propertyPath": f"items[{n}].name", "message": "x" * 2000, "code": "c"} for n in range(5000)]
    payload = {"@type": "ConstraintViolationList", "status": 422, "violations": violations}
    with client(Script(lambda request: jsonld(payload, 422))) as kt, pytest.raises(ValidationError) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert len(caught.value.violations) == 5000  # every one kept
    assert len(str(caught.value)) < 5000
    assert str(caught.value).endswith("; and 4990 more (see .violations)")


def test_422_with_other_violations_is_a_plain_validation_error() -> None:
    payload = {
        "@type": "ConstraintViolationList",
        "status": 422,
        "violations": [
            {"propertyPath": "customer.email", "message": "This value is not a valid email address.", "code": "bd79"},
            {"propertyPath": "reservations[1].expired", "message": "expired", "code": "d53a"},
        ],
    }
    with client(Script(lambda request: jsonld(payload, 422))) as kt, pytest.raises(ValidationError) as caught:
        kt.call(
            create_orders,
            body={
                "externalReference": "X",
                "reservations": ["/v1/booking/reservations/x"],
                "customer": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
            },
        )
    assert type(caught.value) is ValidationError  # not only expired reservations: no specific subclass
    assert [v.property_path for v in caught.value.for_field("customer.email")] == ["customer.email"]
    assert "customer.email: This value is not a valid email address. (code bd79)" in str(caught.value)


@pytest.mark.parametrize(
    ("content_type", "content", "problem"),
    [
        ("text/html", b"<html><body>Maintenance</body></html>", "not JSON"),
        ("application/ld+json", b'{"member": [', "malformed JSON"),
        ("application/ld+json", b'{"totalItems": 3}', "not the documented TicketingOfferCollection"),
        ("application/ld+json", b'{"member": "nope"}', "not the documented TicketingOfferCollection"),
    ],
)
def test_unusable_success_bodies_raise_unexpected_response(content_type: str, content: bytes, problem: str) -> None:
    script = Script(lambda request: httpx.Response(200, content=content, headers={"content-type": content_type}))
    with client(script) as kt, pytest.raises(UnexpectedResponseError) as caught:
        kt.call(list_offers, catalog_id=CATALOG)
    error = caught.value
    assert problem in str(error)
    assert error.status_code == 200
    assert error.content_type == content_type
    assert error.excerpt
    assert error.excerpt in content.decode()
    assert not isinstance(error, KeyError | ValueError)


def test_connection_and_timeout_errors() -> None:
    failures = Script(sequence(httpx.ConnectError("connection refused")))
    with client(failures, max_retries=0) as kt, pytest.raises(APIConnectionError) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert not isinstance(caught.value, APITimeoutError)
    assert "connection refused" in str(caught.value)
    assert caught.value.__cause__ is None  # httpx's error is not chained: it holds the request and its token

    timeouts = Script(sequence(httpx.ReadTimeout("timed out")))
    with client(timeouts, max_retries=0) as kt, pytest.raises(APITimeoutError) as timed_out:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert timed_out.value.method == "GET"
    assert isinstance(timed_out.value, KorusTicketError)


def test_the_token_never_appears_in_errors() -> None:
    echo = Script(lambda request: httpx.Response(500, text=f"debug: Authorization={request.headers['authorization']}"))
    with client(echo, max_retries=0) as kt, pytest.raises(ServerError) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    error = caught.value
    for text in (str(error), repr(error), error.excerpt, str(error.headers), str(vars(error))):
        assert TOKEN not in text
    assert "[REDACTED]" in error.excerpt


def test_rate_limit_error_exposes_retry_after() -> None:
    script = Script(lambda request: jsonld(PROBLEM, 429, **{"retry-after": "120"}))
    with client(script) as kt, pytest.raises(RateLimitError) as caught:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert caught.value.retry_after == 120.0
    assert len(script.requests) == 1  # 120 s is beyond the policy's max_retry_after: raised at once


def test_bad_arguments_fail_before_any_request() -> None:
    script = Script(lambda request: jsonld({}, 200))
    with client(script) as kt:
        with pytest.raises(ValueError, match=r"^catalog_id: expected a UUID"):
            kt.call(get_offer, catalog_id="not-an-id", id=OFFER)
        with pytest.raises(ValueError, match=r"an IRI is not an id"):
            kt.call(get_offer, catalog_id=CATALOG, id=f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}")
        with pytest.raises(ValueError, match=r"^items_per_page: expected at most 50, got 51"):
            kt.call(list_offers, catalog_id=CATALOG, items_per_page=51)
        with pytest.raises(ValueError, match=r"^order_date: expected one of 'asc', 'desc', got 'up'"):
            kt.call(list_offers, catalog_id=CATALOG, order_date="up")
        with pytest.raises(ValueError, match=r"^external_reference: expected a value matching"):
            kt.call(list_orders, external_reference="x" * 51)
        with pytest.raises(ValueError, match=r"^date: expected a date \(YYYY-MM-DD\), got 'June'"):
            kt.call(list_offers, catalog_id=CATALOG, date="June")
        with pytest.raises(TypeError, match=r"unexpected keyword 'colour'; it accepts: catalog_id, date, "):
            kt.call(list_offers, catalog_id=CATALOG, colour="red")
        with pytest.raises(TypeError, match=r"missing the required argument 'catalog_id'"):
            kt.call(list_offers)
        with pytest.raises(TypeError, match=r"^body: list_offers\(\) got an unexpected keyword 'body'; it accepts"):
            kt.call(list_offers, catalog_id=CATALOG, body={})
        with pytest.raises(TypeError, match=r"^body: list_offers\(\) got an unexpected keyword 'body'"):
            kt.paginate(list_offers, catalog_id=CATALOG, body={})  # refused here, not when the first page is read
        with pytest.raises(ValueError, match=r"^body: missing required field 'externalReference'"):
            kt.call(
                create_orders,
                body={
                    "reservations": [],
                    "customer": {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"},
                },
            )
    assert script.requests == []


def test_every_refusal_before_sending_is_a_korusticket_error_naming_the_argument() -> None:
    """A web backend's `except KorusTicketError` catches the SDK's own refusals too (they were plain ValueErrors)."""
    from korusticket import InvalidRequestError, Item, KorusTicketError, ops
    from korusticket.testing import Sandbox

    sandbox = Sandbox(seed=1)
    customer = {"firstname": "Ada", "lastname": "Lovelace", "email": "not an email"}
    offer = next(iter(sandbox.state.data.offers))
    with sandbox.client() as kt:
        refusals = {
            "id": lambda: kt.call(ops.get_offer, catalog_id=sandbox.catalog_id, id="not-a-uuid"),
            "customer.email": lambda: kt.book(
                Item(offer, catalog_id=sandbox.catalog_id), customer=customer, external_reference="R"
            ),
            "body.note": lambda: kt.call(
                ops.create_orders,
                body={
                    "reservations": ["/v1/booking/reservations/x"],
                    "externalReference": "R",
                    "customer": {"firstname": "A", "lastname": "L", "email": "a@b.co"},
                    "note": "for notes",
                },
            ),
            "page_size": lambda: list(kt.paginate(ops.list_catalogs, page_size=500)),
        }
        for argument, refused in refusals.items():
            with pytest.raises(KorusTicketError) as caught:
                refused()
            assert isinstance(caught.value, InvalidRequestError | ValueError)
            assert caught.value.argument == argument, str(caught.value)  # type: ignore[attr-defined]
            assert str(caught.value).startswith(f"{argument}:")
    assert sandbox.state.handled.total <= 1  # nothing was sent, but the token
