"""`KorusTicket` and `AsyncKorusTicket`: one configured client for every call to the API."""

from __future__ import annotations

import datetime
import functools
import inspect
import os
import platform
import threading
import time
import types
import urllib.request
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any, Self, TypedDict, TypeVar, Unpack, assert_never

import httpx

from korusticket._context import KEEP_JSON, OPERATION, PARSED
from korusticket._download import download, download_async
from korusticket._generated.bodies import BODY_FIELDS
from korusticket._generated.operations import OPERATIONS
from korusticket._http import (
    ACCEPT_ENCODING,
    MAX_RESPONSE_BYTES,
    AsyncKorusHTTPClient,
    AsyncUseRefused,
    KorusHTTPClient,
    ServerClock,
    SyncUseRefused,
    decoded_body,
    unexpected_response,
)
from korusticket._iri_core import API_ROOTS, parse_iri
from korusticket._lazy import lazy_module
from korusticket._operation import Operation, _shown, check_body, check_text, closest, is_count
from korusticket._raw import CallOptions, RawResponse, check_language, check_timeout
from korusticket._signatures import RunTimeDecorators
from korusticket._urls import check_url, origin
from korusticket._version import __version__
from korusticket.auth import DEFAULT_TOKEN_URL, ClientCredentialsAuth, StaticTokenAuth, TokenAuth
from korusticket.booking.api import AsyncBooking, SyncBooking
from korusticket.errors import ArgumentTypeError, ConfigurationError, InvalidRequestError, MissingBodyFieldError
from korusticket.pagination import AsyncPaginator, Page, PagePlan, Paginator, page_from_collection
from korusticket.retries import AsyncRetryTransport, RetryPolicy, RetryTransport
from korusticket.transports import AsyncClientTransport, ClientTransport, default_ssl_context, held_to_deadlines

if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import attrs

    import korusticket_client
    import korusticket_client.models as models
    from korusticket._generated import typed
    from korusticket.booking import ledger as ledgers
    from korusticket.booking import policy as policies
    from korusticket.booking import results, steps
    from korusticket.booking.ledger import BookingLedger, LedgerClaim
    from korusticket.booking.ledger import memory as memory_ledger
    from korusticket.booking.policy import BookingPolicy
    from korusticket.booking.steps import Flow, Step
    from korusticket_client import Client
else:
    typed = RunTimeDecorators()  # the generated decorators return the method as it is: see _signatures
    # what only some calls need loads on the first of them (make bench: start-up): asyncio for the async client,
    # the generated models for a body given as a dict, the booking workflows for a booking call
    asyncio = lazy_module("asyncio")
    attrs = lazy_module("attrs")
    korusticket_client = lazy_module("korusticket_client")
    models = lazy_module("korusticket_client.models")
    ledgers = lazy_module("korusticket.booking.ledger")
    memory_ledger = lazy_module("korusticket.booking.ledger.memory")
    policies = lazy_module("korusticket.booking.policy")
    results = lazy_module("korusticket.booking.results")
    steps = lazy_module("korusticket.booking.steps")

__all__ = ["DEMO_URL", "PRODUCTION_URL", "AsyncKorusTicket", "ClientOptions", "KorusTicket"]

DEMO_URL = "https://api.demo.korusticket.com"
PRODUCTION_URL = "https://api.korusticket.com"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = f"korusticket-python/{__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
OPERATIONS_BY_MODULE = {operation.module_name: operation for operation in OPERATIONS}
T = TypeVar("T")
_CLAIM_WAITS: list[ThreadPoolExecutor] = []
_CLAIM_WAITS_MADE = threading.Lock()


def _claim_waits() -> ThreadPoolExecutor:
    """Where `AsyncKorusTicket` waits for a ledger claim another worker holds, off the event loop (and off asyncio's
    default executor, which a few waiting claims would fill): one pool per process, made on the first wait."""
    with _CLAIM_WAITS_MADE:
        if not _CLAIM_WAITS:
            from concurrent.futures import ThreadPoolExecutor

            _CLAIM_WAITS.append(ThreadPoolExecutor(max_workers=64, thread_name_prefix="korusticket-claim"))
        return _CLAIM_WAITS[0]


def _check_base_url(base_url: Any) -> httpx.URL:
    try:
        url = check_url(base_url, "base_url", DEMO_URL)
    except InvalidRequestError as error:
        raise ConfigurationError(str(error)) from None
    if url.query or url.fragment:
        raise ConfigurationError(f"base_url: expected no query string or fragment, got {base_url!r}")
    path = url.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last in API_ROOTS:
        example = min((op.path for op in OPERATIONS if op.path.startswith(f"/{last}/")), key=len)
        root = str(url.copy_with(path=path[: -len(last) - 1] or "/")).rstrip("/")
        raise ConfigurationError(
            f"base_url: ends in /{last}, where the API's paths start ({example}), so calls would go to "
            f"/{last}/{last}/...; expected the server's root, such as {root}"
        )
    return url.copy_with(path=path or "")


