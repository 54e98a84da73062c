"""The httpx clients `KorusTicket` and `AsyncKorusTicket` own, and the one place errors are raised.

Every request, whether it comes from the facade or from a generated endpoint function given
`kt.client`, goes through `send()` below: transport failures become `APIConnectionError` /
`APITimeoutError`, error statuses become the `APIStatusError` subclass for the status, and a success
whose body is not JSON becomes `UnexpectedResponseError`, before the generated code parses anything
(it would crash on non-standard statuses such as 520). The paginator's window alone defers the check of a
success it fetched ahead (`send(check=False)`) to when its reader takes the page (`checked()`).
"""

from __future__ import annotations

import logging
import math
import re
import time
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from korusticket._context import DECODED, KEEP_JSON, OPERATION, PARSED, READING, deadline_of
from korusticket._iri_core import operation_at
from korusticket._lazy import lazy_module
from korusticket._urls import Origin, origin
from korusticket.errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    CommittedWriteError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    error_from_response,
    excerpt,
    redact,
    redact_url,
    signing_values,
)

if TYPE_CHECKING:
    import asyncio
else:  # loaded on first use (make bench: start-up): a sync client never starts an event loop
    asyncio = lazy_module("asyncio")

SecretsSource = Callable[[], Iterable[str]]
JSON_MEDIA_TYPES = ("application/json", "application/ld+json", "application/problem+json")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The default cap on a response body (decoded): a page of 50 offers is about 70 KB."""


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media in JSON_MEDIA_TYPES or media.endswith("+json")


def _describe(request: httpx.Request) -> tuple[str, str]:
    """Method and URL for messages: a signed download URL loses its signature."""
    return request.method, redact_url(request.url)


class RedactSignedURLs(logging.Filter):
    """On httpx's logger: its INFO line names every URL, and a signed download URL grants access to a file."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any("?" in str(arg) for arg in record.args):
            record.args = tuple(
                redact_url(arg) if isinstance(arg, httpx.URL | str) and "?" in str(arg) else arg for arg in record.args
            )
        return True


def install_log_redaction() -> None:
    """Add `RedactSignedURLs` to the `httpx` logger once (the SDK does it on import)."""
    log = logging.getLogger("httpx")
    if not any(isinstance(existing, RedactSignedURLs) for existing in log.filters):
        log.addFilter(RedactSignedURLs())


install_log_redaction()


def connection_error(error: httpx.TransportError, fallback: httpx.Request) -> APIConnectionError:
    """Our exception for an httpx transport failure. The httpx error is not chained: it holds the request."""
    try:
        request = error.request
    except RuntimeError:
        request = fallback
    method, url = _describe(request)
    kind = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if kind is APITimeoutError else "failed"
    never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
    detail = f"{type(error).__name__}: {error}"
    if isinstance(error, httpx.LocalProtocolError) and str(error).startswith("Illegal header"):
        # h11 refuses a header before writing anything, and its message holds the value (maybe a credential).
        never_sent = True
        detail = "a request header is not valid HTTP (nothing was sent; the value is not shown)"
    return kind(f"{method} {url} {what}: {detail}", method=method, url=url, request_sent=not never_sent)


