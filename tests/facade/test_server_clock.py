"""`ServerClock`: the API's time from the `Date` of its answers, which reads each distinct header once.

Answers within the same second carry the same `Date`; the clock keeps the last one it parsed, so a crawl does not
parse it on every page. The offset must still follow the local clock: a header seen again later means the local
clock moved, not the server's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from korusticket import _http
from korusticket._http import ServerClock

NOON = datetime(2026, 12, 2, 12, 0, 0, tzinfo=UTC)


def answer(date: str | None) -> httpx.Response:
    return httpx.Response(200, headers={"date": date} if date is not None else {})


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The local time `ServerClock` reads, as a list to change: [seconds since the epoch]."""
    now = [NOON.timestamp()]
    monkeypatch.setattr(_http.time, "time", lambda: now[0])
    return now


def test_the_offset_is_the_servers_date_minus_the_local_second(local: list[float]) -> None:
    clock = ServerClock()
    local[0] = NOON.timestamp() + 0.25
    clock.observe(answer("Wed, 02 Dec 2026 12:00:05 GMT"))
    assert clock.offset == timedelta(seconds=5)


def test_a_date_seen_again_follows_the_local_clock(local: list[float]) -> None:
    clock = ServerClock()
    clock.observe(answer("Wed, 02 Dec 2026 12:00:05 GMT"))
    local[0] = NOON.timestamp() + 3
    clock.observe(answer("Wed, 02 Dec 2026 12:00:05 GMT"))
    assert clock.offset == timedelta(seconds=2)


def test_a_new_date_is_read(local: list[float]) -> None:
    clock = ServerClock()
    clock.observe(answer("Wed, 02 Dec 2026 12:00:05 GMT"))
    clock.observe(answer("Wed, 02 Dec 2026 11:59:50 GMT"))
    assert clock.offset == timedelta(seconds=-10)


@pytest.mark.parametrize(
    "header",
    [
        "",
        "not a date",
        "Wed, 32 Dec 2026 12:00:05 GMT",
        "Fri, 31 Dec 9999 23:59:59 -2359",  # now() + this offset overflowed: a raw OverflowError from book()
        "Wed, 02 Dec 2199 12:00:05 GMT",  # readable, but no server's clock
    ],
)
def test_an_unreadable_date_changes_nothing(local: list[float], header: str) -> None:
    clock = ServerClock()
    clock.observe(answer("Wed, 02 Dec 2026 12:00:05 GMT"))
    clock.observe(answer(header))
    clock.observe(answer(header))  # twice: what was not read is not remembered as read
    assert clock.offset == timedelta(seconds=5)
    clock.observe(answer(None))
    assert clock.offset == timedelta(seconds=5)
    assert clock.now() - datetime.now(UTC) < timedelta(seconds=6)  # and it can be read


def test_a_date_without_a_zone_is_taken_as_utc(local: list[float]) -> None:
    clock = ServerClock()
    clock.observe(answer("Wed, 02 Dec 2026 12:01:00 -0000"))
    assert clock.offset == timedelta(minutes=1)
