"""Odd values through every option and argument of every `korusticket` command (issue 20, point 8).

The commands and their parameters are read from the click command typer builds, so a new option is fuzzed
without a line here; only the valid values to put beside an odd one (`BASELINES`) are listed. Each run is in
process (typer's runner) on one sandbox whose transport records what is sent, and its outcome is sorted:

- clear: a non-zero exit, no traceback, and an error line (`error: ...`, or click's `Error: ...` for a value of the
  wrong type) naming the option (`--reference`) or the argument (`order`), the value sent nowhere;
- raw: an exception escaping the command, a traceback printed, or an error line not naming the parameter;
- unchecked: the command succeeded with the value, or sent it (a request carried it, the API answered an error).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import typer.main
from hypothesis import Phase, given
from hypothesis import strategies as st
from typer.testing import CliRunner

import korusticket.cli.serve
from korusticket import iri
from korusticket.cli import make_app
from korusticket.testing import Sandbox
from korusticket.testing.transport import SandboxTransport
from tests.facade.fuzz_entry_points import CONTROLS, UUID, Recorder, Tally, _carried
from tests.fuzzing import bounded

runner = CliRunner()
SKIPPED = {("demo",): "takes no parameter"}
ODD_TEXT = ["", "   ", "x" * 1_000_000]
"""Odd for every text parameter: empty, blank, past every length limit (control characters are added below)."""
ODD_IDENTIFIER = ["x" * 5000, "not-a-uuid", "/v1/nothing", f"{UUID}0", "-1", "a b"]
"""Odd where an id, an IRI or a day is expected, and valid text elsewhere (a name may be `a b`, a directory `-1`):
given only to the parameters whose help says they take one."""
TAKES_IDENTIFIER = re.compile(r"\b(id|IRI|YYYY-MM-DD|YYYY-MM)\b")
ODD_NUMBER = ["abc", "1.5", "", "-1", "-99999999999999999999999", str(2**70), "1e9", "0x10"]
ODD_FLOAT = ["abc", "", "nan", "inf", "-inf", "-1", "0", str(2**70), "1e999", "1,5"]


@dataclass(frozen=True)
class Baseline:
    """Valid positional arguments and options of a command: one of them is replaced by an odd value."""

    arguments: tuple[str, ...] = ()
    options: dict[str, str] = field(default_factory=dict)


def baselines(sandbox: Sandbox, tmp: Path) -> dict[tuple[str, ...], Baseline]:
    data = sandbox.state.data
    offer = next(o for o in data.offers.values() if o.catalog_id == sandbox.catalog_id)
    product = offer.product_id
    person = {"--customer-email": "ada@example.com", "--customer-firstname": "Ada", "--customer-lastname": "Lovelace"}
    return {
        ("catalogs",): Baseline(),
        ("product-bases",): Baseline(),
        ("products",): Baseline(),
        ("offers",): Baseline(options={"--limit": "1"}),
        ("offer",): Baseline((iri.offer(offer.catalog_id, offer.id),)),
        ("availability",): Baseline((iri.offer(offer.catalog_id, offer.id),)),
        ("price",): Baseline((iri.offer(offer.catalog_id, offer.id),)),
        ("seat-map",): Baseline((UUID, UUID)),
        ("calendar",): Baseline((product,), {"--month": "2025-06"}),
        ("export",): Baseline(options={"--out": str(tmp / "export")}),
        ("book",): Baseline((iri.offer(offer.catalog_id, offer.id),), {"--reference": "R-1", **person}),
        ("orders",): Baseline(options={"--reference": "R-1"}),
        ("order",): Baseline((UUID,)),
        ("beneficiary",): Baseline((UUID,)),
        ("configure",): Baseline(options={"--client-id": "id"}),
        ("documents", "download"): Baseline((UUID,), {"--out": str(tmp / "documents")}),
        ("sandbox", "serve"): Baseline(options={"--offers": "1"}),
    }


@dataclass(frozen=True)
class Case:
    """One parameter of one command and the odd values to give it."""

    command: tuple[str, ...]
    name: str
    """How an error must name it: `--reference`, or `order` for the ORDER argument."""
    param: Any
    """The click parameter (typer's own copy of click: read by duck typing)."""
    odd: st.SearchStrategy[str]

    @property
    def title(self) -> str:
        return f"korusticket {' '.join(self.command)} {self.name}"


def _is_option(param: Any) -> bool:
    return bool(param.param_type_name == "option")


def _odd(param: Any) -> st.SearchStrategy[str]:
    """Odd command-line values for a parameter, by its click type (every value on a command line is a string)."""
    if param.type.name in ("float", "float range"):
        return st.sampled_from(ODD_FLOAT)
    if param.type.name in ("integer", "integer range"):
        # A seed takes any integer of its range: a negative one is not odd there.
        return st.sampled_from([value for value in ODD_NUMBER if param.name != "seed" or value != "-1"])
    odd = ODD_TEXT + (ODD_IDENTIFIER if TAKES_IDENTIFIER.search(param.help or "") else [])
    with_controls = st.builds(lambda head, bad: head + bad, st.sampled_from(["", "a", UUID]), st.sampled_from(CONTROLS))
    generated = st.builds(lambda bad: f"R-{bad}", st.characters(categories=["Cc"]))
    return st.one_of(st.sampled_from(odd), with_controls, generated, st.sampled_from(["R\n1", "\u202eR"]))


def _name(param: Any) -> str:
    opts = [opt for opt in param.opts if opt.startswith("--")]
    if _is_option(param) and opts:
        return opts[0]
    return str(param.human_readable_name).lower()


def commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from commands(command, path)
        else:
            yield path, command


def cases(sandbox: Sandbox) -> Iterator[Case]:
    """Every parameter taking a value of every command, and the global options (given before `catalogs`)."""
    root: Any = typer.main.get_command(make_app(lambda: sandbox))
    for param in root.params:
        if _is_option(param) and not param.is_flag and param.name != "help":
            yield Case((), _name(param), param, _odd(param))
    for path, command in commands(root):
        if path in SKIPPED:
            continue
        for param in command.params:
            if _is_option(param) and (param.is_flag or param.name == "help"):
                continue
            yield Case(path, _name(param), param, _odd(param))


class Harness:
    """The sandbox, its recorded requests, and the runs."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.sandbox = Sandbox(seed=0)
        self.sent: list[httpx.Request] = []
        self.sandbox.transport = lambda: Recorder(SandboxTransport(self.sandbox), self.sent)  # type: ignore[method-assign]
        self.baselines = baselines(self.sandbox, tmp)
        self.app = make_app(lambda: self.sandbox)
        self.runs = itertools.count()

    def classify(self, case: Case, value: str) -> tuple[str, str]:
        self.sent.clear()
        base = self.baselines[case.command] if case.command else Baseline()
        number = next(self.runs)
        env = {
            "KORUSTICKET_CONFIG": str(self.tmp / f"config-{number}" / "config.json"),
            "KORUSTICKET_CLIENT_SECRET": "secret" if case.command == ("configure",) else None,
        }
        line = argv_for(case, base, value)
        result = runner.invoke(self.app, line, env=env)
        shown = repr(value)[:50]
        output = result.stdout + result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            return "raw", f"{shown}: {type(result.exception).__name__}: {str(result.exception)[:100]}"
        if "Traceback" in output:
            return "raw", f"{shown}: a traceback"
        if result.exit_code == 0:
            return "unchecked", f"{shown}: accepted" + (f", {len(self.sent)} request(s)" if self.sent else "")
        errors = [text for text in result.stderr.splitlines() if text.lower().startswith("error:")]
        if not errors:
            return "raw", f"{shown}: exit {result.exit_code} without an error line: {result.stderr[-120:]!r}"
        first = errors[0]
        if _carried(self.sent, value) or first[len("error: ") :][:1].isdigit():
            return "unchecked", f"{shown}: sent: {first[:120]}"
        if case.name not in first:
            return "raw", f"{shown}: the error does not name {case.name}: {first[:160]}"
        return "clear", ""


def argv_for(case: Case, base: Baseline, value: str) -> list[str]:
    if not case.command:
        return [case.name, value, "catalogs"]
    options = dict(base.options)
    arguments = list(base.arguments)
    if _is_option(case.param):
        options[case.name] = value
    else:
        position = _argument_position(case)
        while len(arguments) <= position:
            arguments.append(UUID)
        arguments[position] = value
    flat = [part for pair in options.items() for part in pair]
    return ["--sandbox", *case.command, *flat, "--", *arguments]


def _argument_position(case: Case) -> int:
    root = typer.main.get_command(make_app())
    command: Any = root
    for part in case.command:
        command = command.commands[part]
    positional = [p for p in command.params if not _is_option(p)]
    return next(index for index, p in enumerate(positional) if p.name == case.param.name)


def drive(harness: Harness, case: Case, examples: int) -> Tally:
    tally = Tally()

    @bounded(examples, [Phase.explicit, Phase.generate])
    @given(case.odd)
    def one(value: str) -> None:
        kind, what = harness.classify(case, value)
        tally.cases += 1
        setattr(tally, kind, getattr(tally, kind) + 1)
        if what and len(tally.examples) < 3:
            tally.examples.append(f"{kind}: {what}")

    one()
    return tally


def _dry_serve(*, port: int, host: str, frozen_clock: bool, **options: Any) -> None:
    """`sandbox serve` without serving: the sandbox it would serve is built (its checks run), nothing listens."""
    Sandbox(**options)


def fuzz(tmp: Path, examples: int) -> dict[str, Tally]:
    harness = Harness(tmp)
    serving, real = korusticket.cli.serve, korusticket.cli.serve.serve_sandbox
    serving.serve_sandbox = _dry_serve  # type: ignore[assignment]
    try:
        return {case.title: drive(harness, case, examples) for case in cases(harness.sandbox)}
    finally:
        serving.serve_sandbox = real
