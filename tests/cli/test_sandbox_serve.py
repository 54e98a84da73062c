"""`korusticket sandbox serve`: the exact `export` lines a client needs, and a flag for each server-rule switch."""

from __future__ import annotations

import contextlib
import json
import queue
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import httpx

from korusticket import KorusTicket, iri, ops
from korusticket.testing import Sandbox
from tests.cli.helpers import command_env, run_process
from tests.testing.helpers import CUSTOMER, item, offer_with


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(*flags: str, port: int | None = None) -> Iterator[tuple[list[str], dict[str, str]]]:
    """`korusticket sandbox serve FLAGS` on `port` (a free one by default): its banner, and the variables its
    `export` lines set."""
    port = free_port() if port is None else port
    command = [sys.executable, "-m", "korusticket", "sandbox", "serve", "--port", str(port), *flags]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=command_env())  # noqa: S603
    try:
        assert process.stdout is not None
        printed: queue.Queue[str] = queue.Queue()
        stdout = process.stdout

        def forward() -> None:  # a reader thread, so that a banner without the line fails instead of hanging
            for printed_line in stdout:
                printed.put(printed_line)

        threading.Thread(target=forward, daemon=True).start()
        banner: list[str] = []
        while not banner or not banner[-1].startswith("export KORUSTICKET_CATALOG="):
            try:
                line = printed.get(timeout=30)
            except queue.Empty:
                raise AssertionError(f"no `export KORUSTICKET_CATALOG=` line in the banner: {banner}") from None
            banner.append(line.rstrip("\n"))
        exported = dict(shlex.split(line.removeprefix("export "))[0].split("=", 1) for line in banner[3:])
        wait_for(exported["KORUSTICKET_BASE_URL"])
        yield banner, exported
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def wait_for(base_url: str) -> None:
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(f"{base_url}/_sandbox/state")
            return
        except httpx.ConnectError:
            assert time.monotonic() < deadline, "the served sandbox did not start"
            time.sleep(0.05)


def test_port_0_serves_on_a_free_port_and_prints_that_one() -> None:
    with served(port=0) as (banner, exported):
        base_url = exported["KORUSTICKET_BASE_URL"]
        assert not base_url.endswith(":0")
        assert banner[0].startswith(f"KorusTicket sandbox on {base_url} ")
        assert exported["KORUSTICKET_TOKEN_URL"].startswith(base_url + "/")
        state = httpx.get(f"{base_url}/_sandbox/state").json()
        assert state["history"] == 10_000  # a served sandbox's history, as documented (it kept 100,000)
        with KorusTicket(environ=exported) as kt:
            assert kt.call(ops.list_catalogs).total_items == 2


def test_the_ipv6_loopback_serves_too() -> None:
    with socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::1", 0))  # this machine has it (the suite's machines do); else this line fails, not a skip
    with served("--host", "::1", port=0) as (_, exported):
        base_url = exported["KORUSTICKET_BASE_URL"]
        assert base_url.startswith("http://[::1]:")
        assert httpx.get(f"{base_url}/_sandbox/state").json()["history"] == 10_000


def test_the_banner_exports_every_variable_a_client_needs() -> None:
    reference = Sandbox(seed=3)
    with served("--seed", "3") as (banner, exported):
        assert banner[0].startswith("KorusTicket sandbox on http://127.0.0.1:")
        assert all(line.startswith("export KORUSTICKET_") for line in banner[3:])
        assert set(exported) == {
            "KORUSTICKET_BASE_URL",
            "KORUSTICKET_TOKEN_URL",
            "KORUSTICKET_CLIENT_ID",
            "KORUSTICKET_CLIENT_SECRET",
            "KORUSTICKET_CATALOG",
        }
        assert exported["KORUSTICKET_CATALOG"] == reference.catalog_id
        # The command line with those variables alone: no option, the catalog from the environment.
        listed = run_process("offers", "--limit", "3", "--json", env=exported)
        assert listed.returncode == 0, listed.stderr
        offers = [json.loads(line) for line in listed.stdout.splitlines()]
        assert len(offers) == 3
        assert all(o["@id"].startswith(f"/v1/ticketing/catalogs/{reference.catalog_id}/") for o in offers)
        assert "using the built-in sandbox" not in listed.stderr
        # And the Python client with no argument at all.
        with KorusTicket(environ=exported) as kt:
            assert kt.call(ops.list_catalogs).total_items == 2


def test_each_server_rule_switch_has_a_flag() -> None:
    flags = ("--double-ordering", "--created-status", "201", "--no-exact-date-filter", "--catalog-offers", "120")
    reference = Sandbox(seed=0, catalog_offers=120)
    with served(*flags) as (banner, exported):
        assert "double ordering allowed, bulk POST answers 201, ?date= ignored" in banner[0]
        with KorusTicket(environ=exported, max_retries=0) as kt:
            assert len(list(kt.paginate(ops.list_offers, catalog_id=exported["KORUSTICKET_CATALOG"]))) == 120
            reserved = kt.with_raw_response.call(
                ops.create_reservations, body={"items": [item(offer_with(reference, sessions=False))]}
            )
            assert reserved.status_code == 201
            held = iri.of(reserved.parsed.reservations[0])
            body = {"reservations": [held], "customer": CUSTOMER, "externalReference": "SERVE-1"}
            first = kt.call(ops.create_orders, body=body).orders[0]
            second = kt.call(ops.create_orders, body=body).orders[0]  # the harsher server orders it again
            assert first.id != second.id
            path = f"/v1/ticketing/catalogs/{exported['KORUSTICKET_CATALOG']}/offers"
            dated = kt.http.get(path, params={"date": "2025-06-07", "itemsPerPage": 50}).json()["member"]
            assert len({offer["date"] for offer in dated}) > 1  # ?date= ignored


def test_the_default_rules_are_the_documented_ones() -> None:
    with served() as (banner, _):
        assert "double ordering refused, bulk POST answers 200, ?date= honoured, clock ticking" in banner[0]
    refused = run_process("sandbox", "serve", "--created-status", "204")
    assert refused.returncode == 2
    assert "--created-status" in refused.stderr
    assert "expected 200 or 201, got 204" in refused.stderr
