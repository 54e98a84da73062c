"""Hostile answers to every operation: whatever status, headers and body the server sends, `kt.call` (and
`kt.paginate` on collections) returns the documented model or raises one of the SDK's errors; no raw exception
escapes.

The calls are the sandbox tour's own (`tour_of_every_operation`: each operation once, with the arguments of real
resources), recorded with the sandbox's answer to each. Hypothesis then replays every call against a server that
answers with a mutation of that real answer: a field replaced by another JSON value or removed, the body cut
short, wrapped, nested deeply, replaced by random JSON or bytes; under any status and content type, sometimes with
odd `Content-Encoding`, `Content-Length`, `Retry-After` or `Location` headers.

Each call may be retried once (the retrying transport reads a retried answer too); waits are recorded, not slept.
Bounded: a fixed seed (derandomized) and a fixed number of examples per operation; the counts print with `-s`.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from korusticket import AsyncKorusTicket, InvalidRequestError, KorusTicket, KorusTicketError
from korusticket._generated.operations import OPERATIONS
from korusticket.testing import Sandbox
from tests.facade.mutations import Answer, answers
from tests.fuzzing import bounded
from tests.testing.helpers import Validated, options, tour_of_every_operation

EXAMPLES = 150
API = "https://api.demo.korusticket.com"
TOKEN = "fuzz-token"


@dataclass
class Recorded:
    operation: Any
    name: str
    arguments: dict[str, Any]
    status: int
    content: bytes
    collection: bool

    def __repr__(self) -> str:
        return f"Recorded({self.name})"


def record_tour() -> list[Recorded]:
    """Each operation of the tour once: its arguments and the sandbox's answer."""
    sandbox = Sandbox(seed=5)
    validated = Validated(sandbox)
    inner = validated.transport()
    last: list[httpx.Response] = []

    class Recording(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = inner.handle_request(request)
            response.read()
            last.append(response)
            return response

    calls: dict[str, Recorded] = {}
    by_module = {entry.module_name: entry for entry in OPERATIONS}
    with KorusTicket(transport=Recording(), **options(sandbox)) as kt:
        real_call = kt.call

        def call(operation: Any, **arguments: Any) -> Any:
            last.clear()
            result = real_call(operation, **arguments)
            entry = by_module[operation.__name__]
            if entry.name not in calls and last:
                answer = last[-1]
                calls[entry.name] = Recorded(
                    operation,
                    entry.name,
                    arguments,
                    answer.status_code,
                    answer.content,
                    entry.member_model is not None and entry.method == "GET",
                )
            return result

        kt.call = call  # type: ignore[method-assign]
        tour_of_every_operation(kt, sandbox, validated)
    return list(calls.values())


TOUR = record_tour()


def serving(answer: Answer, seen: list[httpx.Request]) -> Callable[..., httpx.Response]:
    status, headers, body = answer

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        # A stream, not `content=`: httpx decodes `content` at once, where a real answer is decoded as it is read.
        return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))

    return respond


OUTCOMES: Counter[str] = Counter()
RAW: list[str] = []


def tally(name: str, error: BaseException | None) -> None:
    """Count how a call ended: a model, one of the SDK's errors, or a raw exception (or a blame misplaced)."""
    if error is None:
        OUTCOMES["returned"] += 1
    elif isinstance(error, InvalidRequestError):  # the arguments are the tour's own, sound ones: the answer is to blame
        OUTCOMES["raw"] += 1
        RAW.append(f"{name}: a bad answer reported as the caller's mistake: {str(error)[:200]}")
    elif isinstance(error, KorusTicketError):
        OUTCOMES["SDK error"] += 1
    else:
        OUTCOMES["raw"] += 1
        RAW.append(f"{name}: {type(error).__name__}: {str(error)[:200]}")


def classify(name: str, run: Callable[[], Any]) -> None:
    try:
        run()
    except Exception as error:
        tally(name, error)
        return
    tally(name, None)


def client(answer: Answer, seen: list[httpx.Request]) -> KorusTicket:
    transport = httpx.MockTransport(serving(answer, seen))
    return KorusTicket(base_url=API, token=TOKEN, transport=transport, max_retries=1, timeout=5, environ={})


