"""Running the `korusticket` command in tests: in process through typer's runner, or as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

from typer.testing import CliRunner

from korusticket.cli import make_app
from korusticket.testing import Sandbox

runner = CliRunner()


def run(sandbox: Sandbox, *args: str, code: int = 0) -> Any:
    """`korusticket ARGS` in process on `sandbox`; the exit code must be `code`."""
    result = runner.invoke(make_app(lambda: sandbox), list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def lines(result: Any) -> list[dict[str, Any]]:
    """The JSON Lines a command printed on stdout."""
    return [json.loads(line) for line in result.stdout.splitlines()]


def command_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a `korusticket` process: no KORUSTICKET_* variable of the caller's, no config file."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("KORUSTICKET_")}
    env["KORUSTICKET_CONFIG"] = "/nonexistent/korusticket/config.json"
    env.update(extra or {})
    return env


def run_process(
    *args: str, env: Mapping[str, str] | None = None, prefix: tuple[str, ...] = (), timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m korusticket ARGS` as a real process (`prefix` runs it under another command, e.g. unshare)."""
    return subprocess.run(  # noqa: S603 - our own module
        [*prefix, sys.executable, "-m", "korusticket", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env=command_env(env),
    )
