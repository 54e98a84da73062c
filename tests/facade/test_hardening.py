"""The audit's findings, one test each: credentials only where they belong, token refresh that degrades
gracefully, one error hierarchy everywhere, and a sandbox able to play these faults."""

from __future__ import annotations

import asyncio
import pickle
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from korusticket import (
    APIConnectionError,
    APITimeoutError,
    AsyncKorusTicket,
    AuthenticationError,
    ClientCredentialsAuth,
    ConfigurationError,
    KorusTicket,
    KorusTicketError,
    RateLimitError,
    ServerError,
    UnexpectedResponseError,
    iri,
)
from korusticket.testing import Sandbox
from korusticket.testing.served import serve
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_catalog import list_catalogs
from korusticket_client.api.ticketing_offer import get_offer, list_offers
from tests.facade.conftest import CATALOG, OFFER, TOKEN, Script, client, jsonld, sequence

SERVED = "http://127.0.0.1:8080"


# ------------------------------------------------------------------------------------------------ credentials


def test_client_credentials_for_another_server_need_their_own_token_url() -> None:
    with pytest.raises(ConfigurationError, match=r"^token_url: required with client credentials for http://127"):
        KorusTicket(base_url=SERVED, client_id="id", client_secret="secret", environ={})
    given = KorusTicket(base_url=SERVED, client_id="id", client_secret="secret", token_url=f"{SERVED}/token")
    from_env = KorusTicket(
        base_url=SERVED, client_id="id", client_secret="secret", environ={"KORUSTICKET_TOKEN_URL": f"{SERVED}/t"}
    )
    assert isinstance(given.auth, ClientCredentialsAuth)
    assert isinstance(from_env.auth, ClientCredentialsAuth)
    assert (given.auth.token_url, from_env.auth.token_url) == (f"{SERVED}/token", f"{SERVED}/t")
    vendor = KorusTicket.demo(client_id="id", client_secret="secret", environ={})
    assert isinstance(vendor.auth, ClientCredentialsAuth)
    assert vendor.auth.token_url.startswith("https://auth.korusticket.com/")


@pytest.mark.parametrize(
    ("token_url", "message"),
    [
        ("http://auth.example.com/token", r"plain http would send the client secret in clear"),
        ("ftp://auth.example.com/token", r"expected an https:// URL"),
        ("not a url at all", r"expected an https:// URL"),
    ],
)
def test_token_url_must_be_https_or_loopback(token_url: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=rf"^token_url: .*{message}"):
        KorusTicket.demo(client_id="id", client_secret="secret", token_url=token_url, environ={})
    KorusTicket(base_url=SERVED, client_id="id", client_secret="secret", token_url="http://localhost:9/t")


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"language": "fr\r\nX-Injected: 1"}, "language"),
        ({"auth_scheme": "Bearer\nX: 1"}, "auth_scheme"),
        ({"token": "abc\r\ndef"}, "token"),
        ({"token": "   "}, "token"),
        ({"client_id": "id", "client_secret": "se\ncret"}, "client_secret"),
        ({"language": "日本語"}, "language"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": httpx.Timeout(5, read=0)}, "timeout"),
        ({"max_retry": 0}, "max_retry"),
        ({"timout": 1}, "timout"),
    ],
)
def test_bad_settings_fail_when_the_client_is_built(options: dict[str, Any], name: str) -> None:
    options.setdefault("token", None) if "client_id" in options else options.setdefault("token", TOKEN)
    if options.get("token") is None:
        options.pop("token")
    with pytest.raises(ConfigurationError, match=rf"^{name}: "):
        KorusTicket.demo(environ={}, **options)


def test_a_misspelt_option_is_named_with_a_suggestion() -> None:
    with pytest.raises(
        ConfigurationError, match=r"^max_retry: not an option of KorusTicket; did you mean 'max_retries'"
    ):
        KorusTicket.demo(token=TOKEN, max_retry=0)  # type: ignore[call-arg]


# ------------------------------------------------------------------------------------------------ token refresh


