"""What the `korusticket` pytest plugin adds to a pytest run that does not use its fixtures.

In a new virtualenv holding the built wheel and pytest only (a user's environment where the SDK is
installed), one test file with one empty test runs as a fresh `python -m pytest` process per sample,
the variants taking turns in each round so the machine's load falls on all of them alike:

- `-p no:korusticket`: the plugin off, the baseline;
- nothing: the plugin as installed (the `pytest11` entry point, `_korusticket_pytest_plugin`);
- `-p no:korusticket -p korusticket.testing.pytest_plugin`: the same fixtures registered through the
  SDK's package, which imports `korusticket` first: what the entry point cost before it moved out.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.common import Spread, differences, interleaved, rounds, table
from tests.packaging.clean_venv import build, clean_environment, install

ROUNDS = rounds(11, 3)
BASELINE = "plugin off: -p no:korusticket"
PLUGIN = "_korusticket_pytest_plugin"
EAGER = "korusticket.testing.pytest_plugin"
VARIANTS = {
    BASELINE: ["-p", "no:korusticket"],
    "plugin on (the installed entry point)": [],
    "fixtures via korusticket.testing.pytest_plugin": ["-p", "no:korusticket", "-p", EAGER],
}
COMMAND = ["-m", "pytest", "-q", "-p", "no:cacheprovider"]


def one_run(python: Path, directory: Path, extra: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - the virtualenv's interpreter
        [str(python), *COMMAND, *extra, "test_one.py"],
        cwd=directory,
        env=clean_environment(),
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def import_time(python: Path, directory: Path, module: str) -> float:
    """Seconds to import `module` once pytest is imported, in a fresh process: the plugin's own cost, without
    the rest of a pytest run's noise."""
    code = f"import time, pytest; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    result = subprocess.run(  # noqa: S603 - the virtualenv's interpreter
        [str(python), "-c", code],
        cwd=directory,
        env=clean_environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout)


def plugin_cost() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        python = install(build(root / "dist").wheel, root / "venv", "pytest")
        directory = root / "project"
        directory.mkdir()
        (directory / "test_one.py").write_text("def test_nothing() -> None:\n    pass\n", encoding="utf-8")
        for extra in VARIANTS.values():  # write the bytecode caches before timing
            one_run(python, directory, extra)
        samples = interleaved(
            {name: lambda extra=extra: one_run(python, directory, extra) for name, extra in VARIANTS.items()}, ROUNDS
        )
        imports = interleaved(
            {module: lambda module=module: import_time(python, directory, module) for module in (PLUGIN, EAGER)},
            ROUNDS,
        )
    rows = []
    for name, values in samples.items():
        rows.append([name, Spread.of(values).show(), Spread.of(differences(samples, name, BASELINE)).show()])
    return [
        f"A new virtualenv with the wheel and pytest; `python {' '.join(COMMAND)} [variant] test_one.py` (one empty",
        f"test), median (min-max) of {ROUNDS} rounds, the variants taking turns. Added: the difference with the",
        "plugin off in the same round.",
        "",
        *table(["one-test pytest run", "seconds", "added s (same round)"], rows),
        "",
        f"The plugin module's import alone, after `import pytest`, in a fresh process per round ({ROUNDS} rounds):",
        "",
        *table(
            ["import", "ms"],
            [[f"`{module}`", Spread.of(times).show(1000, 2)] for module, times in imports.items()],
        ),
    ]


if __name__ == "__main__":
    print("\n".join(plugin_cost()))
