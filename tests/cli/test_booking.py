"""Booking commands: book, find, name a beneficiary, download documents; a 422 by field."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from korusticket.testing import Sandbox, render
from tests.cli.helpers import lines, run


def test_book_then_find_name_and_download(sandbox: Sandbox, tmp_path: Path) -> None:
    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    show = next(o for o in offers if len(o["tickets"]) == 2)
    detail = lines(run(sandbox, "offer", show["id"], "--json"))[0]
    session = next(t for t in detail["tickets"] if t["needsSession"])["sessions"][0]["id"]
    customer = ("--customer-email", "ada@example.com", "--customer-firstname", "Ada", "--customer-lastname", "L")

    missing = run(sandbox, "book", show["id"], "--reference", "CLI-1", *customer, code=1)
    assert re.search(r"^error: --session: this offer needs a session per ticket; choose among ", missing.stderr, re.M)
    booked = run(sandbox, "book", show["id"], "--reference", "CLI-1", *customer, "--session", session, "--json")
    (order,) = lines(booked)
    assert order["externalReference"] == "CLI-1"
    assert "reserved" in booked.stderr
    assert "until" in booked.stderr

    found = lines(run(sandbox, "orders", "--reference", "CLI-1", "--json"))
    assert [o["id"] for o in found] == [order["id"]]
    assert order["reference"] in run(sandbox, "orders", "--reference", "CLI-1").stdout
    assert lines(run(sandbox, "order", order["id"], "--json"))[0]["id"] == order["id"]
    assert order["reference"] in run(sandbox, "order", order["@id"]).stdout

    named = next(o for o in offers if o["product"]["name"].startswith("Pass"))  # a pass needs a named person
    passes = lines(run(sandbox, "book", named["id"], "--reference", "CLI-2", *customer, "--json"))
    pending = lines(run(sandbox, "beneficiary", passes[0]["id"], "--json"))
    assert pending
    ticket = pending[0]["iri"]
    named_ticket = run(
        sandbox, "beneficiary", passes[0]["id"], "--ticket", ticket, "--firstname", "Jeanne", "--lastname", "Martin",
        "--date-of-birth", "1990-04-02", "--json",
    )  # fmt: skip
    assert lines(named_ticket)[0]["beneficiary"]["firstname"] == "Jeanne"

    written = run(sandbox, "--debug", "documents", "download", order["id"], "--out", str(tmp_path / "docs"))
    assert "> GET https://storage.sandbox.korusticket.test/" in written.stderr
    assert re.findall(r"Signature=([^&\s\)\"]*)", written.stderr)
    assert set(re.findall(r"Signature=([^&\s\)\"]*)", written.stderr)) == {"[REDACTED]"}
    files = [Path(line) for line in written.stdout.splitlines()]
    assert files
    assert all(path.read_bytes().startswith(b"%PDF") for path in files)


class Refusing(Sandbox):
    """A sandbox whose reservations endpoint answers 422 with two violations, as API Platform writes them."""

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == "/v1/booking/reservations/_bulk":
            found = [
                ("items[0].quantity", "Only 3 places are left.", "quantity-too-high"),
                ("items[0].ticketSessions", "This session is full.", "session-full"),
            ]
            return httpx.Response(422, json=render.violations(found), headers={"content-type": "application/ld+json"})
        return super().handle(request)


def test_a_422_lists_its_violations_by_field() -> None:
    sandbox = Refusing(seed=0)
    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    day = next(o for o in offers if len(o["tickets"]) == 1)
    customer = ("--customer-email", "a@example.com", "--customer-firstname", "A", "--customer-lastname", "B")
    result = run(sandbox, "book", day["id"], "--reference", "CLI-9", *customer, code=1)
    assert result.stderr.strip().splitlines()[-3:] == [
        "error: 422 the API refused the request: 2 violation(s)",
        "  items[0].quantity: Only 3 places are left.",
        "  items[0].ticketSessions: This session is full.",
    ]
    assert result.stdout == ""
