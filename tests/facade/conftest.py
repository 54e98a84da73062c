"""Helpers for the facade tests: scripted HTTP servers on httpx.MockTransport, no sleeping, no network."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from korusticket import AsyncKorusTicket, KorusTicket, RetryPolicy
from tests.vendor_examples import INDEX, load

CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
OFFER = "0194ac40-fda7-78c1-8fcb-26fc2df25894"
ORDER = "0194b132-448c-7d1b-bb13-f8e09ae5c18f"
DOCUMENT = "0194b132-449c-79cd-9da1-50be439b6e9d"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl"
FAST = RetryPolicy(initial_delay=0.0, max_delay=0.0)


def example(file: str) -> Any:
    return load(next(entry for entry in INDEX if entry["file"] == file))


def jsonld(payload: Any, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(payload).encode(), headers={"content-type": "application/ld+json", **headers}
    )


@dataclass
class Script:
    """A fake server: answers requests with `reply`, records them, counts them per path."""

    reply: Callable[[httpx.Request], httpx.Response]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def async_transport(self) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            return self(request)

        return httpx.MockTransport(handle)


def sequence(*responses: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    """Reply with each response in turn (raising exceptions), then keep repeating the last one."""
    queue = list(responses)

    def reply(request: httpx.Request) -> httpx.Response:
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        return httpx.Response(item.status_code, headers=item.headers, content=item.content)  # a fresh stream each time

    return reply


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping."""
    waited: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr("korusticket.retries.time.sleep", waited.append)
    monkeypatch.setattr("korusticket.retries.asyncio.sleep", fake_async_sleep)
    return waited


def client(script: Script, **options: Any) -> KorusTicket:
    options.setdefault("token", TOKEN)
    if "max_retries" not in options:
        options.setdefault("retry", FAST)
    return KorusTicket.demo(transport=script.transport(), **options)


def async_client(script: Script, **options: Any) -> AsyncKorusTicket:
    options.setdefault("token", TOKEN)
    if "max_retries" not in options:
        options.setdefault("retry", FAST)
    return AsyncKorusTicket.demo(transport=script.async_transport(), **options)
