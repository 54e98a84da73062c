"""`KorusTicket` and `AsyncKorusTicket`: one configured client for every call to the API."""

from __future__ import annotations

import datetime
import os
import platform
from collections.abc import Mapping
from types import ModuleType
from typing import Any, Self, TypedDict, Unpack

import attrs
import httpx

import korusticket_client.models as models
from korusticket import __version__
from korusticket._generated.bodies import BODY_FIELDS
from korusticket._generated.operations import OPERATIONS
from korusticket._generated.typed import AsyncOperations, AsyncRawOperations, SyncOperations, SyncRawOperations
from korusticket._http import (
    OPERATION,
    PARSED,
    AsyncKorusHTTPClient,
    AsyncUseRefused,
    KorusHTTPClient,
    ServerClock,
    SyncUseRefused,
    decoded_body,
    unexpected_response,
)
from korusticket._iri_core import parse_iri
from korusticket._operation import Operation, closest, is_integer
from korusticket._raw import CallOptions, RawResponse, check_language, check_timeout
from korusticket._urls import is_loopback, origin
from korusticket.auth import DEFAULT_TOKEN_URL, ClientCredentialsAuth, StaticTokenAuth, TokenAuth
from korusticket.booking import AsyncBooking, BookingPolicy, SyncBooking
from korusticket.errors import ConfigurationError
from korusticket.pagination import AsyncPaginator, Page, PagePlan, Paginator, page_from_collection
from korusticket.retries import AsyncRetryTransport, RetryPolicy, RetryTransport
from korusticket_client import Client

__all__ = ["DEMO_URL", "PRODUCTION_URL", "AsyncKorusTicket", "ClientOptions", "KorusTicket"]

DEMO_URL = "https://api.demo.korusticket.com"
PRODUCTION_URL = "https://api.korusticket.com"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = f"korusticket-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
OPERATIONS_BY_MODULE = {operation.module_name: operation for operation in OPERATIONS}


def _check_base_url(base_url: str) -> httpx.URL:
    url = httpx.URL(base_url)
    if url.scheme not in ("https", "http") or not url.host:
        raise ConfigurationError(f"base_url: expected an https:// URL such as {DEMO_URL}, got {base_url!r}")
    if url.scheme == "http" and not is_loopback(url.host):
        raise ConfigurationError(
            f"base_url: plain http is only allowed for a loopback host (localhost, 127.0.0.1, ::1), got {base_url!r}"
        )
    if url.query or url.fragment:
        raise ConfigurationError(f"base_url: expected no query string or fragment, got {base_url!r}")
    return url.copy_with(path=url.path.rstrip("/") or "")


def _auth(
    *,
    base_url: httpx.URL,
    auth: TokenAuth | None,
    token: str | None,
    client_id: str | None,
    client_secret: str | None,
    token_url: str | None,
    auth_scheme: str,
    environ: Mapping[str, str],
) -> TokenAuth:
    if auth is not None:
        if token or client_id or client_secret:
            raise ConfigurationError("auth: give either auth=, token=, or client_id=/client_secret=, not several")
        return auth
    if token is not None and (client_id or client_secret):
        raise ConfigurationError("give either token= (a JWT) or client_id= and client_secret=, not both")
    if token is None and not client_id and not client_secret:
        token = environ.get("KORUSTICKET_TOKEN") or None
        if not token:
            client_id = environ.get("KORUSTICKET_CLIENT_ID") or None
            client_secret = environ.get("KORUSTICKET_CLIENT_SECRET") or None
    try:
        if token is not None:
            return StaticTokenAuth(token, scheme=auth_scheme)
        if client_id and client_secret:
            return ClientCredentialsAuth(
                client_id,
                client_secret,
                token_url=_token_url(base_url, token_url or environ.get("KORUSTICKET_TOKEN_URL")),
                scheme=auth_scheme,
            )
    except ValueError as error:
        raise ConfigurationError(str(error)) from None
    if client_id or client_secret:
        missing = "client_secret" if client_id else "client_id"
        raise ConfigurationError(
            f"{missing}: required with the {'client_id' if client_id else 'client_secret'} you gave"
        )
    raise ConfigurationError(
        "no credentials: pass token= (a JWT) or client_id= and client_secret=, or set KORUSTICKET_TOKEN, "
        "or KORUSTICKET_CLIENT_ID and KORUSTICKET_CLIENT_SECRET"
    )


