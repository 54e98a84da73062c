"""Booking commands: book, find, name a beneficiary, download documents; a 422 by field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from korusticket.testing import Sandbox, render
from korusticket.testing.served import serve_in_thread
from tests.cli.helpers import lines, run, run_process


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


def test_booking_again_with_the_same_reference_shows_that_booking(tmp_path: Path) -> None:
    """Over the served sandbox, as two separate commands (two processes): the second finds the first's order."""
    ledger = tmp_path / "ledger.db"
    with serve_in_thread(double_ordering=True) as served:
        assert served.sandbox is not None
        offer = next(
            o
            for o in served.sandbox.state.data.offers.values()
            if o.catalog_id == served.sandbox.catalog_id and all(t.date_access for t in o.tickets) and o.capacity
        )
        env = {
            "KORUSTICKET_BASE_URL": served.base_url,
            "KORUSTICKET_TOKEN_URL": served.token_url,
            "KORUSTICKET_CLIENT_ID": served.client_id,
            "KORUSTICKET_CLIENT_SECRET": served.client_secret,
            "KORUSTICKET_CATALOG": offer.catalog_id,
            "KORUSTICKET_LEDGER": f"sqlite:///{ledger}",
        }
        customer = ("--customer-email", "ada@example.com", "--customer-firstname", "Ada", "--customer-lastname", "L")
        first = run_process("book", offer.id, "--reference", "CLI-AGAIN", *customer, "--json", env=env)
        again = run_process("book", offer.id, "--reference", "CLI-AGAIN", *customer, "--json", env=env)
        orders = [o for o in served.sandbox.state.orders.values() if o.external_reference == "CLI-AGAIN"]
    assert (first.returncode, again.returncode) == (0, 0), (first.stderr, again.stderr)
    assert [o["id"] for o in map(json.loads, again.stdout.splitlines())] == [orders[0].id]
    assert "was booked already" in again.stderr
    assert len(orders) == 1
    assert ledger.exists()  # the command used the ledger the environment names
