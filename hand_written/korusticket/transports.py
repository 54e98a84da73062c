"""Sending through an httpx client rather than a bare transport: the user's own, or one that reads the
environment's proxies.

httpx decides proxies per URL inside its clients (`proxy=`, `mounts=`, and with `trust_env` the environment's
`HTTPS_PROXY`, `NO_PROXY`, ...), not inside transports. These adapters let the SDK's own client (authentication,
retries, deadline, errors) send through such a client, so a proxy, a certificate or a mount the user set up is
used exactly as httpx uses it, through public APIs only.

It also holds the TLS settings of the connections the SDK opens itself (`default_ssl_context`).
"""

from __future__ import annotations

import math
import os
import ssl
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import httpx

from korusticket._context import READING, deadline_of
from korusticket._lazy import lazy_module
from korusticket.errors import ConfigurationError

if TYPE_CHECKING:
    import httpcore
else:  # httpx loads it when its first transport is built: `import korusticket` does not
    httpcore = lazy_module("httpcore")

__all__ = ["AsyncClientTransport", "ClientTransport"]

_contexts: dict[tuple[str, str], tuple[object, ssl.SSLContext]] = {}
"""Per value of (SSL_CERT_FILE, SSL_CERT_DIR): the CA file's identity when its context was built, and the context."""
_contexts_lock = threading.Lock()


def _new_lock() -> None:
    global _contexts_lock  # a forked child must not inherit a lock another thread held
    _contexts_lock = threading.Lock()


os.register_at_fork(after_in_child=_new_lock)


def default_ssl_context() -> ssl.SSLContext:
    """The SSL context of every connection pool the SDK builds itself (not one in an `http_client=` you give).

    It is httpx's default, `httpx.create_ssl_context()`: certificates and host names verified against certifi's
    CA bundle, or against `SSL_CERT_FILE` / `SSL_CERT_DIR` when the environment sets them. Building one reads and
    parses the whole bundle, about 30 ms of CPU, which was most of the cost of constructing a client; httpx
    advises reusing contexts, so the process keeps one per value of those two variables and every client shares
    it. A CA file replaced or rewritten in place (a rotated bundle) is read again by the next client built: the
    context is kept only while the file's inode, size and modification time are those it was built from.

    Nothing the SDK does changes a context once built; httpcore sets its ALPN protocols on each connection, to
    HTTP/1.1 alone for every pool the SDK builds (none asks for HTTP/2), so all its clients set the same value.
    It is for the SDK's own pools: for other TLS settings (a client certificate, your own CAs, HTTP/2), give
    `http_client=httpx.Client(...)` with a context of its own. A variable that names no CA certificates raises
    `ConfigurationError` naming it.
    """
    cert_file, cert_dir = os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", "")
    key = (cert_file, cert_dir)
    identity = _identity(cert_file)
    known = _contexts.get(key)
    if known is None or known[0] != identity:
        with _contexts_lock:  # two threads building their first client load the bundle once
            known = _contexts.get(key)
            if known is None or known[0] != identity:
                known = _contexts[key] = (identity, _create(cert_file, cert_dir))
    return known[1]


def _identity(cert_file: str) -> object:
    """What says the CA file is still the one a context was built from (None when there is no file to read)."""
    if not cert_file:
        return None
    try:
        found = os.stat(cert_file)
    except OSError:
        return None  # _create reports it
    return (found.st_ino, found.st_dev, found.st_size, found.st_mtime_ns)


def _create(cert_file: str, cert_dir: str) -> ssl.SSLContext:
    if not cert_file and cert_dir and not os.path.isdir(cert_dir):
        # OpenSSL reads a CA directory at each handshake and takes a missing one without a word: every
        # connection would then fail its certificate check, far from the setting's name.
        raise ConfigurationError(
            f"SSL_CERT_DIR: {cert_dir!r} is not a directory; expected a directory of CA certificates (hashed"
            " names, as `openssl rehash` makes), or SSL_CERT_DIR unset (certifi's bundle)"
        )
    try:
        return httpx.create_ssl_context()
    except OSError as error:  # ssl.SSLError included: the file is absent, unreadable, or holds no certificate
        if cert_file:
            where = f"SSL_CERT_FILE: cannot load CA certificates from {cert_file!r}"
            expected = "a PEM file of CA certificates, or SSL_CERT_FILE unset (certifi's bundle)"
        else:
            where, expected = "certifi's CA bundle cannot be loaded", "a working certifi installation"
        failure = ConfigurationError(f"{where} ({type(error).__name__}: {error}); expected {expected}")
    raise failure  # outside the except block: a configuration error, not a chain of ssl internals


class ClientTransport(httpx.BaseTransport):
    """A transport that sends each request with `client` (streamed: the SDK's client reads the body)."""

    def __init__(self, client: httpx.Client, *, owned: bool) -> None:
        self.client = client
        self.owned = owned
        """Whether closing the transport closes the client (not a client the user gave: they close it)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.client.send(request, stream=True, follow_redirects=False)

    def close(self) -> None:
        if self.owned:
            self.client.close()


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """The asynchronous twin of `ClientTransport`."""

    def __init__(self, client: httpx.AsyncClient, *, owned: bool) -> None:
        self.client = client
        self.owned = owned

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.client.send(request, stream=True, follow_redirects=False)

    async def aclose(self) -> None:
        if self.owned:
            await self.client.aclose()


def _time_left(timeout: float | None, expired: str) -> float | None:
    """`timeout` cut to the time left before the deadline of the request being read (`READING`)."""
    request = READING.get()
    deadline = deadline_of(request) if request is not None else math.inf
    if math.isinf(deadline):
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise getattr(httpcore, expired)("the call's timeout ran out")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream:
    """A connection whose every read and write waits no longer than the time its call has left (an
    `httpcore.NetworkStream`, by its methods: httpcore is not loaded until a transport is built)."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _time_left(timeout, "ReadTimeout"))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _time_left(timeout, "WriteTimeout"))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> _DeadlineStream:
        wrapped = self._stream.start_tls(ssl_context, server_hostname, _time_left(timeout, "ConnectTimeout"))
        return _DeadlineStream(wrapped)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class DeadlineBackend:
    """httpcore's network, with each socket operation held to the call's deadline.

    httpcore gives each read the read timeout anew, so a server that sends its headers a line at a time, each line
    just within it, could hold a sync call for as long as it liked; and a body read started just before the
    deadline could wait a whole read timeout past it. Each read and write here waits at most the time left (the
    async client gets the same from the event loop, which cancels what runs past the deadline)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _DeadlineStream:
        left = _time_left(timeout, "ConnectTimeout")
        return _DeadlineStream(self._backend.connect_tcp(host, port, left, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> _DeadlineStream:
        left = _time_left(timeout, "ConnectTimeout")
        return _DeadlineStream(self._backend.connect_unix_socket(path, left, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def held_to_deadlines(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """`transport` with its connections opened through `DeadlineBackend`.

    httpx has no public setting for the network backend of the pool it builds; its pool keeps it in
    `_network_backend` (httpcore 1.x) and gives it to every connection it opens. Where that attribute is not there
    (another httpcore), the transport is left as it is, and reads keep httpx's per-read timeouts."""
    pool: Any = getattr(transport, "_pool", None)
    backend: Any = getattr(pool, "_network_backend", None)
    if hasattr(backend, "connect_tcp") and not isinstance(backend, DeadlineBackend):
        pool._network_backend = DeadlineBackend(backend)
    return transport
