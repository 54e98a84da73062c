"""The fenced code blocks of a Markdown file, as the documentation tests read them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

NEEDS_CREDENTIALS = 'title="needs credentials"'
# A fence and its body; fences may be indented (inside a list item), the closing one as much as the opening.
FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)``` *$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    language: str
    info: str
    """What follows the language in the opening fence (`title="..."`)."""
    code: str
    """The body, without the fence's indentation."""

    @property
    def needs_credentials(self) -> bool:
        return NEEDS_CREDENTIALS in self.info

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks_of(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        indent = len(match["indent"])
        code = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        language, _, info = match["info"].strip().partition(" ")
        found.append(Block(path, text.count("\n", 0, match.start()) + 1, language, info, code))
    return found
