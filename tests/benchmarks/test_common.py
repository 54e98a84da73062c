"""The bench's own arithmetic and ordering (`benchmarks.common`): who runs when, what a ratio is divided by,
when a target passes. Nothing here is timed: the candidates are fakes that report fixed numbers."""

from __future__ import annotations

import gc
import itertools
import json
import weakref

import httpx
import pytest

from benchmarks.common import (
    FixedPages,
    Spread,
    Target,
    differences,
    interleaved,
    ratios,
    schedule,
    targets_table,
    timing,
)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 8])
@pytest.mark.parametrize("rounds", [1, 2, 5, 9])
def test_every_round_runs_each_candidate_once_and_none_twice_in_a_row(count: int, rounds: int) -> None:
    names = [f"c{index}" for index in range(count)]
    order = schedule(names, rounds)
    assert len(order) == rounds
    assert all(sorted(turn) == sorted(names) for turn in order)
    flat = list(itertools.chain.from_iterable(order))
    if count > 1:
        assert all(first != second for first, second in itertools.pairwise(flat))


def test_the_order_rotates_so_that_each_candidate_takes_each_place() -> None:
    order = schedule(["a", "b", "c", "d"], 4)
    firsts = [turn[0] for turn in order]
    assert sorted(firsts) == ["a", "b", "c", "d"]
    assert schedule(["a", "b"], 4) == [["a", "b"], ["a", "b"], ["a", "b"], ["a", "b"]]  # they alternate


def test_schedule_refuses_duplicate_names() -> None:
    with pytest.raises(ValueError, match="distinct"):
        schedule(["a", "a"], 2)


def test_interleaved_runs_in_the_schedules_order_and_keeps_rounds_aligned() -> None:
    ran: list[str] = []
    clock = itertools.count(1)

    def candidate(name: str) -> float:
        ran.append(name)
        return float(next(clock))

    samples = interleaved({name: lambda name=name: candidate(name) for name in ("x", "y", "z")}, 3)
    assert ran == list(itertools.chain.from_iterable(schedule(["x", "y", "z"], 3)))
    assert [len(values) for values in samples.values()] == [3, 3, 3]
    # Sample i of each name is the one it reported in round i.
    for index in range(3):
        reported = sorted(samples[name][index] for name in samples)
        assert reported == [index * 3 + 1.0, index * 3 + 2.0, index * 3 + 3.0]


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_each_sample_starts_from_an_empty_collector() -> None:
    """Garbage left by what ran before is collected before a sample's clock starts, not inside the sample."""
    was_enabled = gc.isenabled()
    gc.disable()  # no automatic collection: only timing's own can free the cycle
    try:
        left = _Cycle()
        gone = weakref.ref(left)
        del left
        assert gone() is not None  # a cycle: reference counting alone does not free it
        seen: list[bool] = []
        sample = timing(lambda: seen.append(gone() is None))()
    finally:
        if was_enabled:
            gc.enable()
    assert seen == [True]
    assert sample >= 0


def test_a_ratio_divides_by_the_baseline_of_the_same_round() -> None:
    samples = {"sdk": [2.0, 6.0, 3.0], "raw": [1.0, 3.0, 2.0]}
    assert ratios(samples, "sdk", "raw") == [2.0, 2.0, 1.5]
    # The median of the ratios, not the ratio of the medians (3.0 / 2.0).
    assert Spread.of(ratios(samples, "sdk", "raw")) == Spread(2.0, 1.5, 2.0)
    assert differences(samples, "sdk", "raw") == [1.0, 3.0, 1.0]
    with pytest.raises(ValueError, match="as many rounds"):
        ratios({"a": [1.0], "b": [1.0, 2.0]}, "a", "b")


def test_a_target_passes_on_the_median_of_its_rounds() -> None:
    assert Target("at most", Spread(1.10, 1.0, 1.4), 1.10).passed
    assert not Target("at most", Spread(1.11, 1.0, 1.2), 1.10).passed
    assert Target("at least", Spread(0.70, 0.5, 0.9), 0.7, at_most=False).passed
    assert not Target("at least", Spread(0.69, 0.6, 0.9), 0.7, at_most=False).passed
    rows = targets_table([Target("import (ms)", Spread(0.05, 0.04, 0.07), 0.06, scale=1000, unit=" ms", digits=1)])
    assert rows[-1] == "| import (ms) | <= 60.0 ms | 50.0 ms (40.0-70.0) | pass |"


def test_spread_needs_samples() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Spread.of([])


def test_fixed_pages_serve_the_whole_collection_and_end() -> None:
    page = {"@id": "/x", "member": [{"id": "1"}, {"id": "2"}], "totalItems": 2}
    pages = FixedPages(page, "/things", total=120, per_page=50, extra={"/other": b'{"member":[]}'})
    assert pages.pages == 3
    bodies = [json.loads(pages.body(number)) for number in (1, 2, 3)]
    assert [len(body["member"]) for body in bodies] == [50, 50, 20]
    assert bodies[0]["view"]["next"] == "/things?page=2"
    assert "next" not in bodies[2]["view"]
    assert all(body["totalItems"] == 120 for body in bodies)
    with httpx.Client(base_url="https://api.test", transport=pages.transport()) as client:
        assert client.get("/other").content == b'{"member":[]}'
        assert len(client.get("/things", params={"page": 3}).json()["member"]) == 20
    assert pages.requests == 2


def test_fixed_pages_give_each_page_members_of_its_own() -> None:
    """The paginator refuses a page repeating the members of one it read: each page's @ids are its own."""
    page = {"@id": "/x", "member": [{"@id": "/things/1"}, {"@id": "/things/2"}], "totalItems": 2}
    pages = FixedPages(page, "/things", total=120, per_page=50)
    ids = [[member["@id"] for member in json.loads(pages.body(number))["member"]] for number in (1, 2, 3)]
    everything = [one for page_ids in ids for one in page_ids]
    assert len(set(everything)) == len(everything) == 120
