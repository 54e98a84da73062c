"""A loopback HTTP server that misbehaves on purpose: it trickles, floods, redirects and cuts answers short.

A query parameter or an `X-Behaviour` header names the behaviour (`/v1/ticketing/catalogs?behaviour=trickle`); the
server records what each
connection received (method, path, whether an Authorization header came) and how many body bytes it managed to
send before the client hung up.
"""

from __future__ import annotations

import contextlib
import functools
import socket
import socketserver
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

CATALOGS_PAGE = b'{"@id": "/v1/ticketing/catalogs", "@type": "Collection", "totalItems": 0, "member": []}'
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    authorization: bool
    target: str = ""
    """The request target as sent: a path, or an absolute URL when the client took this server for a proxy."""
    headers: dict[str, str] = field(default_factory=dict)
    sent: int = 0
    """Body bytes written before the client went away (or all of them)."""
    finished: bool = False


@dataclass
class HostileServer:
    port: int = 0
    seen: list[Seen] = field(default_factory=list)
    other_origin: str = ""
    """The URL of another server, where `redirect_away` sends the client."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers.items()), "", ""]
    return "\r\n".join(lines).encode()


def _handler(server: HostileServer) -> type[socketserver.BaseRequestHandler]:
    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            request_line = self.rfile.readline().decode("latin-1").strip()
            if not request_line:
                return
            method, target, _ = request_line.split(" ", 2)
            headers = {}
            while True:
                line = self.rfile.readline().decode("latin-1").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            if headers.get("content-length"):
                self.rfile.read(int(headers["content-length"]))
            split = urlsplit(target)
            query = parse_qs(split.query)
            seen = Seen(method, split.path, query, "authorization" in headers, target, headers)
            server.seen.append(seen)
            behaviour = headers.get("x-behaviour") or query.get("behaviour", ["ok"])[0]
            with contextlib.suppress(OSError):
                BEHAVIOURS[behaviour](self.wfile, seen, server)
                self.wfile.flush()
                seen.finished = True

    return Handler


def _send(out: Any, seen: Seen, data: bytes) -> None:
    out.write(data)
    out.flush()
    seen.sent += len(data)


def ok(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/ld+json", CATALOGS_PAGE)


def _send_all(out: Any, seen: Seen, status: str, content_type: str, body: bytes, **extra: str) -> None:
    headers = {"Content-Type": content_type, "Content-Length": str(len(body)), "Connection": "close", **extra}
    out.write(_head(status, headers))
    _send(out, seen, body)


def trickle(out: Any, seen: Seen, server: HostileServer, status: str = "200 OK") -> None:
    """2,000 bytes of JSON, one every 20 ms: 40 s in all, each read well within any read timeout."""
    body = (b'{"member": [], "totalItems": 0, "padding": "' + b"x" * 1955 + b'"}')[:2000]
    out.write(_head(status, {"Content-Type": "application/ld+json", "Content-Length": "2000"}))
    for index in range(len(body)):
        _send(out, seen, body[index : index + 1])
        time.sleep(0.02)


def trickle_pdf(out: Any, seen: Seen, server: HostileServer) -> None:
    """A PDF, one byte every 50 ms (about 3 s in all)."""
    out.write(_head("200 OK", {"Content-Type": "application/pdf", "Content-Length": str(len(PDF))}))
    for index in range(len(PDF)):
        _send(out, seen, PDF[index : index + 1])
        time.sleep(0.05)


def trickle_headers(out: Any, seen: Seen, server: HostileServer) -> None:
    """The status line, then 100 header lines, one every 50 ms (5 s in all), then a good page: each read is well
    within any read timeout, and httpcore gives every read the read timeout anew."""
    _send(out, seen, b"HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\n")
    for index in range(100):
        time.sleep(0.05)
        _send(out, seen, b"X-Padding-%d: x\r\n" % index)
    _send(out, seen, b"Content-Length: %d\r\n\r\n%s" % (len(CATALOGS_PAGE), CATALOGS_PAGE))


def flood_announced(out: Any, seen: Seen, server: HostileServer) -> None:
    """Announces 500 MB, then sends them (as long as the client reads)."""
    out.write(_head("200 OK", {"Content-Type": "application/ld+json", "Content-Length": str(500 * 1024 * 1024)}))
    _flood(out, seen, 500 * 1024 * 1024)


def flood_chunked(out: Any, seen: Seen, server: HostileServer, status: str = "200 OK") -> None:
    """500 MB with no length announced (chunked), as long as the client reads."""
    out.write(_head(status, {"Content-Type": "application/ld+json", "Transfer-Encoding": "chunked"}))
    block = b"x" * 65536
    frame = f"{len(block):x}\r\n".encode() + block + b"\r\n"
    for _ in range(500 * 16):
        out.write(frame)
        seen.sent += len(block)
    out.write(b"0\r\n\r\n")


def _flood(out: Any, seen: Seen, size: int) -> None:
    block = b"[" * 65536
    while seen.sent < size:
        _send(out, seen, block)


def unavailable_flood(out: Any, seen: Seen, server: HostileServer) -> None:
    """A 503 (which the client retries) whose body is a 500 MB flood."""
    flood_chunked(out, seen, server, "503 Service Unavailable")


def unauthorized_flood(out: Any, seen: Seen, server: HostileServer) -> None:
    """A 401 (after which the client fetches a new token and asks again) whose body is a 500 MB flood."""
    flood_chunked(out, seen, server, "401 Unauthorized")


def unavailable_trickle(out: Any, seen: Seen, server: HostileServer) -> None:
    """A 503 (which the client retries) whose body trickles for 40 s."""
    trickle(out, seen, server, "503 Service Unavailable")


def token(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/json", b'{"access_token": "tok", "expires_in": 300}')


def not_found(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "404 Not Found", "application/ld+json", b'{"title": "Not Found", "detail": "none"}')


def unavailable(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "503 Service Unavailable", "application/ld+json", b'{"title": "Service Unavailable"}')


def redirect_html(out: Any, seen: Seen, server: HostileServer) -> None:
    body = b"<html><body>Moved: <a href='/login'>login</a></body></html>"
    _send_all(out, seen, "302 Found", "text/html", body, Location="/login")


def pdf(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/pdf", PDF)


def pdf_as_binary(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "binary/octet-stream", PDF)


def login_page(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "text/html; charset=utf-8", b"<html><form>Sign in</form></html>")


def partial(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "206 Partial Content", "application/pdf", PDF[:20], **{"Content-Range": "bytes 0-19/70"})


def cut_short(out: Any, seen: Seen, server: HostileServer) -> None:
    """Announces the whole PDF, sends half, and closes."""
    out.write(_head("200 OK", {"Content-Type": "application/pdf", "Content-Length": str(len(PDF))}))
    _send(out, seen, PDF[: len(PDF) // 2])


def no_end_marker(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/pdf", PDF[: PDF.index(b"%%EOF")])


def redirect_here(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "307 Temporary Redirect", "text/plain", b"", Location="/documents/doc.pdf?behaviour=pdf")


def compressed(data: bytes, wbits: int = 31, times: int = 1) -> bytes:
    """`data` (repeated `times`) gzipped (wbits 31), zlib-wrapped (15) or raw deflate (-15)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join(packer.compress(data) for _ in range(times)) + packer.flush()


