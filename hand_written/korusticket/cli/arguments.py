"""Checks of the command line's values, run by click while it reads them: a bad value is one line naming the option
(`error: --reference: ...`, exit 2) before any client is built or any request sent.

Each is a typer `callback` over the SDK's own checks (`_operation.check_text`, `iri`, `inputs.check_reference`), so
the command line refuses what the SDK would, with the option's name instead of the argument's. They import the
SDK's modules when they run, not when `--help` is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
import typer.core

__all__ = [
    "base_url",
    "catalog_id",
    "client_id",
    "day",
    "directory",
    "email",
    "host",
    "identifier",
    "language",
    "minutes",
    "name",
    "option_name",
    "reference",
    "resource",
    "sessions",
    "token_url",
]

MINUTES_LIMIT = 1e9
"""Longest duration in minutes taken (about 1900 years): a `timedelta` holds it, a longer one overflows."""
NAME_LIMIT = 255
"""Longest name or email the booking inputs take (`inputs.TEXT_LIMIT`)."""


def _checked(check: Callable[[Any], Any]) -> Callable[..., Any]:
    """A callback running `check` on a given value (None is an option left out). The SDK's refusal is printed as
    the command line prints every error, one line naming the option (`error: --reference: ...`), and the command
    exits with the usage status before anything else runs."""

    def callback(param: typer.CallbackParam, value: Any) -> Any:
        if value is None:
            return value
        try:
            check(value)
        except ValueError as error:  # the SDK's refusals are ValueErrors (InvalidRequestError, ConfigurationError)
            from korusticket.cli.context import EXIT_USAGE
            from korusticket.cli.output import Output

            text = str(error)
            detail = text.split(": ", 1)[1] if ": " in text else text
            Output(as_json=False).say(f"error: {option_name(param)}: {detail}")
            raise typer.Exit(EXIT_USAGE) from None
        return value

    return callback


def option_name(param: Any) -> str:
    """How the user spelt the parameter: `--reference` for an option, `order` for the ORDER argument."""
    opts = [opt for opt in getattr(param, "opts", ()) if opt.startswith("--")]
    if opts and not isinstance(param, typer.core.TyperArgument):
        return str(opts[0])
    return str(param.human_readable_name).lower()


def _text(value: Any, limit: int | None = None) -> None:
    from korusticket._operation import TEXT_LIMIT, check_text

    check_text(value, "value", limit=limit or TEXT_LIMIT)


def _identifier(value: str) -> None:
    from korusticket import iri

    _text(value)
    iri.check_id(value, "value")


def _resource(kind: str) -> Callable[[str], None]:
    """An id, or the IRI of a `kind` resource (`offer`, `order`, `product`, `order_item_ticket`)."""

    def check(value: str) -> None:
        from korusticket import iri
        from korusticket.errors import InvalidRequestError

        _text(value)
        if "/" not in value:
            iri.check_id(value, "value")
            return
        parsed = iri.parse(value, name="value")
        if parsed.kind != kind:
            raise InvalidRequestError(f"value: expected an id or the IRI of a {kind}, got the IRI of a {parsed.kind}")

    return check


def _reference(value: str) -> None:
    from korusticket.booking.inputs import check_reference

    check_reference(value)


def _email(value: str) -> None:
    from korusticket._operation import EMAIL, _shown
    from korusticket.errors import InvalidRequestError

    _text(value, NAME_LIMIT)
    if not EMAIL.match(value):
        raise InvalidRequestError(f"value: expected an email address such as ada@example.com, got {_shown(value)}")


def _day(value: str) -> None:
    import datetime

    from korusticket._operation import _shown
    from korusticket.errors import InvalidRequestError

    _text(value, 10)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise InvalidRequestError(f"value: expected a day as YYYY-MM-DD, got {_shown(value)}") from None


def _sessions(values: list[str]) -> None:
    """`--session SESSION` or `--session TICKET=SESSION`: each side an id or an IRI."""
    for value in values:
        ticket, equals, session = value.partition("=")
        if equals:
            _any_resource(ticket)
        _any_resource(session if equals else value)


def _any_resource(value: str) -> None:
    from korusticket import iri

    _text(value)
    if "/" in value:
        iri.parse(value, name="value")
    else:
        iri.check_id(value, "value")


def _language(value: str) -> None:
    from korusticket._raw import check_language

    check_language(value, "value")


def _base_url(value: str) -> None:
    from korusticket._urls import check_url
    from korusticket.client import DEMO_URL

    check_url(value, "value", DEMO_URL)


def _token_url(value: str) -> None:
    from korusticket.auth import check_token_url

    check_token_url(value)


def _host(value: str) -> None:
    from korusticket._operation import _shown
    from korusticket.errors import InvalidRequestError

    _text(value, 255)
    if any(character.isspace() for character in value):
        raise InvalidRequestError(f"value: expected a host name or address such as 127.0.0.1, got {_shown(value)}")


def _minutes(value: float) -> None:
    import math

    from korusticket.errors import InvalidRequestError

    if not (math.isfinite(value) and value <= MINUTES_LIMIT):
        raise InvalidRequestError(f"value: expected a number of minutes up to {MINUTES_LIMIT:g}, got {value!r}")


def _directory(value: Any) -> None:
    from korusticket._operation import _shown
    from korusticket.errors import InvalidRequestError

    text = str(value)
    if not text or "\x00" in text or text != text.strip():
        raise InvalidRequestError(f"value: expected a directory path, got {_shown(text)}")
    _text(text)


identifier = _checked(_identifier)
"""An id (a UUID): a catalog, a product base, a seat map."""
catalog_id = identifier
reference = _checked(_reference)
"""An external reference: what `book` and `orders` find a booking again by (at most 50 characters)."""
name = _checked(lambda value: _text(value, NAME_LIMIT))
client_id = _checked(lambda value: _text(value, 16384))
email = _checked(_email)
day = _checked(_day)
sessions = _checked(_sessions)
language = _checked(_language)
base_url = _checked(_base_url)
token_url = _checked(_token_url)
directory = _checked(_directory)
host = _checked(_host)
minutes = _checked(_minutes)


def resource(kind: str) -> Callable[..., Any]:
    """An id, or the IRI of a `kind`."""
    return _checked(_resource(kind))
