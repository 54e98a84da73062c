"""What the API sends reaches a person's terminal as text: no rich markup is read in it and no control sequence is
passed through (a name could otherwise clear the screen, retitle the window or plant a link)."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from korusticket import UnexpectedResponseError
from korusticket.cli.output import Output, shown

HOSTILE = (
    "[bold red]Gala[/] [link=https://evil.example/pay]pay here[/link] "
    "\x1b[2J\x1b]0;retitled\x07\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ \u202egnp.exe\tend\nline"
)


@dataclass
class Row:
    name: str


def rendered(show: object) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    output = Output(as_json=False, stdout=out, stderr=err)
    show(output)  # type: ignore[operator]
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("how", ["rows", "record"])
def test_a_hostile_name_is_shown_as_text(how: str) -> None:
    def show(output: Output) -> None:
        if how == "rows":
            output.rows("offers", [Row(HOSTILE)], [("name", lambda row: row.name)])
        else:
            output.record("offer", Row(HOSTILE), [("name", lambda row: row.name)])

    out, _ = rendered(show)
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\x07" not in out
    assert "[bold red]Gala[/]" in out  # the brackets are text, not markup
    assert "[link=https://evil.example/pay]" in out
    assert "\\x1b[2J" in out
    assert "\\u202egnp.exe" in out
    assert "\\x09end\\nline" in out


def test_an_error_excerpt_from_the_server_is_shown_as_text() -> None:
    error = UnexpectedResponseError(
        "the API answered with a body that is not JSON",
        status_code=200,
        content_type="text/html",
        excerpt="<p>\x1b]8;;https://evil.example\x1b\\log in again\x1b]8;;\x1b\\</p>",
        method="GET",
        url="https://api.demo.korusticket.com/v1/ticketing/catalogs",
    )
    _, err = rendered(lambda output: output.error(error))
    assert "\x1b" not in err
    assert "log in again" in err


def test_plain_text_is_unchanged() -> None:
    assert shown("Parc des Lumières, 2 places, 87.00 €") == "Parc des Lumières, 2 places, 87.00 €"
    assert shown("two\nlines", line_breaks=True) == "two\nlines"
