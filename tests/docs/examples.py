"""The runnable examples of the README and the documentation pages.

A runnable example is a fenced block in the ``console`` language: each line starting with
``$ talkclaims`` is a command, run from the repository's top, and the lines after it, up
to the next command or the end of the block, are what it prints (standard output and
standard error as a terminal shows them, without colours). Commands run in this process
through Typer's test runner, so the model loads once for all of them.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

FENCE = re.compile(r"^(?P<indent> *)```console\n(?P<body>.*?)^(?P=indent)```", re.S | re.M)


@dataclass(frozen=True)
class Example:
    page: str  # the file, from the repository's top
    line: int  # the command's line in it
    args: tuple[str, ...]  # after `talkclaims`
    output: str  # what the page says it prints

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: talkclaims {shlex.join(self.args)}"


def pages() -> list[Path]:
    """The README and every page of the site."""
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def examples(path: Path) -> list[Example]:
    """The console examples of one page, in order."""
    text = path.read_text(encoding="utf-8")
    found: list[Example] = []
    for match in FENCE.finditer(text):
        indent = len(match.group("indent"))
        first_line = text.count("\n", 0, match.start("body")) + 1
        # (line of the command, its words after talkclaims, its output lines)
        commands: list[tuple[int, tuple[str, ...], list[str]]] = []
        for offset, raw in enumerate(match.group("body").splitlines()):
            line = raw[indent:]
            if line.startswith("$ "):
                words = shlex.split(line[2:])
                assert words[0] == "talkclaims", f"{path}: only talkclaims commands run: {line}"
                commands.append((first_line + offset, tuple(words[1:]), []))
            else:
                assert commands, f"{path}:{first_line}: output before a command"
                commands[-1][2].append(line)
        found += [
            Example(_name(path), number, args, "\n".join(output).rstrip("\n"))
            for number, args, output in commands
        ]
    return found


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def all_examples() -> list[Example]:
    return [example for page in pages() for example in examples(page)]


def normalise(text: str) -> str:
    """Trailing spaces (rich pads a table's title line; editors strip them) and trailing
    blank lines are the only differences allowed."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")
