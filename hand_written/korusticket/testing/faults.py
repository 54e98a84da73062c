"""Fault injection: make the sandbox slow, refuse, break its answers, or drop connections.

    sandbox.faults.inject("status", status=503, times=2)                 # the next 2 API requests
    sandbox.faults.inject("rate_limit", operation="list_offers", retry_after=2)
    sandbox.faults.inject("drop_after_commit", operation="create_orders")  # order made, answer lost
    sandbox.faults.randomly(rate=0.2, seed=7, kinds=("status", "latency"))
    sandbox.faults.inject("status", status=502, operation="create_orders", after_commit=True)  # 502 after the write

A fault applies to the next matching API request (`operation` is the generated operation name, or any
operation when omitted; `"token"` is the token endpoint, which only faults naming it reach), `times`
times (`None`: always). Scripted faults apply in the order given.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from typing import Literal, get_args

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
"""What a fault does: wait (`latency`), answer 429 (`rate_limit`) or an error `status`, break the body
(`malformed_json`, `html_error`), drop the connection before or after the change is made, time out,
or make one item of a bulk request fail (`item_failure`)."""
KINDS: tuple[str, ...] = get_args(FaultKind)
TOKEN = "token"
"""The operation name of the OIDC token endpoint, for faults."""
RESPONSE_KINDS = {"rate_limit", "status", "malformed_json", "html_error"}
COMMITTABLE_KINDS = {"status", "malformed_json", "html_error", "timeout"}
"""Kinds that may strike before the server handles the request, or after it did (`after_commit`): a gateway's
502, a proxy that cuts the body, or a read timeout can all come after the write was made."""


@dataclass
class Fault:
    """One scheduled fault, as `Faults.inject` returns it; `applied` counts the requests it struck."""

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
        """Whether this fault is for a request to `operation` (the generated operation name, or `"token"`)."""
        # Untargeted faults are for API operations; the token endpoint gets only those that name it.
        return self.operation == operation or (self.operation is None and operation != TOKEN)


class Faults:
    """The sandbox's fault schedule; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._scripted: list[Fault] = []
        self._random: tuple[random.Random, float, tuple[FaultKind, ...], str | None] | None = None
        self.log: list[tuple[str | None, FaultKind]] = []
        """(operation, kind) of every fault applied."""

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
        """Schedule a fault for the next matching request, `times` times (None: every time); returns it.

        `operation` limits it to one generated operation (`"create_orders"`, or `"token"` for the token
        endpoint); `status` is for `"status"` faults, `retry_after` for `"rate_limit"`, `latency` (seconds)
        for `"latency"`, `message` for `"item_failure"`; `after_commit=True` lets the sandbox make the change
        before the fault strikes (for `COMMITTABLE_KINDS`). Bad values raise `ValueError` naming the argument.
        """
        if kind not in KINDS:
            raise ValueError(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
        if kind == "status" and not 400 <= status <= 599:
            raise ValueError(f"status: expected an error status (400 to 599), got {status!r}")
        if times is not None and times < 1:
            raise ValueError(f"times: expected None (always) or an integer >= 1, got {times!r}")
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

        Kinds that can strike after the write (`COMMITTABLE_KINDS`) do so half of the time.
        """
        if not 0 <= rate <= 1:
            raise ValueError(f"rate: expected a probability from 0 to 1, got {rate!r}")
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            raise ValueError(f"kinds: unknown fault kinds {unknown}; expected some of {', '.join(KINDS)}")
        with self._lock:
            self._random = (random.Random(seed), rate, kinds, operation)

    def clear(self) -> None:
        """Remove every scripted fault and stop the random ones."""
        with self._lock:
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
                    after = kind in COMMITTABLE_KINDS and rng.random() < 0.5
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
