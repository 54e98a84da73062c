"""`korusticket sandbox serve`: the sandbox over HTTP on loopback (needs the `serve` extra: uvicorn)."""

from __future__ import annotations

import sys


def serve_sandbox(*, port: int, host: str, seed: int, offers: int, frozen_clock: bool) -> None:
    try:
        import uvicorn
    except ImportError:
        sys.exit("korusticket: serving the sandbox needs uvicorn: pip install 'korusticket[serve]'")
    import typer

    from korusticket.testing.asgi import SandboxASGI
    from korusticket.testing.clock import SandboxClock
    from korusticket.testing.sandbox import Sandbox

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
    typer.echo(f"  command line   korusticket --base-url {base} ... with KORUSTICKET_TOKEN_URL set as above")
    # The sandbox dates its answers by its own clock (reservations expire on it), not uvicorn's.
    uvicorn.run(SandboxASGI(sandbox), host=host, port=port, log_level="warning", date_header=False)
