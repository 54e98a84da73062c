"""Hostile answers over a real loopback server: time and memory stay bounded, and only a real document is saved.

Each test failed before its fix: a trickled body held the call until the server stopped; a flood was read whole;
a redirect with an HTML body escaped as a raw JSON decoding error; a login page, a partial answer or a redirect
off the storage host was saved as the ticket; the JWT went to a storage URL on the API's own host.
"""

from __future__ import annotations

import asyncio
import io
import pickle
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from korusticket import (
    APIConnectionError,
    APITimeoutError,
    AsyncKorusTicket,
    ClientCredentialsAuth,
    ConfigurationError,
    DocumentDownloadError,
    KorusTicket,
    KorusTicketError,
    ResponseTooLargeError,
    UnexpectedResponseError,
    ops,
)
from korusticket._download import download, download_async
from korusticket.auth import Secret
from korusticket.transports import DeadlineBackend
from tests.facade.hostile import PDF, HostileServer, hostile_server

TOKEN = "eyJhbGciOiJSUzI1NiJ9.aG9zdGlsZQ.c2ln"


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def client(server: HostileServer, **options: object) -> KorusTicket:
    return KorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}, **options)  # type: ignore[arg-type]


def test_a_trickled_body_is_cut_at_the_calls_timeout(server: HostileServer) -> None:
    with client(server, timeout=0.5) as kt, pytest.raises(APITimeoutError, match="timed out"):
        kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "trickle"})
    (seen,) = server.seen
    assert not seen.finished
    assert seen.sent < 2000  # the call ended while the server was still sending


async def test_a_trickled_body_is_cut_at_the_calls_timeout_async(server: HostileServer) -> None:
    async with AsyncKorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}, timeout=0.5) as kt:
        with pytest.raises(APITimeoutError, match="timed out"):
            await kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "trickle"})
    (seen,) = server.seen
    assert seen.sent < 2000


@pytest.mark.parametrize("asynchronous", [False, True])
def test_headers_trickled_a_line_at_a_time_are_cut_at_the_calls_timeout(
    server: HostileServer, asynchronous: bool
) -> None:
    """Every line arrives well within the read timeout, which httpcore gives each read anew: only the call's
    deadline, held at each socket read, ends it."""
    if asynchronous:

        async def call() -> None:
            async with AsyncKorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}, timeout=0.5) as kt:
                await kt.call(ops.list_catalogs, headers={"X-Behaviour": "trickle_headers"})

        run: Callable[[], object] = lambda: asyncio.run(call())  # noqa: E731
    else:
        kt = client(server, timeout=0.5)
        run = lambda: kt.call(ops.list_catalogs, headers={"X-Behaviour": "trickle_headers"})  # noqa: E731
    with pytest.raises(APITimeoutError, match="timed out"):
        run()
    (seen,) = server.seen
    assert not seen.finished  # the call gave up while the lines were still coming


def test_the_sdks_connections_hold_each_socket_read_to_the_calls_deadline() -> None:
    """The hook the deadline needs in httpx's pool (see transports.held_to_deadlines) is there in this httpx."""
    with KorusTicket(base_url="https://api.example.test", token=TOKEN, environ={}) as kt:
        pool = kt.http._transport.transport._pool  # type: ignore[attr-defined]
        assert isinstance(pool._network_backend, DeadlineBackend)


def test_a_call_through_the_generated_operation_is_bounded_too(server: HostileServer) -> None:
    with client(server) as kt:
        assert kt.call(ops.list_catalogs).total_items == 0  # a well-behaved answer first
        with pytest.raises(APITimeoutError):
            kt.call(ops.list_catalogs, headers={"X-Behaviour": "trickle"}, timeout=0.5)
    assert [seen.finished for seen in server.seen] == [True, False]


@pytest.mark.parametrize("behaviour", ["flood_announced", "flood_chunked"])
def test_a_flood_stops_at_max_response_bytes(server: HostileServer, behaviour: str) -> None:
    with client(server, max_response_bytes=1024 * 1024) as kt, pytest.raises(ResponseTooLargeError):
        kt.http.get("/v1/ticketing/catalogs", params={"behaviour": behaviour})
    (seen,) = server.seen
    assert not seen.finished
    assert seen.sent < 100 * 1024 * 1024  # nowhere near the 500 MB: the rest was never read


