"""The exceptions every KorusTicket call raises, generated endpoint functions included.

`error_from_response` turns an HTTP error response into the class for its status; the HTTP client built
by `KorusTicket` calls it for every response, so the same classes come out whichever layer made the call.
Exceptions hold plain data (status, headers, parsed body, a short excerpt, method and URL), never the
request object: its headers carry the JWT.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar
from urllib.parse import quote, quote_plus, unquote

import orjson

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ArgumentTypeError",
    "AuthenticationError",
    "BadRequestError",
    "CommittedWriteError",
    "ConfigurationError",
    "ConflictError",
    "DocumentDownloadError",
    "InvalidRequestError",
    "KorusTicketError",
    "MissingBodyFieldError",
    "MissingFieldError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ReservationExpiredError",
    "ResponseTooLargeError",
    "ServerError",
    "UnexpectedResponseError",
    "ValidationError",
    "Violation",
    "error_from_response",
]

EXCERPT_LENGTH = 300
REDACTED = "[REDACTED]"


class KorusTicketError(Exception):
    """Base class of every error this SDK raises.

    Every one pickles (a `ProcessPoolExecutor` worker may raise it): its attributes are plain data.
    """

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[KorusTicketError], args: tuple[Any, ...], state: dict[str, Any]) -> KorusTicketError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class ConfigurationError(KorusTicketError, ValueError):
    """The client was set up with missing or contradictory settings."""


class ClientClosedError(KorusTicketError, RuntimeError):
    """A call on a client that was closed (`close()`, or the end of its `with` block): build a new client."""


class InvalidRequestError(KorusTicketError, ValueError):
    """Refused before anything was sent: an argument is missing, of the wrong type, malformed or out of range.

    `argument` names it as the call spelt it (`items[0].quantity`, `customer.email`, `body.customer`); the
    message starts with that name. It is a `ValueError` too, so code written for plain Python checks still works.
    """

    def __init__(self, message: str, *, argument: str | None = None) -> None:
        super().__init__(message)
        self.argument = argument if argument is not None else message.split(": ", 1)[0]


class ArgumentTypeError(InvalidRequestError, TypeError):
    """An argument of a type the call cannot take (an int where an operation or a client is expected).

    A `TypeError` as well, so code catching Python's own error for a wrong type still catches it.
    """


class MissingBodyFieldError(InvalidRequestError):
    """A request body lacks a field its schema requires (`field`, of the body model `model`)."""

    def __init__(self, message: str, *, field: str, model: str, argument: str = "body") -> None:
        super().__init__(message, argument=argument)
        self.field = field
        self.model = model

    def passed_with(self, how: str) -> MissingBodyFieldError:
        """The same error, saying how a workflow call passes the field (`extra_body=...`)."""
        return MissingBodyFieldError(
            f"{self.args[0]}; pass it with {how}", field=self.field, model=self.model, argument=self.argument
        )


class MissingFieldError(KorusTicketError, ValueError):
    """A response lacks a field the caller needs (see `korusticket.require`)."""


class APIConnectionError(KorusTicketError):
    """The request did not get an HTTP response: DNS, TCP, TLS, or the connection dropped."""

    def __init__(self, message: str, *, method: str, url: str, request_sent: bool = True) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.request_sent = request_sent
        """False only when the connection was never made (the server cannot have acted on the request);
        True when it may have been sent, so a write's outcome is unknown and must be read back."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or waiting for a pooled connection)."""


class UnexpectedResponseError(KorusTicketError):
    """A response whose body is not what the API documents (not JSON, or not the documented shape)."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        content_type: str | None,
        excerpt: str,
        method: str,
        url: str,
    ) -> None:
        super().__init__(
            f"{message} ({method} {url} answered {status_code}, content type {content_type or 'none'}): {excerpt!r}"
        )
        self.status_code = status_code
        self.content_type = content_type
        self.excerpt = excerpt
        self.method = method
        self.url = url


class ResponseTooLargeError(UnexpectedResponseError):
    """The answer was larger than the client's `max_response_bytes`: it was not read to the end."""


class CommittedWriteError(UnexpectedResponseError):
    """The API accepted a write (a 2xx to a POST or PATCH) but its answer could not be read.

    The change happened: do not send the request again. `raw` is the decoded JSON body when it was
    JSON at all (else None), so nothing the server said is lost; read the resource back to see it
    (the booking workflows do this for orders and reservations).
    """

    def __init__(self, message: str, *, raw: Any = None, **kwargs: Any) -> None:
        super().__init__(f"the write was committed, but {message}", **kwargs)
        self.raw = raw


class DocumentDownloadError(KorusTicketError):
    """A document's download did not give a complete document: a status other than 200, a page that is not a
    document (a login page), a body cut short or too large, or a redirect off the storage host. No file was
    written. `url` has its signature removed."""

    def __init__(self, message: str, *, status_code: int | None, content_type: str | None, url: str) -> None:
        super().__init__(f"document download from {url}: {message}")
        self.status_code = status_code
        self.content_type = content_type
        self.url = url


