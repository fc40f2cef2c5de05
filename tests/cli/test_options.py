"""Options every command shares or should: --glob, stats --excel, help placeholders,
and the option values that are usage errors (show --width 0, --dask with --scheduler)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app

runner = CliRunner()

COMMANDS = ("extract", "show", "report", "stats", "quotes", "check", "evaluate")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An article in a .txt file and another in a .text file (read only with --glob)."""
    (tmp_path / "a.txt").write_text(
        "« Le marché couvert rouvrira », a annoncé Julie Marchal.\n", encoding="utf-8"
    )
    (tmp_path / "b.text").write_text(
        "« Le tramway sera prolongé », a promis Yves Le Goff.\n", encoding="utf-8"
    )
    return tmp_path


def test_stats_reads_the_files_glob_names(folder):
    default = runner.invoke(app, ["stats", str(folder), "-f", "json", "-j", "1"])
    chosen = runner.invoke(app, ["stats", str(folder), "-f", "json", "-j", "1", "--glob", "*.text"])
    assert default.exit_code == chosen.exit_code == 0, chosen.output
    assert [row["speaker"] for row in json.loads(default.stdout)] == ["Julie Marchal"]
    assert [row["speaker"] for row in json.loads(chosen.stdout)] == ["Yves Le Goff"]


def test_report_reads_the_files_glob_names(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    result = runner.invoke(app, ["report", str(folder), "-o", str(out), "--glob", "*.text,*.txt"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Yves Le Goff" in html and "Julie Marchal" in html


def test_check_reads_the_files_glob_names(folder):
    result = runner.invoke(app, ["check", str(folder), "--require", "speaker", "--glob", "*.text"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "talkclaims: 1 article(s), 1 claim(s) checked: every check passed\n"


@pytest.mark.parametrize("command", [["check", "--require", "speaker"], ["stats"], ["report"]])
def test_a_glob_leaving_the_folder_is_a_usage_error(folder, tmp_path_factory, command):
    args = [*command, str(folder), "--glob", "../*.txt"]
    if command[0] == "report":
        args += ["-o", str(tmp_path_factory.mktemp("out") / "r.html")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == (
        "talkclaims: --glob: '../*.txt' must name files inside the folders given (such as *.txt)\n"
    )


def test_stats_excel_writes_what_french_excel_opens(folder):
    result = runner.invoke(app, ["stats", str(folder / "a.txt"), "-f", "csv", "--excel"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("\ufeffspeaker;claims;share")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert rows[1] == ["Julie Marchal", "1", "1,0000"]


def test_stats_excel_cross_table(folder):
    result = runner.invoke(
        app, ["stats", str(folder / "a.txt"), "--by", "speaker,kind", "-f", "csv", "--excel"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert rows[0][:4] == ["speaker", "claims", "direct", "direct share"]
    assert rows[1][:4] == ["Julie Marchal", "1", "1", "1,0000"]
    assert rows[1][4:] == ["0", "0,0000", "0", "0,0000"]  # indirect, mixed


def test_stats_excel_without_csv_is_ignored_with_a_warning(folder):
    result = runner.invoke(app, ["stats", str(folder / "a.txt"), "-f", "json", "--excel"])
    assert result.exit_code == 0
    assert result.stderr == (
        "talkclaims: warning: --excel applies to --format csv only: ignored with --format json\n"
    )
    assert json.loads(result.stdout)[0]["share"] == 1.0


@pytest.mark.parametrize("width", ["0", "-4"])
def test_show_width_must_be_positive(folder, width):
    result = runner.invoke(app, ["show", str(folder / "a.txt"), "--width", width])
    assert result.exit_code == 2 and result.stdout == ""
    assert "Invalid value for '--width'" in result.stderr


def test_dask_and_scheduler_together_are_a_usage_error(folder):
    result = runner.invoke(
        app, ["extract", str(folder), "--dask", "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "talkclaims: --dask starts a local cluster, --scheduler uses a running one: give one\n"
    )


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_names_parameters_as_the_readme_does(command):
    args = ["--help"] if command is None else [command, "--help"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # no Python type where a person expects a name: {paths}, <bool>, <list[str]>, <str>
    assert not re.search(r"\{\w+\}|<bool>|<list\[|<str>|<path>|<int|<float", result.stdout)


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("extract", "talkclaims extract [OPTIONS] PATH..."),
        ("show", "talkclaims show [OPTIONS] FILE"),
        ("report", "talkclaims report [OPTIONS] PATH..."),
        ("stats", "talkclaims stats [OPTIONS] PATH..."),
        ("quotes", "talkclaims quotes [OPTIONS] PATH..."),
        ("check", "talkclaims check [OPTIONS] PATH..."),
        ("evaluate", "talkclaims evaluate [OPTIONS] GOLD_DIR CORPUS_DIR"),
    ],
)
def test_usage_lines_read_like_the_readme(command, usage):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    command_line = usage.removeprefix("talkclaims ")
    assert re.search(rf"Usage: \S+ {re.escape(command_line)}\s*\n", result.stdout), result.stdout


def test_a_missing_argument_is_named_as_in_the_usage_line():
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2 and "Missing argument 'PATH...'" in result.stderr