def _check_proxy(proxy: Any) -> None:
    """A proxy URL: one line, a scheme httpx can use, a host (http:// is usual here: the tunnel is https)."""
    problem = f"proxy: expected a URL such as http://proxy.internal:3128 or an httpx.Proxy, got {_shown(proxy)}"
    try:
        check_text(proxy, "proxy", limit=2048)
        url = httpx.URL(proxy)
    except InvalidRequestError as error:
        raise ConfigurationError(str(error)) from None
    except (httpx.InvalidURL, TypeError, ValueError):
        raise ConfigurationError(problem) from None
    if url.scheme not in ("http", "https", "socks5", "socks5h") or not url.host:
        raise ConfigurationError(problem)


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
        if not isinstance(auth, TokenAuth):
            raise ConfigurationError(
                f"auth: expected a korusticket TokenAuth (StaticTokenAuth, ClientCredentialsAuth), "
                f"got a {type(auth).__name__}"
            )
        if token or client_id or client_secret:
            raise ConfigurationError("auth: give either auth=, token=, or client_id=/client_secret=, not several")
        return auth
    if token is not None and (client_id or client_secret):
        raise ConfigurationError("give either token= (a JWT) or client_id= and client_secret=, not both")
    for name, value in (("token", token), ("client_id", client_id), ("client_secret", client_secret)):
        if value is not None and not isinstance(value, str):
            raise ConfigurationError(f"{name}: expected a string, got a {type(value).__name__}")
    if token_url is not None and not isinstance(token_url, str):
        raise ConfigurationError(f"token_url: expected an https:// URL, got a {type(token_url).__name__}")
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
                token_url=_token_url(
                    base_url, token_url if token_url is not None else environ.get("KORUSTICKET_TOKEN_URL")
                ),
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
    if token_url is not None:
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
    raise ArgumentTypeError(
        "operation: expected a generated operation such as korusticket_client.api.ticketing_offer.get_offer, "
        f"got {_shown(operation)}"
    )


