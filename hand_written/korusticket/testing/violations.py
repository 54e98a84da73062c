"""What the sandbox refuses, and how the API words it: the 422 violation codes, the collector, the refusals.

The handlers (a malformed request) and the backend (a rule of the domain: capacity, expiry, ordering twice)
raise `Refused`; the router turns it into the response, so every refusal has the API's shape.
"""

from __future__ import annotations

import uuid
from typing import Any

from korusticket.testing.render.common import error, violations

# Symfony's constraint codes (what API Platform puts in `code`), and the API's expired-reservation code.
NOT_BLANK = "c1051bb4-d103-4f74-8988-acbcafc7fdc3"
TOO_FEW = "bef8e338-6ae5-4caf-b8e2-50e7b0579e69"
TOO_LONG = "d94b19cc-114f-4f44-9cc4-4138e80a87b9"
NOT_POSITIVE = "778b7ae0-84d3-481a-9dec-35fdb64b1d78"
NO_SUCH_CHOICE = "8e179f1b-97aa-4560-a02f-2a8b42e49df7"
BAD_EMAIL = "bd79c0ab-ddba-46cc-a703-a7a4b08de310"
BAD_TYPE = "ba785a8c-82cb-4283-967c-3cf342181b40"
EXPIRED = "d53a91b0-def3-426a-83d7-269da7ab4200"


def sandbox_code(name: str) -> str:
    """Codes for rules the vendor's docs do not name: stable UUIDs of our own."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://sandbox.korusticket.test/violations/{name}"))


NOT_FOUND_ITEM = sandbox_code("item-not-found")
SESSION_RULE = sandbox_code("ticket-sessions")
ALREADY_ORDERED = sandbox_code("already-ordered")
BENEFICIARY_MISSING = sandbox_code("beneficiary-missing")
NO_BENEFICIARY = sandbox_code("no-beneficiary")
TOO_MANY = sandbox_code("max-amount-per-order")


class Refused(Exception):
    """Stop handling this request and answer with `status` and `body`."""

    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = headers or {}


def refused(status: int, detail: str, title: str = "An error occurred") -> Refused:
    """A refusal with API Platform's JSON-LD error body."""
    return Refused(status, error(status, detail, title))


def not_found() -> Refused:
    return refused(404, "Not Found", "Not Found")


def access_denied() -> Refused:
    return refused(403, "Access Denied.", "Forbidden")


class Violations:
    """Collects 422 violations; `raise_if_any()` answers with all of them at once."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str, str]] = []

    def add(self, path: str, message: str, code: str) -> None:
        self.found.append((path, message, code))

    def under(self, prefix: str) -> bool:
        """Whether a violation was found at `prefix` or below it."""
        return any(path.startswith(prefix) for path, _, _ in self.found)

    def raise_if_any(self) -> None:
        if self.found:
            raise Refused(422, violations(self.found))
