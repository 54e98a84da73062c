"""`make generate`'s three steps for any spec, into a scratch directory: what the fixture-spec tests run.

The generator runs with the project's settings (generator-config.yaml, our templates, `--fail-on-warning`)
except the class overrides, which name korusticket's own models.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


@dataclass
class Generated:
    prepared: Path
    package: Path
    facade: Path
    log: str


def run(command: list[str | Path], **extra_env: str) -> str:
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONPATH": str(ROOT / "hand_written"), **extra_env}
    done = subprocess.run(  # noqa: S603 - our own tools, fixed arguments
        [str(part) for part in command], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{output}")
    return output


def generator_config(directory: Path, package_name: str) -> Path:
    config: dict[str, Any] = yaml.safe_load((ROOT / "generator-config.yaml").read_text(encoding="utf-8"))
    config.pop("class_overrides", None)
    config["package_name_override"] = package_name
    config["project_name_override"] = package_name.replace("_", "-")
    path = directory / "generator-config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def generate(spec: Path, directory: Path, package_name: str) -> Generated:
    """prepare, openapi-python-client (failing on any warning), then the facade step."""
    prepared = directory / "generator-input.yaml"
    package = directory / package_name
    facade = directory / "facade"
    log = run([BIN / "python", "-m", "codegen", "prepare", spec, prepared])
    log += run(
        [
            BIN / "openapi-python-client",
            "generate",
            "--path",
            prepared,
            "--config",
            generator_config(directory, package_name),
            "--custom-template-path",
            ROOT / "hand_written/codegen/templates",
            "--meta",
            "none",
            "--output-path",
            package,
            "--fail-on-warning",
        ]
    )
    log += run([BIN / "python", "-m", "codegen", "facade", prepared, package, facade])
    return Generated(prepared, package, facade, log)
