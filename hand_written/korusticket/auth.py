"""Authentication: a fixed JWT, or the vendor's OIDC client-credentials flow, as `httpx.Auth` objects.

The token is only ever attached to requests for the API's own origin (scheme, host and port), so a
document download from a storage host, a redirect, or any other URL never receives it.

`ClientCredentialsAuth` fetches its token through the same HTTP client as the API calls (httpx runs the
token request inside the auth flow), so it is asynchronous under `AsyncKorusTicket`, goes through the
same transport and retries, and needs no second client. One token is shared by every thread or task
using the client: a lock makes exactly one of them fetch or refresh it.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import re
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import httpx

from korusticket._context import READING, SAFE_TO_REPEAT
from korusticket._http import aread_body, connection_error, read_body
from korusticket._lazy import lazy_module
from korusticket._operation import FIELD_VALUE
from korusticket._urls import Origin, check_url, origin
from korusticket.errors import (
    APIStatusError,
    AuthenticationError,
    ConfigurationError,
    KorusTicketError,
    UnexpectedResponseError,
    error_from_response,
    excerpt,
    redact,
)
from korusticket.retries import call_deadline
from korusticket.transports import default_ssl_context, held_to_deadlines

if TYPE_CHECKING:
    import asyncio
else:  # loaded on first use (make bench: start-up): a sync client never starts an event loop
    asyncio = lazy_module("asyncio")

__all__ = [
    "DEFAULT_TOKEN_URL",
    "ClientCredentialsAuth",
    "Secret",
    "StaticTokenAuth",
    "TokenAuth",
]

logger = logging.getLogger("korusticket")
DEFAULT_TOKEN_URL = "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token"  # noqa: S105
REFRESH_MARGIN = 5.0
"""A refresh token is used while it has at least this many seconds left (it only has to reach the server)."""
REFRESH_PAUSE = 5.0
"""After a failed refresh, the current (still valid) token is used this long before the next try."""
FAILURE_MEMORY = 1.0
"""With no valid token, a failed fetch answers the calls of the next second too, rather than each of them
asking a failing token endpoint again."""
DEFAULT_LIFETIME = 300.0
"""The lifetime of a token whose answer gives no usable `expires_in` (RFC 6749 only recommends it)."""
MIN_LIFETIME = 30.0
"""The shortest lifetime believed: an `expires_in` of 0, negative or NaN would otherwise fetch a token per call.
A token that does expire sooner is refused with a 401, which fetches a new one."""
TOKEN_RESPONSE_BYTES = 1024 * 1024
"""The most of a token endpoint's answer read (a token answer is a few kilobytes): past it, a typed error."""
MAX_LIFETIME = 86400.0
"""The longest lifetime believed (a day): an infinite `expires_in` would otherwise keep a token for ever."""
B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
"""RFC 6750's `b64token`: what may follow `Bearer ` in an `Authorization` header."""


def secret_problem(value: object) -> str | None:
    """Why `value` cannot be a `Secret` (never showing it), or None: a non-blank string of printable ASCII of at
    most SECRET_LIMIT characters."""
    if not isinstance(value, str) or not value.strip():
        shown = "a blank string" if isinstance(value, str) else f"a {type(value).__name__}"
        return f"expected a non-empty string, got {shown}"
    if len(value) > SECRET_LIMIT:
        return f"{len(value)} characters; expected at most {SECRET_LIMIT}"
    if not (value.isascii() and value.isprintable()):
        return "expected printable ASCII characters only (no line breaks)"
    return None


