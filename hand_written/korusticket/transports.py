"""Sending through an httpx client rather than a bare transport: the user's own, or one that reads the
environment's proxies.

httpx decides proxies per URL inside its clients (`proxy=`, `mounts=`, and with `trust_env` the environment's
`HTTPS_PROXY`, `NO_PROXY`, ...), not inside transports. These adapters let the SDK's own client (authentication,
retries, deadline, errors) send through such a client, so a proxy, a certificate or a mount the user set up is
used exactly as httpx uses it, through public APIs only.

It also holds the TLS settings of the connections the SDK opens itself (`default_ssl_context`).
"""

from __future__ import annotations

import os
import ssl
import threading

import httpx

from korusticket.errors import ConfigurationError

__all__ = ["AsyncClientTransport", "ClientTransport", "default_ssl_context"]

_contexts: dict[tuple[str, str], ssl.SSLContext] = {}
_contexts_lock = threading.Lock()


def default_ssl_context() -> ssl.SSLContext:
    """The SSL context of every connection pool the SDK builds itself (not one in an `http_client=` you give).

    It is httpx's default, `httpx.create_ssl_context()`: certificates and host names verified against certifi's
    CA bundle, or against `SSL_CERT_FILE` / `SSL_CERT_DIR` when the environment sets them. Building one reads and
    parses the whole bundle, about 30 ms of CPU, which was most of the cost of constructing a client; httpx
    advises reusing contexts, so the process builds one per value of those two variables and every client shares
    it (the SDK never changes a context once built). Clients built after `SSL_CERT_FILE` changes get a context
    for the new value; a variable that names no CA certificates raises `ConfigurationError` naming it. For other
    TLS settings (a client certificate, your own CAs), give `http_client=httpx.Client(verify=your_context)`.
    """
    key = (os.environ.get("SSL_CERT_FILE", ""), os.environ.get("SSL_CERT_DIR", ""))
    context = _contexts.get(key)
    if context is None:
        with _contexts_lock:  # two threads building their first client load the bundle once
            context = _contexts.get(key)
            if context is None:
                context = _contexts[key] = _create(*key)
    return context


def _create(cert_file: str, cert_dir: str) -> ssl.SSLContext:
    failure = None
    try:
        return httpx.create_ssl_context()
    except OSError as error:  # ssl.SSLError included: the file is absent, unreadable, or holds no certificate
        if cert_file:
            where = f"SSL_CERT_FILE: cannot load CA certificates from {cert_file!r}"
            expected = "a PEM file of CA certificates, or SSL_CERT_FILE unset (certifi's bundle)"
        elif cert_dir:
            where = f"SSL_CERT_DIR: cannot load CA certificates from {cert_dir!r}"
            expected = "a directory of CA certificates, or SSL_CERT_DIR unset (certifi's bundle)"
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
