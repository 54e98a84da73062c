"""The booking workflows on the sandbox: partial failures, expiry, beneficiaries, documents, local checks."""

from __future__ import annotations

import inspect
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from korusticket import (
    BookingIncompleteError,
    BookingPolicy,
    Hold,
    Item,
    KorusTicket,
    MissingFieldError,
    OrderOutcomeUnknownError,
    ReservationExpiredError,
    RetryPolicy,
    ServerError,
    ValidationError,
    iri,
    ops,
)
from korusticket.testing import Sandbox
from korusticket.testing.transport import SandboxTransport
from tests.booking import journey
from tests.booking.helpers import CUSTOMER, FAST, item, offers, requests_to


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=2)


@pytest.fixture
def kt(sandbox: Sandbox) -> Iterator[KorusTicket]:
    with sandbox.client(booking_policy=FAST, retry=RetryPolicy(initial_delay=0.0, max_delay=0.0)) as client:
        yield client


def test_the_travel_agency_journey(kt: KorusTicket, sandbox: Sandbox, tmp_path: Path) -> None:
    files = journey.travel_agency_journey(kt, sandbox.catalog_id, date(2025, 6, 7), tmp_path)
    assert len(files) == 2
    assert all(path.read_bytes().startswith(b"%PDF-") for path in files)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(path.name for path in files)  # no .part left
    orders = [order for order in sandbox.state.orders.values() if order.external_reference == "AGENCY-0001"]
    assert len(orders) == 2
    assert all(t.status == "validated" for order in orders for i in order.items for t in i.tickets)
    assert [request.authorization_sent for request in sandbox.state.storage_requests] == [False, False]


def test_the_journey_is_short_and_needs_no_require_and_no_dict_bodies() -> None:
    source = inspect.getsource(journey.travel_agency_journey)
    lines = [line for line in source.splitlines() if line.strip() and not line.strip().startswith(('"""', "#"))]
    assert len(lines) <= 52, "half the 105 lines the journey took with raw calls"
    assert "require(" not in source
    assert "body=" not in source
    assert "korusticket_client.models" not in inspect.getsource(journey)


def test_a_partial_reservation_failure_names_its_item(kt: KorusTicket, sandbox: Sandbox) -> None:
    first, sold_out, third = [*offers(sandbox, sessions=False)][:3]
    sold_out.capacity = sold_out.reserved
    result = kt.reserve([item(first, 2), item(sold_out), item(third)])
    assert not result.ok
    assert [(held.item_index, held.item) for held in result.reservations] == [(0, item(first, 2)), (2, item(third))]
    (failure,) = result.failures
    assert (failure.item_index, failure.quantity) == (1, 1)
    assert failure.offer == iri.offer(sold_out.catalog_id, sold_out.id)
    assert "Not enough places" in failure.message
    assert result.total == sum(held.total for held in result.reservations)
    assert result.expires_in() is not None
    assert not result.is_expired()


def test_large_inputs_go_in_batches(sandbox: Sandbox) -> None:
    chosen = [*offers(sandbox, sessions=False)][:7]
    with sandbox.client(booking_policy=BookingPolicy(batch_size=3)) as kt:
        result = kt.reserve([item(offer) for offer in chosen])
    assert [held.item_index for held in result.reservations] == list(range(7))
    assert requests_to(sandbox, "create_reservations") == 3


def test_a_partial_order_failure_names_its_reservation(kt: KorusTicket, sandbox: Sandbox) -> None:
    first, second = [*offers(sandbox, sessions=False)][:2]
    held = kt.reserve([item(first), item(second)])
    sandbox.faults.inject("item_failure", operation="create_orders", message="The park refused this one.")
    placed = kt.order(held, customer=CUSTOMER, external_reference="PARTIAL-1")
    (failure,) = placed.failures
    assert (failure.index, failure.reservation, failure.message) == (
        0,
        held.reservations[0].iri,
        "The park refused this one.",
    )
    assert [order.reservation for order in placed.orders] == [held.reservations[1].iri]


