"""The served sandbox's control API, under `/_sandbox/`: drive it from another process (or language).

Served mode only (`korusticket.testing.asgi`); an in-process test has the `Sandbox` object itself. JSON in
and out; a bad argument is a 400 whose `error` names it, an unknown route a 404, a wrong method a 405.

    POST   /_sandbox/clock?advance=S    move the clock S seconds on           200 {"now"}
    POST   /_sandbox/faults             the arguments of `Faults.inject`      201, the fault scheduled
    POST   /_sandbox/faults/random      the arguments of `Faults.randomly`    201, the rule
    GET    /_sandbox/faults             -                                     200 {"scheduled", "applied", ...}
    DELETE /_sandbox/faults             -                                     204, no fault nor rule left
    GET    /_sandbox/settings           -                                     200, the rule switches
    PATCH  /_sandbox/settings           some of the switches                  200, the switches now
    GET    /_sandbox/state              -                                     200, counts (below)

The switches are `double_ordering`, `created_status` and `exact_date_filter` (see `SandboxSettings`).
`GET /_sandbox/state` counts `reservations` (with `reservations_by_status` and `reservations_ordered`),
`orders` and `orders_by_reference` (external reference -> orders under it), `tickets`, `documents`,
`requests` (kept in the log) and `requests_total` (answered since the start), `token_requests`, and
`in_flight` (operation -> requests being answered now: a test can wait until its order POST is in flight,
then kill the client); with `history`, `settings` and `now`.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import httpx

from korusticket.testing.sandbox import Sandbox

PREFIX = "/_sandbox/"


class ControlError(ValueError):
    """A control request the sandbox cannot act on (answered 400 with the reason)."""


class SandboxControl:
    """Answers the control routes for one served sandbox."""

    def __init__(self, sandbox: Sandbox, in_flight: Counter[str]) -> None:
        self.sandbox = sandbox
        self.in_flight = in_flight
        self._routes = {
            "/_sandbox/clock": {"POST": self._advance},
            "/_sandbox/faults": {"GET": self._faults, "POST": self._inject, "DELETE": self._clear},
            "/_sandbox/faults/random": {"POST": self._randomly},
            "/_sandbox/settings": {"GET": self._settings, "PATCH": self._update_settings},
            "/_sandbox/state": {"GET": self._state},
        }

    def handle(self, request: httpx.Request) -> httpx.Response:
        path, method = request.url.path.rstrip("/"), request.method
        methods = self._routes.get(path)
        if methods is None:
            return httpx.Response(404, json={"error": f"no control route {method} {request.url.path}"})
        action = methods.get(method)
        if action is None:
            allowed = ", ".join(sorted(methods))
            return httpx.Response(405, json={"error": f"{path} takes {allowed}"}, headers={"allow": allowed})
        try:
            return action(request)
        except (TypeError, ValueError) as error:
            return httpx.Response(400, json={"error": str(error)})

    @staticmethod
    def _object(request: httpx.Request) -> dict[str, Any]:
        try:
            body = json.loads(request.content or b"{}")
        except ValueError:
            raise ControlError("body: expected a JSON object") from None
        if not isinstance(body, dict):
            raise ControlError(f"body: expected a JSON object, got {type(body).__name__}")
        return body

    def _advance(self, request: httpx.Request) -> httpx.Response:
        given = request.url.params.get("advance", "0")
        try:
            seconds = float(given)
        except ValueError:
            raise ControlError(f"advance: expected a number of seconds, got {given!r}") from None
        return httpx.Response(200, json={"now": self.sandbox.clock.advance(seconds).isoformat()})

    def _inject(self, request: httpx.Request) -> httpx.Response:
        fault = self.sandbox.faults.inject(**self._object(request))
        return httpx.Response(
            201,
            json={
                "kind": fault.kind,
                "operation": fault.operation,
                "times": fault.times,
                "after_commit": fault.after_commit,
            },
        )

    def _randomly(self, request: httpx.Request) -> httpx.Response:
        rule = self._object(request)
        if "kinds" in rule:
            if not isinstance(rule["kinds"], list):
                raise ControlError(f"kinds: expected a list of fault kinds, got {rule['kinds']!r}")
            rule["kinds"] = tuple(rule["kinds"])
        self.sandbox.faults.randomly(**rule)
        return httpx.Response(201, json=self.sandbox.faults.scheduled()[-1])

    def _faults(self, request: httpx.Request) -> httpx.Response:
        log = self.sandbox.faults.log
        applied = [list(entry) for entry in log]
        return httpx.Response(
            200, json={"scheduled": self.sandbox.faults.scheduled(), "applied": applied, "applied_total": log.total}
        )

    def _clear(self, request: httpx.Request) -> httpx.Response:
        self.sandbox.faults.clear()
        return httpx.Response(204)

    def _settings(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=self.sandbox.settings.switches())

    def _update_settings(self, request: httpx.Request) -> httpx.Response:
        self.sandbox.settings.update(self._object(request))
        return httpx.Response(200, json=self.sandbox.settings.switches())

    def _state(self, request: httpx.Request) -> httpx.Response:
        state = self.sandbox.state
        with state.lock:
            orders = Counter(order.external_reference for order in state.orders.values())
            statuses = Counter(reservation.status for reservation in state.reservations.values())
            counts = {
                "now": self.sandbox.clock.now().isoformat(),
                "reservations": len(state.reservations),
                "reservations_by_status": dict(statuses),
                "reservations_ordered": sum(1 for r in state.reservations.values() if r.order_id is not None),
                "orders": len(state.orders),
                "orders_by_reference": dict(orders),
                "tickets": len(state.tickets),
                "documents": len(state.documents),
                "requests": len(state.handled),
                "requests_total": state.handled.total,
                "token_requests": state.token_requests,
                "in_flight": {operation: count for operation, count in self.in_flight.items() if count},
                "history": state.history,
                "settings": self.sandbox.settings.switches(),
            }
        return httpx.Response(200, json=counts)
