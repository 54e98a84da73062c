"""The sandbox served by uvicorn in a process of its own, for tests across processes (SIGKILL, concurrent workers).

    with served_sandbox(double_ordering=True) as server:
        server.faults_randomly(rate=0.2, seed=1)
        ...  # worker processes book against server.base_url
        server.orders()  # {external reference: [(order id, reservation id), ...]}

Run as a module (`python -m tests.booking.served PORT [--double-ordering]`), it serves the sandbox, with a few
routes for the test beside the sandbox's own `/_sandbox/` ones: random faults, and what was ordered and held.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServedSandbox:
    base_url: str
    client_id: str = "sandbox-client"
    client_secret: str = "sandbox-secret"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/realms/korusticket/protocol/openid-connect/token"

    def environ(self, ledger: str | None = None) -> dict[str, str]:
        """The KORUSTICKET_* settings of a client of this server."""
        settings = {
            "KORUSTICKET_BASE_URL": self.base_url,
            "KORUSTICKET_TOKEN_URL": self.token_url,
            "KORUSTICKET_CLIENT_ID": self.client_id,
            "KORUSTICKET_CLIENT_SECRET": self.client_secret,
        }
        if ledger:
            settings["KORUSTICKET_LEDGER"] = ledger
        return settings

    def _control(self, method: str, path: str, body: Any = None) -> Any:
        response = httpx.request(method, f"{self.base_url}{path}", json=body, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def faults_randomly(self, **arguments: Any) -> None:
        self._control("POST", "/_test/random", arguments)

    def fault(self, **arguments: Any) -> None:
        self._control("POST", "/_sandbox/faults", arguments)

    def clear_faults(self) -> None:
        self._control("DELETE", "/_sandbox/faults")

    def orders(self) -> dict[str, list[tuple[str, str]]]:
        return {
            reference: [tuple(pair) for pair in pairs]
            for reference, pairs in self._control("GET", "/_test/orders").items()
        }

    def offers(self) -> list[dict[str, Any]]:
        """Bookable offers of the park catalog: IRI, and each ticket's first session (None for all-day tickets)."""
        return list(self._control("GET", "/_test/offers"))

    def held(self) -> int:
        """Reservations still holding places: made, not ordered, not expired."""
        return int(self._control("GET", "/_test/held")["held"])


@contextlib.contextmanager
def served_sandbox(*, double_ordering: bool = True) -> Iterator[ServedSandbox]:
    port = free_port()
    arguments = [sys.executable, "-m", "tests.booking.served", str(port)]
    if double_ordering:
        arguments.append("--double-ordering")
    process = subprocess.Popen(arguments, cwd=ROOT, env={**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'hand_written'}"})  # noqa: S603
    server = ServedSandbox(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{server.base_url}/_sandbox/state", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the served sandbox did not start") from None
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _application(double_ordering: bool, port: int) -> Any:
    from korusticket.testing import Sandbox
    from korusticket.testing.asgi import SandboxASGI
    from korusticket.testing.clock import SandboxClock

    sandbox = Sandbox(
        seed=7,
        offers=2000,
        double_ordering=double_ordering,
        storage_url=f"http://localhost:{port}/_storage",
        clock=SandboxClock(ticking=True),
    )
    inner = SandboxASGI(sandbox)

    def routes(method: str, path: str, body: bytes) -> Any:
        state = sandbox.state
        if (method, path) == ("POST", "/_test/random"):
            arguments = json.loads(body)
            arguments["kinds"] = tuple(arguments.get("kinds", ("status", "latency", "rate_limit")))
            sandbox.faults.randomly(**arguments)
            return {"ok": True}
        if (method, path) == ("GET", "/_test/orders"):
            with state.lock:
                found: dict[str, list[tuple[str, str]]] = {}
                for order in state.orders.values():
                    found.setdefault(order.external_reference, []).append((order.id, order.reservation_id))
            return found
        if (method, path) == ("GET", "/_test/held"):
            now = sandbox.clock.now()
            with state.lock:
                held = sum(
                    1
                    for reservation in state.reservations.values()
                    if reservation.order_id is None
                    and reservation.status == "reserved"
                    and not reservation.expired(now)
                )
            return {"held": held}
        if (method, path) == ("GET", "/_test/offers"):
            from korusticket import iri

            chosen = []
            for offer in state.data.offers.values():
                if offer.catalog_id == sandbox.catalog_id and offer.capacity and offer.capacity > 50:
                    sessions = {t.id: (None if t.date_access else t.sessions[0].id) for t in offer.tickets}
                    chosen.append({"offer": iri.offer(offer.catalog_id, offer.id), "sessions": sessions})
            return chosen
        return None

    async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/_test/"):
            body = b""
            while True:
                message = await receive()
                body += message.get("body", b"")
                if not message.get("more_body"):
                    break
            answer = routes(scope["method"], scope["path"], body)
            payload = json.dumps(answer).encode()
            status = 200 if answer is not None else 404
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return
        await inner(scope, receive, send)

    return application


if __name__ == "__main__":
    import uvicorn

    listen = int(sys.argv[1])
    app = _application("--double-ordering" in sys.argv, listen)
    uvicorn.run(app, host="127.0.0.1", port=listen, log_level="warning", date_header=False)
