"""`korusticket configure` and the config file: private, never written through a planted link, refused (as ssh
refuses) in a directory other users can write to; and how a target is chosen from options, variables and file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from korusticket.cli.config import read_config, resolve_target
from korusticket.errors import ConfigurationError
from korusticket.testing import Sandbox
from tests.cli.helpers import run

SECRET = "s3cret-value"


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", SECRET)
    return SECRET


def configure(sandbox: Sandbox, code: int = 0) -> str:
    result = run(sandbox, "configure", "--env", "demo", "--client-id", "reseller-1", code=code)
    output: str = result.stdout + result.stderr
    assert SECRET not in output
    return output


def test_configure_writes_a_private_file_and_never_prints_the_secret(
    sandbox: Sandbox, no_credentials: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", SECRET)
    result = run(sandbox, "configure", "--env", "demo", "--client-id", "reseller-1", "--catalog", sandbox.catalog_id)
    monkeypatch.delenv("KORUSTICKET_CLIENT_SECRET")
    assert SECRET not in result.stdout + result.stderr
    assert stat.S_IMODE(no_credentials.stat().st_mode) == 0o600
    assert stat.S_IMODE(no_credentials.parent.stat().st_mode) == 0o700
    saved = json.loads(no_credentials.read_text())
    assert saved == {"env": "demo", "client_id": "reseller-1", "client_secret": SECRET, "catalog": sandbox.catalog_id}
    assert os.listdir(no_credentials.parent) == ["config.json"]  # no temporary file left behind
    target = resolve_target(sandbox=False, env=None, base_url=None, language=None, environ=dict(os.environ))
    assert target.kind == "api"
    assert target.options["client_id"] == "reseller-1"
    assert target.options["base_url"] == "https://api.demo.korusticket.com"
    assert target.catalog == sandbox.catalog_id
    assert SECRET not in repr(target.options.get("auth", ""))


def test_a_planted_temporary_symlink_receives_nothing(sandbox: Sandbox, no_credentials: Path, secret: str) -> None:
    """Another user plants `config.tmp` (and other likely names) pointing at a file of theirs."""
    no_credentials.parent.mkdir(mode=0o700)
    stolen = no_credentials.parent.parent / "attacker" / "stolen"
    stolen.parent.mkdir()
    planted = ["config.tmp", ".config.json.tmp", "config.json.tmp"]
    for name in planted:
        (no_credentials.parent / name).symlink_to(stolen)
    configure(sandbox)
    assert not stolen.exists(), "the secret went through the planted link"
    assert not no_credentials.is_symlink()
    assert json.loads(no_credentials.read_text())["client_secret"] == secret
    assert stat.S_IMODE(no_credentials.stat().st_mode) == 0o600
    assert all((no_credentials.parent / name).is_symlink() for name in planted)  # not its to remove


def test_a_config_file_that_is_a_symlink_is_replaced_not_written_through(
    sandbox: Sandbox, no_credentials: Path, secret: str
) -> None:
    no_credentials.parent.mkdir(mode=0o700)
    elsewhere = no_credentials.parent.parent / "elsewhere.json"
    elsewhere.write_text("{}")
    no_credentials.symlink_to(elsewhere)
    configure(sandbox)
    assert elsewhere.read_text() == "{}"
    assert not no_credentials.is_symlink()
    assert json.loads(no_credentials.read_text())["client_secret"] == secret


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722, 0o1777])
def test_a_config_directory_others_can_write_to_is_refused(
    sandbox: Sandbox, no_credentials: Path, secret: str, mode: int
) -> None:
    no_credentials.parent.mkdir()
    no_credentials.parent.chmod(mode)
    output = configure(sandbox, code=2)
    assert f"error: {no_credentials.parent}: writable by other users (mode {mode & 0o7777:04o})" in output
    assert f"chmod go-w {no_credentials.parent}" in output
    assert not no_credentials.exists()
    assert os.listdir(no_credentials.parent) == []


def test_a_directory_above_it_that_others_can_write_to_is_refused_unless_sticky(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secret: str
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)  # another user could rename korusticket/ away and put their own in its place
    config = shared / "korusticket" / "config.json"
    monkeypatch.setenv("KORUSTICKET_CONFIG", str(config))
    assert f"error: {shared}: writable by other users (mode 0777)" in configure(sandbox, code=2)
    assert not config.exists()

    shared.chmod(0o1777)  # sticky, as /tmp: nobody else may rename what is ours in it
    configure(sandbox)
    assert json.loads(config.read_text())["client_secret"] == secret


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a directory to another user needs root")
def test_a_config_directory_of_another_user_is_refused(sandbox: Sandbox, no_credentials: Path, secret: str) -> None:
    no_credentials.parent.mkdir(mode=0o700)
    os.chown(no_credentials.parent, 65534, 65534)
    assert "owned by another user (uid 65534)" in configure(sandbox, code=2)
    assert not no_credentials.exists()


def test_a_config_file_others_could_have_changed_is_not_read(sandbox: Sandbox, no_credentials: Path) -> None:
    no_credentials.parent.mkdir(mode=0o700)
    no_credentials.write_text(json.dumps({"base_url": "https://attacker.example", "client_id": "x"}))
    no_credentials.chmod(0o600)
    assert read_config(no_credentials)["client_id"] == "x"
    no_credentials.chmod(0o666)
    with pytest.raises(ConfigurationError, match="writable by or belonging to another user"):
        read_config(no_credentials)
    no_credentials.chmod(0o600)
    no_credentials.parent.chmod(0o777)
    with pytest.raises(ConfigurationError, match="writable by other users"):
        read_config(no_credentials)
    result = run(sandbox, "catalogs", code=2)
    assert result.stderr.startswith(f"error: {no_credentials.parent}: writable by other users")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[" * 60_000, "nested too deeply"),
        ('{"env": "demo", "padding": "' + "x" * 70_000 + '"}', "more than such a file holds"),
        ("\udcff", "not a readable korusticket config file"),
    ],
)
def test_an_odd_config_file_is_one_line(sandbox: Sandbox, no_credentials: Path, content: str, problem: str) -> None:
    no_credentials.parent.mkdir(mode=0o700)
    no_credentials.write_bytes(content.encode("utf-8", "surrogateescape"))
    no_credentials.chmod(0o600)
    with pytest.raises(ConfigurationError, match=problem):
        read_config(no_credentials)
    result = run(sandbox, "catalogs", code=2)
    assert result.stderr.startswith(f"error: {no_credentials}: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_config_path_that_is_not_a_file_is_refused_without_reading(no_credentials: Path, kind: str) -> None:
    no_credentials.parent.mkdir(mode=0o700)
    if kind == "fifo":
        os.mkfifo(no_credentials, 0o600)  # reading it would wait for a writer for ever
    else:
        no_credentials.symlink_to("/dev/zero")  # reading it would never end
    with pytest.raises(ConfigurationError, match="not a regular file"):
        read_config(no_credentials)


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
