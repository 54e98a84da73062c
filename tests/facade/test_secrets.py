"""No secret leaves the SDK: not the JWT, not the client secret, not a signed download URL's signature.

Over the sandbox served on loopback (real sockets, so httpcore's DEBUG lines are real too), a client
with a static token and one with client credentials go through successes and every kind of failure.
Every exception raised is scanned: str, repr, attributes, its __context__ and __cause__ chains, its
pickled bytes, and its traceback with locals; so are the DEBUG logs of korusticket, httpx and httpcore.
"""

from __future__ import annotations

import io
import json
import logging
import pickle
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, quote_plus, urlsplit

import httpx
import pytest
from rich.console import Console
from rich.traceback import Traceback

from korusticket import (
    BookingPolicy,
    ClientCredentialsAuth,
    Hold,
    Item,
    KorusTicket,
    KorusTicketError,
    iri,
)
from korusticket.testing import Sandbox
from korusticket.testing.served import free_port, serve
from korusticket_client.api.booking_order import create_orders
from korusticket_client.api.ticketing_catalog import get_catalog, list_catalogs

CUSTOMER: Any = {"firstname": "Ada", "lastname": "Lovelace", "email": "ada@example.com"}
FAST = BookingPolicy(first_wait=0.0, max_wait=0.0, settle_timeout=0.0)


DEEP = b"[" * 50_000 + b"]" * 50_000
"""An error body nested deeper than any JSON parser goes: it once escaped as a raw RecursionError, whose
traceback, rendered with its locals, showed the client secret and the token."""


class StorageClock(httpx.HTTPTransport):
    """A real transport that lets a signed URL expire (16 minutes pass) just before storage is asked for it, and
    can spoil the answers to orders (the order is made; a 502 nested 50,000 deep comes back)."""

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__()
        self.sandbox = sandbox
        self.expire = False
        self.spoil_orders = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.expire and request.url.path.startswith("/_storage/"):
            self.sandbox.clock.advance(minutes=16)
        response = super().handle_request(request)
        if self.spoil_orders and request.url.path.endswith("/orders/_bulk"):
            response.read()
            response.close()
            return httpx.Response(502, content=DEEP, headers={"content-type": "application/json"}, request=request)
        return response


def raised(call: Callable[[], object]) -> KorusTicketError:
    try:
        call()
    except KorusTicketError as error:
        return error
    raise AssertionError("nothing was raised")


def exercise(kt: KorusTicket, sandbox: Sandbox, transport: StorageClock, tmp: Path) -> list[KorusTicketError]:
    """Successes, then one failure of each kind; returns what was raised."""
    errors = []
    offer = next(o for o in sandbox.state.data.offers.values() if o.catalog_id == sandbox.catalog_id and o.capacity)
    sessions = {t.id: t.sessions[0].id for t in offer.tickets if not t.date_access}
    item = Item(iri.offer(offer.catalog_id, offer.id), sessions=sessions)
    booking = kt.book(item, customer=CUSTOMER, external_reference="SECRETS-1")
    kt.download_documents(booking.order, tmp)  # a signed URL used properly
    errors.append(raised(lambda: kt.call(get_catalog, id="0194abdc-3a71-72b0-a9b9-89d4be0cd73e")))
    body = {"reservations": [booking.reservations[0].iri], "customer": CUSTOMER, "externalReference": "AGAIN"}
    errors.append(raised(lambda: kt.call(create_orders, body=body)))
    for kind, settings in (("status", {"status": 503}), ("malformed_json", {}), ("html_error", {"status": 502})):
        sandbox.faults.inject(kind, operation="list_catalogs", **settings)  # type: ignore[arg-type]
        errors.append(raised(lambda: kt.call(list_catalogs)))
    sandbox.faults.inject("latency", operation="list_catalogs", latency=1.0)
    errors.append(raised(lambda: kt.call(list_catalogs)))  # the client's timeout is 0.3 s

    def pay_then_lose_the_order(hold: Hold) -> bool:
        sandbox.faults.inject("drop_after_commit", operation="create_orders")
        sandbox.faults.inject("status", operation="list_orders", status=503, times=None)
        return True

    errors.append(
        raised(
            lambda: kt.book(
                item, customer=CUSTOMER, external_reference="SECRETS-2", confirm_payment=pay_then_lose_the_order
            )
        )
    )
    sandbox.faults.clear()
    transport.spoil_orders = True  # the order is made, its answer unreadable: read back, or a typed error
    recovered = kt.book(item, customer=CUSTOMER, external_reference="SECRETS-3")
    assert recovered.recovered
    spoilt = {"reservations": [recovered.reservations[0].iri], "customer": CUSTOMER, "externalReference": "SPOILT"}
    errors.append(raised(lambda: kt.call(create_orders, body=spoilt)))
    transport.spoil_orders = False
    transport.expire = True  # each signed URL expires before it is used, the refreshed one too
    errors.append(raised(lambda: kt.download_documents(booking.order, tmp)))
    transport.expire = False
    sandbox.faults.inject("status", operation="token", status=503, times=None)
    sandbox.clock.advance(hours=2)  # every token has expired: a fetch is needed and fails
    errors.append(raised(lambda: kt.call(list_catalogs)))
    sandbox.faults.clear()
    return errors


