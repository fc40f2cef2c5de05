"""Every command as safe as `extract` (issue 20): an output never replaces an input."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app

runner = CliRunner()

ARTICLE = (
    "Le maire de Brest, Paul Kerhervé, a déclaré que « la route rouvrira lundi », "
    "selon Ouest-France.\n"
)
EXPECT = "- doc: brest.txt\n  quote: la route rouvrira\n  speaker: Paul Kerhervé\n"
VERBS = "verbs: [roucouler]\n"


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """An article in its folder, a baseline of its claims, expectations, a pattern folder
    and a link to each file: every kind of input a command that writes may be given."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "brest.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.yaml"
    extracted = invoke("extract", str(article), "-f", "yaml", "-o", str(baseline))
    assert extracted.exit_code == 0, extracted.output
    expect = tmp_path / "expect.yaml"
    expect.write_text(EXPECT, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "verbs.yaml").write_text(VERBS, encoding="utf-8")
    found = {
        "folder": folder,
        "article": article,
        "baseline": baseline,
        "expect": expect,
        "mine": mine,
        "verbs": mine / "verbs.yaml",
    }
    for name in ("article", "baseline", "expect", "verbs"):
        link = tmp_path / f"link-to-{name}"
        link.symlink_to(found[name])
        found[f"link-to-{name}"] = link
    return found


#: (command and its inputs, the input given as --output), by placeholder name.
OUTPUT_IS_AN_INPUT = [
    (["check", "{article}", "--baseline", "{baseline}"], "baseline"),
    (["check", "{article}", "--baseline", "{baseline}"], "link-to-baseline"),
    (["check", "{article}", "--expect", "{expect}"], "expect"),
    (["check", "{article}", "--expect", "{link-to-expect}"], "expect"),
    (["check", "{article}", "--require", "speaker"], "article"),
    (["check", "{article}", "--require", "speaker"], "link-to-article"),
    (["check", "{folder}", "--require", "speaker"], "article"),
    (["check", "{article}", "--require", "speaker", "--patterns", "{mine}"], "verbs"),
    (["check", "{article}", "--require", "speaker", "--patterns", "{mine}"], "link-to-verbs"),
    (["extract", "{article}", "--patterns", "{mine}"], "verbs"),
    (["report", "{article}", "--patterns", "{mine}"], "verbs"),
]


@pytest.mark.parametrize(("command", "given"), OUTPUT_IS_AN_INPUT)
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(files, command, given):
    before = {name: path.read_bytes() for name, path in files.items() if path.is_file()}
    args = [part.format(**{k: str(v) for k, v in files.items()}) for part in command]
    output = str(files[given])
    result = invoke(*args, "-o", output)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"talkclaims: {output}: --output is one of the inputs\n"
    after = {name: path.read_bytes() for name, path in files.items() if path.is_file()}
    assert after == before
    assert all(files[name].is_symlink() for name in files if name.startswith("link-to-"))