async def test_a_flood_stops_at_max_response_bytes_async(server: HostileServer) -> None:
    async with AsyncKorusTicket(
        base_url=server.url, token=TOKEN, max_retries=0, environ={}, max_response_bytes=1024 * 1024
    ) as kt:
        with pytest.raises(ResponseTooLargeError):
            await kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "flood_chunked"})
    assert server.seen[0].sent < 100 * 1024 * 1024


@pytest.mark.parametrize("coding", ["gzip", "zlib", "raw"])
def test_an_encoded_answer_is_read(server: HostileServer, coding: str) -> None:
    with client(server) as kt:
        page = kt.call(ops.list_catalogs, headers={"X-Behaviour": "gzip_page"}, timeout=5)
        assert page.total_items == 0
        # The client asks only for the codings it inflates within its cap (httpx adds br and zstd when installed).
        answer = kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "gzip_page", "as": coding})
        assert answer.json()["totalItems"] == 0
    assert all(seen.headers["accept-encoding"] == "gzip, deflate" for seen in server.seen)


def test_a_compressed_answer_inflates_no_further_than_max_response_bytes(server: HostileServer) -> None:
    """250 KB of gzip holding 256 MiB: httpx inflates each piece the socket gives whole (64 KB of it is 64 MiB)
    before anything is counted; the SDK inflates no more than the room under the cap."""
    tracemalloc.start()
    try:
        with client(server, max_response_bytes=1024 * 1024) as kt, pytest.raises(ResponseTooLargeError):
            kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "gzip_bomb"})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_an_empty_body_labelled_with_an_unread_coding_is_the_empty_body_it_is(server: HostileServer) -> None:
    with client(server) as kt:
        answer = kt.http.delete("/v1/ticketing/catalogs", params={"behaviour": "empty_br"})
    assert (answer.status_code, answer.content) == (204, b"")


@pytest.mark.parametrize("asynchronous", [False, True])
def test_stacked_codings_are_refused_before_they_inflate(server: HostileServer, asynchronous: bool) -> None:
    """`gzip, gzip`: a few kilobytes httpx would inflate twice over, to 256 MiB at once; no API sends it."""
    if asynchronous:

        async def call() -> None:
            async with AsyncKorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}) as kt:
                await kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "stacked_gzip_bomb"})

        run: Callable[[], object] = lambda: asyncio.run(call())  # noqa: E731
    else:
        kt = client(server)
        run = lambda: kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "stacked_gzip_bomb"})  # noqa: E731
    with pytest.raises(UnexpectedResponseError, match="encoded as gzip, gzip; the client asks for gzip, deflate"):
        run()


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_retried_error_answer_is_bounded_too(server: HostileServer, asynchronous: bool) -> None:
    """The retrying transport reads a 503's body before it waits and asks again: within the same limits."""
    options: dict[str, Any] = {"max_retries": 2, "max_response_bytes": 1024 * 1024, "timeout": 0.5}

    async def run_async(behaviour: str) -> None:
        async with AsyncKorusTicket(base_url=server.url, token=TOKEN, environ={}, **options) as kt:
            await kt.http.get("/v1/ticketing/catalogs", params={"behaviour": behaviour})

    def run(behaviour: str) -> None:
        if asynchronous:
            asyncio.run(run_async(behaviour))
            return
        with KorusTicket(base_url=server.url, token=TOKEN, environ={}, **options) as kt:
            kt.http.get("/v1/ticketing/catalogs", params={"behaviour": behaviour})

    with pytest.raises(ResponseTooLargeError):
        run("unavailable_flood")
    assert [seen.finished for seen in server.seen] == [False]
    assert server.seen[0].sent < 100 * 1024 * 1024
    server.seen.clear()
    with pytest.raises(APITimeoutError):
        run("unavailable_trickle")
    assert [seen.finished for seen in server.seen] == [False]