def token_problem(value: object, scheme: str = "Bearer") -> str | None:
    """What makes `value` unusable as the token of an `Authorization: <scheme> <token>` header, or None.

    The description names a position and a kind of character, never the token itself.
    """
    if not isinstance(value, str):
        return f"expected a string, got {type(value).__name__}"
    if not value:
        return "expected a non-empty token"
    bearer = scheme.lower() == "bearer"
    if (B64TOKEN if bearer else FIELD_VALUE).fullmatch(value):
        return None
    allowed = "letters, digits, - . _ ~ + / and a trailing =" if bearer else "visible ASCII characters"
    position = _first_misfit(value, bearer)
    char = value[position]
    if char in " \t":
        kind = "a space" if char == " " else "a tab"
    elif char in "\r\n":
        kind = "a line break"
    elif not char.isascii():
        kind = "a non-ASCII character"
    elif not char.isprintable():
        kind = f"the control character {char!r}"
    else:
        kind = f"{char!r}"
    ends = " (copied with a space or line break at one end?)" if value != value.strip() else ""
    return (
        f"not a {'bearer ' if bearer else ''}token ({allowed}): {kind} at position {position + 1} of {len(value)}{ends}"
    )


def _first_misfit(value: str, bearer: bool) -> int:
    """The index of the first character that breaks the token's grammar (`value` does not match it)."""
    if not bearer:
        stripped = value.strip(" \t")
        if stripped != value:
            return 0 if value[0] in " \t" else len(stripped)
        return next((index for index, char in enumerate(value) if not (" " <= char <= "~" or char == "\t")), 0)
    padding = len(value) - len(value.rstrip("="))
    for index, char in enumerate(value[: len(value) - padding]):
        if not (char.isascii() and (char.isalnum() or char in "-._~+/")):
            return index
    return 0  # only padding: the token itself is missing


def check_token(value: object, name: str = "token", scheme: str = "Bearer") -> None:
    """Raise `ConfigurationError` naming `name` when `value` cannot be sent as a token."""
    problem = token_problem(value, scheme)
    if problem is not None:
        raise ConfigurationError(f"{name}: {problem}")


SECRET_LIMIT = 16384
"""Longest token, client id or secret accepted: a JWT is a few KB; servers refuse headers much longer."""


class Secret:
    """A string that does not show itself: `repr`, `str` and f-strings print `***`."""

    __slots__ = ("_value",)

    def __init__(self, value: str, name: str = "secret") -> None:
        problem = secret_problem(value)
        if problem is not None:
            raise ConfigurationError(f"{name}: {problem}")
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        raise TypeError("a Secret cannot be pickled")


class TokenAuth(httpx.Auth):
    """Base class: sends `Authorization: <scheme> <token>` to the API origin and nowhere else."""

    def __init__(self, *, scheme: str = "Bearer") -> None:
        if (
            not isinstance(scheme, str)
            or len(scheme) > 64
            or not (scheme.isprintable() and scheme.isascii())
            or " " in scheme
        ):
            raise ConfigurationError(
                f"auth_scheme: expected a single word such as 'Bearer', or '', got {_shown(scheme)}"
            )
        self.scheme = scheme
        self._origins: frozenset[Origin] = frozenset()

    def restrict_to(self, base_url: str | httpx.URL) -> None:
        """Only requests to this origin get the token. `KorusTicket` calls it with its base URL."""
        self._origins = frozenset({origin(base_url)})

    def applies_to(self, request: httpx.Request) -> bool:
        """Whether `request` goes to the API's origin, the only one that gets the token."""
        return origin(request.url) in self._origins

    def header_value(self, token: str) -> str:
        """The `Authorization` header value for `token`: `scheme token`, or the bare token when `scheme` is empty.

        A token HTTP cannot carry raises `ConfigurationError` here, before anything is sent, rather than
        failing inside the HTTP library with the token in its message.
        """
        check_token(token, "auth", self.scheme)
        return f"{self.scheme} {token}" if self.scheme else token

    def secrets(self) -> list[str]:
        """Values that must never be shown: redacted from error messages."""
        return []


