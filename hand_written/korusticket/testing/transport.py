"""httpx transports that answer from a `Sandbox` instead of the network, faults included."""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING

import httpx

from korusticket.testing import render
from korusticket.testing.faults import RESPONSE_KINDS, Fault
from korusticket.testing.state import Handled

if TYPE_CHECKING:
    from korusticket.testing.sandbox import Sandbox

DROPPED = "Server disconnected without sending a response."
HTML_PAGE = "<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center><hr></body></html>"


def fault_response(fault: Fault) -> httpx.Response:
    """The response a response-replacing fault sends instead of the sandbox's."""
    if fault.kind == "rate_limit":
        body = render.error(429, "Too Many Requests", "Too Many Requests")
        wait = 1 if fault.retry_after is None else fault.retry_after
        headers = {"content-type": "application/ld+json", "retry-after": f"{wait:g}"}
        return httpx.Response(429, content=json.dumps(body).encode(), headers=headers)
    if fault.kind == "status":
        body = render.error(fault.status, "The server could not answer; try again later.")
        return httpx.Response(
            fault.status, content=json.dumps(body).encode(), headers={"content-type": "application/ld+json"}
        )
    if fault.kind == "html_error":
        text = HTML_PAGE.format(status=f"{fault.status} Service Unavailable")
        return httpx.Response(fault.status, text=text, headers={"content-type": "text/html"})
    # malformed_json: a success whose body was cut short
    return httpx.Response(
        200,
        content=b'{"@context": "/contexts/Collection", "member": [{"@id": ',
        headers={"content-type": "application/ld+json"},
    )


def read_timeout(request: httpx.Request) -> float | None:
    """The read timeout the client set on this request: a slow sandbox times out as a slow server would."""
    timeout = request.extensions.get("timeout")
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if isinstance(value, int | float) else None


class _FaultingTransport:
    """What the sync and async transports share: faults before and after the sandbox handles a request."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def before(self, request: httpx.Request) -> tuple[Fault | None, float]:
        """The fault for this request and how long to wait before answering."""
        operation = self.sandbox.operation_of(request)
        fault = self.sandbox.faults.take(operation) if operation else None
        if fault is not None and fault.kind == "latency":
            return None, fault.latency
        return fault, 0.0

    def answer(self, request: httpx.Request, fault: Fault | None) -> httpx.Response:
        """The sandbox's response to `request`, spoilt, dropped or made late by `fault` when there is one."""
        operation = self.sandbox.operation_of(request)
        if fault is None:
            return self.sandbox.handle(request)
        if fault.kind == "drop_after_commit" or fault.after_commit:
            self.sandbox.handle(request)  # the change is made; then the answer is lost or spoilt
        if fault.kind in ("drop_before_commit", "drop_after_commit"):
            self._record(request, operation, None, fault)
            raise httpx.RemoteProtocolError(DROPPED, request=request)
        if fault.kind == "timeout":
            self._record(request, operation, None, fault)
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        if fault.kind in RESPONSE_KINDS:
            response = fault_response(fault)
            self._record(request, operation, response.status_code, fault)
            return response
        return self.sandbox.handle(request)

    def _record(self, request: httpx.Request, operation: str | None, status: int | None, fault: Fault) -> None:
        with self.sandbox.state.lock:
            self.sandbox.state.handled.append(Handled(request.method, request.url.path, operation, status, fault.kind))


class SandboxTransport(_FaultingTransport, httpx.BaseTransport):
    """`KorusTicket(transport=sandbox.transport())`, or `httpx.Client(transport=...)`."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the sandbox, after the latency or fault scheduled for it."""
        request.read()
        fault, delay = self.before(request)
        if delay:
            limit = read_timeout(request)
            time.sleep(min(delay, limit) if limit is not None else delay)
            if limit is not None and delay > limit:
                raise httpx.ReadTimeout(f"no answer within the {limit:g} s read timeout", request=request)
        return self.answer(request, fault)


class AsyncSandboxTransport(_FaultingTransport, httpx.AsyncBaseTransport):
    """`AsyncKorusTicket(transport=sandbox.async_transport())`."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the sandbox, after the latency or fault scheduled for it."""
        await request.aread()
        fault, delay = self.before(request)
        if delay:
            limit = read_timeout(request)
            await asyncio.sleep(min(delay, limit) if limit is not None else delay)
            if limit is not None and delay > limit:
                raise httpx.ReadTimeout(f"no answer within the {limit:g} s read timeout", request=request)
        return self.answer(request, fault)
