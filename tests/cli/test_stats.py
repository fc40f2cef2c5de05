"""`talkclaims stats`: counts of the corpus's claims in every format, failures reported."""

from __future__ import annotations

import csv
import io
import json
import shutil

from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS

runner = CliRunner()
ARTICLE = CORPUS / "002_157e4dad8d8be975.txt"


def test_stats_command_counts_every_claim_of_the_corpus():
    extracted = runner.invoke(app, ["extract", str(CORPUS), "-f", "json", "-j", "1"])
    total = len(json.loads(extracted.stdout))
    result = runner.invoke(app, ["stats", str(CORPUS), "--by", "doc", "-f", "json", "-j", "1"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert sum(r["claims"] for r in rows) == total
    assert rows == sorted(rows, key=lambda r: (-r["claims"], r["doc"]))
    csv_out = runner.invoke(app, ["stats", str(CORPUS), "--by", "cue", "-f", "csv", "-j", "1"])
    assert csv_out.stdout.splitlines()[0] == "cue,claims,share"


def test_table_csv_and_json_give_the_same_counts():
    def stats(fmt: str):
        result = runner.invoke(app, ["stats", str(ARTICLE), "--by", "speaker", "-f", fmt])
        assert result.exit_code == 0, result.output
        return result

    rows = json.loads(stats("json").stdout)
    assert rows and rows[0]["speaker"] == "Dmitry Peskov"
    assert set(rows[0]) == {"speaker", "claims", "share"}
    csv_bytes = stats("csv").stdout_bytes
    assert csv_bytes.startswith(b"speaker,claims,share\r\n")  # RFC 4180 line ends
    from_csv = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8"), newline="")))
    assert [(r["speaker"], int(r["claims"]), float(r["share"])) for r in from_csv] == [
        (r["speaker"], r["claims"], r["share"]) for r in rows
    ]
    table = stats("table").stdout
    assert table.startswith("claims by speaker")
    first = next(line for line in table.splitlines() if "Dmitry Peskov" in line)
    assert f"{rows[0]['claims']}" in first and f"{rows[0]['share']:.1%}" in first


def test_an_unreadable_file_is_reported_and_the_rest_counted(tmp_path):
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02")
    shutil.copyfile(ARTICLE, tmp_path / "b.txt")
    result = runner.invoke(app, ["stats", str(tmp_path), "--by", "doc", "-f", "json"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"talkclaims: {tmp_path / 'a_binary.txt'}: binary file (contains NUL bytes)\n"
    )
    (row,) = json.loads(result.stdout)
    assert row["doc"] == str(tmp_path / "b.txt") and row["share"] == 1.0


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["stats", str(tmp_path / "absent")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"talkclaims: {tmp_path / 'absent'}: no such file or directory\n"


def test_every_grouping_of_the_library_is_an_option():
    from talkclaims.cli.stats import GroupBy
    from talkclaims.write.views import GROUPS

    assert [g.value for g in GroupBy] == list(GROUPS)


def test_csv_neutralises_formula_names_unless_csv_raw(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "=HYPERLINK(x).txt"
    (tmp_path / name).write_text(
        "Le maire a déclaré que « la route rouvrira lundi ».\n", encoding="utf-8"
    )
    safe = runner.invoke(app, ["stats", name, "--by", "doc", "-f", "csv"])
    raw = runner.invoke(app, ["stats", name, "--by", "doc", "-f", "csv", "--csv-raw"])
    assert safe.exit_code == raw.exit_code == 0, safe.output
    assert list(csv.reader(io.StringIO(safe.stdout, newline="")))[1] == [f"'{name}", "1", "1.0000"]
    assert list(csv.reader(io.StringIO(raw.stdout, newline="")))[1] == [name, "1", "1.0000"]


def test_the_table_shows_escape_sequences_visibly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "\x1b]0;pwned\x07\x1b[2J.txt"
    (tmp_path / name).write_text(
        "Le maire a déclaré que « la route rouvrira lundi ».\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["stats", name, "--by", "doc"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "␛]0;pwned␇␛[2J.txt" in result.stdout
