"""`Sandbox`: a stateful, in-process KorusTicket API for tests, demos and benchmarks."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Unpack

import httpx

from korusticket.booking.ledger.memory import MemoryLedger
from korusticket.client import DEMO_URL, AsyncKorusTicket, ClientOptions, KorusTicket
from korusticket.testing.app import TOKEN_PATH, SandboxApp, routed
from korusticket.testing.catalog import build
from korusticket.testing.clock import SandboxClock
from korusticket.testing.faults import TOKEN, Faults
from korusticket.testing.state import SandboxState
from korusticket.testing.transport import AsyncSandboxTransport, SandboxTransport

STORAGE_URL = "https://storage.sandbox.korusticket.test"


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
    - Inspection: `state` (reservations, orders, tickets, documents, every request handled).
    """

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
    ) -> None:
        if offers < 1:
            raise ValueError(f"offers: expected at least 1, got {offers!r}")
        self.seed = seed
        self.clock = clock or SandboxClock()
        self.client_id = client_id
        self.client_secret = client_secret
        self.storage_url = storage_url.rstrip("/")
        self.reservation_lifetime = reservation_lifetime
        self.token_lifetime = token_lifetime
        if created_status not in (200, 201):
            raise ValueError(f"created_status: expected 200 or 201, got {created_status!r}")
        self.double_ordering = double_ordering
        """Whether a reservation already ordered may be ordered again. The vendor does not say it refuses
        this, so a client must not rely on the refusal: test exactly-once with it on."""
        self.created_status = created_status
        """The status of a successful bulk POST: the pages say 200, API Platform's default is 201."""
        self.exact_date_filter = exact_date_filter
        """Whether the offers collection honours `?date=`: the guides' live answers list it, no 1.0.38
        parameter list does, and API Platform ignores a filter it lacks. False: ignore it."""
        now = self.clock.now()
        if catalog_offers is not None:
            # Enough offers in all for `catalog_offers` in the park catalog, then exactly that many there.
            if catalog_offers < 1:
                raise ValueError(f"catalog_offers: expected at least 1, got {catalog_offers!r}")
            probe = build(seed, 1, start=now.date(), created=now)
            park = next(c.id for c in probe.catalogs.values() if c.entitled)
            in_park = sum(1 for product in probe.products.values() if product.catalog_id == park)
            offers = -(-catalog_offers // in_park) * len(probe.products)
        data = build(seed, offers, start=now.date(), created=now)
        if catalog_offers is not None:
            data.keep_offers(next(c.id for c in data.catalogs.values() if c.entitled), catalog_offers)
        self.state = SandboxState(data)
        self.faults = Faults()
        self.ledger = MemoryLedger()
        """The booking ledger the sandbox's clients share unless given their own: like the clients of one process
        sharing one for a real API, and fresh with each sandbox."""
        self._app = SandboxApp(self)

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
        """The sandbox's OIDC token endpoint under `base_url`, for clients built with `token_url=`."""
        return base_url.rstrip("/") + TOKEN_PATH

    def issue_token(self) -> str:
        """A valid access token, for clients configured with `token=`."""
        with self.state.lock:
            token: str = self._app.issue_tokens(self.clock.now())["access_token"]
            return token

    # ------------------------------------------------------------------------------------- HTTP

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (no faults)."""
        return self._app.handle(request)

    def operation_of(self, request: httpx.Request) -> str | None:
        """The operation a request is for (`"token"` for the token endpoint), as faults name them."""
        if request.url.path == TOKEN_PATH:
            return TOKEN
        operation = routed(request)[0]
        return operation.name if operation else None

    def transport(self) -> SandboxTransport:
        """An httpx transport this sandbox answers, faults included: `KorusTicket(transport=...)` or `httpx.Client`."""
        return SandboxTransport(self)

    def async_transport(self) -> AsyncSandboxTransport:
        """The async transport: `AsyncKorusTicket(transport=...)`, `httpx.AsyncClient(transport=...)`."""
        return AsyncSandboxTransport(self)

    def client(self, **options: Unpack[ClientOptions]) -> KorusTicket:
        """A `KorusTicket` on this sandbox, with its client credentials (override any option).

        Its idea of the server's time is `clock` itself: advancing the clock makes reservations
        expire for the client's own checks too, as real time would.
        """
        client = KorusTicket(transport=self.transport(), **self._options(options))
        client.http.server_clock.source = self.clock.now
        return client

    def async_client(self, **options: Unpack[ClientOptions]) -> AsyncKorusTicket:
        """An `AsyncKorusTicket` on this sandbox, with its client credentials (override any option).

        As for `client`, its idea of the server's time is `clock`. It holds no connection: closing it is optional.
        """
        client = AsyncKorusTicket(transport=self.async_transport(), **self._options(options))
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
