"""`talkclaims check`: each failure kind, exit codes, formats, the baseline workflow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS, DATA

runner = CliRunner()

ARTICLE = (
    "Le maire de Brest, Paul Kerhervé, a déclaré que « la route rouvrira lundi », "
    "selon Ouest-France.\n"
    "Les travaux ont été qualifiés de « chantier du siècle ».\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "brest.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def expect(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "expect.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def run(*args: str):
    return runner.invoke(app, ["check", *args])


def test_expectations_that_hold_pass(tmp_path, article):
    exp = expect(
        tmp_path,
        "- doc: brest.txt\n  quote: la route rouvrira\n  speaker: Paul Kerhervé\n"
        "  sources: [Ouest-France]\n",
    )
    result = run(str(article), "--expect", str(exp))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_missing_quote_wrong_speaker_and_missing_source_are_each_reported(tmp_path, article):
    exp = expect(
        tmp_path,
        "- doc: brest.txt\n  quote: le pont sera fermé\n  speaker: Paul Kerhervé\n"
        "- doc: brest.txt\n  quote: la route rouvrira\n  speaker: Anne Le Gall\n"
        "- doc: brest.txt\n  quote: la route rouvrira\n  speaker: Kerhervé\n  sources: [AFP]\n",
    )
    result = run(str(article), "--expect", str(exp))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "expected quote is not in the article: «le pont sera fermé»" in lines[0]
    assert "expected speaker 'Anne Le Gall', found 'Paul Kerhervé'" in lines[1]
    assert "expected source 'AFP', found Ouest-France" in lines[2]
    assert lines[1].startswith(f"{article}:1:") and lines[0].startswith(f"{article}:1:1:")


def test_require_speaker_and_source_report_each_offender(article):
    result = run(str(article), "--require", "speaker,source")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{article}:2:36: direct claim with no speaker: «chantier du siècle»",
        f"{article}:2:36: direct claim with no source: «chantier du siècle»",
    ]


SOURCED = (
    "« Le texte sera retiré », a indiqué une source.\n"
    "« Rien n'est signé », a assuré une source diplomatique européenne.\n"
    "« Le vote aura lieu », a déclaré la ministre, Claire Dufour.\n"
    "« Rien n'est décidé », a-t-on appris.\n"
)


@pytest.fixture
def sourced(tmp_path: Path) -> Path:
    path = tmp_path / "sources.txt"
    path.write_text(SOURCED, encoding="utf-8")
    return path


def test_require_named_fails_anonymous_and_missing_speakers(sourced):
    result = run(str(sourced), "--require", "named")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{sourced}:1:3: direct claim with an anonymous speaker (une source): "
        "«Le texte sera retiré»",
        f"{sourced}:2:3: direct claim with an anonymous speaker (une source diplomatique "
        "européenne): «Rien n'est signé»",
        f"{sourced}:4:3: direct claim with no speaker: «Rien n'est décidé»",
    ]


def test_require_described_fails_a_bare_anonymous_source_only(sourced):
    result = run(str(sourced), "--require", "described")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{sourced}:1:3: direct claim with an anonymous speaker and no description "
        "(une source): «Le texte sera retiré»",
        f"{sourced}:4:3: direct claim with no speaker: «Rien n'est décidé»",
    ]


def test_require_speaker_flags_a_quotation_nobody_is_credited_with(sourced):
    result = run(str(sourced), "--require", "speaker")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{sourced}:4:3: direct claim with no speaker: «Rien n'est décidé»"
    ]


def test_an_unknown_requirement_is_a_usage_error(sourced):
    result = run(str(sourced), "--require", "famous")
    assert result.exit_code == 2
    assert "--require takes speaker,source,named,described" in result.output


def test_min_confidence_and_kinds_narrow_the_requirement(article):
    assert run(str(article), "--require", "speaker", "--kinds", "indirect").exit_code == 0
    assert run(str(article), "--require", "speaker", "--min-confidence", "0.95").exit_code == 0


def test_github_format_annotates_the_line(article):
    result = run(str(article), "--require", "speaker", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout == (
        f"::error file={article},line=2,col=36,title=talkclaims require::"
        "direct claim with no speaker: «chantier du siècle»\n"
    )


def test_junit_has_one_case_per_article_and_counts_failures(tmp_path, article):
    clean = tmp_path / "clean.txt"
    clean.write_text("Selon Reuters, la banque relèvera ses taux.\n", encoding="utf-8")
    report = tmp_path / "report.xml"
    result = run(str(tmp_path), "--require", "speaker", "-f", "junit", "-o", str(report))
    assert result.exit_code == 1
    suite = ElementTree.parse(report).getroot()
    assert suite.tag == "testsuite" and suite.get("tests") == "2" and suite.get("failures") == "1"
    failing = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [c.get("name") for c in failing] == [str(article)]


def test_json_format_for_tools(article):
    result = run(str(article), "--require", "speaker", "-f", "json")
    (finding,) = json.loads(result.stdout)
    assert finding == {
        "doc": str(article), "line": 2, "col": 36, "check": "require",
        "message": "direct claim with no speaker: «chantier du siècle»",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("- doc: a.txt\n  quote: x\n- [oops\n", 3, "invalid YAML"),
        ("- doc: a.txt\n  quote: x\n  speaker: X\n- doc: a.txt\n  speaker: Y\n", 4, "quote"),
        ("- doc: a.txt\n  quote: x\n  speaker: X\n  sources: AFP\n", 1, "sources"),
    ],
)
def test_bad_expectation_file_names_file_and_line(tmp_path, article, body, line, problem):
    exp = expect(tmp_path, body)
    result = run(str(article), "--expect", str(exp))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"talkclaims: {exp}:{line}:")
    assert problem in result.stderr


def test_usage_errors_exit_two(tmp_path, article):
    assert run(str(tmp_path / "absent.txt")).exit_code == 2
    assert run(str(article), "--require", "quotes").exit_code == 2


def test_baseline_round_trip_reports_nothing_then_exactly_the_edited_attribution(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    baseline = tmp_path / "baseline.yaml"
    extracted = runner.invoke(app, ["extract", str(corpus), "-f", "yaml", "-o", str(baseline)])
    assert extracted.exit_code == 0
    same = run(str(corpus), "--baseline", str(baseline))
    assert same.exit_code == 0 and same.stdout == ""

    article = corpus / "002_157e4dad8d8be975.txt"
    text = article.read_text(encoding="utf-8")
    # an edit elsewhere moves every offset after it; one attribution changes speaker
    edited = text.replace("Ces consultations", "Ces longues consultations", 1).replace(
        "a déclaré Andrey Kortunov, expert", "a déclaré Fiodor Loukianov, expert", 1
    )
    assert edited != text
    article.write_text(edited, encoding="utf-8")
    changed = run(str(corpus), "--baseline", str(baseline))
    assert changed.exit_code == 1
    (line,) = changed.stdout.splitlines()
    assert line.startswith(f"{article}:")
    assert "changed:" in line and "'Andrey Kortunov' → 'Fiodor Loukianov'" in line


def test_the_documented_example_expectations_hold_on_the_corpus():
    result = run(str(CORPUS), "--expect", str(DATA / "expect.yaml"))
    assert result.exit_code == 0, result.stdout


def test_an_unreadable_article_is_an_input_error_after_the_others_are_checked(tmp_path, article):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    result = run(str(tmp_path), "--require", "speaker")
    assert result.exit_code == 2
    assert result.stderr == (
        f"talkclaims: {tmp_path / 'binary.txt'}: binary file (contains NUL bytes)\n"
    )
    assert result.stdout == (
        f"{article}:2:36: direct claim with no speaker: «chantier du siècle»\n"
    )


def test_every_findings_format_of_the_library_is_an_option():
    from talkclaims.cli.check import CheckFormat
    from talkclaims.qa.checks import FORMATS

    assert [f.value for f in CheckFormat] == list(FORMATS)


def test_no_check_asked_is_a_usage_error(article):
    result = run(str(article))
    assert result.exit_code == 2
    assert "nothing to check: give --expect, --baseline, --against or --require" in result.stderr


def test_a_deleted_article_is_a_baseline_change_and_a_passing_check_says_so(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    baseline = tmp_path / "baseline.yaml"
    assert (
        runner.invoke(app, ["extract", str(corpus), "-f", "yaml", "-o", str(baseline)]).exit_code
        == 0
    )
    same = run(str(corpus), "--baseline", str(baseline))
    assert same.exit_code == 0
    assert same.stderr.endswith("claim(s) checked: every check passed\n")
    assert same.stderr.startswith("talkclaims: 5 article(s), ")
    # one article checked alone: the others of the baseline were not checked, not deleted
    alone = run(str(corpus / "002_157e4dad8d8be975.txt"), "--baseline", str(baseline))
    assert alone.exit_code == 0 and alone.stdout == ""
    gone = corpus / "001_d01dc5dde94bcd67.txt"
    gone.unlink()
    deleted = run(str(corpus), "--baseline", str(baseline))
    assert deleted.exit_code == 1
    (line,) = deleted.stdout.splitlines()
    assert line.startswith(f"{gone}:1:1: removed article: its ")