@functools.cache
def bomb() -> bytes:
    """256 MiB of zeros in about 250 KB of gzip."""
    return compressed(b"\0" * 1024 * 1024, times=256)


@functools.cache
def stacked_bomb() -> bytes:
    """The same, gzipped again: a few kilobytes that httpx would inflate twice, to 256 MiB, as one piece."""
    return compressed(bomb())


def gzip_page(out: Any, seen: Seen, server: HostileServer) -> None:
    chosen = seen.query.get("as", ["gzip"])[0]
    coding, wbits = {"gzip": ("gzip", 31), "zlib": ("deflate", 15), "raw": ("deflate", -15)}[chosen]
    _send_all(
        out, seen, "200 OK", "application/ld+json", compressed(CATALOGS_PAGE, wbits), **{"Content-Encoding": coding}
    )


def gzip_bomb(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/ld+json", bomb(), **{"Content-Encoding": "gzip"})


def stacked_gzip_bomb(out: Any, seen: Seen, server: HostileServer) -> None:
    content_type = "application/pdf" if seen.path.endswith(".pdf") else "application/ld+json"
    _send_all(out, seen, "200 OK", content_type, stacked_bomb(), **{"Content-Encoding": "gzip, gzip"})


def slow_redirects(out: Any, seen: Seen, server: HostileServer) -> None:
    """0.4 s, then a redirect on this host, `hops` times over, then the PDF: each answer well within any timeout."""
    hops = int(seen.query.get("hops", ["3"])[0])
    if hops == 0:
        pdf(out, seen, server)
        return
    time.sleep(0.4)
    where = f"/documents/doc.pdf?behaviour=slow_redirects&hops={hops - 1}&Signature=s3cr3t"
    _send_all(out, seen, "307 Temporary Redirect", "text/plain", b"", Location=where)


def empty_br(out: Any, seen: Seen, server: HostileServer) -> None:
    """A 204 labelled with a coding the client never asked for: there is no body to decode."""
    out.write(_head("204 No Content", {"Content-Encoding": "br", "Connection": "close"}))


def gzip_pdf(out: Any, seen: Seen, server: HostileServer) -> None:
    _send_all(out, seen, "200 OK", "application/pdf", compressed(PDF), **{"Content-Encoding": "gzip"})


def signature_echo(out: Any, seen: Seen, server: HostileServer) -> None:
    """An S3-style refusal that quotes the signature it was given, as S3's SignatureDoesNotMatch does."""
    signature = seen.query.get("Signature", [""])[0]
    body = f"<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>{signature}</SignatureProvided></Error>"
    _send_all(out, seen, "403 Forbidden", "application/xml", body.encode())


def redirect_away(out: Any, seen: Seen, server: HostileServer) -> None:
    where = f"{server.other_origin}/documents/doc.pdf?behaviour=pdf"
    _send_all(out, seen, "302 Found", "text/plain", b"", Location=where)


BEHAVIOURS: dict[str, Callable[[Any, Seen, HostileServer], None]] = {
    "ok": ok,
    "trickle": trickle,
    "trickle_headers": trickle_headers,
    "trickle_pdf": trickle_pdf,
    "flood_announced": flood_announced,
    "flood_chunked": flood_chunked,
    "unavailable_flood": unavailable_flood,
    "unauthorized_flood": unauthorized_flood,
    "token": token,
    "unavailable_trickle": unavailable_trickle,
    "redirect_html": redirect_html,
    "not_found": not_found,
    "unavailable": unavailable,
    "pdf": pdf,
    "pdf_as_binary": pdf_as_binary,
    "login_page": login_page,
    "partial": partial,
    "cut_short": cut_short,
    "no_end_marker": no_end_marker,
    "redirect_here": redirect_here,
    "redirect_away": redirect_away,
    "gzip_page": gzip_page,
    "gzip_bomb": gzip_bomb,
    "stacked_gzip_bomb": stacked_gzip_bomb,
    "gzip_pdf": gzip_pdf,
    "empty_br": empty_br,
    "slow_redirects": slow_redirects,
    "signature_echo": signature_echo,
}


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def hostile_server() -> Iterator[HostileServer]:
    """A misbehaving server on a free loopback port, for the duration of the block."""
    state = HostileServer()
    server = _Server(("127.0.0.1", 0), _handler(state))
    server.socket.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
