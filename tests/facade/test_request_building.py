"""The facade builds each request's URL itself, parsed once (`_http._APIClient.api_url`), instead of through
`httpx.Client.request`, which parses it three times; and its cookie jar skips answers that set no cookie.

Both are for speed: these tests pin that the URL is the one httpx's own merge gives, for every kind of base URL,
path and query the facade sends, and that cookies still work as httpx's do.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from korusticket import AsyncKorusTicket, KorusTicket, _http, ops
from korusticket._http import KorusHTTPClient

TOKEN = "eyJhbGciOiJSUzI1NiJ9.dXJscw.c2ln"
CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
BASES = [
    "https://api.demo.korusticket.com",
    "https://API.Example.com:8443/prefix",
    "https://api.example.com/prefix/deeper/",
    "http://127.0.0.1:8000",
    "http://[::1]:9000/v",
]
PATHS = [
    f"/v1/ticketing/catalogs/{CATALOG}/offers",
    "/v1/ticketing/catalogs",
    "v1/relative/without/slash",
    "/v1/a%2Fb/quoted%20id/caf%C3%A9",
    "/v1/unquoted é space/~tilde",
]
PARAMS: list[dict[str, Any] | None] = [
    None,
    {},
    {"page": 2, "itemsPerPage": 50},
    {"date[after]": "2025-06-01", "product[]": ["/v1/p/1", "/v1/p/2"], "order[date]": "desc"},
    {"flag": True, "off": False, "text": "a b&c=d/é?#", "plus": "1+1", "empty": ""},
    {"list": []},
]


def _client(base: str) -> KorusHTTPClient:
    return KorusHTTPClient(secrets=lambda: (), base_url=base)


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("params", PARAMS)
def test_the_url_is_the_one_httpx_builds(base: str, path: str, params: dict[str, Any] | None) -> None:
    with _client(base) as http:
        theirs = http.build_request("GET", path, params=params).url
        ours = http.api_url(path, params)
    assert ours == theirs
    assert str(ours) == str(theirs)
    assert ours.raw_path == theirs.raw_path


def test_a_replaced_base_url_is_followed() -> None:
    with _client(BASES[0]) as http:
        http.api_url("/v1/x")
        http.base_url = httpx.URL("https://other.example.com/root")
        assert str(http.api_url("/v1/x", {"page": 1})) == "https://other.example.com/root/v1/x?page=1"


def test_client_params_are_merged_as_httpx_merges_them() -> None:
    with KorusHTTPClient(secrets=lambda: (), base_url=BASES[0], params={"always": "1", "page": "0"}) as http:
        for params in PARAMS:
            assert http.api_url(PATHS[0], params) == http.build_request("GET", PATHS[0], params=params).url


@pytest.mark.parametrize(
    ("operation", "arguments"),
    [
        (ops.list_offers, {"catalog_id": CATALOG, "page": 3, "items_per_page": 20, "date_after": "2025-06-01"}),
        (ops.list_catalogs, {}),
        (ops.get_offer, {"catalog_id": CATALOG, "id": "01969002-6c00-73d1-bdec-2df4cda8056c"}),
    ],
)
def test_a_call_sends_the_url_the_generated_function_sends(operation: Any, arguments: dict[str, Any]) -> None:
    seen: list[httpx.URL] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(404, json={"title": "nothing here"})

    with KorusTicket(
        base_url=BASES[1], token=TOKEN, transport=httpx.MockTransport(answer), max_retries=0, environ={}
    ) as kt:
        prepared = kt._prepared(operation, arguments)[2]
        with pytest.raises(Exception, match="404"):
            kt.call(operation, **arguments)
        with pytest.raises(Exception, match="404"):
            operation.sync_detailed(client=kt.client, **prepared)
    facade, generated = seen
    assert facade == generated
    assert facade.raw_path == generated.raw_path


def test_cookies_an_answer_sets_are_kept_and_sent() -> None:
    sent: list[str | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers.get("cookie"))
        return httpx.Response(
            200,
            json={"@id": "/v1/ticketing/catalogs", "member": [], "totalItems": 0},
            headers={"content-type": "application/ld+json", "set-cookie": "route=a1; Path=/"},
        )

    with KorusTicket(
        base_url=BASES[0], token=TOKEN, transport=httpx.MockTransport(answer), max_retries=0, environ={}
    ) as kt:
        kt.call(ops.list_catalogs)
        kt.call(ops.list_catalogs)
        assert kt.http.cookies.get("route") == "a1"
        kt.http.cookies = {"mine": "set-by-hand"}  # httpx's setter still takes what httpx.Cookies() takes
        kt.call(ops.list_catalogs)
        assert isinstance(kt.http.cookies, httpx.Cookies)
    assert sent == [None, "route=a1", "mine=set-by-hand"]  # the setter replaces the jar, as httpx's does


async def test_the_async_client_sends_the_url_the_generated_function_sends() -> None:
    seen: list[httpx.URL] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(404, json={"title": "nothing here"})

    arguments = {"catalog_id": CATALOG, "page": 2, "items_per_page": 5, "product": ["/v1/p/1", "/v1/p/2"]}
    async with AsyncKorusTicket(
        base_url=BASES[2], token=TOKEN, transport=httpx.MockTransport(answer), max_retries=0, environ={}
    ) as kt:
        prepared = kt._prepared(ops.list_offers, arguments)[2]
        with pytest.raises(Exception, match="404"):
            await kt.call(ops.list_offers, **arguments)
        with pytest.raises(Exception, match="404"):
            await ops.list_offers.asyncio_detailed(client=kt.client, **prepared)
    facade, generated = seen
    assert facade == generated
    assert str(facade) == (
        f"https://api.example.com/prefix/deeper/v1/ticketing/catalogs/{CATALOG}/offers"
        "?page=2&itemsPerPage=5&product%5B%5D=%2Fv1%2Fp%2F1&product%5B%5D=%2Fv1%2Fp%2F2"
    )


@pytest.mark.skipif(
    tuple(int(part) for part in httpx.__version__.split(".")[:2]) < (0, 28),
    reason="httpx before 0.28 keeps its URLs otherwise",
)
def test_this_httpx_urls_are_built_without_a_second_parse() -> None:
    """On the httpx the development tools install, a canonical path and query skip the parser (else each call
    parses once more)."""
    assert _http._URL_PARTS
    with _client(BASES[0]) as http:
        url = http.api_url(PATHS[0], {"page": 2})
        assert _http._canonical_url(http.base_url, PATHS[0], "page=2") == url
        assert _http._canonical_url(http.base_url, "/v1/a b", None) is None  # a space: parsed, and quoted
        assert _http._canonical_url(http.base_url, "/v1/./x", None) is None  # a dot segment: parsed, and dropped
        assert str(http.api_url("/v1/./x")) == "https://api.demo.korusticket.com/v1/x"
