"""What every command shares: the run's `State` (in the typer context), the `running` block that builds the client
and turns errors into one line and an exit code, and the options several commands take."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from korusticket.cli import arguments
from korusticket.cli.config import Target
from korusticket.cli.output import Output
from korusticket.errors import REDACTED, ConfigurationError, KorusTicketError, redact_url
from korusticket.logs import sdk_log_to_stderr

if TYPE_CHECKING:  # the client loads when a command runs, not for `--help`
    import httpx

    from korusticket import KorusTicket

__all__ = [
    "CATALOG",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "JSON",
    "OFFER",
    "ORDER",
    "Settings",
    "State",
    "running",
    "state_of",
]

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""128 + SIGINT, what a shell reports for a command stopped by Ctrl-C."""

JSON = Annotated[bool, typer.Option("--json", help="JSON for machines: one object per line for lists.")]
CATALOG = Annotated[
    str | None,
    typer.Option(
        "--catalog", callback=arguments.catalog_id, help="Catalog id (default: config file, or the sandbox's)."
    ),
]
OFFER = Annotated[str, typer.Argument(metavar="OFFER", callback=arguments.resource("offer"), help="Offer id or IRI.")]
ORDER = Annotated[str, typer.Argument(metavar="ORDER", callback=arguments.resource("order"), help="Order id or IRI.")]


@dataclass(frozen=True)
class Settings:
    """What the application is built with (`make_app`), before any option is read."""

    sandbox_factory: Callable[[], Any] | None = None
    """Replaces the fresh, seeded sandbox of `--sandbox` (tests share one between commands)."""


@dataclass
class State:
    """What the global options chose, shared by the commands of one run through `ctx.obj`."""

    settings: Settings
    target: Target | None = None
    language: str | None = None
    debug: bool = False
    sandbox: Any = None

    def client(self, out: Output) -> KorusTicket:
        from korusticket.client import KorusTicket

        if self.target is None:
            raise ConfigurationError("no target chosen")
        if self.target.why:
            out.say(f"note: {self.target.why}")
        if self.target.kind == "sandbox":
            options: dict[str, Any] = {"language": self.language} if self.language else {}
            kt: KorusTicket = self.the_sandbox().client(**options)
        else:
            kt = KorusTicket(**self.target.options)
        if self.debug:
            _trace(kt, out)
        return kt

    def the_sandbox(self) -> Any:
        if self.sandbox is None:
            if self.settings.sandbox_factory is not None:
                self.sandbox = self.settings.sandbox_factory()
            else:
                from korusticket.testing import Sandbox

                self.sandbox = Sandbox(seed=0)
        return self.sandbox

    def catalog(self, given: str | None) -> str:
        """`--catalog`, else the configured default, else the sandbox's park catalog."""
        from korusticket import iri

        chosen = given or (self.target.catalog if self.target else None)
        if chosen:
            return iri.check_id(chosen, "catalog")
        if self.target is not None and self.target.kind == "sandbox":
            return str(self.the_sandbox().catalog_id)
        raise ConfigurationError("--catalog: required (or set KORUSTICKET_CATALOG, or `catalog` in the config file)")

    def offer_ref(self, value: str, catalog: str | None) -> str:
        """An offer IRI from an IRI, or an id and the catalog."""
        from korusticket import iri

        if "/" in value:
            return value
        return iri.offer(self.catalog(catalog), iri.check_id(value, "offer"))

    def offer_ids(self, value: str, catalog: str | None) -> tuple[str, str]:
        """The catalog id and offer id of an offer given as an id or IRI."""
        from korusticket import iri

        parsed = iri.parse(self.offer_ref(value, catalog))
        if parsed.kind != "offer":
            raise ValueError(f"offer: expected an offer IRI, got the IRI of a {parsed.kind}")
        return parsed.identifiers["catalog_id"], parsed.identifiers["id"]


def state_of(ctx: typer.Context) -> State:
    """The run's state, which the global options' callback put in the context."""
    state = ctx.find_object(State)
    if state is None:  # a command invoked without the application's callback
        raise RuntimeError("korusticket: command run outside its application")
    return state


@contextlib.contextmanager
def running(ctx: typer.Context, as_json: bool = False) -> Iterator[tuple[KorusTicket, Output]]:
    """The block of a command that talks to the API: a client, and every error as one line and an exit code."""
    state = state_of(ctx)
    out = Output(as_json=as_json)
    try:
        with sdk_log_to_stderr("debug" if state.debug else None, prefix="debug: "):
            kt = state.client(out)
            with kt:
                yield kt, out
    except (KorusTicketError, ValueError, TypeError) as error:
        out.error(error)
        raise typer.Exit(EXIT_USAGE if isinstance(error, ConfigurationError) else EXIT_ERROR) from None


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
