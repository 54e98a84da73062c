"""Odd values through every `korusticket` command: one line naming the option, nothing sent (issue 20, point 8).

`fuzz_commands` drives them; run with `-s` for the counts:
`nice .venv/bin/python -m pytest tests/cli/test_fuzz_commands.py -q -s`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from korusticket.testing import Sandbox
from tests.cli.fuzz_commands import SKIPPED, cases, fuzz

EXAMPLES = int(os.environ.get("KORUSTICKET_CLI_FUZZ_EXAMPLES", "12"))
"""Odd values per parameter: the fixed ones each strategy starts from, then generated control characters."""


def test_every_command_with_parameters_is_fuzzed() -> None:
    titles = {case.title for case in cases(Sandbox(seed=0))}
    for expected in (
        "korusticket  --base-url",
        "korusticket book --reference",
        "korusticket book --quantity",
        "korusticket book offer",
        "korusticket documents download --out",
        "korusticket beneficiary --date-of-birth",
        "korusticket configure --token-url",
        "korusticket seat-map seat_map",
    ):
        assert expected in titles, sorted(titles)
    assert "korusticket sandbox serve --offers" in titles
    assert set(SKIPPED) == {("demo",)}


def test_no_traceback_and_nothing_sent_unchecked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a path refused wrongly would be written here, not in the checkout
    tallies = fuzz(tmp_path, EXAMPLES)
    total = {key: sum(getattr(t, key) for t in tallies.values()) for key in ("cases", "clear", "raw", "unchecked")}
    print(
        f"\ncli fuzz: {len(tallies)} parameters, {total['cases']} cases: {total['clear']} clear, {total['raw']} raw, "
        f"{total['unchecked']} unchecked"
    )
    failing = {title: tally for title, tally in tallies.items() if tally.raw or tally.unchecked}
    for title, tally in failing.items():
        print(
            f"  {title}: {tally.raw} raw, {tally.unchecked} unchecked of {tally.cases}; " + " | ".join(tally.examples)
        )
    assert (total["raw"], total["unchecked"]) == (0, 0), sorted(failing)
    assert total["clear"] == total["cases"] > 0
