"""`talkclaims quotes`, `extract --group-quotes` and check's corpus requirements end to
end, on a wire written for the tests: six outlets telling one story, repeating, cutting,
eliding and altering two quotations, one of them given to the wrong person (issue 22)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import DATA

runner = CliRunner()
WIRE = DATA / "quotes" / "wire.jsonl"
PESKOV = "Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au sommet"
DRAFT = (
    "Le Kremlin reste prudent.\n"
    "« Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au "
    "sommet », a déclaré Iouri Ouchakov, conseiller du président russe.\n"
)


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def wire_claims(tmp_path_factory) -> dict[str, Path]:
    """The wire extracted once, with its quotation groups, in JSON Lines, JSON and Parquet."""
    folder = tmp_path_factory.mktemp("wire")
    out = {}
    for fmt in ("jsonl", "json", "parquet"):
        out[fmt] = folder / f"claims.{fmt}"
        result = invoke(
            "extract", str(WIRE), "-f", fmt, "-o", str(out[fmt]), "--jobs", "1", "--group-quotes"
        )
        assert result.exit_code == 0, result.output
    return out


def groups_of(*args: str) -> list[dict]:
    result = invoke("quotes", *args, "-f", "json", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_quotes_lists_the_repeated_quotations_most_repeated_first():
    groups = groups_of(str(WIRE))
    assert [(g["articles"], g["wording"][:24]) for g in groups] == [
        (6, "Les discussions avancent"),
        (3, "Nous ne signerons aucun "),
    ]
    peskov = groups[0]
    assert peskov["wording"] == PESKOV
    assert [(s["speaker"], s["articles"]) for s in peskov["speakers"]] == [
        ("Dmitry Peskov", 4),
        ("Yuri Ushakov", 1),
        (None, 1),
    ]
    assert {o["outlet"] for o in peskov["outlets"]} == {
        "AFP", "Le Figaro", "Le Monde", "RFI", "Ouest-France", "Le Blog du matin",
    }  # fmt: skip
    assert peskov["first_seen"] == {
        "date": "2025-11-30T09:10:00+01:00", "doc": "afp-1130", "outlet": "AFP",
    }  # fmt: skip
    wordings = {v["wording"]: v["docs"] for v in peskov["variants"]}
    assert wordings["Aucun calendrier n'a été fixé pour une rencontre au sommet"] == ["monde-1201"]
    assert wordings["Les discussions avancent [...] aucun calendrier n'a été fixé"] == ["rfi-1201"]
    assert len(peskov["id"]) == 16
    marchetti = groups[1]
    assert marchetti["speakers"][0]["speaker"] == "Hélène Marchetti"
    assert marchetti["speakers"][0]["spellings"] == ["Marchetti"]
    # « Nous ne signerons aucun accord avec ce gouvernement » is another quotation
    assert all("gouvernement" not in v["wording"] for v in marchetti["variants"])


def test_min_articles(wire_claims):
    assert len(groups_of(str(wire_claims["jsonl"]), "--min-articles", "4")) == 1
    assert len(groups_of(str(wire_claims["jsonl"]), "--min-articles", "1")) == 3
    assert groups_of(str(wire_claims["jsonl"]), "--min-words", "25") == []


def test_claims_extract_wrote_give_the_groups_the_articles_give(wire_claims):
    from_articles = groups_of(str(WIRE))
    for fmt in ("jsonl", "json", "parquet"):
        assert groups_of(str(wire_claims[fmt])) == from_articles, fmt


def test_group_ids_are_the_same_across_runs_and_jobs(wire_claims, tmp_path):
    records = [json.loads(line) for line in wire_claims["jsonl"].read_text().splitlines()]
    by_claim = {(r["doc"], r["start"]): r["quote_group"] for r in records}
    assert all(r["quote_group"] for r in records if r["kind"] != "indirect")
    ids = {g["id"] for g in groups_of(str(WIRE))}
    assert ids <= set(by_claim.values())
    # the same again with two worker processes
    second = tmp_path / "again.jsonl"
    result = invoke(
        "extract", str(WIRE), "-f", "jsonl", "-o", str(second), "--jobs", "2", "--group-quotes"
    )
    assert result.exit_code == 0, result.output
    again = [json.loads(line) for line in second.read_text().splitlines()]
    assert {(r["doc"], r["start"]): r["quote_group"] for r in again} == by_claim
    result = invoke("quotes", str(WIRE), "-f", "json", "--jobs", "2")
    assert {g["id"] for g in json.loads(result.stdout)} == ids


def test_without_group_quotes_the_field_is_null_and_an_indirect_claim_has_none(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Le ministre a assuré que la réforme serait votée avant l'été, selon l'AFP.\n",
        encoding="utf-8",
    )
    for flag in ((), ("--group-quotes",)):
        result = invoke("extract", str(article), "-f", "jsonl", *flag)
        assert result.exit_code == 0, result.output
        [record] = [json.loads(line) for line in result.stdout.splitlines()]
        assert record["kind"] == "indirect" and record["quote_group"] is None


def test_csv_table_and_parquet(wire_claims, tmp_path):
    result = invoke("quotes", str(wire_claims["jsonl"]), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["speakers"] == "Dmitry Peskov (4); Yuri Ushakov (1); (no speaker) (1)"
    assert (rows[0]["articles"], rows[0]["variants"], rows[0]["first_outlet"]) == ("6", "3", "AFP")
    result = invoke("quotes", str(wire_claims["jsonl"]))
    assert "Quotations printed more than once" in result.stdout
    assert "Dmitry Peskov (4)" in result.stdout
    out = tmp_path / "groups.parquet"
    result = invoke("quotes", str(wire_claims["jsonl"]), "-f", "parquet", "-o", str(out))
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    assert [row["articles"] for row in table] == [6, 3]
    assert table[0]["speakers"][0]["speaker"] == "Dmitry Peskov"
    result = invoke("quotes", str(wire_claims["jsonl"]), "-f", "parquet")
    assert result.exit_code == 2 and "--output" in result.output
    # a groups file is no claims file: not read back as claims
    result = invoke("quotes", str(out), "-f", "json")
    assert result.exit_code == 0
    assert "written by talkclaims (quotation groups in Parquet): skipped" in result.output


def test_the_groups_written_into_the_articles_folder_are_not_read_as_articles(tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "wire.jsonl").write_text(WIRE.read_text(encoding="utf-8"), encoding="utf-8")
    for fmt, name, what in (
        ("jsonl", "groups.jsonl", "quotation groups in JSON Lines"),
        ("json", "groups.json", "quotation groups in JSON"),
        ("csv", "groups.csv", "quotation groups in CSV"),
        ("parquet", "groups.parquet", "quotation groups in Parquet"),
    ):
        result = invoke("quotes", str(folder), "-f", fmt, "-o", str(folder / name), "-j", "1")
        assert result.exit_code == 0, result.output
        result = invoke("extract", str(folder), str(folder / name), "-f", "jsonl", "-j", "1")
        assert result.exit_code == 0, result.output
        assert f"{folder / name}: written by talkclaims ({what}): skipped" in result.output


def test_a_bad_claims_file_is_one_line_and_the_rest_is_grouped(wire_claims, tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = wire_claims["jsonl"].read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["start"] = -1
    bad.write_text("\n".join([lines[1], json.dumps(record)]) + "\n", encoding="utf-8")
    result = invoke("quotes", str(bad), str(wire_claims["json"]), "-f", "json")
    assert result.exit_code == 1
    assert f"talkclaims: {bad}:2: not a claim written by extract: 'start'" in result.output
    assert json.loads(result.stdout)[0]["articles"] == 6


def test_check_consistent_speaker_names_the_odd_attribution_and_both_sides():
    result = invoke("check", str(WIRE), "--require", "consistent-speaker")
    assert result.exit_code == 1, result.output
    [line] = result.stdout.splitlines()
    assert line.startswith("ouest-1201:2:3: «Les discussions avancent, mais aucun calendrier")
    assert "attributed to Yuri Ushakov here; the other articles give these words to Dmitry " \
        "Peskov: 4 article(s): afp-1130:2 (AFP, 2025-11-30T09:10:00+01:00), " in line  # fmt: skip
    result = invoke("check", str(WIRE), "--require", "consistent-speaker", "-f", "github")
    assert result.stdout.startswith("::error file=ouest-1201,line=2,col=3,title=talkclaims ")


def test_check_same_wording_gives_a_word_diff():
    result = invoke("check", str(WIRE), "--require", "same-wording", "-f", "json")
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.stdout)
    assert (finding["doc"], finding["check"]) == ("monde-1201", "same-wording")
    assert (
        "1 word(s) differ from the most common wording (2 article(s): afp-1130:3"
        in (finding["message"])
    )
    assert "sécurité de nos [-citoyens-]{+alliés+}" in finding["message"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_check_against_yesterdays_wire(wire_claims, tmp_path, fmt):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke("check", str(draft), "--against", str(wire_claims[fmt]))
    assert result.exit_code == 1, result.output
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{draft}:2:3: «Les discussions avancent")
    assert "attributed to Yuri Ushakov here and in 1 article(s): ouest-1201:2 (Ouest-France, " \
        "2025-12-01T18:45:00+01:00); the archive gives these words to Dmitry Peskov: " \
        "4 article(s)" in line  # fmt: skip
    draft.write_text(DRAFT.replace("Iouri Ouchakov", "Dmitri Peskov"), encoding="utf-8")
    result = invoke("check", str(draft), "--against", str(wire_claims[fmt]))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_check_against_a_file_that_is_no_archive_is_a_usage_error(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    result = invoke("check", str(draft), "--against", str(missing))
    assert result.exit_code == 2 and f"talkclaims: {missing}: cannot read" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a"}\n', encoding="utf-8")
    result = invoke("check", str(draft), "--against", str(bad))
    assert result.exit_code == 2
    assert f"talkclaims: {bad}:1: not a claim written by extract: missing" in result.output
