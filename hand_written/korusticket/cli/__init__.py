"""The `korusticket` command: browse a catalog, export it, book, and serve the sandbox.

    korusticket catalogs                       # the built-in sandbox when no credentials are configured
    korusticket --env demo offers CATALOG --from 2025-06-01 --to 2025-06-07 --json
    korusticket export CATALOG --out exports/  # resumes where an interrupted run stopped

Needs the `cli` extra (`pip install 'korusticket[cli]'`): typer and rich. `python -m korusticket` works too.

One module per command group, each command a module-level function that finds the run's state in its typer
context: `app` (the application and global options), `context` (the state, the client, errors as one line),
`browse`, `month` (`calendar`), `export`, `booking` (book, orders, documents), `setup` (`configure`, `demo`),
`sandbox` (`sandbox serve`, run by `serve` with its banner from `banner`); `config` reads and writes the config
file, `output` prints tables and JSON.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["main", "make_app"]


def main() -> None:
    """The console script."""
    try:
        import rich  # noqa: F401
        import typer  # noqa: F401
    except ImportError:
        sys.exit("korusticket: the command line needs extra packages: pip install 'korusticket[cli]'")
    make_app()()


def make_app(sandbox_factory: Callable[[], Any] | None = None) -> Any:
    """The typer application. `sandbox_factory` replaces the fresh, seeded sandbox `--sandbox` uses
    (tests share one between commands)."""
    from korusticket.cli.app import build

    return build(sandbox_factory)
