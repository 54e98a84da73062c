"""`SandboxSettings`: the credentials and server rules the handlers and the backend read (not the `Sandbox`).

One object, shared by reference: a switch changed on the `Sandbox` (or over the served sandbox's control
API) takes effect on the next request. Every value is checked when set, with an error naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import timedelta
from typing import Any

from korusticket._operation import _shown, check_text, is_count, is_integer
from korusticket._urls import check_url
from korusticket.errors import InvalidRequestError

STORAGE_URL = "https://storage.sandbox.korusticket.test"
SWITCHES = ("double_ordering", "created_status", "exact_date_filter")
"""The server rules the vendor's docs leave open, each a switch so the SDK is tested against the harsher server."""


def _text(name: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, str) or not value:
            raise InvalidRequestError(f"{name}: expected a non-empty string, got {_shown(value)}")
        return check_text(value, name, limit=255)

    return check


def _flag(name: str) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if not isinstance(value, bool):
            raise InvalidRequestError(f"{name}: expected true or false, got {_shown(value)}")
        return value

    return check


def _storage_url(value: Any) -> Any:
    check_url(value, "storage_url", STORAGE_URL, any_http=True)  # no token ever goes there
    return value.rstrip("/")


def _lifetime(value: Any) -> Any:
    if not isinstance(value, timedelta) or value <= timedelta(0):
        raise InvalidRequestError(f"reservation_lifetime: expected a positive timedelta, got {_shown(value)}")
    return value


def _token_lifetime(value: Any) -> Any:
    if not is_count(value, 1):
        raise InvalidRequestError(f"token_lifetime: expected a whole number of seconds >= 1, got {_shown(value)}")
    return value


def _created_status(value: Any) -> Any:
    if not is_integer(value) or value not in (200, 201):
        raise InvalidRequestError(f"created_status: expected 200 or 201, got {_shown(value)}")
    return value


CHECKS: dict[str, Callable[[Any], Any]] = {
    "client_id": _text("client_id"),
    "client_secret": _text("client_secret"),
    "storage_url": _storage_url,
    "reservation_lifetime": _lifetime,
    "token_lifetime": _token_lifetime,
    "double_ordering": _flag("double_ordering"),
    "created_status": _created_status,
    "exact_date_filter": _flag("exact_date_filter"),
}


@dataclass
class SandboxSettings:
    """What the server is told: its credentials, its storage host, lifetimes, and the rule switches."""

    client_id: str = "sandbox-client"
    client_secret: str = field(default="sandbox-secret", repr=False)
    storage_url: str = STORAGE_URL
    """Where document downloads are signed for (the served sandbox uses its own `/_storage` path)."""
    reservation_lifetime: timedelta = timedelta(minutes=15)
    token_lifetime: int = 1800
    """Seconds an access or refresh token lives, on the sandbox clock."""
    double_ordering: bool = False
    """Whether a reservation already ordered may be ordered again. The vendor does not say it refuses
    this, so a client must not rely on the refusal: test exactly-once with it on."""
    created_status: int = 200
    """The status of a successful bulk POST: the pages say 200, API Platform's default is 201."""
    exact_date_filter: bool = True
    """Whether the offers collection honours `?date=`: the guides' live answers list it, no 1.0.38
    parameter list does, and API Platform ignores a filter it lacks. False: ignore it."""

    def __setattr__(self, name: str, value: Any) -> None:
        check = CHECKS.get(name)
        super().__setattr__(name, check(value) if check else value)

    def switches(self) -> dict[str, Any]:
        """The rule switches and their values (what the served sandbox reports)."""
        return {name: getattr(self, name) for name in SWITCHES}

    def update(self, changes: dict[str, Any]) -> None:
        """Set several switches at once: all checked first, so a bad one changes nothing."""
        unknown = sorted(set(changes) - set(SWITCHES))
        if unknown:
            raise InvalidRequestError(
                f"{', '.join(unknown)}: not a switch; expected some of {', '.join(SWITCHES)}", argument=unknown[0]
            )
        checked = {name: CHECKS[name](value) for name, value in changes.items()}
        for name, value in checked.items():
            setattr(self, name, value)


assert {f.name for f in fields(SandboxSettings)} == set(CHECKS)  # noqa: S101 - every setting is checked