def check_response(response: httpx.Response, request: httpx.Request, secrets: SecretsSource, *, api: bool) -> None:
    """Raise the SDK's exception for `response` when it is an error or an unusable success.

    `api` says whether the request went to the API (whose successes must be JSON) rather than, say,
    the storage host of a document. The body must have been read.
    """
    status = response.status_code
    method = request.method
    if status >= 400:
        method, url = _describe(request)
        body = request.content if _is_json(request.headers.get("content-type")) else None
        raise error_from_response(
            status_code=status,
            headers=response.headers,
            content=response.content,
            method=method,
            url=url,
            request_body=body,
            secrets=[*secrets(), *signing_values(request.url)],  # a storage host may echo a signed URL's signature
        )
    content_type = response.headers.get("content-type")
    problem, raw = None, None
    if status not in HTTPStatus._value2member_map_:
        problem = "non-standard HTTP status"
    elif api and 300 <= status < 400:
        problem = f"the API answered with a redirect ({status}), which the client does not follow"
    elif api and 200 <= status < 300 and status != 204 and method != "HEAD" and response.content:
        if not _is_json(content_type):
            problem = "the API answered with a body that is not JSON"
        else:
            try:
                raw = orjson.loads(response.content)
            except orjson.JSONDecodeError as error:
                nested = "recursion" in str(error)  # orjson stops at 1024 levels
                problem = f"the API answered with {'JSON nested too deeply to read' if nested else 'malformed JSON'}"
            else:
                problem = _parse_success(response, request, raw)
    if problem:
        raise unexpected_response(response, request, problem, raw, secrets())


def unexpected_response(
    response: httpx.Response,
    request: httpx.Request,
    problem: str,
    raw: Any,
    secrets: Iterable[str] = (),
    *,
    write: bool | None = None,
) -> UnexpectedResponseError:
    """The error for an unusable answer: a `CommittedWriteError` when it was a 2xx to a write (`write`: whether
    the request was one; by default, any method but GET, HEAD and OPTIONS)."""
    method, url = _describe(request)
    common: dict[str, Any] = {
        "status_code": response.status_code,
        "content_type": response.headers.get("content-type"),
        "excerpt": excerpt(redact(response.text, secrets)),
        "method": method,
        "url": url,
    }
    if 200 <= response.status_code < 300 and (method not in SAFE_METHODS if write is None else write):
        return CommittedWriteError(problem, raw=raw, **common)
    return UnexpectedResponseError(problem, **common)


def _parse_success(response: httpx.Response, request: httpx.Request, decoded: Any) -> str | None:
    """Parse a success into its operation's model, here, so that every caller (generated functions too)
    gets a clear error for a body of the wrong shape instead of a KeyError; the model is kept for the facade."""
    operation = request.extensions.get(OPERATION) or operation_at(request.method, request.url.path)
    if operation is None or operation.success_class is None:
        response.extensions[DECODED] = decoded  # no model to build: keep the JSON for whoever reads it
        return None
    try:
        response.extensions[PARSED] = operation.success_class.from_dict(decoded)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        return f"the body is not the documented {operation.success_model} ({error!r})"
    if request.extensions.get(KEEP_JSON):  # from_dict copies what it keeps: the JSON is still the answer's
        response.extensions[DECODED] = decoded
    return None


def decoded_body(response: httpx.Response) -> Any:
    """The JSON body `check_response` decoded, without decoding it again; None when there is none to read."""
    if DECODED in response.extensions:
        return response.extensions[DECODED]
    try:
        return orjson.loads(response.content) if response.content else None
    except orjson.JSONDecodeError:
        return None


MAX_CLOCK_OFFSET = timedelta(days=36525)
"""How far the API's `Date` may be from the local clock and still be read as its time: a century (a sandbox
served with its clock set years back is still followed; year 9999 is not, and would overflow `now()`)."""


class ServerClock:
    """The API's idea of the time, from the `Date` header of its answers (reservations expire on its clock)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)
        """Server time minus local time, as last observed (0 until an answer carried a `Date`)."""
        self.source: Callable[[], datetime] | None = None
        """The server's own clock, when it is in the same process (the sandbox); else `Date` headers decide."""

    _last: tuple[str, datetime | None] = ("", None)
    """The last `Date` header read and what it said: answers within a second carry the same one."""

    def observe(self, response: httpx.Response) -> None:
        header = response.headers.get("date")
        if not header:
            return
        text, server = self._last
        if header != text:
            try:
                server = parsedate_to_datetime(header)
            except (TypeError, ValueError):
                server = None
            if server is not None and server.tzinfo is None:
                server = server.replace(tzinfo=UTC)
            self._last = (header, server)
        if server is None:
            return
        # `Date` has a resolution of one second: keep the local time's fraction.
        local = datetime.fromtimestamp(time.time(), UTC)
        offset = server - local.replace(microsecond=0)
        if abs(offset) <= MAX_CLOCK_OFFSET:  # further off is no clock: the last good offset stays
            self.offset = offset

    def now(self) -> datetime:
        if self.source is not None:
            return self.source()
        return datetime.now(UTC) + self.offset


