"""Sandbox tests: every API response the sandbox sends is validated against openapi.yaml (openapi-core)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

from codegen.specfile import load_spec
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import Sandbox
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport
from tests.conftest import ROOT


@cache
def openapi() -> OpenAPI:
    json_types = {"application/ld+json": json_loads, "application/merge-patch+json": json_loads}
    return OpenAPI.from_dict(load_spec(ROOT / "openapi.yaml"), config=Config(extra_media_type_deserializers=json_types))


class OpenAPIRequest:
    """httpx.Request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )


class OpenAPIResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))
        self.data = response.content


def check_against_spec(request: httpx.Request, response: httpx.Response) -> None:
    """Raise if an API response is not what openapi.yaml documents for its operation and status."""
    if not request.url.path.startswith("/v1/") or response.status_code == 401:
        return  # the token endpoint and storage host are not the API; 401s come from the JWT firewall
    response.read()
    try:
        openapi().validate_response(OpenAPIRequest(request), OpenAPIResponse(response))
    except OperationNotFound:
        # A path of the API, another method: API Platform answers 405 and names the allowed methods.
        assert response.status_code == 405, response.text
        assert response.headers["allow"]
    except PathNotFound:
        # Not a path of the API: the sandbox must say so the way the API does.
        body = response.json()
        assert response.status_code == 404, body
        assert (body["@type"], body["status"], body["title"]) == ("Error", 404, "Not Found"), body


class Validated:
    """Wraps the sandbox transports: every response is checked against the spec before the client sees it."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.checked = 0

    def transport(self) -> httpx.BaseTransport:
        inner = SandboxTransport(self.sandbox)
        outer = self

        class Transport(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                response = inner.handle_request(request)
                check_against_spec(request, response)
                outer.checked += 1
                return response

        return Transport()

    def async_transport(self) -> httpx.AsyncBaseTransport:
        inner = AsyncSandboxTransport(self.sandbox)
        outer = self

        class Transport(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                response = await inner.handle_async_request(request)
                check_against_spec(request, response)
                outer.checked += 1
                return response

        return Transport()


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0)


@pytest.fixture
def validated(sandbox: Sandbox) -> Validated:
    return Validated(sandbox)


def options(sandbox: Sandbox, **extra: Any) -> dict[str, Any]:
    return sandbox._options(extra)


@pytest.fixture
def kt(sandbox: Sandbox, validated: Validated) -> Iterator[KorusTicket]:
    """A client on the sandbox whose every API response is validated against openapi.yaml."""
    with KorusTicket(transport=validated.transport(), **options(sandbox)) as client:
        yield client


@pytest.fixture
def akt(sandbox: Sandbox, validated: Validated) -> AsyncKorusTicket:
    return AsyncKorusTicket(transport=validated.async_transport(), **options(sandbox))
