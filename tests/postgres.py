"""A real PostgreSQL server for the ledger tests: initdb and pg_ctl in a temporary directory, on loopback.

PostgreSQL refuses to run as root: under root (CI), the server runs as the unprivileged `nobody` user, in a
directory handed over to it. The binaries are found on PATH or in Debian's /usr/lib/postgresql/<version>/bin;
`.ci/run` installs them where they are missing. Without them this fails loudly: a ledger test never skips.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

UNPRIVILEGED = "nobody"


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    raise RuntimeError(
        f"PostgreSQL's {name} was not found (PATH, /usr/lib/postgresql/*/bin): the ledger tests need a real "
        "server; install it (Debian: apt-get install postgresql) or run .ci/run, which does"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_unprivileged() -> dict[str, object]:
    """subprocess arguments that drop root for PostgreSQL; nothing to do for a normal user."""
    if os.geteuid() != 0:
        return {}
    account = pwd.getpwnam(UNPRIVILEGED)
    return {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL server; stop it and remove its files at the end."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    root = Path(tempfile.mkdtemp(prefix="korusticket-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    drop = _as_unprivileged()
    if drop:
        for path in (root, sockets):
            os.chown(path, int(drop["user"]), int(drop["group"]))  # type: ignore[call-overload]
    port = _free_port()
    user = "korusticket"
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    run = {"check": True, "capture_output": True, "env": environment, "cwd": root, **drop}
    try:
        subprocess.run([initdb, "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8"], **run)  # type: ignore[call-overload]  # noqa: S603
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=on -c max_connections=200"
        subprocess.run(  # noqa: S603
            [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "-t", "60", "start"],
            **run,  # type: ignore[arg-type]
        )
        server = PostgresServer("127.0.0.1", port, user)
        _wait_until_accepting(server)
        yield server
    except subprocess.CalledProcessError as error:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {error.stderr!r} {log[-2000:]}") from None
    finally:
        if data.exists():
            stop = {**run, "check": False}
            subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], **stop)  # type: ignore[call-overload]  # noqa: S603
        shutil.rmtree(root, ignore_errors=True)


def _wait_until_accepting(server: PostgresServer) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(server.dsn(), connect_timeout=2):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
