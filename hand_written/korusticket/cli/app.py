"""The commands of `korusticket`, built with typer; output through `cli.output`, never `print`."""

from __future__ import annotations

import calendar as month_calendar
import contextlib
import getpass
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from korusticket import Customer, Item, KorusTicket, iri, ops
from korusticket.cli import debug_logging
from korusticket.cli.config import (
    CONFIG_KEYS,
    Target,
    check_env,
    config_path,
    read_config,
    resolve_target,
    write_config,
)
from korusticket.cli.export import COLLECTIONS, ExportProgress, export_catalog
from korusticket.cli.output import Column, Output
from korusticket.errors import REDACTED, ConfigurationError, KorusTicketError, redact_url
from korusticket_client.types import Unset

__all__ = ["build"]

EXIT_ERROR = 1
EXIT_USAGE = 2


@dataclass
class State:
    """What the global options chose, shared by every command of one run."""

    target: Target | None = None
    language: str | None = None
    debug: bool = False
    sandbox_factory: Callable[[], Any] | None = None
    sandbox: Any = None
    clients: list[KorusTicket] = field(default_factory=list)

    def client(self, out: Output) -> KorusTicket:
        if self.target is None:
            raise ConfigurationError("no target chosen")
        if self.target.why:
            out.say(f"note: {self.target.why}")
        if self.target.kind == "sandbox":
            self.sandbox = self.sandbox or _new_sandbox(self.sandbox_factory)
            options: dict[str, Any] = {"language": self.language} if self.language else {}
            kt: KorusTicket = self.sandbox.client(**options)
        else:
            kt = KorusTicket(**self.target.options)
        if self.debug:
            _trace(kt, out)
        self.clients.append(kt)
        return kt

    def catalog(self, given: str | None) -> str:
        chosen = given or (self.target.catalog if self.target else None)
        if chosen:
            return iri.check_id(chosen, "catalog")
        if self.target is not None and self.target.kind == "sandbox":
            self.sandbox = self.sandbox or _new_sandbox(self.sandbox_factory)
            return str(self.sandbox.catalog_id)
        raise ConfigurationError("--catalog: required (or set KORUSTICKET_CATALOG, or `catalog` in the config file)")


def _new_sandbox(factory: Callable[[], Any] | None) -> Any:
    if factory is not None:
        return factory()
    from korusticket.testing import Sandbox

    return Sandbox(seed=0)


def _trace(kt: KorusTicket, out: Output) -> None:
    """`--debug`: each request and response on stderr; the token and signed URLs never shown."""

    def request(sent: httpx.Request) -> None:
        out.say(f"> {sent.method} {redact_url(sent.url)}")
        for name, value in sent.headers.items():
            shown = f"{value.split(' ', 1)[0]} {REDACTED}" if name.lower() == "authorization" else value
            out.say(f">   {name}: {shown}")

    def response(received: httpx.Response) -> None:
        kind = received.headers.get("content-type", "-")
        out.say(f"< {received.status_code} {kind} ({redact_url(received.request.url)})")

    kt.http.event_hooks = {"request": [request], "response": [response]}


JSON = Annotated[bool, typer.Option("--json", help="JSON for machines: one object per line for lists.")]
CATALOG = Annotated[str | None, typer.Option("--catalog", help="Catalog id (default: config file, or the sandbox's).")]
OFFER = Annotated[str, typer.Argument(metavar="OFFER", help="Offer id or IRI.")]
ORDER = Annotated[str, typer.Argument(metavar="ORDER", help="Order id or IRI.")]


