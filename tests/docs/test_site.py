"""The reference site: every public name has its entry, and a broken reference fails the strict build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import korusticket
import korusticket.testing
from tests.conftest import ROOT

REFERENCE = ROOT / "docs" / "reference"
# Shown in the clients page's prose rather than as entries of their own.
IN_PROSE = {"__version__", "__api_version__"}


def documented() -> set[str]:
    names = set()
    for page in REFERENCE.glob("*.md"):
        names |= set(re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.M))
    return names


def test_every_public_name_has_an_entry_in_the_reference() -> None:
    wanted = {f"korusticket.{name}" for name in korusticket.__all__ if name not in IN_PROSE}
    wanted |= {f"korusticket.testing.{name}" for name in korusticket.testing.__all__}
    wanted.add("_korusticket_pytest_plugin")
    assert sorted(wanted - documented()) == []


def test_the_site_is_built_strictly() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    assert "mkdocs build --strict" in (ROOT / "Makefile").read_text(encoding="utf-8")


BROKEN_PAGES = {
    "a link to a name that does not exist": "See [the client][korusticket.NoSuchClient].\n",
    "an entry for a name that does not exist": "::: korusticket.NoSuchClient\n",
    "an include of a README section that does not exist": '--8<-- "README.md:no-such-section"\n',
}


def build_one_page(page: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` with the project's own configuration, on a one-page site."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Broken\n\n" + page, encoding="utf-8")
    config |= {"docs_dir": str(docs), "site_dir": str(tmp_path / "site"), "nav": [{"Home": "index.md"}]}
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(ROOT)]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(ROOT / "hand_written")]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603


def test_the_one_page_harness_builds_a_sound_page(tmp_path: Path) -> None:
    page = '[money][korusticket.money]\n\n::: korusticket.money\n\n--8<-- "README.md:versions"\n'
    result = build_one_page(page, tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("page", BROKEN_PAGES.values(), ids=BROKEN_PAGES.keys())
def test_a_broken_reference_fails_the_build(page: str, tmp_path: Path) -> None:
    result = build_one_page(page, tmp_path)
    assert result.returncode != 0, result.stderr
    assert re.search(r"NoSuchClient|no-such-section", result.stderr), result.stderr
