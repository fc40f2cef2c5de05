"""`talkclaims stats`: counts of the corpus's claims in every format, failures reported."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.records import SPEAKER_TYPES
from talkclaims.write.views import GROUPS
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


# Speaker types and genders, alone and crossed: three outlets' articles in one JSON Lines
# dump (the outlet is its metadata), one article without an outlet, and a quotation
# nobody is credited with.
NEWS = [
    {"id": "monde-1", "outlet": "Le Monde", "text": (
        "« Nous ne céderons rien », a déclaré la ministre Catherine Vautrin lundi.\n\n"
        "Une source diplomatique a indiqué que les discussions reprendraient mardi.\n\n"
        "« Rien n'est décidé », a-t-on appris."
    )},
    {"id": "figaro-1", "outlet": "Le Figaro", "text": (
        "Le ministre Gérald Darmanin a affirmé que « la sécurité est la priorité ».\n\n"
        "Selon un proche du dossier, l'accord sera signé en juin."
    )},
    {"id": "=HYPERLINK(x)", "outlet": "=HYPERLINK(x)", "text": (
        "Le maire a déclaré que « la route rouvrira lundi »."
    )},
    {"id": "sans-titre", "text": "La maire Anne Hidalgo a déclaré que « la ville est prête »."},
]  # fmt: skip


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """The dump, and its claims as ``extract`` gives them: what every count must match."""
    dump = tmp_path_factory.mktemp("news") / "news.jsonl"
    dump.write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in NEWS), encoding="utf-8"
    )
    extracted = runner.invoke(app, ["extract", str(dump), "-f", "jsonl", "-j", "1"])
    assert extracted.exit_code == 0, extracted.output
    claims = [json.loads(line) for line in extracted.stdout.splitlines()]
    # what the counts below rest on: the extractor reads these articles as a person would
    said = {c["text"]: c for c in claims}
    assert said["Nous ne céderons rien"]["speaker_type"] == "person"
    assert said["Nous ne céderons rien"]["speaker_gender"] == "f"
    assert said["les discussions reprendraient mardi"]["speaker_type"] == "anonymous"
    assert said["Rien n'est décidé"]["speaker"] is None
    return dump, claims


def stats_of(dump, by: str, fmt: str, *extra: str):
    result = runner.invoke(app, ["stats", str(dump), "--by", by, "-f", fmt, "-j", "1", *extra])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")  # as written: CRLF kept


def test_stats_by_speaker_type_counts_each_type_and_claims_without_a_speaker(news):
    dump, claims = news
    rows = json.loads(stats_of(dump, "speaker_type", "json"))
    counts = {r["speaker_type"]: r["claims"] for r in rows}
    expected = Counter(c["speaker_type"] or "(none)" for c in claims)
    assert counts == expected
    assert counts["person"] >= 3 and counts["anonymous"] >= 1 and counts["(none)"] == 1
    assert set(counts) <= {*SPEAKER_TYPES, "(none)"}
    assert rows == sorted(rows, key=lambda r: (-r["claims"], r["speaker_type"]))


def test_stats_by_speaker_gender_in_the_table(news):
    dump, claims = news
    table = stats_of(dump, "speaker_gender", "table")
    assert table.startswith("claims by speaker_gender")
    expected = Counter(c["speaker_gender"] or "(none)" for c in claims)
    assert expected["f"] >= 2 and expected["m"] >= 1  # la ministre …, le ministre …
    rows = {
        cells[0]: cells[1:]
        for line in table.splitlines()
        if line.startswith("│")
        for cells in [[cell.strip() for cell in line.split("│")[1:-1]]]
    }
    assert rows == {value: [str(n), f"{n / len(claims):.1%}"] for value, n in expected.items()}


def expected_cross(claims, first: str, second: str, columns) -> dict[str, dict[str, int]]:
    """The cross-table counted from ``extract``'s records, independently of stats."""
    rows: dict[str, Counter] = {}
    for c in claims:
        row = rows.setdefault(c[first] or "(none)", Counter())
        row[c[second] or "(none)"] += 1
    return {name: {col: row[col] for col in columns} for name, row in rows.items()}


