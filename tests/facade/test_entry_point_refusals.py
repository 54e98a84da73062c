"""What the entry-point fuzz (`fuzz_entry_points.py`) found, one regression test each (issue 20, point 8).

Each gave a raw exception (httpx's TypeError, `'int' object is not iterable`, ...) or let an odd value reach the
server; each is now an error of the SDK naming the argument, raised before anything is sent.
"""

from __future__ import annotations

import datetime
import io
import math
from pathlib import Path
from typing import Any

import pytest

from korusticket import (
    ArgumentTypeError,
    BookingPolicy,
    ConfigurationError,
    InvalidRequestError,
    Item,
    KorusTicket,
    KorusTicketError,
    MemoryLedger,
    RetryPolicy,
    export_catalog,
    iri,
    money,
    ops,
)
from korusticket.testing import Sandbox
from tests.facade.conftest import CATALOG, OFFER, TOKEN, Script, client, jsonld, sequence

RESERVATION = iri.reservation(OFFER)
CUSTOMER = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}


def nothing_sent() -> Script:
    return Script(sequence(jsonld({"member": [], "totalItems": 0})))


# ------------------------------------------------------------------------------------------------ the client


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"base_url": -1}, r"^base_url: expected a string, got -1"),  # was httpx's TypeError
        ({"base_url": "https://api.example.com\t"}, r"^base_url: must not contain control characters"),  # InvalidURL
        ({"base_url": "https://api.example.com/\u202e"}, r"^base_url: must not contain bidirectional"),
        ({"auth": object()}, r"^auth: expected a korusticket TokenAuth"),  # was an AttributeError later
        ({"retry": "often"}, r"^retry: expected a korusticket.RetryPolicy, got a str"),
        ({"max_retries": 1.5}, r"^max_retries: expected an integer >= 0"),  # was RetryPolicy's plain ValueError
        ({"booking_policy": 0}, r"^booking_policy: expected a korusticket.BookingPolicy"),  # was taken as the default
        ({"ledger": ""}, r"^ledger: expected a BookingLedger or a URL"),  # was taken as the default
        ({"ledger": "sqlite:///a\x00.db"}, r"^ledger: must not contain control characters"),
        ({"environ": 0}, r"^environ: expected a mapping"),  # was accepted while unused
        ({"token": "x" * 1_000_000}, r"^token: 1000000 characters; expected at most 16384"),  # was sent
        ({"auth_scheme": "B" * 100}, r"^auth_scheme: expected a single word"),  # was sent
        ({"timeout": math.inf}, r"^timeout: expected a positive number of seconds \(finite\)"),
        ({"language": "fr\n"}, r"^language: expected a language tag"),  # the regex's $ let the line break through
        ({"language": "fr, " * 100 + "en"}, r"^language: expected a language tag"),
        ({"max_connections": 2**70}, r"^max_connections: expected an integer >= 1"),
        ({"proxy": 3128}, r"^proxy: expected a string"),
        ({"proxy": "proxy.internal"}, r"^proxy: expected a URL such as http://proxy.internal:3128"),
    ],
)
def test_bad_client_options_are_configuration_errors(options: dict[str, Any], message: str) -> None:
    options = {"base_url": "https://api.demo.korusticket.com", "token": TOKEN, "environ": {}, **options}
    if "proxy" not in options:  # a proxy and a transport together are refused for that alone
        options["transport"] = nothing_sent().transport()
    with pytest.raises(ConfigurationError, match=message):
        KorusTicket(**options)


def test_a_base_url_given_empty_is_refused_not_taken_from_the_environment() -> None:
    environ = {"KORUSTICKET_BASE_URL": "https://api.demo.korusticket.com"}
    with pytest.raises(ConfigurationError, match=r"^base_url: must not be empty"):
        KorusTicket(base_url="", token=TOKEN, environ=environ)


def test_a_transport_that_is_none_is_refused_at_once() -> None:
    with pytest.raises(ConfigurationError, match=r"^transport: expected an httpx.BaseTransport, got str"):
        KorusTicket.demo(token=TOKEN, transport="loopback")  # type: ignore[arg-type]


def test_a_token_url_given_empty_is_not_the_vendors() -> None:
    with pytest.raises(ConfigurationError, match=r"^token_url: must not be empty"):
        KorusTicket.demo(client_id="id", client_secret="secret", token_url="", environ={})


# ------------------------------------------------------------------------------------------------ the call surface


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"product": 0}, r"^product: expected a string or a list of them, got 0"),  # 'int' object is not iterable
        ({"product_base_id": datetime.date(2025, 1, 1)}, r"^product_base_id: expected a string"),  # sent as a day
        ({"page": 2**70}, r"^page: 1180591620717411303424 is out of the API's 64-bit integer range"),
    ],
)
def test_odd_filters_are_refused(arguments: dict[str, Any], message: str) -> None:
    script = nothing_sent()
    with client(script) as kt, pytest.raises(InvalidRequestError, match=message):
        kt.call(ops.list_offers, catalog_id=CATALOG, **arguments)
    assert script.requests == []


