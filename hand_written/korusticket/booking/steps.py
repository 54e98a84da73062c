"""How the booking workflows talk to the API without being tied to sync or async code.

Each workflow in `korusticket.booking.flows` is a generator: it yields a `Step` (call an operation, read
every page of a collection, wait, ask the server's time, run the caller's callback, download a file) and
receives the step's result, or has the step's exception thrown into it. `run` drives one with a
`KorusTicket`, `arun` with an `AsyncKorusTicket`, so the booking logic is written once.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import httpx

from korusticket._raw import CallOptions
from korusticket.auth import Secret
from korusticket.errors import KorusTicketError

if TYPE_CHECKING:
    from korusticket.client import AsyncKorusTicket, KorusTicket

T = TypeVar("T")


@dataclass(frozen=True)
class Call:
    """Call one generated operation through the facade (checks, retries, errors); the result is its model."""

    operation: Any
    arguments: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Collect:
    """Every member of a collection, pages fetched `prefetch` at a time; the result is a list."""

    operation: Any
    filters: Mapping[str, Any]
    prefetch: int = 0


@dataclass(frozen=True)
class Sleep:
    seconds: float


@dataclass(frozen=True)
class ServerNow:
    """The API's clock (a function returning its current time, from its `Date` headers): reservations
    expire on its clock, not ours."""


@dataclass(frozen=True)
class Callback:
    """Run the caller's function (the payment step); a coroutine is awaited under the async client."""

    function: Callable[[Any], Any]
    argument: Any


@dataclass(frozen=True)
class Download:
    """GET a signed URL (never with the JWT: it is on another host) into a file or a binary stream.

    The result is the number of bytes written, or the `KorusTicketError` the download failed with (its
    traceback cut: the frames below hold the signed URL, which grants access to the file).
    """

    url: Secret
    target: Path | IO[bytes]


Step = Call | Collect | Sleep | ServerNow | Callback | Download
Flow = Generator[Step, Any, T]


def run(kt: KorusTicket, flow: Flow[T]) -> T:
    """Drive `flow` with a synchronous client."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = flow.throw(error) if error is not None else flow.send(value)
        except StopIteration as stop:
            result: T = stop.value
            return result
        value, error = None, None
        try:
            value = _perform(kt, step)
        except Exception as raised:
            error = raised


async def arun(kt: AsyncKorusTicket, flow: Flow[T]) -> T:
    """Drive `flow` with an asynchronous client."""
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            step = flow.throw(error) if error is not None else flow.send(value)
        except StopIteration as stop:
            result: T = stop.value
            return result
        value, error = None, None
        try:
            value = await _aperform(kt, step)
        except Exception as raised:
            error = raised


def _perform(kt: KorusTicket, step: Step) -> Any:
    if isinstance(step, Call):
        return kt._call(step.operation, dict(step.arguments), options=CallOptions(headers=step.headers))
    if isinstance(step, Collect):
        return list(kt._paginate(step.operation, dict(step.filters), prefetch=step.prefetch))
    if isinstance(step, Sleep):
        time.sleep(step.seconds)
        return None
    if isinstance(step, ServerNow):
        return kt.server_time
    if isinstance(step, Callback):
        outcome = step.function(step.argument)
        if inspect.isawaitable(outcome):
            raise TypeError("confirm_payment returned an awaitable: use AsyncKorusTicket for async payment steps")
        return outcome
    http: httpx.Client = kt.http
    try:
        with http.stream("GET", step.url.reveal()) as response, _sink(step.target) as sink:
            for chunk in response.iter_bytes():
                sink.write(chunk)
            return sink.written
    except KorusTicketError as error:
        return error.with_traceback(None)


async def _aperform(kt: AsyncKorusTicket, step: Step) -> Any:
    if isinstance(step, Call):
        return await kt._call(step.operation, dict(step.arguments), options=CallOptions(headers=step.headers))
    if isinstance(step, Collect):
        return [item async for item in kt._paginate(step.operation, dict(step.filters), prefetch=step.prefetch)]
    if isinstance(step, Sleep):
        await asyncio.sleep(step.seconds)
        return None
    if isinstance(step, ServerNow):
        return kt.server_time
    if isinstance(step, Callback):
        outcome = step.function(step.argument)
        return await outcome if inspect.isawaitable(outcome) else outcome
    http: httpx.AsyncClient = kt.http
    try:
        async with http.stream("GET", step.url.reveal()) as response:
            with _sink(step.target) as sink:
                async for chunk in response.aiter_bytes():
                    sink.write(chunk)
                return sink.written
    except KorusTicketError as error:
        return error.with_traceback(None)


class _Sink:
    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.written = 0

    def write(self, chunk: bytes) -> None:
        self.written += self.handle.write(chunk)


@contextlib.contextmanager
def _sink(target: Path | IO[bytes]) -> Iterator[_Sink]:
    """Where downloaded bytes go: a stream as given, or a file that appears only once complete."""
    if not isinstance(target, Path):
        yield _Sink(target)
        return
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as handle:
            yield _Sink(handle)
        partial.replace(target)  # a finished file or none: never half a ticket
    finally:
        partial.unlink(missing_ok=True)
