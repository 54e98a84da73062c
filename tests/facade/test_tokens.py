"""Tokens are checked as tokens: a token HTTP cannot carry is refused before sending and never shown, and the
token endpoint's odd lifetimes give a sane one (with one warning), not a token per call."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from korusticket import (
    APIConnectionError,
    AuthenticationError,
    ClientCredentialsAuth,
    ConfigurationError,
    KorusTicket,
    StaticTokenAuth,
    UnexpectedResponseError,
)
from korusticket.auth import MAX_LIFETIME, MIN_LIFETIME, TokenAuth
from korusticket_client.api.ticketing_catalog import list_catalogs
from tests.facade.hostile import hostile_server
from tests.facade.test_auth import Clock, IdentityProvider, credentials_client, get

BAD_TOKENS = [
    ("eyJhbGciOi.payload.sig ", "a space at position 23 of 23 (copied with a space or line break at one end?)"),
    ("eyJhbGciOi.payload.sig\n", "a line break at position 23 of 23"),
    ("eyJhbGciOi payload", "a space at position 11 of 18"),
    ("eyJhbGciOi,payload", "',' at position 11 of 18"),
    ("eyJhbGciOi=payload", "'=' at position 11 of 18"),
    ("eyJhbGciOi\x7fpayload", "position 11 of 18"),
    ("eyJhbGciOi\u00e9payload", "position 11 of 18"),
]


@pytest.mark.parametrize(("token", "problem"), BAD_TOKENS)
def test_a_token_http_cannot_carry_is_refused_and_not_shown(token: str, problem: str) -> None:
    for build in (
        lambda: KorusTicket.demo(token=token, environ={}),
        lambda: KorusTicket.demo(environ={"KORUSTICKET_TOKEN": token}),
        lambda: StaticTokenAuth(token),
    ):
        with pytest.raises(ConfigurationError, match=r"^token: ") as caught:
            build()
        message = str(caught.value)
        assert "payload" not in message
        assert "eyJ" not in message
        assert problem in message


def test_padded_and_url_safe_tokens_are_accepted() -> None:
    for token in ("abc.DEF-ghi_jkl~mno+pqr/stu==", "a", "eyJ0eXAi.eyJzdWIi.c2ln="):
        assert KorusTicket.demo(token=token, environ={}).auth.secrets() == [token]


class Fixed(TokenAuth):
    """A user's own auth, bypassing the checks of the built-in ones."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = self.header_value(self.token)
        yield request


def test_a_bad_token_from_any_auth_is_refused_before_anything_reaches_the_server() -> None:
    with hostile_server() as server, KorusTicket(base_url=server.url, auth=Fixed("tok en-secret")) as kt:
        with pytest.raises(ConfigurationError, match=r"^auth: not a bearer token .*a space at position 4 of 13$") as e:
            kt.call(list_catalogs)
        assert "en-secret" not in str(e.value)
        assert server.seen == []