class StaticTokenAuth(TokenAuth):
    """A JWT obtained elsewhere. It is not refreshed: a 401 raises `AuthenticationError`."""

    def __init__(self, token: str | Secret, *, scheme: str = "Bearer") -> None:
        super().__init__(scheme=scheme)
        check_token(token.reveal() if isinstance(token, Secret) else token, "token", scheme)
        self._token = token if isinstance(token, Secret) else Secret(token, "token")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's hook: add the token to a request for the API's origin; other hosts get nothing."""
        if self.applies_to(request):
            request.headers["Authorization"] = self.header_value(self._token.reveal())
        yield request

    def secrets(self) -> list[str]:
        """The token: redacted from error messages."""
        return [self._token.reveal()]

    def __repr__(self) -> str:
        return f"StaticTokenAuth(scheme={self.scheme!r}, token=***)"


@dataclass(frozen=True)
class _Token:
    access_token: Secret
    expires_at: float
    refresh_at: float
    """When to start refreshing: the lifetime less `min(leeway, a tenth of the lifetime)`."""
    refresh_token: Secret | None
    refresh_expires_at: float | None


Grant = Literal["client_credentials", "refresh_token"]


class ClientCredentialsAuth(TokenAuth):
    """The vendor's OIDC client-credentials flow (guides: authentication/oidc).

    The token is fetched on first use and refreshed shortly before it expires (`leeway` seconds, or a
    tenth of its lifetime when that is shorter), with the refresh token while that is valid, otherwise
    with the client credentials again; it is fetched anew once when the API answers 401.

    The token endpoint is reached through the client's own transport (the sandbox answers it too), with
    the client's timeout. One fetch serves every thread or task waiting for it, and its failure answers
    all of them at once. While a refresh fails, the current token keeps being used until it expires;
    only then do calls fail.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str | Secret,
        *,
        token_url: str = DEFAULT_TOKEN_URL,
        scheme: str = "Bearer",
        leeway: float = 60.0,
        timeout: float | httpx.Timeout | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(scheme=scheme)
        if not isinstance(client_id, str) or not client_id.strip() or not client_id.isprintable():
            raise ConfigurationError("client_id: expected a non-empty string of printable characters")
        if len(client_id) > SECRET_LIMIT:
            raise ConfigurationError(f"client_id: {len(client_id)} characters; expected at most {SECRET_LIMIT}")
        self.client_id = client_id
        self._client_secret = (
            client_secret if isinstance(client_secret, Secret) else Secret(client_secret, "client_secret")
        )
        self.token_url = str(check_token_url(token_url))
        self.leeway = leeway
        self._own_timeout = timeout is not None
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout or 30.0)
        """The token request's timeout: the one given, else the client's (`KorusTicket(timeout=...)`)."""
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self._transport: httpx.BaseTransport | None = None
        self._async_transport: httpx.AsyncBaseTransport | None = None
        self._fetches = 0
        self._last_failure: KorusTicketError | None = None
        self._quiet_until = 0.0
        self._warned: set[str] = set()
        self.token_requests = 0
        """How many times the token endpoint was called (useful in tests and logs)."""

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(client_id={self.client_id!r}, token_url={self.token_url!r}, secret=***)"

    def bind(
        self,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        timeout: httpx.Timeout | None = None,
    ) -> None:
        """Send token requests through this transport, with the client's timeout (`KorusTicket` does this)."""
        self._transport = transport or self._transport
        self._async_transport = async_transport or self._async_transport
        if timeout is not None and not self._own_timeout:
            self.timeout = timeout

    def secrets(self) -> list[str]:
        """The client secret and the current tokens: redacted from error messages."""
        token = self._token
        values = [self._client_secret.reveal()]
        if token is not None:
            values.append(token.access_token.reveal())
            if token.refresh_token is not None:
                values.append(token.refresh_token.reveal())
        return values

    def invalidate(self) -> None:
        """Forget the current token; the next request fetches a new one."""
        self._token = None

    # -------------------------------------------------------------------------------- flows

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's hook: add a valid token (fetched or refreshed first if needed) to a request for the API's
        origin, and after a 401 fetch a new one and send the request once more.
        """
        if not self.applies_to(request):
            yield request
            return
        rejected = None
        for _ in range(2):  # the second pass only after a 401, with a new token
            seen = self._fetches
            with self._lock:
                token = self._usable(rejected, seen)
                if token is None:
                    token = self._fetch_sync()
            request.headers["Authorization"] = self.header_value(token.reveal())
            response = yield request
            if response.status_code != 401:
                return
            # httpx reads a refused answer whole before sending again: read it first, capped and in time.
            read_body(response, request, TOKEN_RESPONSE_BYTES, undecodable_ok=True)
            rejected = token

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The async twin of `sync_auth_flow`: one fetch serves every task waiting for a token."""
        if not self.applies_to(request):
            yield request
            return
        rejected = None
        lock = self._async_lock()
        for _ in range(2):
            seen = self._fetches
            async with lock:
                token = self._usable(rejected, seen)
                if token is None:
                    token = await self._fetch_async()
            request.headers["Authorization"] = self.header_value(token.reveal())
            response = yield request
            if response.status_code != 401:
                return
            await aread_body(response, request, TOKEN_RESPONSE_BYTES, undecodable_ok=True)
            rejected = token

    # -------------------------------------------------------------------------------- token handling

    def _usable(self, rejected: Secret | None, seen: int) -> Secret | None:
        """Under the lock: the token to send now, None when one must be fetched, or the failure to raise."""
        token = self._token
        if rejected is not None and token is not None and token.access_token == rejected:
            self._token = token = None  # refused by the API (unless another request already replaced it)
        now = self._clock()
        if token is not None and now < token.refresh_at:
            return token.access_token
        failure = self._last_failure
        if failure is not None and (self._fetches != seen or now < self._quiet_until):
            # The fetch this caller waited for failed, or one failed moments ago: that answers it too,
            # without asking the token endpoint again. A token still valid keeps being used.
            if token is not None and now < token.expires_at:
                return token.access_token
            raise copy.copy(failure)
        return None

    def _fetch_sync(self) -> Secret:
        self._fetches += 1
        try:
            for grant, last in self._grants():
                if self._accept(grant, self._send(self._token_request(grant)), last):
                    break
        except KorusTicketError as error:
            return self._failed(error)
        self._last_failure = None
        return self._current()

    async def _fetch_async(self) -> Secret:
        self._fetches += 1
        try:
            for grant, last in self._grants():
                if self._accept(grant, await self._asend(self._token_request(grant)), last):
                    break
        except KorusTicketError as error:
            return self._failed(error)
        self._last_failure = None
        return self._current()

    def _failed(self, error: KorusTicketError) -> Secret:
        """Keep the current token while it is valid; otherwise the failure is the caller's."""
        self._last_failure = error
        token, now = self._token, self._clock()
        if token is None or now >= token.expires_at:
            self._quiet_until = now + FAILURE_MEMORY
            raise error
        self._quiet_until = now + min(REFRESH_PAUSE, (token.expires_at - now) / 2)
        logger.warning(
            "could not refresh the access token of client %r (%s); the current one stays valid for %.0f s",
            self.client_id,
            error,
            token.expires_at - now,
        )
        return token.access_token

    def _send(self, request: httpx.Request) -> httpx.Response:
        transport = self._transport or held_to_deadlines(httpx.HTTPTransport(verify=default_ssl_context()))
        self._transport = transport
        reading = READING.set(request)  # its own deadline, not that of the call it fetches a token for
        try:
            return self._send_reading(transport, request)
        finally:
            READING.reset(reading)

    def _send_reading(self, transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
        failure = None
        try:
            response = transport.handle_request(request)
        except httpx.TransportError as error:
            failure = connection_error(error, request)
        if failure is not None:
            raise failure  # outside the except block: the httpx error (and its request) is not chained
        try:
            # Within its timeout (the deadline the retrying transport set when it sent it), and capped.
            read_body(response, request, TOKEN_RESPONSE_BYTES, call_deadline(request), write=False)
        except BaseException:
            response.close()
            raise
        return response

    async def _asend(self, request: httpx.Request) -> httpx.Response:
        transport = self._async_transport or httpx.AsyncHTTPTransport(verify=default_ssl_context())
        self._async_transport = transport
        failure = None
        try:
            response = await transport.handle_async_request(request)
        except httpx.TransportError as error:
            failure = connection_error(error, request)
        if failure is not None:
            raise failure
        try:
            await aread_body(response, request, TOKEN_RESPONSE_BYTES, call_deadline(request), write=False)
        except BaseException:
            await response.aclose()
            raise
        return response

    def _current(self) -> Secret:
        assert self._token is not None  # noqa: S101 - set by a successful fetch
        return self._token.access_token

    def _async_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks[loop] = asyncio.Lock()
        return lock

    def _grants(self) -> list[tuple[Grant, bool]]:
        """The grants to try, in order, each with whether it is the last one."""
        token, now = self._token, self._clock()
        if (
            token is not None
            and token.refresh_token is not None
            and token.refresh_expires_at is not None
            and now < token.refresh_expires_at - REFRESH_MARGIN
        ):
            return [("refresh_token", False), ("client_credentials", True)]
        return [("client_credentials", True)]

    def _token_request(self, grant: Grant) -> httpx.Request:
        # The form, secret included, lives only in this frame, which has returned before anything can fail.
        form = {"grant_type": grant, "client_id": self.client_id, "client_secret": self._client_secret.reveal()}
        token = self._token
        if grant == "refresh_token" and token is not None and token.refresh_token is not None:
            form["refresh_token"] = token.refresh_token.reveal()
        # Built here rather than by the client, so it carries none of the API's headers, and its own timeout.
        return httpx.Request(
            "POST",
            self.token_url,
            data=form,
            headers={"Accept": "application/json"},
            extensions={"timeout": self.timeout.as_dict(), SAFE_TO_REPEAT: True},
        )

    def _accept(self, grant: Grant, response: httpx.Response, last: bool) -> bool:
        """Store the token of a successful response. A failed refresh falls back to the next grant."""
        self.token_requests += 1
        if response.is_success:
            token = self._parse(response)
            if isinstance(token, str):
                raise self._unusable(response, token)
            self._token = token
            logger.info(
                "obtained an access token for client %r (%s grant, valid %.0f s)",
                self.client_id,
                grant,
                token.expires_at - self._clock(),
            )
            return True
        if not last and grant == "refresh_token" and response.status_code in (400, 401):
            return False
        raise self._failure(response)

    def _unusable(self, response: httpx.Response, problem: str) -> UnexpectedResponseError:
        try:
            body = json.loads(response.content)
        except (ValueError, RecursionError):
            body = None
        # The refused token is not among `secrets()` yet: redact whatever the answer holds under the token keys.
        shown = [body.get(key) for key in ("access_token", "refresh_token")] if isinstance(body, dict) else []
        secrets = [*self.secrets(), *(value for value in shown if isinstance(value, str))]
        return UnexpectedResponseError(
            f"the token endpoint's answer for client {self.client_id!r} {problem}",
            status_code=response.status_code,
            content_type=response.headers.get("content-type"),
            excerpt=excerpt(redact(response.text, secrets)),
            method="POST",
            url=self.token_url,
        )

    def _parse(self, response: httpx.Response) -> _Token | str:
        """The token of a successful answer, or what is wrong with it (never the token itself).

        Only the access token must be right. An `expires_in` that is missing, not a number, or out of
        [MIN_LIFETIME, MAX_LIFETIME] is replaced (with one warning per client and field), and so is an odd
        `refresh_expires_in`, which then leaves the refresh token unused.
        """
        try:
            body = json.loads(response.content)
        except (ValueError, RecursionError):
            return "is not JSON"
        if not isinstance(body, dict):
            return f"is not a JSON object (a {type(body).__name__})"
        access = body.get("access_token")
        if access is None:
            return "has no access_token"
        problem = token_problem(access, self.scheme)
        if problem is not None:
            return f"has an access_token that is {problem}"
        if len(access) > SECRET_LIMIT:
            return f"has an access_token of {len(access)} characters (at most {SECRET_LIMIT} are taken)"
        lifetime = self._lifetime("expires_in", body.get("expires_in"), DEFAULT_LIFETIME) or DEFAULT_LIFETIME
        refresh = body.get("refresh_token")
        refresh_lifetime = body.get("refresh_expires_in")
        refresh_for = None if refresh_lifetime is None else self._lifetime("refresh_expires_in", refresh_lifetime, None)
        now = self._clock()
        return _Token(
            access_token=Secret(access, "access_token"),
            expires_at=now + lifetime,
            refresh_at=now + lifetime - min(self.leeway, lifetime / 10),
            # A refresh token that could not be sent back as it came is not kept: the next token is fetched anew.
            refresh_token=Secret(refresh, "refresh_token")
            if isinstance(refresh, str) and secret_problem(refresh) is None
            else None,
            refresh_expires_at=now + refresh_for if refresh_for is not None else None,
        )

    def _lifetime(self, field: str, value: object, default: float | None) -> float | None:
        """Seconds from a lifetime field, kept within [MIN_LIFETIME, MAX_LIFETIME]; `default` when it is absent."""
        if value is None:
            return default
        seconds = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if isinstance(value, int) and abs(value) > 10**300:  # an int too large for a float
                seconds = math.inf if value > 0 else -math.inf
            else:
                seconds = float(value)
        elif isinstance(value, str) and value.strip().lstrip("+-").replace(".", "", 1).isdigit():
            seconds = float(value)  # some servers send the number as a string
        if seconds is None or math.isnan(seconds):
            chosen, reason = default, "is not a number"
        elif seconds < MIN_LIFETIME:
            chosen, reason = MIN_LIFETIME, f"is below {MIN_LIFETIME:.0f} s"
        elif seconds > MAX_LIFETIME:
            chosen, reason = MAX_LIFETIME, f"is above {MAX_LIFETIME:.0f} s"
        else:
            return seconds
        if field not in self._warned:
            self._warned.add(field)
            used = "ignored" if chosen is None else f"{chosen:.0f} s used instead"
            logger.warning(
                "the token endpoint's %s for client %r %s (%s): %s; this is logged once",
                field,
                self.client_id,
                reason,
                _shown(value),
                used,
            )
        return chosen

    def _failure(self, response: httpx.Response) -> APIStatusError:
        """The error for a refused token request: AuthenticationError for 4xx, the usual class otherwise."""
        error = error_from_response(
            status_code=response.status_code,
            headers=response.headers,
            content=response.content,
            method="POST",
            url=self.token_url,
            secrets=self.secrets(),
        )
        if response.status_code in (400, 401, 403):  # the credentials were refused (not a 429 or a 404)
            error = AuthenticationError(
                status_code=error.status_code,
                headers=error.headers,
                body=error.body,
                excerpt=error.excerpt,
                method="POST",
                url=self.token_url,
            )
        oauth_error = _oauth_error(response.content)
        summary = f"the token endpoint did not issue a token for client {self.client_id!r}"
        if oauth_error:  # the server's words: it may echo what it was sent (the secret), and say it at length
            summary += f" ({excerpt(redact(oauth_error, self.secrets()))})"
        error.args = (f"{summary}: {error.args[0]}",)
        return error


def check_token_url(token_url: str) -> httpx.URL:
    """The token endpoint receives the client secret: https only, or http on a loopback host."""
    return check_url(
        token_url,
        "token_url",
        "https://auth.example.com/token",
        http_refused="plain http would send the client secret in clear; only a loopback host may use it",
    )


def _shown(value: object) -> str:
    """A lifetime value for a log line: numbers as they are, anything else by type and length."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    if isinstance(value, str) and len(value) <= 20 and value.isascii() and value.isprintable():
        return repr(value)
    return f"a {type(value).__name__}"


def _oauth_error(content: bytes) -> str | None:
    try:
        body = json.loads(content)
    except (ValueError, RecursionError):
        return None
    if not isinstance(body, dict) or "error" not in body:
        return None
    parts: Iterable[str] = (str(body["error"]), str(body.get("error_description") or ""))
    return ": ".join(part for part in parts if part)
