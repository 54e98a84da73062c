"""Authentication: a fixed JWT, or the vendor's OIDC client-credentials flow, as `httpx.Auth` objects.

The token is only ever attached to requests for the API's own origin (scheme, host and port), so a
document download from a storage host, a redirect, or any other URL never receives it.

`ClientCredentialsAuth` fetches its token through the same HTTP client as the API calls (httpx runs the
token request inside the auth flow), so it is asynchronous under `AsyncKorusTicket`, goes through the
same transport and retries, and needs no second client. One token is shared by every thread or task
using the client: a lock makes exactly one of them fetch or refresh it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from korusticket._urls import Origin, origin
from korusticket.errors import (
    APIStatusError,
    AuthenticationError,
    UnexpectedResponseError,
    error_from_response,
    excerpt,
    redact,
)

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


class Secret:
    """A string that does not show itself: `repr`, `str` and f-strings print `***`."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("expected a non-empty string")
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
        self.scheme = scheme
        self._origins: frozenset[Origin] = frozenset()

    def restrict_to(self, base_url: str | httpx.URL) -> None:
        """Only requests to this origin get the token. `KorusTicket` calls it with its base URL."""
        self._origins = frozenset({origin(base_url)})

    def applies_to(self, request: httpx.Request) -> bool:
        return origin(request.url) in self._origins

    def header_value(self, token: str) -> str:
        return f"{self.scheme} {token}" if self.scheme else token

    def secrets(self) -> list[str]:
        """Values that must never be shown: redacted from error messages."""
        return []


class StaticTokenAuth(TokenAuth):
    """A JWT obtained elsewhere. It is not refreshed: a 401 raises `AuthenticationError`."""

    def __init__(self, token: str | Secret, *, scheme: str = "Bearer") -> None:
        super().__init__(scheme=scheme)
        self._token = token if isinstance(token, Secret) else Secret(token)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.applies_to(request):
            request.headers["Authorization"] = self.header_value(self._token.reveal())
        yield request

    def secrets(self) -> list[str]:
        return [self._token.reveal()]

    def __repr__(self) -> str:
        return f"StaticTokenAuth(scheme={self.scheme!r}, token=***)"


@dataclass(frozen=True)
class _Token:
    access_token: Secret
    expires_at: float
    refresh_token: Secret | None
    refresh_expires_at: float | None


