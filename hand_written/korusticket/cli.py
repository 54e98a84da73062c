"""The `korusticket` command: `korusticket sandbox serve --port 8080`."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        import typer
        import uvicorn
    except ImportError:
        sys.exit("korusticket: the command line needs extra packages: pip install 'korusticket[serve]'")

    from korusticket.testing.asgi import SandboxASGI
    from korusticket.testing.clock import SandboxClock
    from korusticket.testing.sandbox import Sandbox

    app = typer.Typer(help="KorusTicket SDK tools.", no_args_is_help=True)
    sandbox_commands = typer.Typer(help="The KorusTicket sandbox: a fake API for tests.", no_args_is_help=True)
    app.add_typer(sandbox_commands, name="sandbox")

    @sandbox_commands.command()
    def serve(
        port: int = typer.Option(8080, help="TCP port to listen on."),
        host: str = typer.Option("127.0.0.1", help="Address to listen on (keep it on loopback)."),
        seed: int = typer.Option(0, help="Seed of the generated catalog."),
        offers: int = typer.Option(240, help="How many offers to generate."),
        frozen_clock: bool = typer.Option(False, help="Stop the clock (move it with POST /_sandbox/clock)."),
    ) -> None:
        """Serve the sandbox over HTTP, e.g. for tests written in another language."""
        storage = f"http://localhost:{port}/_storage"
        sandbox = Sandbox(seed=seed, offers=offers, storage_url=storage, clock=SandboxClock(ticking=not frozen_clock))
        base = f"http://{host}:{port}"
        typer.echo(f"KorusTicket sandbox on {base} (seed {seed}, {offers} offers)")
        typer.echo(f"  token URL      {sandbox.token_url(base)}")
        typer.echo(f"  client id      {sandbox.client_id}")
        typer.echo(f"  client secret  {sandbox.client_secret}")
        typer.echo(f"  catalogs       {sandbox.catalog_id} (park), {sandbox.stadium_catalog_id} (stadium)")
        typer.echo("  Python client  KorusTicket(")
        typer.echo(f"                     base_url={base!r},")
        typer.echo(f"                     token_url={sandbox.token_url(base)!r},")
        typer.echo(f"                     client_id={sandbox.client_id!r}, client_secret={sandbox.client_secret!r},")
        typer.echo("                 )  # or KORUSTICKET_BASE_URL, KORUSTICKET_TOKEN_URL, KORUSTICKET_CLIENT_ID/SECRET")
        # The sandbox dates its answers by its own clock (reservations expire on it), not uvicorn's.
        uvicorn.run(SandboxASGI(sandbox), host=host, port=port, log_level="warning", date_header=False)

    app()


if __name__ == "__main__":
    main()
