"""The end of `make update-spec`: the package version and the changelog entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen.bump import VersionBump, bump_version, category, changelog_items, next_steps, write_changelog
from codegen.diff import Change

EXISTING = """# Changelog

Intro text.

## [Unreleased]

The first release.

### Added

- The client.

### Fixed

- Something.

## [0.9.0] - 2026-01-01

### Added

- Old things.
"""


def version_file(tmp_path: Path, version: str) -> Path:
    path = tmp_path / "__init__.py"
    path.write_text(f'"""Doc."""\n\n__version__ = "{version}"\n__all__ = ["__version__"]\n', encoding="utf-8")
    return path


def test_a_new_api_version_starts_its_sdk_revisions_at_1(tmp_path: Path) -> None:
    path = version_file(tmp_path, "1.0.38.3")
    assert bump_version(path, "1.0.39") == VersionBump("1.0.38.3", "1.0.39.1")
    assert '__version__ = "1.0.39.1"\n' in path.read_text(encoding="utf-8")


def test_the_same_api_version_leaves_the_revision_to_the_maintainer(tmp_path: Path) -> None:
    path = version_file(tmp_path, "1.0.38.3")
    assert bump_version(path, "1.0.38") == VersionBump("1.0.38.3", None)
    assert '__version__ = "1.0.38.3"' in path.read_text(encoding="utf-8")
    steps = next_steps([], [], VersionBump("1.0.38.3", None), path, tmp_path / "CHANGELOG.md")
    assert "raise the SDK revision of __version__ (1.0.38.3)" in steps


def test_a_file_without_a_version_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "__init__.py"
    path.write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"__init__.py: no `__version__ = \"...\"` line to bump"):
        bump_version(path, "1.0.39")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (Change("POST /x", "operation cancel_order added (api_x)", False), "Added"),
        (Change("S", "field channel added (required)", True), "Changed"),
        (Change("S", "field notes removed", True), "Removed"),
        (Change("S", "field title: enum value mx removed", True), "Changed"),
        (Change("GET /x", "now deprecated", False), "Deprecated"),
        (Change("S", "field a: string -> number", True), "Changed"),
    ],
)
def test_categories(change: Change, expected: str) -> None:
    assert category(change) == expected


def test_the_entry_goes_into_the_unreleased_lists(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(EXISTING, encoding="utf-8")
    wire = [
        Change("info.version", "1.0.38 -> 1.0.39", False),
        Change("POST /x", "operation cancel_order added (api_x)", False),
        Change("S", "field notes removed", True),
    ]
    python = [Change("models.S.notes", "removed", True), Change("models.S.reason", "attribute added", False)]
    items = changelog_items("1.0.38", "1.0.39", wire, python, VersionBump("1.0.38.1", "1.0.39.1"))
    write_changelog(changelog, items)
    write_changelog(changelog, items)  # a second run adds nothing
    assert changelog.read_text(encoding="utf-8") == (
        """# Changelog

Intro text.

## [Unreleased]

The first release.

### Added

- The client.
- API 1.0.39: `POST /x`: operation cancel_order added (api_x).

### Changed

- KorusTicket API 1.0.39 (was 1.0.38): the client is regenerated from it (release 1.0.39.1).
- **Breaking:** Python: `models.S.notes`: removed.

### Removed

- **Breaking:** API 1.0.39: `S`: field notes removed.

### Fixed

- Something.

## [0.9.0] - 2026-01-01

### Added

- Old things.
"""
    )


def test_a_missing_changelog_is_created_in_keep_a_changelog_style(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    write_changelog(changelog, {"Added": ["API 2: `GET /y`: operation get_y added (y)."]})
    text = changelog.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "[Keep a Changelog](https://keepachangelog.com/en/1.1.0/)" in text
    assert text.endswith("## [Unreleased]\n\n### Added\n\n- API 2: `GET /y`: operation get_y added (y).\n")


def test_a_changelog_without_an_unreleased_section_gets_one_above_the_releases(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## [1.0.0] - 2026-01-01\n\n- First.\n", encoding="utf-8")
    write_changelog(changelog, {"Removed": ["gone."]})
    assert changelog.read_text(encoding="utf-8") == (
        "# Changelog\n\n## [Unreleased]\n\n### Removed\n\n- gone.\n\n## [1.0.0] - 2026-01-01\n\n- First.\n"
    )
