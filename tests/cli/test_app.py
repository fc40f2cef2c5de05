"""The command as a whole: entry points, --help and --version without spaCy, the commands."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from talkclaims import __version__
from talkclaims.cli import app

runner = CliRunner()


def test_version_prints_the_package_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"talkclaims {__version__}\n"


def test_help_lists_every_command_in_order():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = ("extract", "show", "report", "stats", "check", "evaluate")
    positions = [result.stdout.index(f"│ {name} ") for name in names]
    assert positions == sorted(positions)


def test_help_and_version_do_not_import_spacy():
    code = (
        "import sys; from talkclaims.cli import main; sys.argv = ['talkclaims', '{}'];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'"
    )
    for flag in ("--help", "--version"):
        done = subprocess.run(
            [sys.executable, "-c", code.format(flag)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr


def test_patterns_ship_with_the_package_and_work_from_any_directory(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Selon l’AFP, le sommet est reporté.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "talkclaims.cli", "extract", "a.txt", "-f", "jsonl"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["speaker"] == "AFP" and record["sources"] == ["AFP"]
