"""httpx transports that answer from a sandbox instead of the network, faults included.

A transport takes a fault from the sandbox's schedule for each request, then lets the app answer, or
answers for it (an error status, a dropped connection, a timeout, a slow answer), before or after the
write was made as the fault says. `faults.clear()` ends the latencies under way.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from typing import Protocol

import httpx

from korusticket.testing.app import SandboxApp
from korusticket.testing.faults import RESPONSE_KINDS, Fault, Faults
from korusticket.testing.render.common import error

DROPPED = "Server disconnected without sending a response."
HTML_PAGE = "<html><head><title>{status}</title></head><body><center><h1>{status}</h1></center><hr></body></html>"


class Faulted(Protocol):
    """What a transport needs of a sandbox (a `Sandbox` is one): its fault schedule, how it answers a request
    and names its operation (a subclass may override either), and its app, which logs what faults answered."""

    @property
    def app(self) -> SandboxApp: ...

    @property
    def faults(self) -> Faults: ...

    def handle(self, request: httpx.Request) -> httpx.Response: ...

    def operation_of(self, request: httpx.Request) -> str | None: ...


def fault_response(fault: Fault) -> httpx.Response:
    """The response a response-replacing fault sends instead of the sandbox's."""
    if fault.kind == "rate_limit":
        body = error(429, "Too Many Requests", "Too Many Requests")
        wait = 1 if fault.retry_after is None else fault.retry_after
        headers = {"content-type": "application/ld+json", "retry-after": f"{wait:g}"}
        return httpx.Response(429, content=json.dumps(body).encode(), headers=headers)
    if fault.kind == "status":
        body = error(fault.status, "The server could not answer; try again later.")
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


def _wait(request: httpx.Request, delay: float) -> tuple[float, httpx.ReadTimeout | None]:
    """How long to wait, and the timeout to raise after it when the client would have given up first."""
    limit = read_timeout(request)
    if limit is not None and delay > limit:
        return limit, httpx.ReadTimeout(f"no answer within the {limit:g} s read timeout", request=request)
    return delay, None


STEP = 0.05
"""Seconds between checks, while a latency lasts, that the faults were not cleared (which ends it)."""


class _FaultingTransport:
    """What the sync and async transports share: faults before and after the sandbox handles a request."""

    def __init__(self, sandbox: Faulted) -> None:
        self.sandbox = sandbox

    def before(self, request: httpx.Request) -> tuple[Fault | None, float]:
        """The fault for this request and how long to wait before handling it."""
        operation = self.sandbox.operation_of(request)
        fault = self.sandbox.faults.take(operation) if operation else None
        if fault is not None and fault.kind == "latency" and not fault.after_commit:
            return None, fault.latency
        return fault, 0.0

    def _steps(self, delay: float) -> Iterator[float]:
        """The sleeps that make up `delay`, stopping early if the faults are cleared meanwhile."""
        faults = self.sandbox.faults
        clears, deadline = faults.clears, time.monotonic() + delay
        while faults.clears == clears and (left := deadline - time.monotonic()) > 0:
            yield min(left, STEP)

    def answer(self, request: httpx.Request, fault: Fault | None) -> httpx.Response:
        """The response to `request`: the sandbox's, or what `fault` makes of it (dropped, late, replaced)."""
        sandbox = self.sandbox
        if fault is None or fault.kind == "latency":  # a late answer is the sandbox's answer, given late
            return sandbox.handle(request)
        if fault.kind == "drop_after_commit" or fault.after_commit:
            sandbox.handle(request)  # the change is made; then the answer is lost or spoilt
        operation = sandbox.operation_of(request)
        if fault.kind in ("drop_before_commit", "drop_after_commit"):
            sandbox.app.record(request, operation, None, fault.kind)
            raise httpx.RemoteProtocolError(DROPPED, request=request)
        if fault.kind == "timeout":
            sandbox.app.record(request, operation, None, fault.kind)
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        if fault.kind in RESPONSE_KINDS:
            response = fault_response(fault)
            sandbox.app.record(request, operation, response.status_code, fault.kind)
            return response
        return sandbox.handle(request)


class SandboxTransport(_FaultingTransport, httpx.BaseTransport):
    """`KorusTicket(transport=sandbox.transport())`, or `httpx.Client(transport=...)`."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the sandbox, faults included."""
        request.read()
        fault, delay = self.before(request)
        if delay:
            self._sleep(request, delay)
        response = self.answer(request, fault)
        if fault is not None and fault.kind == "latency":  # after the write: made, then answered late
            self._sleep(request, fault.latency)
        return response

    def _sleep(self, request: httpx.Request, delay: float) -> None:
        wait, timeout = _wait(request, delay)
        clears = self.sandbox.faults.clears
        for step in self._steps(wait):
            time.sleep(step)
        if timeout is not None and self.sandbox.faults.clears == clears:
            raise timeout


class AsyncSandboxTransport(_FaultingTransport, httpx.AsyncBaseTransport):
    """`AsyncKorusTicket(transport=sandbox.async_transport())`; the served sandbox answers through it too,
    so a slow answer (latency) never holds up the others."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer one request from the sandbox, faults included, without blocking the event loop."""
        await request.aread()
        fault, delay = self.before(request)
        if delay:
            await self._sleep(request, delay)
        response = self.answer(request, fault)
        if fault is not None and fault.kind == "latency":  # after the write: made, then answered late
            await self._sleep(request, fault.latency)
        return response

    async def _sleep(self, request: httpx.Request, delay: float) -> None:
        wait, timeout = _wait(request, delay)
        clears = self.sandbox.faults.clears
        for step in self._steps(wait):
            await asyncio.sleep(step)
        if timeout is not None and self.sandbox.faults.clears == clears:
            raise timeout
