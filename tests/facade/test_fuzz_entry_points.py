"""Odd values through every public entry point are refused before sending, naming the argument (issue 20, point 8).

`fuzz_entry_points` drives them; run with `-s` to see the counts:
`nice .venv/bin/python -m pytest tests/facade/test_fuzz_entry_points.py -q -s`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.facade.fuzz_entry_points import entries, fuzz, summary

EXAMPLES = int(os.environ.get("KORUSTICKET_FUZZ_EXAMPLES", "50"))
"""Odd values per argument: with the fixed ones each strategy starts from, enough to reach every kind of wrong."""


def test_the_harness_reaches_every_kind_of_entry_point() -> None:
    names = [entry.name for entry in entries()]
    assert len(names) == len(set(names))
    for expected in (
        "KorusTicket(base_url=)",
        "AsyncKorusTicket(ledger=)",
        "kt.call(create_orders, body.customer.firstname=)",
        "kt.call(create_reservations, body.items[0].ticketSessions[0].formData.fields[0].value=)",
        "kt.call(list_offers, date_after=)",
        "kt.paginate(prefetch=)",
        "kt.order(customer.firstname=)",
        "kt.book(notes=)",
        "kt.reserve(Item(quantity=))",
        "kt.set_beneficiary(beneficiary.dateOfBirth=)",
        "iri.offer_ticket_session(ticket_id)",
        "export_catalog(out_dir=)",
    ):
        assert expected in names


def test_no_raw_exception_and_nothing_sent_unchecked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a path refused wrongly would be written here, not in the checkout
    tallies = fuzz(tmp_path, EXAMPLES)
    total = summary(tallies)
    print(
        f"\nfacade fuzz: {total['entries']} entry arguments, {total['cases']} cases: {total['clear']} clear, "
        f"{total['raw']} raw, {total['unchecked']} unchecked"
    )
    failing = {name: tally for name, tally in tallies.items() if tally.raw or tally.unchecked}
    for name, tally in failing.items():
        print(f"  {name}: {tally.raw} raw, {tally.unchecked} unchecked of {tally.cases}; " + " | ".join(tally.examples))
    assert (total["raw"], total["unchecked"]) == (0, 0), sorted(failing)
    assert total["clear"] == total["cases"] > 0
