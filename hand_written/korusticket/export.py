"""A catalog mirrored into JSON Lines files: `export_catalog(kt, catalog_id, out_dir)` and its async twin.

    from korusticket import KorusTicket, export_catalog

    with KorusTicket.demo() as kt:  # credentials from the KORUSTICKET_* variables
        result = export_catalog(kt, catalog_id, "mirror/")
    result.counts  # {'product_bases': 12, 'products': 40, 'offers': 10000}: lines of mirror/offers.jsonl, ...

Each member of the catalog's product bases, products and offers is one line of `DIR/<collection>.jsonl`, in the
API's order: the member's JSON as the API sent it, once it has parsed into its model (the JSON `to_dict()` gives
back, without building it again; a field a newer API adds is kept as sent).

**Resumable.** Lines reach the disk (written and synced) before `DIR/.korusticket-export.json` records their
page, so an export stopped at any moment (a crash, Ctrl-C, a full disk, a killed job) resumes when run again: each
file is cut back to its last recorded page and the export goes on from the next one, to the same files an
uninterrupted run writes. Pages are synced in batches (at most `COMMIT_PAGES` pages or `COMMIT_SECONDS` apart), so
a crash costs at most one batch of pages to fetch again.

**Checked before it resumes.** The state must match the files: the page size, each file's size, its line count,
the last recorded line (kept as its offset and SHA-256) and, for a finished collection, that nothing follows it.
A mismatch stops the export with an `ExportError` saying what is wrong and how to start over; the files are not
touched, so nothing is written over a directory that someone else changed.

**One at a time.** An export holds `DIR/.korusticket-export.lock` (filelock) while it runs: a second export into
the same directory, from any process, is refused at once rather than interleaving pages.

Every failure of the export itself is an `ExportError` (a `KorusTicketError`) with a one-line message: a full
disk, a read-only directory, a file-size limit, a state file that is not one. API errors are the SDK's usual ones.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filelock
import orjson

import korusticket.ops as ops
from korusticket._files import NotASmallFile, read_small_file
from korusticket._operation import _shown, check_count, is_integer
from korusticket.booking.inputs import check_callback
from korusticket.client import AsyncKorusTicket, KorusTicket
from korusticket.errors import ArgumentTypeError, ConfigurationError, InvalidRequestError, KorusTicketError
from korusticket.iri import check_id
from korusticket.pagination import MAX_PAGE_SIZE, Page, check_page_size

__all__ = [
    "COLLECTIONS",
    "LOCK_FILE",
    "STATE_FILE",
    "ExportError",
    "ExportProgress",
    "ExportResult",
    "async_export_catalog",
    "export_catalog",
]

STATE_FILE = ".korusticket-export.json"
"""In the export directory: what is recorded so far (pages, items, bytes and last line per file)."""
LOCK_FILE = ".korusticket-export.lock"
"""In the export directory: held by the export that is running."""
STATE_FORMAT = 2
"""Version of the state file. 1 was `korusticket.cli.export`'s, which kept no last line and sorted keys."""
COLLECTIONS: tuple[tuple[str, Any], ...] = (
    ("product_bases", ops.list_product_bases),
    ("products", ops.list_products),
    ("offers", ops.list_offers),
)
"""File name (without `.jsonl`) and the catalog's collection operation, in the order they are exported."""
STATE_LIMIT = 1024 * 1024
"""The largest state file read (one holds a few hundred bytes)."""
COMMIT_PAGES = 50
"""Pages written between two syncs at most (2,500 offers at 50 a page)."""
COMMIT_SECONDS = 1.0
"""... or seconds: a sync per page cost more than the rest of the export's writing (make bench)."""
ENTRY_KEYS = frozenset({"pages", "items", "bytes", "last_line", "total", "done"})
READ_CHUNK = 1 << 20


RESUME_ADVICE = "what was recorded is kept: run the export again to resume"


class ExportError(KorusTicketError):
    """What stopped an export, in one line: the file or directory, what is wrong, and what to do.

    The files keep what was recorded: once the cause is fixed, the same export resumes.
    """


