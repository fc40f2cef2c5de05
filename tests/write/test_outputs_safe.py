"""Safe outputs and runs that stop early: CSV injection, Excel CSV, --fail-fast."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.records import Claim
from talkclaims.write.writers import CsvWriter

runner = CliRunner()


def claim(text: str, speaker: str = "X") -> Claim:
    return Claim("a.txt", "direct", text, 0, len(text), 1, speaker, speaker, "dire", ("AFP",))


def rows(output: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(output.lstrip("\ufeff"), newline=""), delimiter=delimiter))


def test_formula_cells_are_neutralised_by_default():
    stream = io.StringIO()
    writer = CsvWriter(stream)
    writer.write([claim("@TF1info a raison"), claim('=HYPERLINK("http://x")'), claim("-1 %"),
                  claim("+33 1 23"), claim("\tindent"), claim("normal", "=cmd")])  # fmt: skip
    texts = [r[2] for r in rows(stream.getvalue())[1:]]
    assert texts == ["'@TF1info a raison", "'=HYPERLINK(\"http://x\")", "'-1 %", "'+33 1 23",
                     "'\tindent", "normal"]  # fmt: skip
    assert rows(stream.getvalue())[-1][6] == "'=cmd"


def test_csv_raw_keeps_cells_as_they_are(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Le maire a déclaré : « =SOMME(A1:A9) est faux ».\n", encoding="utf-8")
    raw = runner.invoke(app, ["extract", str(article), "-f", "csv", "--csv-raw"])
    safe = runner.invoke(app, ["extract", str(article), "-f", "csv"])
    assert rows(raw.stdout)[1][2] == "=SOMME(A1:A9) est faux"
    assert rows(safe.stdout)[1][2] == "'=SOMME(A1:A9) est faux"


def test_excel_csv_has_a_bom_and_semicolons(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "csv", "--excel"])
    assert result.stdout.startswith("\ufeffdoc;kind;text;")
    header, row = rows(result.stdout, ";")
    assert row[header.index("speaker")] == "Reuters"


def test_fail_fast_stops_at_the_first_failure(tmp_path):
    (tmp_path / "a_good.txt").write_text("Selon Reuters, la banque relèvera ses taux.\n", "utf-8")
    (tmp_path / "b_bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c_bad.txt").write_bytes(b"\x00\x02")
    (tmp_path / "d_good.txt").write_text("Selon l'AFP, le sommet est reporté.\n", "utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1", "--fail-fast"])
    assert result.exit_code == 1
    assert result.stderr.count("talkclaims:") == 1 and "b_bad.txt" in result.stderr
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == [str(tmp_path / "a_good.txt")]
    # without it, every article is processed
    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 1 and result.stderr.count("talkclaims:") == 2


def test_an_exception_in_one_article_is_reported_and_the_run_goes_on(extractor, monkeypatch):
    from talkclaims.read.readers import Document

    # the rules fail on one document, inside the pipeline's `nlp.pipe`
    engine_class = type(extractor.engine)
    real = engine_class.claims

    def flaky(self, doc):
        if "PANNE" in doc.text:
            raise ValueError("règle cassée")
        return real(self, doc)

    monkeypatch.setattr(engine_class, "claims", flaky)
    documents = [
        Document("a.txt", "Selon Reuters, la banque relèvera ses taux."),
        Document("b.txt", "PANNE : Selon l'AFP, rien."),
        Document("c.txt", "Selon l'AFP, le sommet est reporté."),
    ]
    results = list(extractor.process(documents))
    assert [r.doc for r in results] == ["a.txt", "b.txt", "c.txt"]
    assert results[1].error == "extraction failed: ValueError: règle cassée"
    assert results[0].claims and results[2].claims
    # a single text still raises, as any function does
    with pytest.raises(ValueError, match="règle cassée"):
        extractor.claims("PANNE : Selon l'AFP, rien.")
    assert extractor.claims("Selon l'AFP, le sommet est reporté.")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("-", "-"),  # standard input's name
        ("-3", "-3"),
        ("+2,5", "+2,5"),
        ("-0.75", "-0.75"),
        ("--", "'--"),
        ("-3+A1", "'-3+A1"),
        ("-1 %", "'-1 %"),
        ("-A", "'-A"),
        ("+", "'+"),
        ("=1", "'=1"),
        ("@maire", "'@maire"),
        ("-\n=1", "'-\n=1"),
    ],
)
def test_only_what_could_be_a_formula_is_guarded(cell, written):
    stream = io.StringIO()
    writer = CsvWriter(stream)
    writer.write([claim("Il pleut.", speaker=cell)])
    assert rows(stream.getvalue())[1][6] == written


def test_standard_input_is_named_dash_in_csv():
    result = runner.invoke(
        app, ["extract", "-", "-f", "csv"], input="« Il pleuvra », a dit Anne Roux.\n"
    )
    assert result.exit_code == 0, result.output
    header, row = rows(result.stdout)
    assert row[header.index("doc")] == "-"
