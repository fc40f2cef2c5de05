"""The command as a whole: entry points, --help and --version without spaCy, the commands."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from talkclaims import __version__
from talkclaims.cli import app
from tests.conftest import CORPUS

runner = CliRunner()


def test_version_prints_the_package_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"talkclaims {__version__}\n"


def test_help_lists_every_command_in_order():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = ("extract", "show", "report", "stats", "quotes", "check", "evaluate")
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


#: main() over a one-command Typer app: `wait` announces itself and sleeps, `flood`
#: writes lines until its reader goes away.
STUB = """
import sys, time, typer
from talkclaims.cli import root
app = typer.Typer()
@app.command()
def wait():
    print("ready", flush=True)
    time.sleep(60)
@app.command()
def flood():
    for i in range(1_000_000):
        print(f"line {i}")
@app.command()
def other():
    pass
root.app = app
sys.argv = ["talkclaims", *sys.argv[1:]]
root.main()
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_exits_130_and_sigterm_143(sig, code):
    process = subprocess.Popen(
        [sys.executable, "-c", STUB, "wait"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.readline() == b"ready\n"
    process.send_signal(sig)
    assert process.wait(timeout=30) == code


def test_a_closed_pipe_ends_the_run_quietly_with_0():
    process = subprocess.Popen(
        [sys.executable, "-c", STUB, "flood"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout.readline() == b"line 0\n"
    process.stdout.close()  # what `| head -1` does once it has its line
    assert process.wait(timeout=30) == 0
    assert process.stderr.read() == b""


def test_extract_into_head_exits_quietly_with_0():
    articles = sorted(str(p) for p in CORPUS.glob("*.txt"))[:3]
    process = subprocess.Popen(
        [sys.executable, "-m", "talkclaims.cli", "extract", *articles, "-f", "csv", "-j", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout.readline().startswith(b"doc,kind,text,")
    process.stdout.close()  # `| head -1`: later articles write into a closed pipe
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