def _token_url(base_url: httpx.URL, token_url: str | None) -> str:
    """The vendor's identity server serves the vendor's APIs only: any other API names its own token endpoint."""
    if token_url:
        return token_url
    if str(base_url) in (DEMO_URL, PRODUCTION_URL):
        return DEFAULT_TOKEN_URL
    raise ConfigurationError(
        f"token_url: required with client credentials for {base_url}, which is not a KorusTicket server: the "
        f"client secret would otherwise go to the vendor's identity server. For the served sandbox use "
        f"token_url='{base_url}/realms/korusticket/protocol/openid-connect/token' (or KORUSTICKET_TOKEN_URL)"
    )


def _check_options(options: Mapping[str, Any]) -> None:
    """`**options` is only typed for the type checker: refuse a misspelt option at run time too."""
    known = ClientOptions.__annotations__
    for name in options:
        if name not in known:
            close = closest(name, known)
            hint = f"; did you mean {close!r}?" if close else f"; known options: {', '.join(sorted(known))}"
            raise ConfigurationError(f"{name}: not an option of KorusTicket{hint}")


def _timeout(value: Any) -> httpx.Timeout:
    try:
        return check_timeout(value) or DEFAULT_TIMEOUT
    except ValueError as error:
        raise ConfigurationError(str(error)) from None


def _resolve_operation(operation: Any) -> tuple[ModuleType | Any, Operation | None]:
    """A generated module and its table entry, from the module or one of its functions."""
    if isinstance(operation, ModuleType):
        return operation, OPERATIONS_BY_MODULE.get(operation.__name__)
    module_name = getattr(operation, "__module__", None)
    entry = OPERATIONS_BY_MODULE.get(module_name or "")
    if entry is not None:
        return entry.module(), entry
    if hasattr(operation, "sync_detailed") or hasattr(operation, "asyncio_detailed"):
        return operation, None
    raise TypeError(
        f"expected a generated operation such as korusticket_client.api.ticketing_offer.get_offer, got {operation!r}"
    )


