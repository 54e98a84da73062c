"""`KORUSTICKET_LOG=info|debug`: the SDK's own log on stderr, set when `korusticket` is imported, never a secret."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_script(script: str, level: str | None) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("KORUSTICKET_")}
    if level is not None:
        env["KORUSTICKET_LOG"] = level
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120, env=env, cwd=ROOT
    )


DOWNLOAD = r"""
import datetime, tempfile
from korusticket import Item, ops
from korusticket.testing import Sandbox

sandbox = Sandbox(seed=0)
sandbox.faults.inject("status", status=503, operation="list_catalogs")   # one retry, logged at INFO
with sandbox.client(max_retries=2) as kt:
    assert kt.call(ops.list_catalogs).total_items == 2
    day = datetime.date(2025, 6, 7)
    offers = kt.paginate(ops.list_offers, catalog_id=sandbox.catalog_id, date_after=day, date_before=day)
    choice = next(c for c in map(kt.offer_choice, offers) if not any(t.needs_session for t in c.tickets))
    booked = kt.book(
        Item(choice.offer), customer={"firstname": "Ada", "lastname": "L", "email": "ada@example.com"},
        external_reference="LOG-1",
    )
    files = kt.download_documents(booked.orders[0], tempfile.mkdtemp())
    assert files
print("\n".join([sandbox.client_secret, *sandbox.state.access_tokens]))
"""


@pytest.mark.parametrize("level", ["info", "debug", "DEBUG"])
def test_the_log_switch_shows_the_sdk_log_and_requests_on_stderr_without_secrets(level: str) -> None:
    result = run_script(DOWNLOAD, level)
    assert result.returncode == 0, result.stderr
    secrets = result.stdout.split()
    assert len(secrets) >= 2  # the client secret and at least one access token
    log = result.stderr
    assert re.search(r"INFO korusticket: obtained an access token for client 'sandbox-client'", log), log
    assert re.search(r"INFO korusticket: retrying GET https://api\.demo\.korusticket\.com/v1/ticketing/catalogs", log)
    assert re.search(r"INFO httpx: HTTP Request: POST https://api\.demo\.korusticket\.com/v1/booking/orders", log)
    storage = re.findall(r"HTTP Request: GET (https://storage\.sandbox\.korusticket\.test/\S*)", log)
    assert storage, log
    assert all("Signature=" not in url or "Signature=[REDACTED]" in url for url in storage), storage
    for secret in secrets:
        assert secret not in log
    assert "Signature=" not in log.replace("Signature=[REDACTED]", "")


def test_without_the_switch_the_sdk_logs_nothing() -> None:
    result = run_script(DOWNLOAD, None)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    off = run_script(DOWNLOAD, "off")
    assert off.returncode == 0, off.stderr
    assert off.stderr == ""


def test_an_unknown_level_warns_and_leaves_the_log_off() -> None:
    result = run_script("import korusticket", "verbose")
    assert result.returncode == 0, result.stderr
    assert "RuntimeWarning: KORUSTICKET_LOG: expected info or debug (or off), got 'verbose'" in result.stderr


@pytest.fixture
def clean_loggers() -> Iterator[None]:
    saved = {
        name: (logging.getLogger(name).level, list(logging.getLogger(name).handlers))
        for name in ("korusticket", "httpx")
    }
    yield
    for name, (level, handlers) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.handlers[:] = handlers


@pytest.mark.usefixtures("clean_loggers")
def test_log_to_stderr_from_code_adds_one_handler_and_follows_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    from korusticket import logs

    logs.apply_environment({"KORUSTICKET_LOG": "debug"})
    logs.log_to_stderr("info")  # again: the level changes, no second handler
    logger = logging.getLogger("korusticket")
    assert logger.level == logging.INFO
    assert sum(isinstance(handler, logs._Stderr) for handler in logger.handlers) == 1
    logger.debug("not shown at info")
    logger.info("shown on the stderr of the moment")
    assert capsys.readouterr().err.endswith("INFO korusticket: shown on the stderr of the moment\n")
    with pytest.raises(ValueError, match="level: expected info or debug, got 'loud'"):
        logs.log_to_stderr("loud")
