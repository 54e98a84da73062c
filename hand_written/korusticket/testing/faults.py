"""Fault injection: make the sandbox slow, refuse, break its answers, or drop connections.

    sandbox.faults.inject("status", status=503, times=2)                 # the next 2 API requests
    sandbox.faults.inject("rate_limit", operation="list_offers", retry_after=2)
    sandbox.faults.inject("drop_after_commit", operation="create_orders")  # order made, answer lost
    sandbox.faults.randomly(rate=0.2, seed=7, kinds=("status", "latency"))
    sandbox.faults.inject("status", status=502, operation="create_orders", after_commit=True)  # 502 after the write
    sandbox.faults.inject("latency", latency=2, operation="create_orders", after_commit=True)  # made, answered late

A fault applies to the next matching API request (`operation` is the generated operation name, or any
operation when omitted; `"token"` is the token endpoint, which only faults naming it reach), `times`
times (`None`: always). Scripted faults apply in the order given. `log` keeps the last `history` faults
applied (a `BoundedLog`: list-like, `log.total` counts them all).
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from korusticket.testing.log import HISTORY, BoundedLog

FaultKind = Literal[
    "latency",
    "rate_limit",
    "status",
    "malformed_json",
    "html_error",
    "drop_before_commit",
    "drop_after_commit",
    "timeout",
    "item_failure",
]
KINDS: tuple[str, ...] = get_args(FaultKind)
TOKEN = "token"
"""The operation name of the OIDC token endpoint, for faults."""
RESPONSE_KINDS = {"rate_limit", "status", "malformed_json", "html_error"}
COMMITTABLE_KINDS = {"status", "malformed_json", "html_error", "timeout", "latency"}
"""Kinds that may strike before the server handles the request, or after it did (`after_commit`): a gateway's
502, a proxy that cuts the body, a read timeout or a slow answer can all come after the write was made."""
RANDOM_COMMITTABLE_KINDS = COMMITTABLE_KINDS - {"latency"}
"""The kinds random faults strike after the write half of the time (a random latency stays before it)."""


@dataclass
class Fault:
    """One scheduled fault: what goes wrong, for which operation, how many times."""

    kind: FaultKind
    operation: str | None = None
    times: int | None = 1
    status: int = 503
    retry_after: float | None = None
    latency: float = 0.5
    message: str = "The ticketing system refused this item."
    after_commit: bool = False
    """For `COMMITTABLE_KINDS`: the sandbox handles the request (the change is made) before the fault."""
    applied: int = 0

    def matches(self, operation: str | None) -> bool:
        """Whether this fault applies to a request for `operation` (the token endpoint only when named)."""
        # Untargeted faults are for API operations; the token endpoint gets only those that name it.
        return self.operation == operation or (self.operation is None and operation != TOKEN)


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _seconds(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < float("inf")


class Faults:
    """The sandbox's fault schedule; thread-safe."""

    def __init__(self, *, history: int = HISTORY) -> None:
        self._lock = threading.Lock()
        self._scripted: list[Fault] = []
        self._random: tuple[random.Random, float, tuple[FaultKind, ...], str | None] | None = None
        self.log: BoundedLog[tuple[str | None, FaultKind]] = BoundedLog(history)
        """(operation, kind) of the last faults applied, oldest first."""
        self.clears = 0
        """How many times `clear()` was called: a latency under way ends when this changes."""

    def inject(
        self,
        kind: FaultKind,
        *,
        operation: str | None = None,
        times: int | None = 1,
        status: int = 503,
        retry_after: float | None = None,
        latency: float = 0.5,
        message: str = "The ticketing system refused this item.",
        after_commit: bool = False,
    ) -> Fault:
        """Schedule a fault for the next matching request(s); each argument is checked, naming it when wrong."""
        if kind not in KINDS:
            raise ValueError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
        if not _integer(status) or (kind == "status" and not 400 <= status <= 599):
            raise ValueError(f"status: expected an error status (400 to 599), got {status!r}")
        if not _seconds(latency):
            raise ValueError(f"latency: expected a number of seconds >= 0, got {latency!r}")
        if retry_after is not None and (not isinstance(retry_after, int | float) or isinstance(retry_after, bool)):
            # Any number, odd ones included (inf, nan, negative): what a hostile server may send.
            raise ValueError(f"retry_after: expected None or a number of seconds, got {retry_after!r}")
        if times is not None and (not _integer(times) or times < 1):
            raise ValueError(f"times: expected None (always) or an integer >= 1, got {times!r}")
        if operation is not None and not isinstance(operation, str):
            raise ValueError(f"operation: expected None (any) or an operation name, got {operation!r}")
        if not isinstance(message, str) or not isinstance(after_commit, bool):
            raise ValueError(
                f"message, after_commit: expected a string and a boolean, got {message!r}, {after_commit!r}"
            )
        if after_commit and kind not in COMMITTABLE_KINDS:
            raise ValueError(f"after_commit: only for {', '.join(sorted(COMMITTABLE_KINDS))}, not {kind!r}")
        fault = Fault(kind, operation, times, status, retry_after, latency, message, after_commit)
        with self._lock:
            self._scripted.append(fault)
        return fault

    def randomly(
        self,
        *,
        rate: float,
        seed: int = 0,
        kinds: tuple[FaultKind, ...] = ("status", "latency", "rate_limit"),
        operation: str | None = None,
    ) -> None:
        """From now on, each matching request gets one of `kinds` with probability `rate`.

        Kinds that can strike after the write (`RANDOM_COMMITTABLE_KINDS`) do so half of the time.
        """
        if not 0 <= rate <= 1:
            raise ValueError(f"rate: expected a probability from 0 to 1, got {rate!r}")
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise ValueError(f"kinds: unknown fault kinds {unknown}; expected some of {', '.join(KINDS)}")
        with self._lock:
            self._random = (random.Random(seed), rate, kinds, operation)

    def scheduled(self) -> list[dict[str, Any]]:
        """The scripted faults still to apply, and the random rule if one is set, as plain data."""
        with self._lock:
            entries = [{"scripted": True, **asdict(fault)} for fault in self._scripted]
            if self._random is not None:
                _, rate, kinds, operation = self._random
                entries.append({"scripted": False, "rate": rate, "kinds": list(kinds), "operation": operation})
            return entries

    def clear(self) -> None:
        """No more faults: the scripted ones and the random rule are dropped, and latencies under way end now."""
        with self._lock:
            self.clears += 1
            self._scripted.clear()
            self._random = None

    def take(self, operation: str | None) -> Fault | None:
        """The fault for this request, if any (item failures are taken by the handlers instead)."""
        with self._lock:
            for fault in self._scripted:
                if fault.kind != "item_failure" and fault.matches(operation):
                    return self._apply(fault, operation)
            if self._random is not None:
                rng, rate, kinds, only = self._random
                if (only == operation or (only is None and operation != TOKEN)) and rng.random() < rate:
                    kind = rng.choice(kinds)
                    status = rng.choice((500, 502, 503, 504, 520))
                    after = kind in RANDOM_COMMITTABLE_KINDS and rng.random() < 0.5
                    fault = Fault(kind, operation, status=status, latency=0.01, after_commit=after, retry_after=0)
                    self.log.append((operation, fault.kind))
                    return fault
        return None

    def take_item_failure(self, operation: str) -> str | None:
        """The message of an `item_failure` for the next item of a bulk operation, if one is scheduled."""
        with self._lock:
            for fault in self._scripted:
                if fault.kind == "item_failure" and fault.matches(operation):
                    return self._apply(fault, operation).message
        return None

    def _apply(self, fault: Fault, operation: str | None) -> Fault:
        fault.applied += 1
        if fault.times is not None and fault.applied >= fault.times:
            self._scripted.remove(fault)
        self.log.append((operation, fault.kind))
        return fault
