"""`talkclaims extract`: formats, exit codes, bad input, standard input, user patterns."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS

runner = CliRunner()
ARTICLE = CORPUS / "002_157e4dad8d8be975.txt"


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_extract_jsonl_keeps_the_offset_invariant_on_the_corpus():
    result = invoke("extract", str(CORPUS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["doc"] for r in records} >= {str(ARTICLE)}
    for record in records:
        text = Path(record["doc"]).read_text(encoding="utf-8")
        assert text[record["start"] : record["end"]] == record["text"]


def test_all_formats_carry_the_same_claims():
    outputs = {fmt: invoke("extract", str(ARTICLE), "-f", fmt).stdout for fmt in
               ("yaml", "csv", "json", "jsonl")}  # fmt: skip
    from_yaml = yaml.safe_load(outputs["yaml"])
    from_json = json.loads(outputs["json"])
    from_jsonl = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    from_csv = list(csv.DictReader(io.StringIO(outputs["csv"], newline="")))
    assert from_yaml == from_json == from_jsonl
    assert [r["text"] for r in from_csv] == [r["text"] for r in from_json]
    assert [r["sources"] for r in from_csv] == ["; ".join(r["sources"]) for r in from_json]


def test_table_is_the_default_and_names_the_speakers():
    result = invoke("extract", str(ARTICLE))
    assert result.exit_code == 0
    assert "Dmitry Peskov" in result.stdout and "Izvestia" in result.stdout


def test_missing_path_is_a_one_line_usage_error(tmp_path):
    result = invoke("extract", str(tmp_path / "absent.txt"))
    assert result.exit_code == 2
    assert (
        result.stderr.strip() == f"talkclaims: {tmp_path / 'absent.txt'}: no such file or directory"
    )


def test_bad_files_are_reported_and_the_rest_is_written(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "b_latin1.txt").write_bytes(
        "Le ministre a déclaré que « ça ira ».".encode("latin-1")
    )
    (tmp_path / "c_empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "d_good.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(tmp_path), "-f", "jsonl", "-o", str(out))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "a_binary.txt: binary file" in errors[0]
    assert "warning: " in errors[1] and "b_latin1.txt: not UTF-8" in errors[1]
    assert "read as Windows-1252" in errors[1]
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {str(tmp_path / "b_latin1.txt"), str(tmp_path / "d_good.txt")}


def test_empty_file_gives_no_claims_and_no_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = invoke("extract", str(empty), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_standard_input_is_read_with_dash():
    text = "Le maire a déclaré que « la route rouvrira lundi »."
    result = invoke("extract", "-", "-f", "jsonl", input=text)
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc"] == "-" and record["text"] == "la route rouvrira lundi"
    assert record["speaker"] == "maire" and record["cue"] == "déclarer"


def test_user_patterns_add_verbs_outlets_and_speakers(tmp_path):
    text = (
        "Jeanne Martin, la porte-parole de l'Agence spatiale, a roucoulé que « le lancement "
        "aura lieu » selon Radio Sud Atlantique."
    )
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    before = json.loads(invoke("extract", str(article), "-f", "json").stdout)
    assert not any(c["cue"] == "roucouler" or "Leroy" in (c["speaker"] or "") for c in before)
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "verbs.yaml").write_text("verbs: [roucouler]\n", encoding="utf-8")
    (extra / "outlets.yaml").write_text(
        "outlets:\n  - {name: Radio Sud Atlantique, aliases: [RSA]}\n", encoding="utf-8"
    )
    (extra / "speakers.yaml").write_text(
        "speakers:\n  - {name: Jeanne Martin-Leroy, aliases: [Jeanne Martin]}\n", encoding="utf-8"
    )
    (claim,) = json.loads(
        invoke("extract", str(article), "-f", "json", "--patterns", str(extra)).stdout
    )
    assert claim["cue"] == "roucouler"
    assert claim["speaker"] == "Jeanne Martin-Leroy"
    assert claim["sources"] == ["Radio Sud Atlantique"]


def test_malformed_pattern_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "verbs.yaml").write_text("verbs:\n  - dire\n  - [unclosed\n", encoding="utf-8")
    result = invoke("extract", str(ARTICLE), "--patterns", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"talkclaims: {bad / 'verbs.yaml'}:")
    assert "invalid YAML" in result.stderr and "Traceback" not in result.output


SHORT = "Le maire a déclaré que « la route rouvrira lundi ».\n"


def test_an_output_that_is_an_input_is_refused_and_nothing_is_touched(tmp_path):
    article = tmp_path / "articles" / "a.txt"
    article.parent.mkdir()
    article.write_text(SHORT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    cases = [
        ([str(article)], str(article)),  # the same path
        ([str(article)], str(tmp_path / "articles" / ".." / "articles" / "a.txt")),
        ([str(article)], str(link)),  # through a link
        ([str(tmp_path / "articles")], str(article)),  # a file of an input folder
        ([str(link)], str(article)),
    ]
    for inputs, output in cases:
        for command in ("extract", "report"):
            result = invoke(command, *inputs, "-o", output)
            assert result.exit_code == 2, (command, inputs, output, result.output)
            assert result.stdout == ""
            assert result.stderr == f"talkclaims: {output}: --output is one of the inputs\n"
            assert article.read_text(encoding="utf-8") == SHORT
            assert link.is_symlink()
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["a.txt"]


def test_outputs_written_into_the_input_folder_are_skipped_on_the_next_run(tmp_path):
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    first = invoke("extract", str(tmp_path), "-f", "jsonl", "-o", str(tmp_path / "claims.jsonl"))
    assert first.exit_code == 0 and first.stderr == ""
    written = (tmp_path / "claims.jsonl").read_text(encoding="utf-8")
    assert invoke("report", str(tmp_path), "-o", str(tmp_path / "report.html")).exit_code == 0
    again = invoke("extract", str(tmp_path), "-f", "jsonl", "-o", str(tmp_path / "claims.jsonl"))
    assert again.exit_code == 0, again.output
    assert (tmp_path / "claims.jsonl").read_text(encoding="utf-8") == written
    assert again.stderr.splitlines() == [
        f"talkclaims: warning: {tmp_path / 'claims.jsonl'}: written by talkclaims "
        "(claims in JSON Lines): skipped",
        f"talkclaims: warning: {tmp_path / 'report.html'}: written by talkclaims "
        "(an HTML report): skipped",
    ]
    report = invoke("report", str(tmp_path), "-o", str(tmp_path / "report.html"))
    assert report.exit_code == 0 and report.stderr.count("skipped") == 2
    assert "claims.jsonl" not in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_table_shows_escape_sequences_of_an_article_visibly(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Le maire a déclaré que « la route \x1b]0;pwned\x07 rouvrira \x1b[2J lundi ».\n",
        encoding="utf-8",
    )
    table = invoke("extract", str(article))
    assert table.exit_code == 0, table.output
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout
    assert "␛]0;pwned␇" in table.stdout and "␛[2J" in table.stdout
    (record,) = json.loads(invoke("extract", str(article), "-f", "json").stdout)
    assert record["text"] == "la route \x1b]0;pwned\x07 rouvrira \x1b[2J lundi"  # data as read


def test_a_bad_scheduler_address_is_named_without_a_traceback():
    result = CliRunner().invoke(
        app, ["extract", str(CORPUS / "002_157e4dad8d8be975.txt"), "--scheduler", "notanaddress"]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "None" not in result.output
    assert "cannot use the Dask scheduler notanaddress: missing port number" in result.output


def test_help_names_every_kind_of_file_a_folder_is_searched_for():
    from talkclaims.read.readers import TEXT_SUFFIXES

    shown = " ".join(runner.invoke(app, ["extract", "--help"], terminal_width=200).output.split())
    for suffix in TEXT_SUFFIXES:
        assert f"*{suffix}" in shown


def test_options_that_do_not_apply_to_the_format_are_warned(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "json", "--excel", "--csv-raw"])
    assert result.exit_code == 0
    assert "warning: --excel applies to --format csv only: ignored with --format json" in (
        result.stderr
    )
    assert "warning: --csv-raw applies to --format csv only" in result.stderr
    assert json.loads(result.stdout)[0]["speaker"] == "Reuters"


def test_an_empty_folder_or_a_glob_matching_nothing_is_warned(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("Selon Reuters, la banque relèvera ses taux.", "utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "empty"), str(tmp_path / "full")])
    assert result.exit_code == 0
    assert f"warning: {tmp_path / 'empty'}: no file to read in this folder" in result.stderr
    globbed = runner.invoke(app, ["extract", str(tmp_path / "full"), "--glob", "*.text"])
    assert "no file to read in this folder (looked for *.text)" in globbed.stderr


def test_excel_csv_writes_decimal_commas(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "-f", "csv", "--excel"])
    header, row = result.stdout.lstrip("\ufeff").splitlines()
    cells = dict(zip(header.split(";"), row.split(";"), strict=True))
    assert cells["confidence"] == "0,75" and cells["start"] == "15"
