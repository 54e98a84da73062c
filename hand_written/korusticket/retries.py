"""Retrying requests that failed for reasons that may pass, in the httpx transport layer.

Only requests that cannot do harm twice are retried: idempotent methods on connect errors, on 429 and
on 502/503/504, and safe methods (GET, HEAD, OPTIONS) also after a read failure. Other methods (the
bulk POSTs) are retried only when the connection was never established, so the server never saw them.
The waits come from tenacity: exponential backoff with jitter, or the server's `Retry-After`, bounded
by a number of attempts and by the time elapsed since the first one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
import tenacity

from korusticket._raw import MAX_RETRIES

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
        for name in ("max_retries", "initial_delay", "max_delay", "max_retry_after", "total_time"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError(f"RetryPolicy.{name}: expected a number >= 0, got {value!r}")

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


def parse_retry_after(value: str | None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds to wait from a `Retry-After` header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now()).total_seconds())


SAFE_TO_REPEAT = "korusticket.safe_to_repeat"
"""A request extension: a POST that may be sent again like a GET (the token request: a second token harms
nothing), so it is retried on 429/5xx and after a read failure too."""


def retry_as(request: httpx.Request) -> str:
    """The method whose retry rules apply to `request`."""
    return "GET" if request.extensions.get(SAFE_TO_REPEAT) else request.method


@dataclass
class _Plan:
    """The tenacity settings for one request."""

    policy: RetryPolicy
    request: httpx.Request
    backoff: tenacity.wait.wait_base = field(init=False)

    def __post_init__(self) -> None:
        self.backoff = tenacity.wait_exponential(
            multiplier=self.policy.initial_delay, max=self.policy.max_delay
        ) + tenacity.wait_random(0, self.policy.initial_delay)

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
        if outcome is not None and not outcome.failed:
            asked = parse_retry_after(outcome.result().headers.get("retry-after"))
            if asked is not None:
                return asked
        return min(float(self.backoff(state)), self.policy.max_delay)

    def stop(self, state: tenacity.RetryCallState) -> bool:
        if state.attempt_number > self.policy.max_retries:
            return True
        if state.upcoming_sleep > self.policy.max_retry_after:
            return True
        return tenacity.stop_before_delay(self.policy.total_time)(state)

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


def policy_for(policy: RetryPolicy, request: httpx.Request) -> RetryPolicy:
    """The client's policy, with this request's own `max_retries=` if the call gave one."""
    count = request.extensions.get(MAX_RETRIES)
    return policy if count is None or count == policy.max_retries else replace(policy, max_retries=count)


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and retries what `policy` allows."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = policy_for(self.policy, request)
        if policy.max_retries == 0:
            return self.transport.handle_request(request)
        retrying = tenacity.Retrying(sleep=self._sleep, **_Plan(policy, request).settings())  # type: ignore[arg-type]
        response: httpx.Response = retrying(self._attempt, request)
        return response

    def _attempt(self, request: httpx.Request) -> httpx.Response:
        response = self.transport.handle_request(request)
        if self.policy.should_retry_response(retry_as(request), response):
            response.read()  # free the connection; the body stays readable if this is the last attempt
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
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()
        self._sleep = sleep or (lambda seconds: asyncio.sleep(seconds))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = policy_for(self.policy, request)
        if policy.max_retries == 0:
            return await self.transport.handle_async_request(request)
        retrying = tenacity.AsyncRetrying(sleep=self._sleep, **_Plan(policy, request).settings())  # type: ignore[arg-type]
        response: httpx.Response = await retrying(self._attempt, request)
        return response

    async def _attempt(self, request: httpx.Request) -> httpx.Response:
        response = await self.transport.handle_async_request(request)
        if self.policy.should_retry_response(retry_as(request), response):
            await response.aread()
        return response

    async def aclose(self) -> None:
        await self.transport.aclose()
