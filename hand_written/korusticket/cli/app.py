"""The `korusticket` application: the global options, and each command group's module-level functions registered
in the order `--help` lists them. A command finds the run's `State` in its typer context (`cli.context`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any

import typer

from korusticket.cli import arguments, booking, browse, export, month, sandbox, setup
from korusticket.cli.config import resolve_target
from korusticket.cli.context import EXIT_USAGE, Settings, State
from korusticket.cli.output import Output
from korusticket.errors import ConfigurationError

__all__ = ["build"]

HELP_MARKUP = None
"""Help and usage errors in click's plain layout: typer's rich layout imports rich's markdown and traceback renderers
(~0.2 s of a 0.35 s `korusticket --help`; the target is 0.3 s, make bench: start-up)."""

COMMANDS: tuple[tuple[str, Callable[..., None]], ...] = (
    ("catalogs", browse.catalogs),
    ("product-bases", browse.product_bases),
    ("products", browse.products),
    ("offers", browse.offers),
    ("offer", browse.offer),
    ("availability", browse.availability),
    ("price", browse.price),
    ("seat-map", browse.seat_map),
    ("calendar", month.calendar),
    ("export", export.export),
    ("book", booking.book),
    ("orders", booking.orders),
    ("order", booking.order),
    ("beneficiary", booking.beneficiary),
    ("configure", setup.configure),
    ("demo", setup.demo),
)
GROUPS: tuple[tuple[str, str, tuple[tuple[str, Callable[..., None]], ...]], ...] = (
    ("documents", "An order's documents: download them.", (("download", booking.download),)),
    ("sandbox", "The KorusTicket sandbox: a fake API for tests.", (("serve", sandbox.serve),)),
)


def show_version(asked: bool) -> None:
    """`--version`: the SDK's version and the API version it is generated for."""
    if asked:
        from korusticket import __api_version__, __version__

        typer.echo(f"korusticket {__version__} (KorusTicket API {__api_version__})")
        raise typer.Exit()


def choose_target(
    ctx: typer.Context,
    sandbox: Annotated[
        bool, typer.Option("--sandbox", help="The built-in sandbox (default without credentials).")
    ] = False,
    env: Annotated[str | None, typer.Option("--env", help="demo or production.")] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", callback=arguments.base_url, help="Another API root.")
    ] = None,
    language: Annotated[
        str | None, typer.Option("--language", callback=arguments.language, help="Accept-Language, e.g. fr.")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show each request and response (redacted) on stderr.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Choose the API; credentials come from KORUSTICKET_* variables or `korusticket configure`."""
    settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
    state = State(settings=settings, language=language, debug=debug)
    ctx.obj = state
    try:
        state.target = resolve_target(
            sandbox=sandbox, env=env, base_url=base_url, language=language, environ=dict(os.environ)
        )
    except ConfigurationError as error:
        Output(as_json=False).error(error)
        raise typer.Exit(EXIT_USAGE) from None


def build(sandbox_factory: Callable[[], Any] | None = None) -> typer.Typer:
    """The application; `sandbox_factory` replaces the sandbox `--sandbox` builds (see `Settings`)."""
    app = typer.Typer(
        help="The KorusTicket API from the command line: browse, export, book. "
        "Without credentials it runs on the built-in sandbox.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=HELP_MARKUP,
        context_settings={"obj": Settings(sandbox_factory=sandbox_factory)},
    )
    app.callback()(choose_target)
    for name, command in COMMANDS:
        app.command(name)(command)
    for name, help_text, commands in GROUPS:
        group = typer.Typer(help=help_text, no_args_is_help=True, rich_markup_mode=HELP_MARKUP)
        for sub_name, command in commands:
            group.command(sub_name)(command)
        app.add_typer(group, name=name)
    return app