def _body_model(entry: Operation, body: Any) -> Any:
    """Accept a plain dict as a request body: build the generated model, naming a missing or unknown field.

    The generated models keep keys they do not know in `additional_properties` and send them on; a key
    the schema does not have is almost always a misspelling (`date_of_birth` for `dateOfBirth`) that the
    server would ignore, so it is refused here, before anything is sent.
    """
    if entry.body_model is None:
        return body
    if not isinstance(body, Mapping):
        if not hasattr(body, "to_dict"):
            raise InvalidRequestError(f"body: expected a dict or a {entry.body_model}, got {type(body).__name__}")
        try:
            as_json = body.to_dict()
        except Exception as error:  # a model holding values its to_dict cannot take
            raise InvalidRequestError(f"body: not a valid {entry.body_model}: {error}") from None
        check_body(as_json, entry.body_model)
        return body
    check_body(body, entry.body_model)
    model = getattr(models, entry.body_model)
    try:
        parsed = model.from_dict(dict(body))
    except KeyError as error:
        field = str(error.args[0]) if error.args else "?"
        raise MissingBodyFieldError(
            f"body: missing required field {field!r} for {entry.body_model}", field=field, model=entry.body_model
        ) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise InvalidRequestError(f"body: not a valid {entry.body_model}: {error}") from None
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
            raise InvalidRequestError(f"{where}.{key}: not a field of {type(value).__name__}{hint}")
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
        httpx applies each phase's timeout to each wait (connecting, each read of the answer); the SDK also bounds
        the whole call by the largest of them, retries and the body's last byte included, so a server that
        trickles its answer (its headers a line at a time, or its body) cannot hold a call longer
        (`APITimeoutError`): each socket read waits at most the time left. A token fetched first has its own. Through
        a proxy or your own `http_client=` (sync), the deadline is checked between reads, each read keeping its own
        read timeout.
    max_connections: int
        Connection pool size. Default: 20.
    proxy: str | httpx.Proxy
        The proxy every request goes through (`http://proxy.internal:3128`, or an `httpx.Proxy` with its own
        headers or certificate). Default: the environment's `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
        `NO_PROXY`, honoured as httpx does.
    http_client: httpx.Client | httpx.AsyncClient
        Your own httpx client (its transport, proxies, mounts, certificates, event hooks) to send through; the
        SDK's authentication, retries, deadline, size cap and errors still apply around it. You close it.
    max_response_bytes: int
        The largest answer read, decoded; past it, `ResponseTooLargeError` without reading the rest. Default:
        32 MiB (a page of 50 offers is about 70 KB).
    retry: RetryPolicy
        When and how long to retry; see `RetryPolicy`.
    max_retries: int
        Shortcut for `retry=RetryPolicy(max_retries=...)`; 0 turns retries off. A call's own
        `max_retries=` overrides it.
    environ: Mapping[str, str]
        Where to read the KORUSTICKET_* defaults. Default: `os.environ`.
    booking_policy: BookingPolicy
        How hard the booking workflows try: attempts, time to settle a lost order answer, batch size.
    ledger: BookingLedger | str
        Where the booking workflows record each booking's stages and claim its reference: a `BookingLedger`, or
        a URL (`memory:`, `sqlite:///path.db`, `postgresql://...`). Default: `KORUSTICKET_LEDGER`, else a memory
        ledger shared by the clients of this process for this API.
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
    proxy: str | httpx.Proxy
    http_client: httpx.Client | httpx.AsyncClient
    max_response_bytes: int
    retry: RetryPolicy
    max_retries: int
    environ: Mapping[str, str]
    booking_policy: BookingPolicy
    ledger: BookingLedger | str


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
        if not isinstance(environ, Mapping):
            raise ConfigurationError(
                f"environ: expected a mapping of variable names to values, got {type(environ).__name__}"
            )
        chosen = options.get("base_url")
        if chosen is None:  # given empty or of the wrong type, it is refused as given, not replaced
            chosen = environ.get("KORUSTICKET_BASE_URL") or None
        if chosen is None:
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
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise ConfigurationError(f"retry: expected a korusticket.RetryPolicy, got a {type(retry).__name__}")
        if max_retries is not None:
            if retry is not None:
                raise ConfigurationError("give either retry= (a RetryPolicy) or max_retries=, not both")
            if not is_count(max_retries):
                raise ConfigurationError(f"max_retries: expected an integer >= 0, got {max_retries!r}")
            retry = RetryPolicy(max_retries=max_retries)
        self.retry = retry or RetryPolicy()
        policy = options.get("booking_policy")
        self.booking_policy = policies.BookingPolicy() if policy is None else policy
        if not isinstance(self.booking_policy, policies.BookingPolicy):
            raise ConfigurationError(
                f"booking_policy: expected a korusticket.BookingPolicy, got {type(self.booking_policy).__name__}"
            )
        chosen_ledger = options.get("ledger")
        if chosen_ledger is None:
            chosen_ledger = environ.get("KORUSTICKET_LEDGER") or None
        self._owns_ledger = isinstance(chosen_ledger, str)
        self.ledger: BookingLedger = (
            ledgers.ledger_from(chosen_ledger)
            if chosen_ledger is not None
            else memory_ledger.process_ledger(str(self.base_url))
        )
        """Where the booking workflows record what they do (see `korusticket.booking.ledger`)."""
        max_connections = options.get("max_connections", 20)
        if not is_count(max_connections, 1):
            raise ConfigurationError(f"max_connections: expected an integer >= 1, got {max_connections!r}")
        self.limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
        self.timeout = _timeout(options.get("timeout"))
        max_bytes = options.get("max_response_bytes", MAX_RESPONSE_BYTES)
        if not is_count(max_bytes, 1024):
            raise ConfigurationError(f"max_response_bytes: expected an integer >= 1024, got {max_bytes!r}")
        # Only the codings the SDK inflates within its size cap (with brotli or zstandard installed, httpx would ask
        # for those too, and inflate them unbounded).
        headers = {"Accept": "application/ld+json", "Accept-Encoding": ACCEPT_ENCODING, "User-Agent": USER_AGENT}
        if language:
            headers["Accept-Language"] = language
        return {
            "base_url": str(self.base_url),
            "headers": headers,
            "timeout": self.timeout,
            "auth": self.auth,
            "follow_redirects": False,
            "secrets": self.auth.secrets,
            "max_response_bytes": max_bytes,
        }

    def __repr__(self) -> str:
        language = f", language={self.language!r}" if self.language else ""
        return f"{type(self).__name__}(base_url={str(self.base_url)!r}, auth={self.auth!r}{language})"

    _defaults: CallOptions | None = None
    """Per-call options every call of this client gets (`with_options`); a call's own win."""
    _owns_http = True

    def _options_for(self, options: CallOptions | None) -> CallOptions | None:
        return options if self._defaults is None else self._defaults.under(options)

    def _derived(self, timeout: Any, max_retries: Any, language: Any, headers: Any) -> Self:
        """A copy sharing the connection pool, the token and the ledger, with more per-call defaults."""
        try:
            added = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        except ValueError as error:
            raise ConfigurationError(str(error)) from None
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy._defaults = added if self._defaults is None else self._defaults.under(added)
        copy._owns_http = False
        copy._owns_ledger = False
        return copy

    @staticmethod
    def _environment_proxies() -> bool:
        """Whether the environment names a proxy httpx would use (then httpx routes, NO_PROXY included)."""
        return any(scheme in ("http", "https", "all") for scheme in urllib.request.getproxies())

    @staticmethod
    def _check_sender(options: ClientOptions, transport: object, kind: type[Any]) -> None:
        given = [name for name in ("proxy", "http_client") if options.get(name) is not None]
        if transport is not None:
            given.append("transport")
        if len(given) > 1:
            raise ConfigurationError(
                f"{given[0]}: give one of proxy=, http_client= and transport=, not {' and '.join(given)}"
            )
        base = httpx.BaseTransport if kind is httpx.Client else httpx.AsyncBaseTransport
        if transport is not None and not isinstance(transport, base):
            raise ConfigurationError(
                f"transport: expected an {base.__module__}.{base.__qualname__}, got {type(transport).__name__}"
            )
        proxy = options.get("proxy")
        if proxy is not None and not isinstance(proxy, httpx.Proxy):
            _check_proxy(proxy)
        client = options.get("http_client")
        if client is not None and not isinstance(client, kind):
            raise ConfigurationError(
                f"http_client: expected an {kind.__module__}.{kind.__qualname__}, got {type(client).__name__}"
            )

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

    @classmethod
    def _page(
        cls,
        http: KorusHTTPClient | AsyncKorusHTTPClient,
        client: Client,
        module: Any,
        entry: Operation,
        response: httpx.Response,
        number: int | None,
        keep_json: bool,
    ) -> Page[Any]:
        """A collection page read by `send(check=False)`, checked, parsed and cut into its members.

        The paginator calls it when its reader takes the page, so a window of prefetched pages waits as bytes,
        and only the page being read is held as models (see `pagination.AHEAD`)."""
        parsed = cls._parsed(module, entry, client, http.checked(response))
        return page_from_collection(parsed, number, decoded_body(response) if keep_json else None)

    @staticmethod
    def _request(
        http: KorusHTTPClient | AsyncKorusHTTPClient,
        module: Any,
        entry: Operation,
        prepared: dict[str, Any],
        options: CallOptions | None,
        keep_json: bool = False,
    ) -> httpx.Request:
        """The httpx request of a generated operation, with this call's options (`keep_json`: see `KEEP_JSON`).

        The generated `_get_kwargs` says what to send; the URL is joined and parsed once (`api_url`) rather than
        by `httpx.Client.request`, which parses it three times."""
        kwargs: dict[str, Any] = module._get_kwargs(**prepared)
        kwargs["extensions"] = {OPERATION: entry, KEEP_JSON: True} if keep_json else {OPERATION: entry}
        if options is not None:
            kwargs = options.apply(kwargs)
        kwargs["url"] = http.api_url(kwargs["url"], kwargs.pop("params", None))
        return http.build_request(**kwargs)

    def server_time(self) -> datetime.datetime:
        """The API's current time, from the `Date` of its last answer (reservations expire on its clock)."""
        return self._server_clock.now()

    @staticmethod
    def _step_options(options: CallOptions | None, headers: Mapping[str, str]) -> CallOptions | None:
        """A booking call's per-call options with the headers one of its steps adds."""
        if not headers:
            return options
        if options is None:
            return CallOptions(headers=headers)
        return CallOptions(
            timeout=options.timeout,
            headers={**options.headers, **headers},
            language=options.language,
            max_retries=options.max_retries,
        )

    def _close_ledger(self) -> None:
        if self._owns_ledger:
            self.ledger.close()

    @staticmethod
    def _pagination(
        operation: Any, filters: dict[str, Any], *, page_size: int | None, max_items: int | None, prefetch: int
    ) -> tuple[Any, Operation, PagePlan, dict[str, Any]]:
        """The operation, the page plan and the checked arguments every page request repeats (in the generated
        function's names): every argument is checked once, here, so a bad filter raises before the first page."""
        module, entry = _resolve_operation(operation)
        if entry is None or not entry.is_collection:
            raise ArgumentTypeError(f"operation: paginate() needs a collection operation (list_...), got {operation!r}")
        filters = dict(filters)
        given_size = filters.pop("items_per_page", filters.pop("itemsPerPage", None))
        if given_size is not None:
            if page_size is not None and page_size != given_size:
                raise InvalidRequestError(
                    "page_size: given twice (page_size= and items_per_page=) with different values"
                )
            page_size = given_size
        start = filters.pop("page", None)
        plan = PagePlan(paginated=entry.is_paginated, page_size=page_size, max_items=max_items, prefetch=prefetch)
        if start is not None:
            if not is_count(start, 1):
                raise InvalidRequestError(f"page: expected an integer >= 1, got {start!r}")
            plan.first_page = start
        checked = entry.arguments(plan.arguments(filters, plan.first_page if plan.paginated else None))
        if plan.paginated:  # the page and its size change from page to page: keyed by the generated names
            plan.page_keys = (entry.by_keyword["page"].python, entry.by_keyword["items_per_page"].python)
            for key in plan.page_keys:
                checked.pop(key, None)
        plan.recheck = entry.unverified_filters(checked)
        return module, entry, plan, checked


