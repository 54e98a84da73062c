"""Retrying requests that failed for reasons that may pass, in the httpx transport layer.

Only requests that cannot do harm twice are retried: idempotent methods on connect errors, on 429 and
on 502/503/504, and safe methods (GET, HEAD, OPTIONS) also after a read failure. Other methods (the
bulk POSTs) are retried only when the connection was never established, so the server never saw them.
Tenacity runs the attempts; the waits come from `korusticket.backoff.Backoff` (exponential with jitter, or the
server's `Retry-After` up to a cap), the same computation the booking workflows use, bounded by a number of
attempts and by the time elapsed since the first one.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import httpx

from korusticket._context import DEADLINE, MAX_RETRIES, SAFE_TO_REPEAT, deadline_of
from korusticket._http import MAX_RESPONSE_BYTES, aread_body, read_body
from korusticket._lazy import lazy_module
from korusticket._operation import COUNT_LIMIT, is_count
from korusticket.backoff import Backoff, parse_retry_after
from korusticket.errors import InvalidRequestError

if TYPE_CHECKING:
    import asyncio

    import tenacity
else:  # loaded on first use (make bench: start-up): asyncio by an async client, tenacity once a retry is due
    asyncio = lazy_module("asyncio")
    tenacity = lazy_module("tenacity")

__all__ = ["AsyncRetryTransport", "RetryPolicy", "RetryTransport", "parse_retry_after"]

logger = logging.getLogger("korusticket")

CONNECT_FAILURES: tuple[type[Exception], ...] = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
"""The request never left: safe to send again whatever the method."""
READ_FAILURES: tuple[type[Exception], ...] = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)
"""The request may have reached the server: only safe methods are sent again."""


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to retry. `RetryPolicy(max_retries=0)` turns retries off."""

    max_retries: int = 2
    """Retries after the first attempt."""
    initial_delay: float = 0.5
    """First backoff wait, in seconds; it doubles on each retry, plus up to `initial_delay` of random jitter."""
    max_delay: float = 8.0
    """Longest backoff wait, in seconds."""
    max_retry_after: float = 60.0
    """Longest `Retry-After` honoured; when the server asks for more, the error is raised at once."""
    total_time: float = 60.0
    """No retry starts once this many seconds have passed since the first attempt."""
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    idempotent_methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})
    """Methods retried on the statuses above. PATCH is included: the API's merge-patch bodies are idempotent."""
    safe_methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS"})
    """Methods also retried after a read timeout or a dropped connection."""

    def __post_init__(self) -> None:
        if not is_count(self.max_retries):
            raise InvalidRequestError(
                f"RetryPolicy.max_retries: expected a finite number >= 0, got {self.max_retries!r} (a whole number "
                f"up to {COUNT_LIMIT})"
            )
        for name in ("initial_delay", "max_delay", "max_retry_after", "total_time"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
                raise InvalidRequestError(f"RetryPolicy.{name}: expected a finite number >= 0, got {value!r}")

    @property
    def backoff(self) -> Backoff:
        """The waits between attempts, as `BookingPolicy` computes its own."""
        return Backoff(initial_delay=self.initial_delay, max_delay=self.max_delay, max_retry_after=self.max_retry_after)

    def should_retry_exception(self, method: str, error: BaseException) -> bool:
        """Whether a request that failed with `error` may be sent again.

        A connection never made is retried for any method; a read timeout or a dropped connection only
        for `safe_methods`, since the server may have acted on the request.
        """
        if isinstance(error, CONNECT_FAILURES):
            return True
        return method.upper() in self.safe_methods and isinstance(error, READ_FAILURES)

    def should_retry_response(self, method: str, response: httpx.Response) -> bool:
        """Whether a response may be answered by sending the request again: a status in `retry_statuses` to
        one of the `idempotent_methods`.
        """
        return method.upper() in self.idempotent_methods and response.status_code in self.retry_statuses


def retry_as(request: httpx.Request) -> str:
    """The method whose retry rules apply to `request`."""
    return "GET" if request.extensions.get(SAFE_TO_REPEAT) else request.method


@dataclass
class _Plan:
    """The tenacity settings for one request."""

    policy: RetryPolicy
    request: httpx.Request
    started: float
    """`time.monotonic()` when the first attempt started (`total_time` counts from there)."""

    def retry(self, state: tenacity.RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None:
            return False
        if outcome.failed:
            error = outcome.exception()
            return error is not None and self.policy.should_retry_exception(retry_as(self.request), error)
        return self.policy.should_retry_response(retry_as(self.request), outcome.result())

    def wait(self, state: tenacity.RetryCallState) -> float:
        outcome = state.outcome
        asked = None
        if outcome is not None and not outcome.failed:
            asked = parse_retry_after(outcome.result().headers.get("retry-after"))
        chosen = self.policy.backoff.wait(state.attempt_number, asked)
        return math.inf if chosen is None else chosen  # infinite: `stop` gives up rather than sleeping

    def stop(self, state: tenacity.RetryCallState) -> bool:
        if state.attempt_number > self.policy.max_retries:
            return True
        if math.isinf(state.upcoming_sleep):  # the server asked for longer than max_retry_after
            return True
        if time.monotonic() + state.upcoming_sleep >= deadline_of(self.request):  # no time left for another attempt
            return True
        return time.monotonic() - self.started + state.upcoming_sleep >= self.policy.total_time

    def log(self, state: tenacity.RetryCallState) -> None:
        outcome = state.outcome
        if outcome is None:
            return
        if outcome.failed:
            reason = type(outcome.exception()).__name__
        else:
            response = outcome.result()
            reason = f"{response.status_code} {response.reason_phrase}".strip()
        logger.info(
            "retrying %s %s in %.2fs (retry %d of %d): %s",
            self.request.method,
            self.request.url.copy_with(query=None),
            state.upcoming_sleep,
            state.attempt_number,
            self.policy.max_retries,
            reason,
        )

    @staticmethod
    def last_outcome(state: tenacity.RetryCallState) -> httpx.Response:
        assert state.outcome is not None  # noqa: S101 - tenacity calls this only after an attempt
        response: httpx.Response = state.outcome.result()  # re-raises the last exception, if that is what it was
        return response

    def settings(self) -> dict[str, object]:
        return {
            "retry": self.retry,
            "wait": self.wait,
            "stop": self.stop,
            "before_sleep": self.log,
            "retry_error_callback": self.last_outcome,
        }


def call_deadline(request: httpx.Request) -> float:
    """When the call `request` belongs to must be done: its timeout (the largest of its phase timeouts) after its
    first attempt starts. Kept in the request's extensions, so that retries, and a second pass of the auth flow
    after a 401, share it. Getting a token first is not counted: the token request has its own timeout."""
    deadline = request.extensions.get(DEADLINE)
    if not isinstance(deadline, int | float):
        timeout = request.extensions.get("timeout")
        phases = timeout.values() if isinstance(timeout, dict) else ()
        budget = max((value for value in phases if isinstance(value, int | float)), default=None)
        deadline = time.monotonic() + budget if budget is not None else math.inf
        request.extensions[DEADLINE] = deadline
    return float(deadline)


def within_deadline(request: httpx.Request) -> float:
    """Shorten this attempt's phase timeouts to the time left before the call's deadline (none left: a timeout);
    returns the deadline."""
    first = DEADLINE not in request.extensions
    deadline = call_deadline(request)
    if first or math.isinf(deadline):  # the first attempt's phase timeouts are within the budget they make
        return deadline
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpx.PoolTimeout("the call's timeout ran out before this attempt could start", request=request)
    timeout = request.extensions.get("timeout")
    phases = dict(timeout) if isinstance(timeout, dict) else {}
    request.extensions["timeout"] = {
        phase: left if value is None else min(float(value), left)
        for phase, value in {"connect": None, "read": None, "write": None, "pool": None, **phases}.items()
    }
    return deadline


def policy_for(policy: RetryPolicy, request: httpx.Request) -> RetryPolicy:
    """The client's policy, with this request's own `max_retries=` if the call gave one."""
    count = request.extensions.get(MAX_RETRIES)
    return policy if count is None or count == policy.max_retries else replace(policy, max_retries=count)


class _Replay:
    """An attempt function for tenacity whose first call gives back an outcome already had (a response, or the
    exception to raise again), and whose later calls make new attempts."""

    def __init__(self, first: httpx.Response | Exception, attempt: Callable[[httpx.Request], httpx.Response]) -> None:
        self.first: httpx.Response | Exception | None = first
        self.attempt = attempt

    def __call__(self, request: httpx.Request) -> httpx.Response:
        first, self.first = self.first, None
        if first is None:
            return self.attempt(request)
        if isinstance(first, Exception):
            raise first
        return first


class _AsyncReplay:
    """`_Replay` for the async transport."""

    def __init__(
        self, first: httpx.Response | Exception, attempt: Callable[[httpx.Request], Awaitable[httpx.Response]]
    ) -> None:
        self.first: httpx.Response | Exception | None = first
        self.attempt = attempt

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        first, self.first = self.first, None
        if first is None:
            return await self.attempt(request)
        if isinstance(first, Exception):
            raise first
        return first


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and retries what `policy` allows."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))
        self.max_response_bytes = max_response_bytes
        """The most of an answer read before it is retried (the client passes its own `max_response_bytes`)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = policy_for(self.policy, request)
        if policy.max_retries == 0:
            within_deadline(request)
            return self.transport.handle_request(request)
        # The first attempt runs here, and tenacity only once a retry is due: a call that needs none (most of them)
        # is spared building tenacity's machinery, which costs more than the rest of the call's own work and is
        # left in reference cycles for the garbage collector. Tenacity is then given that first outcome again as
        # its own first attempt, so every decision, wait and log line is the one it would have made.
        started = time.monotonic()
        first: httpx.Response | Exception
        try:
            first = self._attempt(request)
        except Exception as error:
            if not policy.should_retry_exception(retry_as(request), error):
                raise
            first = error
        else:
            if not policy.should_retry_response(retry_as(request), first):
                return first
        attempts = _Replay(first, self._attempt)
        plan = _Plan(policy, request, started)
        retrying = tenacity.Retrying(sleep=self._sleep, **plan.settings())  # type: ignore[arg-type]
        response: httpx.Response = retrying(attempts, request)
        return response

    def _attempt(self, request: httpx.Request) -> httpx.Response:
        within_deadline(request)
        response = self.transport.handle_request(request)
        if self.policy.should_retry_response(retry_as(request), response):
            # Free the connection before waiting; the body stays readable if this is the last attempt. Read
            # within the call's deadline and the size cap, as every answer is: a 503 may trickle or flood too.
            read_body(response, request, self.max_response_bytes, undecodable_ok=True)
        return response

    def close(self) -> None:
        self.transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The asynchronous twin of `RetryTransport`."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()
        self._sleep = sleep or (lambda seconds: asyncio.sleep(seconds))
        self.max_response_bytes = max_response_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = policy_for(self.policy, request)
        if policy.max_retries == 0:
            return await self._attempt(request)
        started = time.monotonic()  # the first attempt outside tenacity: see RetryTransport.handle_request
        first: httpx.Response | Exception
        try:
            first = await self._attempt(request)
        except Exception as error:
            if not policy.should_retry_exception(retry_as(request), error):
                raise
            first = error
        else:
            if not policy.should_retry_response(retry_as(request), first):
                return first
        attempts = _AsyncReplay(first, self._attempt)
        plan = _Plan(policy, request, started)
        retrying = tenacity.AsyncRetrying(sleep=self._sleep, **plan.settings())  # type: ignore[arg-type]
        response: httpx.Response = await retrying(attempts, request)
        return response

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        deadline = within_deadline(request)
        try:  # exact under asyncio: what runs past the deadline is cancelled (httpcore's timeouts are per read)
            async with asyncio.timeout(None if math.isinf(deadline) else deadline - time.monotonic()):
                response = await self.transport.handle_async_request(request)
        except TimeoutError:
            raise httpx.ReadTimeout("the call's timeout ran out before the answer came", request=request) from None
        if self.policy.should_retry_response(retry_as(request), response):
            await aread_body(response, request, self.max_response_bytes, undecodable_ok=True)
        return response

    async def aclose(self) -> None:
        await self.transport.aclose()
