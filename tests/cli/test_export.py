"""`korusticket export`: resume, one export per directory, the state checked against the files, every OS error as
one line with a later run resuming, Ctrl-C, and crashes at random moments of a real process."""

from __future__ import annotations

import filecmp
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from korusticket.testing import Sandbox
from tests.cli.export_driver import OFFERS, slow_sandbox
from tests.cli.helpers import command_env, run, run_process

ROOT = Path(__file__).resolve().parents[2]
STATE_FILE = ".korusticket-export.json"
FILES = ("product_bases.jsonl", "products.jsonl", "offers.jsonl")
START_OVER = "to start over, delete"


class Interrupted(Sandbox):
    """A sandbox of 1,000 park offers whose offers pages fail after the `after`-th one."""

    def __init__(self, after: int) -> None:
        super().__init__(seed=0, catalog_offers=OFFERS)
        self.after, self.served = after, 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/offers"):
            self.served += 1
            if self.served > self.after:
                return httpx.Response(500, json={"title": "boom", "detail": "interrupted"})
        return super().handle(request)


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An uninterrupted export of the 1,000-offer sandbox."""
    out = tmp_path_factory.mktemp("whole")
    run(Interrupted(after=10**9), "export", "--out", str(out))
    return out


@pytest.fixture(scope="module")
def whole_default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An uninterrupted export of the sandbox `korusticket --sandbox` serves (seed 0, 240 offers)."""
    out = tmp_path_factory.mktemp("whole-default")
    run(Sandbox(seed=0), "--sandbox", "export", "--out", str(out))
    return out


def same_files(expected: Path, found: Path) -> None:
    for name in FILES:
        assert filecmp.cmp(expected / name, found / name, shallow=False), name


def state(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / STATE_FILE).read_text())
    return loaded


def write_state(out: Path, data: Any) -> None:
    (out / STATE_FILE).write_text(json.dumps(data))


def partial(tmp_path: Path, name: str = "partial") -> Path:
    """An export stopped by a 500 on the 8th offers page: product bases and products done, 7 offers pages."""
    out = tmp_path / name
    failed = run(Interrupted(after=7), "export", "--out", str(out), "--prefetch", "0", code=1)
    assert "error: 500" in failed.stderr
    assert state(out)["collections"]["offers"]["pages"] == 7
    return out


