"""`make demo` runs the booking flow of korusticket.testing.demo end to end."""

from __future__ import annotations

import pytest

from korusticket.testing import demo


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    demo.main()
    out = capsys.readouterr().out
    assert "ReservationExpiredError: reservations[0].expired: La réservation a expiré" in out
    assert "order KT-ORD-" in out
    assert "1 order found for DEMO-0002: placed once, not twice" in out
    assert "JWT sent to storage: False" in out
