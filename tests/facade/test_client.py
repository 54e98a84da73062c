"""Client set-up: environments, base URL checks, credentials, headers, timeouts, and the generated client."""

from __future__ import annotations

import json

import httpx
import pytest
from pytest_httpx import HTTPXMock

from korusticket import AsyncKorusTicket, ConfigurationError, KorusTicket, __version__
from korusticket.retries import RetryTransport
from korusticket_client.api.booking_reservation import create_reservations
from korusticket_client.api.ticketing_offer import get_offer
from korusticket_client.models import CreateReservationsOutput, TicketingOffer
from tests.facade.conftest import CATALOG, OFFER, TOKEN, Script, async_client, client, example, jsonld

OFFER_BODY = example("offers_collection_live.json")["member"][0]


def test_an_environment_must_be_chosen() -> None:
    with pytest.raises(ConfigurationError, match=r"KorusTicket.demo\(...\), KorusTicket.production\(...\)"):
        KorusTicket(token=TOKEN, environ={})
    assert str(KorusTicket.demo(token=TOKEN).base_url) == "https://api.demo.korusticket.com"
    assert str(KorusTicket.production(token=TOKEN).base_url) == "https://api.korusticket.com"
    from_env = KorusTicket(environ={"KORUSTICKET_BASE_URL": "https://gateway.example/korus/", "KORUSTICKET_TOKEN": "t"})
    assert str(from_env.base_url) == "https://gateway.example/korus"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:9000"])
def test_plain_http_only_on_loopback(url: str) -> None:
    assert KorusTicket(base_url=url, token=TOKEN).base_url.scheme == "http"


def test_a_base_url_under_a_gateway_path_is_kept() -> None:
    assert str(KorusTicket(base_url="https://gw.example.com/korus/", token=TOKEN).base_url) == (
        "https://gw.example.com/korus"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://api.korusticket.com", "plain http is only allowed for a loopback host"),
        ("http://10.0.0.5", "plain http is only allowed for a loopback host"),
        ("ftp://api.korusticket.com", "expected an https:// URL"),
        ("api.korusticket.com", "expected an https:// URL"),
        ("https://api.korusticket.com/?x=1", "expected no query string"),
        ("https://api.korusticket.com/v1", r"ends in /v1, where the API's paths start \(/v1/booking/orders\)"),
        (
            "https://gw.example.com/korus/v1/",
            r"ends in /v1.*the server's root, such as https://gw\.example\.com/korus$",
        ),
    ],
)
def test_bad_base_urls(url: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=rf"^base_url: {message}"):
        KorusTicket(base_url=url, token=TOKEN)


def test_credential_mistakes_are_named() -> None:
    with pytest.raises(ConfigurationError, match=r"no credentials: pass token=.*KORUSTICKET_CLIENT_ID"):
        KorusTicket.demo(environ={})
    with pytest.raises(ConfigurationError, match=r"either token="):
        KorusTicket.demo(token=TOKEN, client_id="id", client_secret="secret")
    with pytest.raises(ConfigurationError, match=r"^client_secret: required"):
        KorusTicket.demo(client_id="id", environ={})
    with pytest.raises(ConfigurationError, match=r"^language: expected a language tag"):
        KorusTicket.demo(token=TOKEN, language=" ")
    with pytest.raises(ConfigurationError, match=r"^max_connections"):
        KorusTicket.demo(token=TOKEN, max_connections=0)
    assert issubclass(ConfigurationError, ValueError)


def test_default_headers() -> None:
    script = Script(lambda request: jsonld(OFFER_BODY))
    with client(script, language="fr") as kt:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    with client(script) as kt:
        kt.call(get_offer, catalog_id=CATALOG, id=OFFER)
    french, default = script.requests
    assert french.headers["accept"] == "application/ld+json"
    assert french.headers["accept-language"] == "fr"
    assert french.headers["user-agent"].startswith(f"korusticket-python/{__version__} httpx/")
    assert "accept-language" not in default.headers


def test_timeouts_and_connection_limits() -> None:
    kt = KorusTicket.demo(token=TOKEN, timeout=7.5, max_connections=5)
    assert kt.http.timeout == httpx.Timeout(7.5)
    assert KorusTicket.demo(token=TOKEN).http.timeout == httpx.Timeout(30.0, connect=10.0)
    transport = kt.http._transport
    assert isinstance(transport, RetryTransport)
    assert isinstance(transport.transport, httpx.HTTPTransport)
    assert transport.transport._pool._max_connections == 5


def test_the_generated_client_runs_with_the_same_settings() -> None:
    script = Script(lambda request: jsonld(OFFER_BODY))
    with client(script) as kt:
        offer = get_offer.sync(CATALOG, OFFER, client=kt.client)
    assert isinstance(offer, TicketingOffer)
    (request,) = script.requests
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["accept"] == "application/ld+json"


async def test_each_facade_refuses_the_other_flavour() -> None:
    with client(Script(lambda request: jsonld(OFFER_BODY))) as kt, pytest.raises(TypeError, match="to KorusTicket"):
        await get_offer.asyncio(CATALOG, OFFER, client=kt.client)
    async with async_client(Script(lambda request: jsonld(OFFER_BODY))) as akt:
        with pytest.raises(TypeError, match="belongs to AsyncKorusTicket"):
            get_offer.sync(CATALOG, OFFER, client=akt.client)


def test_works_with_pytest_httpx(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        url=f"https://api.demo.korusticket.com/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}",
        json=OFFER_BODY,
        headers={"content-type": "application/ld+json"},
        match_headers={"Authorization": f"Bearer {TOKEN}"},
    )
    with KorusTicket.demo(token=TOKEN) as kt:
        assert kt.call(get_offer, catalog_id=CATALOG, id=OFFER).id == OFFER


def test_operations_can_be_given_as_modules_or_their_functions() -> None:
    script = Script(lambda request: jsonld(OFFER_BODY))
    with client(script) as kt:
        for operation in (get_offer, get_offer.sync, get_offer.sync_detailed):
            assert kt.call(operation, catalog_id=CATALOG, id=OFFER).id == OFFER
        with pytest.raises(TypeError, match="expected a generated operation"):
            kt.call(print, catalog_id=CATALOG)


def test_request_bodies_can_be_plain_dicts() -> None:
    body = example("reservations_bulk_request_offer_ticket_session.json")
    script = Script(lambda request: jsonld(example("reservations_bulk_response_live.json")))
    with client(script) as kt:
        output = kt.call(create_reservations, body=body)
    assert isinstance(output, CreateReservationsOutput)
    assert json.loads(script.requests[0].content) == body
    assert script.requests[0].headers["content-type"] == "application/ld+json"


def test_repr_shows_the_setup_not_the_secrets() -> None:
    kt = KorusTicket.demo(token=TOKEN, language="fr")
    assert repr(kt) == (
        "KorusTicket(base_url='https://api.demo.korusticket.com', "
        "auth=StaticTokenAuth(scheme='Bearer', token=***), language='fr')"
    )
    assert TOKEN not in repr(AsyncKorusTicket.demo(token=TOKEN))


def test_require_names_the_missing_field() -> None:
    from korusticket import MissingFieldError, require
    from korusticket_client.models import BookingOrder

    order = BookingOrder.from_dict({"reference": "KT-ORD-1", "externalReference": None})
    assert require(order.reference, "order.reference") == "KT-ORD-1"
    with pytest.raises(MissingFieldError, match=r"^order.id: expected a value in the API's answer, but it is missing"):
        require(order.id, "order.id")
    with pytest.raises(MissingFieldError, match=r"it is null$"):
        require(order.external_reference, "order.externalReference")