def test_a_reference_filter_with_a_control_character_is_refused() -> None:
    script = nothing_sent()
    with client(script) as kt, pytest.raises(InvalidRequestError, match=r"^external_reference: must not contain"):
        kt.call(ops.list_orders, external_reference="R-1\t")  # the pattern ^.{1,50}$ matches a tab
    assert script.requests == []


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"offer": "not an iri"}, r"^body\.items\[0\]\.offer: expected an IRI"),
        ({"quantity": 2**70}, r"^body\.items\[0\]\.quantity: .* out of the API's 64-bit integer range"),
    ],
)
def test_body_formats_and_integers_are_checked(item: dict[str, Any], message: str) -> None:
    body = {"items": [{"offer": iri.offer(CATALOG, OFFER), "quantity": 1, "ticketSessions": [], **item}]}
    script = nothing_sent()
    with client(script) as kt, pytest.raises(InvalidRequestError, match=message):
        kt.call(ops.create_reservations, body=body)
    assert script.requests == []


def test_an_email_field_must_look_like_one() -> None:
    customer = {**CUSTOMER, "email": "a b@example.com"}
    body = {"reservations": [RESERVATION], "customer": customer, "externalReference": "R-1"}
    script = nothing_sent()
    with client(script) as kt, pytest.raises(InvalidRequestError, match=r"^body\.customer\.email: expected an email"):
        kt.call(ops.create_orders, body=body)
    assert script.requests == []


def test_an_operation_of_the_wrong_type_names_the_argument_and_is_still_a_type_error() -> None:
    with client(nothing_sent()) as kt:
        for call in (lambda: kt.call(0), lambda: kt.with_raw_response.call("get_offer"), lambda: kt.paginate(None)):
            with pytest.raises(ArgumentTypeError, match=r"^operation: expected a generated operation") as raised:
                call()
            assert isinstance(raised.value, TypeError)


def test_a_keyword_the_operation_lacks_is_the_sdks_error_naming_it() -> None:
    script = nothing_sent()
    with client(script) as kt:
        with pytest.raises(ArgumentTypeError, match=r"^colour: list_offers\(\) got an unexpected keyword") as raised:
            kt.call(ops.list_offers, catalog_id=CATALOG, colour="red")
        assert raised.value.argument == "colour"
        with pytest.raises(ArgumentTypeError, match=r"^catalog_id: list_offers\(\) is missing the required"):
            kt.call(ops.list_offers)
    assert script.requests == []


def test_expect_must_be_a_class_and_is_checked_before_sending() -> None:
    script = nothing_sent()
    with client(script) as kt, pytest.raises(ArgumentTypeError, match=r"^expect: expected a model class"):
        kt.get(iri.catalog(CATALOG), "TicketingCatalog")  # type: ignore[arg-type]
    assert script.requests == []


def test_a_huge_header_value_is_refused() -> None:
    with client(nothing_sent()) as kt, pytest.raises(InvalidRequestError, match=r"^headers\.X-A: 1000000 characters"):
        kt.call(ops.list_catalogs, headers={"X-A": "x" * 1_000_000})


def test_a_bad_id_inside_an_iri_names_the_iri() -> None:
    with pytest.raises(InvalidRequestError, match=r"^order: id: expected a UUID") as raised:
        iri.parse("/v1/booking/orders/not-a-uuid", name="order")
    assert raised.value.argument == "order"


# ------------------------------------------------------------------------------------------------ booking


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0)


def sandbox_client(sandbox: Sandbox) -> KorusTicket:
    return sandbox.client(ledger=MemoryLedger(), retry=RetryPolicy(max_retries=0))


def day_offer(sandbox: Sandbox) -> str:
    data = sandbox.state.data
    offer = next(
        offer
        for offer in data.offers.values()
        if offer.catalog_id == sandbox.catalog_id and all(ticket.date_access for ticket in offer.tickets)
    )
    return iri.offer(offer.catalog_id, offer.id)


def requests(sandbox: Sandbox) -> int:
    return len(sandbox.state.handled)


def test_a_payment_step_that_cannot_be_called_is_refused_before_reserving(sandbox: Sandbox) -> None:
    with sandbox_client(sandbox) as kt:
        with pytest.raises(InvalidRequestError, match=r"^confirm_payment: expected a function"):
            kt.book([Item(day_offer(sandbox))], customer=CUSTOMER, external_reference="R-1", confirm_payment=0)  # type: ignore[arg-type]
        with pytest.raises(InvalidRequestError, match=r"^confirm_payment: expected a function"):
            kt.recover(confirm_payment="pay")  # type: ignore[arg-type]
    assert requests(sandbox) == 0  # it used to reserve, then stop at payment with the places held


@pytest.mark.parametrize("name", ["extra_body", "reserve_extra_body"])
def test_extra_body_values_are_named_as_given(sandbox: Sandbox, name: str) -> None:
    with sandbox_client(sandbox) as kt, pytest.raises(InvalidRequestError, match=rf"^{name}\.field: expected a finite"):
        kt.book(Item(day_offer(sandbox)), customer=CUSTOMER, external_reference="R-1", **{name: {"field": math.nan}})
    assert requests(sandbox) == 0


