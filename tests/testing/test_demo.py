"""`make demo` runs the booking journey of korusticket.testing.demo end to end."""

from __future__ import annotations

import pytest

from korusticket.testing import demo


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    demo.main()
    out = capsys.readouterr().out
    assert "ReservationExpiredError: reservations[0].expired: This reservation has expired" in out
    assert "order KT-ORD-" in out
    assert "recovered: True; 1 order for DEMO-0003" in out
    assert "ticket needs firstname, lastname" in out
    assert "named; 0 ticket left to name" in out
    assert out.count("bytes of PDF") == 2
    assert "JWT sent to the storage host: False" in out