class KorusTicket(_Shared, SyncBooking):
    """The KorusTicket API client.

    >>> kt = KorusTicket.demo(client_id="...", client_secret="...", language="fr")
    >>> offer = kt.call(get_offer, catalog_id=catalog, id=offer_id)         # a TicketingOffer
    >>> for offer in kt.paginate(list_offers, catalog_id=catalog, date_after=day, date_before=day): ...

    `kt.client` is the generated `korusticket_client.Client` behind it, for calling any generated
    function directly with the same authentication, retries and errors.
    """

    def __init__(self, *, transport: httpx.BaseTransport | None = None, **options: Unpack[ClientOptions]) -> None:
        """See `ClientOptions` for the settings; `transport` replaces the network (tests, the sandbox)."""
        self._check_sender(options, transport, httpx.Client)
        http_options = self._setup(options)
        given = options.get("http_client")
        proxy = options.get("proxy")
        if transport is not None:
            inner: httpx.BaseTransport = transport
        elif isinstance(given, httpx.Client):
            inner = ClientTransport(given, owned=False)
        elif proxy is not None or self._environment_proxies():
            client = httpx.Client(
                proxy=proxy, limits=self.limits, trust_env=proxy is None, verify=default_ssl_context()
            )
            inner = ClientTransport(client, owned=True)
        else:
            inner = held_to_deadlines(httpx.HTTPTransport(limits=self.limits, verify=default_ssl_context()))
        retrying = RetryTransport(inner, self.retry, max_response_bytes=http_options["max_response_bytes"])
        self.http = KorusHTTPClient(transport=retrying, **http_options)
        if isinstance(self.auth, ClientCredentialsAuth):
            self.auth.bind(transport=retrying, timeout=self.timeout)
        """The httpx client: authentication, retries and error mapping included."""
        self._server_clock = self.http.server_clock
        self.client = korusticket_client.Client(base_url=str(self.base_url)).set_httpx_client(self.http)
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

    @typed.sync_call
    def call(
        self,
        operation: Any,
        /,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **arguments: Any,
    ) -> Any:
        """Call a generated operation and return its parsed success body; errors raise.

        `operation` is a generated module (`ops.get_offer`, or `korusticket_client.api.ticketing_offer.get_offer`).
        Its parameters are keywords: path ids, filters under readable names (`created_at_after` for
        `createdAt[after]`), `body=` as a model or a dict. Every value is checked before the request is sent.
        Per call: `timeout=` (seconds or an httpx.Timeout: the whole call's budget), `headers=` (added; never the
        Authorization header), `language=` (Accept-Language) and `max_retries=`.

        Under the hood: the arguments are checked against the operation's table (`_operation.Operation`), the
        generated module builds the request, `KorusHTTPClient.send` sends it (authentication, retries, the
        deadline and size cap, errors), and the body it parsed is returned.
        """
        options = _given_options(timeout, headers, language, max_retries)
        return self._call(operation, arguments, options=options)

    @typed.sync_get
    def get(
        self,
        iri: str,
        expect: type[Any] | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
    ) -> Any:
        """Fetch the resource an IRI (or absolute URL of this API) points at.

        `expect=TicketingOffer` checks the resource's class and types the result; the per-call options are
        those of `call`.
        """
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        _check_expect(expect)
        parsed = parse_iri(iri, api_origins=(origin(self.base_url),))
        resource = self._call(parsed.operation.module(), dict(parsed.identifiers), options=options)
        return _expect(resource, expect, iri)

    @typed.sync_paginate
    def paginate(
        self,
        operation: Any,
        /,
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **filters: Any,
    ) -> Paginator[Any]:
        """Iterate every member of a Hydra collection operation, fetching pages lazily.

        `page_size` is `itemsPerPage` (1 to 50, default 50); `max_items` stops early; `prefetch=N` fetches up
        to N further pages concurrently once the total is known. `.pages()` yields `Page` objects instead of
        members. The arguments are checked once, here; the per-call options of `call` apply to every page.
        """
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        return self._paginate(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch, options=options
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        language: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """This client with other defaults for every call (`kt.with_options(timeout=5).call(...)`).

        The copy shares the connection pool, the token and the ledger; a call's own options still win. Close
        the original (closing the copy does nothing). Calls through `kt.client` (the generated functions) keep
        the original's settings.
        """
        return self._derived(timeout, max_retries, language, headers)

    def _call(
        self, operation: Any, arguments: dict[str, Any], *, options: CallOptions | None = None, raw: bool = False
    ) -> Any:
        module, entry, prepared = self._prepared(operation, arguments)
        return self._send(module, entry, prepared, options, raw)

    def _send(
        self,
        module: Any,
        entry: Operation | None,
        prepared: dict[str, Any],
        options: CallOptions | None,
        raw: bool,
        keep_json: bool = False,
    ) -> Any:
        """One checked call: through the generated function when the tables do not know it."""
        options = self._options_for(options)
        if entry is None:
            _untabled(module, options, raw)
            return module.sync(client=self.client, **prepared)
        response = self.http.send(self._request(self.http, module, entry, prepared, options, keep_json))
        parsed = self._parsed(module, entry, self.client, response)
        return RawResponse(response, parsed) if raw else parsed

    @property
    def with_raw_response(self) -> SyncRawCalls:
        """`kt.with_raw_response.call(op, ...)` returns a `RawResponse`: status, headers and the parsed model."""
        return SyncRawCalls(self)

    def _paginate(
        self,
        operation: Any,
        filters: dict[str, Any],
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        options: CallOptions | None = None,
        keep_json: bool = False,
    ) -> Paginator[Any]:
        """`paginate`'s work; `keep_json` keeps each page's members as the API sent them (`Page.json`)."""
        module, entry, plan, checked = self._pagination(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch
        )

        def fetch(arguments: dict[str, Any], number: int | None) -> Callable[[], Page[Any]]:
            request = self._request(self.http, module, entry, arguments, self._options_for(options), keep_json)
            response = self.http.send(request, check=False)
            return functools.partial(self._page, self.http, self.client, module, entry, response, number, keep_json)

        return Paginator(fetch, checked, plan)

    def _drive(self, flow: Flow[T], options: CallOptions | None = None) -> T:
        """Perform a booking workflow's steps (see `korusticket.booking.steps`) until it returns.

        A step's exception is thrown into the workflow, which may handle it. Ledger claims the workflow took are
        released however it ends. An `OrderOutcomeUnknownError` leaves with this client as its resolver.
        """
        claims: dict[str, LedgerClaim] = {}
        value: Any = None
        error: BaseException | None = None
        unknown: results.OrderOutcomeUnknownError | None = None
        try:
            while True:
                try:
                    step = flow.throw(error) if error is not None else flow.send(value)
                except StopIteration as stop:
                    result: T = stop.value
                    return result
                except results.OrderOutcomeUnknownError as raised:
                    unknown = raised
                    break
                value, error = None, None
                try:
                    value = self._perform(step, options, claims)
                except Exception as raised:
                    error = raised
        finally:
            for claim in claims.values():
                claim.release()
            flow.close()
        assert unknown is not None  # noqa: S101 - the loop ends by returning, raising, or with it
        bound = unknown.bound(resolver=lambda: self.resolve(bound))
        raise bound.with_traceback(unknown.__traceback__)

    def _perform(self, step: Step, options: CallOptions | None, claims: dict[str, LedgerClaim]) -> Any:
        match step:
            case steps.Call(operation=operation, arguments=arguments, headers=headers):
                return self._call(operation, dict(arguments), options=self._step_options(options, headers))
            case steps.Collect(operation=operation, filters=filters, prefetch=prefetch):
                return list(self._paginate(operation, dict(filters), prefetch=prefetch, options=options))
            case steps.Sleep(seconds=seconds):
                time.sleep(seconds)
                return None
            case steps.Now():
                return self.server_time()
            case steps.Monotonic():
                return time.monotonic()
            case steps.WallClock():
                return datetime.datetime.now(datetime.UTC)
            case steps.Callback(function=function, argument=argument):
                outcome = function(argument)
                if inspect.isawaitable(outcome):
                    if inspect.iscoroutine(outcome):
                        outcome.close()
                    raise TypeError(
                        "confirm_payment returned an awaitable: use AsyncKorusTicket for async payment steps"
                    )
                return outcome
            case steps.Download(url=url, target=target):
                return download(self.http, url, target)
            case steps.Claim(reference=reference, wait=wait):
                claims[reference] = claim = self.ledger.claim(reference, wait=wait)
                return claim.entry
            case steps.Record(entry=entry):
                claims[entry.reference].record(entry)
                return None
            case steps.Release(reference=reference):
                claims.pop(reference).release()
                return None
            case steps.Unfinished():
                return self.ledger.unfinished()
            case _:
                assert_never(step)

    def close(self) -> None:
        """Close the connection pool (and a ledger the client opened from a URL); a `with_options` copy leaves
        them to the original."""
        if self._owns_http:
            self.http.close()
        self._close_ledger()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncKorusTicket(_Shared, AsyncBooking):
    """The asynchronous KorusTicket API client; see `KorusTicket`.

    >>> async with AsyncKorusTicket.demo(client_id="...", client_secret="...") as kt:
    ...     offer = await kt.call(get_offer, catalog_id=catalog, id=offer_id)
    ...     async for offer in kt.paginate(list_offers, catalog_id=catalog, prefetch=4): ...
    """

    def __init__(self, *, transport: httpx.AsyncBaseTransport | None = None, **options: Unpack[ClientOptions]) -> None:
        """See `ClientOptions` for the settings; `transport` replaces the network (tests, the sandbox)."""
        self._check_sender(options, transport, httpx.AsyncClient)
        http_options = self._setup(options)
        given = options.get("http_client")
        proxy = options.get("proxy")
        if transport is not None:
            inner: httpx.AsyncBaseTransport = transport
        elif isinstance(given, httpx.AsyncClient):
            inner = AsyncClientTransport(given, owned=False)
        elif proxy is not None or self._environment_proxies():
            client = httpx.AsyncClient(
                proxy=proxy, limits=self.limits, trust_env=proxy is None, verify=default_ssl_context()
            )
            inner = AsyncClientTransport(client, owned=True)
        else:
            inner = httpx.AsyncHTTPTransport(limits=self.limits, verify=default_ssl_context())
        retrying = AsyncRetryTransport(inner, self.retry, max_response_bytes=http_options["max_response_bytes"])
        self.http = AsyncKorusHTTPClient(transport=retrying, **http_options)
        if isinstance(self.auth, ClientCredentialsAuth):
            self.auth.bind(async_transport=retrying, timeout=self.timeout)
        self._server_clock = self.http.server_clock
        self.client = korusticket_client.Client(base_url=str(self.base_url)).set_async_httpx_client(self.http)
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

    @typed.async_call
    async def call(
        self,
        operation: Any,
        /,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **arguments: Any,
    ) -> Any:
        """Call a generated operation and return its parsed success body; see `KorusTicket.call`."""
        options = _given_options(timeout, headers, language, max_retries)
        return await self._call(operation, arguments, options=options)

    @typed.async_get
    async def get(
        self,
        iri: str,
        expect: type[Any] | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
    ) -> Any:
        """Fetch the resource an IRI points at; see `KorusTicket.get`."""
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        _check_expect(expect)
        parsed = parse_iri(iri, api_origins=(origin(self.base_url),))
        resource = await self._call(parsed.operation.module(), dict(parsed.identifiers), options=options)
        return _expect(resource, expect, iri)

    @typed.async_paginate
    def paginate(
        self,
        operation: Any,
        /,
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **filters: Any,
    ) -> AsyncPaginator[Any]:
        """Iterate every member of a Hydra collection (`async for`); see `KorusTicket.paginate`."""
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        return self._paginate(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch, options=options
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        language: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """This client with other defaults for every call; see `KorusTicket.with_options`."""
        return self._derived(timeout, max_retries, language, headers)

    async def _call(
        self, operation: Any, arguments: dict[str, Any], *, options: CallOptions | None = None, raw: bool = False
    ) -> Any:
        module, entry, prepared = self._prepared(operation, arguments)
        return await self._send(module, entry, prepared, options, raw)

    async def _send(
        self,
        module: Any,
        entry: Operation | None,
        prepared: dict[str, Any],
        options: CallOptions | None,
        raw: bool,
        keep_json: bool = False,
    ) -> Any:
        options = self._options_for(options)
        if entry is None:
            _untabled(module, options, raw)
            return await module.asyncio(client=self.client, **prepared)
        response = await self.http.send(self._request(self.http, module, entry, prepared, options, keep_json))
        parsed = self._parsed(module, entry, self.client, response)
        return RawResponse(response, parsed) if raw else parsed

    @property
    def with_raw_response(self) -> AsyncRawCalls:
        """`await kt.with_raw_response.call(op, ...)` returns a `RawResponse`; see `KorusTicket.with_raw_response`."""
        return AsyncRawCalls(self)

    def _paginate(
        self,
        operation: Any,
        filters: dict[str, Any],
        *,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
        options: CallOptions | None = None,
        keep_json: bool = False,
    ) -> AsyncPaginator[Any]:
        """`paginate`'s work; `keep_json` keeps each page's members as the API sent them (`Page.json`)."""
        module, entry, plan, checked = self._pagination(
            operation, filters, page_size=page_size, max_items=max_items, prefetch=prefetch
        )

        async def fetch(arguments: dict[str, Any], number: int | None) -> Callable[[], Page[Any]]:
            request = self._request(self.http, module, entry, arguments, self._options_for(options), keep_json)
            response = await self.http.send(request, check=False)
            return functools.partial(self._page, self.http, self.client, module, entry, response, number, keep_json)

        return AsyncPaginator(fetch, checked, plan)

    async def _drive(self, flow: Flow[T], options: CallOptions | None = None) -> T:
        """Perform a booking workflow's steps until it returns; see `KorusTicket._drive`."""
        claims: dict[str, LedgerClaim] = {}
        value: Any = None
        error: BaseException | None = None
        unknown: results.OrderOutcomeUnknownError | None = None
        try:
            while True:
                try:
                    step = flow.throw(error) if error is not None else flow.send(value)
                except StopIteration as stop:
                    result: T = stop.value
                    return result
                except results.OrderOutcomeUnknownError as raised:
                    unknown = raised
                    break
                value, error = None, None
                try:
                    value = await self._perform(step, options, claims)
                except Exception as raised:
                    error = raised
        finally:
            for claim in claims.values():
                claim.release()
            flow.close()
        assert unknown is not None  # noqa: S101 - the loop ends by returning, raising, or with it
        bound = unknown.bound(async_resolver=lambda: self.resolve(bound))
        raise bound.with_traceback(unknown.__traceback__)

    async def _perform(self, step: Step, options: CallOptions | None, claims: dict[str, LedgerClaim]) -> Any:
        match step:
            case steps.Call(operation=operation, arguments=arguments, headers=headers):
                return await self._call(operation, dict(arguments), options=self._step_options(options, headers))
            case steps.Collect(operation=operation, filters=filters, prefetch=prefetch):
                paginator = self._paginate(operation, dict(filters), prefetch=prefetch, options=options)
                return [item async for item in paginator]
            case steps.Sleep(seconds=seconds):
                await asyncio.sleep(seconds)
                return None
            case steps.Now():
                return self.server_time()
            case steps.Monotonic():
                return time.monotonic()
            case steps.WallClock():
                return datetime.datetime.now(datetime.UTC)
            case steps.Callback(function=function, argument=argument):
                outcome = function(argument)
                return await outcome if inspect.isawaitable(outcome) else outcome
            case steps.Download(url=url, target=target):
                return await download_async(self.http, url, target)
            case steps.Claim(reference=reference, wait=wait):
                claims[reference] = claim = await self._claim(reference, wait)
                return claim.entry
            case steps.Record(entry=entry):
                await self._ledger_call(claims[entry.reference].record, entry)
                return None
            case steps.Release(reference=reference):
                claims.pop(reference).release()
                return None
            case steps.Unfinished():
                return await self._ledger_call(self.ledger.unfinished)
            case _:
                assert_never(step)

    async def _claim(self, reference: str, wait: float) -> LedgerClaim:
        """A claim without blocking the event loop: tried at once, then waited for in a thread of its own."""
        try:
            claim: LedgerClaim = await self._ledger_call(self.ledger.claim, reference, wait=0.0)
            return claim
        except ledgers.BookingInProgressError:
            if wait <= 0:
                raise
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(_claim_waits(), lambda: self.ledger.claim(reference, wait=wait))

    async def _ledger_call(self, function: Any, *arguments: Any, **keywords: Any) -> Any:
        """A ledger call: in memory on the loop, else in a thread (a database write syncs to disk)."""
        if isinstance(self.ledger, memory_ledger.MemoryLedger):
            return function(*arguments, **keywords)
        return await asyncio.to_thread(function, *arguments, **keywords)

    async def aclose(self) -> None:
        """Close the connection pool (and a ledger the client opened from a URL); see `KorusTicket.close`."""
        if self._owns_http:
            await self.http.aclose()
        self._close_ledger()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class SyncRawCalls:
    """`kt.with_raw_response`: `call`, returning the `RawResponse` (status, headers and the parsed model)."""

    def __init__(self, client: KorusTicket) -> None:
        self._client = client

    @typed.sync_raw_call
    def call(
        self,
        operation: Any,
        /,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **arguments: Any,
    ) -> Any:
        """`KorusTicket.call`, returning the `RawResponse`: same checks, same errors."""
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        return self._client._call(operation, arguments, options=options, raw=True)


class AsyncRawCalls:
    """`kt.with_raw_response` of `AsyncKorusTicket`."""

    def __init__(self, client: AsyncKorusTicket) -> None:
        self._client = client

    @typed.async_raw_call
    async def call(
        self,
        operation: Any,
        /,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        language: str | None = None,
        max_retries: int | None = None,
        **arguments: Any,
    ) -> Any:
        """`AsyncKorusTicket.call`, returning the `RawResponse`."""
        options = CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)
        return await self._client._call(operation, arguments, options=options, raw=True)


def _given_options(timeout: Any, headers: Any, language: Any, max_retries: Any) -> CallOptions | None:
    """A call's options, checked; None when it gives none (the client's settings apply, nothing to check)."""
    if timeout is None and headers is None and language is None and max_retries is None:
        return None
    return CallOptions(timeout=timeout, headers=headers, language=language, max_retries=max_retries)


def _untabled(operation: Any, options: CallOptions | None, raw: bool) -> None:
    """An operation the tables do not know runs through its generated function, which takes no options."""
    if raw or (options is not None and not options.empty):
        raise TypeError(
            f"per-call options and raw responses need a generated operation module of this API, got {operation!r}"
        )


def _check_expect(expect: Any) -> None:
    if expect is not None and not isinstance(expect, type | types.UnionType):
        raise ArgumentTypeError(f"expect: expected a model class such as TicketingOffer, got {_shown(expect)}")


def _expect(resource: Any, expect: type[Any] | None, iri: str) -> Any:
    if expect is not None and not isinstance(resource, expect):
        wanted = getattr(expect, "__name__", None) or repr(expect)
        raise ArgumentTypeError(f"expect: {iri} is a {type(resource).__name__}, not a {wanted}")
    return resource
