"""Downloading an order's document from its signed URL: only a complete document is ever saved.

The signed URL points at a storage host: it is fetched without the client's authentication (the JWT never leaves
the API's origin), redirects are followed only within the storage host, and the answer must be a `200` whose body
is a document (a PDF by its content type, or by its first bytes when the storage labels it a generic binary),
complete (its `Content-Length`, and a PDF's end marker) and within `MAX_DOCUMENT_BYTES`. Anything else is a
`DocumentDownloadError`, and no file: bytes go to a `.part` file renamed only once all checks passed.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx

from korusticket._context import DEADLINE, READING, deadline_of
from korusticket._http import (
    _loop_time,
    _out_of_time,
    adecoded_chunks,
    announced_length,
    connection_error,
    decoded_chunks,
)
from korusticket._lazy import lazy_module
from korusticket._urls import origin
from korusticket.auth import Secret
from korusticket.errors import APIStatusError, DocumentDownloadError, KorusTicketError, redact_url

if TYPE_CHECKING:
    import asyncio
else:  # loaded on first use: a sync client never starts an event loop
    asyncio = lazy_module("asyncio")

__all__ = ["MAX_DOCUMENT_BYTES", "download", "download_async"]

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
"""The largest document saved (an order's tickets are a few hundred kilobytes)."""
SPOOL_BYTES = 4 * 1024 * 1024
"""A document bound for a stream is held in memory up to this size, and in a temporary file beyond it."""
MAX_REDIRECTS = 3
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/force-download"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class _Checks:
    """The checks of one download, fed chunk by chunk."""

    def __init__(self, response: httpx.Response, url: str) -> None:
        self.url = url
        self.status = response.status_code
        self.content_type = (response.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        # Content-Length counts the bytes sent: those received here are decoded, so it is only compared unencoded.
        encoded = "content-encoding" in response.headers
        self.expected = None if encoded else announced_length(response.headers)
        self.received = 0
        self.head = b""
        self.tail = b""
        if self.status != 200:
            self.fail(f"the storage answered {self.status}, not 200 with the document")
        if self.content_type not in PDF_TYPES | GENERIC_TYPES:
            self.fail(f"the storage answered with {self.content_type or 'no content type'}, not a document")
        if self.expected is not None and self.expected > MAX_DOCUMENT_BYTES:
            self.fail(f"the document would be {self.expected} bytes, over the {MAX_DOCUMENT_BYTES} accepted")

    def fail(self, problem: str) -> None:
        raise DocumentDownloadError(
            problem, status_code=self.status, content_type=self.content_type or None, url=self.url
        )

    def room(self) -> int:
        """How many more bytes the document may have."""
        return max(MAX_DOCUMENT_BYTES - self.received, 0)

    def chunk(self, data: bytes) -> bytes:
        self.received += len(data)
        if self.received > MAX_DOCUMENT_BYTES:
            self.fail(f"the document is over the {MAX_DOCUMENT_BYTES} bytes accepted")
        if len(self.head) < 5:
            self.head = (self.head + data)[:5]
            if len(self.head) == 5 and self.head != b"%PDF-":
                self.fail("the body is not a PDF document (it does not start with %PDF-)")
        self.tail = (self.tail + data)[-1024:]
        return data

    def finish(self) -> None:
        if self.expected is not None and self.received != self.expected:
            self.fail(f"the body holds {self.received} of the {self.expected} bytes announced")
        if self.head != b"%PDF-":
            self.fail("the body is not a PDF document (it does not start with %PDF-)")
        if b"%%EOF" not in self.tail:
            self.fail("the PDF document is cut short (no %%EOF end marker)")


def _next_url(response: httpx.Response, current: httpx.URL, start: httpx.URL) -> httpx.URL | None:
    """Where a redirect goes, if it stays on the storage host; None for an answer that is not a redirect."""
    if response.status_code not in REDIRECTS:
        return None
    location = response.headers.get("location")
    if not location:
        return None
    try:
        target = current.join(location)
    except httpx.InvalidURL:
        return None
    return target if origin(target) == origin(start) else None


@contextlib.contextmanager
def _sink(target: Path | IO[bytes]) -> Iterator[IO[bytes]]:
    """Where the body goes until it checked out: a `.part` file beside a target path that replaces it only then, or,
    for a stream, a spool copied into it only then (a download tried again after a failure would otherwise leave
    the first attempt's bytes before the document)."""
    if not isinstance(target, Path):
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
            yield spool
            spool.seek(0)
            try:
                shutil.copyfileobj(spool, target)
            except OSError as error:
                raise DocumentDownloadError(
                    f"cannot write to the stream given: {error.strerror or error}",
                    status_code=None,
                    content_type=None,
                    url=type(target).__name__,
                ) from None
        return
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            yield handle
        partial.replace(target)  # a finished file or none: never half a ticket
    except OSError as error:
        raise DocumentDownloadError(
            f"cannot write {target}: {error.strerror or error}", status_code=None, content_type=None, url=str(target)
        ) from None
    finally:
        partial.unlink(missing_ok=True)


def download(http: httpx.Client, url: Secret, target: Path | IO[bytes]) -> int | KorusTicketError:
    """Fetch `url` into `target`; the byte count, or the error (returned: the caller may ask for a fresh URL)."""
    start = current = httpx.URL(url.reveal())
    carried: dict[str, Any] = {}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            with http.stream("GET", current, auth=None, extensions=carried) as response:
                following = _next_url(response, current, start)
                if following is not None:
                    current, carried = following, _carried(response)
                    continue
                checks = _Checks(response, redact_url(current))
                deadline = deadline_of(response.request)  # the call's timeout holds for the body too
                reading = READING.set(response.request)  # each socket read waits at most the time left
                try:
                    with _sink(target) as sink:
                        for data in decoded_chunks(response, checks.room):
                            if time.monotonic() > deadline:  # raised: the sink keeps no half document
                                raise _late(response.request, checks)
                            sink.write(checks.chunk(data))
                        checks.finish()
                finally:
                    READING.reset(reading)
                return checks.received
        return _too_many(current)
    except httpx.TransportError as error:
        return _broken(error, current)
    except httpx.DecodingError as error:
        return _undecodable(error, current)
    except APIStatusError as error:
        return _refused(error, current)
    except KorusTicketError as error:
        return error.with_traceback(None)


async def download_async(http: httpx.AsyncClient, url: Secret, target: Path | IO[bytes]) -> int | KorusTicketError:
    """The asynchronous twin of `download`."""
    start = current = httpx.URL(url.reveal())
    carried: dict[str, Any] = {}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            async with http.stream("GET", current, auth=None, extensions=carried) as response:
                following = _next_url(response, current, start)
                if following is not None:
                    current, carried = following, _carried(response)
                    continue
                checks = _Checks(response, redact_url(current))
                try:
                    async with asyncio.timeout_at(_loop_time(deadline_of(response.request))):
                        with _sink(target) as sink:
                            async for data in adecoded_chunks(response, checks.room):
                                sink.write(checks.chunk(data))
                            checks.finish()
                except TimeoutError:
                    return _late(response.request, checks)
                return checks.received
        return _too_many(current)
    except httpx.TransportError as error:
        return _broken(error, current)
    except httpx.DecodingError as error:
        return _undecodable(error, current)
    except APIStatusError as error:
        return _refused(error, current)
    except KorusTicketError as error:
        return error.with_traceback(None)


def _carried(response: httpx.Response) -> dict[str, Any]:
    """The extensions a redirect's next request carries: the call's deadline, which the redirects share."""
    return {DEADLINE: response.request.extensions[DEADLINE]} if DEADLINE in response.request.extensions else {}


def _late(request: httpx.Request, checks: _Checks) -> KorusTicketError:
    """The call's timeout ran out while the document arrived: no file is kept."""
    late = _out_of_time(request, f"the document was still arriving ({checks.received} bytes read)")
    return late.with_traceback(None)


def _broken(error: httpx.TransportError, url: httpx.URL) -> KorusTicketError:
    """A body cut off mid-way: the httpx error is not kept (it holds the request and its signed URL)."""
    return connection_error(error, httpx.Request("GET", url)).with_traceback(None)


def _refused(error: APIStatusError, url: httpx.URL) -> KorusTicketError:
    """An error status from the storage host: the document error its docs promise, with the (redacted) excerpt."""
    shown = f": {error.excerpt}" if error.excerpt else ""
    content_type = (error.headers.get("content-type") or "").split(";", 1)[0].strip() or None
    return DocumentDownloadError(
        f"the storage answered {error.status_code}, not 200 with the document{shown}",
        status_code=error.status_code,
        content_type=content_type,
        url=redact_url(url),
    )


def _undecodable(error: httpx.DecodingError, url: httpx.URL) -> KorusTicketError:
    return DocumentDownloadError(
        f"the document could not be decoded: {error}", status_code=200, content_type=None, url=redact_url(url)
    )


def _too_many(url: httpx.URL) -> KorusTicketError:
    return DocumentDownloadError(
        f"more than {MAX_REDIRECTS} redirects", status_code=None, content_type=None, url=redact_url(url)
    )
