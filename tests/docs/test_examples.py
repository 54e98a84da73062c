"""Every Python block of the README and of the docs runs as written, offline.

A block that needs the vendor's credentials says so in its fence, ```python title="needs credentials"
(rendered as the block's title on the reference site, ignored by GitHub and PyPI): it is only
compiled, and the block right after it must be its twin that runs, on the sandbox. Every other block
runs in a fresh namespace, in a temporary directory, without `KORUSTICKET_*` settings; a block defining
`test_` functions runs under pytest with the korusticket plugin, as a user's test file would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.docs.markdown_blocks import Block, blocks_of


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


ALL_BLOCKS = [block for path in documents() for block in blocks_of(path)]
PYTHON = [block for block in ALL_BLOCKS if block.language == "python"]
RUNNABLE = [block for block in PYTHON if not block.needs_credentials]


def test_the_documents_hold_python_examples() -> None:
    # The guide pages include README sections (run from README.md) and add their own, such as testing.md's.
    assert {block.path.name for block in RUNNABLE} >= {"README.md", "testing.md"}
    assert sum(block.needs_credentials for block in PYTHON) >= 2


def test_the_readme_starts_with_installing_and_the_demo() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "pip install korusticket" in head
    assert "korusticket demo" in head


@pytest.mark.parametrize("block", [b for b in PYTHON if b.needs_credentials], ids=lambda b: b.where)
def test_a_block_needing_credentials_compiles_and_has_a_runnable_twin_next_to_it(block: Block) -> None:
    compile(block.code, block.where, "exec")
    same_file = [b for b in ALL_BLOCKS if b.path == block.path]
    following = same_file[same_file.index(block) + 1 :]
    assert following, f"{block.where}: no block after it"
    twin = following[0]
    assert twin.language == "python", f"{block.where}: the next block is {twin.language!r}, not its Python twin"
    assert not twin.needs_credentials, f"{block.where}: the next block needs credentials too"


@pytest.mark.parametrize("block", RUNNABLE, ids=lambda b: b.where)
def test_the_block_runs(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if re.search(r"^(async )?def test_", block.code, re.M):
        run_under_pytest(block, tmp_path)
        return
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith("KORUSTICKET_")]:
        monkeypatch.delenv(name)
    namespace: dict[str, object] = {"__name__": "__main__"}
    exec(compile(block.code, block.where, "exec"), namespace)  # noqa: S102 - our own documentation


def run_under_pytest(block: Block, directory: Path) -> None:
    (directory / "test_block.py").write_text(block.code, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith("KORUSTICKET_")}
    # Only the plugins a user's project would have: ours, the two asyncio runners the docs name, pytest-httpx.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    plugins = ["-p", "korusticket", "-p", "asyncio", "-p", "anyio", "-p", "pytest_httpx"]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugins, "test_block.py"]
    result = subprocess.run(command, cwd=directory, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, f"{block.where}:\n{result.stdout}\n{result.stderr}"
    assert re.search(r"\d+ passed", result.stdout), result.stdout
    assert "skipped" not in result.stdout, result.stdout