class APIStatusError(KorusTicketError):
    """The API answered with an error status. Subclasses exist for the statuses a caller handles."""

    status_code: int

    def __init__(
        self,
        *,
        status_code: int,
        headers: Mapping[str, str],
        body: Any,
        excerpt: str,
        method: str,
        url: str,
    ) -> None:
        self.status_code = status_code
        self.headers = dict(headers)
        self.body = body
        """The parsed JSON body, or None when the body is not JSON."""
        self.excerpt = excerpt
        """The start of the raw body, secrets removed."""
        self.method = method
        self.url = url
        self.request_id = self.headers.get("x-request-id")
        super().__init__(self._message())

    @property
    def title(self) -> str | None:
        """The error body's `title`, the API's one-line summary of the error; None when the body has none."""
        return _string_field(self.body, "title")

    @property
    def detail(self) -> str | None:
        """The API's explanation: the body's `detail`, else its `description`; None when the body has neither."""
        return _string_field(self.body, "detail") or _string_field(self.body, "description")

    def _message(self) -> str:
        try:
            reason = HTTPStatus(self.status_code).phrase
        except ValueError:
            reason = "non-standard status"
        text = f"{self.status_code} {reason} on {self.method} {self.url}"
        explanation = self.detail or self.title or self.excerpt
        if explanation:
            text += f": {explanation}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, method={self.method!r}, url={self.url!r})"


class BadRequestError(APIStatusError):
    """400: the request is malformed (for instance a query parameter out of range)."""


class AuthenticationError(APIStatusError):
    """401 from the API, or the token endpoint refused the credentials."""


class PermissionDeniedError(APIStatusError):
    """403: the account may not use this resource (for instance a catalog it is not entitled to)."""


class NotFoundError(APIStatusError):
    """404: no such resource."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class RateLimitError(APIStatusError):
    """429: too many requests. `retry_after` is the wait the server asked for, in seconds, when it said."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (`Retry-After`: seconds or an HTTP date); None when it did not say."""
        from korusticket.backoff import parse_retry_after

        return parse_retry_after(self.headers.get("retry-after"))


class ServerError(APIStatusError):
    """5xx, including the non-standard ones proxies send (520-527, 561, ...)."""


@dataclass(frozen=True)
class Violation:
    """One entry of a 422 `ConstraintViolationList`."""

    property_path: str
    message: str
    code: str | None = None

    def __str__(self) -> str:
        where = f"{self.property_path}: " if self.property_path else ""
        code = f" (code {self.code})" if self.code else ""
        return f"{where}{self.message}{code}"


MESSAGE_VIOLATIONS = 10
"""Violations shown in a `ValidationError`'s message, each cut to an excerpt: all of them are in `.violations`."""


class ValidationError(APIStatusError):
    """422: the API rejected the request body. `violations` says which field and why."""

    specific_violations: ClassVar[tuple[tuple[re.Pattern[str], str | None], ...]] = ()
    """(property path pattern, violation code) pairs this subclass stands for."""

    def __init__(self, *, request_body: Any = None, **kwargs: Any) -> None:
        self.request_body = request_body
        body = kwargs.get("body")
        self.violations: list[Violation] = list(_violations(body))
        super().__init__(**kwargs)

    def for_field(self, property_path: str) -> list[Violation]:
        """The violations of one field, e.g. `for_field("customer.email")`."""
        return [violation for violation in self.violations if violation.property_path == property_path]

    def _message(self) -> str:
        head = APIStatusError._message(self).split(": ", 1)[0]
        if not self.violations:
            return APIStatusError._message(self)
        shown = [excerpt(str(violation)) for violation in self.violations[:MESSAGE_VIOLATIONS]]
        more = len(self.violations) - len(shown)
        return head + ": " + "; ".join(shown) + (f"; and {more} more (see .violations)" if more > 0 else "")


EXPIRED_RESERVATION_PATH = re.compile(r"^reservations\[(\d+)\]\.expired$")
EXPIRED_RESERVATION_CODE = "d53a91b0-def3-426a-83d7-269da7ab4200"


class ReservationExpiredError(ValidationError):
    """422 from ordering: one or more reservations expired before the order was placed.

    `reservation_indexes` are positions in the request's `reservations` list; `reservation_iris` the
    matching IRIs when the request body is known.
    """

    specific_violations = ((EXPIRED_RESERVATION_PATH, EXPIRED_RESERVATION_CODE),)

    @property
    def reservation_indexes(self) -> list[int]:
        """Positions, in the request's `reservations`, of the reservations the API reported expired."""
        indexes = []
        for violation in self.violations:
            match = EXPIRED_RESERVATION_PATH.match(violation.property_path)
            if match:
                indexes.append(int(match.group(1)))
        return indexes

    @property
    def reservation_iris(self) -> list[str]:
        """The IRIs of the expired reservations, as sent in the request (matched by `reservation_indexes`)."""
        sent = self.request_body.get("reservations") if isinstance(self.request_body, dict) else None
        if not isinstance(sent, list):
            return []
        return [str(sent[index]) for index in self.reservation_indexes if index < len(sent)]


STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitError,
}
SPECIFIC_VALIDATION_ERRORS: tuple[type[ValidationError], ...] = (ReservationExpiredError,)


def error_from_response(
    *,
    status_code: int,
    headers: Mapping[str, str],
    content: bytes,
    method: str,
    url: str,
    request_body: bytes | None = None,
    secrets: Iterable[str] = (),
) -> APIStatusError:
    """The exception for an error response (status >= 400)."""
    forms = secret_forms(secrets)  # written out once, for the body and every header
    text = redact_forms(content.decode("utf-8", errors="replace"), forms)
    body = _json_or_none(text)
    lowered = {key.lower(): redact_forms(value, forms) for key, value in headers.items()}
    common: dict[str, Any] = {
        "status_code": status_code,
        "headers": lowered,
        "body": body,
        "excerpt": excerpt(text),
        "method": method,
        "url": url,
    }
    if status_code >= 500:
        return ServerError(**common)
    cls = STATUS_CLASSES.get(status_code, APIStatusError)
    if cls is ValidationError:
        violations = list(_violations(body))
        sent = _json_or_none(request_body.decode("utf-8", errors="replace")) if request_body else None
        for specific in SPECIFIC_VALIDATION_ERRORS:
            if violations and all(_matches(violation, specific.specific_violations) for violation in violations):
                return specific(request_body=sent, **common)
        return ValidationError(request_body=sent, **common)
    return cls(**common)


SIGNED_QUERY_KEYS = frozenset(
    {
        "signature",
        "sig",
        "x-amz-signature",
        "x-amz-credential",
        "x-amz-security-token",
        "x-goog-signature",
        "x-goog-credential",
        "token",
        "access_token",
        "code",
    }
)
"""Query parameters of signed URLs (document downloads) whose values grant access: never shown."""


def redact_url(url: Any) -> str:
    """`url` with the values of signing query parameters replaced, for messages and log lines."""
    text = str(url)
    if "?" not in text:
        return text
    base, _, query = text.partition("?")
    parts = []
    for part in query.split("&"):
        key, equals, _value = part.partition("=")
        parts.append(f"{key}={REDACTED}" if equals and unquote(key).lower() in SIGNED_QUERY_KEYS else part)
    return f"{base}?{'&'.join(parts)}"


def signing_values(url: Any) -> list[str]:
    """The values of `url`'s signing query parameters (as sent and decoded): secrets, like a token."""
    query = str(url).partition("?")[2]
    values = []
    for part in query.split("&"):
        key, equals, value = part.partition("=")
        if equals and value and unquote(key).lower() in SIGNED_QUERY_KEYS:
            values += [value, unquote(value)]
    return values


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def written_forms(secret: str) -> set[str]:
    """A secret as a server may echo it: as it is, escaped in JSON (`\\uXXXX` for non-ASCII, and PHP's
    `json_encode` writes `/` as `\\/`), or URL-encoded (a form body echoed). A string no encoding can take (a lone
    surrogate) is looked for as it is, and as JSON writes it."""
    forms = {secret}
    for escaped in (json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]):
        forms |= {escaped, escaped.replace("/", "\\/")}
    for encode in (quote, quote_plus):
        with contextlib.suppress(UnicodeError):
            forms.add(encode(secret, safe=""))
    return forms


def secret_forms(secrets: Iterable[str]) -> list[str]:
    """Every written form of every secret, longest first, so that each is replaced whole (one secret's form may
    hold another secret)."""
    return sorted({form for secret in secrets if secret for form in written_forms(secret)}, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str]) -> str:
    return redact_forms(text, secret_forms(secrets))


def redact_forms(text: str, forms: Iterable[str]) -> str:
    """`text` with each of `forms` (see `secret_forms`) and every token field of a JSON body replaced."""
    for form in forms:
        text = text.replace(form, REDACTED)
    return re.sub(r'("(?:access|refresh|id)_token"\s*:\s*")[^"]*(")', rf"\1{REDACTED}\2", text)


def _matches(violation: Violation, patterns: tuple[tuple[re.Pattern[str], str | None], ...]) -> bool:
    return any(
        path.match(violation.property_path) and (code is None or violation.code in (None, code))
        for path, code in patterns
    )


def _violations(body: Any) -> Iterable[Violation]:
    items = body.get("violations") if isinstance(body, dict) else None
    if not isinstance(items, list):
        return
    for item in items:
        if isinstance(item, dict):
            yield Violation(
                property_path=str(item.get("propertyPath") or ""),
                message=str(item.get("message") or ""),
                code=str(item["code"]) if item.get("code") is not None else None,
            )


def _json_or_none(text: str) -> Any:
    """The JSON in an error body, or None for anything unreadable (not JSON, cut short, nested too deep)."""
    try:
        return orjson.loads(text)
    except (ValueError, RecursionError, MemoryError):
        return None


def _string_field(body: Any, name: str) -> str | None:
    value = body.get(name) if isinstance(body, dict) else None
    return value if isinstance(value, str) and value else None