class ClientCredentialsAuth(TokenAuth):
    """The vendor's OIDC client-credentials flow (guides: authentication/oidc).

    The token is fetched on first use, refreshed `leeway` seconds before it expires (with the refresh
    token while that is valid, otherwise with the client credentials again), and fetched anew once when
    the API answers 401, after which the request is sent again.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str | Secret,
        *,
        token_url: str = DEFAULT_TOKEN_URL,
        scheme: str = "Bearer",
        leeway: float = 60.0,
        timeout: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(scheme=scheme)
        if not isinstance(client_id, str) or not client_id.strip():
            raise ValueError("client_id: expected a non-empty string")
        self.client_id = client_id
        self._client_secret = client_secret if isinstance(client_secret, Secret) else Secret(client_secret)
        self.token_url = str(httpx.URL(token_url))
        self.leeway = leeway
        self.timeout = httpx.Timeout(timeout)
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self._async_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )
        self.token_requests = 0
        """How many times the token endpoint was called (useful in tests and logs)."""

    def __repr__(self) -> str:
        return f"ClientCredentialsAuth(client_id={self.client_id!r}, token_url={self.token_url!r}, secret=***)"

    def secrets(self) -> list[str]:
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
        if not self.applies_to(request):
            yield request
            return
        sent = None
        for _ in range(2):  # the second pass only after a 401, with a new token
            with self._lock:
                self._forget_if_current(sent)
                for grant, last in self._grants():
                    answer = yield self._token_request(grant)
                    answer.read()
                    if self._accept(grant, answer, last):
                        break
                sent = self._current()
            request.headers["Authorization"] = self.header_value(sent)
            response = yield request
            if response.status_code != 401:
                return

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not self.applies_to(request):
            yield request
            return
        sent = None
        lock = self._async_lock()
        for _ in range(2):
            async with lock:
                self._forget_if_current(sent)
                for grant, last in self._grants():
                    answer = yield self._token_request(grant)
                    await answer.aread()
                    if self._accept(grant, answer, last):
                        break
                sent = self._current()
            request.headers["Authorization"] = self.header_value(sent)
            response = yield request
            if response.status_code != 401:
                return

    def _forget_if_current(self, rejected: str | None) -> None:
        """After a 401, drop the token that was refused, unless another request already replaced it."""
        if rejected is not None and self._token is not None and self._token.access_token.reveal() == rejected:
            self._token = None

    # -------------------------------------------------------------------------------- token handling

    def _current(self) -> str:
        assert self._token is not None  # noqa: S101 - set by _ensure_token_*
        return self._token.access_token.reveal()

    def _async_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._async_locks.get(loop)
        if lock is None:
            lock = self._async_locks[loop] = asyncio.Lock()
        return lock

    def _grants(self) -> list[tuple[dict[str, str], bool]]:
        """Token requests to try, in order, to get a valid token now ([] when the current one is fine).

        Each comes with whether it is the last one to try.
        """
        now = self._clock()
        token = self._token
        if token is not None and now < token.expires_at - self.leeway:
            return []
        credentials = {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self._client_secret.reveal(),
        }
        if (
            token is not None
            and token.refresh_token is not None
            and token.refresh_expires_at is not None
            and now < token.refresh_expires_at - REFRESH_MARGIN
        ):
            refresh = {
                "grant_type": "refresh_token",
                "refresh_token": token.refresh_token.reveal(),
                "client_id": self.client_id,
                "client_secret": self._client_secret.reveal(),
            }
            return [(refresh, False), (credentials, True)]
        return [(credentials, True)]

    def _token_request(self, form: dict[str, str]) -> httpx.Request:
        # Built here rather than by the client, so it carries none of the API's headers, and its own timeout.
        return httpx.Request(
            "POST",
            self.token_url,
            data=form,
            headers={"Accept": "application/json"},
            extensions={"timeout": self.timeout.as_dict()},
        )

    def _accept(self, grant: dict[str, str], response: httpx.Response, last: bool) -> bool:
        """Store the token of a successful response. A failed refresh falls back to the next grant."""
        self.token_requests += 1
        if response.is_success:
            self._token = self._parse(response)
            lifetime = self._token.expires_at - self._clock()
            logger.info(
                "obtained an access token for client %r (%s grant, valid %.0f s)",
                self.client_id,
                grant["grant_type"],
                lifetime,
            )
            return True
        if not last and grant["grant_type"] == "refresh_token" and response.status_code in (400, 401):
            return False
        raise self._failure(response)

    def _parse(self, response: httpx.Response) -> _Token:
        try:
            body = response.json()
            access_token = body["access_token"]
            expires_in = float(body.get("expires_in", 300))
            refresh_token = body.get("refresh_token")
            refresh_expires_in = body.get("refresh_expires_in")
            refresh_expires_at = self._clock() + float(refresh_expires_in) if refresh_expires_in is not None else None
            return _Token(
                access_token=Secret(access_token),
                expires_at=self._clock() + expires_in,
                refresh_token=Secret(refresh_token) if isinstance(refresh_token, str) and refresh_token else None,
                refresh_expires_at=refresh_expires_at,
            )
        except (ValueError, KeyError, TypeError):
            raise UnexpectedResponseError(
                "the token endpoint's answer has no usable access_token",
                status_code=response.status_code,
                content_type=response.headers.get("content-type"),
                excerpt=excerpt(redact(response.text, self.secrets())),
                method="POST",
                url=self.token_url,
            ) from None

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
        if 400 <= response.status_code < 500:
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
        if oauth_error:
            summary += f" ({oauth_error})"
        error.args = (f"{summary}: {error.args[0]}",)
        return error


def _oauth_error(content: bytes) -> str | None:
    try:
        body = json.loads(content)
    except ValueError:
        return None
    if not isinstance(body, dict) or "error" not in body:
        return None
    parts: Iterable[str] = (str(body["error"]), str(body.get("error_description") or ""))
    return ": ".join(part for part in parts if part)
