"""Authentication: static JWT or OIDC client credentials; fetched once, refreshed, re-fetched after a 401."""

from __future__ import annotations

import asyncio
import logging
import pickle
import threading
import time
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from korusticket import (
    AuthenticationError,
    ClientCredentialsAuth,
    KorusTicket,
    ServerError,
    StaticTokenAuth,
    UnexpectedResponseError,
)
from korusticket.auth import DEFAULT_TOKEN_URL, Secret
from korusticket_client.api.ticketing_offer import get_offer
from tests.facade.conftest import CATALOG, OFFER, Script, async_client, client, example, jsonld

SECRET = "s3cr3t-client-secret-value"
OFFER_BODY = example("offers_collection_live.json")["member"][0]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class IdentityProvider:
    """A token endpoint issuing numbered tokens, and an API accepting only the latest one."""

    def __init__(self, expires_in: int = 1800, refresh_expires_in: int | None = 1800) -> None:
        self.expires_in = expires_in
        self.refresh_expires_in = refresh_expires_in
        self.issued = 0
        self.grants: list[dict[str, str]] = []
        self.valid: set[str] = set()
        self.reject_api_tokens = 0  # how many more API calls answer 401 whatever the token
        self.token_reply: httpx.Response | None = None
        self.refresh_reply: httpx.Response | None = None
        self.api_calls: list[str] = []
        self.delay = 0.0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == DEFAULT_TOKEN_URL:
            return self.token(request)
        authorization = request.headers.get("authorization", "")
        self.api_calls.append(authorization)  # the request object is resent after a 401: keep the header as sent
        if self.reject_api_tokens:
            self.reject_api_tokens -= 1
            return jsonld({"code": 401, "message": "Expired JWT Token"}, 401)
        if authorization.removeprefix("Bearer ") not in self.valid:
            return jsonld({"code": 401, "message": "JWT Token not found"}, 401)
        return jsonld(OFFER_BODY)

    def token(self, request: httpx.Request) -> httpx.Response:
        if self.delay:
            time.sleep(self.delay)
        form = {key: values[0] for key, values in parse_qs(request.content.decode()).items()}
        self.grants.append(form)
        if form["grant_type"] == "refresh_token" and self.refresh_reply is not None:
            return self.refresh_reply
        if self.token_reply is not None:
            return self.token_reply
        self.issued += 1
        access, refresh = f"access-{self.issued}", f"refresh-{self.issued}"
        self.valid = {access}
        body: dict[str, Any] = {"access_token": access, "expires_in": self.expires_in, "token_type": "Bearer"}
        if self.refresh_expires_in is not None:
            body |= {"refresh_token": refresh, "refresh_expires_in": self.refresh_expires_in}
        return httpx.Response(200, json=body)


def credentials_client(provider: IdentityProvider, clock: Clock | None = None, **options: Any) -> KorusTicket:
    auth = ClientCredentialsAuth("reseller-42", SECRET, clock=clock or Clock())
    return client(Script(provider), auth=auth, token=None, **options)


def get(kt: KorusTicket) -> Any:
    return kt.call(get_offer, catalog_id=CATALOG, id=OFFER)


def test_token_is_fetched_on_first_use_and_shared() -> None:
    provider = IdentityProvider()
    with credentials_client(provider) as kt:
        assert provider.grants == []  # nothing happens before the first call
        for _ in range(3):
            get(kt)
    assert provider.grants == [
        {"grant_type": "client_credentials", "client_id": "reseller-42", "client_secret": SECRET}
    ]
    assert provider.api_calls == ["Bearer access-1"] * 3


def test_token_is_refreshed_before_it_expires() -> None:
    provider, clock = IdentityProvider(expires_in=1800), Clock()
    with credentials_client(provider, clock) as kt:
        get(kt)
        clock.now += 1800 - 60 - 1  # still valid beyond the 60 s leeway
        get(kt)
        clock.now += 2
        get(kt)
    assert [grant["grant_type"] for grant in provider.grants] == ["client_credentials", "refresh_token"]
    assert provider.grants[1]["refresh_token"] == "refresh-1"
    assert provider.grants[1]["client_id"] == "reseller-42"
    assert provider.api_calls[-1] == "Bearer access-2"


