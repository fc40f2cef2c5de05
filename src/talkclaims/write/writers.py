"""Write claims as a table, YAML, CSV, JSON or JSON Lines, one document at a time.

Every writer takes the same records (`Claim`) and the same fields (`FIELDS`), so a
column never exists in one format and not in another. Writers stream: a document's
claims are written as soon as they are found, and only the table and YAML formats
hold one document's claims at a time.

`write_counts` writes the counts of `talkclaims stats` with the same conventions (CSV
as RFC 4180 with CRLF line ends, JSON as UTF-8 text), so a spreadsheet or a script reads
both kinds of file the same way.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

import yaml

from talkclaims.records import FIELDS, Claim

if TYPE_CHECKING:
    from talkclaims.write.views import Count


class Format(str, Enum):
    """Output formats of `talkclaims extract`."""

    table = "table"
    yaml = "yaml"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class CountFormat(str, Enum):
    """Output formats of `talkclaims stats`."""

    table = "table"
    csv = "csv"
    json = "json"


SOURCE_SEPARATOR = "; "


class Writer(Protocol):
    def write(self, claims: Sequence[Claim], text: str | None = None) -> None: ...
    def close(self) -> None: ...


def _record(claim: Claim, text: str | None) -> dict:
    data = claim.to_dict()
    if text is not None:  # --with-text: the text the offsets index (HTML: the extracted one)
        data["document_text"] = text
    return data


class JsonLinesWriter:
    """One JSON object per line: the format for pipes and archives."""

    def __init__(self, stream: IO[str], with_text: bool = False) -> None:
        self.stream = stream
        self.with_text = with_text

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        text = text if self.with_text else None
        for claim in claims:
            self.stream.write(json.dumps(_record(claim, text), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON array, streamed item by item so nothing is held in memory."""

    def __init__(self, stream: IO[str], with_text: bool = False) -> None:
        self.stream = stream
        self.count = 0
        self.with_text = with_text

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        text = text if self.with_text else None
        for claim in claims:
            self.stream.write("[\n" if self.count == 0 else ",\n")
            self.stream.write("  " + json.dumps(_record(claim, text), ensure_ascii=False))
            self.count += 1
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class YamlWriter:
    """A YAML list: each document's items are appended, so the whole file is one list."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        if not claims:
            return
        items = [claim.to_dict() for claim in claims]
        self.stream.write(yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100))
        self.count += len(items)
        self.stream.flush()

    def close(self) -> None:
        if self.count == 0:
            self.stream.write("[]\n")
        self.stream.flush()


#: A cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """« @TF1info … » or « =HYPERLINK(… » stays text: a leading ' stops the formula."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


class CsvWriter:
    """RFC 4180 CSV with one header row; sources joined by « ; ».

    Cells that a spreadsheet would run as a formula are neutralised with a leading ``'``
    unless ``raw``; ``excel`` writes what French-locale Excel opens as columns: a UTF-8
    byte-order mark and ``;`` separators.
    """

    def __init__(self, stream: IO[str], raw: bool = False, excel: bool = False) -> None:
        self.stream = stream
        self.raw = raw
        if excel:
            stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n", delimiter=";" if excel else ",")
        self.writer.writerow(FIELDS)

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        for claim in claims:
            row = claim.to_dict()
            row["sources"] = SOURCE_SEPARATOR.join(claim.sources)
            cells = ["" if row[f] is None else row[f] for f in FIELDS]
            self.writer.writerow(cells if self.raw else [neutralise(c) for c in cells])
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class TableWriter:
    """A rich table per document, for a person reading at a terminal."""

    def __init__(self, stream: IO[str], width: int | None = None) -> None:
        from rich.console import Console

        self.console = Console(file=stream, width=width, highlight=False)
        if width is None and not self.console.is_terminal:
            self.console.width = 120  # a file or a pipe: wide enough to keep columns whole
        self.count = 0

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        from rich.table import Table

        if not claims:
            return
        table = Table(title=claims[0].doc, title_justify="left", show_lines=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("speaker", min_width=14, max_width=28)
        table.add_column("cue", min_width=9, max_width=16)
        table.add_column("sources", min_width=9, max_width=22)
        table.add_column("claim", min_width=30)
        styles = {"direct": "green", "mixed": "yellow", "indirect": "cyan"}
        for claim in claims:
            speaker = claim.speaker or "[dim]—[/dim]"
            if claim.speaker_mention and claim.speaker_mention != claim.speaker:
                speaker += f"\n[dim]({_escape(claim.speaker_mention)})[/dim]"
            table.add_row(
                str(claim.line),
                f"[{styles.get(claim.kind, 'white')}]{claim.kind}[/]",
                speaker,
                _escape(claim.cue or "—"),
                _escape(SOURCE_SEPARATOR.join(claim.sources) or "—"),
                _escape(claim.text),
            )
        self.console.print(table)
        self.count += len(claims)

    def close(self) -> None:
        if self.count == 0:
            self.console.print("[dim]No claims found.[/dim]")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def make_writer(
    fmt: Format,
    stream: IO[str],
    csv_raw: bool = False,
    excel: bool = False,
    with_text: bool = False,
) -> Writer:
    """The writer for ``fmt`` on an open text stream."""
    if fmt is Format.csv:
        return CsvWriter(stream, raw=csv_raw, excel=excel)
    if fmt is Format.json:
        return JsonWriter(stream, with_text)
    if fmt is Format.jsonl:
        return JsonLinesWriter(stream, with_text)
    return {Format.table: TableWriter, Format.yaml: YamlWriter}[fmt](stream)


def write_counts(counts: Sequence[Count], by: str, fmt: CountFormat, stream: IO[str]) -> None:
    """Counts of claims grouped ``by`` speaker, source, cue, doc or kind, in ``fmt``.

    JSON is a list of ``{by: name, "claims": n, "share": s}`` with ``s`` rounded to 4
    places; CSV has the same columns, RFC 4180 with CRLF like `CsvWriter`, the share with
    4 places; the table (`talkclaims.write.views.counts_table`) gives the share in %.
    """
    if fmt is CountFormat.json:
        rows = [{by: c.name, "claims": c.claims, "share": round(c.share, 4)} for c in counts]
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is CountFormat.csv:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([by, "claims", "share"])
        writer.writerows([c.name, c.claims, f"{c.share:.4f}"] for c in counts)
    else:
        from rich.console import Console

        from talkclaims.write.views import counts_table

        Console(file=stream, highlight=False).print(counts_table(counts, by))


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` on success.

    An interrupted or failed run leaves the previous file as it was and no partial file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        # mkstemp makes the file private; give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
