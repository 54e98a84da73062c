"""What the booking tests share: the customer, offers of the sandbox by kind, items for them, request counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from korusticket import BookingPolicy, Item, RetryPolicy, iri
from korusticket.testing import Sandbox
from korusticket.testing.catalog import Offer

CUSTOMER: Any = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
FAST = BookingPolicy(first_wait=0.0, max_wait=0.0, settle_timeout=0.0, order_in_flight=0.0)
"""No waiting between attempts, and no patience for reading back."""
NO_WAIT = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def offers(sandbox: Sandbox, *, sessions: bool, named: bool = False) -> Iterator[Offer]:
    """Offers of the park catalog with (or without) a ticket needing a session, and named beneficiaries or not."""
    data = sandbox.state.data
    for offer in data.offers.values():
        base = data.product_bases[data.products[offer.product_id].product_base_id]
        if (
            offer.catalog_id == sandbox.catalog_id
            and any(not ticket.date_access for ticket in offer.tickets) is sessions
            and base.beneficiary_info_may_be_required is named
        ):
            yield offer


def item(offer: Offer, quantity: int = 1) -> Item:
    """An item for `offer`, each ticket that needs one given its first session."""
    sessions = {t.id: t.sessions[0].id for t in offer.tickets if not t.date_access}
    return Item(iri.offer(offer.catalog_id, offer.id), quantity=quantity, sessions=sessions)


def requests_to(sandbox: Sandbox, operation: str) -> int:
    """How many requests for `operation` the sandbox handled."""
    return sum(handled.operation == operation for handled in sandbox.state.handled)


def orders_of(sandbox: Sandbox, reference: str) -> list[Any]:
    """The sandbox's orders under `reference`."""
    return [order for order in sandbox.state.orders.values() if order.external_reference == reference]
