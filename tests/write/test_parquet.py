"""Parquet output: a declared schema, row groups as records come, flat memory, atomic file."""

from __future__ import annotations

import gc
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from talkclaims import __version__
from talkclaims.records import FIELDS, Claim
from talkclaims.write.atomic import atomic_binary_output, binary_output_problem
from talkclaims.write.parquet import ParquetWriter, parquet_schema
from talkclaims.write.writers import Format, make_writer

CLAIMS = [
    Claim(
        "a.txt", "direct", "Nous verrons,\n« dit-il » ; \"bien\"", 10, 42, 1,
        "Yuri Ushakov", "Iouri Ouchakov", "déclarer", ("AFP", "Le Figaro"), "cue-que", 0.9,
        url="https://example.fr/a", title="Titre", date="2024-05-01", outlet="Le Monde",
        speaker_type="person", speaker_gender="m", speaker_gender_from="text",
    ),
    Claim("a.txt", "indirect", "rien", 50, 54, 2, None, None, None, (), "selon", 0.75),
]  # fmt: skip


def write(path, claims_per_doc, row_group_size=None, with_text=False, texts=None):
    with atomic_binary_output(path) as stream:
        writer = ParquetWriter(stream, with_text=with_text, row_group_size=row_group_size)
        try:
            for i, claims in enumerate(claims_per_doc):
                writer.write(claims, texts[i] if texts else None)
        finally:  # as the CLI does: the footer is written even when a run fails
            writer.close()
    return writer


def test_records_round_trip_with_the_declared_types(tmp_path):
    path = tmp_path / "claims.parquet"
    write(path, [CLAIMS[:1], [], CLAIMS[1:]])
    table = pq.read_table(path)
    assert table.schema.names == list(FIELDS)
    assert table.schema.equals(parquet_schema(), check_metadata=True)
    assert table.schema.field("sources").type.value_type == pa.string()
    assert pa.types.is_list(table.schema.field("sources").type)
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    assert not table.schema.field("text").nullable and table.schema.field("speaker").nullable
    assert table.schema.metadata[b"talkclaims.version"] == __version__.encode()
    assert [Claim.from_dict(row) for row in table.to_pylist()] == CLAIMS
    assert table.to_pylist()[1]["sources"] == [] and table.to_pylist()[1]["speaker"] is None


def test_pandas_reads_ints_floats_lists_and_nulls(tmp_path):
    path = tmp_path / "claims.parquet"
    write(path, [CLAIMS])
    frame = pd.read_parquet(path)
    assert list(frame.columns) == list(FIELDS)
    assert str(frame["start"].dtype) == "int64" and str(frame["confidence"].dtype) == "float64"
    assert list(frame.loc[0, "sources"]) == ["AFP", "Le Figaro"]
    assert list(frame.loc[1, "sources"]) == []
    assert frame.loc[0, "text"] == CLAIMS[0].text  # newline and quotes survive
    assert frame["speaker"].isna().tolist() == [False, True]


def test_an_empty_run_is_a_valid_file_with_every_column(tmp_path):
    path = tmp_path / "claims.parquet"
    write(path, [])
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.names == list(FIELDS)


def test_with_text_adds_document_text_last(tmp_path):
    path = tmp_path / "claims.parquet"
    write(path, [CLAIMS], with_text=True, texts=["le texte"])
    table = pq.read_table(path)
    assert table.schema.names == [*FIELDS, "document_text"]
    assert table.column("document_text").to_pylist() == ["le texte", "le texte"]


def test_make_writer_gives_the_parquet_writer_on_a_binary_stream(tmp_path):
    with atomic_binary_output(tmp_path / "c.parquet") as stream:
        writer = make_writer(Format.parquet, stream)
        assert isinstance(writer, ParquetWriter)
        writer.write(CLAIMS)
        writer.close()
    assert pq.read_table(tmp_path / "c.parquet").num_rows == 2


def test_a_row_group_is_written_whenever_the_buffer_is_full(tmp_path):
    path = tmp_path / "claims.parquet"
    docs = [[CLAIMS[i % 2]] * (i + 1) for i in range(6)]  # 21 records in 6 documents
    with atomic_binary_output(path) as stream:
        writer = ParquetWriter(stream, row_group_size=4)
        for claims in docs:
            writer.write(claims)
            assert len(writer.buffered) < 4  # never all the records, never a full group
        writer.close()
    parquet = pq.ParquetFile(path)
    assert parquet.num_row_groups == 6  # 5 full groups of 4, and the last record at close
    assert [parquet.metadata.row_group(i).num_rows for i in range(6)] == [4, 4, 4, 4, 4, 1]
    assert parquet.read().num_rows == 21


def test_a_bad_row_group_size_is_refused(tmp_path):
    with atomic_binary_output(tmp_path / "c.parquet") as stream, pytest.raises(ValueError):
        ParquetWriter(stream, row_group_size=0)


def synthetic(count: int) -> Iterator[list[Claim]]:
    """``count`` claims of distinct texts, 10 per document, made as they are written (few
    allocations each: tracemalloc slows every one of them)."""
    text = "« Une phrase que quelqu'un a dite » " + "x" * 100
    for doc in range(count // 10):
        name = f"article-{doc:06d}.txt"
        yield [
            Claim(
                name, "direct", text + str(doc * 10 + i), i * 200, i * 200 + 140, i + 1,
                "Personne", "Personne", "déclarer", ("AFP",), "cue-que", 0.9,
            )
            for i in range(10)
        ]  # fmt: skip


def test_two_hundred_thousand_claims_are_written_in_flat_memory(tmp_path):
    count, group = 200_000, 10_000
    # what holding them all would take: 1,000 claims measured, times 200
    tracemalloc.start()
    held = [claim for claims, _ in zip(synthetic(count), range(100), strict=False)
            for claim in claims]  # fmt: skip
    per_thousand = tracemalloc.get_traced_memory()[0]
    del held
    tracemalloc.stop()
    all_held = per_thousand * count // 1000

    path = tmp_path / "claims.parquet"
    # claims make no cycles: without the collector walking the test session's heap at
    # every few hundred claims, the run takes half the time under tracemalloc
    gc.disable()
    tracemalloc.start()
    try:
        write(path, synthetic(count), row_group_size=group)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        gc.enable()
    assert all_held > 50_000_000  # the records alone would be tens of MB…
    assert peak < all_held / 5  # …the writer holds one row group of them
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_rows == count
    assert parquet.num_row_groups == count // group


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "claims.parquet"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_binary_output(path) as stream:
        writer = ParquetWriter(stream, row_group_size=1)
        try:
            writer.write(CLAIMS)  # two row groups written to the temporary file
            raise RuntimeError("boom")
        finally:
            writer.close()
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.parquet"]


def test_binary_outputs_refuse_standard_streams_and_terminals_and_accept_files(tmp_path):
    assert binary_output_problem(tmp_path / "claims.parquet") is None
    assert binary_output_problem(tmp_path / "absent" / "claims.parquet") is None
    assert binary_output_problem(Path("/dev/null")) is None
    for name in ("/dev/stdout", "/dev/stderr", "/dev/fd/1"):
        assert binary_output_problem(Path(name)) == "a standard stream"
        with pytest.raises(ValueError), atomic_binary_output(Path(name)):
            pass
    leader, follower = os.openpty()
    try:
        assert binary_output_problem(Path(os.ttyname(follower))) == "a terminal"
    finally:
        os.close(leader)
        os.close(follower)
