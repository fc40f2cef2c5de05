"""Write quotation groups (`talkclaims quotes`): a table, CSV, JSON, JSON Lines, Parquet.

One row per group, the most repeated first. JSON and JSON Lines carry everything
(`group_record`): the variants with their articles, every speaker with the spellings the
articles use, the outlets, the first sighting. CSV and the table flatten the lists into
« name (count); … » cells; Parquet keeps them as lists of structs under a declared
schema, so that files of several runs line up in DuckDB or pandas. CSV follows the
conventions of the claims' CSV (RFC 4180, CRLF, cells a spreadsheet would run as a
formula neutralised unless ``raw``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from enum import Enum
from typing import IO, TYPE_CHECKING, Any, cast

from talkclaims.corpus.groups import QuoteGroup, SpeakerCount, date_key
from talkclaims.text.controls import printable
from talkclaims.write.spreadsheets import neutralise

if TYPE_CHECKING:
    import pyarrow as pa


class QuoteFormat(str, Enum):
    """Output formats of `talkclaims quotes`."""

    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    parquet = "parquet"


#: The columns of CSV and Parquet, in order.
COLUMNS = (
    "id",
    "wording",
    "articles",
    "claims",
    "variants",
    "speakers",
    "outlets",
    "first_seen",
    "first_outlet",
    "first_doc",
)
#: The longest wording shown whole in the table.
TABLE_WORDING = 300


def _speaker_name(speaker: SpeakerCount) -> str:
    return speaker.name if speaker.name is not None else "(no speaker)"


def speakers_cell(group: QuoteGroup) -> str:
    """« Dmitry Peskov (4); Yuri Ushakov (1) »: each speaker with its articles."""
    return "; ".join(f"{_speaker_name(s)} ({s.articles})" for s in group.speakers)


def outlets_cell(group: QuoteGroup) -> str:
    """« AFP (2); Le Monde (1) »: each outlet with its articles."""
    return "; ".join(f"{outlet} ({n})" for outlet, n in group.outlets)


def group_record(group: QuoteGroup) -> dict[str, Any]:
    """Everything known of a group as plain JSON values."""
    first = group.first_seen
    return {
        "id": group.id,
        "wording": group.wording,
        "articles": group.articles,
        "claims": group.claims,
        "speakers": [
            {
                "speaker": s.name,
                "type": s.type,
                "articles": s.articles,
                "claims": s.claims,
                "spellings": list(s.spellings),
            }
            for s in group.speakers
        ],
        "outlets": [{"outlet": o, "articles": n} for o, n in group.outlets],
        "sources": [{"source": o, "claims": n} for o, n in group.sources],
        "first_seen": (
            None
            if first is None
            else {"date": first.date, "doc": first.doc, "outlet": first.outlet}
        ),
        "variants": [
            {"wording": v.wording, "articles": v.articles, "claims": v.claims, "docs": list(v.docs)}
            for v in group.variants
        ],
        "docs": list(group.docs),
    }


def _row(group: QuoteGroup) -> list[Any]:
    first = group.first_seen
    return [
        group.id,
        group.wording,
        group.articles,
        group.claims,
        len(group.variants),
        speakers_cell(group),
        outlets_cell(group),
        first.date if first else "",
        (first.outlet or "") if first else "",
        first.doc if first else "",
    ]


def parquet_schema() -> pa.Schema:
    """The declared schema of the groups' Parquet file: the CSV columns, with the
    speakers, outlets and variants as lists of structs and the articles as a list."""
    import pyarrow as pa

    from talkclaims import __version__

    speaker = pa.struct(
        [
            ("speaker", pa.string()),
            ("type", pa.string()),
            ("articles", pa.int64()),
            ("claims", pa.int64()),
            ("spellings", pa.list_(pa.field("element", pa.string()))),
        ]
    )
    outlet = pa.struct([("outlet", pa.string()), ("articles", pa.int64())])
    variant = pa.struct(
        [
            ("wording", pa.string()),
            ("articles", pa.int64()),
            ("claims", pa.int64()),
            ("docs", pa.list_(pa.field("element", pa.string()))),
        ]
    )
    fields = [
        pa.field("id", pa.string(), False),
        pa.field("wording", pa.string(), False),
        pa.field("articles", pa.int64(), False),
        pa.field("claims", pa.int64(), False),
        pa.field("speakers", pa.list_(pa.field("element", speaker)), False),
        pa.field("outlets", pa.list_(pa.field("element", outlet)), False),
        pa.field("first_seen", pa.string()),
        pa.field("first_outlet", pa.string()),
        pa.field("first_doc", pa.string()),
        pa.field("variants", pa.list_(pa.field("element", variant)), False),
        pa.field("docs", pa.list_(pa.field("element", pa.string())), False),
    ]
    metadata = {"talkclaims.version": __version__, "talkclaims.content": "quotation groups"}
    return pa.schema(fields, metadata=metadata)


def _parquet_row(group: QuoteGroup) -> dict[str, Any]:
    record = group_record(group)
    first = group.first_seen
    record["first_seen"] = first.date if first else None
    record["first_outlet"] = first.outlet if first else None
    record["first_doc"] = first.doc if first else None
    del record["sources"]
    return record


def write_groups(
    groups: Sequence[QuoteGroup],
    fmt: QuoteFormat,
    stream: IO[str] | IO[bytes],
    csv_raw: bool = False,
    batch: int = 10_000,
) -> None:
    """``groups`` in ``fmt`` on an open stream (bytes for Parquet, text otherwise)."""
    if fmt is QuoteFormat.parquet:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = parquet_schema()
        with pq.ParquetWriter(cast("IO[bytes]", stream), schema) as writer:
            for start in range(0, max(len(groups), 1), batch):
                rows = [_parquet_row(g) for g in groups[start : start + batch]]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        return
    text = cast("IO[str]", stream)
    if fmt is QuoteFormat.json:
        text.write("[\n")
        for n, group in enumerate(groups):
            end = ",\n" if n + 1 < len(groups) else "\n"
            text.write("  " + json.dumps(group_record(group), ensure_ascii=False) + end)
        text.write("]\n")
    elif fmt is QuoteFormat.jsonl:
        for group in groups:
            text.write(json.dumps(group_record(group), ensure_ascii=False) + "\n")
    elif fmt is QuoteFormat.csv:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for group in groups:
            row = _row(group)
            writer.writerow(row if csv_raw else [neutralise(cell) for cell in row])
    else:
        _table(groups, text)


def _table(groups: Sequence[QuoteGroup], stream: IO[str]) -> None:
    """A rich table for a person at a terminal: control characters made visible."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(file=stream, highlight=False)
    if not console.is_terminal:
        console.width = 140  # a file or a pipe: wide enough to keep the columns whole
    if not groups:
        console.print("[dim]No quotation printed more than once.[/dim]")
        return
    table = Table(show_lines=True, title="Quotations printed more than once", title_justify="left")
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("quotation", ratio=1)
    table.add_column("speakers", max_width=30)
    table.add_column("outlets", max_width=24)
    table.add_column("first seen", max_width=24)
    for group in groups:
        wording = group.wording
        if len(wording) > TABLE_WORDING:
            wording = wording[: TABLE_WORDING - 1] + "…"
        about = f"{len(group.variants)} wordings · " if len(group.variants) > 1 else ""
        first = group.first_seen
        day = first.date[:10] if first and first.date and date_key(first.date) else None
        seen = " · ".join(v for v in (day, first.outlet) if v) if first else ""
        table.add_row(
            str(group.articles),
            escape(printable(wording)) + f"\n[dim]{about}{group.id}[/dim]",
            escape(printable(speakers_cell(group))) or "—",
            escape(printable(outlets_cell(group))) or "—",
            escape(printable(seen)) or "—",
        )
    console.print(table)
