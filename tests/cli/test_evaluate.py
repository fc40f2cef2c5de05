"""`talkclaims evaluate`: the table, --kinds, --show, articles saved in any encoding."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS, GOLD
from tests.qa.encoded_gold import NAME, gold_corpus

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_evaluate_prints_every_metric_at_both_thresholds():
    result = invoke("evaluate", str(GOLD), str(CORPUS), "--kinds", "direct,mixed", "--show")
    assert result.exit_code == 0, result.output
    for label in ("claims F1", "speaker accuracy", "attributed F1", "sources F1", "cue accuracy"):
        assert label in result.stdout
    assert "overlap ≥ 30%" in result.stdout and "overlap ≥ 80%" in result.stdout


def test_evaluate_rejects_an_unknown_kind():
    result = invoke("evaluate", str(GOLD), str(CORPUS), "--kinds", "direct,quoted")
    assert result.exit_code == 2 and "quoted" in result.stderr


def test_show_lists_what_the_extractor_got_wrong(tmp_path):
    gold, corpus = gold_corpus(tmp_path, "utf-8")
    # a sentence no one said: the gold claim is missed and every claim found is extra
    (gold / NAME.replace(".txt", ".yaml")).write_text(
        f"doc: {NAME}\nclaims:\n"
        "  - kind: indirect\n"
        "    text: Les relations russo-américaines sont à un tournant\n"
        "    speaker: [Personne]\n",
        encoding="utf-8",
    )
    result = invoke("evaluate", str(gold), str(corpus), "--show")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    (missed,) = [line for line in lines if line.startswith("missed")]
    assert missed.startswith(f"missed  {NAME} ") and "Personne: Les relations" in missed
    assert any(line.startswith(f"extra   {NAME}:") for line in lines)
    assert "1 articles, kinds direct,indirect,mixed" in result.stdout


@pytest.mark.parametrize("encoding", ["utf-8 with BOM", "utf-16 LE with BOM", "windows-1252"])
def test_an_article_saved_in_another_encoding_prints_the_same_table(tmp_path, encoding):
    utf8 = invoke("evaluate", *map(str, gold_corpus(tmp_path / "utf8", "utf-8")))
    other = invoke("evaluate", *map(str, gold_corpus(tmp_path / "other", encoding)))
    assert utf8.exit_code == other.exit_code == 0, other.output
    assert other.stdout == utf8.stdout
    assert "claims F1 " in other.stdout and "7 / " in other.stdout
    if encoding == "windows-1252":
        article = tmp_path / "other" / "corpus" / NAME
        assert other.stderr.startswith(f"talkclaims: warning: {article}: not UTF-8 (byte ")
        assert other.stderr.rstrip().endswith("read as Windows-1252")
    else:
        assert other.stderr == ""


def test_a_missing_article_is_an_error_and_no_score_is_printed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / NAME).write_text((CORPUS / NAME).read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("evaluate", str(GOLD), str(corpus))
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 5  # the shared gold names five articles: four missing, then why
    missing = corpus / "000_b04f12924e239548.txt"
    assert errors[0] == f"talkclaims: {missing}: cannot read: No such file or directory"
    assert errors[-1].endswith("not scored: an article of the gold set could not be scored")
    assert "1.000" not in result.stdout and "claims F1" not in result.stdout


def test_an_empty_gold_folder_is_an_error(tmp_path):
    (tmp_path / "gold").mkdir()
    result = invoke("evaluate", str(tmp_path / "gold"), str(CORPUS))
    assert result.exit_code == 2
    assert "no gold file" in result.stderr and "1.000" not in result.stdout


@pytest.mark.parametrize(
    ("claims", "problem"),
    [
        ("claims: [1, 2]", "claim 1: expected a mapping with a text"),
        ("claims:\n  - {text: 5}", "claim 1: expected a mapping with a text"),
        ("claims: yes", "expected a mapping with a list of claims"),
        ("claims:\n  - {text: Moscou, occurrence: x}", "claim 1: 'occurrence' must be"),
    ],
)
def test_a_malformed_gold_file_is_named_without_a_traceback(tmp_path, claims, problem):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "g.yaml").write_text(f"doc: {NAME}\n{claims}\n", encoding="utf-8")
    result = invoke("evaluate", str(gold), str(CORPUS))
    assert result.exit_code == 2, result.output
    assert problem in result.stderr and "Traceback" not in result.output


def test_folders_that_are_not_folders_are_usage_errors(tmp_path):
    result = invoke("evaluate", str(GOLD), str(tmp_path / "absent"))
    assert result.exit_code == 2
    assert result.stderr == f"talkclaims: {tmp_path / 'absent'}: not a directory\n"


def test_a_gold_file_that_is_not_yaml_is_a_usage_error(tmp_path):
    gold, corpus = gold_corpus(tmp_path, "utf-8")
    (gold / "broken.yaml").write_text("doc: [unclosed\n", encoding="utf-8")
    result = invoke("evaluate", str(gold), str(corpus))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"talkclaims: {gold / 'broken.yaml'}:1: invalid YAML")
