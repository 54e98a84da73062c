"""A booking worker in a process of its own, as a job queue runs one: `python -m tests.booking.worker TASK.json`.

The client comes from the KORUSTICKET_* environment (the served sandbox, and `KORUSTICKET_LEDGER`). The task
says what to do: `book` one reference, `book_all` references in turn, or `recover`. Each outcome is printed as a
JSON line. The payment step appends `paid <reference> <idempotency key>` to the task's payments file, synced,
before it reports success: what a payment provider would have charged.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from korusticket import (
    BookingInProgressError,
    BookingPolicy,
    Hold,
    Item,
    KorusTicket,
    KorusTicketError,
    OrderOutcomeUnknownError,
    RetryPolicy,
)

CUSTOMER = {"firstname": "Grace", "lastname": "Hopper", "email": "grace@example.com"}


def policy(task: dict[str, Any]) -> BookingPolicy:
    return BookingPolicy(
        first_wait=0.05,
        max_wait=0.2,
        settle_timeout=5.0,
        claim_wait=float(task.get("claim_wait", 60.0)),
        order_in_flight=float(task.get("order_in_flight", 2.0)),
    )


def charged(payments: Path, key: str) -> bool:
    """What a provider would say of an idempotency key: whether a charge was made under it."""
    return payments.exists() and f" {key}\n" in payments.read_text(encoding="utf-8")


def pay(payments: Path, delay: float) -> Any:
    """A payment step written as a provider's idempotency keys ask: a retried step looks its key up first."""

    def step(hold: Hold) -> bool:
        time.sleep(delay)
        if hold.retried and charged(payments, hold.idempotency_key):
            return True  # the first call charged: confirmed, not charged again
        with payments.open("a", encoding="utf-8") as log:
            log.write(f"paid {hold.external_reference} {hold.idempotency_key}\n")
            log.flush()
            os.fsync(log.fileno())
        return True

    return step


def items(specs: list[dict[str, Any]]) -> list[Item]:
    return [Item(spec["offer"], quantity=spec["quantity"], sessions=spec["sessions"]) for spec in specs]


def book(kt: KorusTicket, task: dict[str, Any], reference: str, specs: list[dict[str, Any]]) -> dict[str, Any]:
    step = pay(Path(task["payments"]), float(task.get("pay_delay", 0.0)))
    try:
        booking = kt.book(items(specs), customer=CUSTOMER, external_reference=reference, confirm_payment=step)
    except OrderOutcomeUnknownError as error:
        return {"reference": reference, "outcome": "unknown", "error": str(error)[:300]}
    except BookingInProgressError:
        return {"reference": reference, "outcome": "in_progress"}
    except KorusTicketError as error:
        return {"reference": reference, "outcome": "failed", "error": f"{type(error).__name__}: {str(error)[:300]}"}
    return {
        "reference": reference,
        "outcome": "booked",
        "adopted": booking.adopted,
        "orders": sorted(str(order.id) for order in booking.orders),
    }


def main(path: str) -> None:
    task = json.loads(Path(path).read_text(encoding="utf-8"))
    retry = RetryPolicy(max_retries=2, initial_delay=0.05, max_delay=0.2)
    with KorusTicket(retry=retry, booking_policy=policy(task), timeout=float(task.get("timeout", 5.0))) as kt:
        print("ready", flush=True)  # started: the test's clock for a kill starts here
        if task.get("wait_for_go"):  # started ahead, to run the moment the test says so (right after a kill)
            sys.stdin.readline()
        if task["kind"] == "book":
            print(json.dumps(book(kt, task, task["reference"], task["items"])), flush=True)
        elif task["kind"] == "book_all":
            for reference, specs in task["bookings"]:
                print(json.dumps(book(kt, task, reference, specs)), flush=True)
        elif task["kind"] == "recover":
            payments = Path(task["payments"])
            for recovery in kt.recover(confirm_payment=lambda hold: charged(payments, hold.idempotency_key)):
                orders = sorted(str(order.id) for order in recovery.booking.orders) if recovery.booking else []
                line = {
                    "reference": recovery.external_reference,
                    "outcome": recovery.outcome,
                    "orders": orders,
                    "held": len(recovery.held),
                    "paid": recovery.paid,
                }
                print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