def one_error(stderr: str) -> str:
    """The one `error:` line of a run that failed on purpose: no traceback, no second error line."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def refused(out: Path, sandbox: Sandbox | None = None) -> str:
    """Run the export over a directory it must refuse: exit 1, one line, and not a byte changed."""
    before = {name: (out / name).read_bytes() for name in os.listdir(out) if name.endswith(".jsonl")}
    result = run(sandbox or Interrupted(after=10**9), "export", "--out", str(out), code=1)
    assert isinstance(result.exception, SystemExit), result.exception  # not a raw exception
    after = {name: (out / name).read_bytes() for name in os.listdir(out) if name.endswith(".jsonl")}
    assert after == before
    assert not any(b"\0" in content for content in after.values())
    return one_error(result.stderr)


# ------------------------------------------------------------------------------------------- resuming


def test_an_interrupted_export_resumes_to_the_same_files(tmp_path: Path, whole: Path) -> None:
    resumed = tmp_path / "resumed"
    broken = Interrupted(after=7)
    failed = run(broken, "export", "--out", str(resumed), "--prefetch", "4", code=1)
    assert "error: 500" in failed.stderr
    recorded = state(resumed)
    assert recorded["collections"]["product_bases"]["done"]
    assert recorded["collections"]["products"]["done"]
    assert 0 < recorded["collections"]["offers"]["pages"] < 20
    assert not recorded["collections"]["offers"]["done"]
    with open(resumed / "offers.jsonl", "ab") as stream:
        stream.write(b'{"half": "a line written after the last recorded page"')  # as a crash mid-write leaves it

    broken.after, broken.served = 10**9, 0  # no more failures; count the offers pages the resume asks for
    done = run(broken, "export", "--out", str(resumed), "--prefetch", "4")
    assert f"{resumed / 'offers.jsonl'}: 1000 lines" in done.stderr
    assert broken.served == 20 - recorded["collections"]["offers"]["pages"]  # 1000 offers, 50 a page
    same_files(whole, resumed)
    assert len((whole / "offers.jsonl").read_text().splitlines()) == OFFERS
    again = run(broken, "export", "--out", str(resumed))
    assert "offers.jsonl: 1000 lines" in again.stderr
    assert broken.served == 20 - recorded["collections"]["offers"]["pages"]  # nothing fetched: it was complete
    same_files(whole, resumed)


def test_export_refuses_a_directory_of_another_catalog(sandbox: Sandbox, tmp_path: Path) -> None:
    run(sandbox, "export", "--out", str(tmp_path / "e"))
    other = run(sandbox, "export", sandbox.stadium_catalog_id, "--out", str(tmp_path / "e"), code=2)
    assert "holds an export of catalog" in other.stderr
    assert "error: --out: " in other.stderr  # the command's option, not the library's argument


def test_a_directory_that_cannot_be_created_says_nothing_was_written(sandbox: Sandbox, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    refused = run(sandbox, "export", "--out", str(tmp_path / "file" / "e"), code=1)
    assert "cannot create the export directory" in refused.stderr
    assert "nothing was written" in refused.stderr
    assert "resume" not in refused.stderr


# ------------------------------------------------------------------------------------------- one at a time


def test_a_second_export_into_the_directory_is_refused_while_the_first_runs(tmp_path: Path, whole: Path) -> None:
    out = tmp_path / "shared"
    first = subprocess.Popen(  # noqa: S603 - our own driver
        [sys.executable, "-m", "tests.cli.export_driver", str(out), "0.15"],
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: offers_pages(out) >= 1, first)
        second = run(Interrupted(after=10**9), "export", "--out", str(out), code=1)
        line = one_error(second.stderr)
        assert line == (
            f"error: {out}: another export is writing into this directory (it holds .korusticket-export.lock); "
            "wait for it to finish, or export into another directory"
        )
        _, stderr = first.communicate(timeout=120)
    finally:
        stop(first)
    assert first.returncode == 0, stderr
    offers = (out / "offers.jsonl").read_text().splitlines()
    assert len(offers) == len({json.loads(line)["id"] for line in offers}) == OFFERS
    same_files(whole, out)


def wait_until(condition: Callable[[], bool], process: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, "the export ended before the test could act on it"
        assert time.monotonic() < deadline, "the export made no progress"
        time.sleep(0.02)


def stop(process: subprocess.Popen[str]) -> None:
    """Kill a driver the test is done with (if still running) and close its pipes."""
    if process.poll() is None:
        process.kill()
    process.communicate()


def offers_pages(out: Path) -> int:
    try:
        pages: int = state(out)["collections"]["offers"]["pages"]
    except (OSError, ValueError, KeyError):
        return 0
    return pages


# ------------------------------------------------------------------------------------------- the state checked


def test_a_state_claiming_more_bytes_than_the_file_holds_is_refused_without_writing(tmp_path: Path) -> None:
    out = partial(tmp_path)
    data = state(out)
    held = (out / "offers.jsonl").stat().st_size
    data["collections"]["offers"]["bytes"] += 5000
    write_state(out, data)
    line = refused(out)
    assert line.startswith(f"error: {out / 'offers.jsonl'}: holds {held} bytes, but {STATE_FILE} records {held + 5000}")
    assert START_OVER in line


@pytest.mark.parametrize("items", [None, 150])
def test_pages_behind_the_bytes_are_refused_rather_than_fetched_again(tmp_path: Path, items: int | None) -> None:
    """The state says 3 pages while the file's recorded bytes hold 7: resuming at page 4 would repeat 4 to 7."""
    out = partial(tmp_path)
    data = state(out)
    data["collections"]["offers"]["pages"] = 3
    if items is not None:
        data["collections"]["offers"]["items"] = items
    write_state(out, data)
    line = refused(out)
    assert line.startswith(f"error: {out / 'offers.jsonl'}: ")
    if items is None:
        assert "records 350 lines for 3 pages of 50, which cannot both be right" in line
    else:
        assert "holds 350 lines in its first" in line
        assert f"but {STATE_FILE} records 150" in line
    assert START_OVER in line
    assert len((out / "offers.jsonl").read_text().splitlines()) == 350