class _BodyLimits:
    """A response body read within the call's deadline and the client's size cap, chunk by chunk."""

    def __init__(self, response: httpx.Response, request: httpx.Request, deadline: float, max_bytes: int) -> None:
        self.response = response
        self.request = request
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.chunks: list[bytes] = []
        self.size = 0
        announced = announced_length(response.headers)
        self.announced = announced if "content-encoding" not in response.headers else None
        if announced is not None and announced > max_bytes:
            self.too_large(f"announces {announced} bytes")

    def room(self) -> int:
        """How many more bytes the body may have."""
        return max(self.max_bytes - self.size, 0)

    def take(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            self.too_large(f"went past {self.max_bytes} bytes")
        complete = self.announced is not None and self.size >= self.announced  # all here: no need to give up
        if not complete and time.monotonic() > self.deadline:
            method, url = _describe(self.request)
            raise APITimeoutError(
                f"{method} {url} timed out: the body was still arriving when the call's timeout ran out "
                f"({self.size} bytes read)",
                method=method,
                url=url,
            )
        self.chunks.append(chunk)

    def too_large(self, what: str) -> None:
        method, url = _describe(self.request)
        raise ResponseTooLargeError(
            f"the answer {what}, over the client's max_response_bytes ({self.max_bytes}); the rest was not read",
            status_code=self.response.status_code,
            content_type=self.response.headers.get("content-type"),
            excerpt="",
            method=method,
            url=url,
        )

    def finish(self) -> None:
        # What `httpx.Response.read()` does once the body is in: the joined bytes become `content`.
        content = self.response._content = b"".join(self.chunks)
        if self.response.is_closed:
            # httpx's client wraps the transport's stream in one that refers back to the response: a reference
            # cycle, which keeps the response, its request and its body alive until the garbage collector runs
            # (about 23 objects a call, and more collections). Once the whole body is read the stream is closed,
            # and the stream left is the bytes. (A read that failed keeps its stream, for close() to release.)
            self.response.stream = httpx.ByteStream(content)

    def failed(
        self, error: httpx.TransportError | httpx.DecodingError, *, undecodable_ok: bool, write: bool | None
    ) -> Exception | None:
        """The SDK's error for a read that failed (None: a body that would not decompress, and that is fine)."""
        if isinstance(error, httpx.TransportError):
            return connection_error(error, self.request)
        self.finish()  # what was decoded before it failed: the error's excerpt reads it
        if undecodable_ok:
            return None
        problem = (
            f"the body could not be decompressed ({error})" if str(error) else "the body could not be decompressed"
        )
        return unexpected_response(self.response, self.request, problem, None, write=write)


class _SetCookieOnly(httpx.Cookies):
    """A client's cookie jar that skips reading a response for cookies when the response sets none.

    httpx hands every response to its client's jar, which wraps it in urllib request and message objects to look
    for `Set-Cookie`; the API's answers carry none, so that work bought nothing on every call."""

    def extract_cookies(self, response: httpx.Response) -> None:
        if "set-cookie" in response.headers:
            super().extract_cookies(response)


_CANONICAL_PATH = re.compile(r"(?:[A-Za-z0-9\-._~/]|%[0-9A-Fa-f]{2})*")
"""A path httpx's parser leaves as it is: unreserved characters, slashes and percent escapes (no dot segment)."""
_CANONICAL_QUERY = re.compile(r"(?:[A-Za-z0-9\-._~=&+]|%[0-9A-Fa-f]{2})*")
"""A query httpx's parser leaves as it is, which is what httpx's encoding of query parameters gives."""


def _canonical_url(base: httpx.URL, path: str, query: str | None) -> httpx.URL | None:
    """`base` with `path` under its own path and `query`, built from the base's parsed parts without parsing the
    text again, when `path` and `query` are in the form the parser would leave them in; else None (then parse).

    httpx's parser checks every character of a URL in a Python loop, about 12 us for an API URL. `httpx.URL`
    keeps its parts in `_uri_reference`; `_URL_PARTS` says whether this httpx's URLs are built that way."""
    if (
        not _URL_PARTS
        or len(path) > 2000
        or "/." in path
        or not _CANONICAL_PATH.fullmatch(path)
        or (query is not None and (len(query) > 8000 or not _CANONICAL_QUERY.fullmatch(query)))
    ):
        return None
    return _from_parts(base, path, query)


def _builds_urls_from_parts() -> bool:
    """Whether `_canonical_url` gives what httpx's parser gives, on this version of httpx."""
    try:
        base = httpx.URL("https://api.example.com:8443/root/")
        probe = _from_parts(base, "/v1/a-b_c~d.e/%2F", "page=2&q=a+b%26")
    except (AttributeError, TypeError, ValueError):
        return False
    expected = httpx.URL("https://api.example.com:8443/root/v1/a-b_c~d.e/%2F?page=2&q=a+b%26")
    return probe == expected and probe.raw_path == expected.raw_path and str(probe) == str(expected)


def _from_parts(base: httpx.URL, path: str, query: str | None) -> httpx.URL:
    parts = base._uri_reference
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = parts._replace(path=(parts.path or "/") + path.lstrip("/"), query=query, fragment=None)
    return url


_URL_PARTS = _builds_urls_from_parts()


class _APIClient:
    """What the sync and async HTTP clients add to httpx's for the facade's hot path."""

    base_url: httpx.URL
    params: httpx.QueryParams
    _cookies: httpx.Cookies
    _secrets: SecretsSource
    _prefix: tuple[httpx.URL, str] | None = None
    _origin: tuple[httpx.URL, Origin] | None = None

    def api_url(self, path: str, params: Mapping[str, Any] | None = None) -> httpx.URL:
        """`base_url` joined with `path` and `params` as the query string, parsed once at most.

        `httpx.Client.request("GET", "/v1/...", params=...)` parses the URL three times (the path, the path
        joined to `base_url`, then the URL with its query). This joins the text by httpx's rules (the path goes
        under the base URL's own path; the query is httpx's encoding of the params) and gives the same
        `httpx.URL`: without parsing it again when the path and query are already in the form httpx's parser
        would leave them in (`_canonical_url`), else parsed once."""
        base = self.base_url
        prefix = self._prefix
        if prefix is None or prefix[0] is not base:  # the base URL of a client can be replaced
            text = str(base.copy_with(query=None, fragment=None))  # what httpx's merge keeps of a base URL
            prefix = self._prefix = (base, text if text.endswith("/") else f"{text}/")  # an empty path is "/"
        query = None
        if params or self.params:
            merged = self.params.merge(params)
            query = str(merged) if merged else None
        return _canonical_url(base, path, query) or httpx.URL(
            prefix[1] + path.lstrip("/") if query is None else f"{prefix[1]}{path.lstrip('/')}?{query}"
        )

    def checked(self, response: httpx.Response) -> httpx.Response:
        """A success read by `send(check=False)`, checked and parsed as `send` would have (or its exception)."""
        request = response.request
        check_response(response, request, self._secrets, api=self.is_api(request.url))
        return response

    def is_api(self, url: httpx.URL) -> bool:
        """Whether `url` has the base URL's origin (scheme, host, port)."""
        base = self.base_url
        known = self._origin
        if known is None or known[0] is not base:
            known = self._origin = (base, origin(base))
        return origin(url) == known[1]

    @property
    def cookies(self) -> httpx.Cookies:
        return self._cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:  # what httpx.Cookies() takes
        self._cookies = _SetCookieOnly(cookies)


class KorusHTTPClient(_APIClient, httpx.Client):
    """httpx.Client whose every response is read within the call's deadline and size cap, and checked by
    `check_response` (a success sent with `check=False`, when `checked()` is called)."""

    def __init__(self, *, secrets: SecretsSource, max_response_bytes: int = MAX_RESPONSE_BYTES, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = self._cookies  # the jar httpx made, as a _SetCookieOnly
        self._secrets = secrets
        self.max_response_bytes = max_response_bytes
        self.server_clock = ServerClock()

    def send(
        self, request: httpx.Request, *, stream: bool = False, check: bool = True, **kwargs: Any
    ) -> httpx.Response:
        """httpx's `send`, whose answer is read whole (unless `stream`) and checked: errors raise the SDK's
        exceptions, and a success is decoded and parsed into its operation's model (`check_response`).

        `check=False` reads a success but leaves its check, and so its parse, to `checked()` (an error answer
        still raises here): the paginator's window keeps the pages it fetched ahead as bytes, and builds each
        page's models only when the reader takes it."""
        if self.is_closed:
            raise _closed(request)
        reading = READING.set(request)  # its socket reads end at its deadline (transports.DeadlineBackend)
        try:
            return self._send_reading(request, stream, check, **kwargs)
        finally:
            READING.reset(reading)

    def _send_reading(self, request: httpx.Request, stream: bool, check: bool, **kwargs: Any) -> httpx.Response:
        failure = None
        try:
            response = super().send(request, stream=True, **kwargs)
        except httpx.TransportError as error:
            failure = connection_error(error, request)
        if failure is not None:
            # Raised outside the except block, so not even __context__ keeps httpx's error: it holds the
            # request, and the request holds the Authorization header.
            raise failure
        api = self.is_api(request.url)
        if api:
            self.server_clock.observe(response)
        if response.status_code >= 400 or not stream:
            try:
                self._read(response, request, deadline_of(request))
                if check or response.status_code >= 400:
                    check_response(response, request, self._secrets, api=api)
            except BaseException:
                response.close()
                raise
        return response

    def _read(self, response: httpx.Response, request: httpx.Request, deadline: float) -> None:
        read_body(response, request, self.max_response_bytes, deadline)


class AsyncKorusHTTPClient(_APIClient, httpx.AsyncClient):
    """httpx.AsyncClient whose every response is read within the call's deadline (exactly: the event loop cancels
    what runs past it) and size cap, and checked by `check_response` (as `KorusHTTPClient`: see `check=False`)."""

    def __init__(self, *, secrets: SecretsSource, max_response_bytes: int = MAX_RESPONSE_BYTES, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.cookies = self._cookies  # the jar httpx made, as a _SetCookieOnly
        self._secrets = secrets
        self.max_response_bytes = max_response_bytes
        self.server_clock = ServerClock()

    async def send(
        self, request: httpx.Request, *, stream: bool = False, check: bool = True, **kwargs: Any
    ) -> httpx.Response:
        """The async twin of `KorusHTTPClient.send` (`check=False` included)."""
        if self.is_closed:
            raise _closed(request)
        failure: Exception | None = None
        try:
            response = await super().send(request, stream=True, **kwargs)
        except httpx.TransportError as error:
            failure = connection_error(error, request)
        if failure is not None:
            raise failure  # outside the except block: see KorusHTTPClient.send
        api = self.is_api(request.url)
        if api:
            self.server_clock.observe(response)
        if response.status_code >= 400 or not stream:
            try:
                await self._read(response, request, deadline_of(request))
                if check or response.status_code >= 400:
                    check_response(response, request, self._secrets, api=api)
            except BaseException:
                await response.aclose()
                raise
        return response

    async def _read(self, response: httpx.Response, request: httpx.Request, deadline: float) -> None:
        await aread_body(response, request, self.max_response_bytes, deadline)


CONTENT_CODINGS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
"""The content codings the SDK asks for (`Accept-Encoding`), and the zlib window each is read with."""
ACCEPT_ENCODING = "gzip, deflate"


def announced_length(headers: httpx.Headers) -> int | None:
    """`Content-Length` as a number (None when absent or not digits); past 18 digits, more than any cap."""
    announced = headers.get("content-length", "")
    if not (announced.isascii() and announced.isdigit()):
        return None
    return int(announced) if len(announced) <= 18 else 10**18


class Inflater:
    """A gzip or deflate body decoded with a bound on what each piece may inflate to.

    httpx inflates every piece the network gives whole, before anyone counts the bytes: a few kilobytes can
    inflate to gigabytes (a "zip bomb"), and stacked codings (`gzip, gzip`) multiply that. Here a piece yields at
    most one byte more than the room the caller has left, which is enough to tell that the body is too large;
    what did not fit is never inflated."""

    def __init__(self, coding: str, refusal: str | None = None) -> None:
        self.coding = coding
        self.refusal = refusal
        """Why the body cannot be read (a coding the client does not read): raised at its first byte, so an
        empty body (a 204) is read as the empty body it is."""
        self.inflater = zlib.decompressobj(CONTENT_CODINGS.get(coding, zlib.MAX_WBITS))
        self.started = False

    @classmethod
    def of(cls, response: httpx.Response) -> Inflater | None:
        """The inflater a response needs (None: its body is not encoded, or httpx already read it)."""
        if hasattr(response, "_content"):  # read before the SDK saw it (a mock transport): already decoded
            return None
        codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
        codings = [coding for coding in codings if coding and coding != "identity"]
        if not codings:
            return None
        if len(codings) > 1 or codings[0] not in CONTENT_CODINGS:
            refusal = (
                f"the body is encoded as {', '.join(codings)}; the client asks for {ACCEPT_ENCODING} "
                "(one coding) and reads no other"
            )
            return cls(codings[0], refusal)
        return cls(codings[0])

    def decode(self, data: bytes, room: int) -> bytes:
        if self.refusal is not None:
            if data:
                raise httpx.DecodingError(self.refusal)
            return b""
        try:
            decoded = self.inflater.decompress(data, room + 1)
        except zlib.error as error:
            if self.coding != "deflate" or self.started:
                raise httpx.DecodingError(f"the {self.coding} body could not be decompressed: {error}") from None
            # Deflate is often sent raw, without zlib's header (httpx reads it either way too).
            self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            self.started = True
            return self.decode(data, room)
        self.started = True
        return decoded

    def flush(self) -> bytes:
        if self.refusal is not None or not self.started:
            return b""
        if self.inflater.unconsumed_tail:  # stopped at the room left, and the caller did not refuse the body
            raise httpx.DecodingError("the body inflates past the room its reader gave")
        try:
            return self.inflater.flush()
        except zlib.error as error:
            raise httpx.DecodingError(f"the {self.coding} body could not be decompressed: {error}") from None


def decoded_chunks(response: httpx.Response, room: Callable[[], int]) -> Iterator[bytes]:
    """The body's pieces, decoded; an encoded body never inflates past `room()` + 1 bytes (see `Inflater`)."""
    inflater = Inflater.of(response)
    return response.iter_bytes() if inflater is None else _inflated(response.iter_raw(), inflater, room)


def _inflated(pieces: Iterator[bytes], inflater: Inflater, room: Callable[[], int]) -> Iterator[bytes]:
    for data in pieces:
        yield inflater.decode(data, room())
    yield inflater.flush()


def adecoded_chunks(response: httpx.Response, room: Callable[[], int]) -> AsyncIterator[bytes]:
    """The async twin of `decoded_chunks`."""
    inflater = Inflater.of(response)
    return response.aiter_bytes() if inflater is None else _ainflated(response.aiter_raw(), inflater, room)


async def _ainflated(pieces: AsyncIterator[bytes], inflater: Inflater, room: Callable[[], int]) -> AsyncIterator[bytes]:
    async for data in pieces:
        yield inflater.decode(data, room())
    yield inflater.flush()


def read_body(
    response: httpx.Response,
    request: httpx.Request,
    max_bytes: int,
    deadline: float | None = None,
    *,
    undecodable_ok: bool = False,
    write: bool | None = None,
) -> None:
    """Read `response` whole, within the call's deadline and `max_bytes`: else the SDK's error, the rest unread.

    A body that cannot be decompressed is an `UnexpectedResponseError` (see `unexpected_response` for `write`), or
    with `undecodable_ok` (an error answer whose status decides) the part decoded before it failed; either way what
    was decoded stays readable.
    """
    body = _BodyLimits(response, request, deadline_of(request) if deadline is None else deadline, max_bytes)
    failure: Exception | None = None
    try:
        for chunk in decoded_chunks(response, body.room):
            body.take(chunk)
    except (httpx.TransportError, httpx.DecodingError) as error:
        failure = body.failed(error, undecodable_ok=undecodable_ok, write=write)
    if failure is not None:
        raise failure
    body.finish()


async def aread_body(
    response: httpx.Response,
    request: httpx.Request,
    max_bytes: int,
    deadline: float | None = None,
    *,
    undecodable_ok: bool = False,
    write: bool | None = None,
) -> None:
    """The async twin of `read_body`: the deadline is exact here (the event loop cancels what runs past it)."""
    body = _BodyLimits(response, request, deadline_of(request) if deadline is None else deadline, max_bytes)
    failure: Exception | None = None
    try:
        async with asyncio.timeout_at(_loop_time(body.deadline)):
            async for chunk in adecoded_chunks(response, body.room):
                body.take(chunk)
    except (httpx.TransportError, httpx.DecodingError) as error:
        failure = body.failed(error, undecodable_ok=undecodable_ok, write=write)
    except TimeoutError:
        failure = _out_of_time(request, f"the body was still arriving ({body.size} bytes read)")
    if failure is not None:
        raise failure
    body.finish()


def _closed(request: httpx.Request) -> ClientClosedError:
    method, url = _describe(request)
    return ClientClosedError(
        f"{method} {url}: the client was closed (close(), or the end of its with block); nothing was sent. "
        "Build a new client for further calls"
    )


def _loop_time(deadline: float) -> float | None:
    """`deadline` (on `time.monotonic()`) on the running loop's clock; None for no deadline."""
    if math.isinf(deadline):
        return None
    return asyncio.get_running_loop().time() + (deadline - time.monotonic())


def _out_of_time(request: httpx.Request, what: str) -> APITimeoutError:
    method, url = _describe(request)
    return APITimeoutError(f"{method} {url} timed out: {what} when the call's timeout ran out", method=method, url=url)


class SyncUseRefused(httpx.BaseTransport):
    """Installed as the sync client of an async facade's generated Client, to fail clearly."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise TypeError(
            "this client belongs to AsyncKorusTicket: call the generated asyncio()/asyncio_detailed() "
            "functions, or use KorusTicket for synchronous calls"
        )


class AsyncUseRefused(httpx.AsyncBaseTransport):
    """Installed as the async client of a sync facade's generated Client, to fail clearly."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise TypeError(
            "this client belongs to KorusTicket: call the generated sync()/sync_detailed() functions, "
            "or use AsyncKorusTicket for asynchronous calls"
        )