def test_cross_table_by_outlet_and_speaker_type_in_json(news):
    dump, claims = news
    rows = json.loads(stats_of(dump, "outlet,speaker_type", "json"))
    columns = [*SPEAKER_TYPES, "(none)"]  # every type, in order, even those with no claim
    assert all(list(r["counts"]) == columns == list(r["shares"]) for r in rows)
    assert {r["outlet"]: r["counts"] for r in rows} == expected_cross(
        claims, "outlet", "speaker_type", columns
    )
    # the article without outlet metadata is a row of its own, « (none) »
    assert {r["outlet"] for r in rows} == {"Le Monde", "Le Figaro", "=HYPERLINK(x)", "(none)"}
    for r in rows:
        assert r["claims"] == sum(r["counts"].values())
        assert r["shares"] == {k: round(n / r["claims"], 4) for k, n in r["counts"].items()}
    assert [r["claims"] for r in rows] == sorted((r["claims"] for r in rows), reverse=True)
    monde = next(r for r in rows if r["outlet"] == "Le Monde")
    assert monde["counts"]["anonymous"] >= 1 and monde["counts"]["(none)"] == 1


def test_cross_table_by_doc_and_speaker_gender_in_csv_neutralises_names(news):
    dump, claims = news
    safe = list(csv.reader(io.StringIO(stats_of(dump, "doc,speaker_gender", "csv"), newline="")))
    header, *rows = safe
    assert header == ["doc", "claims", "f", "f share", "m", "m share", "(none)", "(none) share"]
    expected = expected_cross(claims, "doc", "speaker_gender", ["f", "m", "(none)"])
    assert {r[0]: {"f": int(r[2]), "m": int(r[4]), "(none)": int(r[6])} for r in rows} == {
        ("'" + name if name.startswith("=") else name): counts for name, counts in expected.items()
    }
    for r in rows:
        assert r[3] == f"{int(r[2]) / int(r[1]):.4f}"
    raw = stats_of(dump, "doc,speaker_gender", "csv", "--csv-raw")
    assert raw.count("\r\n") == len(safe)  # RFC 4180 line ends
    assert "=HYPERLINK(x)" in [row[0] for row in csv.reader(io.StringIO(raw, newline=""))]
    assert "=HYPERLINK(x)" not in [r[0] for r in rows]


def test_cross_table_in_the_table_has_a_count_and_a_share_per_column(news):
    dump, claims = news
    table = stats_of(dump, "outlet,speaker_type", "table")
    lines = table.splitlines()
    assert lines[0].strip() == "claims by outlet and speaker_type"
    header = next(line for line in lines if "┃" in line)
    cells = [cell.strip() for cell in header.split("┃")[1:-1]]
    assert cells[:4] == ["outlet", "claims", "person", "person %"]  # whole, not cut
    assert cells[-2:] == ["(none)", "(none) %"]
    expected = expected_cross(claims, "outlet", "speaker_type", [*SPEAKER_TYPES, "(none)"])
    monde = next(line for line in lines if "Le Monde" in line)
    values = [cell.strip() for cell in monde.split("│")[1:-1]]
    total = sum(expected["Le Monde"].values())
    assert values[1] == str(total)
    assert values[2:4] == [str(expected["Le Monde"]["person"]),
                           f"{expected['Le Monde']['person'] / total:.1%}"]  # fmt: skip


@pytest.mark.parametrize(
    ("by", "message"),
    [
        ("gender", "cannot group by 'gender'; use one of speaker, source,"),
        ("outlet,speaker_type,doc", "at most two keys (FIRST,SECOND), not 3"),
        ("doc,doc", "'doc' twice"),
        ("outlet,", "cannot group by an empty key"),
    ],
)
def test_a_bad_by_is_a_one_line_usage_error_before_any_work(tmp_path, by, message):
    # the path does not exist either: --by is refused first, with no traceback
    result = runner.invoke(app, ["stats", str(tmp_path / "absent"), "--by", by])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("talkclaims: --by: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_every_grouping_of_the_library_is_an_option(news):
    dump, claims = news
    for by in GROUPS:
        rows = json.loads(stats_of(dump, by, "json"))
        counted = sum(r["claims"] for r in rows)
        # a claim counts once, but once per outlet it is credited to for « source »
        expected = sum(max(1, len(c["sources"])) for c in claims) if by == "source" else None
        assert counted == (expected or len(claims)), by
