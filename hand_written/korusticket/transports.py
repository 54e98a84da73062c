"""Sending through an httpx client rather than a bare transport: the user's own, or one that reads the
environment's proxies.

httpx decides proxies per URL inside its clients (`proxy=`, `mounts=`, and with `trust_env` the environment's
`HTTPS_PROXY`, `NO_PROXY`, ...), not inside transports. These adapters let the SDK's own client (authentication,
retries, deadline, errors) send through such a client, so a proxy, a certificate or a mount the user set up is
used exactly as httpx uses it, through public APIs only.
"""

from __future__ import annotations

import httpx

__all__ = ["AsyncClientTransport", "ClientTransport"]


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
