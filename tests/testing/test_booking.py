"""Booking semantics: capacity under concurrency, expiry, per-item failures, the 422 pre-checks."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from korusticket import AsyncKorusTicket, KorusTicket, ValidationError, iri
from korusticket.testing import Sandbox
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.booking_reservation import create_reservations, get_reservation
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from tests.testing.helpers import CUSTOMER, item, offer_with, post


async def test_200_concurrent_reservations_never_oversell(akt: AsyncKorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=False)
    offer.capacity = 57
    results = await asyncio.gather(*(akt.call(create_reservations, body={"items": [item(offer)]}) for _ in range(200)))
    made = sum(len(result.reservations) for result in results)
    failed = [failure for result in results for failure in result.failed_reservations]
    assert made == 57
    assert len(failed) == 143
    assert all("Not enough places left for this offer: 0 remaining" in failure.message for failure in failed)
    assert offer.available == 0
    assert sandbox.state.reserved_quantity(offer.id) == 57
    availability = await akt.call(get_offer_availability, catalog_id=offer.catalog_id, id=offer.id)
    assert availability.available_quantity == 0


async def test_session_capacity_is_shared_by_concurrent_tasks(akt: AsyncKorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=True)
    offer.capacity = 1000
    session = next(t for t in offer.tickets if not t.date_access).sessions[0]
    session.capacity = 23
    results = await asyncio.gather(
        *(akt.call(create_reservations, body={"items": [item(offer, quantity=2)]}) for _ in range(20))
    )
    made = sum(len(result.reservations) for result in results)
    assert made == 11  # 11 x 2 = 22 <= 23 < 24
    assert session.available == 1
    assert offer.reserved == 22


def test_threads_never_oversell(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=False)
    offer.capacity = 10
    made: list[int] = []

    def worker() -> None:
        result = kt.call(create_reservations, body={"items": [item(offer)]})
        made.append(len(result.reservations))

    threads = [threading.Thread(target=worker) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(made) == 10
    assert offer.available == 0


def test_expiry_releases_capacity_on_the_sandbox_clock(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=True)
    start = offer.available
    session = next(t for t in offer.tickets if not t.date_access).sessions[1]
    session_start = session.available
    reservation = kt.call(create_reservations, body={"items": [item(offer, quantity=3, session_index=1)]}).reservations[
        0
    ]
    assert offer.available == start - 3
    assert session.available == session_start - 3
    sandbox.clock.advance(minutes=14, seconds=59)
    assert kt.call(get_reservation, id=reservation.id).expired is False
    sandbox.clock.advance(seconds=1)
    expired = kt.call(get_reservation, id=reservation.id)
    assert expired.expired is True
    assert expired.status == "released"
    assert offer.available == start
    assert session.available == session_start


def test_ordered_reservations_keep_their_places(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=False)
    start = offer.available
    reservation = kt.call(create_reservations, body={"items": [item(offer, quantity=2)]}).reservations[0]
    kt.call(create_orders, body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "K"})
    sandbox.clock.advance(hours=1)
    assert kt.call(get_reservation, id=reservation.id).expired is False
    assert offer.available == start - 2


def test_bulk_calls_report_each_failure(kt: KorusTicket, sandbox: Sandbox) -> None:
    full = offer_with(sandbox, sessions=False)
    full.capacity = full.reserved + 1
    other = next(o for o in sandbox.state.data.offers.values() if o.capacity is not None and o is not full)
    result = kt.call(create_reservations, body={"items": [item(full, quantity=2), item(other), item(full)]})
    assert len(result.reservations) == 2
    (failure,) = result.failed_reservations
    assert failure.offer == iri.offer(full.catalog_id, full.id)
    assert failure.quantity == 2
    sandbox.faults.inject("item_failure", operation="create_orders", message="Connector timeout at the park")
    ordered = kt.call(
        create_orders,
        body={"reservations": [iri.of(r) for r in result.reservations], "customer": CUSTOMER, "externalReference": "B"},
    )
    assert len(ordered.orders) == 1
    (failed_order,) = ordered.failed_orders
    assert failed_order.reservation == iri.of(result.reservations[0])
    assert failed_order.message == "Connector timeout at the park"


@pytest.mark.parametrize(
    ("body", "paths"),
    [
        ({}, {"items"}),
        ({"items": []}, {"items"}),
        ({"items": [{"quantity": 1}]}, {"items[0].offer"}),
        ({"items": [{"offer": "/v1/ticketing/catalogs/x/offers/y", "quantity": 1}]}, {"items[0].offer"}),
        ("OFFER_ZERO", {"items[0].quantity"}),
        ("OFFER_NO_SESSION", {"items[0].ticketSessions[1].session"}),
        ("OFFER_MISSING_TICKET", {"items[0].ticketSessions"}),
    ],
)
def test_reservation_pre_check_violations(kt: KorusTicket, sandbox: Sandbox, body: Any, paths: set[str]) -> None:
    offer = offer_with(sandbox, sessions=True)
    full = item(offer)
    if body == "OFFER_ZERO":
        body = {"items": [{**full, "quantity": 0}]}
    elif body == "OFFER_NO_SESSION":
        body = {
            "items": [
                {**full, "ticketSessions": [full["ticketSessions"][0], {"ticket": full["ticketSessions"][1]["ticket"]}]}
            ]
        }
    elif body == "OFFER_MISSING_TICKET":
        body = {"items": [{**full, "ticketSessions": full["ticketSessions"][:1]}]}
    with pytest.raises(ValidationError) as caught:
        post(kt, "/v1/booking/reservations/_bulk", body)
    assert {violation.property_path for violation in caught.value.violations} == paths
    assert sandbox.state.reservations == {}


def test_order_pre_check_violations(kt: KorusTicket, sandbox: Sandbox) -> None:
    offer = offer_with(sandbox, sessions=False)
    reservation = kt.call(create_reservations, body={"items": [item(offer)]}).reservations[0]
    body = {
        "reservations": [iri.of(reservation), "/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746"],
        "customer": {"firstname": "Ana", "lastname": "", "email": "not-an-email", "title": "dr"},
        "externalReference": "x" * 256,
    }
    with pytest.raises(ValidationError) as caught:
        post(kt, "/v1/booking/orders/_bulk", body)
    found = {(v.property_path, v.message) for v in caught.value.violations}
    assert found == {
        ("externalReference", "This value is too long. It should have 255 characters or less."),
        ("customer.lastname", "This value should not be blank."),
        ("customer.email", "This value is not a valid email address."),
        ("customer.title", "The value you selected is not a valid choice."),
        ("reservations[1]", 'Item not found for "/v1/booking/reservations/0194b10f-3ddd-70a5-a96a-d1026cd42746".'),
    }
    assert sandbox.state.orders == {}
    kt.call(create_orders, body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "1"})
    with pytest.raises(ValidationError, match="already been ordered"):
        kt.call(
            create_orders, body={"reservations": [iri.of(reservation)], "customer": CUSTOMER, "externalReference": "2"}
        )