def texts(error: BaseException, seen: set[int] | None = None) -> Iterator[str]:
    seen = set() if seen is None else seen
    if id(error) in seen:
        return
    seen.add(id(error))
    yield str(error)
    yield repr(error)
    yield from (repr(value) for value in vars(error).values())
    yield pickle.dumps(error).decode("latin-1")
    yield "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())
    rendered = Console(
        file=io.StringIO(), width=200, color_system=None
    )  # as `rich.traceback.install(show_locals=True)`
    rendered.print(Traceback.from_exception(type(error), error, error.__traceback__, show_locals=True))
    yield rendered.file.getvalue()  # type: ignore[attr-defined]
    for linked in (error.__context__, error.__cause__):
        if linked is not None:
            yield from texts(linked, seen)


def signatures(sandbox: Sandbox) -> list[str]:
    found = []
    for request in sandbox.state.storage_requests:
        found += parse_qs(urlsplit(request.url).query).get("Signature", [])
    return found


@pytest.mark.parametrize("credentials", ["static token", "client credentials"])
def test_no_secret_in_errors_tracebacks_pickles_or_debug_logs(
    credentials: str, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    port = free_port()
    sandbox = Sandbox(seed=4, storage_url=f"http://localhost:{port}/_storage")
    transport = StorageClock(sandbox)
    for name in ("korusticket", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    with serve(sandbox, port) as base_url:
        if credentials == "static token":
            auth: Any = {"token": sandbox.issue_token()}
        else:
            auth = {
                "auth": ClientCredentialsAuth(
                    sandbox.client_id, sandbox.client_secret, token_url=sandbox.token_url(base_url)
                )
            }
        with KorusTicket(
            base_url=base_url, transport=transport, timeout=0.3, max_retries=0, booking_policy=FAST, environ={}, **auth
        ) as kt:
            errors = exercise(kt, sandbox, transport, tmp_path)
            secrets = [*kt.auth.secrets(), *sandbox.state.access_tokens, *sandbox.state.refresh_tokens]
    secrets += signatures(sandbox)
    assert len(signatures(sandbox)) >= 3  # the good download, and the expired URL, twice
    assert [type(error).__name__ for error in errors] == [
        "NotFoundError",
        "ValidationError",
        "ServerError",
        "UnexpectedResponseError",
        "ServerError",
        "APITimeoutError",
        "OrderOutcomeUnknownError",
        "ServerError",
        "DocumentDownloadError",
        "AuthenticationError" if credentials == "static token" else "ServerError",
    ]
    scanned = [text for error in errors for text in texts(error)]
    scanned.append(caplog.text)
    scanned += [repr(record.args) for record in caplog.records]
    assert len(caplog.records) > 50
    assert any("httpcore" in record.name for record in caplog.records)
    for secret in secrets:
        assert secret
        leaks = [text for text in scanned if secret in text]
        assert not leaks, f"{secret[:6]}... found in: {leaks[0][:400]}"


ECHOED_SECRET = "opaque/Secret+Value=="
"""A client secret with the characters JSON and URL encodings rewrite (`/`, `+`, `=`)."""


@pytest.mark.parametrize(
    ("status", "echo"),
    [
        # OAuth's error_description quoting what it was sent.
        (400, lambda secret: {"error": "invalid_client", "error_description": f"client_secret {secret} is wrong"}),
        # PHP's json_encode writes / as \/: the body holds the secret in that form, not as sent.
        (401, lambda secret: {"error": "invalid_client", "error_description": f"bad secret {secret}"}),
        # A server error repeating the form body it could not handle: the secret URL-encoded.
        (500, lambda secret: {"detail": f"cannot handle client_id=me&client_secret={quote_plus(secret)}"}),
    ],
)
def test_a_token_endpoint_echoing_the_secret_in_any_encoding_is_redacted(
    status: int, echo: Callable[[str], dict[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.host == "auth.example.test":
            content = json.dumps(echo(ECHOED_SECRET)).replace("/", "\\/").encode()
            return httpx.Response(status, content=content, headers={"content-type": "application/json"})
        return httpx.Response(200, json={"member": []}, headers={"content-type": "application/ld+json"})

    auth = ClientCredentialsAuth("me", ECHOED_SECRET, token_url="https://auth.example.test/token")
    caplog.set_level(logging.DEBUG)
    with KorusTicket(base_url="https://api.example.test", auth=auth, transport=httpx.MockTransport(answer)) as kt:
        error = raised(lambda: kt.call(list_catalogs))
    assert "did not issue a token for client 'me'" in str(error)
    forms = {ECHOED_SECRET, ECHOED_SECRET.replace("/", "\\/"), quote_plus(ECHOED_SECRET), quote(ECHOED_SECRET)}
    for text in [*texts(error), caplog.text]:
        for form in forms:
            assert form not in text
