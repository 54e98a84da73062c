"""`korusticket.export_catalog` and `async_export_catalog`, the public catalog mirror: the same files from both, the
progress it reports, durability before recording, batched syncs, the lock across processes, bad arguments."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

import korusticket.export as export_module
from korusticket import (
    ExportError,
    ExportProgress,
    ExportResult,
    KorusTicketError,
    async_export_catalog,
    export_catalog,
    ops,
)
from korusticket.export import LOCK_FILE, STATE_FILE
from korusticket.testing import Sandbox

FILES = ("product_bases.jsonl", "products.jsonl", "offers.jsonl")


@pytest.fixture(scope="module")
def big() -> Sandbox:
    return Sandbox(seed=0, catalog_offers=1_000)


def contents(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def test_the_sync_and_async_exports_write_the_same_files(big: Sandbox, tmp_path: Path) -> None:
    reported: list[ExportProgress] = []
    with big.client() as kt:
        result = export_catalog(kt, big.catalog_id, tmp_path / "sync", progress=reported.append)
        offers = list(kt.paginate(ops.list_offers, catalog_id=big.catalog_id))
    assert result == ExportResult(
        tmp_path / "sync", {"product_bases": 2, "products": 6, "offers": 1_000}, resumed=False
    )
    assert result.path("offers") == tmp_path / "sync" / "offers.jsonl"
    lines = (tmp_path / "sync" / "offers.jsonl").read_bytes().splitlines()
    assert [json.loads(line) for line in lines] == [offer.to_dict() for offer in offers]  # the API's order

    async_reported: list[ExportProgress] = []

    async def run_async() -> ExportResult:
        async with big.async_client() as akt:
            return await async_export_catalog(akt, big.catalog_id, tmp_path / "async", progress=async_reported.append)

    async_result = asyncio.run(run_async())
    assert async_result.counts == result.counts
    assert contents(tmp_path / "async") == contents(tmp_path / "sync")
    assert async_reported == reported

    offers_reported = [step for step in reported if step.collection == "offers"]
    assert offers_reported[0] == ExportProgress("offers", 0, 0, None, done=False)  # before its first page
    assert [step.items for step in offers_reported[1:-1]] == list(range(50, 1_001, 50))
    assert offers_reported[-1] == ExportProgress("offers", 1_000, 20, 1_000, done=True)


class Counting(Sandbox):
    """A sandbox that counts the API requests it answers."""

    def __init__(self) -> None:
        super().__init__(seed=0, catalog_offers=1_000)
        self.requests = 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return super().handle(request)


def test_a_finished_export_run_again_fetches_nothing_and_says_it_resumed(tmp_path: Path) -> None:
    sandbox = Counting()
    with sandbox.client() as kt:
        first = export_catalog(kt, sandbox.catalog_id, tmp_path)
        before, requests = contents(tmp_path), sandbox.requests
        again = export_catalog(kt, sandbox.catalog_id, tmp_path)
    assert not first.resumed
    assert again.resumed
    assert again.counts == first.counts
    assert contents(tmp_path) == before
    assert sandbox.requests == requests


def test_a_page_is_recorded_only_once_its_lines_are_synced(
    big: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each state written names, for every file, no more bytes than an fsync of that file had covered."""
    synced: dict[str, int] = {}
    checked: list[dict[str, Any]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        path = os.readlink(f"/proc/self/fd/{descriptor}")
        synced[path] = max(synced.get(path, 0), os.fstat(descriptor).st_size)

    def replace(source: Any, target: Any) -> None:
        if Path(target).name == STATE_FILE:
            recorded = json.loads(Path(source).read_bytes())
            for name, entry in recorded["collections"].items():
                assert entry["bytes"] <= synced.get(str(tmp_path / f"{name}.jsonl"), 0), (name, entry, synced)
            checked.append(recorded)
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(export_module, "COMMIT_SECONDS", 0.0)  # record after every page: the most states to check
    with big.client() as kt:
        export_catalog(kt, big.catalog_id, tmp_path, prefetch=4)
    assert len(checked) > 20


def test_syncs_are_batched(big: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the time limit out of the way, the 20 offers pages are synced in batches of COMMIT_PAGES."""
    offers_syncs: list[int] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        if os.readlink(f"/proc/self/fd/{descriptor}").endswith("offers.jsonl"):
            offers_syncs.append(os.fstat(descriptor).st_size)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(export_module, "COMMIT_SECONDS", float("inf"))
    monkeypatch.setattr(export_module, "COMMIT_PAGES", 8)
    with big.client() as kt:
        export_catalog(kt, big.catalog_id, tmp_path)
    size = (tmp_path / "offers.jsonl").stat().st_size
    assert len(offers_syncs) == 4  # empty file recorded, pages 1-8, 9-16, then 17-20 at the end
    assert offers_syncs[0] == 0
    assert offers_syncs[-1] == size


def test_an_export_held_by_another_process_is_refused(big: Sandbox, tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    holder = subprocess.Popen(  # noqa: S603 - our own interpreter
        [
            sys.executable,
            "-c",
            "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); "
            "sys.stdin.read()",
            str(tmp_path / LOCK_FILE),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        with big.client() as kt, pytest.raises(ExportError, match="another export is writing into this directory"):
            export_catalog(kt, big.catalog_id, tmp_path)
        assert not (tmp_path / "offers.jsonl").exists()
    finally:
        holder.communicate("")
    with big.client() as kt:  # released: it runs
        assert export_catalog(kt, big.catalog_id, tmp_path).counts["offers"] == 1_000


def test_resuming_with_another_page_size_is_refused(big: Sandbox, tmp_path: Path) -> None:
    big.faults.inject("status", status=500, operation="list_offers", times=None)
    with big.client(max_retries=0) as kt:
        with pytest.raises(KorusTicketError):
            export_catalog(kt, big.catalog_id, tmp_path, page_size=20)
        big.faults.clear()
        with pytest.raises(ExportError, match="started with page size 20, not 50; resume it without a page size"):
            export_catalog(kt, big.catalog_id, tmp_path, page_size=50)
        resumed = export_catalog(kt, big.catalog_id, tmp_path)
    assert resumed.resumed
    assert resumed.counts["offers"] == 1_000
    assert json.loads((tmp_path / STATE_FILE).read_text())["page_size"] == 20


def test_a_symbolic_link_in_place_of_a_file_is_not_followed(big: Sandbox, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    (out / "offers.jsonl").symlink_to(elsewhere)
    with big.client() as kt, pytest.raises(ExportError, match=r"offers\.jsonl: is not a regular file"):
        export_catalog(kt, big.catalog_id, out)
    assert not elsewhere.exists()


@pytest.mark.parametrize("kind", ["fifo", "device", "link", "huge"])
def test_a_state_path_that_is_not_a_small_file_is_refused_without_reading(
    big: Sandbox, tmp_path: Path, kind: str
) -> None:
    """A FIFO would hang the export, a link to /dev/zero would be read for ever: refused before reading."""
    out = tmp_path / "out"
    out.mkdir()
    state = out / STATE_FILE
    if kind == "fifo":
        os.mkfifo(state)
    elif kind == "device":
        state.symlink_to("/dev/zero")
    elif kind == "link":
        (tmp_path / "real.json").write_text("{}")
        state.symlink_to(tmp_path / "real.json")
    else:
        state.write_bytes(b" " * (2 * 1024 * 1024))
    problem = "more than such a file holds" if kind == "huge" else "not a regular file|Too many levels"
    with big.client() as kt, pytest.raises(ExportError, match=rf"{STATE_FILE}: .*({problem})"):
        export_catalog(kt, big.catalog_id, out)


def test_arguments_are_checked(big: Sandbox, tmp_path: Path) -> None:
    with big.client() as kt:
        with pytest.raises(ValueError, match="catalog_id: expected a UUID"):
            export_catalog(kt, "park", tmp_path)
        with pytest.raises(ValueError, match="page_size: expected an integer from 1 to 50, got 51"):
            export_catalog(kt, big.catalog_id, tmp_path, page_size=51)
        with pytest.raises(TypeError, match="out_dir: expected a path, got 3"):
            export_catalog(kt, big.catalog_id, 3)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="kt: expected an AsyncKorusTicket"):
            asyncio.run(async_export_catalog(kt, big.catalog_id, tmp_path))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="kt: expected a KorusTicket"):
        export_catalog(big.async_client(), big.catalog_id, tmp_path)  # type: ignore[arg-type]
    assert issubclass(ExportError, KorusTicketError)


class Crash(Exception):
    """Stands for the process dying at that instant (raised from inside the export's own calls)."""


def test_a_crash_between_writing_pages_and_recording_them_resumes_without_gap_or_duplicate(
    big: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines of several pages are written, then synced once, then recorded: a crash after the writes and before
    the state names them leaves lines the state does not record, and the next run cuts them back and fetches their
    pages again. The state file also goes back one save (a rename the crash lost: between the first save and a
    collection's last, the directory is not synced after each rename)."""
    with big.client() as kt:
        export_catalog(kt, big.catalog_id, tmp_path / "whole")
    out = tmp_path / "crashed"
    monkeypatch.setattr(export_module, "COMMIT_SECONDS", float("inf"))
    monkeypatch.setattr(export_module, "COMMIT_PAGES", 3)
    saved: list[bytes] = []
    real_replace = os.replace

    def replace(source: Any, target: Any) -> None:
        if Path(target).name == STATE_FILE:
            recorded = json.loads(Path(source).read_bytes())
            if recorded["collections"].get("offers", {}).get("pages", 0) >= 9:
                raise Crash  # pages 7-9 written and synced, not recorded
            saved.append(Path(source).read_bytes())
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with big.client() as kt, pytest.raises(Crash):
        export_catalog(kt, big.catalog_id, out)
    monkeypatch.setattr(os, "replace", real_replace)
    written = (out / "offers.jsonl").read_bytes().count(b"\n")
    recorded = json.loads((out / STATE_FILE).read_bytes())["collections"]["offers"]
    assert recorded["pages"] == 6
    assert written > recorded["items"]  # lines on disk that no state names
    (out / STATE_FILE).write_bytes(saved[-2])  # the last rename lost as well: pages 1-3 recorded
    assert json.loads(saved[-2])["collections"]["offers"]["pages"] == 3

    with big.client() as kt:
        result = export_catalog(kt, big.catalog_id, out)
    assert result.resumed
    assert result.counts["offers"] == 1_000
    assert contents(out) == contents(tmp_path / "whole")


def test_the_directory_is_synced_by_the_first_save_and_each_collections_last(
    big: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which state saves sync the directory: the first (the new files' entries) and each collection's last."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        path = Path(os.readlink(f"/proc/self/fd/{descriptor}"))
        events.append("directory" if path == tmp_path else path.name)

    def replace(source: Any, target: Any) -> None:
        real_replace(source, target)
        if Path(target).name == STATE_FILE:
            offers = json.loads(Path(target).read_bytes())["collections"].get("offers", {})
            events.append(f"saved offers={offers.get('pages')} done={offers.get('done')}")

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(export_module, "COMMIT_SECONDS", float("inf"))
    monkeypatch.setattr(export_module, "COMMIT_PAGES", 8)
    with big.client() as kt:
        export_catalog(kt, big.catalog_id, tmp_path)
    saves = [index for index, event in enumerate(events) if event.startswith("saved")]
    synced_after = [event for index, event in enumerate(events) if index - 1 in saves and event == "directory"]
    assert events[: saves[0] + 2] == [
        "product_bases.jsonl",
        "products.jsonl",
        "offers.jsonl",
        STATE_FILE + ".tmp",
        "saved offers=0 done=False",
        "directory",
    ]  # the three new files recorded empty in one save
    assert len(synced_after) == 4  # that first save, and the last of each of the three collections
    assert events[-3:] == [STATE_FILE + ".tmp", "saved offers=20 done=True", "directory"]
    assert "saved offers=8 done=False" in events
    after_eight = events.index("saved offers=8 done=False")
    assert events[after_eight + 1] != "directory"