def test_an_undecodable_error_answer_that_is_retried_is_a_clear_error() -> None:
    """A 503 claiming gzip that is not: the retrying transport reads it, and the status still decides."""
    answers = iter([503, 503, 200])

    def respond(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        headers = {"content-type": "application/ld+json", "content-encoding": "gzip" if status == 503 else "identity"}
        body = b"not gzip" if status == 503 else b'{"member": [], "totalItems": 0}'
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))

    with KorusTicket(
        base_url="https://api.demo.korusticket.com", token=TOKEN, environ={}, transport=httpx.MockTransport(respond)
    ) as kt:
        assert kt.call(ops.list_catalogs, max_retries=2).total_items == 0


def test_max_response_bytes_is_checked_when_the_client_is_built(server: HostileServer) -> None:
    with pytest.raises(ConfigurationError, match="max_response_bytes"):
        client(server, max_response_bytes=-1)


def test_a_redirect_with_an_html_body_is_a_clear_error(server: HostileServer) -> None:
    with client(server) as kt, pytest.raises(UnexpectedResponseError, match="redirect"):
        kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "redirect_html"})


# ------------------------------------------------------------------------------------------------ downloads


def fetch(server: HostileServer, tmp_path: Path, behaviour: str) -> int | Exception:
    target = tmp_path / "ticket.pdf"
    with client(server) as kt:
        return download(
            kt.http, Secret(f"{server.url}/documents/doc.pdf?behaviour={behaviour}&Signature=s3cr3t"), target
        )


@pytest.mark.parametrize("behaviour", ["login_page", "partial", "cut_short", "no_end_marker", "stacked_gzip_bomb"])
def test_only_a_complete_document_is_saved(server: HostileServer, tmp_path: Path, behaviour: str) -> None:
    outcome = fetch(server, tmp_path, behaviour)
    assert isinstance(outcome, DocumentDownloadError | APIConnectionError), outcome
    assert "s3cr3t" not in str(outcome)
    assert list(tmp_path.iterdir()) == []  # no file, and no .part left behind


@pytest.mark.parametrize("behaviour", ["pdf", "pdf_as_binary", "redirect_here", "gzip_pdf"])
def test_a_document_is_saved_and_the_jwt_never_sent(server: HostileServer, tmp_path: Path, behaviour: str) -> None:
    # The storage URL is on the API's own host here: the token still stays home.
    assert fetch(server, tmp_path, behaviour) == len(PDF)
    assert (tmp_path / "ticket.pdf").read_bytes() == PDF
    assert server.seen
    assert not any(seen.authorization for seen in server.seen)


def test_a_storage_refusal_quoting_the_signature_is_a_document_error_without_it(
    server: HostileServer, tmp_path: Path
) -> None:
    outcome = fetch(server, tmp_path, "signature_echo")
    assert isinstance(outcome, DocumentDownloadError), outcome
    assert outcome.status_code == 403
    assert "the storage answered 403, not 200 with the document: <Error><Code>SignatureDoesNotMatch" in str(outcome)
    shown = [str(outcome), repr(outcome), repr(vars(outcome)), pickle.dumps(outcome).decode("latin-1")]
    assert not any("s3cr3t" in text for text in shown)
    assert list(tmp_path.iterdir()) == []


def test_a_redirect_off_the_storage_host_is_not_followed(server: HostileServer, tmp_path: Path) -> None:
    with hostile_server() as elsewhere:
        server.other_origin = elsewhere.url
        outcome = fetch(server, tmp_path, "redirect_away")
        assert elsewhere.seen == []
    assert isinstance(outcome, DocumentDownloadError)
    assert "302" in str(outcome)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_trickled_document_is_cut_at_the_calls_timeout_and_not_saved(
    server: HostileServer, tmp_path: Path, asynchronous: bool
) -> None:
    url = Secret(f"{server.url}/documents/doc.pdf?behaviour=trickle_pdf&Signature=s3cr3t")
    target = tmp_path / "ticket.pdf"
    if asynchronous:

        async def fetched() -> int | KorusTicketError:
            async with AsyncKorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}, timeout=0.5) as kt:
                return await download_async(kt.http, url, target)

        outcome = asyncio.run(fetched())
    else:
        with client(server, timeout=0.5) as kt:
            outcome = download(kt.http, url, target)
    assert isinstance(outcome, APITimeoutError), outcome
    assert "s3cr3t" not in str(outcome)
    assert list(tmp_path.iterdir()) == []  # no half document, no .part
    assert not server.seen[0].finished


