"""Helpers shared by the sandbox tests (and by the tests of other packages that use the sandbox).

- Spec validation: `check_against_spec`, and `Validated`, whose transports check every API answer against
  openapi.yaml (openapi-core).
- Request bodies: `CUSTOMER`, `offer_with`, `item`, `post`, `ticket_sessions`.
- `tour_of_every_operation`: each of the 29 operations called once, validated (the conformance test takes
  its real path identifiers from it).
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

from codegen.specfile import load_spec
from korusticket import KorusTicket, iri
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from korusticket.testing.catalog import Offer
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport
from korusticket_client.api.booking_order import create_orders, get_order, list_orders
from korusticket_client.api.booking_order_document import (
    get_order_document,
    list_order_documents,
    update_order_document,
)
from korusticket_client.api.booking_order_item_ticket import get_order_item_ticket, update_order_item_ticket
from korusticket_client.api.booking_reservation import create_reservations, get_reservation, list_reservations
from korusticket_client.api.ticketing_catalog import get_catalog, list_catalogs
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from korusticket_client.api.ticketing_offer_availability import get_offer_availability
from korusticket_client.api.ticketing_offer_price import get_offer_price
from korusticket_client.api.ticketing_offer_ticket import get_offer_ticket, list_offer_tickets
from korusticket_client.api.ticketing_offer_ticket_session import get_offer_ticket_session
from korusticket_client.api.ticketing_product import get_product, list_product_base_products, list_products
from korusticket_client.api.ticketing_product_base import get_product_base, list_product_bases
from korusticket_client.api.ticketing_product_base_option import get_product_base_option, list_product_base_options
from korusticket_client.api.ticketing_product_base_option_value import list_product_base_option_values
from korusticket_client.api.ticketing_seat_map import get_seat_map
from tests.conftest import ROOT


@cache
def openapi() -> OpenAPI:
    json_types = {"application/ld+json": json_loads, "application/merge-patch+json": json_loads}
    return OpenAPI.from_dict(load_spec(ROOT / "openapi.yaml"), config=Config(extra_media_type_deserializers=json_types))


class OpenAPIRequest:
    """httpx.Request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )


class OpenAPIResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))
        self.data = response.content


def check_against_spec(request: httpx.Request, response: httpx.Response) -> None:
    """Raise if an API response is not what openapi.yaml documents for its operation and status."""
    if not request.url.path.startswith("/v1/") or response.status_code == 401:
        return  # the token endpoint and storage host are not the API; 401s come from the JWT firewall
    response.read()
    try:
        openapi().validate_response(OpenAPIRequest(request), OpenAPIResponse(response))
    except OperationNotFound:
        # A path of the API, another method: API Platform answers 405 and names the allowed methods.
        assert response.status_code == 405, response.text
        assert response.headers["allow"]
    except PathNotFound:
        # Not a path of the API: the sandbox must say so the way the API does.
        body = response.json()
        assert response.status_code == 404, body
        assert (body["@type"], body["status"], body["title"]) == ("Error", 404, "Not Found"), body


class Validated:
    """Wraps the sandbox transports: every response is checked against the spec before the client sees it."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.checked = 0

    def transport(self) -> httpx.BaseTransport:
        inner = SandboxTransport(self.sandbox)
        outer = self

        class Transport(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                response = inner.handle_request(request)
                check_against_spec(request, response)
                outer.checked += 1
                return response

        return Transport()

    def async_transport(self) -> httpx.AsyncBaseTransport:
        inner = AsyncSandboxTransport(self.sandbox)
        outer = self

        class Transport(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                response = await inner.handle_async_request(request)
                check_against_spec(request, response)
                outer.checked += 1
                return response

        return Transport()


def options(sandbox: Sandbox, **extra: Any) -> dict[str, Any]:
    """A client's options for `sandbox` (its credentials and token URL), with `extra` on top."""
    return sandbox._options(extra)


CUSTOMER = {"firstname": "Ana", "lastname": "Lopez", "email": "ana@example.com"}


def offer_with(sandbox: Sandbox, *, sessions: bool) -> Offer:
    return next(
        offer
        for offer in sandbox.state.data.offers.values()
        if offer.catalog_id == sandbox.catalog_id
        and offer.capacity is not None
        and any(not ticket.date_access for ticket in offer.tickets) is sessions
    )


def post(kt: KorusTicket, path: str, body: Any) -> Any:
    """POST raw JSON, past the facade's own checks, to see the sandbox's answer (errors still raise)."""
    return kt.http.post(path, json=body, headers={"content-type": "application/ld+json"}).json()


def item(offer: Offer, quantity: int = 1, session_index: int = 0) -> dict[str, Any]:
    chosen = []
    for ticket in offer.tickets:
        entry = {"ticket": iri.offer_ticket(offer.catalog_id, offer.id, ticket.id)}
        if not ticket.date_access:
            session = ticket.sessions[session_index]
            entry["session"] = iri.offer_ticket_session(offer.catalog_id, offer.id, ticket.id, session.id)
        chosen.append(entry)
    return {"offer": iri.offer(offer.catalog_id, offer.id), "quantity": quantity, "ticketSessions": chosen}


TOUR_CUSTOMER = {"firstname": "Jeanne", "lastname": "Martin", "email": "jeanne.martin@example.com", "title": "mrs"}


