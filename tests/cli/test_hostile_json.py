"""A hostile JSON Lines line, in every command: named with its file and line, skipped,
and every other line processed (exit 1), never a traceback or a lost run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app

runner = CliRunner()

LINES = [
    json.dumps(
        {"id": "port", "text": "« Le port restera fermé », a déclaré Hélène Garnier."},
        ensure_ascii=False,
    ),
    '{"id": "creux", "text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"id": "long", "text": "x", "n": ' + "4" * 5_000 + "}",
    '{"id": "nan", "text": "x", "n": NaN}',
    json.dumps(
        {"id": "gare", "text": "« La gare ouvrira en juin », a affirmé Marc Lefort."},
        ensure_ascii=False,
    ),
]
PROBLEMS = [
    ":2: invalid JSON: nested too deep",
    ":3: invalid JSON: a number too long to read (over 4,300 digits)",
    ":4: invalid JSON: NaN is not a JSON value",
]


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def assert_reported(stderr: str, dump: Path) -> None:
    assert [line for line in stderr.splitlines() if "invalid JSON" in line] == [
        f"talkclaims: {dump}{problem}" for problem in PROBLEMS
    ]
    assert "Traceback" not in stderr and "RecursionError" not in stderr


def test_extract_writes_the_good_lines(dump):
    result = runner.invoke(app, ["extract", str(dump), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    assert_reported(result.stderr, dump)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["speaker"]) for r in records] == [
        ("port", "Hélène Garnier"),
        ("gare", "Marc Lefort"),
    ]


def test_show_shows_the_good_lines(dump):
    result = runner.invoke(app, ["show", str(dump), "--width", "100"])
    assert result.exit_code == 1
    assert_reported(result.stderr, dump)
    assert "Hélène Garnier" in result.stdout and "Marc Lefort" in result.stdout


def test_stats_counts_the_good_lines(dump):
    result = runner.invoke(app, ["stats", str(dump), "-f", "json", "-j", "1"])
    assert result.exit_code == 1
    assert_reported(result.stderr, dump)
    counts = {row["speaker"]: row["claims"] for row in json.loads(result.stdout)}
    assert counts == {"Hélène Garnier": 1, "Marc Lefort": 1}


def test_report_shows_the_good_lines(dump, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(dump), "-o", str(out), "-j", "1"])
    assert result.exit_code == 1
    assert_reported(result.stderr, dump)
    html = out.read_text(encoding="utf-8")
    assert "Hélène Garnier" in html and "Marc Lefort" in html


def test_check_checks_the_good_lines(dump):
    result = runner.invoke(app, ["check", str(dump), "--require", "speaker"])
    assert result.exit_code == 2  # check: an article it cannot read is an input error
    assert_reported(result.stderr, dump)


def test_a_folder_whose_file_starts_with_a_hostile_line_is_still_read(tmp_path):
    # every command looks at each file's first line to skip the claims files it wrote
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join([LINES[1], LINES[0]]) + "\n", encoding="utf-8")
    for command in (["extract", "-f", "jsonl"], ["stats", "-f", "json"]):
        result = runner.invoke(app, [*command, str(folder), "-j", "1"])
        assert result.exit_code == 1, result.output
        assert f"{folder / 'a.jsonl'}:1: invalid JSON: nested too deep" in result.stderr
        assert "Hélène Garnier" in result.stdout


@pytest.mark.parametrize(
    ("hostile", "problem"), [(LINE, problem.split(": ", 1)[1]) for LINE, problem in
                             zip(LINES[1:4], PROBLEMS, strict=True)]
)  # fmt: skip
def test_check_names_the_hostile_line_of_a_baseline(tmp_path, hostile, problem):
    article = tmp_path / "a.txt"
    article.write_text("« Le port restera fermé », a déclaré Hélène Garnier.\n", "utf-8")
    baseline = tmp_path / "before.jsonl"
    written = runner.invoke(app, ["extract", str(article), "-f", "jsonl", "-o", str(baseline)])
    assert written.exit_code == 0, written.output
    claims = baseline.read_text(encoding="utf-8")
    baseline.write_text(claims + hostile + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(baseline)])
    # a baseline read in part would report its lost claims as added: refused whole
    assert result.exit_code == 2
    assert result.stderr == f"talkclaims: {baseline}:2: {problem}\n"


def test_a_claims_file_with_a_line_separator_in_a_claim_is_read_back(tmp_path):
    # U+2028 is written as it is by JSON Lines; it is not a line end when read back
    article = tmp_path / "a.txt"
    article.write_text("« Le port\u2028restera fermé », a déclaré Hélène Garnier.\n", "utf-8")
    baseline = tmp_path / "before.jsonl"
    runner.invoke(app, ["extract", str(article), "-f", "jsonl", "-o", str(baseline)])
    assert "\u2028" in baseline.read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "command", [["show"], ["stats", "-j", "1"], ["extract", "-j", "1"], ["report", "-j", "1"]]
)
def test_a_lone_surrogate_is_replaced_and_said_by_every_command(tmp_path, command):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "quai", "text": "« Oui \\ud83d », a dit Paul Roy."}\n', "utf-8")
    args = [*command, str(dump)]
    report = tmp_path / "r.html"
    if command[0] == "report":
        args += ["-o", str(report)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"talkclaims: warning: quai: {dump}:1: 1 lone surrogate replaced by U+FFFD\n"
    )
    shown = report.read_text("utf-8") if command[0] == "report" else result.stdout
    assert "Paul Roy" in shown
