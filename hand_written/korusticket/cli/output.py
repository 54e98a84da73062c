"""Tables for people on stdout, JSON (Lines, for lists) for machines; messages and progress on stderr."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from korusticket.errors import KorusTicketError, ValidationError

__all__ = ["Column", "Output", "field", "listed", "plain", "shown"]

# rich and the generated client load when something is printed, not for `--help` (make bench: start-up).


def _is_unset(value: Any) -> bool:
    from korusticket_client.types import Unset

    return isinstance(value, Unset)


Column = tuple[str, Callable[[Any], Any]]
"""A table column: its header, and how to read its cell from a row."""


def field(name: str) -> Callable[[Any], Any]:
    """A column's reader: the attribute `name` of a row, or None."""
    return lambda row: getattr(row, name, None)


def listed(value: Any) -> list[Any]:
    """An optional list of a model (None or unset: empty)."""
    return [] if value is None or _is_unset(value) else list(value)


def plain(value: Any) -> Any:
    """A value as JSON holds it: models through `to_dict()`, dates as ISO text, amounts as decimal strings."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if _is_unset(value):
        return None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: plain(getattr(value, item.name)) for item in dataclasses.fields(value) if item.repr}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


_TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile("\n")


def shown(text: str, *, line_breaks: bool = False) -> str:
    """`text` as it may reach a terminal: control characters (escape sequences that clear the screen, retitle the
    window or plant a hyperlink; bells; tabs) and bidirectional controls are written as `\\x1b`-style escapes
    rather than sent. Line breaks are kept with `line_breaks`, escaped otherwise.

    What the API sends (names, descriptions, error excerpts) goes through this before it is printed for people.
    """
    escaped = _TERMINAL_UNSAFE.sub(_escape, text)
    return escaped if line_breaks else _LINE_BREAK.sub("\\\\n", escaped)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _text(value: str) -> Any:
    """A table cell: plain text (a `[` in a name is not rich markup), its control characters escaped."""
    from rich.text import Text

    return Text(shown(value))


def _cell(value: Any) -> str:
    if value is None or _is_unset(value):
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M %Z").strip()
    return str(value)


class Output:
    def __init__(self, *, as_json: bool, stdout: Any = None, stderr: Any = None) -> None:
        from rich.console import Console

        self.as_json = as_json
        out, err = stdout or sys.stdout, stderr or sys.stderr
        # Not a terminal (a pipe, a test): wide enough that ids are never cut.
        width = None if out.isatty() else 200
        self.console = Console(file=out, width=width, highlight=False, soft_wrap=False)
        self.errors = Console(file=err, highlight=False, width=None if err.isatty() else 200)

    def rows(self, title: str, rows: Iterable[Any], columns: Sequence[Column]) -> int:
        """A table, or one JSON object per line with `--json`; returns how many rows."""
        count = 0
        if self.as_json:
            for row in rows:
                self.console.file.write(json.dumps(plain(row), ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
            return count
        from rich.table import Table

        table = Table(title=title, title_justify="left")
        for header, _ in columns:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*(_text(_cell(read(row))) for _, read in columns))
            count += 1
        self.console.print(table)
        return count

    def record(self, title: str, value: Any, fields: Sequence[Column]) -> None:
        """One object: a two-column table, or one JSON document with `--json`."""
        if self.as_json:
            self.console.file.write(json.dumps(plain(value), ensure_ascii=False, sort_keys=True) + "\n")
            return
        from rich.table import Table

        table = Table(title=title, title_justify="left", show_header=False)
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        for header, read in fields:
            table.add_row(header, _text(_cell(read(value))))
        self.console.print(table)

    def say(self, text: str) -> None:
        """A message for people: stderr, so stdout stays clean for `--json`."""
        self.errors.print(shown(text, line_breaks=True), markup=False, soft_wrap=True)

    def error(self, error: BaseException) -> None:
        """One line naming what went wrong; a 422 lists its violations by field on the lines after.

        An API error's message starts with its status (`404 Not Found on GET ...`): it is not repeated."""
        if isinstance(error, ValidationError):
            self.say(f"error: {error.status_code} the API refused the request: {len(error.violations)} violation(s)")
            for violation in error.violations:
                self.say(f"  {violation.property_path or '(request)'}: {violation.message}")
            return
        name = "error" if isinstance(error, KorusTicketError | ValueError | TypeError) else type(error).__name__
        self.say(f"{name}: {error}")
