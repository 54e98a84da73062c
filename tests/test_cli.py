"""The `korusticket` command, through typer's test runner against the sandbox: tables, --json parsed back,
error exits, the export's resume, the config file, and `python -m korusticket`."""

from __future__ import annotations

import filecmp
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from korusticket.cli import make_app
from korusticket.cli.config import resolve_target
from korusticket.cli.export import STATE_FILE
from korusticket.errors import ConfigurationError
from korusticket.testing import Sandbox, render

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    for name in list(os.environ):
        if name.startswith("KORUSTICKET_"):
            monkeypatch.delenv(name)
    config = tmp_path / "config" / "config.json"
    monkeypatch.setenv("KORUSTICKET_CONFIG", str(config))
    return config


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(seed=0)


def run(sandbox: Sandbox, *args: str, code: int = 0) -> Any:
    result = runner.invoke(make_app(lambda: sandbox), list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def lines(result: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_help_lists_every_command_on_one_line_each(sandbox: Sandbox) -> None:
    result = runner.invoke(make_app(lambda: sandbox), ["--help"], env={"COLUMNS": "100"}, terminal_width=100)
    assert result.exit_code == 0
    panel = result.stdout[result.stdout.index("Commands") :].split("╰")[0]
    rows = [re.match(r"│ (\S*)\s+(.*?)\s*│$", line) for line in panel.splitlines()[1:]]
    named = [row.group(1) for row in rows if row and row.group(1)]
    expected = [
        "catalogs", "product-bases", "products", "offers", "offer", "availability", "price", "seat-map",
        "calendar", "export", "book", "orders", "order", "beneficiary", "configure", "demo", "documents", "sandbox",
    ]  # fmt: skip
    assert named == expected
    assert len(rows) == len(expected), "a command's help wraps onto a second line"


def test_the_sandbox_is_the_default_without_credentials_and_it_says_so(sandbox: Sandbox) -> None:
    result = run(sandbox, "catalogs")
    assert "using the built-in sandbox" in result.stderr
    assert "Parc des Lumières" in result.stdout
    assert "using the built-in sandbox" not in run(sandbox, "--sandbox", "catalogs").stderr


def test_browse_tables_and_json(sandbox: Sandbox) -> None:
    catalogs = lines(run(sandbox, "catalogs", "--json"))
    assert {c["id"] for c in catalogs} == {sandbox.catalog_id, sandbox.stadium_catalog_id}
    assert sandbox.catalog_id in run(sandbox, "catalogs").stdout

    bases = lines(run(sandbox, "product-bases", "--json"))
    assert bases
    assert bases[0]["@type"] == "TicketingProductBase"
    assert bases[0]["name"] in run(sandbox, "product-bases").stdout
    products = lines(run(sandbox, "products", "--catalog", sandbox.stadium_catalog_id, "--json"))
    assert products
    assert all(p["@id"].startswith(f"/v1/ticketing/catalogs/{sandbox.stadium_catalog_id}/") for p in products)

    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    assert offers
    assert {o["date"] for o in offers} == {"2025-06-07"}
    table = run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07").stdout
    assert all(o["id"] in table for o in offers)
    product = offers[0]["product"]["id"]
    only = lines(run(sandbox, "offers", "--product", product, "--limit", "3", "--json"))
    assert len(only) == 3
    assert {o["product"]["id"] for o in only} == {product}


def test_one_offer_availability_price_and_calendar(sandbox: Sandbox) -> None:
    offers = lines(run(sandbox, "offers", "--from", "2025-06-07", "--to", "2025-06-07", "--json"))
    show = next(o for o in offers if len(o["tickets"]) == 2)
    detail = lines(run(sandbox, "offer", show["id"], "--json"))[0]
    assert detail["id"] == show["id"]
    needing = [t for t in detail["tickets"] if t["needsSession"]]
    assert len(needing) == 1
    assert needing[0]["sessions"]
    table = run(sandbox, "offer", show["@id"]).stdout
    assert needing[0]["sessions"][0]["id"] in table

    availability = lines(run(sandbox, "availability", show["id"], "--json"))[0]
    assert availability["availableQuantity"] == show["availableQuantity"]
    assert str(show["availableQuantity"]) in run(sandbox, "availability", show["id"]).stdout
    price = lines(run(sandbox, "price", show["id"], "--json"))[0]
    assert price["amountInclTax"] == show["price"]["amountInclTax"]

    month = lines(run(sandbox, "calendar", show["product"]["id"], "--month", "2025-06", "--json"))
    assert [day["day"] for day in month][:2] == ["2025-06-01", "2025-06-02"]
    assert all(re.fullmatch(r"\d+\.\d\d", day["price"]) for day in month)
    assert "June 2025" in run(sandbox, "calendar", show["product"]["id"], "--month", "2025-06").stdout


def test_seat_map(sandbox: Sandbox) -> None:
    match = next(base for base in sandbox.state.data.product_bases.values() if base.seat_map is not None)
    assert match.seat_map is not None
    args = ("seat-map", match.id, match.seat_map.id, "--catalog", sandbox.stadium_catalog_id)
    found = lines(run(sandbox, *args, "--json"))[0]
    assert [zone["code"] for zone in found["zones"]] == ["NORD", "SUD"]
    assert "Tribune Nord" in run(sandbox, *args).stdout


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


def test_errors_print_one_clear_line_and_exit_non_zero(sandbox: Sandbox) -> None:
    result = run(sandbox, "offers", "--from", "2025-02-31", code=1)
    assert result.stderr.strip().splitlines()[-1] == "error: --from: expected a day as YYYY-MM-DD, got '2025-02-31'"
    assert result.stdout == ""
    unknown = "0194ac40-fda7-78c1-8fcb-26fc2df25894"
    missing = run(sandbox, "price", unknown, code=1)
    assert re.search(r"^error: 404 ", missing.stderr, re.M)
    bad_id = run(sandbox, "order", "not-an-id", code=1)
    assert "error: order: expected a UUID" in bad_id.stderr
    assert run(sandbox, "--env", "staging", "catalogs", code=2).stderr.startswith("error: --env: expected demo")


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


class Interrupted(Sandbox):
    """A sandbox whose offers pages fail after the `after`-th one."""

    def __init__(self, after: int) -> None:
        super().__init__(seed=0, catalog_offers=1_000)
        self.after, self.served = after, 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/offers"):
            self.served += 1
            if self.served > self.after:
                return httpx.Response(500, json={"title": "boom", "detail": "interrupted"})
        return super().handle(request)


def test_an_interrupted_export_resumes_to_the_same_files(tmp_path: Path) -> None:
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    complete = Interrupted(after=10**9)
    run(complete, "export", "--out", str(whole), "--prefetch", "4")

    broken = Interrupted(after=7)
    failed = run(broken, "export", "--out", str(resumed), "--prefetch", "4", code=1)
    assert "error: 500" in failed.stderr
    state = json.loads((resumed / STATE_FILE).read_text())
    assert state["collections"]["product_bases"]["done"]
    assert state["collections"]["products"]["done"]
    assert 0 < state["collections"]["offers"]["pages"] < 20
    assert not state["collections"]["offers"]["done"]
    with open(resumed / "offers.jsonl", "ab") as stream:
        stream.write(b'{"half": "a line written after the last recorded page"')  # as a crash mid-write leaves it

    broken.after, broken.served = 10**9, 0  # no more failures; count the offers pages the resume asks for
    done = run(broken, "export", "--out", str(resumed), "--prefetch", "4")
    assert "offers.jsonl: 1000 lines" in done.stderr
    assert broken.served == 20 - state["collections"]["offers"]["pages"]  # 1000 offers, 50 a page
    for name in ("product_bases.jsonl", "products.jsonl", "offers.jsonl"):
        assert filecmp.cmp(whole / name, resumed / name, shallow=False), name
    assert len((whole / "offers.jsonl").read_text().splitlines()) == 1000
    again = run(broken, "export", "--out", str(resumed))
    assert "offers.jsonl: 1000 lines" in again.stderr
    assert filecmp.cmp(whole / "offers.jsonl", resumed / "offers.jsonl", shallow=False)


def test_export_refuses_a_directory_of_another_catalog(sandbox: Sandbox, tmp_path: Path) -> None:
    run(sandbox, "export", "--out", str(tmp_path / "e"))
    other = run(sandbox, "export", sandbox.stadium_catalog_id, "--out", str(tmp_path / "e"), code=2)
    assert "holds an export of catalog" in other.stderr


def test_configure_writes_a_private_file_and_never_prints_the_secret(
    sandbox: Sandbox, no_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", "s3cret-value")
    result = run(sandbox, "configure", "--env", "demo", "--client-id", "reseller-1", "--catalog", sandbox.catalog_id)
    monkeypatch.delenv("KORUSTICKET_CLIENT_SECRET")
    assert "s3cret-value" not in result.stdout + result.stderr
    assert stat.S_IMODE(no_credentials.stat().st_mode) == 0o600
    saved = json.loads(no_credentials.read_text())
    assert saved == {
        "env": "demo",
        "client_id": "reseller-1",
        "client_secret": "s3cret-value",
        "catalog": sandbox.catalog_id,
    }
    target = resolve_target(sandbox=False, env=None, base_url=None, language=None, environ=dict(os.environ))
    assert target.kind == "api"
    assert target.options["client_id"] == "reseller-1"
    assert target.options["base_url"] == "https://api.demo.korusticket.com"
    assert target.catalog == sandbox.catalog_id
    assert "s3cret-value" not in repr(target.options.get("auth", ""))


def test_targets() -> None:
    empty: dict[str, str] = {"KORUSTICKET_CONFIG": "/nonexistent/config.json"}
    assert resolve_target(sandbox=False, env=None, base_url=None, language=None, environ=empty).kind == "sandbox"
    with pytest.raises(ConfigurationError, match="no credentials for the API"):
        resolve_target(sandbox=False, env="production", base_url=None, language=None, environ=empty)
    with_token = {**empty, "KORUSTICKET_TOKEN": "t"}
    production = resolve_target(sandbox=False, env="production", base_url=None, language="fr", environ=with_token)
    assert production.options["base_url"] == "https://api.korusticket.com"
    assert production.options["language"] == "fr"
    with pytest.raises(ConfigurationError, match="not both"):
        resolve_target(sandbox=True, env="demo", base_url=None, language=None, environ=with_token)


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