def build(sandbox_factory: Callable[[], Any] | None = None) -> typer.Typer:
    app = typer.Typer(
        help="The KorusTicket API from the command line: browse, export, book. "
        "Without credentials it runs on the built-in sandbox.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    state = State(sandbox_factory=sandbox_factory)

    @app.callback()
    def target(
        sandbox: Annotated[
            bool, typer.Option("--sandbox", help="The built-in sandbox (default without credentials).")
        ] = False,
        env: Annotated[str | None, typer.Option("--env", help="demo or production.")] = None,
        base_url: Annotated[str | None, typer.Option("--base-url", help="Another API root.")] = None,
        language: Annotated[str | None, typer.Option("--language", help="Accept-Language, e.g. fr.")] = None,
        debug: Annotated[
            bool, typer.Option("--debug", help="Show each request and response (redacted) on stderr.")
        ] = False,
    ) -> None:
        """Choose the API; credentials come from KORUSTICKET_* variables or `korusticket configure`."""
        state.language, state.debug = language, debug
        try:
            state.target = resolve_target(
                sandbox=sandbox, env=env, base_url=base_url, language=language, environ=dict(os.environ)
            )
        except ConfigurationError as error:
            Output(as_json=False).error(error)
            raise typer.Exit(EXIT_USAGE) from None

    @contextlib.contextmanager
    def running(as_json: bool = False) -> Iterator[tuple[KorusTicket, Output]]:
        out = Output(as_json=as_json)
        try:
            with debug_logging(state.debug):
                kt = state.client(out)
                with kt:
                    yield kt, out
        except (KorusTicketError, ValueError, TypeError) as error:
            out.error(error)
            raise typer.Exit(EXIT_USAGE if isinstance(error, ConfigurationError) else EXIT_ERROR) from None

    # ----------------------------------------------------------------------------------------- browse

    @app.command()
    def catalogs(as_json: JSON = False) -> None:
        """The catalogs this account may sell."""
        with running(as_json) as (kt, out):
            out.rows("Catalogs", kt.paginate(ops.list_catalogs), [("id", _get("id")), ("name", _get("name"))])

    @app.command("product-bases")
    def product_bases(catalog: CATALOG = None, as_json: JSON = False) -> None:
        """The product bases of a catalog: a park, a show, a museum."""
        with running(as_json) as (kt, out):
            rows = kt.paginate(ops.list_product_bases, catalog_id=state.catalog(catalog))
            columns = [
                ("id", _get("id")),
                ("name", _get("name")),
                ("sessions", _get("use_session")),
                ("time zone", _get("timezone")),
            ]
            out.rows("Product bases", rows, columns)

    @app.command()
    def products(catalog: CATALOG = None, as_json: JSON = False) -> None:
        """The products of a catalog: a product base with its options."""
        with running(as_json) as (kt, out):
            rows = kt.paginate(ops.list_products, catalog_id=state.catalog(catalog))
            out.rows("Products", rows, [("id", _get("id")), ("name", _get("name"))])

    @app.command()
    def offers(
        catalog: CATALOG = None,
        start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
        product: Annotated[str | None, typer.Option("--product", help="Only this product (id or IRI).")] = None,
        limit: Annotated[int | None, typer.Option("--limit", help="Stop after this many offers.")] = None,
        as_json: JSON = False,
    ) -> None:
        """Offers, a product on a day: price and places."""
        with running(as_json) as (kt, out):
            filters: dict[str, Any] = {"catalog_id": state.catalog(catalog), "max_items": limit, "prefetch": 4}
            if start:
                filters["date_after"] = _day(start, "--from")
            if end:
                filters["date_before"] = _day(end, "--to")
            if product:
                filters["product"] = _product_iri(product, filters["catalog_id"])
            rows = kt.paginate(ops.list_offers, **filters)
            out.rows("Offers", rows, OFFER_COLUMNS)

    @app.command()
    def offer(
        offer_id: OFFER,
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """One offer: its tickets and the sessions with places left."""
        with running(as_json) as (kt, out):
            choice = kt.offer_choice(_offer_ref(offer_id, state, catalog))
            if out.as_json:
                out.record("", {**choice.offer.to_dict(), "tickets": [_ticket_json(t) for t in choice.tickets]}, [])
                return
            out.record(
                "Offer",
                choice,
                [
                    ("id", lambda c: c.offer.id),
                    ("date", lambda c: c.offer.date),
                    ("price", lambda c: f"{c.price} {c.currency or ''}".strip()),
                    ("places", lambda c: "unlimited" if c.available is None else c.available),
                    ("named beneficiaries", lambda c: c.beneficiaries_may_be_required),
                ],
            )
            none: list[Any] = [None]
            sessions = [(t, s) for t in choice.tickets for s in (t.sessions or none)]
            out.rows(
                "Tickets",
                sessions,
                [
                    ("ticket", lambda r: r[0].id),
                    ("name", lambda r: r[0].ticket.name),
                    ("needs a session", lambda r: r[0].needs_session),
                    ("session", lambda r: r[1].id if r[1] else None),
                    ("starts", lambda r: r[1].session.occurs_at if r[1] else None),
                    ("places", lambda r: r[1].available if r[1] else None),
                ],
            )

    @app.command()
    def availability(
        offer_id: OFFER,
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """Places left for an offer now, per session."""
        with running(as_json) as (kt, out):
            catalog_id, identifier = _offer_ids(offer_id, state, catalog)
            found = kt.call(ops.get_offer_availability, catalog_id=catalog_id, id=identifier)
            if out.as_json:
                out.record("", found, [])
                return
            out.record("Availability", found, [("places", _get("available_quantity"))])
            sessions = _list(found.sessions_availability)
            out.rows(
                "Sessions",
                sessions,
                [("session", lambda s: str(s.session).rsplit("/", 1)[-1]), ("places", _get("available_quantity"))],
            )

    @app.command()
    def price(
        offer_id: OFFER,
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """The real-time price of an offer."""
        with running(as_json) as (kt, out):
            catalog_id, identifier = _offer_ids(offer_id, state, catalog)
            found = kt.call(ops.get_offer_price, catalog_id=catalog_id, id=identifier)
            out.record(
                "Price",
                found,
                [
                    ("amount incl. tax", _get("amount_incl_tax")),
                    ("amount excl. tax", _get("amount_excl_tax")),
                    ("currency", _get("currency")),
                ],
            )

    @app.command("seat-map")
    def seat_map(
        product_base: Annotated[str, typer.Argument(help="Product base id.")],
        seat_map_id: Annotated[str, typer.Argument(metavar="SEAT_MAP", help="Seat map id.")],
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """A seat map: its zones and seating categories."""
        with running(as_json) as (kt, out):
            found = kt.call(
                ops.get_seat_map, catalog_id=state.catalog(catalog), product_base_id=product_base, id=seat_map_id
            )
            if out.as_json:
                out.record("", found, [])
                return
            out.record("Seat map", found, [("id", _get("id"))])
            zones = _list(found.zones)
            out.rows("Zones", zones, [("code", _get("code")), ("name", _get("name"))])

    @app.command()
    def calendar(
        product: Annotated[str, typer.Argument(help="Product id or IRI.")],
        month: Annotated[str, typer.Option("--month", help="YYYY-MM.")],
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """Price and places per day of a month."""
        with running(as_json) as (kt, out):
            first = _month(month)
            last = first.replace(day=month_calendar.monthrange(first.year, first.month)[1])
            catalog_id = state.catalog(catalog)
            days = kt.calendar(catalog_id, first, last, product=_product_iri(product, catalog_id))
            out.rows(
                f"{first:%B %Y}",
                days,
                [
                    ("day", lambda d: d.day),
                    ("price", lambda d: d.price),
                    ("places", lambda d: "unlimited" if d.available is None else d.available),
                    ("offer", lambda d: d.offer.id),
                ],
            )

    # ----------------------------------------------------------------------------------------- export

    @app.command()
    def export(
        catalog_id: Annotated[str | None, typer.Argument(metavar="CATALOG", help="Catalog id.")] = None,
        out_dir: Annotated[Path, typer.Option("--out", help="Directory of the .jsonl files.")] = Path("export"),
        prefetch: Annotated[int, typer.Option("--prefetch", min=0, max=16, help="Pages fetched ahead.")] = 4,
    ) -> None:
        """A catalog as JSON Lines files; re-run to resume."""
        with running() as (kt, out):
            catalog = state.catalog(catalog_id)
            columns = (
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[pages]} pages"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
            )
            with Progress(*columns, console=out.errors, transient=False) as progress:
                tasks = {name: progress.add_task(name, total=None, pages=0, rate="") for name, _ in COLLECTIONS}

                def report(step: ExportProgress) -> None:
                    task = tasks[step.collection]
                    speed = progress.tasks[task].speed
                    rate = f"{speed:,.0f}/s" if speed else ""
                    progress.update(task, completed=step.items, total=step.total_items, pages=step.pages, rate=rate)

                counts = export_catalog(kt, catalog, out_dir, prefetch=prefetch, report=report)
            for name, count in counts.items():
                out.say(f"{out_dir / (name + '.jsonl')}: {count} lines")

    # ----------------------------------------------------------------------------------------- book

    @app.command()
    def book(
        offer_id: OFFER,
        reference: Annotated[str, typer.Option("--reference", help="Your external reference (max 50).")],
        email: Annotated[str, typer.Option("--customer-email")],
        firstname: Annotated[str, typer.Option("--customer-firstname")],
        lastname: Annotated[str, typer.Option("--customer-lastname")],
        quantity: Annotated[int, typer.Option("--quantity", min=1)] = 1,
        session: Annotated[
            list[str] | None, typer.Option("--session", help="SESSION, or TICKET=SESSION when several need one.")
        ] = None,
        catalog: CATALOG = None,
        as_json: JSON = False,
    ) -> None:
        """Reserve and order an offer, exactly once."""
        with running(as_json) as (kt, out):
            choice = kt.offer_choice(_offer_ref(offer_id, state, catalog))
            needing = [ticket for ticket in choice.tickets if ticket.needs_session]
            sessions = _sessions(session or [], needing)
            customer: Customer = {"firstname": firstname, "lastname": lastname, "email": email}
            booked = kt.book(
                Item(choice.offer, quantity=quantity, sessions=sessions),
                customer=customer,
                external_reference=reference,
            )
            held = booked.reservations[0] if booked.reservations else None
            if held is not None:
                out.say(f"reserved {held.total} until {held.expires_at:%Y-%m-%d %H:%M %Z} (server time)")
            out.rows("Orders", booked.orders, ORDER_COLUMNS)
            for failure in booked.failures:
                out.say(f"refused: {failure.reservation}: {failure.message}")
            if booked.failures:
                raise typer.Exit(EXIT_ERROR)

    @app.command()
    def orders(
        reference: Annotated[str, typer.Option("--reference", help="External reference.")],
        as_json: JSON = False,
    ) -> None:
        """The orders placed under an external reference."""
        with running(as_json) as (kt, out):
            out.rows("Orders", kt.find_orders(reference), ORDER_COLUMNS)

    @app.command()
    def order(
        order_id: ORDER,
        as_json: JSON = False,
    ) -> None:
        """One order and its tickets."""
        with running(as_json) as (kt, out):
            found = kt.find_order(order_id)
            if out.as_json:
                out.record("", found, [])
                return
            out.record("Order", found, ORDER_COLUMNS)
            tickets = [t for item in _list(found.items) for t in _list(item.tickets)]
            out.rows("Tickets", tickets, [("id", _get("id")), ("status", _get("status")), ("event", _get("event"))])

    @app.command()
    def beneficiary(
        order_id: ORDER,
        ticket: Annotated[str | None, typer.Option("--ticket", help="The ticket (IRI) to name.")] = None,
        firstname: Annotated[str | None, typer.Option("--firstname")] = None,
        lastname: Annotated[str | None, typer.Option("--lastname")] = None,
        date_of_birth: Annotated[str | None, typer.Option("--date-of-birth", help="YYYY-MM-DD.")] = None,
        as_json: JSON = False,
    ) -> None:
        """Tickets waiting for a named person; --ticket names one."""
        with running(as_json) as (kt, out):
            pending = kt.pending_beneficiaries(order_id)
            if ticket is None:
                out.rows(
                    "Tickets to name",
                    pending,
                    [
                        ("ticket", lambda p: p.iri),
                        ("fields", lambda p: ", ".join(p.required_fields)),
                        ("deadline", lambda p: p.deadline),
                    ],
                )
                return
            chosen = next((p for p in pending if ticket in (p.iri, p.ticket.id)), None)
            if chosen is None:
                raise ValueError(f"--ticket: {ticket} is not a ticket of {order_id} waiting for a beneficiary")
            if not firstname or not lastname:
                raise ValueError("--firstname and --lastname: required to name a beneficiary")
            person: dict[str, str] = {"firstname": firstname, "lastname": lastname}
            if date_of_birth:
                person["dateOfBirth"] = date_of_birth
            named = kt.set_beneficiary(chosen, person)  # type: ignore[arg-type]
            out.record("Ticket", named, [("id", _get("id")), ("status", _get("status"))])

    documents = typer.Typer(help="An order's documents: download them.", no_args_is_help=True)
    app.add_typer(documents, name="documents")

    @documents.command("download")
    def download(
        order_id: ORDER,
        out_dir: Annotated[Path, typer.Option("--out", help="Directory to write into.")] = Path("."),
    ) -> None:
        """Download an order's documents as PDF files.

        The JWT is never sent to the storage host.
        """
        with running() as (kt, out):
            out_dir.mkdir(parents=True, exist_ok=True)
            for path in kt.download_documents(order_id, out_dir, language=state.language):
                out.console.print(str(path))

    # ----------------------------------------------------------------------------------------- setup, demo

    @app.command()
    def configure(
        env: Annotated[str, typer.Option("--env", help="demo or production.")] = "demo",
        client_id: Annotated[str | None, typer.Option("--client-id")] = None,
        catalog: Annotated[str | None, typer.Option("--catalog", help="Default catalog id.")] = None,
        token_url: Annotated[str | None, typer.Option("--token-url")] = None,
    ) -> None:
        """Save credentials in your config file (mode 0600).

        The client secret is read from KORUSTICKET_CLIENT_SECRET or asked for, never echoed or printed.
        """
        out = Output(as_json=False)
        path = config_path(dict(os.environ))
        try:
            settings = read_config(path)
            settings["env"] = check_env(env)
            settings["client_id"] = client_id or typer.prompt("Client id", default=settings.get("client_id"))
            secret = os.environ.get("KORUSTICKET_CLIENT_SECRET") or getpass.getpass("Client secret (not shown): ")
            if not secret:
                raise ConfigurationError("client secret: required")
            settings["client_secret"] = secret
            for key, value in (("catalog", catalog), ("token_url", token_url)):
                if value:
                    settings[key] = value
            write_config(path, {key: settings[key] for key in CONFIG_KEYS if key in settings})
        except ConfigurationError as error:
            out.error(error)
            raise typer.Exit(EXIT_USAGE) from None
        out.say(f"saved {path} (readable by you only): env {env}, client id {settings['client_id']}")

    @app.command()
    def demo() -> None:
        """A booking journey on the sandbox (`make demo`)."""
        from korusticket.testing.demo import main as run_demo

        run_demo()

    sandbox_commands = typer.Typer(help="The KorusTicket sandbox: a fake API for tests.", no_args_is_help=True)
    app.add_typer(sandbox_commands, name="sandbox")

    @sandbox_commands.command()
    def serve(
        port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8080,
        host: Annotated[str, typer.Option(help="Address to listen on (keep it on loopback).")] = "127.0.0.1",
        seed: Annotated[int, typer.Option(help="Seed of the generated catalog.")] = 0,
        offers: Annotated[int, typer.Option(help="How many offers to generate.")] = 240,
        frozen_clock: Annotated[bool, typer.Option(help="Stop the clock (move it with POST /_sandbox/clock).")] = False,
    ) -> None:
        """Serve the sandbox over HTTP, e.g. for tests written in another language."""
        from korusticket.cli.serve import serve_sandbox

        serve_sandbox(port=port, host=host, seed=seed, offers=offers, frozen_clock=frozen_clock)

    return app


# --------------------------------------------------------------------------------------------- helpers


def _get(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, name, None)


def _list(value: Any) -> list[Any]:
    return [] if value is None or isinstance(value, Unset) else list(value)


OFFER_COLUMNS: list[Column] = [
    ("id", _get("id")),
    ("date", _get("date")),
    ("product", lambda o: getattr(o.product, "name", None)),
    ("price", lambda o: getattr(o.price, "amount_incl_tax", None)),
    ("places", _get("available_quantity")),
]
ORDER_COLUMNS: list[Column] = [
    ("id", _get("id")),
    ("reference", _get("reference")),
    ("external reference", _get("external_reference")),
    ("status", _get("status")),
    ("total", _get("total_amount_incl_tax")),
]


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option}: expected a day as YYYY-MM-DD, got {value!r}") from None


def _month(value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}", value):
        raise ValueError(f"--month: expected YYYY-MM, got {value!r}")
    return _day(f"{value}-01", "--month")


def _offer_ref(value: str, state: State, catalog: str | None) -> str:
    """An offer IRI from an IRI, or an id and the catalog."""
    if "/" in value:
        return value
    return iri.offer(state.catalog(catalog), iri.check_id(value, "offer"))


def _offer_ids(value: str, state: State, catalog: str | None) -> tuple[str, str]:
    parsed = iri.parse(_offer_ref(value, state, catalog))
    if parsed.kind != "offer":
        raise ValueError(f"offer: expected an offer IRI, got the IRI of a {parsed.kind}")
    return parsed.identifiers["catalog_id"], parsed.identifiers["id"]


def _product_iri(value: str, catalog: str) -> str:
    return value if "/" in value else iri.product(catalog, iri.check_id(value, "product"))


def _sessions(given: list[str], needing: list[Any]) -> dict[str, str | None]:
    """`--session` values as the booking's ticket -> session map, with errors that list the choices."""
    if not needing:
        if given:
            raise ValueError("--session: this offer's tickets are all-day: they take no session")
        return {}
    if not given:
        listing = "; ".join(
            f"ticket {t.id} ({t.ticket.name}): " + ", ".join(s.id for s in t.sessions[:5]) for t in needing
        )
        raise ValueError(f"--session: this offer needs a session per ticket; choose among {listing}")
    chosen: dict[str, str | None] = {}
    for value in given:
        ticket, equals, session = value.partition("=")
        if not equals:
            if len(needing) > 1 or len(given) > 1:
                raise ValueError("--session: several tickets need a session: give TICKET=SESSION for each")
            ticket, session = needing[0].id, value
        chosen[ticket] = session
    return chosen


def _ticket_json(choice: Any) -> dict[str, Any]:
    return {
        "id": choice.id,
        "name": choice.ticket.name,
        "needsSession": choice.needs_session,
        "sessions": [{"id": s.id, "available": s.available} for s in choice.sessions],
    }
