"""Input formats: JSON Lines dumps with metadata, and --glob to choose files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.read.readers import Document, ReadFailure, read_items
from tests.conftest import DATA

runner = CliRunner()
DUMP = "\n".join(
    [
        json.dumps({"id": "ouest-1", "text": "Le maire a déclaré que « la route rouvrira lundi ».",
                    "url": "https://example.fr/a", "title": "La route", "date": "2026-11-02",
                    "outlet": "Ouest-France"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": "Selon Reuters, la banque relèvera ses taux."}),
        json.dumps({"title": "sans texte"}),
        "",
    ]
)  # fmt: skip


def test_json_lines_lines_become_articles_and_bad_lines_failures(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(DUMP, encoding="utf-8")
    items = list(read_items(str(dump)))
    assert [type(i) for i in items] == [Document, ReadFailure, Document, ReadFailure]
    assert items[0].id == "ouest-1" and dict(items[0].meta)["outlet"] == "Ouest-France"
    assert items[1].id == f"{dump}:2" and "invalid JSON" in items[1].message
    assert items[2].id == f"{dump}:3"  # no id: path and line
    assert items[3].id == f"{dump}:4" and "'text'" in items[3].message


def test_metadata_is_carried_into_every_record(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(DUMP, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(dump), "-f", "jsonl"])
    assert result.exit_code == 1  # two bad lines, reported with their numbers
    assert f"{dump}:2: invalid JSON" in result.stderr and f"{dump}:4:" in result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["doc"] == "ouest-1" and first["speaker"] == "maire"
    assert (first["url"], first["title"], first["date"], first["outlet"]) == (
        "https://example.fr/a", "La route", "2026-11-02", "Ouest-France",
    )  # fmt: skip
    assert second["doc"] == f"{dump}:3" and second["url"] is None
    text = json.loads(DUMP.splitlines()[0])["text"]
    assert text[first["start"] : first["end"]] == first["text"]


def test_glob_chooses_the_files_read_in_folders(tmp_path):
    (tmp_path / "a.txt").write_text("Selon Reuters, la banque relèvera ses taux.", "utf-8")
    (tmp_path / "b.text").write_text("Selon l'AFP, le sommet est reporté.", "utf-8")
    default = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1"])
    chosen = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "--glob", "*.text"])
    assert [json.loads(x)["doc"] for x in default.stdout.splitlines()] == [str(tmp_path / "a.txt")]
    assert [json.loads(x)["doc"] for x in chosen.stdout.splitlines()] == [str(tmp_path / "b.text")]


def test_html_page_gives_its_article_text_and_title():
    page = DATA / "inputs" / "page_saved.html"
    result = runner.invoke(app, ["extract", str(page), "-f", "jsonl", "--with-text"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["speaker"], r["cue"]) for r in records] == [
        ("Paul Kerhervé", "déclarer"), ("Paul Kerhervé", "ajouter"),
    ]  # fmt: skip
    assert records[0]["sources"] == ["Ouest-France"]
    for record in records:
        text = record["document_text"]  # the extracted article, not the page's HTML
        assert "Accueil" not in text and "mentions légales" not in text and "<p>" not in text
        assert text[record["start"] : record["end"]] == record["text"]
        assert record["title"] == "Le maire rassure les habitants"
    plain = runner.invoke(app, ["extract", str(page), "-f", "json"])
    assert "document_text" not in plain.stdout


def test_html_without_an_article_is_a_failure_not_a_crash(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text(
        "<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(empty), "-f", "jsonl"])
    assert result.exit_code == 1 and "no article text found" in result.stderr
