"""`korusticket sandbox serve`: the sandbox over HTTP, with a flag for each of its server-rule switches."""

from __future__ import annotations

from typing import Annotated

import typer

from korusticket.cli import arguments
from korusticket.cli.context import EXIT_USAGE

__all__ = ["serve"]


def serve(
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port to listen on.")] = 8080,
    host: Annotated[
        str, typer.Option(callback=arguments.host, help="Address to listen on (keep it on loopback).")
    ] = "127.0.0.1",
    seed: Annotated[int, typer.Option(help="Seed of the generated catalog.")] = 0,
    offers: Annotated[int, typer.Option(help="How many offers to generate, over both catalogs.")] = 240,
    catalog_offers: Annotated[
        int | None, typer.Option(help="Exactly this many offers in the park catalog (instead of --offers).")
    ] = None,
    frozen_clock: Annotated[bool, typer.Option(help="Stop the clock (move it with POST /_sandbox/clock).")] = False,
    double_ordering: Annotated[
        bool, typer.Option(help="Let a reservation already ordered be ordered again (the harsher server).")
    ] = False,
    created_status: Annotated[
        int, typer.Option(help="Status of a successful bulk POST: 200 (the vendor's pages) or 201 (API Platform's).")
    ] = 200,
    exact_date_filter: Annotated[
        bool, typer.Option(help="Honour ?date= on offers; --no-exact-date-filter ignores it, as API Platform may.")
    ] = True,
    reservation_minutes: Annotated[
        float,
        typer.Option(min=0.01, callback=arguments.minutes, help="How long a reservation holds its places, in minutes."),
    ] = 15,
    token_lifetime: Annotated[int, typer.Option(min=1, help="Lifetime of an access token, in seconds.")] = 1800,
) -> None:
    """Serve the sandbox over HTTP, e.g. for tests written in another language; prints the variables to export."""
    from datetime import timedelta

    from korusticket.cli.serve import serve_sandbox
    from korusticket.errors import InvalidRequestError

    if created_status not in (200, 201):
        raise typer.BadParameter(f"expected 200 or 201, got {created_status}", param_hint="--created-status")

    try:
        serve_sandbox(
            port=port,
            host=host,
            frozen_clock=frozen_clock,
            seed=seed,
            offers=offers,
            catalog_offers=catalog_offers,
            double_ordering=double_ordering,
            created_status=created_status,
            exact_date_filter=exact_date_filter,
            reservation_lifetime=timedelta(minutes=reservation_minutes),
            token_lifetime=token_lifetime,
        )
    except InvalidRequestError as error:  # a setting the sandbox refuses: named as the option it came from
        from korusticket.cli.output import Output

        detail = str(error).split(": ", 1)[-1]
        Output(as_json=False).say(f"error: --{error.argument.replace('_', '-')}: {detail}")
        raise typer.Exit(EXIT_USAGE) from None
