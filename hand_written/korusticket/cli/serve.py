"""`korusticket sandbox serve`: the sandbox over HTTP on loopback (needs the `serve` extra: uvicorn)."""

from __future__ import annotations

import sys
from typing import Any


def serve_sandbox(*, port: int, host: str, frozen_clock: bool, **sandbox_options: Any) -> None:
    """Serve a `Sandbox(**sandbox_options)` until interrupted, after printing how to reach it.

    The socket is bound before anything is printed, so `--port 0` (any free port) prints the port it got."""
    try:
        import uvicorn
    except ImportError:
        sys.exit("korusticket: serving the sandbox needs uvicorn: pip install 'korusticket[serve]'")
    import typer

    from korusticket.cli.banner import banner
    from korusticket.testing.asgi import create_app
    from korusticket.testing.served import _listening

    app = create_app(port=port, frozen_clock=frozen_clock, **sandbox_options) if port else None  # checked first
    try:
        listener = _listening(host, port)
    except OSError as error:
        sys.exit(f"korusticket: cannot listen on {host}:{port}: {error.strerror or error}")
    if app is None:  # --port 0: the port the system gave decides the sandbox's URLs
        port = listener.getsockname()[1]
        try:
            app = create_app(port=port, frozen_clock=frozen_clock, **sandbox_options)
        except BaseException:
            listener.close()
            raise
    for line in banner(app.sandbox, host, port, frozen_clock=frozen_clock):
        typer.echo(line)
    # The sandbox dates its answers by its own clock (reservations expire on it), not uvicorn's.
    config = uvicorn.Config(app, log_level="warning", date_header=False)
    uvicorn.Server(config).run(sockets=[listener])