def test_a_document_into_a_stream_gets_nothing_from_a_failed_attempt(server: HostileServer) -> None:
    """Only a complete document reaches the caller's stream: a retry after a timeout would otherwise write the
    whole document after the first attempt's half."""
    url = Secret(f"{server.url}/documents/doc.pdf?behaviour=trickle_pdf&Signature=s3cr3t")
    stream = io.BytesIO()
    with client(server, timeout=0.5) as kt:
        outcome = download(kt.http, url, stream)
        assert isinstance(outcome, APITimeoutError), outcome
        assert stream.getvalue() == b""
        assert download(kt.http, Secret(f"{server.url}/documents/doc.pdf?behaviour=pdf"), stream) == len(PDF)
    assert stream.getvalue() == PDF


def test_redirects_share_the_calls_timeout(server: HostileServer, tmp_path: Path) -> None:
    """Three hops of 0.4 s each against a timeout of 1 s: each hop alone fits, the three do not."""
    url = Secret(f"{server.url}/documents/doc.pdf?behaviour=slow_redirects&hops=3&Signature=s3cr3t")
    with client(server, timeout=1) as kt:
        outcome = download(kt.http, url, tmp_path / "ticket.pdf")
    assert isinstance(outcome, APITimeoutError), outcome
    assert list(tmp_path.iterdir()) == []


async def test_downloads_are_checked_under_async_too(server: HostileServer, tmp_path: Path) -> None:
    async with AsyncKorusTicket(base_url=server.url, token=TOKEN, max_retries=0, environ={}) as kt:
        url = f"{server.url}/documents/doc.pdf?behaviour=login_page&Signature=s3cr3t"
        bad = await download_async(kt.http, Secret(url), tmp_path / "ticket.pdf")
        good = await download_async(kt.http, Secret(url.replace("login_page", "pdf")), tmp_path / "ticket.pdf")
    assert isinstance(bad, DocumentDownloadError)
    assert good == len(PDF)
    assert [path.name for path in tmp_path.iterdir()] == ["ticket.pdf"]
    assert not any(seen.authorization for seen in server.seen)


@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_token_endpoints_answer_is_bounded_too(server: HostileServer, asynchronous: bool) -> None:
    """The identity server is another host: a flood or a trickle from it is cut like any answer."""

    def auth(behaviour: str) -> ClientCredentialsAuth:
        return ClientCredentialsAuth("id", "secret", token_url=f"{server.url}/token?behaviour={behaviour}", timeout=0.5)

    async def run_async(behaviour: str) -> None:
        async with AsyncKorusTicket(base_url=server.url, auth=auth(behaviour), max_retries=0, environ={}) as kt:
            await kt.call(ops.list_catalogs)

    def run(behaviour: str) -> None:
        if asynchronous:
            asyncio.run(run_async(behaviour))
            return
        with KorusTicket(base_url=server.url, auth=auth(behaviour), max_retries=0, environ={}) as kt:
            kt.call(ops.list_catalogs)

    with pytest.raises(ResponseTooLargeError):
        run("flood_chunked")
    assert [(seen.path, seen.finished) for seen in server.seen] == [("/token", False)]
    assert server.seen[0].sent < 100 * 1024 * 1024
    server.seen.clear()
    with pytest.raises(APITimeoutError):
        run("trickle")
    assert [(seen.path, seen.finished) for seen in server.seen] == [("/token", False)]


def test_a_refused_answer_before_a_new_token_is_bounded_too(server: HostileServer) -> None:
    """After a 401 httpx reads the refusal whole before the auth flow sends again: the SDK reads it first, capped."""
    token_url = f"{server.url}/token?behaviour=token"
    auth = ClientCredentialsAuth("id", "secret", token_url=token_url)
    with (
        KorusTicket(base_url=server.url, auth=auth, max_retries=0, environ={}) as kt,
        pytest.raises(ResponseTooLargeError),
    ):
        kt.call(ops.list_catalogs, headers={"X-Behaviour": "unauthorized_flood"})
    assert [(seen.path, seen.finished) for seen in server.seen] == [("/token", True), ("/v1/ticketing/catalogs", False)]
    assert server.seen[1].sent < 100 * 1024 * 1024
