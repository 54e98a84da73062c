"""Build the distribution and install the wheel in a new virtualenv, offline, as a user would get it.

The packages come from the local sources pip is configured with (its find-links folders and file://
indexes) and nothing else: pip's own configuration files are ignored so that no other index is asked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Distribution:
    wheel: Path
    sdist: Path


def build(out_dir: Path) -> Distribution:
    """The wheel and sdist of the working tree, as `make dist` builds them."""
    command = [sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--target", "sdist", "-d", str(out_dir)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # noqa: S603 - our own interpreter
    (wheel,) = out_dir.glob("*.whl")
    (sdist,) = out_dir.glob("*.tar.gz")
    return Distribution(wheel, sdist)


def local_sources() -> tuple[list[str], list[str]]:
    """(index URLs, find-links) among pip's configured sources that are on this machine's disk."""
    listing = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    indexes: list[str] = []
    links: list[str] = []
    for line in listing.splitlines():
        key, _, value = line.partition("=")
        option = key.rsplit(".", 1)[-1]
        for item in value.strip("'\"").split():
            if not item.startswith(("file://", "/")):
                continue
            if option in ("index-url", "extra-index-url") and item not in indexes:
                indexes.append(item)
            elif option == "find-links" and item not in links:
                links.append(item)
    return indexes, links


def clean_environment() -> dict[str, str]:
    """The environment minus pip's settings and anything that would put the repository on sys.path."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "PYTHON", "KORUSTICKET_", "VIRTUAL_ENV", "PYTEST_"))
    }
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def install(wheel: Path, venv: Path, *requirements: str) -> Path:
    """A new virtualenv at `venv` with `wheel` and `requirements` installed offline; returns its python."""
    subprocess.run(  # noqa: S603 - the interpreter running the tests
        [sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, capture_output=True
    )
    python = venv / "bin" / "python"
    indexes, links = local_sources()
    if indexes:
        sources = ["--index-url", indexes[0], *(f"--extra-index-url={url}" for url in indexes[1:])]
    else:
        sources = ["--no-index"]
    sources += [f"--find-links={link}" for link in [str(wheel.parent), *links]]
    # This pip, pointed at the new interpreter: the virtualenv itself gets no pip, which saves seconds.
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", *sources]
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [*command, str(wheel), *requirements], env=clean_environment(), capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"installing {wheel.name} failed:\n{result.stdout}\n{result.stderr}")
    return python