class GatewayKey(httpx.HTTPTransport):
    """A user's transport adding a gateway key of its own, here with a trailing space h11 refuses."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["X-Api-Key"] = "key-secret "
        return super().handle_request(request)


def test_a_header_h11_refuses_is_reported_as_not_sent_without_its_value() -> None:
    with (
        hostile_server() as server,
        KorusTicket(base_url=server.url, token="tok", transport=GatewayKey()) as kt,
        pytest.raises(APIConnectionError) as caught,
    ):
        kt.call(list_catalogs, max_retries=0)
    assert caught.value.request_sent is False
    assert "key-secret" not in str(caught.value)
    assert "not valid HTTP" in str(caught.value)
    assert server.seen == []


def test_the_token_endpoints_bad_access_token_is_a_clear_error_without_the_token() -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(200, json={"access_token": "issued secret-part ", "expires_in": 300})
    with credentials_client(provider) as kt, pytest.raises(UnexpectedResponseError) as caught:
        get(kt)
    message = f"{caught.value} {caught.value.excerpt}"
    assert "has an access_token that is not a bearer token" in message
    assert "a space at position 7 of 19" in message
    assert "secret-part" not in message
    assert provider.api_calls == []


@pytest.mark.parametrize(
    "answer",
    [
        b'{"access_token": "\\ud800", "expires_in": 300}',
        b'{"access_token": "has space", "refresh_token": "\\udc00", "expires_in": 300}',
    ],
)
def test_a_token_answer_no_encoding_can_take_is_a_clear_error(answer: bytes) -> None:
    """A lone surrogate (valid JSON, no valid UTF-8): redacting it must not fail in turn."""
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(200, content=answer, headers={"content-type": "application/json"})
    with credentials_client(provider) as kt, pytest.raises(UnexpectedResponseError, match="has an access_token that"):
        get(kt)


def test_an_access_token_too_long_to_keep_is_a_clear_error_not_a_configuration_one() -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(200, json={"access_token": "A" * 20_000, "expires_in": 300})
    with credentials_client(provider) as kt, pytest.raises(UnexpectedResponseError) as caught:
        get(kt)
    assert "has an access_token of 20000 characters (at most 16384 are taken)" in str(caught.value)
    assert "A" * 100 not in f"{caught.value} {caught.value.excerpt}"
    assert provider.api_calls == []


@pytest.mark.parametrize("refresh", ["re\x01fresh", " ", "r" * 20_000, "r\u00e9fresh"])
def test_a_refresh_token_that_could_not_be_sent_back_is_not_kept(refresh: str) -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(
        200, json={"access_token": "issued", "expires_in": 300, "refresh_token": refresh}
    )
    provider.valid = {"issued"}
    with credentials_client(provider) as kt:
        get(kt)  # the token is used; nothing was misconfigured
    assert provider.api_calls == ["Bearer issued"]


@pytest.mark.parametrize(
    ("expires_in", "lifetime", "warned"),
    [
        ("0", MIN_LIFETIME, True),
        ("-3600", MIN_LIFETIME, True),
        ("NaN", 300.0, True),
        ("-Infinity", MIN_LIFETIME, True),
        ("Infinity", MAX_LIFETIME, True),
        ("1e12", MAX_LIFETIME, True),
        ("9" * 400, MAX_LIFETIME, True),
        ("-" + "9" * 400, MIN_LIFETIME, True),
        ('"soon"', 300.0, True),
        ("[]", 300.0, True),
        ("true", 300.0, True),
        ('"3600"', 3600.0, False),
        ('"7"', MIN_LIFETIME, True),
        ("null", 300.0, False),
    ],
)
def test_odd_lifetimes_give_a_sane_one_and_one_warning(
    expires_in: str, lifetime: float, warned: bool, caplog: pytest.LogCaptureFixture
) -> None:
    provider, clock = IdentityProvider(refresh_expires_in=None), Clock()

    def issue() -> None:
        provider.issued += 1
        provider.valid = {f"access-{provider.issued}"}
        body = f'{{"access_token": "access-{provider.issued}", "expires_in": {expires_in}}}'
        provider.token_reply = httpx.Response(200, content=body.encode(), headers={"content-type": "application/json"})

    issue()
    with caplog.at_level(logging.WARNING, "korusticket"), credentials_client(provider, clock) as kt:
        for _ in range(20):
            get(kt)  # one token serves these calls: the clock has not moved
        assert len(provider.grants) == 1
        clock.now += lifetime - min(60.0, lifetime / 10) - 0.5
        get(kt)
        assert len(provider.grants) == 1  # still within the lifetime chosen
        issue()
        clock.now += 1
        for _ in range(5):
            get(kt)
        assert len(provider.grants) == 2  # refreshed once it ran out, then shared again
    warnings = [record.getMessage() for record in caplog.records if "expires_in" in record.getMessage()]
    assert len(warnings) == (1 if warned else 0), warnings
    assert all("logged once" in warning for warning in warnings)


def test_a_sound_lifetime_is_taken_as_given_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    provider, clock = IdentityProvider(expires_in=1800), Clock()
    with caplog.at_level(logging.WARNING, "korusticket"), credentials_client(provider, clock) as kt:
        get(kt)
        clock.now += 1800 - 60 - 1
        get(kt)
    assert len(provider.grants) == 1
    assert caplog.records == []


def test_an_odd_refresh_lifetime_leaves_the_refresh_token_unused(caplog: pytest.LogCaptureFixture) -> None:
    provider, clock = IdentityProvider(expires_in=600), Clock()
    provider.refresh_expires_in = "later"  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, "korusticket"), credentials_client(provider, clock) as kt:
        get(kt)
        clock.now += 600
        get(kt)
    assert [grant["grant_type"] for grant in provider.grants] == ["client_credentials", "client_credentials"]
    assert [record.getMessage().count("refresh_expires_in") for record in caplog.records] == [1]


def test_lifetime_warnings_name_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    provider = IdentityProvider()
    provider.expires_in = "x" * 500  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, "korusticket"), credentials_client(provider) as kt:
        get(kt)
    (record,) = caplog.records
    assert "x" * 30 not in record.getMessage()
    assert "a str" in record.getMessage()


def test_client_credentials_auth_refuses_bad_arguments_with_the_sdks_error() -> None:
    with pytest.raises(ConfigurationError, match=r"^client_id: "):
        ClientCredentialsAuth("", "secret")
    with pytest.raises(ConfigurationError, match=r"^client_secret: "):
        ClientCredentialsAuth("id", "se\ncret")
    with pytest.raises(ConfigurationError, match=r"^auth_scheme: "):
        StaticTokenAuth("tok", scheme="Be arer")


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"access_token": ' * 50_000, b"\xff\xfe", b"<html>login</html>", b""],
)
def test_an_unreadable_token_answer_is_a_clear_error(content: bytes) -> None:
    provider = IdentityProvider()
    provider.token_reply = httpx.Response(200, content=content, headers={"content-type": "application/json"})
    with credentials_client(provider) as kt, pytest.raises(UnexpectedResponseError, match="token endpoint"):
        get(kt)
    provider.token_reply = httpx.Response(400, content=content, headers={"content-type": "application/json"})
    with credentials_client(provider) as kt, pytest.raises(AuthenticationError, match="token endpoint"):
        get(kt)
