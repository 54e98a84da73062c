"""The pytest plugin gives each test a process without remembered bookings."""

from __future__ import annotations

import _korusticket_pytest_plugin as plugin
from korusticket import KorusTicket, LedgerEntry
from korusticket.booking.ledger.memory import process_ledger


def test_the_shared_memory_ledgers_are_forgotten_between_tests() -> None:
    kt = KorusTicket.demo(token="eyJh.b2s.c2ln", environ={})  # the default: this process's ledger for the demo API
    claim = kt.ledger.claim("SAME-REF", wait=0)
    claim.record(LedgerEntry("SAME-REF", "ordered", orders=("/v1/booking/orders/x",)))
    claim.release()
    assert process_ledger(str(kt.base_url)).read("SAME-REF") is not None
    plugin.pytest_runtest_teardown(None)  # type: ignore[arg-type]  # what pytest calls after each test
    assert process_ledger(str(kt.base_url)).read("SAME-REF") is None
    again = KorusTicket.demo(token="eyJh.b2s.c2ln", environ={})
    assert again.ledger.read("SAME-REF") is None
    kt.close()
    again.close()
