"""The application as a whole: its help, `--version`, the default target, `--debug`, error lines, `python -m`."""

from __future__ import annotations

import re
import subprocess
import sys

from korusticket import __api_version__, __version__
from korusticket.cli import make_app
from korusticket.testing import Sandbox
from tests.cli.helpers import lines, run, runner


def test_help_lists_every_command_on_one_line_each(sandbox: Sandbox) -> None:
    result = runner.invoke(make_app(lambda: sandbox), ["--help"], env={"COLUMNS": "100"}, terminal_width=100)
    assert result.exit_code == 0
    listing = result.stdout[result.stdout.index("Commands:") :].splitlines()[1:]
    rows = [re.match(r"  (\S*)\s+(.*?)\s*$", line) for line in listing if line.strip()]
    named = [row.group(1) for row in rows if row and row.group(1)]
    assert all(row and not row.group(2).endswith("...") for row in rows), "a command's help is cut short"
    expected = [
        "catalogs", "product-bases", "products", "offers", "offer", "availability", "price", "seat-map",
        "calendar", "export", "book", "orders", "order", "beneficiary", "configure", "demo", "documents", "sandbox",
    ]  # fmt: skip
    assert named == expected
    assert len(rows) == len(expected), "a command's help wraps onto a second line"


def test_version_names_the_sdk_and_the_api_version(sandbox: Sandbox) -> None:
    result = run(sandbox, "--version")
    assert result.stdout == f"korusticket {__version__} (KorusTicket API {__api_version__})\n"
    assert "using the built-in sandbox" not in result.stderr  # eager: no target chosen, nothing else run


def test_the_sandbox_is_the_default_without_credentials_and_it_says_so(sandbox: Sandbox) -> None:
    result = run(sandbox, "catalogs")
    assert "using the built-in sandbox" in result.stderr
    assert "Parc des Lumières" in result.stdout
    assert "using the built-in sandbox" not in run(sandbox, "--sandbox", "catalogs").stderr


def test_errors_print_one_clear_line_and_exit_non_zero(sandbox: Sandbox) -> None:
    result = run(sandbox, "offers", "--from", "2025-02-31", code=2)  # a bad value on the command line: usage
    assert result.stderr.strip().splitlines()[-1] == "error: --from: expected a day as YYYY-MM-DD, got '2025-02-31'"
    assert result.stdout == ""
    bad_id = run(sandbox, "order", "not-an-id", code=2)
    assert "error: order: expected a UUID" in bad_id.stderr
    assert run(sandbox, "--env", "staging", "catalogs", code=2).stderr.startswith("error: --env: expected demo")


def test_an_api_error_shows_its_status_once(sandbox: Sandbox) -> None:
    unknown = "0194ac40-fda7-78c1-8fcb-26fc2df25894"
    missing = run(sandbox, "price", unknown, code=1)
    (line,) = [line for line in missing.stderr.splitlines() if line.startswith("error:")]
    assert line.startswith("error: 404 Not Found on GET ")
    assert line.count("404") == 1, line


def test_debug_shows_requests_with_the_token_redacted(sandbox: Sandbox) -> None:
    result = run(sandbox, "--debug", "catalogs", "--json")
    assert "> GET https://api.demo.korusticket.com/v1/ticketing/catalogs" in result.stderr
    assert "authorization: Bearer [REDACTED]" in result.stderr
    assert "< 200 application/ld+json" in result.stderr
    assert sandbox.state.access_tokens
    for token in sandbox.state.access_tokens:
        assert token not in result.stderr + result.stdout
    assert [c["id"] for c in lines(result)]  # stdout stays clean JSON


def test_python_dash_m_korusticket_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "korusticket", "--help"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "export" in result.stdout


def test_demo_runs_the_booking_journey() -> None:
    result = runner.invoke(make_app(), ["demo"])
    assert result.exit_code == 0, result.stdout
    assert "recovered: True" in result.stdout
    assert "JWT sent to the storage host: False" in result.stdout