def ticket_sessions(kt: KorusTicket, catalog: str, offer: Any) -> list[dict[str, str]]:
    tickets = kt.call(list_offer_tickets, catalog_id=catalog, offer_id=offer.id).member
    chosen = []
    for ticket in tickets:
        entry = {"ticket": iri.of(ticket)}
        if not ticket.date_access:
            entry["session"] = iri.of(ticket.sessions[0])
        chosen.append(entry)
    return chosen


def tour_of_every_operation(kt: KorusTicket, sandbox: Sandbox, validated: Validated) -> None:
    """Call each operation once on `sandbox` through `kt` (a client whose answers `validated` checks)."""
    park, stadium = sandbox.catalog_id, sandbox.stadium_catalog_id
    catalogs = kt.call(list_catalogs)
    assert {c.id for c in catalogs.member} == {park, stadium}
    kt.call(get_catalog, id=park)
    bases = kt.call(list_product_bases, catalog_id=park, with_disabled=True).member
    assert any(base.disabled for base in bases)
    match = kt.call(list_product_bases, catalog_id=stadium).member[0]
    kt.call(get_product_base, catalog_id=stadium, id=match.id)
    options = kt.call(list_product_base_options, catalog_id=stadium, id=match.id).member
    assert {option.code for option in options} == {"price_type", "seating_category", "zone"}
    kt.call(get_product_base_option, catalog_id=stadium, product_base_id=match.id, code="zone")
    values = kt.call(list_product_base_option_values, catalog_id=stadium, product_base_id=match.id, code="zone")
    assert len(values.member) == 2
    seat_map = sandbox.state.data.product_bases[match.id].seat_map
    assert seat_map is not None
    kt.call(get_seat_map, catalog_id=stadium, product_base_id=match.id, id=seat_map.id)
    products = kt.call(list_product_base_products, catalog_id=stadium, product_base_id=match.id).member
    kt.call(get_product, catalog_id=stadium, id=products[0].id)
    all_products = kt.call(list_products, catalog_id=park, items_per_page=50)
    offers = kt.call(list_offers, catalog_id=park, product=all_products.member[2].id, items_per_page=1)
    offer = offers.member[0]
    kt.call(get_offer, catalog_id=park, id=offer.id)
    kt.call(get_offer_availability, catalog_id=park, id=offer.id)
    kt.call(get_offer_price, catalog_id=stadium, id=kt.call(list_offers, catalog_id=stadium).member[0].id)
    tickets = kt.call(list_offer_tickets, catalog_id=park, offer_id=offer.id).member
    kt.call(get_offer_ticket, catalog_id=park, offer_id=offer.id, id=tickets[0].id)
    with_sessions = next(ticket for ticket in tickets if not ticket.date_access)
    kt.call(
        get_offer_ticket_session,
        catalog_id=park,
        offer_id=offer.id,
        ticket_id=with_sessions.id,
        id=with_sessions.sessions[0].id,
    )
    created = kt.call(
        create_reservations,
        body={"items": [{"offer": iri.of(offer), "quantity": 2, "ticketSessions": ticket_sessions(kt, park, offer)}]},
    )
    reservation = created.reservations[0]
    kt.call(get_reservation, id=reservation.id)
    kt.call(list_reservations, order_created_at="desc")
    ordered = kt.call(
        create_orders,
        body={"reservations": [iri.of(reservation)], "customer": TOUR_CUSTOMER, "externalReference": "TOUR-1"},
    )
    order = ordered.orders[0]
    kt.call(get_order, id=order.id)
    kt.call(list_orders, external_reference="TOUR-1", created_at_after="2025-06-01")
    documents = kt.call(list_order_documents, order_id=order.id).member
    kt.call(get_order_document, order_id=order.id, id=documents[0].id)
    ticket = order.items[0].tickets[0]
    kt.call(get_order_item_ticket, order_id=order.id, order_item_id=order.items[0].id, id=ticket.id)
    kt.call(update_order_document, order_id=order.id, id=documents[0].id, body={})

    # A product whose tickets need a named beneficiary.
    emotion = next(p for p in all_products.member if "Emotion" in p.name)
    day_offer = kt.call(list_offers, catalog_id=park, product=emotion.id).member[0]
    reserved = kt.call(
        create_reservations,
        body={
            "items": [
                {"offer": iri.of(day_offer), "quantity": 1, "ticketSessions": ticket_sessions(kt, park, day_offer)}
            ]
        },
    ).reservations[0]
    named = kt.call(
        create_orders,
        body={"reservations": [iri.of(reserved)], "customer": TOUR_CUSTOMER, "externalReference": "TOUR-2"},
    ).orders[0]
    waiting = named.items[0].tickets[0]
    assert waiting.status == "waiting_beneficiary_data"
    assert waiting.required_beneficiary_fields == ["firstname", "lastname"]
    updated = kt.call(
        update_order_item_ticket,
        order_id=named.id,
        order_item_id=named.items[0].id,
        id=waiting.id,
        body={"beneficiary": {"firstname": "Jeanne", "lastname": "Martin", "title": "mrs"}},
    )
    assert updated.status == "validated"

    served = {handled.operation for handled in sandbox.state.handled if handled.operation}
    assert served == {operation.name for operation in OPERATIONS}
    assert validated.checked >= 29
