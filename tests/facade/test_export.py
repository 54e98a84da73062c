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
    KorusTicket,
    KorusTicketError,
    async_export_catalog,
    export_catalog,
    ops,
)
from korusticket.export import LOCK_FILE, STATE_FILE
from korusticket.testing import Sandbox
from korusticket.testing.transport import SandboxTransport

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


def test_each_line_is_the_members_json_as_the_api_sent_it(tmp_path: Path) -> None:
    """What a newer API adds, and its own spelling of a value (`Z` for UTC), reach the file as sent."""
    sandbox = Sandbox(seed=2)

    class Newer(SandboxTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            response = super().handle_request(request)
            if not request.url.path.endswith("/offers"):
                return response
            page = json.loads(response.read())
            for member in page["member"]:
                member["futureField"] = {"kept": [1, 2]}
                member["price"]["syncAt"] = member["price"]["syncAt"].replace("+00:00", "Z")
            return httpx.Response(200, headers=response.headers, content=json.dumps(page).encode())

    with KorusTicket(transport=Newer(sandbox), **sandbox._options({})) as kt:
        export_catalog(kt, sandbox.catalog_id, tmp_path)
    lines = [json.loads(line) for line in (tmp_path / "offers.jsonl").read_text().splitlines()]
    assert lines
    assert all(line["futureField"] == {"kept": [1, 2]} for line in lines)
    assert all(line["price"]["syncAt"].endswith(":00Z") for line in lines)  # not re-spelt as +00:00


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


def _written(path: Path, buffers: list[bytes], offset: int) -> bytes:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        size = export_module._write_buffers(descriptor, buffers, offset)
    finally:
        os.close(descriptor)
    assert size == sum(map(len, buffers))
    return path.read_bytes()


@pytest.mark.skipif(not hasattr(os, "pwritev"), reason="the gathered write needs os.pwritev (POSIX)")
def test_a_batch_of_pages_is_written_whole_through_short_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write may stop short, inside a buffer too; more buffers than one call takes are written in turns.
    buffers = [f"line {index:04d}\n".encode() * (index % 7) for index in range(export_module.IOV_BATCH * 2 + 3)]
    real = os.pwritev
    calls: list[int] = []

    def short(descriptor: int, views: list[memoryview], offset: int) -> int:
        assert len(views) <= export_module.IOV_BATCH
        calls.append(len(views))
        given = b"".join(views[:3])
        return real(descriptor, [given[: max(1, len(given) // 2)]], offset)  # a prefix, as a short write is

    monkeypatch.setattr(os, "pwritev", short)
    (tmp_path / "f").write_bytes(b"HEAD")
    assert _written(tmp_path / "f", buffers, 4) == b"HEAD" + b"".join(buffers)
    assert len(calls) > len([buffer for buffer in buffers if buffer]) // 3


def test_a_batch_of_pages_is_written_whole_without_a_gathered_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "pwritev", raising=False)
    buffers = [b"a\n", b"", b"bc\n" * 1000]
    assert _written(tmp_path / "f", buffers, 0) == b"".join(buffers)


@pytest.mark.parametrize("gathered", [True, False])
def test_a_write_the_file_system_takes_nothing_of_is_an_error_not_a_loop(
    gathered: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "pwrite", lambda *_: 0)
    if gathered:
        monkeypatch.setattr(os, "pwritev", lambda *_: 0, raising=False)
    else:
        monkeypatch.delattr(os, "pwritev", raising=False)
    with pytest.raises(OSError, match="took no byte"):
        _written(tmp_path / "f", [b"a\n"], 0)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_page_written_is_let_go_before_the_next_is_built(
    big: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """Only the page being written is held as models: the one before is gone when the next is parsed."""
    import weakref

    from korusticket_client.models.ticketing_offer_collection import TicketingOfferCollection

    built: list[weakref.ref[Any]] = []
    alive_at_parse: list[int] = []
    parse = TicketingOfferCollection.from_dict.__func__  # type: ignore[attr-defined]

    def spy(cls: type[TicketingOfferCollection], data: dict[str, Any]) -> TicketingOfferCollection:
        alive_at_parse.append(sum(ref() is not None for ref in built))
        model = parse(cls, data)
        built.append(weakref.ref(model))
        return model  # type: ignore[no-any-return]

    monkeypatch.setattr(TicketingOfferCollection, "from_dict", classmethod(spy))
    if mode == "sync":
        with big.client() as kt:
            export_catalog(kt, big.catalog_id, tmp_path, prefetch=4)
    else:

        async def run() -> None:
            async with big.async_client() as akt:
                await async_export_catalog(akt, big.catalog_id, tmp_path, prefetch=4)

        asyncio.run(run())
    assert len(built) == 20  # 1,000 offers, 50 a page
    assert alive_at_parse == [0] * 20
