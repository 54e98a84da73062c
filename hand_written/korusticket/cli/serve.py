"""`korusticket sandbox serve`: the sandbox over HTTP on loopback (needs the `serve` extra: uvicorn)."""

from __future__ import annotations

import sys
from typing import Any


def serve_sandbox(*, port: int, host: str, frozen_clock: bool, **sandbox_options: Any) -> None:
    """Serve a `Sandbox(**sandbox_options)` until interrupted, after printing how to reach it."""
    try:
        import uvicorn
    except ImportError:
        sys.exit("korusticket: serving the sandbox needs uvicorn: pip install 'korusticket[serve]'")
    import typer

    from korusticket.cli.banner import banner
    from korusticket.testing.asgi import SandboxASGI
    from korusticket.testing.clock import SandboxClock
    from korusticket.testing.sandbox import Sandbox

    storage = f"http://localhost:{port}/_storage"
    clock = SandboxClock(ticking=not frozen_clock)
    sandbox = Sandbox(storage_url=storage, clock=clock, **sandbox_options)
    for line in banner(sandbox, host, port, frozen_clock=frozen_clock):
        typer.echo(line)
    # The sandbox dates its answers by its own clock (reservations expire on it), not uvicorn's.
    uvicorn.run(SandboxASGI(sandbox), host=host, port=port, log_level="warning", date_header=False)