def drop(key: str) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> Any:
        del data[key]
        return data

    return change


def drop_entry_key(key: str) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> Any:
        del data["collections"]["offers"][key]
        return data

    return change


def set_entry(key: str, value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(data: dict[str, Any]) -> Any:
        data["collections"]["offers"][key] = value
        return data

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda data: [data], "not a korusticket export state (a JSON list, expected an object)"),
        (lambda data: "page 7", "not a korusticket export state (a JSON str, expected an object)"),
        (drop("page_size"), "no 'page_size'"),
        (drop("collections"), "no 'collections'"),
        (drop_entry_key("bytes"), "collections.offers: no 'bytes'"),
        (set_entry("bytes", -1), "collections.offers: 'bytes' is -1, expected an integer >= 0"),
        (set_entry("pages", "7"), "collections.offers: 'pages' is '7', expected an integer >= 0"),
        (lambda data: {**data, "page_size": 0}, "'page_size' is 0, expected an integer from 1 to 50"),
    ],
)
def test_a_state_file_that_is_not_one_is_a_clear_error(
    tmp_path: Path, change: Callable[[dict[str, Any]], Any], expected: str
) -> None:
    out = partial(tmp_path)
    write_state(out, change(state(out)))
    line = refused(out)
    assert line.startswith(f"error: {out / STATE_FILE}: {expected}; {START_OVER}")


def test_a_state_file_that_is_not_json_is_a_clear_error(tmp_path: Path) -> None:
    out = partial(tmp_path)
    (out / STATE_FILE).write_bytes(b'{"catalog": "0194')
    assert refused(out).startswith(f"error: {out / STATE_FILE}: not a korusticket export state (not JSON)")


def test_a_changed_last_line_is_refused(tmp_path: Path) -> None:
    out = partial(tmp_path)
    offers = out / "offers.jsonl"
    content = offers.read_bytes()
    at = content.rindex(b'"id":"') + 6
    offers.write_bytes(content[:at] + (b"1" if content[at : at + 1] != b"1" else b"2") + content[at + 1 :])
    line = refused(out)
    assert line.startswith(f"error: {offers}: its last recorded line is not the one {STATE_FILE} describes")


def test_a_finished_export_whose_file_grew_is_refused(tmp_path: Path, whole: Path) -> None:
    out = tmp_path / "done"
    shutil.copytree(whole, out)
    with open(out / "products.jsonl", "ab") as stream:
        stream.write(b'{"id": "added by hand"}\n')
    line = refused(out)
    assert f"{out / 'products.jsonl'}: holds " in line
    assert "but its export finished at" in line


def test_files_without_a_state_are_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "offers.jsonl").write_text('{"my": "own data"}\n')
    line = refused(out)
    assert line.startswith(f"error: {out / 'offers.jsonl'}: holds 19 bytes but {STATE_FILE} records none")


# ------------------------------------------------------------------------------------------- OS errors


def unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True, check=False)  # noqa: S607
    return probe.returncode == 0


needs_unshare = pytest.mark.skipif(
    not unshare_works(), reason="needs unshare -Urm (a user and mount namespace) for a real full or read-only disk"
)


def limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_file_size_limit_is_one_line_and_a_later_run_resumes(tmp_path: Path, whole_default: Path) -> None:
    out = tmp_path / "limited"
    command = [sys.executable, "-m", "korusticket", "--sandbox", "export", "--out", str(out)]
    limited = subprocess.run(  # noqa: S603 - our own module
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=command_env(),
        preexec_fn=limit_file_size(100_000),  # the limit is the test
    )
    assert limited.returncode == 1, limited.stderr
    line = one_error(limited.stderr)
    assert line.startswith(f"error: {out / 'offers.jsonl'}: cannot write the export file: File too large; ")
    assert line.endswith("run the export again to resume")
    assert 0 < (out / "offers.jsonl").stat().st_size <= 100_000

    resumed = run_process("--sandbox", "export", "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    same_files(whole_default, out)


@needs_unshare
def test_a_read_only_directory_is_one_line_and_a_later_run_resumes(tmp_path: Path, whole_default: Path) -> None:
    out = tmp_path / "readonly"
    limited = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "korusticket", "--sandbox", "export", "--out", str(out)],
        capture_output=True,
        check=False,
        timeout=120,
        env=command_env(),
        preexec_fn=limit_file_size(100_000),  # a partial export to resume
    )
    assert limited.returncode == 1
    before = {name: (out / name).read_bytes() for name in FILES}
    read_only_mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    read_only = run_process(
        "--sandbox", "export", "--out", str(out), prefix=("unshare", "-Urm", "sh", "-c", read_only_mount, str(out))
    )
    assert read_only.returncode == 1, read_only.stderr
    line = one_error(read_only.stderr)
    assert line.startswith(f"error: {out}")
    assert "Read-only file system" in line
    assert {name: (out / name).read_bytes() for name in FILES} == before

    resumed = run_process("--sandbox", "export", "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    same_files(whole_default, out)


@needs_unshare
def test_a_full_disk_is_one_line_and_a_later_run_resumes(tmp_path: Path, whole_default: Path) -> None:
    """On a 64 KiB tmpfs the export fills the disk; the same mount grown to 16 MiB lets the next run finish."""
    out, copy, logs = tmp_path / "full", tmp_path / "copy", tmp_path / "logs"
    out.mkdir()
    logs.mkdir()
    export = f'"{sys.executable}" -m korusticket --sandbox export --out "{out}"'
    script = (
        f'mount -t tmpfs -o size=64k tmpfs "{out}" && '
        f'{{ {export} 2>"{logs}/full.err"; echo $? >"{logs}/full.code"; }} && '
        f'mount -o remount,size=16m "{out}" && '
        f'{{ {export} 2>"{logs}/resumed.err"; echo $? >"{logs}/resumed.code"; }} && '
        f'cp -a "{out}" "{copy}"'
    )
    done = subprocess.run(  # noqa: S603 - unshare with our own script
        ["unshare", "-Urm", "sh", "-c", script],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
        env=command_env(),
    )
    assert done.returncode == 0, done.stderr
    full_error = (logs / "full.err").read_text()
    assert (logs / "full.code").read_text().strip() == "1", full_error
    line = one_error(full_error)
    assert line.startswith(f"error: {out}")
    assert "No space left on device" in line
    assert (logs / "resumed.code").read_text().strip() == "0", (logs / "resumed.err").read_text()
    same_files(whole_default, copy)


# ------------------------------------------------------------------------------------------- interrupted


def test_ctrl_c_says_how_to_resume(tmp_path: Path, whole: Path) -> None:
    out = tmp_path / "interrupted"
    process = subprocess.Popen(  # noqa: S603 - our own driver
        [sys.executable, "-m", "tests.cli.export_driver", str(out), "0.1"],
        cwd=ROOT,
        env=command_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: offers_pages(out) >= 1, process)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        stop(process)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("interrupted during offers (page ")
    assert last.endswith("): what was written is recorded; run the same command to resume")
    assert not state(out)["collections"]["offers"]["done"]

    run(slow_sandbox(0), "export", "--out", str(out))
    same_files(whole, out)


def test_killed_at_random_moments_it_resumes_to_the_same_files(tmp_path: Path, whole: Path) -> None:
    """SIGKILL (no chance to record anything more) while pages are fetched ahead and written, three times."""
    out = tmp_path / "killed"
    chosen = random.Random(20)
    killed_midway = 0
    for _ in range(3):
        if offers_done(out):
            break
        process = subprocess.Popen(  # noqa: S603 - our own driver
            [sys.executable, "-m", "tests.cli.export_driver", str(out), "0.2", "4"],
            cwd=ROOT,
            env=command_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started = offers_pages(out)
        try:
            wait_until(lambda at=started: offers_pages(out) > at, process)  # type: ignore[misc]
            time.sleep(chosen.uniform(0, 0.3))
        finally:
            process.kill()
            process.wait()
        killed_midway += not offers_done(out)
    assert killed_midway >= 1
    run(slow_sandbox(0), "export", "--out", str(out))
    same_files(whole, out)


def offers_done(out: Path) -> bool:
    try:
        done: bool = state(out)["collections"]["offers"]["done"]
    except (OSError, ValueError, KeyError):
        return False
    return done