def test_book_returns_a_partial_booking_rather_than_a_failure(kt: KorusTicket, sandbox: Sandbox) -> None:
    first, second = [*offers(sandbox, sessions=False)][:2]
    sandbox.faults.inject("item_failure", operation="create_orders")
    booking = kt.book([item(first), item(second)], customer=CUSTOMER, external_reference="PARTIAL-2")
    assert len(booking.orders) == 1
    assert [failure.index for failure in booking.failures] == [0]


def test_expiry_between_reserve_and_order_is_refused_before_sending(kt: KorusTicket, sandbox: Sandbox) -> None:
    held = kt.reserve(item(next(offers(sandbox, sessions=True))))
    sandbox.clock.advance(minutes=16)
    assert held.is_expired()
    with pytest.raises(ReservationExpiredError) as caught:
        kt.order(held, customer=CUSTOMER, external_reference="LATE-1")
    assert caught.value.reservation_iris == [held.reservations[0].iri]
    assert "nothing was sent" in caught.value.excerpt
    assert requests_to(sandbox, "create_orders") == 0


def test_expiry_the_client_could_not_see_is_the_api_422(kt: KorusTicket, sandbox: Sandbox) -> None:
    held = kt.reserve(item(next(offers(sandbox, sessions=True))))
    sandbox.clock.advance(minutes=16)
    with pytest.raises(ReservationExpiredError) as caught:
        kt.order([held.reservations[0].iri], customer=CUSTOMER, external_reference="LATE-2")
    assert caught.value.reservation_indexes == [0]
    assert requests_to(sandbox, "create_orders") == 1


def test_book_reports_what_is_held_when_payment_declines(kt: KorusTicket, sandbox: Sandbox) -> None:
    with pytest.raises(BookingIncompleteError) as caught:
        kt.book(
            item(next(offers(sandbox, sessions=False))),
            customer=CUSTOMER,
            external_reference="NOPAY",
            confirm_payment=lambda hold: False,
        )
    assert caught.value.stage == "payment"
    assert len(caught.value.held) == 1
    assert "still hold places until" in str(caught.value)
    assert sandbox.state.orders == {}


def test_a_lost_order_answer_is_found_not_repeated(sandbox: Sandbox) -> None:
    sandbox = Sandbox(seed=2, double_ordering=True)
    with sandbox.client(booking_policy=FAST) as kt:
        held = kt.reserve(item(next(offers(sandbox, sessions=False))))
        sandbox.faults.inject("status", status=502, operation="create_orders", after_commit=True)
        placed = kt.order(held, customer=CUSTOMER, external_reference="LOST-1")
    assert placed.recovered
    assert [order.id for order in sandbox.state.orders.values()] == [placed.orders[0].id]
    with sandbox.client() as kt:
        assert kt.find_order(str(placed.orders[0].id)).reference == placed.orders[0].reference
        assert kt.find_order(iri.order(str(placed.orders[0].id))).id == placed.orders[0].id
        assert [order.id for order in kt.find_orders("LOST-1")] == [placed.orders[0].id]
    sent = [handled.fault for handled in sandbox.state.handled if handled.operation == "create_orders"]
    assert sent == [None, "status"]  # one request: handled, then its answer replaced by a 502


def test_an_unsettled_order_is_resolved_later(sandbox: Sandbox) -> None:
    sandbox = Sandbox(seed=2, double_ordering=True)

    def pay_then_break_the_network(hold: Hold) -> bool:  # from now on, orders cannot be read back
        sandbox.faults.inject("drop_after_commit", operation="create_orders")
        sandbox.faults.inject("status", status=503, operation="list_orders", times=None)
        return True

    with sandbox.client(booking_policy=FAST, max_retries=0) as kt:
        with pytest.raises(OrderOutcomeUnknownError) as caught:
            kt.book(
                item(next(offers(sandbox, sessions=False))),
                customer=CUSTOMER,
                external_reference="LATER-1",
                confirm_payment=pay_then_break_the_network,
            )
        assert len(caught.value.reservations) == 1
        sandbox.faults.clear()
        settled = caught.value.resolve()
    assert [order.id for order in settled.orders] == [order.id for order in sandbox.state.orders.values()]
    assert [order.id for order in settled.adopted] == [order.id for order in settled.orders]
    assert len(sandbox.state.orders) == 1


