"""The SDK's own log on stderr, switched on with `KORUSTICKET_LOG=info|debug` (read when `korusticket` is imported)
or `korusticket.logs.log_to_stderr("info")` from code.

- `info`: token fetches, retries and their waits, lost answers being settled (the `korusticket` logger), and one
  line per HTTP request (the `httpx` logger).
- `debug`: the same, and the SDK's debug lines.

Nothing secret reaches these lines: the SDK's messages never hold a token, a client secret or a signed URL, and the
`httpx` logger drops the query of a signed download URL (`_http.RedactSignedURLs`, installed on import). Without the
switch the SDK logs nowhere (a library leaves the handlers to the application); an application with its own logging
leaves the switch off and sets the level of the `korusticket` logger instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

__all__ = ["ENVIRONMENT_VARIABLE", "LEVELS", "apply_environment", "log_to_stderr", "sdk_log_to_stderr"]

ENVIRONMENT_VARIABLE = "KORUSTICKET_LOG"
LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """A handler writing to whatever `sys.stderr` is when a line is logged (a test or a CLI may replace it)."""

    def __init__(self, prefix: str | None = None) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter(f"{prefix}%(message)s" if prefix is not None else FORMAT))

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:  # StreamHandler.__init__ assigns it: always sys.stderr instead
        pass


def _level(value: str, where: str) -> int:
    level = LEVELS.get(value.strip().lower())
    if level is None:
        raise ValueError(f"{where}: expected {' or '.join(LEVELS)}, got {value!r}")
    return level


def log_to_stderr(level: str = "info") -> None:
    """Send the SDK's log (and httpx's request lines) to stderr from `level` up; calling it again changes the level."""
    chosen = _level(level, "level")
    for name in ("korusticket", "httpx"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, _Stderr) for handler in logger.handlers):
            logger.addHandler(_Stderr())
        logger.setLevel(chosen)


def apply_environment(environ: Mapping[str, str] | None = None) -> None:
    """`KORUSTICKET_LOG=info|debug`: `log_to_stderr` at that level (unset, empty or `off`: nothing).

    Run when `korusticket` is imported; any other value warns once and leaves the log off.
    """
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "")
    if value.strip().lower() in ("", "off"):
        return
    try:
        log_to_stderr(value)
    except ValueError:
        warnings.warn(
            f"{ENVIRONMENT_VARIABLE}: expected {' or '.join(LEVELS)} (or off), got {value!r}; the SDK's log stays off",
            RuntimeWarning,
            stacklevel=2,
        )


@contextlib.contextmanager
def sdk_log_to_stderr(level: str | None, *, prefix: str) -> Iterator[None]:
    """The `korusticket` logger on stderr for the duration of a block, each line after `prefix` (the CLI's
    `--debug`; it shows requests itself, so httpx's lines are left out). `None`: nothing."""
    if level is None:
        yield
        return
    handler = _Stderr(prefix)
    logger = logging.getLogger("korusticket")
    before = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(_level(level, "level"), before or logging.WARNING))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(before)
