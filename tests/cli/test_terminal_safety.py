"""Escape sequences and bidi overrides from articles, ids, file names and gold files are
shown, never obeyed, wherever text leaves for a person: `check` (text, github),
`evaluate --show`, `show`, the tables, and every error and warning line. The data
formats keep the text exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app

runner = CliRunner()

#: A window title set, the screen cleared, an OSC-8 link planted, a right-to-left override.
TITLE, CLEAR, LINK, RLO = (
    "\x1b]0;piraté\x07",
    "\x1b[2J",
    "\x1b]8;;https://x.example/\x1b\\",
    "\u202e",
)
OBEYED = ("\x1b", "\x07", "\u202e")


def assert_shown_not_obeyed(output: str) -> None:
    assert not any(code in output for code in OBEYED), repr(output)
    assert "␛" in output


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """An article whose quotation nobody is credited with, holding every sequence, in a
    file whose name holds one too."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / f"pont{CLEAR}.txt"
    article.write_text(
        f"« Le pont{TITLE} {LINK}sera{RLO} fermé{CLEAR} », a-t-on appris.\n", encoding="utf-8"
    )
    return article


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_findings_for_a_person_show_the_sequences(hostile, fmt):
    result = runner.invoke(app, ["check", str(hostile.parent), "--require", "speaker", "-f", fmt])
    assert result.exit_code == 1, result.output
    assert "claim with no speaker" in result.stdout
    assert_shown_not_obeyed(result.stdout)
    assert "pont␛[2J.txt" in result.stdout and "␛]0;piraté␇" in result.stdout


def test_check_json_keeps_the_text_exactly(hostile):
    result = runner.invoke(app, ["check", str(hostile), "--require", "speaker", "-f", "json"])
    (finding,) = json.loads(result.stdout)
    assert finding["doc"] == str(hostile) and TITLE in finding["message"]


def test_error_and_warning_lines_stay_one_line_and_show_the_sequences(tmp_path):
    binary = tmp_path / f"x{TITLE}\ny{RLO}.txt"
    binary.write_bytes(b"\x00\x01\x02\x03")
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "d\\u001b[2J", "text": "« Oui \\udc00 », a dit Paul Roy."}\n', "utf-8")
    result = runner.invoke(app, ["extract", str(binary), str(dump), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"talkclaims: {tmp_path}/x␛]0;piraté␇␊y\ufffd.txt: binary file (contains NUL bytes)",
        f"talkclaims: warning: d␛[2J: {dump}:1: 1 lone surrogate replaced by U+FFFD",
    ]
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc"] == f"d{CLEAR}"  # the data keeps the id exactly


def test_show_and_the_extract_table_show_the_sequences(hostile):
    for command in (["show", "--width", "120"], ["extract", "-f", "table"]):
        result = runner.invoke(app, [*command, str(hostile)])
        assert result.exit_code == 0, result.output
        assert_shown_not_obeyed(result.stdout)


def test_a_document_id_in_show_is_text_not_markup(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [
        {"id": f"[bold]un{RLO}", "text": "« Oui », a dit Paul Roy."},
        {"id": "deux", "text": "« Non », a dit Luc Roy."},
    ]
    dump.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(dump), "--width", "80"])
    assert result.exit_code == 0, result.output
    assert "[bold]un\ufffd" in result.stdout and RLO not in result.stdout


def test_evaluate_show_shows_the_sequences_of_the_gold_and_the_article(tmp_path):
    gold, corpus = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir()
    corpus.mkdir()
    name = "quai.txt"
    (corpus / name).write_text(
        f"« Le quai{TITLE} sera refait{RLO} », a déclaré Hélène Garnier.\n"
        f"Les travaux {TITLE} commencent {CLEAR} lundi.\n",
        encoding="utf-8",
    )
    (gold / "quai.yaml").write_text(
        f"doc: {name}\nclaims:\n"
        "  - kind: indirect\n"
        '    text: "Les travaux \\e]0;piraté\\a commencent \\e[2J lundi"\n'
        '    speaker: ["Personne\\e[2J"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["evaluate", str(gold), str(corpus), "--show"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    (missed,) = [line for line in lines if line.startswith("missed")]
    assert (
        missed
        == f"missed  {name} [indirect] Personne␛[2J: Les travaux ␛]0;piraté␇ commencent ␛[2J lundi"
    )
    (extra,) = [line for line in lines if line.startswith("extra")]
    assert "Le quai␛]0;piraté␇ sera refait\ufffd" in extra and "[direct/" in extra
    assert_shown_not_obeyed(result.stdout)