def test_a_201_is_a_success(tmp_path: Path) -> None:
    sandbox = Sandbox(seed=2, created_status=201)
    with sandbox.client() as kt:
        booking = kt.book(item(next(offers(sandbox, sessions=True))), customer=CUSTOMER, external_reference="C201")
    assert booking.order.reference


def order_twice_raw(kt: KorusTicket, reservation: str, reference: str) -> None:
    body = {"reservations": [reservation], "customer": CUSTOMER, "externalReference": reference}
    kt.call(ops.create_orders, body=body)
    kt.call(ops.create_orders, body=body)


def test_double_ordering_is_a_sandbox_switch(kt: KorusTicket, sandbox: Sandbox) -> None:
    held = kt.reserve(item(next(offers(sandbox, sessions=False))))
    with pytest.raises(ValidationError, match="already been ordered"):
        order_twice_raw(kt, held.reservations[0].iri, "TWICE-1")
    assert len(sandbox.state.orders) == 1
    lenient = Sandbox(seed=2, double_ordering=True)
    with lenient.client() as client:
        again = client.reserve(item(next(offers(lenient, sessions=False))))
        order_twice_raw(client, again.reservations[0].iri, "TWICE-2")
    assert len(lenient.state.orders) == 2


@pytest.mark.parametrize("double_ordering", [False, True])
def test_ordering_again_adopts_the_order_that_exists(double_ordering: bool) -> None:
    sandbox = Sandbox(seed=2, double_ordering=double_ordering)
    with sandbox.client(booking_policy=FAST) as kt:
        held = kt.reserve(item(next(offers(sandbox, sessions=False))))
        first = kt.order(held, customer=CUSTOMER, external_reference="TWICE-3")
    with sandbox.client(booking_policy=FAST) as fresh_client:  # a retried job: a new client, the same facts
        again = fresh_client.order(held, customer=CUSTOMER, external_reference="TWICE-3")
    assert len(sandbox.state.orders) == 1
    assert first.adopted == []
    assert [order.id for order in again.orders] == [order.id for order in again.adopted] == [first.orders[0].id]
    assert requests_to(sandbox, "create_orders") == 1


def test_beneficiaries_are_checked_against_what_the_ticket_requires(kt: KorusTicket, sandbox: Sandbox) -> None:
    booking = kt.book(
        item(next(offers(sandbox, sessions=False, named=True))), customer=CUSTOMER, external_reference="NAMED"
    )
    (pending,) = kt.pending_beneficiaries(booking.order)
    assert pending.required_fields == ["firstname", "lastname"]
    assert pending.deadline is not None
    with pytest.raises(
        ValueError, match=r"^beneficiary\.date_of_birth: not a field the API has; did you mean 'dateOfBirth'\?"
    ):
        kt.set_beneficiary(pending, {"firstname": "Alan", "lastname": "Turing", "date_of_birth": "1912-06-23"})  # type: ignore[typeddict-unknown-key]
    with pytest.raises(ValueError, match=r"^beneficiary\.lastname: must not be blank"):
        kt.set_beneficiary(pending, {"firstname": "Alan", "lastname": " "})
    with pytest.raises(ValueError, match=r"^beneficiary\.dateOfBirth: expected a date"):
        kt.set_beneficiary(pending, {"firstname": "Alan", "lastname": "Turing", "dateOfBirth": "23/06/1912"})
    with pytest.raises(ValueError, match=r"wait for a beneficiary"):
        kt.download_documents(booking.order, Path("."))
    assert requests_to(sandbox, "update_order_item_ticket") == 0
    updated = kt.set_beneficiary(pending, {"firstname": "Alan", "lastname": "Turing", "dateOfBirth": "1912-06-23"})
    assert updated.status == "validated"
    assert kt.pending_beneficiaries(booking.order) == []


