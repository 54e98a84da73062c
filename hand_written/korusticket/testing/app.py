"""The sandbox's request handling: routing, authentication, validation and the 29 operations.

`SandboxApp.handle` turns one `httpx.Request` into one `httpx.Response`, synchronously and under the
state lock, so concurrent requests (threads, tasks, or the served mode) never see a half-made change:
capacity cannot be oversold. Faults are not applied here but by the transports around it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import itertools
import json
import operator
import random
import re
import secrets
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode, urlsplit

import attrs
import httpx

import korusticket_client.models as models
from korusticket import iri
from korusticket._iri_core import ALL_BY_SPECIFICITY, operation_at
from korusticket._operation import Operation, Parameter
from korusticket.testing import render
from korusticket.testing.catalog import Ids, Offer, ProductBase, genid, ordered_offers
from korusticket.testing.state import (
    Document,
    Handled,
    IssuedTicket,
    Order,
    OrderedItem,
    Reservation,
    ReservedItem,
    StorageRequest,
)

if TYPE_CHECKING:
    from korusticket.testing.sandbox import Sandbox

TOKEN_PATH = "/realms/korusticket/protocol/openid-connect/token"
JSONLD = "application/ld+json; charset=utf-8"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RANGE_FILTERS: tuple[tuple[str, Callable[[Any, Any], bool]], ...] = (
    ("after", operator.ge),
    ("strictly_after", operator.gt),
    ("before", operator.le),
    ("strictly_before", operator.lt),
)
"""API Platform's date filter: `x[after]` keeps x >= value, and so on."""

# Symfony's constraint codes (what API Platform puts in `code`), and the API's expired-reservation code.
NOT_BLANK = "c1051bb4-d103-4f74-8988-acbcafc7fdc3"
TOO_FEW = "bef8e338-6ae5-4caf-b8e2-50e7b0579e69"
TOO_LONG = "d94b19cc-114f-4f44-9cc4-4138e80a87b9"
NOT_POSITIVE = "778b7ae0-84d3-481a-9dec-35fdb64b1d78"
NO_SUCH_CHOICE = "8e179f1b-97aa-4560-a02f-2a8b42e49df7"
BAD_EMAIL = "bd79c0ab-ddba-46cc-a703-a7a4b08de310"
BAD_TYPE = "ba785a8c-82cb-4283-967c-3cf342181b40"
EXPIRED = "d53a91b0-def3-426a-83d7-269da7ab4200"


def sandbox_code(name: str) -> str:
    """Codes for rules the vendor's docs do not name: stable UUIDs of our own."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://sandbox.korusticket.test/violations/{name}"))


NOT_FOUND_ITEM = sandbox_code("item-not-found")
SESSION_RULE = sandbox_code("ticket-sessions")
ALREADY_ORDERED = sandbox_code("already-ordered")
BENEFICIARY_MISSING = sandbox_code("beneficiary-missing")
NO_BENEFICIARY = sandbox_code("no-beneficiary")
TOO_MANY = sandbox_code("max-amount-per-order")


class Reply(Exception):
    # A control-flow signal rather than an error: raised to answer at once.
    """Stop handling and answer with this response."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def reply_error(status: int, detail: str, title: str = "An error occurred") -> Reply:
    return Reply(status, render.error(status, detail, title))


