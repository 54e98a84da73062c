"""What a user's type checker says: the README's examples pass mypy --strict, the mistakes in
`rejected.py` are each reported, and nothing else is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

from tests.conftest import ROOT
from tests.docs.markdown_blocks import blocks_of

HERE = Path(__file__).parent


def mypy(*paths: Path) -> tuple[str, int]:
    out, err, status = api.run(
        ["--strict", "--no-error-summary", "--show-error-codes", "--config-file", str(ROOT / "pyproject.toml")]
        + [str(path) for path in paths]
    )
    return out + err, status


def readme_examples() -> list[str]:
    blocks = blocks_of(ROOT / "README.md")  # those needing credentials too: they are typed all the same
    return [block.code for block in blocks if block.language == "python" and "import" in block.code]


def test_the_rejected_file_gives_exactly_the_expected_errors() -> None:
    source = HERE / "rejected.py"
    expected = {
        (number, code)
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
        for code in re.findall(r"# E: ([\w-]+)", line)
    }
    output, status = mypy(source)
    reported = {
        (int(match.group(1)), match.group(2))
        for match in re.finditer(r"rejected\.py:(\d+): error: .*\[([\w-]+)\]$", output, re.M)
    }
    assert status == 1
    assert reported == expected, output
    assert len(expected) == 10


@pytest.mark.parametrize("number", range(len(readme_examples())))
def test_the_readme_examples_pass_mypy_strict(number: int, tmp_path: Path) -> None:
    example = tmp_path / f"readme_example_{number}.py"
    example.write_text(readme_examples()[number], encoding="utf-8")
    output, status = mypy(example)
    assert status == 0, output
