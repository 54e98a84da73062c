"""The sandbox as an ASGI application, for `korusticket sandbox serve`, uvicorn, and real-socket tests.

    app = create_app(port=8000, double_ordering=True, created_status=201)   # any `Sandbox` keyword argument
    uvicorn.run(app, host="127.0.0.1", port=8000, date_header=False)

It answers the API (faults included: a latency is an `asyncio.sleep`, so a slow answer never holds up the
others), the token endpoint, the document storage host under `/_storage`, and a control API under
`/_sandbox/` for a test in another process, or another language (JSON in and out; details and the counts
reported in `korusticket.testing.control`):

    POST /_sandbox/faults (the arguments of `Faults.inject`)   POST /_sandbox/faults/random (of `randomly`)
    GET|DELETE /_sandbox/faults          POST /_sandbox/clock?advance=SECONDS
    GET|PATCH /_sandbox/settings (the rule switches)   GET /_sandbox/state (orders per reference, in flight)

A served sandbox keeps the last `SERVED_HISTORY` records of each log unless told otherwise (`history=`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any, Unpack

import httpx

from korusticket.testing.clock import SandboxClock
from korusticket.testing.control import PREFIX, SandboxControl
from korusticket.testing.log import SERVED_HISTORY
from korusticket.testing.sandbox import Sandbox, SandboxOptions
from korusticket.testing.transport import AsyncSandboxTransport

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
STORAGE_PATH = "/_storage"
"""Where the served sandbox answers as its document storage host."""


def create_app(
    *, port: int | None = None, frozen_clock: bool = False, **options: Unpack[SandboxOptions]
) -> SandboxASGI:
    """A new sandbox, served: `options` are `Sandbox`'s (the rule switches among them).

    `port` is the port it will be served on, so that signed download URLs point back at it
    (`http://localhost:PORT/_storage`) unless `storage_url` is given. The clock follows real time from
    `DEFAULT_START`, or stands still with `frozen_clock=True` (move it with `POST /_sandbox/clock`).
    """
    if port is not None:
        options.setdefault("storage_url", f"http://localhost:{port}{STORAGE_PATH}")
    options.setdefault("history", SERVED_HISTORY)
    return SandboxASGI(Sandbox(clock=SandboxClock(ticking=not frozen_clock), **options))


class SandboxASGI:
    """An ASGI app answering for `sandbox`."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.transport = AsyncSandboxTransport(sandbox)
        self.in_flight: Counter[str] = Counter()
        """Operation -> requests being answered now (the control API reports it)."""
        self.control = SandboxControl(sandbox, self.in_flight)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        request = await _request(scope, receive)
        if request.url.path.startswith(PREFIX):
            await _send(send, self.control.handle(request))
            return
        operation = self.sandbox.operation_of(request) or request.url.path
        self.in_flight[operation] += 1
        try:
            try:
                response = await self.transport.handle_async_request(request)
            except (httpx.RemoteProtocolError, httpx.ReadTimeout):
                # A dropped connection, as far as HTTP allows: promise a body, send a byte, stop.
                await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"4096")]})
                await send({"type": "http.response.body", "body": b"{", "more_body": False})
                return
            await _send(send, response)
        finally:
            self.in_flight[operation] -= 1
            if not self.in_flight[operation]:
                del self.in_flight[operation]


async def _send(send: Send, response: httpx.Response) -> None:
    content = await response.aread()
    headers = [
        (key.encode("latin-1"), value.encode("latin-1"))
        for key, value in response.headers.items()
        if key.lower() not in ("content-length", "transfer-encoding")
    ]
    headers.append((b"content-length", str(len(content)).encode()))
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": content})


async def _request(scope: Scope, receive: Receive) -> httpx.Request:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    # Raw bytes: a header value that is not ASCII (legal in HTTP/1.1 as opaque bytes) must not crash the server.
    headers: list[tuple[bytes, bytes]] = list(scope["headers"])
    host = next((value.decode("latin-1") for key, value in headers if key.lower() == b"host"), None)
    if host is None:
        server_host, server_port = scope["server"]
        host = f"{server_host}:{server_port}"
    path = scope.get("raw_path", scope["path"].encode()).decode("latin-1")
    query = scope.get("query_string", b"").decode("latin-1")
    url = f"{scope['scheme']}://{host}{path}" + (f"?{query}" if query else "")
    return httpx.Request(scope["method"], url, headers=headers, content=body)
