"""Start a served sandbox on a free loopback port, in a thread or in another process, for tests.

    with serve_in_thread(double_ordering=True) as served:          # this process; `served.sandbox` is at hand
        with served.client() as kt: ...
    with serve_in_subprocess(double_ordering=True) as served:      # another process, driven over HTTP
        served.inject("latency", operation="create_orders", latency=2)
        ... start children with served.client_options(), kill one while served.in_flight() shows its POST ...
        assert served.state()["orders_by_reference"]["R-1"] == 1

Both need uvicorn (the `serve` extra). The subprocess runs `python -m korusticket.testing.served`, which
takes `--host`, `--port` (0: any free one) and `--options` (a JSON object of `create_app` arguments, the
lifetimes in seconds), and prints one JSON line (the base URL and credentials) once it listens.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from korusticket.client import AsyncKorusTicket, KorusTicket
from korusticket.testing.asgi import SandboxASGI, create_app
from korusticket.testing.handlers.auth import TOKEN_PATH
from korusticket.testing.sandbox import Sandbox

STARTUP_TIMEOUT = 30.0
"""Seconds a served sandbox may take to listen (a loaded machine starting Python)."""
SHUTDOWN_GRACE = 2
"""Seconds a stopping server waits for the requests it is answering (a latency fault may hold one)."""


def free_port() -> int:
    """A loopback port free right now (another process may take it before you bind: prefer port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on such sockets (the accepted ones inherit it);
    # without it every answer waits on the client's delayed ACK, about 40 ms.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET  # ::1, the IPv6 loopback, too
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(128)
    return listener


def _server(app: SandboxASGI) -> Any:
    import uvicorn

    # The sandbox dates its answers by its own clock (reservations expire on it), not uvicorn's.
    config = uvicorn.Config(app, log_level="warning", date_header=False, timeout_graceful_shutdown=SHUTDOWN_GRACE)
    return uvicorn.Server(config)


@dataclass
class ServedSandbox:
    """A sandbox served on loopback: where it is, its credentials, and its control API."""

    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    sandbox: Sandbox | None = None
    """The sandbox itself when it is served from this process (`serve_in_thread`), else None."""
    process: subprocess.Popen[bytes] | None = None
    """The server process (`serve_in_subprocess`), else None."""

    @property
    def token_url(self) -> str:
        return self.base_url + TOKEN_PATH

    def client_options(self) -> dict[str, Any]:
        """The `KorusTicket` options for this server (plain data: hand them to a child process as JSON)."""
        return {
            "base_url": self.base_url,
            "token_url": self.token_url,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "environ": {},
        }

    def client(self, **options: Any) -> KorusTicket:
        return KorusTicket(**{**self.client_options(), **options})

    def async_client(self, **options: Any) -> AsyncKorusTicket:
        return AsyncKorusTicket(**{**self.client_options(), **options})

    # ------------------------------------------------------------------------------------- control API

    def _control(self, method: str, path: str, **kwargs: Any) -> Any:
        response = httpx.request(method, f"{self.base_url}/_sandbox/{path}", timeout=10, **kwargs)
        if response.status_code >= 400:
            raise ValueError(f"{method} /_sandbox/{path}: {response.json().get('error', response.text)}")
        return response.json() if response.content else None

    def inject(self, kind: str, **arguments: Any) -> dict[str, Any]:
        """`Faults.inject` on the served sandbox."""
        result: dict[str, Any] = self._control("POST", "faults", json={"kind": kind, **arguments})
        return result

    def randomly(self, **arguments: Any) -> dict[str, Any]:
        """`Faults.randomly` on the served sandbox."""
        result: dict[str, Any] = self._control("POST", "faults/random", json=arguments)
        return result

    def clear_faults(self) -> None:
        self._control("DELETE", "faults")

    def faults(self) -> dict[str, Any]:
        """The faults scheduled and the last ones applied."""
        result: dict[str, Any] = self._control("GET", "faults")
        return result

    def set_switches(self, **switches: Any) -> dict[str, Any]:
        """Flip rule switches (`double_ordering`, `created_status`, `exact_date_filter`) on the running server."""
        result: dict[str, Any] = self._control("PATCH", "settings", json=switches)
        return result

    def advance(self, seconds: float) -> str:
        """Move the server's clock forward; its new time (ISO 8601)."""
        now: str = self._control("POST", "clock", params={"advance": seconds})["now"]
        return now

    def state(self) -> dict[str, Any]:
        """The counts of `GET /_sandbox/state` (orders per external reference, requests in flight, ...)."""
        result: dict[str, Any] = self._control("GET", "state")
        return result

    def in_flight(self, operation: str) -> int:
        """How many requests for `operation` the server is answering right now."""
        return int(self.state()["in_flight"].get(operation, 0))

    def wait_until_in_flight(self, operation: str, timeout: float = STARTUP_TIMEOUT) -> None:
        """Return once a request for `operation` is being answered (a latency fault keeps it there)."""
        deadline = time.monotonic() + timeout
        while not self.in_flight(operation):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {operation} request in flight within {timeout:g} s")
            time.sleep(0.01)


@contextlib.contextmanager
def serve(sandbox: Sandbox, port: int | None = None) -> Iterator[str]:
    """`sandbox` over HTTP on loopback (uvicorn in a thread) for the duration of the block; yields its base URL.

    Pass the `port` its `storage_url` points at, if it does; by default any free port.
    """
    with _served(SandboxASGI(sandbox), _listening("127.0.0.1", port or 0)) as base_url:
        yield base_url


@contextlib.contextmanager
def serve_in_thread(**options: Any) -> Iterator[ServedSandbox]:
    """A new sandbox (`create_app` options) served from a thread of this process, on a free port."""
    listener = _listening("127.0.0.1", 0)
    app = create_app(port=listener.getsockname()[1], **options)
    with _served(app, listener) as base_url:
        settings = app.sandbox.settings
        yield ServedSandbox(base_url, settings.client_id, settings.client_secret, sandbox=app.sandbox)


@contextlib.contextmanager
def _served(app: SandboxASGI, listener: socket.socket) -> Iterator[str]:
    server = _server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            listener.close()
            raise RuntimeError("the served sandbox did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=SHUTDOWN_GRACE + 10)
        listener.close()


@contextlib.contextmanager
def serve_in_subprocess(**options: Any) -> Iterator[ServedSandbox]:
    """A new sandbox (`create_app` options) served by another Python process on a free port.

    The process is stopped (SIGTERM, then SIGKILL) when the block ends. Its own errors are in a temporary
    file named in the exception if it fails to start.
    """
    plain = {key: value.total_seconds() if isinstance(value, timedelta) else value for key, value in options.items()}
    command = [sys.executable, "-m", "korusticket.testing.served", "--port", "0", "--options", json.dumps(plain)]
    with tempfile.NamedTemporaryFile(prefix="korusticket-sandbox-", suffix=".log", delete=False) as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors)  # noqa: S603 - our own module
    try:
        banner = _banner(process, errors.name)
        yield ServedSandbox(banner["base_url"], banner["client_id"], banner["client_secret"], process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=SHUTDOWN_GRACE + 10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
        os.unlink(errors.name)


def _banner(process: subprocess.Popen[bytes], errors: str) -> dict[str, Any]:
    assert process.stdout is not None  # noqa: S101 - opened with a pipe
    ready, _, _ = select.select([process.stdout], [], [], STARTUP_TIMEOUT)
    line = process.stdout.readline() if ready else b""
    if not line:
        with open(errors, encoding="utf-8", errors="replace") as log:
            raise RuntimeError(f"the served sandbox did not start (its errors: {log.read()[-2000:]!r})")
    banner: dict[str, Any] = json.loads(line)
    return banner


def main(argv: list[str] | None = None) -> None:
    """`python -m korusticket.testing.served --port 0 --options '{"double_ordering": true}'`."""
    parser = argparse.ArgumentParser(
        prog="python -m korusticket.testing.served", description="A served sandbox on loopback, for tests."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port (printed once listening)")
    parser.add_argument("--options", default="{}", help="a JSON object of create_app arguments")
    arguments = parser.parse_args(argv)
    options = json.loads(arguments.options)
    if not isinstance(options, dict):
        parser.error("--options: expected a JSON object")
    if "reservation_lifetime" in options:
        options["reservation_lifetime"] = timedelta(seconds=options["reservation_lifetime"])
    listener = _listening(arguments.host, arguments.port)
    port = listener.getsockname()[1]
    app = create_app(port=port, **options)
    settings = app.sandbox.settings
    banner = {
        "base_url": f"http://{arguments.host}:{port}",
        "client_id": settings.client_id,
        "client_secret": settings.client_secret,
        "pid": os.getpid(),
    }
    print(json.dumps(banner), flush=True)  # the socket listens already: connections wait in its backlog
    _server(app).run(sockets=[listener])


if __name__ == "__main__":
    main()