def test_check_junit_of_a_pdf_text_is_xml_a_strict_parser_reads(tmp_path):
    from xml.etree import ElementTree

    import lxml.etree

    article = tmp_path / "pdf.txt"  # a page break and vertical tabs, as pdftotext leaves them
    article.write_text(
        "Le maire de Brest, Paul Kerhervé, a déclaré que « la route\x0brouvrira\x01 lundi ».\n"
        "\x0c\nLa préfète a assuré que « le pont\x1b tiendra ».\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.xml"
    result = invoke("check", str(article), "--require", "source", "-f", "junit", "-o", str(report))
    assert result.exit_code == 1, result.output
    data = report.read_bytes()
    for suite in (ElementTree.fromstring(data), lxml.etree.fromstring(data)):
        (failure,) = suite.iter("failure")
        assert failure.text.splitlines() == [
            f"{article}:1:51: direct claim with no source: «la route␋rouvrira␁ lundi»",
            f"{article}:3:27: direct claim with no source: «le pont␛ tiendra»",
        ]


NO_SPACE = "No space left on device"


class FullDisk:
    """A stream on a disk that fills up: the first write lands in part, then ENOSPC."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, data):
        self.stream.write(data[:20])
        self.stream.flush()
        raise OSError(errno.ENOSPC, NO_SPACE)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.stream.close()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


@pytest.fixture
def brest(tmp_path: Path) -> Path:
    """An article whose claim credits no outlet: `check --require source` has a finding
    to write."""
    article = tmp_path / "brest.txt"
    article.write_text("La préfète a assuré que « le pont tiendra ».\n", encoding="utf-8")
    return article


WRITERS = [
    ["report", "{article}"],
    ["check", "{article}", "--require", "source"],
    ["check", "{article}", "--require", "source", "-f", "junit"],
]


@pytest.mark.parametrize("command", WRITERS)
def test_an_output_on_a_full_device_is_one_line_and_exit_two(brest, command):
    args = [part.format(article=brest) for part in command]
    result = invoke(*args, "-o", "/dev/full")
    assert result.exit_code == 2, result.output
    assert result.stderr == f"talkclaims: /dev/full: cannot write: {NO_SPACE}\n"


@pytest.mark.parametrize("command", WRITERS)
def test_a_full_disk_leaves_the_previous_output_whole_and_no_partial_file(
    brest, tmp_path, monkeypatch, command
):
    from talkclaims.write import atomic

    output = tmp_path / "out" / "previous.txt"
    output.parent.mkdir()
    output.write_text("le rapport d'hier\n", encoding="utf-8")
    real_open = atomic._open
    monkeypatch.setattr(atomic, "_open", lambda file, binary: FullDisk(real_open(file, binary)))
    args = [part.format(article=brest) for part in command]
    result = invoke(*args, "-o", str(output))
    assert result.exit_code == 2, result.output
    assert result.stderr == f"talkclaims: {output}: cannot write: {NO_SPACE}\n"
    assert output.read_text(encoding="utf-8") == "le rapport d'hier\n"
    assert [p.name for p in output.parent.iterdir()] == ["previous.txt"]  # no temporary


@pytest.mark.parametrize(
    "command", [["check", "--require", "source"], ["stats", "-j", "1"], ["extract", "-j", "1"]]
)
def test_standard_output_on_a_full_device_is_one_line_and_exit_two(brest, command):
    """As a shell runs it (``> /dev/full``): what is written is flushed by the command,
    not at the interpreter's exit where only a traceback could report it."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "talkclaims", command[0], str(brest), *command[1:]],
            stdout=full, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"talkclaims: standard output: cannot write: {NO_SPACE}\n"


TOWNS = ["Brest", "Quimper", "Lorient", "Vannes", "Morlaix", "Lannion", "Concarneau"]


@pytest.fixture
def towns(tmp_path: Path) -> Path:
    """Seven articles: more than the five under which no progress bar is drawn."""
    folder = tmp_path / "towns"
    folder.mkdir()
    for town in TOWNS:
        (folder / f"{town.lower()}.txt").write_text(
            f"Le maire de {town} a déclaré que « la route rouvrira lundi ».\n", encoding="utf-8"
        )
    return folder


PROGRESSING = [["check", "--require", "source"], ["stats", "-j", "1"]]


@pytest.mark.parametrize("command", PROGRESSING)
def test_no_progress_bar_off_a_terminal(towns, command):
    result = invoke(command[0], str(towns), *command[1:], "-f", "json")
    assert result.exit_code == (1 if command[0] == "check" else 0), result.output
    assert result.stderr == ""


def on_a_terminal(args: list[str]) -> str:
    """Run the command with its stderr on a pseudo-terminal, as a person at a terminal
    does (stdout to a pipe), and return what the terminal received."""
    leader, follower = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "talkclaims", *args],
        stdout=subprocess.DEVNULL, stderr=follower, env=env,
    )  # fmt: skip
    os.close(follower)
    received = b""
    try:
        while chunk := os.read(leader, 65536):
            received += chunk
    except OSError:  # EIO: the command has exited and closed the terminal
        pass
    finally:
        os.close(leader)
    assert process.wait(timeout=120) in (0, 1)
    return received.decode("utf-8", "replace")


@pytest.mark.parametrize("command", PROGRESSING)
def test_a_progress_bar_when_stderr_is_a_terminal(towns, command):
    shown = on_a_terminal([command[0], str(towns), *command[1:], "-f", "json"])
    assert "articles" in shown and f"{len(TOWNS)}/{len(TOWNS)}" in shown


def test_check_skips_the_claims_extract_wrote_into_the_folder(brest):
    folder = brest.parent
    claims = folder / "claims.jsonl"
    assert invoke("extract", str(folder), "-f", "jsonl", "-o", str(claims)).exit_code == 0
    result = invoke("check", str(folder), "--require", "source")
    assert result.exit_code == 1, result.output  # the article's claim has no source
    assert result.stderr == (
        f"talkclaims: warning: {claims}: written by talkclaims (claims in JSON Lines): skipped\n"
    )
    (finding,) = result.stdout.splitlines()
    assert finding.startswith(f"{brest}:1:")