class SandboxTime:
    """The auth's clock, in seconds, following the sandbox's clock."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def __call__(self) -> float:
        return self.sandbox.clock.now().timestamp()


def sandbox_client(sandbox: Sandbox, **options: Any) -> KorusTicket:
    auth = ClientCredentialsAuth(
        sandbox.client_id, sandbox.client_secret, token_url=sandbox.token_url(), clock=SandboxTime(sandbox)
    )
    return KorusTicket.demo(transport=sandbox.transport(), auth=auth, environ={}, **options)


def async_sandbox_client(sandbox: Sandbox, **options: Any) -> AsyncKorusTicket:
    auth = ClientCredentialsAuth(
        sandbox.client_id, sandbox.client_secret, token_url=sandbox.token_url(), clock=SandboxTime(sandbox)
    )
    return AsyncKorusTicket.demo(transport=sandbox.async_transport(), auth=auth, environ={}, **options)


def token_attempts(sandbox: Sandbox) -> int:
    """Requests that reached the failing token endpoint (each takes the scripted fault once)."""
    return sum(operation == "token" for operation, _ in sandbox.faults.log)


def in_threads(count: int, call: Any) -> list[Any]:
    outcomes: list[Any] = [None] * count
    start = threading.Barrier(count)

    def work(index: int) -> None:
        start.wait()
        try:
            outcomes[index] = call()
        except KorusTicketError as error:
            outcomes[index] = error

    threads = [threading.Thread(target=work, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


TOKEN_FAULTS = [
    ("status", {"status": 503}),
    ("status", {"status": 500}),
    ("latency", {"latency": 5.0}),  # slower than the 0.2 s timeout
    ("timeout", {}),
]


@pytest.mark.parametrize(("kind", "settings"), TOKEN_FAULTS)
def test_50_threads_keep_a_valid_token_while_the_token_endpoint_fails(kind: str, settings: dict[str, Any]) -> None:
    sandbox = Sandbox(seed=0)
    with sandbox_client(sandbox, timeout=0.2, max_retries=0) as kt:
        kt.call(list_catalogs)  # the first token
        sandbox.clock.advance(seconds=1800 - 30)  # inside the refresh window, 30 s before expiry
        sandbox.faults.inject(kind, operation="token", times=None, **settings)  # type: ignore[arg-type]
        before = sandbox.state.token_requests
        started = time.monotonic()
        outcomes = in_threads(50, lambda: kt.call(list_catalogs))
        elapsed = time.monotonic() - started
    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert sandbox.state.token_requests == before  # nothing new was issued
    assert token_attempts(sandbox) == 1  # one refresh attempt for all 50 callers
    print(f"\n{kind}: 50 calls served with the current token in {elapsed:.2f} s, one refresh attempt")


@pytest.mark.parametrize(("kind", "settings"), TOKEN_FAULTS)
def test_one_failed_fetch_answers_all_who_waited(kind: str, settings: dict[str, Any]) -> None:
    sandbox = Sandbox(seed=0)
    with sandbox_client(sandbox, timeout=0.2, max_retries=0) as kt:
        kt.call(list_catalogs)
        sandbox.clock.advance(seconds=1801)  # expired: nothing valid to fall back on
        sandbox.faults.inject(kind, operation="token", times=None, **settings)  # type: ignore[arg-type]
        started = time.monotonic()
        outcomes = in_threads(50, lambda: kt.call(list_catalogs))
        elapsed = time.monotonic() - started
    assert all(isinstance(outcome, ServerError | APITimeoutError) for outcome in outcomes), outcomes[:3]
    attempts = token_attempts(sandbox)
    assert attempts == 1  # not one per caller: 50 callers in turn would take 50 timeouts
    print(f"\n{kind}: 50 callers failed together in {elapsed:.2f} s after {attempts} token attempt(s)")


@pytest.mark.parametrize(("kind", "settings"), TOKEN_FAULTS)
async def test_200_tasks_keep_a_valid_token_and_share_a_failure(kind: str, settings: dict[str, Any]) -> None:
    sandbox = Sandbox(seed=0)
    async with async_sandbox_client(sandbox, timeout=0.2, max_retries=0) as kt:
        await kt.call(list_catalogs)
        sandbox.clock.advance(seconds=1800 - 30)
        sandbox.faults.inject(kind, operation="token", times=None, **settings)  # type: ignore[arg-type]
        served = await asyncio.gather(*(kt.call(list_catalogs) for _ in range(200)), return_exceptions=True)
        assert not [outcome for outcome in served if isinstance(outcome, BaseException)]
        sandbox.clock.advance(seconds=60)  # now expired
        failed = await asyncio.gather(*(kt.call(list_catalogs) for _ in range(200)), return_exceptions=True)
    assert all(isinstance(outcome, ServerError | APITimeoutError) for outcome in failed)
    assert token_attempts(sandbox) == 2  # one refresh attempt while valid, one once expired: never per task


def test_the_token_request_uses_the_clients_timeout() -> None:
    seen: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "a", "expires_in": 300})
        return jsonld({"member": [], "totalItems": 0})

    auth = ClientCredentialsAuth("id", "secret")
    with client(Script(reply), token=None, auth=auth, timeout=1.5) as kt:
        kt.call(list_catalogs)
    assert seen[0].extensions["timeout"] == httpx.Timeout(1.5).as_dict()


def test_a_short_lived_token_is_not_fetched_for_every_call() -> None:
    sandbox = Sandbox(seed=0, token_lifetime=60)
    with sandbox_client(sandbox) as kt:
        for _ in range(10):
            kt.call(list_catalogs)
            sandbox.clock.advance(seconds=5)  # 50 s in all: before the 54 s refresh point
        assert sandbox.state.token_requests == 1
        sandbox.clock.advance(seconds=5)
        kt.call(list_catalogs)
    assert sandbox.state.token_requests == 2


# ------------------------------------------------------------------------------------------------ one hierarchy


def raised(call: Any) -> BaseException:
    try:
        call()
    except BaseException as error:
        return error
    raise AssertionError("nothing was raised")


def every_error() -> Iterator[BaseException]:
    script = Script(
        sequence(
            jsonld({"title": "Not Found", "detail": "No offer"}, 404),
            jsonld({"violations": [{"propertyPath": "reservations[0].expired", "message": "expired"}]}, 422),
            jsonld({"title": "Slow down"}, 429, **{"retry-after": "120"}),
            jsonld({}, 520),
            httpx.Response(200, content=b"<html>", headers={"content-type": "text/html"}),
            httpx.ConnectError("refused"),
        )
    )
    with client(script, max_retries=0) as kt:
        for _ in range(6):
            yield raised(lambda: kt.call(get_offer, catalog_id=CATALOG, id=OFFER))


def test_every_exception_pickles() -> None:
    errors = list(every_error())
    assert [type(error).__name__ for error in errors] == [
        "NotFoundError",
        "ReservationExpiredError",
        "RateLimitError",
        "ServerError",
        "UnexpectedResponseError",
        "APIConnectionError",
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - bytes made just above
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert copy.__dict__ == error.__dict__
    assert isinstance(errors[2], RateLimitError)
    assert pickle.loads(pickle.dumps(errors[2])).retry_after == 120  # noqa: S301 - bytes made just above


def test_no_raw_exception_escapes() -> None:
    script = Script(sequence(jsonld({"member": "not a list", "totalItems": "many"})))
    with client(script) as kt:
        with pytest.raises(ValueError, match=r"^body: expected a dict or a CreateReservationsInput, got bool"):
            kt.call(create_reservations, body=False)
        with pytest.raises(ValueError, match=r"^iri: "):
            kt.get("/v1/\x01")
        with pytest.raises(ValueError, match=r"^iri: "):
            iri.parse("/v1/\x01")
        with pytest.raises(UnexpectedResponseError, match=r"not the documented TicketingOfferCollection"):
            list_offers.sync(catalog_id=CATALOG, client=kt.client)  # the generated function, given kt.client


def test_counts_refuse_booleans_and_long_values_are_cut() -> None:
    script = Script(sequence(jsonld({"member": [], "totalItems": 0})))
    with client(script) as kt:
        with pytest.raises(ValueError, match=r"^prefetch: expected an integer >= 0, got True"):
            kt.paginate(list_offers, catalog_id=CATALOG, prefetch=True)
        with pytest.raises(ValueError, match=r"^max_items: expected an integer >= 0, got False"):
            kt.paginate(list_offers, catalog_id=CATALOG, max_items=False)
        with pytest.raises(ValueError, match=r"^catalog_id: expected a UUID") as huge:
            kt.call(get_offer, catalog_id="x" * 1_000_000, id=OFFER)
    assert len(str(huge.value)) < 300
    assert script.requests == []


def test_a_connection_error_keeps_no_request_anywhere() -> None:
    script = Script(sequence(httpx.ConnectError("refused")))
    with client(script, max_retries=0) as kt:
        error = raised(lambda: kt.call(get_offer, catalog_id=CATALOG, id=OFFER))
    assert isinstance(error, APIConnectionError)
    assert error.__context__ is None
    assert error.__cause__ is None
    assert error.request_sent is False


# ------------------------------------------------------------------------------------------------ the sandbox


def test_sandbox_latency_times_out_at_the_clients_read_timeout() -> None:
    sandbox = Sandbox(seed=0)
    sandbox.faults.inject("latency", operation="list_catalogs", latency=2.0)
    with sandbox.client(timeout=0.05, max_retries=0) as kt, pytest.raises(APITimeoutError):
        kt.call(list_catalogs)


def test_sandbox_retry_after_zero_is_sent_as_zero() -> None:
    sandbox = Sandbox(seed=0)
    sandbox.faults.inject("rate_limit", operation="list_catalogs", retry_after=0)
    with sandbox.client(max_retries=0) as kt:
        error = raised(lambda: kt.call(list_catalogs))
    assert isinstance(error, RateLimitError)
    assert error.headers["retry-after"] == "0"


def test_served_sandbox_survives_a_non_ascii_header() -> None:
    sandbox = Sandbox(seed=0)
    with serve(sandbox) as base_url, httpx.Client(base_url=base_url) as raw:
        answer = raw.get("/v1/ticketing/catalogs", headers={"x-note": "café".encode()})
    assert answer.status_code == 401  # no token: the API's answer, not a 500


def test_token_endpoint_faults_are_scriptable() -> None:
    sandbox = Sandbox(seed=0)
    sandbox.faults.inject("status", operation="token", status=400)
    with sandbox.client(max_retries=0) as kt, pytest.raises(AuthenticationError, match="did not issue a token"):
        kt.call(list_catalogs)