class Violations:
    """Collects 422 violations; `raise_if_any()` answers with all of them at once."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str, str]] = []

    def add(self, path: str, message: str, code: str) -> None:
        self.found.append((path, message, code))

    def raise_if_any(self) -> None:
        if self.found:
            raise Reply(422, render.violations(self.found))


@dataclass
class Call:
    """One API request being handled."""

    request: httpx.Request
    operation: Operation
    path: dict[str, str]
    query: dict[str, list[str]]
    language: str
    now: datetime

    def one(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def body(self, media_types: tuple[str, ...]) -> Any:
        content_type = self.request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type not in media_types:
            supported = ", ".join(media_types)
            raise reply_error(
                415, f'The content-type "{content_type}" is not supported. Supported MIME types are "{supported}".'
            )
        try:
            return json.loads(self.request.content or b"null")
        except ValueError:
            raise reply_error(400, "Syntax error") from None


def _language(header: str | None) -> str:
    for part in (header or "").split(","):
        tag = part.split(";", 1)[0].strip().lower()[:2]
        if tag in ("fr", "en"):
            return tag
    return "fr"


ROUTED = "korusticket.sandbox.route"


def routed(request: httpx.Request) -> tuple[Operation | None, list[str]]:
    """`route()` for an API request, computed once per request (kept in its extensions)."""
    found = request.extensions.get(ROUTED)
    if found is None:
        found = route(request.method, request.url.path) if request.url.path.startswith("/v1/") else (None, [])
        request.extensions[ROUTED] = found
    return found


def route(method: str, path: str) -> tuple[Operation | None, list[str]]:
    """The operation serving `method path`, and the methods the path answers (empty: 404; else 405)."""
    operation = operation_at(method.upper(), path)
    if operation is not None:
        return operation, [operation.method]
    return None, [other.method for other in ALL_BY_SPECIFICITY if other.path_pattern.fullmatch(path)]


class SandboxApp:
    """Answers requests for one `Sandbox`."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.state = sandbox.state
        self.data = sandbox.state.data
        self.ids = Ids(random.Random(f"{sandbox.seed}/bookings"))
        self._rng = random.Random(f"{sandbox.seed}/references")
        self._signing_key = hashlib.sha256(f"{sandbox.seed}/storage".encode()).digest()
        # Per catalog, offers by date with their days beside them: a date range is two bisections, so a
        # page of the offers collection costs O(log N + page) rather than a scan of the whole catalog.
        self._offers: dict[str, list[Offer]] = {}
        for offer in ordered_offers(self.data):
            self._offers.setdefault(offer.catalog_id, []).append(offer)
        self._offer_days = {catalog: [offer.date for offer in offers] for catalog, offers in self._offers.items()}
        self._blank_nodes = itertools.count()

    # ------------------------------------------------------------------------------------- entry point

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self.state.lock:
            now = self.sandbox.clock.now()
            self.state.release_expired(now)
            try:
                response = self._dispatch(request, now)
            except Reply as answer:
                response = self._json(answer.status, answer.body, answer.headers)
            response.headers["Date"] = format_datetime(now, usegmt=True)
            operation = routed(request)[0]
            self.state.handled.append(
                Handled(request.method, request.url.path, operation.name if operation else None, response.status_code)
            )
            return response

    def _dispatch(self, request: httpx.Request, now: datetime) -> httpx.Response:
        url = str(request.url)
        if url.startswith(self.sandbox.storage_url + "/"):
            return self._storage(request, now)
        if request.url.path == TOKEN_PATH:
            return self._token_endpoint(request, now)
        operation, allowed = routed(request)
        if operation is None:
            if allowed:
                where = f"{request.method} {request.url.path}"
                error = reply_error(405, f'No route found for "{where}": Method Not Allowed')
                error.headers["Allow"] = ", ".join(sorted(set(allowed)))
                raise error
            raise reply_error(404, f'No route found for "{request.method} {request.url.path}"', "Not Found")
        self._authenticate(request, now)
        call = Call(
            request=request,
            operation=operation,
            path=self._path_parameters(operation, request.url.path),
            query=parse_qs(request.url.query.decode(), keep_blank_values=True),
            language=_language(request.headers.get("accept-language")),
            now=now,
        )
        self._check_query(call)
        handler: Callable[[Call], Any] | None = getattr(self, f"op_{operation.name}", None)
        if handler is None:  # an operation of a newer spec the sandbox has not learnt yet
            where = f"{operation.method} {operation.path}"
            raise reply_error(501, f"The sandbox has no handler for {operation.name} ({where})", "Not Implemented")
        status = self.sandbox.created_status if operation.method == "POST" else 200
        return self._json(status, handler(call))

    @staticmethod
    def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
        content_type = "application/json" if status == 401 else JSONLD
        return httpx.Response(
            status,
            content=json.dumps(body, ensure_ascii=False).encode(),
            headers={"content-type": content_type, **(headers or {})},
        )

    # ------------------------------------------------------------------------------------- auth

    def _authenticate(self, request: httpx.Request, now: datetime) -> None:
        header = request.headers.get("authorization")
        if not header:
            raise Reply(401, {"code": 401, "message": "JWT Token not found"})
        token = header.removeprefix("Bearer ").strip()
        expires = self.state.access_tokens.get(token)
        if expires is None:
            raise Reply(401, {"code": 401, "message": "Invalid JWT Token"})
        if now >= expires:
            raise Reply(401, {"code": 401, "message": "Expired JWT Token"})

    def issue_tokens(self, now: datetime) -> dict[str, Any]:
        access = "sbx_at_" + secrets.token_hex(16)
        refresh = "sbx_rt_" + secrets.token_hex(16)
        lifetime = self.sandbox.token_lifetime
        self.state.access_tokens[access] = now + timedelta(seconds=lifetime)
        self.state.refresh_tokens[refresh] = now + timedelta(seconds=lifetime)
        return {
            "access_token": access,
            "expires_in": lifetime,
            "refresh_expires_in": lifetime,
            "refresh_token": refresh,
            "token_type": "Bearer",
        }

    def _token_endpoint(self, request: httpx.Request, now: datetime) -> httpx.Response:
        def oauth_error(status: int, error: str, description: str) -> httpx.Response:
            return httpx.Response(status, json={"error": error, "error_description": description})

        self.state.token_requests += 1
        if request.method != "POST":
            return oauth_error(405, "invalid_request", "HTTP method not allowed")
        form = {key: values[0] for key, values in parse_qs(request.content.decode()).items()}
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        basic = request.headers.get("authorization", "")
        if basic.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(basic[6:]).decode().partition(":")
        if client_id != self.sandbox.client_id or client_secret != self.sandbox.client_secret:
            return oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if grant == "refresh_token":
            refresh = form.get("refresh_token", "")
            expires = self.state.refresh_tokens.pop(refresh, None)
            if expires is None or now >= expires:
                return oauth_error(400, "invalid_grant", "Invalid refresh token")
        elif grant != "client_credentials":
            return oauth_error(400, "unsupported_grant_type", f"Unsupported grant_type {grant!r}")
        return httpx.Response(200, json=self.issue_tokens(now))

    # ------------------------------------------------------------------------------------- parameters

    @staticmethod
    def _path_parameters(operation: Operation, path: str) -> dict[str, str]:
        match = operation.path_pattern.fullmatch(path)
        assert match is not None  # noqa: S101 - routed by this pattern
        values = {}
        for parameter in operation.path_parameters:
            value = match.group(parameter.python)
            pattern = parameter.schema.get("pattern")
            allowed = parameter.schema.get("enum")
            if (pattern and not re.fullmatch(pattern, value)) or (allowed and value not in allowed):
                raise reply_error(404, f'No route found for "{operation.method} {path}"', "Not Found")
            values[parameter.wire] = value
        return values

    @staticmethod
    def _check_query(call: Call) -> None:
        declared = {
            parameter.wire: parameter for parameter in call.operation.parameters if parameter.location == "query"
        }
        for name, values in call.query.items():
            parameter = declared.get(name)
            if parameter is None:
                continue  # unknown query parameters are ignored, as API Platform does
            for value in values:
                problem = _query_problem(parameter, value)
                if problem:
                    raise reply_error(400, f'Query parameter "{name}" {problem}')

    # ------------------------------------------------------------------------------------- collections

    def _collection(
        self, call: Call, members: list[Any], render_one: Callable[[Any], dict[str, Any]]
    ) -> dict[str, Any]:
        path = call.request.url.path
        filters = [
            (key, value)
            for key, values in call.query.items()
            for value in values
            if key not in ("page", "itemsPerPage")
        ]
        document: dict[str, Any] = {"@context": f"/contexts/{call.operation.tag}", "@id": path, "@type": "Collection"}
        if not call.operation.is_paginated:
            document["totalItems"] = len(members)
            document["member"] = [render_one(member) for member in members]
            if _has_view(call.operation.success_model):
                document["view"] = {"@id": path, "@type": "PartialCollectionView"}
            return document
        size = int(call.one("itemsPerPage") or 10)
        number = int(call.one("page") or 1)
        page = members[(number - 1) * size : number * size] if size else []
        document["totalItems"] = len(members)
        document["member"] = [render_one(member) for member in page]

        def link(page_number: int) -> str:
            return f"{path}?{urlencode([*filters, ('itemsPerPage', size), ('page', page_number)])}"

        view: dict[str, Any] = {"@id": link(number), "@type": "PartialCollectionView"}
        last = max(1, -(-len(members) // size)) if size else 1
        if last > 1:
            view["first"] = link(1)
            view["last"] = link(last)
            if number > 1:
                view["previous"] = link(number - 1)
            if number < last:
                view["next"] = link(number + 1)
        document["view"] = view
        variables = [parameter.wire for parameter in call.operation.parameters if parameter.location == "query"]
        searchable = [name for name in variables if name not in ("page", "itemsPerPage")]
        document["search"] = {
            "@type": "IriTemplate",
            "template": f"{path}{{?{','.join(searchable)}}}",
            "variableRepresentation": "BasicRepresentation",
            "mapping": [
                {"@type": "IriTemplateMapping", "variable": name, "property": _property(name), "required": False}
                for name in searchable
            ],
        }
        return document

    # ------------------------------------------------------------------------------------- ticketing

    def _catalog(self, catalog_id: str) -> Any:
        catalog = self.data.catalogs.get(catalog_id)
        if catalog is None:
            raise reply_error(404, "Not Found", "Not Found")
        if not catalog.entitled:
            raise reply_error(403, "Access Denied.", "Forbidden")
        return catalog

    def _product_base(self, call: Call, key: str = "productBaseId") -> ProductBase:
        catalog = self._catalog(call.path["catalogId"])
        base = self.data.product_bases.get(call.path[key])
        if base is None or base.catalog_id != catalog.id:
            raise reply_error(404, "Not Found", "Not Found")
        return base

    def _offer(self, call: Call, key: str = "id") -> Offer:
        catalog = self._catalog(call.path["catalogId"])
        offer = self.data.offers.get(call.path[key])
        if offer is None or offer.catalog_id != catalog.id:
            raise reply_error(404, "Not Found", "Not Found")
        return offer

    def op_list_catalogs(self, call: Call) -> Any:
        catalogs = sorted((c for c in self.data.catalogs.values() if c.entitled), key=lambda c: c.created_at)
        if call.one("order[createdAt]") == "desc":
            catalogs.reverse()
        return self._collection(call, catalogs, lambda c: render.catalog(c, call.language))

    def op_get_catalog(self, call: Call) -> Any:
        return render.root(render.catalog(self._catalog(call.path["id"]), call.language), "TicketingCatalog")

    def op_list_offers(self, call: Call) -> Any:
        catalog = self._catalog(call.path["catalogId"])
        offers, days = self._offers.get(catalog.id, []), self._offer_days.get(catalog.id, [])
        low, high = 0, len(offers)
        exact = call.one("date") if self.sandbox.exact_date_filter else None
        bounds: list[tuple[str, str | None]] = [("after", exact), ("before", exact)] if exact else []
        bounds += [(name, call.one(f"date[{name}]")) for name, _ in RANGE_FILTERS]
        for name, value in bounds:
            if value:
                day = date.fromisoformat(value[:10])
                if name.endswith("after"):
                    low = max(low, (bisect_right if name.startswith("strictly") else bisect_left)(days, day))
                else:
                    high = min(high, (bisect_left if name.startswith("strictly") else bisect_right)(days, day))
        offers = offers[low:high]
        products = {_last_segment(value) for value in call.query.get("product[]", []) + call.query.get("product", [])}
        if products:
            offers = [offer for offer in offers if offer.product_id in products]
        base = call.one("productBaseId")
        if base:
            offers = [offer for offer in offers if self.data.products[offer.product_id].product_base_id == base]
        session = call.one("session")
        if session:
            offers = [o for o in offers if any(s.id == session for t in o.tickets for s in t.sessions)]
        values = {_last_segment(value) for value in call.query.get("optionValuesContext[]", [])}
        if values:
            offers = [o for o in offers if values <= set(self.data.products[o.product_id].option_value_ids)]
        if call.one("order[date]") == "desc":
            offers = offers[::-1]
        return self._collection(call, offers, lambda o: render.offer(o, self.data, call.language, call.now))

    def op_get_offer(self, call: Call) -> Any:
        return render.root(render.offer(self._offer(call), self.data, call.language, call.now), "TicketingOffer")

    def op_get_offer_availability(self, call: Call) -> Any:
        return render.root(render.availability(self._offer(call)), "TicketingOfferAvailability")

    def op_get_offer_price(self, call: Call) -> Any:
        return render.root(render.price(self._offer(call), self.data, call.now), "TicketingOfferPrice")

    def _ticket(self, call: Call, offer: Offer, key: str) -> Any:
        ticket = next((t for t in offer.tickets if t.id == call.path[key]), None)
        if ticket is None:
            raise reply_error(404, "Not Found", "Not Found")
        return ticket

    def op_list_offer_tickets(self, call: Call) -> Any:
        offer = self._offer(call, "offerId")
        return self._collection(
            call, offer.tickets, lambda t: render.offer_ticket(offer, t, call.language, embedded=False)
        )

    def op_get_offer_ticket(self, call: Call) -> Any:
        offer = self._offer(call, "offerId")
        document = render.offer_ticket(offer, self._ticket(call, offer, "id"), call.language, embedded=False)
        return render.root(document, "TicketingOfferTicket")

    def op_get_offer_ticket_session(self, call: Call) -> Any:
        offer = self._offer(call, "offerId")
        ticket = self._ticket(call, offer, "ticketId")
        session = next((s for s in ticket.sessions if s.id == call.path["id"]), None)
        if session is None:
            raise reply_error(404, "Not Found", "Not Found")
        return render.root(render.session(offer, ticket, session), "TicketingOfferTicketSession")

    def op_list_product_bases(self, call: Call) -> Any:
        catalog = self._catalog(call.path["catalogId"])
        with_disabled = call.one("withDisabled") == "true"
        bases = [
            b
            for b in self.data.product_bases.values()
            if b.catalog_id == catalog.id and (with_disabled or not b.disabled)
        ]
        return self._collection(call, bases, lambda b: render.product_base(b, call.language))

    def op_get_product_base(self, call: Call) -> Any:
        return render.root(render.product_base(self._product_base(call, "id"), call.language), "TicketingProductBase")

    def op_list_product_base_options(self, call: Call) -> Any:
        base = self._product_base(call, "id")
        return self._collection(call, base.options, lambda o: render.option(base, o, call.language))

    def _option(self, call: Call) -> tuple[ProductBase, Any]:
        base = self._product_base(call)
        option = next((o for o in base.options if o.code == call.path["code"]), None)
        if option is None:
            raise reply_error(404, "Not Found", "Not Found")
        return base, option

    def op_get_product_base_option(self, call: Call) -> Any:
        base, option = self._option(call)
        return render.root(render.option(base, option, call.language), "TicketingProductBaseOption")

    def op_list_product_base_option_values(self, call: Call) -> Any:
        base, option = self._option(call)
        return self._collection(call, option.values, lambda v: render.option_value(base, option, v, call.language))

    def op_list_products(self, call: Call) -> Any:
        catalog = self._catalog(call.path["catalogId"])
        products = [p for p in self.data.products.values() if p.catalog_id == catalog.id]
        return self._collection(call, products, lambda p: render.product(p, call.language))

    def op_list_product_base_products(self, call: Call) -> Any:
        base = self._product_base(call)
        products = [p for p in self.data.products.values() if p.product_base_id == base.id]
        return self._collection(call, products, lambda p: render.product(p, call.language))

    def op_get_product(self, call: Call) -> Any:
        catalog = self._catalog(call.path["catalogId"])
        product = self.data.products.get(call.path["id"])
        if product is None or product.catalog_id != catalog.id:
            raise reply_error(404, "Not Found", "Not Found")
        return render.root(render.product(product, call.language), "TicketingProduct")

    def op_get_seat_map(self, call: Call) -> Any:
        base = self._product_base(call)
        if base.seat_map is None or base.seat_map.id != call.path["id"]:
            raise reply_error(404, "Not Found", "Not Found")
        return render.root(render.seat_map(base), "TicketingSeatMap")

    # ------------------------------------------------------------------------------------- reservations

    def _reservation(self, reservation_id: str) -> Reservation:
        reservation = self.state.reservations.get(reservation_id)
        if reservation is None:
            raise reply_error(404, "Not Found", "Not Found")
        return reservation

    def op_list_reservations(self, call: Call) -> Any:
        reservations = sorted(self.state.reservations.values(), key=lambda r: r.created_at)
        if call.one("order[createdAt]") == "desc":
            reservations.reverse()
        return self._collection(call, reservations, lambda r: render.reservation(r, self.data, call.now))

    def op_get_reservation(self, call: Call) -> Any:
        document = render.reservation(self._reservation(call.path["id"]), self.data, call.now)
        return render.root(document, "BookingReservation")

    def op_create_reservations(self, call: Call) -> Any:
        body = call.body(("application/ld+json", "application/json"))
        problems = Violations()
        items = body.get("items") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            problems.add("items", "This collection should contain 1 element or more.", TOO_FEW)
            problems.raise_if_any()
        assert isinstance(items, list)  # noqa: S101 - checked just above
        plans = [self._reservation_item(index, item, problems) for index, item in enumerate(items)]
        problems.raise_if_any()
        reservations: list[dict[str, Any]] = []
        failed: list[dict[str, Any]] = []
        for offer, quantity, sessions in plans:  # type: ignore[misc]
            failure = self.sandbox.faults.take_item_failure("create_reservations")
            shortage = failure or self.state.available(offer, quantity, sessions)
            if shortage:
                failed.append(
                    {
                        "@id": genid("failed", offer.id, next(self._blank_nodes)),
                        "@type": "FailedReservation",
                        "offer": iri.offer(offer.catalog_id, offer.id),
                        "quantity": quantity,
                        "message": shortage,
                    }
                )
                continue
            self.state.hold(offer, quantity, sessions)
            unit = render.current_price(self.data.products[offer.product_id], offer, call.now)
            reservation = Reservation(
                id=self.ids.uuid7(call.now),
                catalog_id=offer.catalog_id,
                created_at=call.now,
                expires_at=call.now + self.sandbox.reservation_lifetime,
                items=[ReservedItem(offer.id, quantity, sessions, unit)],
            )
            self.state.add_reservation(reservation)
            reservations.append(render.reservation(reservation, self.data, call.now))
        return {
            "@context": {
                "@vocab": "https://api.demo.korusticket.com/docs.jsonld#",
                "hydra": "http://www.w3.org/ns/hydra/core#",
                "reservations": "CreateReservationBulkOutput/reservations",
                "failedReservations": "CreateReservationBulkOutput/failedReservations",
            },
            "@type": "CreateReservationBulkOutput",
            "@id": genid("reservations", next(self._blank_nodes)),
            "reservations": reservations,
            "failedReservations": failed,
        }

    def _reservation_item(
        self, index: int, item: Any, problems: Violations
    ) -> tuple[Offer, int, dict[str, str | None]] | None:
        where = f"items[{index}]"
        if not isinstance(item, dict):
            problems.add(where, "This value should be of type object.", BAD_TYPE)
            return None
        offer = self._offer_from_iri(item.get("offer"), f"{where}.offer", problems)
        quantity = item.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            problems.add(f"{where}.quantity", "This value should be greater than 0.", NOT_POSITIVE)
            return None
        if offer is None:
            return None
        base = self.data.product_bases[self.data.products[offer.product_id].product_base_id]
        if quantity > base.max_amount_per_order:
            problems.add(f"{where}.quantity", f"This value should be {base.max_amount_per_order} or less.", TOO_MANY)
            return None
        sessions = self._ticket_sessions(where, offer, item.get("ticketSessions"), problems)
        return None if sessions is None else (offer, quantity, sessions)

    def _offer_from_iri(self, value: Any, where: str, problems: Violations) -> Offer | None:
        if not isinstance(value, str) or not value:
            problems.add(where, "This value should not be blank.", NOT_BLANK)
            return None
        try:
            parsed = iri.parse(value)
        except ValueError:
            parsed = None
        offer = None
        if parsed is not None and parsed.kind == "offer":
            offer = self.data.offers.get(parsed.identifiers["id"])
            if offer is not None and offer.catalog_id != parsed.identifiers["catalog_id"]:
                offer = None
        if offer is None:
            problems.add(where, f'Item not found for "{value}".', NOT_FOUND_ITEM)
            return None
        if not self.data.catalogs[offer.catalog_id].entitled:
            problems.add(where, "Access Denied.", NOT_FOUND_ITEM)
            return None
        return offer

    @staticmethod
    def _ticket_sessions(where: str, offer: Offer, given: Any, problems: Violations) -> dict[str, str | None] | None:
        entries = given if isinstance(given, list) else []
        chosen: dict[str, str | None] = {}
        for position, entry in enumerate(entries):
            path = f"{where}.ticketSessions[{position}]"
            ticket_iri = entry.get("ticket") if isinstance(entry, dict) else None
            ticket = next(
                (t for t in offer.tickets if ticket_iri == iri.offer_ticket(offer.catalog_id, offer.id, t.id)), None
            )
            if ticket is None:
                problems.add(f"{path}.ticket", f'This ticket is not one of the offer\'s: "{ticket_iri}".', SESSION_RULE)
                continue
            session_iri = entry.get("session")
            if ticket.date_access:
                if session_iri:
                    problems.add(
                        f"{path}.session", "This ticket gives all-day access: it takes no session.", SESSION_RULE
                    )
                chosen[ticket.id] = None
                continue
            session = next(
                (
                    s
                    for s in ticket.sessions
                    if session_iri == iri.offer_ticket_session(offer.catalog_id, offer.id, ticket.id, s.id)
                ),
                None,
            )
            if session is None:
                problems.add(f"{path}.session", "Choose one of this ticket's sessions.", SESSION_RULE)
                continue
            chosen[ticket.id] = session.id
        missing = [t for t in offer.tickets if t.id not in chosen]
        for ticket in missing:
            if not any(p[0].startswith(f"{where}.ticketSessions") for p in problems.found):
                ticket_iri = iri.offer_ticket(offer.catalog_id, offer.id, ticket.id)
                message = f'Every ticket of the offer needs an entry; missing "{ticket_iri}".'
                problems.add(f"{where}.ticketSessions", message, SESSION_RULE)
        return chosen if not missing and len(chosen) == len(offer.tickets) else None

    # ------------------------------------------------------------------------------------- orders

    def _order(self, order_id: str) -> Order:
        order = self.state.orders.get(order_id)
        if order is None:
            raise reply_error(404, "Not Found", "Not Found")
        return order

    def op_list_orders(self, call: Call) -> Any:
        orders = sorted(self.state.orders.values(), key=lambda o: o.created_at)
        reference = call.one("external_reference")
        if reference is not None:
            orders = [o for o in orders if o.external_reference == reference]
        for name, test in RANGE_FILTERS:
            value = call.one(f"createdAt[{name}]")
            if value:
                instant = _instant(value)
                orders = [o for o in orders if test(o.created_at, instant)]
        if call.one("order[createdAt]") == "desc":
            orders.reverse()
        return self._collection(call, orders, lambda o: render.order(o, self.state))

    def op_get_order(self, call: Call) -> Any:
        return render.root(render.order(self._order(call.path["id"]), self.state), "BookingOrder")

    def op_create_orders(self, call: Call) -> Any:
        body = call.body(("application/ld+json", "application/json"))
        problems = Violations()
        if not isinstance(body, dict):
            body = {}
        reference = body.get("externalReference")
        if not isinstance(reference, str) or not reference.strip():
            problems.add("externalReference", "This value should not be blank.", NOT_BLANK)
        elif len(reference) > 255:
            problems.add(
                "externalReference", "This value is too long. It should have 255 characters or less.", TOO_LONG
            )
        customer = self._customer(body.get("customer"), problems)
        wanted = body.get("reservations")
        reservations: list[Reservation] = []
        if not isinstance(wanted, list) or not wanted:
            problems.add("reservations", "This collection should contain 1 element or more.", TOO_FEW)
        else:
            for index, value in enumerate(wanted):
                reservation = self._reservation_from_iri(value, index, call.now, problems)
                if reservation is not None:
                    reservations.append(reservation)
        notes = body.get("notes")
        problems.raise_if_any()
        orders: list[dict[str, Any]] = []
        failed: list[dict[str, Any]] = []
        for reservation in reservations:
            failure = self.sandbox.faults.take_item_failure("create_orders")
            if failure:
                failed.append(
                    {
                        "@id": genid("failed-order", reservation.id, next(self._blank_nodes)),
                        "@type": "FailedOrder",
                        "reservation": iri.reservation(reservation.id),
                        "message": failure,
                    }
                )
                continue
            order = self._place_order(
                reservation, str(reference), customer, notes if isinstance(notes, str) else None, call.now
            )
            orders.append(render.order(order, self.state))
        return {
            "@context": {
                "@vocab": "https://api.demo.korusticket.com/docs.jsonld#",
                "hydra": "http://www.w3.org/ns/hydra/core#",
                "orders": "CreateOrderBulkOutput/orders",
                "failedOrders": "CreateOrderBulkOutput/failedOrders",
            },
            "@type": "CreateOrderBulkOutput",
            "@id": genid("orders", next(self._blank_nodes)),
            "orders": orders,
            "failedOrders": failed,
        }

    @staticmethod
    def _customer(given: Any, problems: Violations) -> dict[str, Any]:
        customer = given if isinstance(given, dict) else {}
        if not isinstance(given, dict):
            problems.add("customer", "This value should not be blank.", NOT_BLANK)
            return {}
        for name in ("firstname", "lastname", "email"):
            if not isinstance(customer.get(name), str) or not customer[name].strip():
                problems.add(f"customer.{name}", "This value should not be blank.", NOT_BLANK)
        email = customer.get("email")
        if isinstance(email, str) and email.strip() and not EMAIL.match(email):
            problems.add("customer.email", "This value is not a valid email address.", BAD_EMAIL)
        title = customer.get("title")
        if title is not None and title not in ("mr", "mrs", "mx"):
            problems.add("customer.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE)
        kept = ("firstname", "lastname", "email", "phone", "optin", "country", "language", "title")
        return {name: customer[name] for name in kept if name in customer}

    def _reservation_from_iri(self, value: Any, index: int, now: datetime, problems: Violations) -> Reservation | None:
        where = f"reservations[{index}]"
        try:
            parsed = iri.parse(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        reservation = (
            self.state.reservations.get(parsed.identifiers["id"]) if parsed and parsed.kind == "reservation" else None
        )
        if reservation is None:
            problems.add(where, f'Item not found for "{value}".', NOT_FOUND_ITEM)
            return None
        if reservation.order_id is not None and not self.sandbox.double_ordering:
            problems.add(f"{where}.order", "This reservation has already been ordered.", ALREADY_ORDERED)
            return None
        if reservation.status == "released" or reservation.expired(now):
            message = "La réservation a expiré"
            problems.add(f"{where}.expired", message, EXPIRED)
            return None
        return reservation

    def _place_order(
        self, reservation: Reservation, reference: str, customer: dict[str, Any], notes: str | None, now: datetime
    ) -> Order:
        order = Order(
            id=self.ids.uuid7(now),
            catalog_id=reservation.catalog_id,
            created_at=now,
            reference="KT-ORD-" + f"{self._rng.getrandbits(48):012X}",
            connector_reference=str(self._rng.randrange(1000, 99999)),
            external_reference=reference,
            reservation_id=reservation.id,
            customer=customer,
            items=[],
            notes=notes,
        )
        for reserved in reservation.items:
            offer = self.data.offers[reserved.offer_id]
            base = self.data.product_bases[self.data.products[offer.product_id].product_base_id]
            item = OrderedItem(
                self.ids.uuid7(now), offer.id, reserved.quantity, reserved.sessions, reserved.unit_price, []
            )
            for _ in range(reserved.quantity):
                for ticket in offer.tickets:
                    session_id = reserved.sessions.get(ticket.id)
                    occurs = (
                        self.data.sessions[session_id][2].occurs_at
                        if session_id
                        else datetime.combine(offer.date, time(9), UTC)
                    )
                    issued = IssuedTicket(
                        id=self.ids.uuid7(now),
                        order_id=order.id,
                        order_item_id=item.id,
                        offer_ticket_id=ticket.id,
                        session_id=session_id,
                        voucher="".join(str(self._rng.randrange(10)) for _ in range(16)),
                        occurs_at=occurs,
                        required_fields=["firstname", "lastname"] if base.beneficiary_info_may_be_required else [],
                        deadline=occurs - timedelta(days=2) if base.beneficiary_info_may_be_required else None,
                    )
                    item.tickets.append(issued)
                    self.state.tickets[issued.id] = issued
            order.items.append(item)
        document = Document(id=self.ids.uuid7(now), order_id=order.id, created_at=now)
        self.state.documents[document.id] = document
        order.document_ids.append(document.id)
        reservation.order_id = order.id
        self.state.orders[order.id] = order
        return order

    # ------------------------------------------------------------------------------------- documents

    def _document(self, call: Call) -> tuple[Order, Document]:
        order = self._order(call.path["orderId"])
        document = self.state.documents.get(call.path["id"])
        if document is None or document.order_id != order.id:
            raise reply_error(404, "Not Found", "Not Found")
        return order, document

    def _waiting(self, order: Order) -> list[IssuedTicket]:
        return [t for item in order.items for t in item.tickets if t.status == "waiting_beneficiary_data"]

    def op_list_order_documents(self, call: Call) -> Any:
        order = self._order(call.path["orderId"])
        ready = None if self._waiting(order) else order.created_at
        documents = [self.state.documents[d] for d in order.document_ids]
        return self._collection(call, documents, lambda d: render.document(d, ready))

    def op_get_order_document(self, call: Call) -> Any:
        order, document = self._document(call)
        ready = None if self._waiting(order) else order.created_at
        return render.root(render.document(document, ready), "BookingOrderDocument")

    def op_update_order_document(self, call: Call) -> Any:
        body = call.body(("application/merge-patch+json",))
        if not isinstance(body, dict):
            raise reply_error(400, "The input data must be a JSON object.")
        order, document = self._document(call)
        waiting = self._waiting(order)
        if waiting:
            problems = Violations()
            message = f"Beneficiary details are missing for {len(waiting)} ticket(s); name them first."
            problems.add("tickets", message, BENEFICIARY_MISSING)
            problems.raise_if_any()
        requested = (
            _language(call.request.headers.get("accept-language"))
            if call.request.headers.get("accept-language")
            else None
        )
        document.cached_language = requested or self.data.catalogs[order.catalog_id].supported_language
        return render.root(
            render.document_download(document, self._signed_url(document, call.now)), "BookingOrderDocument"
        )

    def _signed_url(self, document: Document, now: datetime) -> str:
        expires = int((now + timedelta(minutes=15)).timestamp())
        path = f"/documents/{document.id}.pdf"
        signature = hmac.new(self._signing_key, f"{path}:{expires}".encode(), hashlib.sha256).hexdigest()
        return f"{self.sandbox.storage_url}{path}?{urlencode({'Expires': expires, 'Signature': signature})}"

    def _storage(self, request: httpx.Request, now: datetime) -> httpx.Response:
        authorized = "authorization" in request.headers
        path = str(request.url)[len(self.sandbox.storage_url) :].split("?", 1)[0]
        query = {key: values[0] for key, values in parse_qs(urlsplit(str(request.url)).query).items()}
        expires = int(query.get("Expires", "0")) if query.get("Expires", "").isdigit() else 0
        expected = hmac.new(self._signing_key, f"{path}:{expires}".encode(), hashlib.sha256).hexdigest()
        document_id = path.removeprefix("/documents/").removesuffix(".pdf")
        document = self.state.documents.get(document_id)
        if request.method != "GET" or document is None or not hmac.compare_digest(expected, query.get("Signature", "")):
            status, content = 403, b"<Error><Code>SignatureDoesNotMatch</Code></Error>"
        elif now.timestamp() > expires:
            status, content = 403, b"<Error><Code>ExpiredToken</Code><Message>Request has expired</Message></Error>"
        else:
            order = self.state.orders[document.order_id]
            status, content = 200, _pdf(order.reference, document.cached_language or "fr")
        self.state.storage_requests.append(StorageRequest(str(request.url), authorized, status))
        media = "application/pdf" if status == 200 else "application/xml"
        return httpx.Response(status, content=content, headers={"content-type": media})

    # ------------------------------------------------------------------------------------- tickets

    def _issued_ticket(self, call: Call) -> IssuedTicket:
        order = self._order(call.path["orderId"])
        ticket = self.state.tickets.get(call.path["id"])
        if ticket is None or ticket.order_id != order.id or ticket.order_item_id != call.path["orderItemId"]:
            raise reply_error(404, "Not Found", "Not Found")
        return ticket

    def op_get_order_item_ticket(self, call: Call) -> Any:
        return render.root(render.order_item_ticket(self._issued_ticket(call)), "BookingOrderItemTicket")

    def op_update_order_item_ticket(self, call: Call) -> Any:
        body = call.body(("application/merge-patch+json",))
        ticket = self._issued_ticket(call)
        problems = Violations()
        if not ticket.required_fields:
            problems.add("beneficiary", "This ticket does not take a beneficiary.", NO_BENEFICIARY)
            problems.raise_if_any()
        given = body.get("beneficiary") if isinstance(body, dict) else None
        if not isinstance(given, dict):
            problems.add("beneficiary", "This value should not be blank.", NOT_BLANK)
            problems.raise_if_any()
        assert isinstance(given, dict)  # noqa: S101 - checked above
        merged = {**(ticket.beneficiary or {}), **given}
        merged = {key: value for key, value in merged.items() if value is not None}
        for name in ("firstname", "lastname"):
            if not isinstance(merged.get(name), str) or not merged[name].strip():
                problems.add(f"beneficiary.{name}", "This value should not be blank.", NOT_BLANK)
        if merged.get("title") not in (None, "mr", "mrs", "mx"):
            problems.add("beneficiary.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE)
        problems.raise_if_any()
        allowed = ("firstname", "lastname", "email", "phone", "title", "dateOfBirth", "placeOfBirth", "nationality")
        ticket.beneficiary = {name: merged[name] for name in allowed if name in merged}
        return render.root(render.order_item_ticket(ticket), "BookingOrderItemTicket")


# ----------------------------------------------------------------------------------------- helpers


def _query_problem(parameter: Parameter, value: str) -> str | None:
    schema = parameter.schema.get("items", {}) if parameter.is_array else parameter.schema
    kind = schema.get("type")
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            return "must be an integer"
        number = int(value)
        if "minimum" in schema and number < schema["minimum"]:
            return f"must be greater than or equal to {schema['minimum']}"
        if "maximum" in schema and number > schema["maximum"]:
            return f"must be less than or equal to {schema['maximum']}"
        if parameter.wire == "page" and number < 1:
            return "must be greater than or equal to 1"
        return None
    if kind == "boolean":
        return None if value in ("true", "false", "1", "0") else "must be a boolean (true or false)"
    if "enum" in schema and value not in schema["enum"]:
        return "must be one of " + ", ".join(f'"{choice}"' for choice in schema["enum"])
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "must be a date (YYYY-MM-DD)"
    pattern = schema.get("pattern")
    if pattern and not re.match(pattern, value):
        return f'must match pattern "{pattern}"'
    if pattern and re.match(r"\d{4}-\d{2}-\d{2}", value):
        try:
            _instant(value)
        except ValueError:
            return "must be a valid date"
    return None


@functools.cache
def _has_view(collection_model: str | None) -> bool:
    """Whether a collection model documents a Hydra `view` (the spec says which collections do not)."""
    collection = getattr(models, collection_model or "", None)
    return collection is not None and "view" in attrs.fields_dict(collection)


def _property(variable: str) -> str:
    return variable.split("[", 1)[0] if not variable.startswith("order[") else variable[6:-1]


def _last_segment(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1]


def _instant(value: str) -> datetime:
    parsed = (
        datetime.fromisoformat(value) if "T" in value or " " in value else datetime.fromisoformat(value + "T00:00:00")
    )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _pdf(reference: str, language: str) -> bytes:
    text = f"KorusTicket sandbox - {reference} - {language}"
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(stream)}>>stream\n".encode()
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
