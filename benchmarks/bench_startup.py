"""Start-up: `import korusticket` against `import httpx`, and the wall time of `korusticket --help`.

Each sample is a fresh interpreter (no module cached in memory; the bytecode caches written by a first, untimed
run of each). An import is timed inside the child around the `import` statement alone (`perf_counter`), so the
interpreter's own start-up is out of it; `korusticket --help` is timed from outside, the whole process, as a user
waits for it. The candidates take turns in rounds; the import target is the median, over rounds, of the
difference `korusticket - httpx` measured in the same round.

    PYTHONPATH=. .venv/bin/python -m benchmarks.bench_startup
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Section, Spread, Target, differences, interleaved, rounds, table

ROUNDS = rounds(15, 5)
# A user's interpreter reads the bytecode caches pip wrote at install time; a shell that sets
# PYTHONDONTWRITEBYTECODE (as CI images often do) would have every child recompile our sources from text.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
IMPORTS = {
    "import httpx": "import httpx",
    "import korusticket": "import korusticket",
    "from korusticket import KorusTicket": "from korusticket import KorusTicket",
}
# Building a client, once imported: a worker that builds one per job pays this each time (the SSL context the
# SDK's clients share is built by the first).
SETUP = "import httpx\nfrom korusticket import KorusTicket\nURL = 'https://api.demo.korusticket.com'"
BUILD = "KorusTicket(base_url=URL, token='t').close()"
CLIENTS = {  # each row's untimed setup, and the statement it times
    "httpx.Client() (imported)": (SETUP, "httpx.Client().close()"),
    "first KorusTicket() of a process (imported)": (SETUP, BUILD),
    "next KorusTicket() (imported)": (f"{SETUP}\n{BUILD}", BUILD),
}
HELP = "korusticket --help (wall, whole process)"
NOTHING = "python -c pass (wall, whole process)"


def child_import(statement: str, setup: str = "") -> Callable[[], float]:
    """`statement` timed inside a fresh interpreter, after `setup` (untimed)."""
    code = f"import time\n{setup}\nstarted = time.perf_counter()\n{statement}\nprint(time.perf_counter() - started)"

    def run() -> float:
        result = subprocess.run(  # noqa: S603 - this interpreter
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=CHILD_ENV
        )
        return float(result.stdout.strip().splitlines()[-1])

    return run


def wall(command: list[str]) -> Callable[[], float]:
    def run() -> float:
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=CHILD_ENV)  # noqa: S603 - our own command
        return time.perf_counter() - started

    return run


def console_script() -> list[str]:
    """The installed `korusticket` command beside this interpreter (else `python -m korusticket`)."""
    script = Path(sys.executable).with_name("korusticket")
    if script.exists():
        return [str(script), "--help"]
    found = shutil.which("korusticket")
    return [found, "--help"] if found else [sys.executable, "-m", "korusticket", "--help"]


def startup() -> Section:
    runs = {name: child_import(statement) for name, statement in IMPORTS.items()}
    for name, (setup, statement) in CLIENTS.items():
        runs[name] = child_import(statement, setup)
    runs[HELP] = wall(console_script())
    runs[NOTHING] = wall([sys.executable, "-c", "pass"])
    for run in runs.values():  # bytecode caches
        run()
    samples = interleaved(runs, ROUNDS)
    rows = [[name, Spread.of(values).show(1000, 1)] for name, values in samples.items()]
    added = Spread.of(differences(samples, "import korusticket", "import httpx"))
    client = Spread.of(differences(samples, "from korusticket import KorusTicket", "import httpx"))
    targets = [
        Target("import korusticket - import httpx (ms)", added, 0.060, scale=1000, unit=" ms", digits=1),
        # `import korusticket` alone loads neither httpx nor the client: the import a user's first call needs is
        # held to the same limit, so that the lazy package cannot pass the target on its own.
        Target(
            "from korusticket import KorusTicket - import httpx (ms)", client, 0.060, scale=1000, unit=" ms", digits=1
        ),
        Target("korusticket --help wall time (s)", Spread.of(samples[HELP]), 0.3, unit=" s", digits=3),
    ]
    lines = [
        f"Fresh interpreters, {ROUNDS} rounds, the candidates taking turns. Imports are timed inside the child around"
        " the import alone; the two whole-process rows include the interpreter's start-up. `import korusticket`"
        " loads the errors and the log switch (PEP 562); `from korusticket import KorusTicket` loads the client,"
        " httpx and what a call needs (the booking workflows and each generated model load on first use). The"
        " client rows time building and closing one client, the imports done: a process's first `KorusTicket()`"
        " builds the SSL context its clients share (httpx's default, as `httpx.Client()` builds each time).",
        "",
        *table(["start-up", "ms: median (min-max)"], rows),
        "",
        f"`import korusticket` - `import httpx`, per round: {added.show(1000, 1, ' ms')}; "
        f"`from korusticket import KorusTicket` - `import httpx`: {client.show(1000, 1, ' ms')}.",
    ]
    return Section("5. Start-up: imports and `korusticket --help`", lines, targets)


if __name__ == "__main__":
    section = startup()
    print("\n".join(section.lines))
    print("\n".join(f"{t.row()}" for t in section.targets))