def _body_model(entry: Operation, body: Any) -> Any:
    """Accept a plain dict as a request body: build the generated model, naming a missing or unknown field.

    The generated models keep keys they do not know in `additional_properties` and send them on; a key
    the schema does not have is almost always a misspelling (`date_of_birth` for `dateOfBirth`) that the
    server would ignore, so it is refused here, before anything is sent.
    """
    if entry.body_model is None or not isinstance(body, Mapping):
        if entry.body_model is not None and not hasattr(body, "to_dict"):
            raise ValueError(f"body: expected a dict or a {entry.body_model}, got {type(body).__name__}")
        return body
    model = getattr(models, entry.body_model)
    try:
        parsed = model.from_dict(dict(body))
    except KeyError as error:
        raise ValueError(f"body: missing required field {error.args[0]!r} for {entry.body_model}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"body: not a valid {entry.body_model}: {error}") from None
    _refuse_unknown_keys(parsed, "body")
    return parsed


def _refuse_unknown_keys(value: Any, where: str) -> None:
    """Refuse keys a body model (or one nested in it) does not have; `BODY_FIELDS`, written by `make generate`,
    lists each one's attributes and JSON keys."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_unknown_keys(item, f"{where}[{index}]")
        return
    fields = BODY_FIELDS.get(type(value).__name__) if attrs.has(type(value)) else None
    if fields is None:
        return
    known = tuple(fields.values())
    for key in value.additional_properties:
        if not key.startswith("@"):  # JSON-LD keywords are the server's business
            close = closest(key, known)
            hint = f"; did you mean {close!r}?" if close else f"; expected one of {', '.join(known)}"
            raise ValueError(f"{where}.{key}: not a field of {type(value).__name__}{hint}")
    for name, key in fields.items():
        _refuse_unknown_keys(getattr(value, name), f"{where}.{key}")


class ClientOptions(TypedDict, total=False):
    """Settings shared by `KorusTicket` and `AsyncKorusTicket`: all keyword-only, all optional.

    base_url: str
        The API root; `demo()` and `production()` set it. Default: `KORUSTICKET_BASE_URL`.
    token: str
        A JWT obtained elsewhere. Default: `KORUSTICKET_TOKEN`.
    client_id: str
        OIDC client-credentials identifier. Default: `KORUSTICKET_CLIENT_ID`.
    client_secret: str
        OIDC client secret. Default: `KORUSTICKET_CLIENT_SECRET`.
    token_url: str
        The OIDC token endpoint (https, or http on loopback). Default: `KORUSTICKET_TOKEN_URL`, else the
        vendor's, which is only used for the vendor's own base URLs.
    auth: TokenAuth
        A ready authentication object instead of the four settings above.
    auth_scheme: str
        Prefix of the Authorization header: "Bearer" (default), or "" to send the token alone.
    language: str
        `Accept-Language` for every request (`fr`, `fr-FR`, `fr, en;q=0.8`): the language of names,
        descriptions and documents. A call's own `language=` overrides it.
    timeout: float | httpx.Timeout
        Seconds, or an httpx.Timeout. Default: 30 s, 10 s to connect. A call's own `timeout=` overrides it.
    max_connections: int
        Connection pool size. Default: 20.
    retry: RetryPolicy
        When and how long to retry; see `RetryPolicy`.
    max_retries: int
        Shortcut for `retry=RetryPolicy(max_retries=...)`; 0 turns retries off. A call's own
        `max_retries=` overrides it.
    environ: Mapping[str, str]
        Where to read the KORUSTICKET_* defaults. Default: `os.environ`.
    booking_policy: BookingPolicy
        How hard the booking workflows try: attempts, time to settle a lost order answer, batch size.
    """

    base_url: str
    token: str
    client_id: str
    client_secret: str
    token_url: str
    auth: TokenAuth
    auth_scheme: str
    language: str
    timeout: float | httpx.Timeout
    max_connections: int
    retry: RetryPolicy
    max_retries: int
    environ: Mapping[str, str]
    booking_policy: BookingPolicy


class _Shared:
    """Settings and helpers common to the sync and async clients."""

    base_url: httpx.URL
    language: str | None
    auth: TokenAuth
    retry: RetryPolicy
    limits: httpx.Limits
    timeout: httpx.Timeout
    _server_clock: ServerClock

    def _setup(self, options: ClientOptions) -> dict[str, Any]:
        """Check the settings and return the keyword arguments of the httpx client to build."""
        _check_options(options)
        environ = options.get("environ", os.environ)
        chosen = options.get("base_url") or environ.get("KORUSTICKET_BASE_URL")
        if not chosen:
            raise ConfigurationError(
                "base_url: choose the API with KorusTicket.demo(...), KorusTicket.production(...), "
                "base_url=..., or the KORUSTICKET_BASE_URL environment variable"
            )
        self.base_url = _check_base_url(chosen)
        self.auth = _auth(
            base_url=self.base_url,
            auth=options.get("auth"),
            token=options.get("token"),
            client_id=options.get("client_id"),
            client_secret=options.get("client_secret"),
            token_url=options.get("token_url"),
            auth_scheme=options.get("auth_scheme", "Bearer"),
            environ=environ,
        )
        self.auth.restrict_to(self.base_url)
        try:
            language = check_language(options.get("language"))
        except ValueError as error:
            raise ConfigurationError(str(error)) from None
        self.language = language
        retry, max_retries = options.get("retry"), options.get("max_retries")
        if max_retries is not None:
            if retry is not None:
                raise ConfigurationError("give either retry= (a RetryPolicy) or max_retries=, not both")
            retry = RetryPolicy(max_retries=max_retries)
        self.retry = retry or RetryPolicy()
        self.booking_policy = options.get("booking_policy") or BookingPolicy()
        max_connections = options.get("max_connections", 20)
        if not (is_integer(max_connections) and max_connections >= 1):
            raise ConfigurationError(f"max_connections: expected an integer >= 1, got {max_connections!r}")
        self.limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
        self.timeout = _timeout(options.get("timeout"))
        headers = {"Accept": "application/ld+json", "User-Agent": USER_AGENT}
        if language:
            headers["Accept-Language"] = language
        return {
            "base_url": str(self.base_url),
            "headers": headers,
            "timeout": self.timeout,
            "auth": self.auth,
            "follow_redirects": False,
            "secrets": self.auth.secrets,
        }

    def __repr__(self) -> str:
        language = f", language={self.language!r}" if self.language else ""
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}, auth={self.auth!r}{language})"

    @staticmethod
    def _prepared(operation: Any, arguments: Mapping[str, Any]) -> tuple[Any, Operation | None, dict[str, Any]]:
        module, entry = _resolve_operation(operation)
        if entry is None:
            return module, None, dict(arguments)
        prepared = entry.arguments(arguments)
        if "body" in prepared:
            prepared["body"] = _body_model(entry, prepared["body"])
        return module, entry, prepared

    @staticmethod
    def _parsed(module: Any, entry: Operation | None, client: Client, response: httpx.Response) -> Any:
        """The success body as the operation's model, whichever 2xx it came with.

        The HTTP client's checks decoded and parsed it once (`_http.check_response`), raising
        `UnexpectedResponseError` for a body of the wrong shape (`CommittedWriteError` for a write).
        """
        if PARSED in response.extensions:
            return response.extensions.pop(PARSED)
        if entry is None or entry.success_class is None:
            return module._parse_response(client=client, response=response)
        problem = f"expected a {entry.success_model}, got no body"
        raise unexpected_response(response, response.request, problem, decoded_body(response))

    @staticmethod
    def _request(
        module: Any, entry: Operation, prepared: dict[str, Any], options: CallOptions | None
    ) -> dict[str, Any]:
        """The httpx request arguments of a generated operation, with this call's options."""
        kwargs: dict[str, Any] = module._get_kwargs(**prepared)
        kwargs["extensions"] = {OPERATION: entry}
        return options.apply(kwargs) if options is not None else kwargs

    def server_time(self) -> datetime.datetime:
        """The API's current time, from the `Date` of its last answer (reservations expire on its clock)."""
        return self._server_clock.now()

    @staticmethod
    def _pagination(
        operation: Any, filters: dict[str, Any], *, page_size: int | None, max_items: int | None, prefetch: int
    ) -> tuple[PagePlan, dict[str, Any]]:
        """The page plan and the filters every page request repeats; bad filters raise here, not mid-iteration."""
        _, entry = _resolve_operation(operation)
        if entry is None or not entry.is_collection:
            raise TypeError(f"paginate() needs a collection operation (list_...), got {operation!r}")
        filters = dict(filters)
        given_size = filters.pop("items_per_page", filters.pop("itemsPerPage", None))
        if given_size is not None:
            if page_size is not None and page_size != given_size:
                raise ValueError("page_size: given twice (page_size= and items_per_page=) with different values")
            page_size = given_size
        start = filters.pop("page", None)
        plan = PagePlan(paginated=entry.is_paginated, page_size=page_size, max_items=max_items, prefetch=prefetch)
        if start is not None:
            if not (is_integer(start) and start >= 1):
                raise ValueError(f"page: expected an integer >= 1, got {start!r}")
            plan.first_page = start
        checked = entry.arguments(plan.arguments(filters, plan.first_page if plan.paginated else None))
        plan.recheck = entry.unverified_filters(checked)
        return plan, filters


class KorusTicket(_Shared, SyncOperations, SyncBooking):
    """The KorusTicket API client.

    >>> kt = KorusTicket.demo(client_id="...", client_secret="...", language="fr")
    >>> offer = kt.call(get_offer, catalog_id=catalog, id=offer_id)         # a TicketingOffer
    >>> for offer in kt.paginate(list_offers, catalog_id=catalog, date_after=day, date_before=day): ...

    `kt.client` is the generated `korusticket_client.Client` behind it, for calling any generated
    function directly with the same authentication, retries and errors.
    """

    def __init__(self, *, transport: httpx.BaseTransport | None = None, **options: Unpack[ClientOptions]) -> None:
        """See `ClientOptions` for the settings; `transport` replaces the network (tests, the sandbox)."""
        http_options = self._setup(options)
        inner = transport or httpx.HTTPTransport(limits=self.limits)
        retrying = RetryTransport(inner, self.retry)
        self.http = KorusHTTPClient(transport=retrying, **http_options)
        if isinstance(self.auth, ClientCredentialsAuth):
            self.auth.bind(transport=retrying, timeout=self.timeout)
        """The httpx client: authentication, retries and error mapping included."""
        self._server_clock = self.http.server_clock
        self.client = Client(base_url=str(self.base_url)).set_httpx_client(self.http)
        """The generated client: give it to any generated function (`get_offer.sync(..., client=kt.client)`)."""
        self.client.set_async_httpx_client(httpx.AsyncClient(transport=AsyncUseRefused()))

    @classmethod
    def demo(cls, *, transport: httpx.BaseTransport | None = None, **options: Unpack[ClientOptions]) -> Self:
        """A client for the demo server (https://api.demo.korusticket.com)."""
        options["base_url"] = DEMO_URL
        return cls(transport=transport, **options)

    @classmethod
    def production(cls, *, transport: httpx.BaseTransport | None = None, **options: Unpack[ClientOptions]) -> Self:
        """A client for the production server (https://api.korusticket.com)."""
        options["base_url"] = PRODUCTION_URL
        return cls(transport=transport, **options)

    def _call(
        self, operation: Any, arguments: dict[str, Any], *, options: CallOptions | None = None, raw: bool = False
    ) -> Any:
        module, entry, prepared = self._prepared(operation, arguments)
        if entry is None:
            _untabled(operation, options, raw)
            return module.sync(client=self.client, **prepared)
        response = self.http.request(**self._request(module, entry, prepared, options))
        parsed = self._parsed(module, entry, self.client, response)
        return RawResponse(response, parsed) if raw else parsed

    @property
    def with_raw_response(self) -> SyncRawOperations:
        """`kt.with_raw_response.call(op, ...)` returns a `RawResponse`: status, headers and the parsed model."""
        return SyncRawOperations(self)

    def _paginate(
        self,
        operation: Any,
        filters: dict[str, Any],
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        options: CallOptions | None = None,
    ) -> Paginator[Any]:
        plan, repeated = self._pagination(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch
        )

        def fetch(arguments: dict[str, Any], number: int | None) -> Page[Any]:
            return page_from_collection(self._call(operation, arguments, options=options), number)

        return Paginator(fetch, repeated, plan)

    def _get(self, iri: str, expect: type[Any] | None, options: CallOptions) -> Any:
        parsed = parse_iri(iri, api_origins=(origin(self.base_url),))
        resource = self._call(parsed.operation.module(), dict(parsed.identifiers), options=options)
        return _expect(resource, expect, iri)

    def close(self) -> None:
        """Close the connection pool. `with KorusTicket(...) as kt:` calls it on exit."""
        self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncKorusTicket(_Shared, AsyncOperations, AsyncBooking):
    """The asynchronous KorusTicket API client; see `KorusTicket`.

    >>> async with AsyncKorusTicket.demo(client_id="...", client_secret="...") as kt:
    ...     offer = await kt.call(get_offer, catalog_id=catalog, id=offer_id)
    ...     async for offer in kt.paginate(list_offers, catalog_id=catalog, prefetch=4): ...
    """

    def __init__(self, *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[ClientOptions]) -> None:
        """See `ClientOptions` for the settings; `transport` replaces the network (tests, the sandbox)."""
        http_options = self._setup(options)
        inner = transport or httpx.AsyncHTTPTransport(limits=self.limits)
        retrying = AsyncRetryTransport(inner, self.retry)
        self.http = AsyncKorusHTTPClient(transport=retrying, **http_options)
        if isinstance(self.auth, ClientCredentialsAuth):
            self.auth.bind(async_transport=retrying, timeout=self.timeout)
        self._server_clock = self.http.server_clock
        self.client = Client(base_url=str(self.base_url)).set_async_httpx_client(self.http)
        self.client.set_httpx_client(httpx.Client(transport=SyncUseRefused()))

    @classmethod
    def demo(cls, *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[ClientOptions]) -> Self:
        """A client for the demo server (https://api.demo.korusticket.com)."""
        options["base_url"] = DEMO_URL
        return cls(transport=transport, **options)

    @classmethod
    def production(cls, *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[ClientOptions]) -> Self:
        """A client for the production server (https://api.korusticket.com)."""
        options["base_url"] = PRODUCTION_URL
        return cls(transport=transport, **options)

    async def _call(
        self, operation: Any, arguments: dict[str, Any], *, options: CallOptions | None = None, raw: bool = False
    ) -> Any:
        module, entry, prepared = self._prepared(operation, arguments)
        if entry is None:
            _untabled(operation, options, raw)
            return await module.asyncio(client=self.client, **prepared)
        response = await self.http.request(**self._request(module, entry, prepared, options))
        parsed = self._parsed(module, entry, self.client, response)
        return RawResponse(response, parsed) if raw else parsed

    @property
    def with_raw_response(self) -> AsyncRawOperations:
        """`await kt.with_raw_response.call(op, ...)` returns a `RawResponse`; see `KorusTicket.with_raw_response`."""
        return AsyncRawOperations(self)

    def _paginate(
        self,
        operation: Any,
        filters: dict[str, Any],
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        options: CallOptions | None = None,
    ) -> AsyncPaginator[Any]:
        plan, repeated = self._pagination(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch
        )

        async def fetch(arguments: dict[str, Any], number: int | None) -> Page[Any]:
            return page_from_collection(await self._call(operation, arguments, options=options), number)

        return AsyncPaginator(fetch, repeated, plan)

    async def _get(self, iri: str, expect: type[Any] | None, options: CallOptions) -> Any:
        parsed = parse_iri(iri, api_origins=(origin(self.base_url),))
        resource = await self._call(parsed.operation.module(), dict(parsed.identifiers), options=options)
        return _expect(resource, expect, iri)

    async def aclose(self) -> None:
        """Close the connection pool. `async with AsyncKorusTicket(...) as kt:` calls it on exit."""
        await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _untabled(operation: Any, options: CallOptions | None, raw: bool) -> None:
    """An operation the tables do not know runs through its generated function, which takes no options."""
    if raw or (options is not None and not options.empty):
        raise TypeError(
            f"per-call options and raw responses need a generated operation module of this API, got {operation!r}"
        )


def _expect(resource: Any, expect: type[Any] | None, iri: str) -> Any:
    if expect is not None and not isinstance(resource, expect):
        raise TypeError(f"{iri} is a {type(resource).__name__}, not a {expect.__name__}")
    return resource