@dataclass(frozen=True)
class ExportProgress:
    """What the export reports after each page it writes (and once per collection before its first)."""

    collection: str
    """The file's name without `.jsonl`: `product_bases`, `products` or `offers`."""
    items: int
    """Lines written so far, from earlier runs included."""
    pages: int
    total_items: int | None
    """The collection's `totalItems`, once a page has said it."""
    done: bool


@dataclass(frozen=True)
class ExportResult:
    """A finished export."""

    directory: Path
    counts: Mapping[str, int]
    """Lines per collection (`product_bases`, `products`, `offers`)."""
    resumed: bool
    """Whether it went on from an earlier, unfinished run (or found the export already complete)."""

    def path(self, collection: str) -> Path:
        """The file of a collection: `result.path("offers")` is `DIR/offers.jsonl`."""
        return self.directory / f"{collection}.jsonl"


ProgressCallback = Callable[[ExportProgress], None]


def export_catalog(
    kt: KorusTicket,
    catalog_id: str,
    out_dir: str | os.PathLike[str],
    *,
    page_size: int | None = None,
    prefetch: int = 4,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """Export `catalog_id` into `out_dir`, or finish an export there that stopped.

    `page_size` (1-50) is the state's when resuming and 50 otherwise; `prefetch` is how many pages are fetched
    ahead (see `kt.paginate`). `progress` is called after each page written, in this thread.
    Raises `ExportError` for anything wrong with the directory or its files, `ConfigurationError` when it holds
    another catalog's export, and the SDK's API errors.
    """
    if not isinstance(kt, KorusTicket):
        raise ArgumentTypeError(
            f"kt: expected a KorusTicket (async_export_catalog takes an AsyncKorusTicket), got {_shown(kt)}"
        )
    with _Export.open(catalog_id, out_dir, page_size, progress, prefetch) as export:
        for name, operation in COLLECTIONS:
            writer = export.writer(name)
            if writer.done:
                continue
            pages = kt._paginate(
                operation,
                {"catalog_id": export.catalog, "page": writer.next_page},
                page_size=export.page_size,
                prefetch=prefetch,
                keep_json=True,
            ).pages()
            with writer.recording(), contextlib.closing(pages):
                for page in pages:
                    writer.write(page)
                    del page  # not held while the next page is built (see pagination.AHEAD)
        return export.result()


async def async_export_catalog(
    kt: AsyncKorusTicket,
    catalog_id: str,
    out_dir: str | os.PathLike[str],
    *,
    page_size: int | None = None,
    prefetch: int = 4,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """The asynchronous twin of `export_catalog`, for an `AsyncKorusTicket`.

    Files are written from the event loop: a page's write is a few hundred microseconds, and a sync happens at
    most once a second (`COMMIT_SECONDS`).
    """
    if not isinstance(kt, AsyncKorusTicket):
        raise ArgumentTypeError(
            f"kt: expected an AsyncKorusTicket (export_catalog takes a KorusTicket), got {_shown(kt)}"
        )
    with _Export.open(catalog_id, out_dir, page_size, progress, prefetch) as export:
        for name, operation in COLLECTIONS:
            writer = export.writer(name)
            if writer.done:
                continue
            pages = kt._paginate(
                operation,
                {"catalog_id": export.catalog, "page": writer.next_page},
                page_size=export.page_size,
                prefetch=prefetch,
                keep_json=True,
            ).pages()
            with writer.recording():
                async with contextlib.aclosing(pages):
                    async for page in pages:
                        writer.write(page)
                        del page  # see export_catalog
        return export.result()


# ------------------------------------------------------------------------------------------------- the state


@dataclass
class _Entry:
    """What the state records for one file."""

    pages: int = 0
    items: int = 0
    bytes: int = 0
    last_line: tuple[int, str] | None = None
    """Offset and SHA-256 (hex) of the last recorded line."""
    total: int | None = None
    done: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "items": self.items,
            "bytes": self.bytes,
            "last_line": list(self.last_line) if self.last_line else None,
            "total": self.total,
            "done": self.done,
        }


@dataclass
class _State:
    catalog: str
    page_size: int
    entries: dict[str, _Entry] = field(default_factory=dict)

    def to_json(self) -> bytes:
        collections = {name: entry.to_json() for name, entry in self.entries.items()}
        body = {"format": STATE_FORMAT, "catalog": self.catalog, "page_size": self.page_size}
        return orjson.dumps({**body, "collections": collections})


def _count(value: Any) -> bool:
    """A count or size the state records: an integer >= 0, unbounded (a file may pass 2 GB)."""
    return is_integer(value) and value >= 0


def _parse_state(raw: bytes, where: str, start_over: str) -> _State:
    """The state file's content, checked key by key; a bad one is an ExportError naming what is wrong."""

    def bad(problem: str) -> ExportError:
        return ExportError(f"{where}: {problem}; {start_over}")

    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise bad("not a korusticket export state (not JSON)") from None
    if not isinstance(data, dict):
        raise bad(f"not a korusticket export state (a JSON {type(data).__name__}, expected an object)")
    if data.get("format") != STATE_FORMAT:
        raise bad(f"written by another version of the export (format {data.get('format')!r}, expected {STATE_FORMAT})")
    for key in ("catalog", "page_size", "collections"):
        if key not in data:
            raise bad(f"no {key!r}")
    catalog, page_size, collections = data["catalog"], data["page_size"], data["collections"]
    if not isinstance(catalog, str):
        raise bad(f"'catalog' is {catalog!r}, expected a catalog id")
    if not (_count(page_size) and 1 <= page_size <= MAX_PAGE_SIZE):
        raise bad(f"'page_size' is {page_size!r}, expected an integer from 1 to {MAX_PAGE_SIZE}")
    if not isinstance(collections, dict):
        raise bad("'collections' is not an object")
    known = dict(COLLECTIONS)
    state = _State(catalog, page_size)
    for name, entry in collections.items():
        if name not in known:
            raise bad(f"unknown collection {name!r}")
        state.entries[name] = _parse_entry(entry, f"collections.{name}", bad)
    return state


def _parse_entry(entry: Any, where: str, report: Callable[[str], ExportError]) -> _Entry:
    def bad(problem: str) -> ExportError:
        return report(f"{where}: {problem}")

    if not isinstance(entry, dict):
        raise bad("not an object")
    missing = sorted(ENTRY_KEYS - set(entry))
    if missing:
        raise bad(f"no {missing[0]!r}")
    for key in ("pages", "items", "bytes"):
        if not _count(entry[key]):
            raise bad(f"{key!r} is {entry[key]!r}, expected an integer >= 0")
    if entry["total"] is not None and not _count(entry["total"]):
        raise bad(f"'total' is {entry['total']!r}, expected an integer >= 0 or null")
    if not isinstance(entry["done"], bool):
        raise bad(f"'done' is {entry['done']!r}, expected true or false")
    last = entry["last_line"]
    if last is not None:
        valid = isinstance(last, list) and len(last) == 2 and _count(last[0]) and isinstance(last[1], str)
        if not valid or len(last[1]) != 64:
            raise bad(f"'last_line' is {last!r}, expected [offset, sha256] or null")
        last = (last[0], last[1])
    return _Entry(entry["pages"], entry["items"], entry["bytes"], last, entry["total"], entry["done"])


# ------------------------------------------------------------------------------------------------- the files


@contextlib.contextmanager
def _os_errors(path: Path, doing: str, then: str = RESUME_ADVICE) -> Iterator[None]:
    """An OSError as one line naming the file, what the export was doing, and `then`, what to do."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportError(f"{path}: cannot {doing}: {reason}; {then}") from None


def _write_all(descriptor: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(descriptor, view, offset)
        _check_progress(written)
        view, offset = view[written:], offset + written


def _check_progress(written: int) -> None:
    if written <= 0:  # a write that takes nothing, and raises nothing, would be tried again forever
        raise OSError(errno.EIO, "the file system took no byte of the write")


IOV_BATCH = 512
"""Buffers handed to one `os.pwritev` at most (POSIX guarantees 16; Linux and macOS take 1024)."""


def _write_buffers(descriptor: int, buffers: list[bytes], offset: int) -> int:
    """Write `buffers` one after the other from `offset`, in as few system calls as the OS allows, without
    joining them into one copy first (a batch of pages is megabytes); returns the bytes written."""
    if not hasattr(os, "pwritev"):
        data = b"".join(buffers)
        _write_all(descriptor, data, offset)
        return len(data)
    views = deque(memoryview(buffer) for buffer in buffers if buffer)
    start = offset
    while views:
        written = os.pwritev(descriptor, list(itertools.islice(views, IOV_BATCH)), offset)
        _check_progress(written)
        offset += written
        while views and written >= len(views[0]):  # a write may stop short, even inside a buffer
            written -= len(views.popleft())
        if written:
            views[0] = views[0][written:]
    return offset - start


def _start_over(directory: Path) -> str:
    return f"to start over, delete {directory} (or export into another directory)"


def _sha256(line: bytes) -> str:
    return hashlib.sha256(line).hexdigest()


class _Export:
    """One run: the locked directory, its state, and a writer per collection."""

    def __init__(self, directory: Path, state: _State, progress: ProgressCallback | None):
        self.directory = directory
        self.state = state
        self.catalog = state.catalog
        self.page_size = state.page_size
        self.resumed = bool(state.entries)
        self._progress = progress
        self._writers: dict[str, _Writer] = {}
        self.state_path = directory / STATE_FILE
        self.start_over = _start_over(directory)
        self._directory_synced = False

    @classmethod
    @contextlib.contextmanager
    def open(
        cls,
        catalog_id: str,
        out_dir: str | os.PathLike[str],
        page_size: int | None,
        progress: ProgressCallback | None,
        prefetch: int = 0,
    ) -> Iterator[_Export]:
        catalog = check_id(catalog_id, "catalog_id")
        check_page_size(page_size)
        if not isinstance(out_dir, str | os.PathLike):
            raise ArgumentTypeError(f"out_dir: expected a path, got {_shown(out_dir)}")
        if not os.fspath(out_dir) or "\x00" in os.fspath(out_dir):
            raise InvalidRequestError(f"out_dir: expected a directory path, got {_shown(os.fspath(out_dir))}")
        check_count(prefetch, "prefetch")
        check_callback(progress, "progress")
        directory = Path(out_dir)
        with _os_errors(
            directory, "create the export directory", "nothing was written: choose a directory you may create"
        ):
            directory.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(str(directory / LOCK_FILE), timeout=0)
        try:
            lock.acquire()
        except filelock.Timeout:  # a TimeoutError, so an OSError: told apart first
            raise ExportError(
                f"{directory}: another export is writing into this directory (it holds {LOCK_FILE}); "
                "wait for it to finish, or export into another directory"
            ) from None
        except OSError as error:
            raise ExportError(
                f"{directory / LOCK_FILE}: cannot lock the export directory: {error.strerror or error}"
            ) from None
        export: _Export | None = None
        try:
            state = cls._load(directory, catalog, page_size)
            export = cls(directory, state, progress)
            export._check_files()
            yield export
        finally:
            if export is not None:
                export._close()
            lock.release()

    @staticmethod
    def _load(directory: Path, catalog: str, page_size: int | None) -> _State:
        path = directory / STATE_FILE
        start_over = _start_over(directory)
        try:
            with _os_errors(path, "read the export state"):
                raw = read_small_file(path, STATE_LIMIT) if os.path.lexists(path) else None
        except NotASmallFile as error:
            raise ExportError(f"{path}: {error}, so not a korusticket export state; {start_over}") from None
        if raw is None:
            return _State(catalog, page_size or MAX_PAGE_SIZE)
        state = _parse_state(raw, str(path), start_over)
        if state.catalog != catalog:
            raise ConfigurationError(
                f"out_dir: {directory} holds an export of catalog {state.catalog}, not {catalog}; "
                "choose another directory"
            )
        if page_size is not None and page_size != state.page_size:
            raise ExportError(
                f"{path}: this export was started with page size {state.page_size}, not {page_size}; "
                f"resume it without a page size, or {start_over}"
            )
        return state

    def _check_files(self) -> None:
        """Check every file against the state, then open them: a mismatch anywhere changes nothing."""
        for name, _ in COLLECTIONS:
            self._writers[name] = _Writer(self, name, self.state.entries.get(name))
        for writer in self._writers.values():
            writer.check()
        for writer in self._writers.values():
            if not writer.done:
                writer.open()
        fresh = [writer for writer in self._writers.values() if writer.fresh and not writer.done]
        if fresh:
            # Every new file recorded empty before its first line, in one state: whatever a failure leaves in
            # them is then ours to cut back.
            for writer in fresh:
                writer.sync()
            self.save()

    def writer(self, name: str) -> _Writer:
        writer = self._writers[name]
        writer.report()
        return writer

    def report(self, progress: ExportProgress) -> None:
        if self._progress is not None:
            self._progress(progress)

    def save(self, final: bool = False) -> None:
        """Write the state beside the files: a temporary file synced, then renamed over the old one.

        The directory is synced by the first save (the files' own entries are durable before any of their lines is
        recorded) and by a collection's last (`final`); in between, a rename lost in a crash only brings back the
        state before it, which the files still match (their unrecorded lines are cut back on resume)."""
        temporary = self.state_path.with_name(STATE_FILE + ".tmp")
        with _os_errors(self.state_path, "record the export state"):
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
            try:
                _write_all(descriptor, self.state.to_json(), 0)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            os.replace(temporary, self.state_path)
            if self._directory_synced and not final:
                return
            directory = os.open(self.directory, os.O_RDONLY)
            try:
                os.fsync(directory)  # the rename itself, and the files' own entries, are durable too
            finally:
                os.close(directory)
            self._directory_synced = True

    def result(self) -> ExportResult:
        counts = {name: writer.items for name, writer in self._writers.items()}
        return ExportResult(self.directory, counts, self.resumed)

    def _close(self) -> None:
        for writer in self._writers.values():
            writer.close()


class _Writer:
    """One collection's file: checked against its state entry when opened, then pages appended and recorded."""

    def __init__(self, export: _Export, name: str, entry: _Entry | None) -> None:
        self.export = export
        self.name = name
        self.path = export.directory / f"{name}.jsonl"
        self.fresh = entry is None
        self.entry = entry or _Entry()
        # What is written (may be ahead of the entry, which is what is durable and recorded).
        self.pages, self.items, self.offset = self.entry.pages, self.entry.items, self.entry.bytes
        self.last_line = self.entry.last_line
        self.total = self.entry.total
        self.done = self.entry.done
        self.descriptor: int | None = None
        self._pending: list[bytes] = []
        """Pages' lines not written yet: written in one go when the batch is synced (a write per page would
        hand the interpreter lock to the prefetching threads, and wait to get it back, once per page)."""
        self._pending_from = self.offset
        self._since_commit = 0
        self._committed_at = time.monotonic()

    @property
    def next_page(self) -> int:
        return self.pages + 1

    @property
    def _fd(self) -> int:
        if self.descriptor is None:
            raise RuntimeError(f"{self.path}: not open")  # a bug of this module, never the user's
        return self.descriptor

    def _mismatch(self, problem: str) -> ExportError:
        return ExportError(f"{self.path}: {problem}; {self.export.start_over}")

    def check(self) -> None:
        """Compare the file with its state entry, reading only: nothing is created or cut before every file passed."""
        with _os_errors(self.path, "read the export file"):
            try:
                found = os.lstat(self.path)
            except FileNotFoundError:
                found = None
            if found is not None and not stat.S_ISREG(found.st_mode):
                raise self._mismatch("is not a regular file (a link, a directory?); the export writes its own files")
            size = found.st_size if found is not None else 0
            self._check_size(size)
            if size and not self.fresh:
                self.descriptor = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    self._check_lines()
                finally:
                    self.close()

    def _check_size(self, size: int) -> None:
        entry, page_size = self.entry, self.export.page_size
        if self.fresh:
            if size:
                raise self._mismatch(
                    f"holds {size} bytes but {STATE_FILE} records none (not this export's file, or the state was lost)"
                )
            return
        if size < entry.bytes:
            raise self._mismatch(f"holds {size} bytes, but {STATE_FILE} records {entry.bytes}")
        if entry.done and size != entry.bytes:
            raise self._mismatch(f"holds {size} bytes, but its export finished at {entry.bytes}: it was changed since")
        if entry.pages == 0:
            consistent = entry.items == 0 and entry.bytes == 0
        else:
            consistent = (entry.pages - 1) * page_size < entry.items <= entry.pages * page_size
        if not consistent:
            raise self._mismatch(
                f"{STATE_FILE} records {entry.items} lines for {entry.pages} pages of {page_size}, "
                "which cannot both be right"
            )
        if entry.items == 0 and entry.last_line is not None:
            raise self._mismatch(f"{STATE_FILE} records a last line for an empty file")

    def _check_lines(self) -> None:
        entry = self.entry
        lines = self._count_lines(entry.bytes)
        if lines != entry.items:
            raise self._mismatch(
                f"holds {lines} lines in its first {entry.bytes} bytes, but {STATE_FILE} records {entry.items}"
            )
        if entry.items and (entry.last_line is None or not self._is_last_line(*entry.last_line)):
            raise self._mismatch(f"its last recorded line is not the one {STATE_FILE} describes")

    def open(self) -> None:
        """Open the file for writing, cut back to what is recorded (lines written after its last recorded page)."""
        with _os_errors(self.path, "open the export file"):
            self.descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            if os.fstat(self._fd).st_size > self.entry.bytes:
                os.ftruncate(self._fd, self.entry.bytes)

    def _count_lines(self, end: int) -> int:
        lines, offset = 0, 0
        while offset < end:
            chunk = os.pread(self._fd, min(READ_CHUNK, end - offset), offset)
            if not chunk:
                break
            lines += chunk.count(b"\n")
            offset += len(chunk)
        return lines

    def _is_last_line(self, start: int, digest: str) -> bool:
        end = self.entry.bytes
        if start >= end:
            return False
        line = os.pread(self._fd, end - start, start)
        if line.find(b"\n") != len(line) - 1:
            return False
        before = os.pread(self._fd, 1, start - 1) if start else b"\n"
        return before == b"\n" and _sha256(line) == digest

    def progress(self) -> ExportProgress:
        return ExportProgress(self.name, self.items, self.pages, self.total, self.done)

    def report(self) -> None:
        self.export.report(self.progress())

    def write(self, page: Page[Any]) -> None:
        """Append a page's members, one line each; record them once synced (in batches)."""
        if page.total_items is not None:
            self.total = page.total_items
        if not page.items:
            return  # nothing to record: an empty page only ends the collection
        # The members as the API sent them (each parsed into its model first, so of the documented shape), which
        # is what `to_dict()` writes back, without building it again; the models' own output when not kept.
        members = page.json if page.json is not None else [item.to_dict() for item in page.items]
        lines = [orjson.dumps(member, option=orjson.OPT_APPEND_NEWLINE) for member in members]
        data = b"".join(lines)
        self._pending.append(data)
        last = lines[-1]
        self.last_line = (self.offset + len(data) - len(last), _sha256(last))
        self.offset += len(data)
        self.items += len(lines)
        self.pages = page.number or self.pages + 1
        self._since_commit += 1
        if self._since_commit >= COMMIT_PAGES or time.monotonic() - self._committed_at >= COMMIT_SECONDS:
            self.commit()
        self.report()

    def sync(self) -> bool:
        """Sync what is written and make it this file's entry in the state (saved by the caller); False when
        nothing changed since the last one."""
        written = _Entry(self.pages, self.items, self.offset, self.last_line, self.total, self.done)
        if written == self.entry and not self.fresh:
            return False
        if self._pending:
            with _os_errors(self.path, "write the export file"):
                size = _write_buffers(self._fd, self._pending, self._pending_from)
            self._pending.clear()  # only once written: a failed write is tried again by the next sync
            self._pending_from += size
        with _os_errors(self.path, "sync the export file"):
            os.fsync(self._fd)
        self.entry = written
        self.export.state.entries[self.name] = written
        self.fresh = False
        return True

    def commit(self, final: bool = False) -> None:
        """Sync what is written, then record it: a page is in the state only once its lines are durable."""
        if self.sync():
            self.export.save(final)
        self._since_commit, self._committed_at = 0, time.monotonic()

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        """Around the pages of one collection: finish it, or record what was written before the failure."""
        try:
            yield
        except BaseException:
            # Whatever stopped it (an API error, Ctrl-C, a full disk), keep the pages fully written before it.
            with contextlib.suppress(ExportError, OSError):
                self.commit()
            raise
        self.done = True
        self.commit(final=True)
        self.report()

    def close(self) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None
