"""The sandbox's logs are bounded (`history`), read like lists, and count past their bound."""

from __future__ import annotations

import pytest

from korusticket.testing import Sandbox
from korusticket.testing.log import HISTORY, BoundedLog
from korusticket_client.api.ticketing_catalog import list_catalogs


def test_a_bounded_log_reads_like_a_list_of_its_last_records() -> None:
    log = BoundedLog(3, range(5))
    assert log == [2, 3, 4]
    assert log != [0, 1, 2, 3, 4]
    assert (len(log), log.total, log.dropped, log.maxlen) == (3, 5, 2, 3)
    assert (log[0], log[-1], log[1:], log[::-1]) == (2, 4, [3, 4], [4, 3, 2])
    assert [record for record in log if record % 2] == [3]
    assert 4 in log
    assert 0 not in log
    assert list(reversed(log)) == [4, 3, 2]
    assert log == BoundedLog(10, [2, 3, 4])
    with pytest.raises(IndexError):
        log[3]
    log.clear()
    assert (log, log.total) == ([], 0)
    assert repr(log) == "BoundedLog(maxlen=3, total=0: [])"


@pytest.mark.parametrize("history", [0, -1, 1.5, True, "10"])
def test_a_log_size_must_be_a_positive_integer(history: object) -> None:
    with pytest.raises(ValueError, match=r"^history: expected an integer >= 1"):
        Sandbox(history=history)  # type: ignore[arg-type]


def test_the_in_process_sandbox_keeps_the_last_history_records_of_each_log() -> None:
    sandbox = Sandbox(history=5)
    sandbox.faults.inject("latency", latency=0, times=None, operation="list_catalogs")
    with sandbox.client() as kt:
        for _ in range(12):
            kt.call(list_catalogs)
    handled = sandbox.state.handled
    assert (len(handled), handled.total) == (5, 13)  # the token request, then 12 calls
    assert [h.operation for h in handled] == ["list_catalogs"] * 5
    log = sandbox.faults.log
    assert (len(log), log.total) == (5, 12)
    assert log == [("list_catalogs", "latency")] * 5
    for _ in range(7):
        sandbox.issue_token()
    assert len(sandbox.state.access_tokens) == 5
    assert len(sandbox.state.refresh_tokens) == 5


def test_the_default_history() -> None:
    sandbox = Sandbox()
    assert sandbox.state.history == HISTORY == 100_000
    assert sandbox.faults.log.maxlen == HISTORY
