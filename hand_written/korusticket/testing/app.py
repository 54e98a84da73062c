"""The sandbox's router: one `httpx.Request` in, one `httpx.Response` out, under the state lock.

Requests go to the storage host, the token endpoint, or an API operation (404 for an unknown path, 405 for
a method the path does not take, 501 for an operation no handler answers yet). API requests pass the JWT
firewall first. The answer is timestamped by the sandbox clock and logged in `state.handled`. Handling a
request synchronously under `state.lock` means concurrent requests (threads, tasks, or the served mode)
never see a half-made change: capacity cannot be oversold. Faults are applied around this, by the transports.
"""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import format_datetime
from typing import Any

import httpx
import orjson

from korusticket._iri_core import ALL_BY_SPECIFICITY, API_ROOTS, operation_at, path_root
from korusticket._operation import Operation
from korusticket.testing.backend import SandboxBackend
from korusticket.testing.clock import SandboxClock
from korusticket.testing.faults import TOKEN
from korusticket.testing.handlers import Handler, operation_handlers
from korusticket.testing.handlers.auth import TOKEN_PATH, AuthHandlers
from korusticket.testing.handlers.request import Call
from korusticket.testing.handlers.storage import StorageHandler
from korusticket.testing.settings import SandboxSettings
from korusticket.testing.state import Handled
from korusticket.testing.violations import Refused, refused

__all__ = ["JSONLD", "ROUTED", "TOKEN_PATH", "SandboxApp", "route", "routed", "unhandled_operations"]

JSONLD = "application/ld+json; charset=utf-8"
ROUTED = "korusticket.sandbox.route"
"""The request extension caching `routed()`: written by the first caller (a transport or the app), read by all."""


def routed(request: httpx.Request) -> tuple[Operation | None, list[str]]:
    """`route()` for an API request, computed once per request (kept in its extensions)."""
    found = request.extensions.get(ROUTED)
    if found is None:
        path = request.url.path  # a path under none of the spec's roots is no operation's: a 404 at once
        found = route(request.method, path) if path_root(path) in API_ROOTS else (None, [])
        request.extensions[ROUTED] = found
    return found


def route(method: str, path: str) -> tuple[Operation | None, list[str]]:
    """The operation serving `method path`, and the methods the path answers (empty: 404; else 405)."""
    operation = operation_at(method.upper(), path)
    if operation is not None:
        return operation, [operation.method]
    return None, [other.method for other in ALL_BY_SPECIFICITY if other.path_pattern.fullmatch(path)]


def unhandled_operations(handlers: dict[str, Handler]) -> list[str]:
    """The API's operations that no handler answers (the router says 501 for them)."""
    return sorted(operation.name for operation in ALL_BY_SPECIFICITY if operation.name not in handlers)


class SandboxApp:
    """Routes requests for one sandbox to its handlers."""

    def __init__(self, backend: SandboxBackend, settings: SandboxSettings, clock: SandboxClock) -> None:
        self.backend = backend
        self.settings = settings
        self.clock = clock
        self.auth = AuthHandlers(backend)
        self.storage = StorageHandler(backend, settings)
        self.handlers = operation_handlers(backend, settings)
        """Operation name -> handler; an operation missing here is answered 501."""

    def operation_of(self, request: httpx.Request) -> str | None:
        """The operation a request is for (`"token"` for the token endpoint), as faults name them."""
        if request.url.path == TOKEN_PATH:
            return TOKEN
        operation = routed(request)[0]
        return operation.name if operation else None

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self.backend.state.lock:
            now = self.clock.now()
            self.backend.expire(now)
            try:
                response = self._dispatch(request, now)
            except Refused as refusal:
                response = self._json(refusal.status, refusal.body, refusal.headers)
            response.headers["Date"] = format_datetime(now, usegmt=True)
            operation = routed(request)[0]
            self.record(request, operation.name if operation else None, response.status_code)
            return response

    def record(
        self, request: httpx.Request, operation: str | None, status: int | None, fault: str | None = None
    ) -> None:
        """Log a request answered with `status` (None: the connection was dropped)."""
        handled = Handled(request.method, request.url.path, operation, status, fault)
        with self.backend.state.lock:
            self.backend.log_request(handled)

    def _dispatch(self, request: httpx.Request, now: datetime) -> httpx.Response:
        if self.storage.serves(request):
            return self.storage.download(request, now)
        if request.url.path == TOKEN_PATH:
            return self.auth.token(request, now)
        operation, allowed = routed(request)
        if operation is None:
            where = f"{request.method} {request.url.path}"
            if allowed:
                refusal = refused(405, f'No route found for "{where}": Method Not Allowed')
                refusal.headers["Allow"] = ", ".join(sorted(set(allowed)))
                raise refusal
            raise refused(404, f'No route found for "{where}"', "Not Found")
        self.auth.authenticate(request, now)
        call = Call.of(request, operation, now)
        handler = self.handlers.get(operation.name)
        if handler is None:
            where = f"{operation.method} {operation.path}"
            detail = f'The sandbox has no handler for the operation "{operation.name}" ({where}).'
            raise refused(501, detail, "Not Implemented")
        status = self.settings.created_status if operation.method == "POST" else 200
        return self._json(status, handler(call))

    @staticmethod
    def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
        content_type = "application/json" if status == 401 else JSONLD
        return httpx.Response(
            status,
            content=_encoded(body),
            headers={"content-type": content_type, **(headers or {})},
        )


def _encoded(body: Any) -> bytes:
    """A body as UTF-8 JSON: orjson (a served crawl spends its time here), or the standard library for what orjson
    refuses (an integer beyond 64 bits, a key that is not a string). A value that is not JSON (a datetime, a
    dataclass, any other object) fails as it did with the standard library alone, rather than being written in
    orjson's own way; a non-finite float comes out as null, where the standard library wrote NaN, which is not JSON."""
    try:
        return orjson.dumps(
            body, default=_not_json, option=orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
        )
    except orjson.JSONEncodeError:
        return json.dumps(body, ensure_ascii=False).encode()


def _not_json(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON")
