"""What the command fuzz (`fuzz_commands.py`) found, one regression test each (issue 20, point 8): a bad value is one
line naming the option, exit 2, before any request; it used to name the SDK's argument, be sent, or be ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from korusticket.testing import Sandbox
from tests.cli.helpers import run

UUID = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
PERSON = ("--customer-email", "ada@example.com", "--customer-firstname", "Ada", "--customer-lastname", "Lovelace")


def error_line(result: object) -> str:
    (line,) = [text for text in result.stderr.splitlines() if text.startswith("error:")]  # type: ignore[attr-defined]
    return line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # named the SDK's argument (external_reference, customer.firstname), not the option
        (("book", UUID, "--reference", "R\x00", *PERSON), "error: --reference: must not contain control characters"),
        (("orders", "--reference", " R-1"), "error: --reference: must not start or end with spaces"),
        (("book", UUID, "--reference", "R-1", *PERSON[:3], "A\u202eda", *PERSON[4:]), "error: --customer-firstname:"),
        (("book", UUID, "--reference", "R-1", "--customer-email", "ada", *PERSON[2:]), "error: --customer-email:"),
        (("--language", "fr\n", "catalogs"), "error: --language: expected a language tag"),
        (("seat-map", UUID, "not-a-uuid"), "error: seat_map: expected a UUID"),
        # were sent, or ignored for the default
        (("offers", "--catalog", ""), "error: --catalog: must not be empty"),
        (("offers", "--from", ""), "error: --from: must not be empty"),
        (("beneficiary", UUID, "--firstname", "Ada\x1b[2J"), "error: --firstname: must not contain control"),
        (("beneficiary", UUID, "--date-of-birth", "1990-02-31"), "error: --date-of-birth: expected a day"),
        (("book", UUID, "--reference", "R-1", *PERSON, "--quantity", str(2**70)), "Error: Invalid value for '--quan"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_option(sandbox: Sandbox, args: tuple[str, ...], expected: str) -> None:
    result = run(sandbox, *args, code=2)
    line = error_line(result) if expected.startswith("error:") else result.stderr.strip().splitlines()[-1]
    assert line.startswith(expected), result.stderr
    assert sandbox.state.handled == []  # nothing reached the sandbox, not even a token request


def test_an_empty_out_directory_is_refused(sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert error_line(run(sandbox, "export", "--out", "", code=2)) == "error: --out: expected a directory path, got ''"
    assert error_line(run(sandbox, "documents", "download", UUID, "--out", "", code=2)).startswith("error: --out:")
    assert list(tmp_path.iterdir()) == []  # the export used to go into the working directory


def test_configure_refuses_what_it_would_save(sandbox: Sandbox, no_credentials: Path) -> None:
    for args, option in (
        (("--catalog", "not-a-uuid"), "--catalog"),
        (("--token-url", "http://auth.example.com/token"), "--token-url"),
        (("--client-id", "id\x00"), "--client-id"),
    ):
        result = run(sandbox, "configure", "--client-id", "id", *args, code=2)
        assert error_line(result).startswith(f"error: {option}: "), result.stderr
    assert not no_credentials.exists()  # it used to save the catalog and the token URL unchecked


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--offers", "0"), "error: --offers: expected at least 1"),  # the sandbox's ValueError escaped
        (("--reservation-minutes", "inf"), "error: --reservation-minutes: expected a number of minutes"),  # overflow
        (("--host", "local host"), "error: --host: expected a host name or address"),
    ],
)
def test_sandbox_serve_refuses_its_settings_before_serving(
    sandbox: Sandbox, args: tuple[str, ...], expected: str
) -> None:
    result = run(sandbox, "sandbox", "serve", *args, code=2)
    assert error_line(result).startswith(expected), result.stderr
