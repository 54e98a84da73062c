"""The end of `make update-spec`: the Python-name report, the package version, the changelog entry, next steps.

Run after the new spec is in place and regenerated, with the previous spec and generated package kept aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from codegen.diff import Change

CHANGELOG_HEADER = """# Changelog

What changed in each release of korusticket, newest first, in the style of
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/). A version is `<API version>.<SDK revision>`:
the KorusTicket API version the client is generated from, then this SDK's release for it, from 1.
A spec bump (`make update-spec`) adds what changed in the API under `[Unreleased]`.

## [Unreleased]
"""
CATEGORIES = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
VERSION_LINE = re.compile(r'^__version__ = "(?P<version>[^"]+)"$', re.MULTILINE)


@dataclass(frozen=True)
class VersionBump:
    old: str
    new: str | None
    """None when the API version did not change: the SDK revision is the maintainer's call."""


def bump_version(version_file: Path, api_version: str) -> VersionBump:
    """Set `__version__` to `<api_version>.1` when the API version changed; leave it otherwise."""
    text = version_file.read_text(encoding="utf-8")
    match = VERSION_LINE.search(text)
    if match is None:
        raise ValueError(f'{version_file}: no `__version__ = "..."` line to bump')
    old = match.group("version")
    current_api = old.rpartition(".")[0]
    if current_api == api_version:
        return VersionBump(old, None)
    new = f"{api_version}.1"
    version_file.write_text(VERSION_LINE.sub(f'__version__ = "{new}"', text, count=1), encoding="utf-8")
    return VersionBump(old, new)


def category(change: Change) -> str:
    """The Keep a Changelog category of one change."""
    if change.what.endswith("removed") and "enum value" not in change.what:
        return "Removed"
    if change.what == "now deprecated":
        return "Deprecated"
    if "added" in change.what and not change.breaking:
        return "Added"
    return "Changed"


def changelog_items(
    old_api: str, new_api: str, wire: list[Change], python: list[Change], version: VersionBump
) -> dict[str, list[str]]:
    """The entry for one spec bump, by Keep a Changelog category."""
    release = version.new or f"{version.old.rpartition('.')[0]}.<next revision>"
    items: dict[str, list[str]] = {
        "Changed": [
            f"KorusTicket API {new_api} (was {old_api}): the client is regenerated from it (release {release})."
        ]
    }
    for change in wire:
        if change.where == "info.version":
            continue
        mark = "**Breaking:** " if change.breaking else ""
        items.setdefault(category(change), []).append(f"{mark}API {new_api}: `{change.where}`: {change.what}.")
    for change in python:
        if change.breaking:
            items["Changed"].append(f"**Breaking:** Python: `{change.where}`: {change.what}.")
    return items


def write_changelog(path: Path, items: dict[str, list[str]]) -> None:
    """Add `items` under `## [Unreleased]` (created if missing), into its `### Category` lists or new ones.

    An item already listed is not added again, so running the same bump twice leaves one entry.
    """
    lines = (path.read_text(encoding="utf-8") if path.exists() else CHANGELOG_HEADER).splitlines()
    if "## [Unreleased]" not in lines:
        at = next((index for index, line in enumerate(lines) if line.startswith("## [")), len(lines))
        lines[at:at] = ["## [Unreleased]", ""]
    start = lines.index("## [Unreleased]")
    end = next((index for index in range(start + 1, len(lines)) if lines[index].startswith("## ")), len(lines))
    section = lines[start:end]
    for position, name in enumerate(CATEGORIES):
        new = [f"- {item}" for item in items.get(name, []) if f"- {item}" not in section]
        if not new:
            continue
        heading = f"### {name}"
        if heading in section:
            first = section.index(heading) + 1
            stop = next((i for i in range(first, len(section)) if section[i].startswith("#")), len(section))
            while stop > first and not section[stop - 1].strip():
                stop -= 1
            section[stop:stop] = new
        else:
            later = [section.index(f"### {other}") for other in CATEGORIES[position + 1 :] if f"### {other}" in section]
            at = min(later) if later else len(section)
            section[at:at] = ["", heading, "", *new, ""]
    text = "\n".join(section)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    before, after = "\n".join(lines[:start]).rstrip("\n"), "\n".join(lines[end:]).strip("\n")
    path.write_text(
        (before + "\n\n" if before else "") + text + ("\n" + after + "\n" if after else ""), encoding="utf-8"
    )


def next_steps(
    wire: list[Change], python: list[Change], version: VersionBump, version_file: Path, changelog: Path
) -> str:
    added = [
        change.what.split()[1] for change in wire if change.what.startswith("operation ") and "added" in change.what
    ]
    breaking = sum(change.breaking for change in wire), sum(change.breaking for change in python)
    steps = [
        f"Read the report (build/spec-diff.txt): {breaking[0]} breaking change(s) on the wire, {breaking[1]} in the"
        " generated client's Python names.",
        "Run `make test`, and fix the hand-written code the breaking changes touch (korusticket's facade and"
        " booking flows, the sandbox in korusticket/testing, the tests). A newly required request field must be"
        " filled by the booking calls or passed by their callers.",
    ]
    if added:
        steps.append(
            f"New operation(s) {', '.join(added)}: callable now (`kt.call(ops.{added[0]}, ...)`); the sandbox"
            " answers them 501 until it has a handler in korusticket/testing/handlers/ (until then"
            " tests/testing/test_tour.py::test_every_operation_has_a_handler names them)."
        )
    if version.new:
        steps.append(f"{version_file}: __version__ is now {version.new} (was {version.old}); check it.")
    else:
        steps.append(
            f"The API version did not change: if this bump changes the client, raise the SDK revision of"
            f" __version__ ({version.old}) in {version_file} by hand."
        )
    steps.append(f"Edit the entry under [Unreleased] in {changelog} into words for users.")
    steps.append("Commit the files listed below, the new (untracked) ones included.")
    return "Next steps:\n" + "\n".join(f"  {number}. {step}" for number, step in enumerate(steps, 1))
