"""Write claims as a table, YAML, CSV, JSON, JSON Lines or Parquet, one document at a time.

Every writer takes the same records (`Claim`) and the same fields (`FIELDS`, flattened
by `talkclaims.write.rows`), so a column never exists in one format and not in another.
Writers stream: a document's claims are written as soon as they are found, the table
and YAML formats hold one document's claims at a time, and Parquet at most one row
group's. Each format has its module: `json_yaml` (JSON Lines, JSON, YAML),
`spreadsheets` (CSV), `table` (the terminal) and `parquet`; `make_writer` picks one.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import IO, Protocol, cast

from talkclaims.records import Claim
from talkclaims.write.json_yaml import JsonLinesWriter, JsonWriter, YamlWriter
from talkclaims.write.parquet import ParquetWriter
from talkclaims.write.spreadsheets import CsvWriter
from talkclaims.write.table import TableWriter


class Format(str, Enum):
    """Output formats of `talkclaims extract`."""

    table = "table"
    yaml = "yaml"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


#: Formats that are bytes, not text: written to a file only (``--output``), never to a
#: terminal or standard output.
BINARY_FORMATS = frozenset({Format.parquet})


class Writer(Protocol):
    def write(self, claims: Sequence[Claim], text: str | None = None) -> None: ...
    def close(self) -> None: ...


def make_writer(
    fmt: Format,
    stream: IO[str] | IO[bytes],
    csv_raw: bool = False,
    excel: bool = False,
    with_text: bool = False,
) -> Writer:
    """The writer for ``fmt`` on an open stream: binary for Parquet, text for the rest."""
    if fmt is Format.parquet:
        return ParquetWriter(cast("IO[bytes]", stream), with_text)
    stream = cast("IO[str]", stream)
    if fmt is Format.csv:
        return CsvWriter(stream, raw=csv_raw, excel=excel)
    if fmt is Format.json:
        return JsonWriter(stream, with_text)
    if fmt is Format.jsonl:
        return JsonLinesWriter(stream, with_text)
    return {Format.table: TableWriter, Format.yaml: YamlWriter}[fmt](stream)