def test_credentials_are_used_again_when_the_refresh_token_expired_or_failed() -> None:
    provider, clock = IdentityProvider(expires_in=600, refresh_expires_in=300), Clock()
    with credentials_client(provider, clock) as kt:
        get(kt)
        clock.now += 600
        get(kt)  # refresh token expired too: client credentials again
        provider.refresh_expires_in = 3600
        clock.now += 600
        get(kt)  # now a refresh grant is tried, refused, and credentials used at once
        provider.refresh_reply = httpx.Response(400, json={"error": "invalid_grant"})
        clock.now += 600
        get(kt)
    assert [grant["grant_type"] for grant in provider.grants] == [
        "client_credentials",
        "client_credentials",
        "client_credentials",
        "refresh_token",
        "client_credentials",
    ]
    assert len(provider.api_calls) == 4


def test_a_401_fetches_a_new_token_once_and_resends() -> None:
    provider = IdentityProvider()
    with credentials_client(provider) as kt:
        get(kt)
        provider.reject_api_tokens = 1
        offer = get(kt)
    assert offer.id == OFFER
    assert len(provider.grants) == 2
    assert provider.api_calls == [
        "Bearer access-1",
        "Bearer access-1",
        "Bearer access-2",
    ]


def test_a_second_401_is_an_authentication_error() -> None:
    provider = IdentityProvider()
    provider.reject_api_tokens = 5
    with credentials_client(provider) as kt, pytest.raises(AuthenticationError) as caught:
        get(kt)
    assert len(provider.api_calls) == 2
    assert caught.value.status_code == 401
    assert "Expired JWT Token" in caught.value.excerpt


def test_refused_credentials() -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(
        401, json={"error": "invalid_client", "error_description": "Invalid client or Invalid client credentials"}
    )
    with credentials_client(provider) as kt, pytest.raises(AuthenticationError) as caught:
        get(kt)
    message = str(caught.value)
    assert "did not issue a token for client 'reseller-42'" in message
    assert "invalid_client: Invalid client or Invalid client credentials" in message
    assert caught.value.url == DEFAULT_TOKEN_URL
    assert SECRET not in message + repr(caught.value) + str(vars(caught.value))
    assert provider.api_calls == []


def test_token_endpoint_outage_and_nonsense() -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(503, text="upstream down")
    with credentials_client(provider) as kt, pytest.raises(ServerError):
        get(kt)
    provider.token_reply = httpx.Response(200, json={"token": "where is access_token?"})
    with credentials_client(provider) as kt, pytest.raises(UnexpectedResponseError, match="has no access_token"):
        get(kt)


def test_threads_share_one_token_fetch() -> None:
    provider = IdentityProvider()
    provider.delay = 0.05  # a slow token endpoint widens the race
    errors: list[BaseException] = []
    with credentials_client(provider, max_connections=32) as kt:

        def worker() -> None:
            try:
                get(kt)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(provider.grants) == 1
    assert len(provider.api_calls) == 16


async def test_tasks_share_one_token_fetch() -> None:
    provider = IdentityProvider()
    script = Script(provider)
    auth = ClientCredentialsAuth("reseller-42", SECRET)
    async with async_client(script, auth=auth, token=None) as kt:
        await asyncio.gather(*(kt.call(get_offer, catalog_id=CATALOG, id=OFFER) for _ in range(50)))
        provider.reject_api_tokens = 1
        await kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    assert [grant["grant_type"] for grant in provider.grants] == ["client_credentials", "client_credentials"]
    assert auth.token_requests == 2


