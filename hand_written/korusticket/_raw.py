"""Per-call options (`timeout=`, `headers=`, `language=`, `max_retries=`) and the raw response of a call."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from korusticket._context import MAX_RETRIES
from korusticket._operation import FIELD_VALUE, check_text, is_count
from korusticket.errors import InvalidRequestError

__all__ = ["CallOptions", "RawResponse"]

T = TypeVar("T")
LANGUAGE_TAG = r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(\s*;\s*q=[01](\.\d{0,3})?)?"
LANGUAGE_LIST = re.compile(rf"^{LANGUAGE_TAG}(\s*,\s*{LANGUAGE_TAG})*$")
"""An `Accept-Language` value: `fr`, `fr-FR`, or a weighted list (`fr, en;q=0.8`); ASCII only."""
HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
OWN_HEADERS = frozenset({"authorization", "host", "content-length", "content-type"})
"""Headers the client sets itself: a per-call header may not replace them."""


def check_timeout(value: Any, name: str = "timeout") -> httpx.Timeout | None:
    """Seconds or an httpx.Timeout, every part positive; None keeps the default. A ValueError names `name`."""
    if value is None:
        return None
    if isinstance(value, httpx.Timeout):
        given = [value.connect, value.read, value.write, value.pool]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        given = [value]
    else:
        raise InvalidRequestError(f"{name}: expected seconds (a number) or an httpx.Timeout, got {value!r}")
    if any(part is not None and not (part > 0 and math.isfinite(part)) for part in given):
        raise InvalidRequestError(f"{name}: expected a positive number of seconds (finite), got {value!r}")
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


LANGUAGE_LIMIT = 255
"""Longest `Accept-Language` sent: a few weighted tags; a longer value is a mistake."""


def check_language(value: Any, name: str = "language") -> str | None:
    if value is not None and (
        not isinstance(value, str) or len(value) > LANGUAGE_LIMIT or not LANGUAGE_LIST.fullmatch(value)
    ):
        shown = (
            f"{value[:60]!r}... ({len(value)} characters)"
            if isinstance(value, str) and len(value) > 60
            else repr(value)
        )
        raise InvalidRequestError(f"{name}: expected a language tag such as 'fr' or 'fr-FR', got {shown}")
    return value


@dataclass(frozen=True, init=False)
class CallOptions:
    """The options of one call, checked when given (a ValueError names the option)."""

    timeout: httpx.Timeout | None
    headers: Mapping[str, str]
    language: str | None
    max_retries: int | None

    def __init__(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
    ) -> None:
        object.__setattr__(self, "timeout", check_timeout(timeout))
        object.__setattr__(self, "headers", _check_headers(headers))
        object.__setattr__(self, "language", check_language(language))
        if max_retries is not None and not is_count(max_retries):
            raise InvalidRequestError(f"max_retries: expected an integer >= 0, got {max_retries!r}")
        object.__setattr__(self, "max_retries", max_retries)

    def __repr__(self) -> str:
        # Header values may be credentials of the caller's own: show the names only.
        return (
            f"CallOptions(timeout={self.timeout!r}, headers={sorted(self.headers)!r}, "
            f"language={self.language!r}, max_retries={self.max_retries!r})"
        )

    def under(self, options: CallOptions | None) -> CallOptions:
        """These options as defaults beneath `options` (a call's own): its values win, headers are merged."""
        if options is None or options.empty:
            return self
        merged = object.__new__(CallOptions)
        object.__setattr__(merged, "timeout", options.timeout if options.timeout is not None else self.timeout)
        object.__setattr__(merged, "headers", {**self.headers, **options.headers})
        object.__setattr__(merged, "language", options.language if options.language is not None else self.language)
        retries = options.max_retries if options.max_retries is not None else self.max_retries
        object.__setattr__(merged, "max_retries", retries)
        return merged

    @property
    def empty(self) -> bool:
        """True when no option is set, so the client's own settings apply unchanged."""
        return self.timeout is None and not self.headers and self.language is None and self.max_retries is None

    def apply(self, request: dict[str, Any]) -> dict[str, Any]:
        """Add these options to the keyword arguments of `httpx.Client.request`."""
        if self.empty:
            return request
        headers = dict(request.get("headers") or {})
        headers.update(self.headers)
        if self.language is not None:
            headers["Accept-Language"] = self.language
        if headers:
            request["headers"] = headers
        if self.timeout is not None:
            request["timeout"] = self.timeout
        if self.max_retries is not None:
            request["extensions"] = {**request.get("extensions", {}), MAX_RETRIES: self.max_retries}
        return request


def _check_headers(headers: Any) -> Mapping[str, str]:
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise InvalidRequestError(
            f"headers: expected a mapping of header names to values, got {type(headers).__name__}"
        )
    checked: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not HEADER_NAME.match(name):
            raise InvalidRequestError(f"headers: {name!r} is not a header name")
        if name.lower() in OWN_HEADERS:
            raise InvalidRequestError(f"headers.{name}: set by the client itself (configure auth or the body instead)")
        if not isinstance(value, str):
            raise InvalidRequestError(f"headers.{name}: expected a string, got {type(value).__name__}")
        if value and not FIELD_VALUE.fullmatch(value):
            raise InvalidRequestError(
                f"headers.{name}: expected visible ASCII characters, with no space, tab, line break or control "
                f"character at either end and no line break or control character inside"
            )
        checked[name] = check_text(value, f"headers.{name}", blank=True)  # and not longer than TEXT_LIMIT
    return checked


@dataclass(frozen=True)
class RawResponse(Generic[T]):
    """A call's HTTP answer beside its parsed body (`kt.with_raw_response.call(...)`).

    It went through the same checks as `call`: an error status raised, and `parsed` is the documented model.
    """

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        """The HTTP status of the response."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    def parse(self) -> T:
        """The parsed body (what `call` returns)."""
        return self.parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {type(self.parsed).__name__}>"
