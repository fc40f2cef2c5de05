"""Baselines, expectations and gold files a person edited: every malformed shape is one
``FILE:LINE: problem``, never a traceback (issue 20)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.qa.checks import CheckInputError, load_baseline, load_expectations
from talkclaims.qa.evaluate import GoldError, gold_documents, load_gold_file
from talkclaims.records import Claim

ARTICLE = "Le maire a déclaré que « la route rouvrira lundi », selon Ouest-France.\n"
RECORD = Claim(
    "brest.txt", "direct", "la route rouvrira lundi", 25, 48, 1, "le maire", "le maire",
    "déclarer", ("Ouest-France",), "cue-que", 0.65,
).to_dict()  # fmt: skip
DEEP = "[" * 5000 + "]" * 5000
DIGITS = "7" * 5000


def record(**changes: object) -> dict[str, object]:
    """The record `extract` writes for ARTICLE's claim, with fields changed or removed
    (a value of ``...``)."""
    out = {**RECORD, **changes}
    return {k: v for k, v in out.items() if v is not ...}


def as_yaml(records: list[dict[str, object]]) -> str:
    """Claims as ``extract -f yaml`` writes them, one ``- doc:`` line per claim, each
    value as JSON (which is YAML) so that a test can put NaN or a nested list in it."""
    lines = []
    for item in records:
        for n, (key, value) in enumerate(item.items()):
            text = value if isinstance(value, str) and value.startswith("RAW:") else None
            shown = text[4:] if text else json.dumps(value, ensure_ascii=False)
            lines.append(f"{'- ' if n == 0 else '  '}{key}: {shown}")
    return "\n".join(lines) + "\n"


# (records, the line of the bad one in YAML, what the message says)
BAD_RECORDS = [
    pytest.param([record(text=...)], 1, "missing 'text'", id="no-text"),
    pytest.param([record(text=12)], 1, "'text' must be text, not the number 12", id="text-12"),
    pytest.param(
        [record(), record(start="RAW:.nan")],
        len(RECORD) + 1,  # the second record's first line
        "'start' must be a whole number from 0, not the number nan",
        id="nan-offset",
    ),
    pytest.param([record(end=-4)], 1, "'end' must be a whole number from 0", id="negative"),
    pytest.param([record(start=40, end=30)], 1, "'end' (30) is before 'start' (40)", id="end"),
    pytest.param([record(line=True)], 1, "'line' must be a whole number from 1", id="bool"),
    pytest.param([record(kind="quoted")], 1, "'kind' must be one of direct", id="kind"),
    pytest.param(
        [record(sources=["AFP", 3])],
        1,
        "'sources' must be a list of names: item 2 is the number 3",
        id="sources",
    ),
    pytest.param([record(speaker=["a"])], 1, "'speaker' must be text, not a list", id="speaker"),
    pytest.param([record(confidence=2)], 1, "'confidence' must be a number from 0 to 1", id="conf"),
    pytest.param(
        [record(), "oui"], len(RECORD) + 1, "a claim is a mapping of its fields", id="not-a-mapping"
    ),
    pytest.param(
        [record(sources=f"RAW:{DEEP}")], 13, "nested too deep (over 32 levels)", id="deep"
    ),
    pytest.param(
        [record(start=f"RAW:{DIGITS}")],
        4,
        "a number too long to read (over 4,300 digits)",
        id="digits",
    ),
]


@pytest.mark.parametrize(("records", "line", "problem"), BAD_RECORDS)
def test_a_malformed_yaml_baseline_names_its_line(tmp_path, records, line, problem):
    path = tmp_path / "baseline.yaml"
    body = as_yaml([r for r in records if isinstance(r, dict)])
    if "oui" in records:
        body += "- oui\n"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CheckInputError) as error:
        load_baseline(path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert problem in str(error.value)


def as_json_value(value: object) -> str:
    if isinstance(value, str) and value.startswith("RAW:"):
        raw = value[4:]
        return "NaN" if raw == ".nan" else raw
    return json.dumps(value, ensure_ascii=False)


def as_json_record(item: object) -> str:
    if not isinstance(item, dict):
        return json.dumps(item)
    return "{" + ", ".join(f'"{k}": {as_json_value(v)}' for k, v in item.items()) + "}"


@pytest.mark.parametrize(("records", "line", "problem"), BAD_RECORDS)
@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_malformed_json_baseline_names_its_line(tmp_path, records, line, problem, suffix):
    path = tmp_path / f"baseline{suffix}"
    rows = [as_json_record(r) for r in records]
    if suffix == ".json":  # as extract writes it: « [ », then a record per line
        path.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")
    else:
        path.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    expected = len(records) + (1 if suffix == ".json" else 0)  # the bad record is the last
    if "too deep" in problem:
        problem = "nested too deep"  # JSON's own parser stops far below Python's stack
    if "the number nan" in problem:  # NaN is YAML's (.nan), not JSON's: the line is refused
        problem = "invalid JSON: NaN is not a JSON value"
    with pytest.raises(CheckInputError) as error:
        load_baseline(path)
    assert str(error.value).startswith(f"{path}:{expected}: ")
    assert problem in str(error.value)


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("claims: []\n", 1, "expected a list of claims written by extract"),
        ("- doc: a\n  text: [oops\n", 2, "invalid YAML"),
        ("[" * 100_000, 1, "nested too deep"),
        ("- &a [*a]\n", 1, "a claim is a mapping"),
    ],
)
def test_a_yaml_baseline_that_is_not_a_list_of_claims(tmp_path, body, line, problem):
    path = tmp_path / "baseline.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CheckInputError, match=problem) as error:
        load_baseline(path)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_a_json_baseline_nested_thousands_deep_is_refused_at_its_line(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("[\n" + json.dumps(RECORD) + ",\n" + "[" * 100_000 + "]" * 100_000 + "\n]")
    with pytest.raises(CheckInputError, match="nested too deep") as error:
        load_baseline(path)
    assert str(error.value).startswith(f"{path}:3: ")


def test_a_well_formed_baseline_still_reads_in_every_format(tmp_path):
    yaml_path, json_path, lines_path = (tmp_path / f"b.{s}" for s in ("yaml", "json", "jsonl"))
    yaml_path.write_text(as_yaml([RECORD, record(speaker=None, sources=[])]), encoding="utf-8")
    json_path.write_text(json.dumps([RECORD]), encoding="utf-8")
    lines_path.write_text(json.dumps(RECORD) + "\n\n", encoding="utf-8")
    claim = Claim.from_dict(RECORD)
    unattributed = dataclasses.replace(claim, speaker=None, sources=())
    assert load_baseline(yaml_path) == {"brest.txt": [claim, unattributed]}
    assert load_baseline(json_path) == load_baseline(lines_path) == {"brest.txt": [claim]}


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("- doc: a.txt\n  quote: 12\n  speaker: X\n", 1, "missing or not text: quote"),
        ("- doc: a.txt\n  quote: x\n  speaker: X\n  sources: [AFP, 1]\n", 1, "'sources' must"),
        ("- doc: a.txt\n  quote: x\n  speaker: X\n- " + DEEP + "\n", 4, "nested too deep"),
        ("- doc: a.txt\n  quote: x\n  speaker: " + DIGITS + "\n", 3, "a number too long"),
        ("doc: a.txt\n", 1, "expected a list of expectations"),
    ],
)
def test_a_malformed_expectation_file_names_its_line(tmp_path, body, line, problem):
    path = tmp_path / "expect.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CheckInputError, match=problem) as error:
        load_expectations(path)
    assert str(error.value).startswith(f"{path}:{line}: ")


GOLD_CLAIM = "  - kind: direct\n    text: la route rouvrira lundi\n    speaker: [le maire]\n"


@pytest.mark.parametrize(
    ("claim", "line", "problem"),
    [
        ("  - {text: 12}\n", 7, "claim 2: expected a mapping with a text"),
        ("  - {text: route, kind: 12}\n", 7, "claim 2: 'kind' must be one of direct"),
        ("  - {text: route, occurrence: true}\n", 7, "'occurrence' must be a whole number"),
        ("  - {text: route, occurrence: " + DIGITS + "}\n", 7, "a number too long"),
        ("  - {text: route, speaker: [Paul, 12]}\n", 7, "'speaker' must be a list of names: "
         "item 2 is the number 12"),
        ("  - {text: route, speaker: {name: Paul}}\n", 7, "'speaker' must be a name, a list"),
        ("  - {text: route, sources: [AFP, [x]]}\n", 7, "'sources' must be a list of names: "
         "item 2 is a list"),
        ("  - {text: route, sources: AFP}\n", 7, "'sources' must be a list of names, not 'AFP'"),
        ("  - {text: route, cue: [dire]}\n", 7, "'cue' must be a verb or null"),
        ("  - {text: route, speaker_gender: [f]}\n", 7, "'speaker_gender' must be one of f, m"),
        ("  - " + DEEP + "\n", 7, "nested too deep"),
    ],
)  # fmt: skip
def test_a_malformed_gold_claim_names_its_file_line_and_number(tmp_path, claim, line, problem):
    path = tmp_path / "brest.yaml"
    path.write_text(f"doc: brest.txt\n# a comment\nclaims:\n{GOLD_CLAIM}{claim}", "utf-8")
    with pytest.raises(GoldError, match=problem) as error:
        gold_documents(tmp_path)
        load_gold_file(path, ARTICLE)
    assert str(error.value).startswith(f"{path}:{line}: ")


def test_a_gold_doc_that_is_not_a_file_name_is_named(tmp_path):
    path = tmp_path / "brest.yaml"
    path.write_text(f"claims:\n{GOLD_CLAIM}doc: [brest.txt]\n", "utf-8")
    with pytest.raises(GoldError, match="'doc' must be the article's file name, not a list") as e:
        gold_documents(tmp_path)
    assert str(e.value).startswith(f"{path}:5: ")


runner = CliRunner()


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (as_yaml([record(text=...)]), 1),
        (as_yaml([record(start=f"RAW:{DIGITS}")]), 4),
        ("- " + DEEP + "\n", 1),
    ],
)
def test_check_with_a_malformed_baseline_is_one_line_and_exit_two(tmp_path, body, line):
    article = tmp_path / "brest.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.yaml"
    baseline.write_text(body, encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--baseline", str(baseline)])
    assert result.exit_code == 2, result.output
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"talkclaims: {baseline}:{line}: ")
    assert result.stdout == ""


def test_evaluate_with_a_gold_file_nested_deep_is_one_line_and_exit_two(tmp_path):
    gold, corpus = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir()
    corpus.mkdir()
    (corpus / "brest.txt").write_text(ARTICLE, encoding="utf-8")
    (gold / "brest.yaml").write_text(f"doc: brest.txt\nclaims:\n  - {DEEP}\n", "utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(corpus)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"talkclaims: {gold / 'brest.yaml'}:3: nested too deep")
    assert "Traceback" not in result.output


def test_a_parquet_baseline_holds_the_claims_of_the_yaml_one(tmp_path):
    article = tmp_path / "brest.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for fmt in ("yaml", "parquet"):
        out = tmp_path / f"baseline.{fmt}"
        extracted = runner.invoke(app, ["extract", str(article), "-f", fmt, "-o", str(out)])
        assert extracted.exit_code == 0, extracted.output
    from_yaml = load_baseline(tmp_path / "baseline.yaml")
    assert from_yaml and load_baseline(tmp_path / "baseline.parquet") == from_yaml
    # named by its bytes, not its suffix
    (tmp_path / "baseline.parquet").rename(tmp_path / "claims.data")
    assert load_baseline(tmp_path / "claims.data") == from_yaml
    result = runner.invoke(
        app, ["check", str(article), "--baseline", str(tmp_path / "claims.data")]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "talkclaims: 1 article(s), 1 claim(s) checked: every check passed\n"


def test_a_parquet_baseline_without_pyarrow_says_how_to_install_it(tmp_path, monkeypatch):
    import sys

    (tmp_path / "brest.txt").write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.parquet"
    done = runner.invoke(app, ["extract", str(tmp_path), "-f", "parquet", "-o", str(baseline)])
    assert done.exit_code == 0, done.output
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = runner.invoke(app, ["check", str(tmp_path), "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"talkclaims: {baseline}: a Parquet baseline needs pyarrow: "
        "pip install 'talkclaims[parquet]'\n"
    )


def test_a_parquet_file_of_other_rows_or_cut_short_is_named(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"ville": ["Brest", "Quimper"], "habitants": [139_000, 63_000]}), other)
    with pytest.raises(CheckInputError) as error:
        load_baseline(other)
    assert (
        str(error.value) == f"{other}: row 1: not a claim written by extract: missing 'doc', "
        "'kind', 'text', 'start', 'end', 'line'"
    )
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(other.read_bytes()[:60])
    with pytest.raises(CheckInputError, match="cannot read as Parquet: ") as error:
        load_baseline(cut)
    assert str(error.value).startswith(f"{cut}: ")