def test_the_token_goes_to_the_api_origin_only() -> None:
    seen: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.demo.korusticket.com" and request.url.path == "/moved":
            return httpx.Response(302, headers={"location": "https://elsewhere.example/landing"})
        return httpx.Response(200, json={})

    with client(Script(reply)) as kt:
        kt.http.get("https://storage.googleapis.com/BUCKET/ticket.pdf")
        kt.http.get("http://api.demo.korusticket.com/v1/ticketing/catalogs")  # same host, other scheme
        kt.http.get("https://api.demo.korusticket.com:8443/v1/ticketing/catalogs")  # other port
        kt.http.get("/moved", follow_redirects=True)
    assert [("authorization" in request.headers, str(request.url)) for request in seen] == [
        (False, "https://storage.googleapis.com/BUCKET/ticket.pdf"),
        (False, "http://api.demo.korusticket.com/v1/ticketing/catalogs"),
        (False, "https://api.demo.korusticket.com:8443/v1/ticketing/catalogs"),
        (True, "https://api.demo.korusticket.com/moved"),
        (False, "https://elsewhere.example/landing"),
    ]


def test_static_token_and_schemes() -> None:
    seen: list[str] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["authorization"])
        return jsonld(OFFER_BODY)

    with client(Script(reply), token="jwt-abc") as kt:
        get(kt)
    with client(Script(reply), token="jwt-raw", auth_scheme="") as kt:  # the spec's apiKey style
        get(kt)
    assert seen == ["Bearer jwt-abc", "jwt-raw"]


def test_credentials_from_the_environment() -> None:
    provider = IdentityProvider()
    environ = {"KORUSTICKET_CLIENT_ID": "env-client", "KORUSTICKET_CLIENT_SECRET": SECRET}
    with client(Script(provider), token=None, environ=environ) as kt:
        get(kt)
    assert provider.grants[0]["client_id"] == "env-client"
    assert isinstance(kt.auth, ClientCredentialsAuth)
    with client(Script(provider), token=None, environ={"KORUSTICKET_TOKEN": "env-jwt"}) as kt:
        assert isinstance(kt.auth, StaticTokenAuth)
        assert kt.auth.secrets() == ["env-jwt"]


def test_secrets_never_show(caplog: pytest.LogCaptureFixture) -> None:
    provider = IdentityProvider()
    provider.reject_api_tokens = 1
    with caplog.at_level(logging.DEBUG), credentials_client(provider) as kt:
        get(kt)
        shown = [repr(kt), str(kt), repr(kt.auth), str(vars(kt.auth)), repr(kt.http.auth)]
    shown += [record.getMessage() for record in caplog.records]
    for secret in (SECRET, "access-1", "access-2", "refresh-1"):
        assert all(secret not in text for text in shown), secret
    assert "reseller-42" in repr(kt.auth)


def test_secret_values_hide_themselves() -> None:
    secret = Secret("value")
    assert repr(secret) == str(secret) == f"{secret}" == "Secret('***')"
    assert secret.reveal() == "value"
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(ValueError, match="non-empty"):
        Secret("  ")
    with pytest.raises(ValueError, match=r"^client_id: expected a non-empty string"):
        ClientCredentialsAuth("", SECRET)


def test_token_requests_carry_their_own_timeout_and_no_api_headers(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[httpx.Request] = []
    provider = IdentityProvider()

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return provider(request)

    auth = ClientCredentialsAuth("reseller-42", SECRET, timeout=12.5)
    with (
        caplog.at_level(logging.INFO, logger="korusticket"),
        client(Script(reply), auth=auth, token=None, language="fr") as kt,
    ):
        get(kt)
    token_request = seen[0]
    assert str(token_request.url) == DEFAULT_TOKEN_URL
    assert token_request.extensions["timeout"] == httpx.Timeout(12.5).as_dict()
    assert "accept-language" not in token_request.headers
    assert "authorization" not in token_request.headers
    assert "obtained an access token for client 'reseller-42' (client_credentials grant, valid 1800 s)" in caplog.text


def test_invalidate_forces_a_new_token() -> None:
    provider = IdentityProvider()
    with credentials_client(provider) as kt:
        get(kt)
        assert isinstance(kt.auth, ClientCredentialsAuth)
        kt.auth.invalidate()
        get(kt)
    assert [grant["grant_type"] for grant in provider.grants] == ["client_credentials", "client_credentials"]
    assert provider.api_calls == ["Bearer access-1", "Bearer access-2"]