def test_documents_download_refreshes_an_expired_url_and_never_sends_the_jwt(sandbox: Sandbox, tmp_path: Path) -> None:
    class ExpiresOnce(SandboxTransport):
        """The signed URL expires between being issued and being used, once."""

        expired = False

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if str(request.url).startswith(sandbox.storage_url) and not self.expired:
                self.expired = True
                sandbox.clock.advance(minutes=16)
            return super().handle_request(request)

    with KorusTicket(transport=ExpiresOnce(sandbox), **sandbox._options({"booking_policy": FAST})) as kt:
        booking = kt.book(item(next(offers(sandbox, sessions=True))), customer=CUSTOMER, external_reference="DOCS")
        (path,) = kt.download_documents(booking.order, tmp_path, language="en")
        stream = io.BytesIO()
        written = kt.stream_documents(booking.order, stream)
    assert path.read_bytes().startswith(b"%PDF-")
    assert written == len(stream.getvalue()) > 0
    storage = sandbox.state.storage_requests
    assert [request.status for request in storage] == [403, 200, 200]
    assert not any(request.authorization_sent for request in storage)
    assert requests_to(sandbox, "update_order_document") == 3  # refreshed once


@pytest.mark.parametrize("field", ["document", "order"])
def test_an_id_from_the_server_never_becomes_a_path(sandbox: Sandbox, tmp_path: Path, field: str) -> None:
    """A document or order id that is not a UUID (`../../x`) is the server's fault: refused before any file."""

    class Traversal(SandboxTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            path = request.url.path
            hit = path.endswith("/documents") if field == "document" else path.count("/") == 4 and "orders/" in path
            if request.method != "GET" or not hit:
                return response
            body = json.loads(response.read())
            target = body if field == "order" else body["member"][0]
            assert field == "order" or target["@type"] == "BookingOrderDocument"
            target["id"] = "../../../escape-" + target["id"]
            return httpx.Response(response.status_code, headers=response.headers, json=body)

    inside = tmp_path / "tickets"
    inside.mkdir()
    with KorusTicket(transport=Traversal(sandbox), **sandbox._options({"booking_policy": FAST})) as kt:
        booking = kt.book(item(next(offers(sandbox, sessions=True))), customer=CUSTOMER, external_reference="PATH")
        with pytest.raises(MissingFieldError, match=rf"^{field}\.id: expected a UUID .* in the API's answer"):
            kt.download_documents(str(booking.order.id), inside)
    assert list(tmp_path.rglob("*.pdf")) == []


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("id", "/v1/elsewhere", r"tickets\[\]\.id: expected a UUID .* in the API's answer"),
        ("dateAccess", "yes", r"tickets\[\]\.dateAccess: expected true or false in the API's answer"),
    ],
)
def test_a_ticket_field_from_the_server_that_is_not_one_is_the_servers_fault(
    sandbox: Sandbox, key: str, value: str, message: str
) -> None:
    """An offer whose tickets carry an IRI for an id, or a word for a flag: a MissingFieldError, not the caller's
    InvalidRequestError, and nothing reserved or ordered."""

    class OddTickets(SandboxTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if request.method != "GET" or "/offers/" not in request.url.path or "/tickets" in request.url.path:
                return response
            offer = json.loads(response.read())
            for ticket in offer.get("tickets", []):
                ticket[key] = value
            return httpx.Response(response.status_code, headers=response.headers, content=json.dumps(offer).encode())

    offer = next(offers(sandbox, sessions=False))
    with (
        KorusTicket(transport=OddTickets(sandbox), **sandbox._options({"booking_policy": FAST})) as kt,
        pytest.raises(MissingFieldError, match=message),
    ):
        kt.book(item(offer), customer=CUSTOMER, external_reference=f"ODD-{key}")
    assert not [o for o in sandbox.state.orders.values() if o.external_reference == f"ODD-{key}"]


@pytest.mark.parametrize(
    ("customer", "message"),
    [
        ({**CUSTOMER, "email": "ada"}, r"^customer\.email: expected an email address"),
        ({**CUSTOMER, "lastname": ""}, r"^customer\.lastname: must not be blank"),
        ({**CUSTOMER, "country": "France"}, r"^customer\.country: expected an ISO 3166-1 country code"),
        ({**CUSTOMER, "language": "French"}, r"^customer\.language: expected an ISO 639-1"),
        ({**CUSTOMER, "title": "dr"}, r"^customer\.title: expected 'mr', 'mrs' or 'mx'"),
        ({**CUSTOMER, "phone": "call me"}, r"^customer\.phone: expected a phone number"),
        (
            {**CUSTOMER, "first_name": "Ada"},
            r"^customer\.first_name: not a field the API has; did you mean 'firstname'",
        ),
        ({"firstname": "Ada", "lastname": "Lovelace"}, r"^customer\.email: required"),
    ],
)
def test_bad_customers_are_refused_before_anything_is_held(
    kt: KorusTicket, sandbox: Sandbox, customer: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        kt.book(item(next(offers(sandbox, sessions=False))), customer=customer, external_reference="BAD")
    assert list(sandbox.state.handled) == []


def test_a_reference_the_orders_filter_cannot_find_is_refused_up_front(kt: KorusTicket, sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match=r"^external_reference: 51 characters; .* accepts only 50"):
        kt.book(item(next(offers(sandbox, sessions=False))), customer=CUSTOMER, external_reference="R" * 51)
    assert list(sandbox.state.handled) == []


def test_sessions_are_checked_locally(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = next(offers(sandbox, sessions=True))
    day_ticket = next(t for t in offer.tickets if t.date_access)
    show = next(t for t in offer.tickets if not t.date_access)
    other = next(o for o in offers(sandbox, sessions=True) if o.id != offer.id)
    other_session = next(t for t in other.tickets if not t.date_access).sessions[0]
    offer_iri = iri.offer(offer.catalog_id, offer.id)
    cases = [
        (Item(offer_iri, quantity=0), r"^items\[0\]\.quantity: expected an integer >= 1, got 0"),
        (Item(offer_iri), r"^items\[0\]\.sessions: ticket .* needs a session"),
        (
            Item(offer_iri, sessions={day_ticket.id: show.sessions[0].id, show.id: show.sessions[0].id}),
            "takes no session",
        ),
        (
            Item(
                offer_iri,
                session=iri.offer_ticket_session(other.catalog_id, other.id, other.tickets[-1].id, other_session.id),
            ),
            r"is not a session of this ticket",
        ),
        (Item(offer_iri, sessions={"not-a-ticket": "x"}), r"ticket 'not-a-ticket' is not one of this offer's"),
        (Item(offer.id), r"^items\[0\]\.catalog_id: required when the offer is given by id"),
        (Item(offer_iri, session="garbage"), r"^items\[0\]\.session: expected a UUID like "),
        (
            Item(offer_iri, sessions={day_ticket.id: None, show.id: "garbage"}),
            rf"^items\[0\]\.sessions\['{show.id}'\]: expected a UUID like ",
        ),
    ]
    for bad, message in cases:
        with pytest.raises(ValueError, match=message):
            kt.reserve(bad)
    assert requests_to(sandbox, "create_reservations") == 0
    assert kt.reserve(Item(offer.id, catalog_id=offer.catalog_id, session=show.sessions[1].id)).ok


def test_choosing_what_to_book(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = next(offers(sandbox, sessions=True))
    choice = kt.offer_choice(iri.offer(offer.catalog_id, offer.id))
    assert [(ticket.needs_session, len(ticket.sessions)) for ticket in choice.tickets] == [
        (not ticket.date_access, 0 if ticket.date_access else len(ticket.sessions)) for ticket in offer.tickets
    ]
    assert choice.beneficiaries_may_be_required is False
    named = kt.offer_choice(iri.offer(offer.catalog_id, next(offers(sandbox, sessions=False, named=True)).id))
    assert named.beneficiaries_may_be_required is True
    realtime = next(o for o in sandbox.state.data.offers.values() if o.catalog_id == sandbox.stadium_catalog_id)
    priced = kt.offer_choice(iri.offer(realtime.catalog_id, realtime.id))
    assert priced.offer.realtime_price_required is True
    assert priced.price > 0
    for bad in (123, "nope"):
        with pytest.raises(ValueError, match=r"^offer: expected an offer IRI|^offer: expected a UUID"):
            kt.offer_choice(bad)  # type: ignore[arg-type]
    evening = next(ticket for ticket in choice.tickets if ticket.needs_session).sessions[0]
    held = kt.reserve(Item(choice.offer, session=evening))  # the SessionChoice itself, as Item's docstring shows
    assert held.ok
    (reserved,) = sandbox.state.reservations.values()
    assert evening.id in reserved.items[0].sessions.values()


class Recording(SandboxTransport):
    """The sandbox's transport, keeping every request's URL."""

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__(sandbox)
        self.urls: list[httpx.URL] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.urls.append(request.url)
        return super().handle_request(request)


def test_calendar_uses_the_documented_date_range(sandbox: Sandbox) -> None:
    product = next(offers(sandbox, sessions=True)).product_id
    transport = Recording(sandbox)
    with KorusTicket(transport=transport, **sandbox._options({})) as kt:
        days = kt.calendar(sandbox.catalog_id, date(2025, 6, 2), date(2025, 6, 5), product=product)
        with pytest.raises(ValueError, match=r"^end: expected a day on or after start"):
            kt.calendar(sandbox.catalog_id, date(2025, 6, 5), date(2025, 6, 2))
    assert [day.day for day in days] == [date(2025, 6, d) for d in (2, 3, 4, 5)]
    assert all(day.price > 0 for day in days)
    (listed,) = [url for url in transport.urls if url.path.endswith("/offers")]  # one page, nothing after a refusal
    assert listed.params["date[after]"] == "2025-06-02"  # the documented filters, not a scan of the catalog
    assert listed.params["date[before]"] == "2025-06-05"
    assert listed.params.get_list("product[]") == [product]
    assert listed.params["order[date]"] == "asc"


async def test_the_async_client_books_too(sandbox: Sandbox, tmp_path: Path) -> None:
    async def pay(hold: Any) -> bool:
        return True

    async with sandbox.async_client(booking_policy=FAST) as kt:
        booking = await kt.book(
            item(next(offers(sandbox, sessions=False, named=True))),
            customer=CUSTOMER,
            external_reference="ASYNC",
            confirm_payment=pay,
        )
        for pending in await kt.pending_beneficiaries(booking.order):
            await kt.set_beneficiary(pending, {"firstname": "Alan", "lastname": "Turing"})
        (path,) = await kt.download_documents(booking.order, tmp_path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert [order.external_reference for order in sandbox.state.orders.values()] == ["ASYNC"]


def test_a_refusal_after_part_of_the_order_was_placed_is_reported_not_raised() -> None:
    sandbox = Sandbox(seed=2, double_ordering=True)
    first, second = [*offers(sandbox, sessions=False)][:2]
    with sandbox.client(booking_policy=FAST) as kt:
        held = kt.reserve([item(first), item(second)])
        sandbox.faults.inject("item_failure", operation="create_orders")  # the first reservation is refused
        sandbox.faults.inject("drop_after_commit", operation="create_orders")  # ... and the answer is lost
        sandbox.faults.inject("status", operation="create_orders", status=422)  # the retry for it is refused
        placed = kt.order(held, customer=CUSTOMER, external_reference="PART-3")
    assert placed.recovered
    assert [order.reservation for order in placed.orders] == [held.reservations[1].iri]
    assert [failure.index for failure in placed.failures] == [0]
    assert len(sandbox.state.orders) == 1


def test_booking_calls_take_their_own_timeout_and_retries(sandbox: Sandbox) -> None:
    chosen = item(next(offers(sandbox, sessions=False)))
    with sandbox.client(booking_policy=FAST, retry=RetryPolicy(max_retries=2, initial_delay=0.0, max_delay=0.0)) as kt:
        sandbox.faults.inject("status", status=503, operation="get_offer")
        with pytest.raises(ServerError):
            kt.reserve(chosen, max_retries=0)  # this call's own: no retry
        sandbox.faults.inject("status", status=503, operation="get_offer")
        assert kt.reserve(chosen, timeout=5).ok  # the client's two retries cover it
        quick = kt.with_options(max_retries=0)
        sandbox.faults.inject("status", status=503, operation="get_offer")
        with pytest.raises(ServerError):
            quick.reserve(chosen)  # the copy's default reaches the booking calls too