def test_calendar_days_must_be_dates(sandbox: Sandbox) -> None:
    day = datetime.date(2025, 1, 1)
    with sandbox_client(sandbox) as kt:
        with pytest.raises(InvalidRequestError, match=r"^start: expected a datetime.date"):  # was '<' not supported
            kt.calendar(sandbox.catalog_id, "2025-01-01", day)  # type: ignore[arg-type]
        with pytest.raises(InvalidRequestError, match=r"^prefetch: expected an integer from 0"):
            kt.calendar(sandbox.catalog_id, day, day, prefetch=2**70)
    assert requests(sandbox) == 0


def test_a_beneficiary_is_checked_before_the_ticket_is_read(sandbox: Sandbox) -> None:
    ticket = iri.order_item_ticket(OFFER, OFFER, OFFER)
    with sandbox_client(sandbox) as kt:
        with pytest.raises(InvalidRequestError, match=r"^beneficiary\.firstname: must not contain control"):
            kt.set_beneficiary(ticket, {"firstname": "Ada\x00", "lastname": "Lovelace"})
        with pytest.raises(InvalidRequestError, match=r"^beneficiary\.placeOfBirth: must not be blank"):
            kt.set_beneficiary(ticket, {"firstname": "Ada", "lastname": "Lovelace", "placeOfBirth": " "})
        with pytest.raises(InvalidRequestError, match=r"^ticket: expected an order item ticket IRI"):
            kt.set_beneficiary(iri.order(OFFER), {"firstname": "Ada", "lastname": "Lovelace"})  # was a TypeError
    assert requests(sandbox) == 0


def test_document_language_is_checked(sandbox: Sandbox) -> None:
    with sandbox_client(sandbox) as kt, pytest.raises(InvalidRequestError, match=r"^language: expected a language"):
        kt.stream_documents(iri.order(OFFER), io.BytesIO(), language="")
    assert requests(sandbox) == 0


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"sessions": {5: "x"}}, r"^sessions: expected tickets as ids or IRIs"),  # was a TypeError
        ({"catalog_id": "not-a-uuid"}, r"^items\[0\]\.catalog_id: expected a UUID"),  # was ignored
        ({"sessions": {"x": None}}, r"^items\[0\]\.sessions: ticket 'x' is not one of this offer's"),
    ],
)
def test_item_fields_are_named(sandbox: Sandbox, item: dict[str, Any], message: str) -> None:
    with sandbox_client(sandbox) as kt, pytest.raises(InvalidRequestError, match=message):
        kt.reserve([Item(day_offer(sandbox), **item)])
    assert sandbox.state.reservations == {}


# ------------------------------------------------------------------------------------------------ the rest


def test_export_arguments_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    script = nothing_sent()
    with client(script) as kt:
        with pytest.raises(InvalidRequestError, match=r"^out_dir: expected a directory path, got ''"):
            export_catalog(kt, CATALOG, "")  # it used to export into the working directory
        with pytest.raises(InvalidRequestError, match=r"^progress: expected a function"):
            export_catalog(kt, CATALOG, tmp_path / "out", progress=0)  # type: ignore[arg-type]
        with pytest.raises(InvalidRequestError, match=r"^page_size: expected an integer from 1 to 50"):
            export_catalog(kt, CATALOG, tmp_path / "out", page_size=1.5)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"^kt: expected a KorusTicket"):
        export_catalog(0, CATALOG, tmp_path / "out")  # type: ignore[arg-type]
    assert script.requests == []
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: RetryPolicy(max_retries=1.5), r"^RetryPolicy\.max_retries: expected a finite number >= 0"),
        (lambda: BookingPolicy(attempts=2**70), r"^BookingPolicy\.attempts: expected an integer >= 1"),
        (lambda: money("1e999999999"), r"^amount: expected a decimal amount"),  # a Decimal, but not money
    ],
)
def test_settings_and_helpers_raise_the_sdks_errors(build: Any, message: str) -> None:
    with pytest.raises(KorusTicketError, match=message):
        build()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"offers": "240"}, r"^offers: expected at least 1 \(and at most 1000000\)"),  # was a TypeError
        ({"token_lifetime": "1800"}, r"^token_lifetime: expected a whole number of seconds >= 1"),
        ({"created_status": 200.0}, r"^created_status: expected 200 or 201"),
        ({"double_ordering": "yes"}, r"^double_ordering: expected true or false"),
        ({"storage_url": "https://files.test/#x"}, r"^storage_url: expected a URL without a fragment"),
        ({"reservation_lifetime": 900}, r"^reservation_lifetime: expected a positive timedelta"),
    ],
)
def test_sandbox_settings_are_checked_before_the_catalog_is_built(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        Sandbox(**settings)


def test_a_wrong_type_is_both_the_sdks_refusal_and_a_type_error() -> None:
    assert issubclass(ArgumentTypeError, InvalidRequestError)
    assert issubclass(ArgumentTypeError, TypeError)
