"""The `korusticket` command: browse a catalog, export it, book, and serve the sandbox.

    korusticket catalogs                       # the built-in sandbox when no credentials are configured
    korusticket --env demo offers CATALOG --from 2025-06-01 --to 2025-06-07 --json
    korusticket export CATALOG --out exports/  # resumes where an interrupted run stopped

Needs the `cli` extra (`pip install 'korusticket[cli]'`): typer and rich. `python -m korusticket` works too.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["main", "make_app"]


def main() -> None:
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


@contextlib.contextmanager
def debug_logging(enabled: bool) -> Iterator[None]:
    """`--debug`: the SDK's own log (token fetches, retries) on stderr. Requests and responses are shown by the
    command's client hooks, redacted; httpx's log would repeat each of them."""
    if not enabled:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("debug: %(message)s"))
    logger = logging.getLogger("korusticket")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
