"""The sandbox as an ASGI application, for `korusticket sandbox serve` and real-socket tests.

Besides the API, it answers a few control routes under `/_sandbox/` for clients that are not Python:
`POST /_sandbox/clock?advance=SECONDS`, `POST /_sandbox/faults` (a JSON object with the arguments of
`Faults.inject`), `DELETE /_sandbox/faults`, and `GET /_sandbox/state` (counts).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from korusticket.testing.sandbox import Sandbox
from korusticket.testing.transport import AsyncSandboxTransport

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class SandboxASGI:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.transport = AsyncSandboxTransport(sandbox)

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
        if request.url.path.startswith("/_sandbox/"):
            response = self._control(request)
        else:
            try:
                response = await self.transport.handle_async_request(request)
            except (httpx.RemoteProtocolError, httpx.ReadTimeout):
                # A dropped connection, as far as HTTP allows: promise a body, send a byte, stop.
                await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"4096")]})
                await send({"type": "http.response.body", "body": b"{", "more_body": False})
                return
        content = await response.aread()
        headers = [
            (key.encode("latin-1"), value.encode("latin-1"))
            for key, value in response.headers.items()
            if key.lower() not in ("content-length", "transfer-encoding")
        ]
        headers.append((b"content-length", str(len(content)).encode()))
        await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": content})

    def _control(self, request: httpx.Request) -> httpx.Response:
        path, method = request.url.path, request.method
        try:
            if path == "/_sandbox/clock" and method == "POST":
                seconds = float(request.url.params.get("advance", "0"))
                return httpx.Response(200, json={"now": self.sandbox.clock.advance(seconds).isoformat()})
            if path == "/_sandbox/faults" and method == "POST":
                fault = self.sandbox.faults.inject(**json.loads(request.content))
                return httpx.Response(
                    201, json={"kind": fault.kind, "operation": fault.operation, "times": fault.times}
                )
            if path == "/_sandbox/faults" and method == "DELETE":
                self.sandbox.faults.clear()
                return httpx.Response(204)
            if path == "/_sandbox/state" and method == "GET":
                state = self.sandbox.state
                return httpx.Response(
                    200,
                    json={
                        "now": self.sandbox.clock.now().isoformat(),
                        "reservations": len(state.reservations),
                        "orders": len(state.orders),
                        "requests": len(state.handled),
                    },
                )
        except (TypeError, ValueError) as error:
            return httpx.Response(400, json={"error": str(error)})
        return httpx.Response(404, json={"error": f"no control route {method} {path}"})


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