@pytest.mark.parametrize("recorded", TOUR, ids=[recorded.name for recorded in TOUR])
def test_no_answer_gets_a_raw_exception_out(recorded: Recorded, sleeps: list[float]) -> None:
    @bounded(EXAMPLES)
    @given(answers(recorded.status, recorded.content))
    def check(answer: Answer) -> None:
        seen: list[httpx.Request] = []
        with client(answer, seen) as kt:
            classify(recorded.name, lambda: kt.call(recorded.operation, **recorded.arguments))
            if recorded.collection:
                paginate = kt.paginate(recorded.operation, max_items=200, **recorded.arguments)
                classify(f"{recorded.name} (paginate)", lambda: list(paginate))
        assert all(request.url.host == "api.demo.korusticket.com" for request in seen)

    before = len(RAW)
    check()
    assert RAW[before:] == [], "\n".join(RAW[before:][:20])


def test_no_answer_gets_a_raw_exception_out_of_the_async_client(sleeps: list[float]) -> None:
    @bounded(EXAMPLES * 3)
    @given(
        st.sampled_from(TOUR).flatmap(
            lambda recorded: st.tuples(st.just(recorded), answers(recorded.status, recorded.content))
        )
    )
    def check(case: tuple[Recorded, Answer]) -> None:
        recorded, answer = case
        seen: list[httpx.Request] = []

        async def run() -> None:
            transport = httpx.MockTransport(serving(answer, seen))
            async with AsyncKorusTicket(
                base_url=API, token=TOKEN, transport=transport, max_retries=1, timeout=5, environ={}
            ) as kt:
                try:
                    await kt.call(recorded.operation, **recorded.arguments)
                except Exception as error:
                    tally(f"{recorded.name} (async)", error)
                    return
                tally(f"{recorded.name} (async)", None)

        asyncio.run(run())

    before = len(RAW)
    check()
    assert RAW[before:] == [], "\n".join(RAW[before:][:20])


def test_the_tour_covers_every_operation() -> None:
    assert {recorded.name for recorded in TOUR} == {entry.name for entry in OPERATIONS}


def teardown_module() -> None:
    kinds = Counter(line.split(": ")[1] + ": " + line.split(": ", 2)[2][:70] for line in RAW)
    for kind, count in kinds.most_common():
        sys.__stderr__.write(f"  {count:5d} {kind}\n")
    total = sum(OUTCOMES.values())
    sys.__stderr__.write(
        f"\nanswer fuzz: {total} calls over {len(TOUR)} operations: {OUTCOMES['returned']} returned a model, "
        f"{OUTCOMES['SDK error']} raised an SDK error, {OUTCOMES['raw']} raised a raw exception\n"
    )


TOKEN_ANSWER = orjson.dumps(
    {"access_token": "eyJ0.eyJ1.c2ln", "expires_in": 300, "refresh_token": "r.e.f", "refresh_expires_in": 1800}
)


def test_no_token_endpoint_answer_gets_a_raw_exception_out(sleeps: list[float]) -> None:
    """The identity server's answers fuzzed the same way, the API answering well."""
    from korusticket import ClientCredentialsAuth

    real = TOUR[0]
    token_url = "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token"
    token_call = Recorded(real.operation, "token", {}, 200, TOKEN_ANSWER, False)

    @bounded(EXAMPLES * 2)
    @given(answers(token_call.status, token_call.content))
    def check(answer: Answer) -> None:
        status, headers, body = answer

        def respond(request: httpx.Request) -> httpx.Response:
            if str(request.url) == token_url:
                return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))
            return httpx.Response(200, headers={"content-type": "application/ld+json"}, content=real.content)

        auth = ClientCredentialsAuth("id", "secret")
        transport = httpx.MockTransport(respond)
        with KorusTicket(base_url=API, auth=auth, transport=transport, max_retries=1, environ={}) as kt:
            classify("token", lambda: kt.call(real.operation, **real.arguments))

    before = len(RAW)
    check()
    assert RAW[before:] == [], "\n".join(RAW[before:][:20])
