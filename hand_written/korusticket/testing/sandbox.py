"""`Sandbox`: a stateful, in-process KorusTicket API for tests, demos and benchmarks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Generic, TypedDict, TypeVar, Unpack, overload

import httpx

from korusticket._operation import _shown, is_integer
from korusticket.booking.ledger.memory import MemoryLedger
from korusticket.client import DEMO_URL, AsyncKorusTicket, ClientOptions, KorusTicket
from korusticket.errors import InvalidRequestError
from korusticket.testing.app import SandboxApp
from korusticket.testing.backend import SandboxBackend
from korusticket.testing.clock import SandboxClock
from korusticket.testing.faults import Faults
from korusticket.testing.handlers.auth import TOKEN_PATH
from korusticket.testing.log import HISTORY, check_history
from korusticket.testing.seed import build
from korusticket.testing.settings import STORAGE_URL, SandboxSettings
from korusticket.testing.state import SandboxState
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport

__all__ = ["STORAGE_URL", "Sandbox", "SandboxOptions"]

T = TypeVar("T")


class SandboxOptions(TypedDict, total=False):
    """The keyword arguments of `Sandbox` but its clock (what a served sandbox's app factory passes on)."""

    seed: int
    offers: int
    catalog_offers: int | None
    client_id: str
    client_secret: str
    storage_url: str
    reservation_lifetime: timedelta
    token_lifetime: int
    double_ordering: bool
    created_status: int
    exact_date_filter: bool
    history: int


class _Setting(Generic[T]):
    """A `Sandbox` attribute kept in its `settings` (read there by the handlers and the backend)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, sandbox: None, owner: type) -> _Setting[T]: ...

    @overload
    def __get__(self, sandbox: Sandbox, owner: type) -> T: ...

    def __get__(self, sandbox: Sandbox | None, owner: type) -> T | _Setting[T]:
        if sandbox is None:
            return self
        value: T = getattr(sandbox.settings, self.name)
        return value

    def __set__(self, sandbox: Sandbox, value: T) -> None:
        setattr(sandbox.settings, self.name, value)


OFFERS_LIMIT = 1_000_000
"""Most offers a sandbox generates: more would take minutes and gigabytes, never what a test meant."""


def _check_sizes(*, seed: Any, offers: Any, catalog_offers: Any) -> None:
    """What the catalog is generated from (the server's settings check themselves, `SandboxSettings`): refused
    before anything is built, with an `InvalidRequestError` naming it."""
    if not is_integer(seed):
        raise InvalidRequestError(f"seed: expected an integer, got {_shown(seed)}")
    for name, count in (("offers", offers), ("catalog_offers", catalog_offers)):
        if count is not None and not (is_integer(count) and 1 <= count <= OFFERS_LIMIT):
            raise InvalidRequestError(f"{name}: expected at least 1 (and at most {OFFERS_LIMIT}), got {_shown(count)}")


class Sandbox:
    """A fake KorusTicket API that behaves like the real one, in memory.

    >>> sandbox = Sandbox(seed=0)
    >>> with sandbox.client(language="fr") as kt:             # a KorusTicket wired to the sandbox
    ...     offers = list(kt.paginate(list_offers, catalog_id=sandbox.catalog_id))

    - Data: seeded catalogs, product bases with options, products, offers per day with prices and
      capacity, tickets that are all-day or need a session, sessions with capacity, a seat map.
      `offers=N` sets the size of all catalogs together (about three quarters land in `catalog_id`);
      `catalog_offers=N` puts exactly N in `catalog_id` (benchmarks use thousands).
    - Booking: reservations hold capacity until `expiresAt` on `clock` (15 minutes), bulk calls
      report per-item failures, ordering an expired reservation is the API's 422, orders get
      tickets (some needing beneficiaries) and documents whose download URL is on another host.
    - Authentication: an OIDC token endpoint (`client_id`/`client_secret` below), tokens that expire
      on `clock`, 401 without a valid token, 403 for the catalog the account is not entitled to.
    - Faults: `faults.inject(...)`; see `korusticket.testing.faults`.
    - Where the vendor's docs are silent, the harsher server is a switch: `double_ordering=True` lets a
      reservation be ordered twice, `created_status=201` answers the bulk POSTs with 201,
      `exact_date_filter=False` ignores the offers' unverified `?date=` filter.
    - Inspection: `state` (reservations, orders, tickets, documents, every request handled). The request,
      fault and download logs keep the last `history` records each (`korusticket.testing.log`).

    Inside: `settings` (what the server is told), `backend` (the state and its transitions), `app` (the router
    and the handlers by resource); see `korusticket.testing.app`.
    """

    client_id = _Setting[str]()
    client_secret = _Setting[str]()
    storage_url = _Setting[str]()
    reservation_lifetime = _Setting[timedelta]()
    token_lifetime = _Setting[int]()
    double_ordering = _Setting[bool]()
    """Whether a reservation already ordered may be ordered again (see `SandboxSettings`)."""
    created_status = _Setting[int]()
    """The status of a successful bulk POST, 200 or 201 (see `SandboxSettings`)."""
    exact_date_filter = _Setting[bool]()
    """Whether the offers collection honours `?date=` (see `SandboxSettings`)."""

    def __init__(
        self,
        *,
        seed: int = 0,
        offers: int = 240,
        catalog_offers: int | None = None,
        clock: SandboxClock | None = None,
        client_id: str = "sandbox-client",
        client_secret: str = "sandbox-secret",
        storage_url: str = STORAGE_URL,
        reservation_lifetime: timedelta = timedelta(minutes=15),
        token_lifetime: int = 1800,
        double_ordering: bool = False,
        created_status: int = 200,
        exact_date_filter: bool = True,
        history: int = HISTORY,
    ) -> None:
        _check_sizes(seed=seed, offers=offers, catalog_offers=catalog_offers)
        if clock is not None and not isinstance(clock, SandboxClock):
            raise InvalidRequestError(f"clock: expected a korusticket.testing.SandboxClock, got {type(clock).__name__}")
        check_history(history)
        self.seed = seed
        self.clock = clock or SandboxClock()
        self.settings = SandboxSettings(
            client_id=client_id,
            client_secret=client_secret,
            storage_url=storage_url,
            reservation_lifetime=reservation_lifetime,
            token_lifetime=token_lifetime,
            double_ordering=double_ordering,
            created_status=created_status,
            exact_date_filter=exact_date_filter,
        )
        now = self.clock.base_time()  # not now(): a ticking clock would date the seeded ids by start-up time
        if catalog_offers is not None:
            # Enough offers in all for `catalog_offers` in the park catalog, then exactly that many there.
            probe = build(seed, 1, start=now.date(), created=now)
            park = next(c.id for c in probe.catalogs.values() if c.entitled)
            in_park = sum(1 for product in probe.products.values() if product.catalog_id == park)
            offers = -(-catalog_offers // in_park) * len(probe.products)
        data = build(seed, offers, start=now.date(), created=now)
        if catalog_offers is not None:
            data.keep_offers(next(c.id for c in data.catalogs.values() if c.entitled), catalog_offers)
        self.state = SandboxState(data, history=history)
        self.faults = Faults(history=history)
        self.ledger = MemoryLedger()
        """The booking ledger the sandbox's clients share unless given their own: like the clients of one process
        sharing one for a real API, and fresh with each sandbox."""
        self.backend = SandboxBackend(self.state, self.settings, self.faults, seed=seed)
        self.app = SandboxApp(self.backend, self.settings, self.clock)

    # ------------------------------------------------------------------------------------- handles

    @property
    def catalog_id(self) -> str:
        """The park catalog: day tickets, tickets with sessions, a product base needing beneficiaries."""
        return self._entitled()[0]

    @property
    def stadium_catalog_id(self) -> str:
        """The stadium catalog: real-time prices, seating options and a seat map."""
        return self._entitled()[1]

    @property
    def forbidden_catalog_id(self) -> str:
        """A catalog that exists but the sandbox account may not use (403)."""
        return next(c.id for c in self.state.data.catalogs.values() if not c.entitled)

    def _entitled(self) -> list[str]:
        return [c.id for c in self.state.data.catalogs.values() if c.entitled]

    def token_url(self, base_url: str = DEMO_URL) -> str:
        """The sandbox's OIDC token endpoint for a client configured with `base_url`."""
        return base_url.rstrip("/") + TOKEN_PATH

    def issue_token(self) -> str:
        """A valid access token, for clients configured with `token=`."""
        with self.state.lock:
            token: str = self.backend.issue_tokens(self.clock.now())["access_token"]
            return token

    # ------------------------------------------------------------------------------------- HTTP

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (no faults)."""
        return self.app.handle(request)

    def operation_of(self, request: httpx.Request) -> str | None:
        """The operation a request is for (`"token"` for the token endpoint), as faults name them."""
        return self.app.operation_of(request)

    def transport(self) -> SandboxTransport:
        """An httpx transport answering from this sandbox (`KorusTicket(transport=...)`, `httpx.Client`)."""
        return SandboxTransport(self)

    def async_transport(self) -> AsyncSandboxTransport:
        """The asynchronous transport (`AsyncKorusTicket(transport=...)`, `httpx.AsyncClient`)."""
        return AsyncSandboxTransport(self)

    def client(self, **options: Unpack[ClientOptions]) -> KorusTicket:
        """A `KorusTicket` on this sandbox, with its client credentials (override any option).

        Its idea of the server's time is `clock` itself: advancing the clock makes reservations
        expire for the client's own checks too, as real time would. With `http_client=` (an `httpx.Client` on
        `transport()`), the client sends through yours.
        """
        transport = None if options.get("http_client") is not None else self.transport()
        client = KorusTicket(transport=transport, **self._options(options))
        client.http.server_clock.source = self.clock.now
        return client

    def async_client(self, **options: Unpack[ClientOptions]) -> AsyncKorusTicket:
        """An `AsyncKorusTicket` on this sandbox; see `client`."""
        transport = None if options.get("http_client") is not None else self.async_transport()
        client = AsyncKorusTicket(transport=transport, **self._options(options))
        client.http.server_clock.source = self.clock.now
        return client

    def _options(self, options: ClientOptions) -> Any:
        chosen: dict[str, Any] = {"base_url": DEMO_URL, **options}
        if not any(key in chosen for key in ("token", "auth", "client_id", "client_secret")):
            chosen |= {"client_id": self.client_id, "client_secret": self.client_secret}
        chosen.setdefault("token_url", self.token_url(chosen["base_url"]))
        chosen.setdefault("ledger", self.ledger)
        chosen.setdefault("environ", {})
        return chosen

    def __repr__(self) -> str:
        data = self.state.data
        return f"Sandbox(seed={self.seed}, offers={len(data.offers)}, clock={self.clock.now().isoformat()})"
