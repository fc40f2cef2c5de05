"""`talkclaims extract --format parquet`: the same records as JSON Lines, in a file only."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.records import FIELDS
from talkclaims.write import parquet as parquet_module
from tests.conftest import CORPUS

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def corpus_outputs(tmp_path_factory):
    """The corpus extracted once to Parquet (row groups of 8 records) and to JSON Lines."""
    folder = tmp_path_factory.mktemp("parquet")
    path = folder / "claims.parquet"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parquet_module, "ROW_GROUP_SIZE", 8)
        result = invoke("extract", str(CORPUS), "-f", "parquet", "-o", str(path), "--jobs", "1")
    assert result.exit_code == 0, result.output
    result = invoke("extract", str(CORPUS), "-f", "jsonl", "--jobs", "1")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 16
    return path, records


def test_parquet_has_the_jsonl_records_read_with_pyarrow(corpus_outputs):
    path, records = corpus_outputs
    table = pq.read_table(path)
    assert table.schema.names == list(FIELDS)
    types = {field.name: field.type for field in table.schema}
    assert types["start"] == types["end"] == types["line"] == pa.int64()
    assert types["confidence"] == pa.float64()
    assert pa.types.is_list(types["sources"]) and types["sources"].value_type == pa.string()
    assert all(types[f] == pa.string() for f in FIELDS if f not in
               ("start", "end", "line", "confidence", "sources"))  # fmt: skip
    assert table.to_pylist() == records  # field by field: lists, ints, floats, None


def test_parquet_has_the_jsonl_records_read_with_pandas(corpus_outputs):
    path, records = corpus_outputs
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(FIELDS) and len(frame) == len(records)
    assert str(frame["line"].dtype) == "int64" and str(frame["confidence"].dtype) == "float64"
    for row, record in zip(frame.to_dict("records"), records, strict=True):
        for name in FIELDS:
            value, expected = row[name], record[name]
            if name == "sources":
                assert list(value) == expected
            elif expected is None:
                assert pd.isna(value), name
            else:
                assert value == expected, name


def test_several_articles_make_several_row_groups(corpus_outputs):
    path, records = corpus_outputs
    parquet = pq.ParquetFile(path)
    assert parquet.num_row_groups == -(-len(records) // 8) > 1
    assert parquet.schema_arrow.metadata[b"talkclaims.version"]


def test_with_text_adds_the_document_text_column(tmp_path):
    article = sorted(CORPUS.glob("*.txt"))[0]
    path = tmp_path / "claims.parquet"
    result = invoke("extract", str(article), "-f", "parquet", "-o", str(path), "--with-text")
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.schema.names[-1] == "document_text"
    text = article.read_text(encoding="utf-8")
    for row in table.to_pylist():
        assert (
            row["document_text"][row["start"] : row["end"]]
            == row["text"]
            == text[row["start"] : row["end"]]
        )


def test_parquet_needs_an_output_file(tmp_path):
    result = invoke("extract", str(CORPUS), "-f", "parquet")
    assert result.exit_code == 2
    assert result.stderr == (
        "talkclaims: --format parquet writes a binary file: give it with --output FILE\n"
    )
    assert result.stdout == ""
    result = invoke("extract", str(CORPUS), "-f", "parquet", "-o", "/dev/stdout")
    assert result.exit_code == 2
    assert "not to a standard stream" in result.stderr and result.stdout == ""


def test_without_pyarrow_the_error_says_how_to_get_it_before_reading(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    # a path that does not exist: the error comes before any input is looked at
    result = invoke("extract", str(tmp_path / "absent"), "-f", "parquet", "-o", "c.parquet")
    assert result.exit_code == 2
    assert result.stderr == (
        "talkclaims: --format parquet needs pyarrow: pip install 'talkclaims[parquet]'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_run_leaves_no_parquet_file(tmp_path, monkeypatch):
    path = tmp_path / "claims.parquet"
    flush = parquet_module.ParquetWriter._flush
    calls = []

    def flush_then_stop(self):
        flush(self)
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt  # Ctrl-C after the first row group was written

    monkeypatch.setattr(parquet_module, "ROW_GROUP_SIZE", 2)
    monkeypatch.setattr(parquet_module.ParquetWriter, "_flush", flush_then_stop)
    result = invoke("extract", str(CORPUS), "-f", "parquet", "-o", str(path), "--jobs", "1")
    assert result.exit_code != 0
    assert calls  # a row group was written to the temporary file before the stop
    assert list(tmp_path.iterdir()) == []  # neither claims.parquet nor a temporary
