"""The user's HTTP setup: the environment's proxies, `proxy=`, `http_client=`, and `with_options` copies.

Over real loopback servers: a request for a host nothing listens on reaches the answer only through the proxy.
Each of these failed before: the client built its own transport and ignored `HTTPS_PROXY`/`HTTP_PROXY`, and
took no `proxy=`, `http_client=` or `with_options`.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from korusticket import AsyncKorusTicket, ConfigurationError, KorusTicket, NotFoundError, RetryPolicy, ServerError, ops
from tests.facade.hostile import HostileServer, hostile_server

TOKEN = "eyJhbGciOiJSUzI1NiJ9.cHJveHk.c2ln"
NOWHERE = "http://127.0.0.1:9"
"""A base URL nothing listens on (the discard port): only a proxy can answer for it."""


@pytest.fixture
def proxy() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def client(**options: object) -> KorusTicket:
    return KorusTicket(token=TOKEN, max_retries=0, environ={}, **options)  # type: ignore[arg-type]


def test_the_environments_proxy_is_used(proxy: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with client(base_url=NOWHERE) as kt:
        assert kt.call(ops.list_catalogs).total_items == 0
    (seen,) = proxy.seen
    assert seen.target.startswith(f"{NOWHERE}/v1/ticketing/catalogs")  # absolute form: a proxy's request
    assert seen.authorization  # the SDK's authentication still applies


async def test_the_environments_proxy_is_used_async(proxy: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with AsyncKorusTicket(base_url=NOWHERE, token=TOKEN, max_retries=0, environ={}) as kt:
        assert (await kt.call(ops.list_catalogs)).total_items == 0
    assert proxy.seen[0].target.startswith(NOWHERE)


def test_no_proxy_is_honoured(proxy: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with hostile_server() as api:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        with client(base_url=api.url) as kt:
            kt.call(ops.list_catalogs)
        assert proxy.seen == []
        assert api.seen[0].target.startswith("/v1/ticketing/catalogs")


def test_proxy_setting(proxy: HostileServer) -> None:
    with client(base_url=NOWHERE, proxy=proxy.url) as kt:
        kt.call(ops.list_catalogs)
    assert proxy.seen[0].target.startswith(NOWHERE)


def test_your_own_http_client_with_the_sdks_auth_retries_and_errors() -> None:
    hooked: list[str] = []
    with hostile_server() as api:
        mine = httpx.Client(
            headers={"X-Mine": "1"},  # the client's own defaults are for its own requests: not added to ours
            event_hooks={"request": [lambda request: hooked.append(request.url.path)]},
        )
        retry = RetryPolicy(max_retries=2, initial_delay=0.0, max_delay=0.0)
        with KorusTicket(base_url=api.url, token=TOKEN, retry=retry, environ={}, http_client=mine) as kt:
            assert kt.call(ops.list_catalogs).total_items == 0
            with pytest.raises(NotFoundError):
                kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "not_found"})
            with pytest.raises(ServerError):  # retried first, then the SDK's error
                kt.http.get("/v1/ticketing/catalogs", params={"behaviour": "unavailable"})
        assert not mine.is_closed  # yours: you close it
        mine.close()
    assert hooked[0] == "/v1/ticketing/catalogs"
    assert api.seen[0].authorization
    behaviours = [seen.query.get("behaviour", ["ok"])[0] for seen in api.seen]
    assert behaviours == ["ok", "not_found", "unavailable", "unavailable", "unavailable"]


def test_with_options_shares_the_pool_and_the_token_and_sets_defaults() -> None:
    with hostile_server() as api:
        with client(base_url=api.url, timeout=30, language="fr") as kt:
            quick = kt.with_options(timeout=2, language="en", headers={"X-Job": "nightly"})
            assert quick.http is kt.http
            assert quick.auth is kt.auth
            assert quick.ledger is kt.ledger
            quick.call(ops.list_catalogs)
            quick.call(ops.list_catalogs, language="de", headers={"X-Job": "manual"})  # a call's own still win
            kt.call(ops.list_catalogs)
            quick.close()  # the copy's close leaves the shared pool alone
            kt.call(ops.list_catalogs)
        assert kt.http.is_closed
    first, second, third, fourth = api.seen
    assert (first.headers["accept-language"], first.headers["x-job"]) == ("en", "nightly")
    assert (second.headers["accept-language"], second.headers["x-job"]) == ("de", "manual")
    assert third.headers["accept-language"] == "fr"
    assert "x-job" not in third.headers
    assert fourth.headers["accept-language"] == "fr"


def test_with_options_are_checked() -> None:
    with client(base_url=NOWHERE) as kt:
        with pytest.raises(ConfigurationError, match="timeout"):
            kt.with_options(timeout=-1)
        with pytest.raises(ConfigurationError, match="max_retries"):
            kt.with_options(max_retries=-2)


def test_one_way_to_send(proxy: HostileServer) -> None:
    with pytest.raises(ConfigurationError, match="proxy"):
        client(base_url=NOWHERE, proxy=proxy.url, http_client=httpx.Client())
    with pytest.raises(ConfigurationError, match="http_client"):
        client(base_url=NOWHERE, http_client=httpx.AsyncClient())
