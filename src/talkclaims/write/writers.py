"""Write claims as a table, YAML, CSV, JSON, JSON Lines or Parquet, one document at a time.

Every writer takes the same records (`Claim`) and the same fields (`FIELDS`), so a
column never exists in one format and not in another. Writers stream: a document's
claims are written as soon as they are found, the table and YAML formats hold one
document's claims at a time, and Parquet at most one row group's.

`write_counts` and `write_cross` write the counts of `talkclaims stats` with the same
conventions (CSV as RFC 4180 with CRLF line ends, JSON as UTF-8 text), so a spreadsheet
or a script reads both kinds of file the same way.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, cast

import yaml

from talkclaims.records import FIELDS, Claim
from talkclaims.text.controls import printable

if TYPE_CHECKING:
    import pyarrow as pa

    from talkclaims.write.views import Count, CrossTable


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
#: Cells that start like a formula but are none, kept as they are: a lone « - » (standard
#: input's name) and a plain number (« -3 », « +2,5 »), which a spreadsheet reads as text
#: and as that number, and which a leading ' would turn into other text.
_NOT_A_FORMULA = re.compile(r"-|[+-]\d+(?:[.,]\d+)?")


def neutralise(cell: object) -> object:
    """« @TF1info … » or « =HYPERLINK(… » stays text: a leading ' stops the formula.

    OWASP's rule: no cell may begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return. A cell that is exactly ``-`` or a signed number (``-3``, ``+2.5``) begins so
    but runs nothing, and is kept; anything more (``-1 %``, ``+33 1 23``, ``-3+A1``) is
    guarded. The field separator and quotes inside a cell are the csv module's to quote
    (RFC 4180), so a cell cannot start another one."""
    if not isinstance(cell, str) or not cell.startswith(FORMULA_START):
        return cell
    return cell if _NOT_A_FORMULA.fullmatch(cell) else "'" + cell


class CsvWriter:
    """RFC 4180 CSV with one header row; sources joined by « ; ».

    Cells that a spreadsheet would run as a formula are neutralised with a leading ``'``
    unless ``raw``; ``excel`` writes what French-locale Excel opens as columns and numbers:
    a UTF-8 byte-order mark, ``;`` separators and decimal commas (``0,65``).
    """

    def __init__(self, stream: IO[str], raw: bool = False, excel: bool = False) -> None:
        self.stream = stream
        self.raw = raw
        self.excel = excel
        if excel:
            stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n", delimiter=";" if excel else ",")
        self.writer.writerow(FIELDS)

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        for claim in claims:
            row = claim.to_dict()
            row["sources"] = SOURCE_SEPARATOR.join(claim.sources)
            cells = ["" if row[f] is None else row[f] for f in FIELDS]
            if self.excel:
                cells = [str(c).replace(".", ",") if isinstance(c, float) else c for c in cells]
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
        table = Table(title=_escape(claims[0].doc), title_justify="left", show_lines=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        # no minimum widths: on a narrow terminal every column shrinks and wraps at word
        # boundaries instead of the table running past the edge and being cut
        table.add_column("speaker", max_width=28)
        table.add_column("cue", max_width=16)
        table.add_column("sources", max_width=22)
        table.add_column("claim", ratio=1)
        styles = {"direct": "green", "mixed": "yellow", "indirect": "cyan"}
        for claim in claims:
            speaker = _escape(claim.speaker) if claim.speaker else "[dim]—[/dim]"
            if claim.speaker_mention and claim.speaker_mention != claim.speaker:
                speaker += f"\n[dim]({_escape(claim.speaker_mention)})[/dim]"
            if claim.speaker_type:
                # « person · f »: what kind of speaker, and the gender the article gives
                kind = claim.speaker_type
                if claim.speaker_gender:
                    kind += f" · {claim.speaker_gender}"
                speaker += f"\n[dim italic]{kind}[/dim italic]"
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
    """Text for rich markup in a terminal: markup escaped, control characters visible."""
    from rich.markup import escape

    return escape(printable(text))


#: What to install when pyarrow is missing: the project's optional extra.
PYARROW_MISSING = "--format parquet needs pyarrow: pip install 'talkclaims[parquet]'"

#: Records per Parquet row group: large enough for fast scans (DuckDB, pandas read a
#: row group at a time), small enough that the buffer stays a few megabytes.
ROW_GROUP_SIZE = 10_000


def require_pyarrow() -> None:
    """Import pyarrow (and its Parquet module) or raise `ImportError` naming the extra.

    Called before any article is read, so that a missing pyarrow is one line at the start
    rather than a failure after the whole corpus was processed.
    """
    try:
        import pyarrow.parquet  # noqa: F401 (imports pyarrow too)
    except ImportError as exc:
        raise ImportError(PYARROW_MISSING) from exc


def parquet_schema(with_text: bool = False) -> pa.Schema:
    """The declared schema of the Parquet output: one column per `FIELDS` entry, in order.

    Declared rather than inferred, so every file has the same column types whatever its
    records hold (a run where no claim has a URL still has a string ``url`` column, not
    a null-typed one) and a DuckDB or pandas query over many files lines them up. Strings
    are plain ``string`` (Parquet dictionary-encodes repeated values on disk anyway);
    the columns a claim always has are non-nullable. With ``with_text``, a last column
    ``document_text`` as in JSON Lines.
    """
    import pyarrow as pa

    from talkclaims import __version__

    types: dict[str, tuple[pa.DataType, bool]] = {
        "doc": (pa.string(), False),
        "kind": (pa.string(), False),
        "text": (pa.string(), False),
        "start": (pa.int64(), False),
        "end": (pa.int64(), False),
        "line": (pa.int64(), False),
        # the child named « element » as the Parquet spec names it, so the schema read
        # back from a file is the schema declared here
        "sources": (pa.list_(pa.field("element", pa.string())), False),
        "rule": (pa.string(), False),
        "confidence": (pa.float64(), False),
    }
    columns = [pa.field(name, *types.get(name, (pa.string(), True))) for name in FIELDS]
    if with_text:
        columns.append(pa.field("document_text", pa.string(), False))
    metadata = {"talkclaims.version": __version__, "talkclaims.fields": ",".join(FIELDS)}
    return pa.schema(columns, metadata=metadata)


class ParquetWriter:
    """Apache Parquet through pyarrow, one row group per ``row_group_size`` records.

    Records are buffered as they come and a row group is written as soon as the buffer
    holds ``row_group_size`` of them (and the rest at `close`), so a run of millions of
    claims holds at most one row group in memory. The footer that makes the file
    readable is written by `close`: a run that stops before it leaves no usable file,
    which is why the CLI writes it through `atomic_binary_output`.
    """

    def __init__(
        self,
        stream: IO[bytes],
        with_text: bool = False,
        row_group_size: int | None = None,
    ) -> None:
        import pyarrow.parquet as pq

        if row_group_size is None:  # read at run time, so a test can make it small
            row_group_size = ROW_GROUP_SIZE
        if row_group_size < 1:
            raise ValueError(f"row_group_size must be at least 1, not {row_group_size}")
        self.with_text = with_text
        self.row_group_size = row_group_size
        self.schema = parquet_schema(with_text)
        self.writer = pq.ParquetWriter(stream, self.schema)
        #: The records not written yet, with their document's text (None without --with-text).
        self.buffered: list[tuple[Claim, str | None]] = []
        self.count = 0

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        text = text if self.with_text else None
        for claim in claims:
            self.buffered.append((claim, text))
            if len(self.buffered) >= self.row_group_size:
                self._flush()

    def _flush(self) -> None:
        """Write the buffered records as one row group and empty the buffer."""
        import pyarrow as pa

        if not self.buffered:
            return
        # one tuple per record, turned into one tuple per column: no dict per record
        rows = [(*_output_values(claim), text or "") for claim, text in self.buffered]
        columns = dict(zip(self.schema.names, zip(*rows, strict=True), strict=False))
        batch = pa.RecordBatch.from_pydict(columns, schema=self.schema)
        self.writer.write_batch(batch, row_group_size=len(rows))
        self.count += len(rows)
        self.buffered = []

    def close(self) -> None:
        """Write the last row group and the footer that makes the file readable."""
        try:
            self._flush()
        finally:
            try:
                self.writer.close()
            finally:
                # once only: pyarrow would try again when collected, after the file
                # closed, and print « Exception ignored » for a run that already failed
                self.writer.is_open = False


#: The output fields of a claim in FIELDS order, read at once (``sources`` a tuple,
#: which pyarrow takes for a list).
_output_values = attrgetter(*FIELDS)


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


def _counts_csv(stream: IO[str], excel: bool) -> tuple[Any, Callable[[float], str]]:
    """The CSV writer of the counts and how it writes a share: as `CsvWriter` writes,
    RFC 4180 with CRLF, or for French-locale Excel (``excel``) with a UTF-8 byte-order
    mark, ``;`` separators and a decimal comma (``0,2500``)."""
    if excel:
        stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n", delimiter=";" if excel else ",")
    return writer, lambda share: f"{share:.4f}".replace(".", ",") if excel else f"{share:.4f}"


def write_counts(
    counts: Sequence[Count],
    by: str,
    fmt: CountFormat,
    stream: IO[str],
    csv_raw: bool = False,
    excel: bool = False,
) -> None:
    """Counts of claims grouped ``by`` speaker, source, cue, doc or kind, in ``fmt``.

    JSON is a list of ``{by: name, "claims": n, "share": s}`` with ``s`` rounded to 4
    places; CSV has the same columns, RFC 4180 with CRLF like `CsvWriter`, the share with
    4 places, and names that a spreadsheet would run as a formula neutralised as in
    `CsvWriter` unless ``csv_raw``, and for French-locale Excel with ``excel`` (see
    `_counts_csv`); the table (`talkclaims.write.views.counts_table`) gives the share in %.
    """
    if fmt is CountFormat.json:
        rows = [{by: c.name, "claims": c.claims, "share": round(c.share, 4)} for c in counts]
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is CountFormat.csv:
        writer, share = _counts_csv(stream, excel)
        writer.writerow([by, "claims", "share"])
        name = (lambda n: n) if csv_raw else neutralise
        writer.writerows([name(c.name), c.claims, share(c.share)] for c in counts)
    else:
        from rich.console import Console

        from talkclaims.write.views import counts_table

        Console(file=stream, highlight=False).print(counts_table(counts, by))


def write_cross(
    cross: CrossTable,
    fmt: CountFormat,
    stream: IO[str],
    csv_raw: bool = False,
    excel: bool = False,
) -> None:
    """A cross-table (``stats --by FIRST,SECOND``) in ``fmt``.

    JSON is a list with one object per row, ``{FIRST: name, "claims": n, "counts":
    {value: n, …}, "shares": {value: s, …}}``, shares rounded to 4 places and the
    values in column order: ``pandas.json_normalize`` makes it one flat frame, and a
    value named like a key (a speaker called « claims ») cannot overwrite it. CSV has
    the columns ``FIRST, claims, VALUE, VALUE share, …`` (``SECOND=VALUE`` for a value
    named like FIRST or claims, `CrossTable.labels`), shares with 4 places; the row
    names and the column names built from values (speakers, outlets…) are neutralised
    as in `CsvWriter` unless ``csv_raw``; ``excel`` as in `write_counts`. The table
    (`talkclaims.write.views.cross_table`) gives the shares in %.
    """
    if fmt is CountFormat.json:
        rows = [
            {
                cross.first: row.name,
                "claims": row.claims,
                "counts": dict(zip(cross.columns, row.counts, strict=True)),
                "shares": {c: round(s, 4) for c, s in zip(cross.columns, row.shares, strict=True)},
            }
            for row in cross.rows
        ]
        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is CountFormat.csv:
        name = (lambda n: n) if csv_raw else neutralise
        writer, share_text = _counts_csv(stream, excel)
        header = [cross.first, "claims"]
        for label in cross.labels:
            header += [label, f"{label} share"]
        writer.writerow([name(cell) for cell in header])
        for row in cross.rows:
            cells: list[object] = [name(row.name), row.claims]
            for n, share in zip(row.counts, row.shares, strict=True):
                cells += [n, share_text(share)]
            writer.writerow(cells)
    else:
        from rich.console import Console

        from talkclaims.write.views import cross_table

        console = Console(file=stream, highlight=False)
        table = cross_table(cross)
        if not console.is_terminal:  # a file or a pipe: as wide as the table, never cut
            unbounded = console.options.update_width(10_000)
            console.width = max(console.width, console.measure(table, options=unbounded).maximum)
        console.print(table)


#: A temporary output of a writer: ``.NAME.PID.RANDOM.tmp`` beside NAME.
_TEMP = r"\.{name}\.(\d+)\.[A-Za-z0-9_]+\.tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that killed runs left beside ``path`` (those whose
    writer's pid is no longer alive); a live run's file is left alone. Returns them."""
    pattern = re.compile(_TEMP.format(name=re.escape(path.name)))
    removed = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


_STANDARD = re.compile(r"/dev/(?:(stdout)|(stderr)|fd/(\d+))|/proc/self/fd/(\d+)")


def _standard_stream(path: Path) -> int | None:
    """The descriptor ``/dev/stdout``, ``/dev/stderr`` or ``/dev/fd/N`` names, if it does.

    Written through the descriptor rather than opened again: opening ``/dev/stdout``
    when the shell sent standard output to a file (``>> log``) would truncate the file.
    """
    match = _STANDARD.fullmatch(str(path.absolute()))
    if match is None:
        return None
    stdout, stderr, fd, proc_fd = match.groups()
    return 1 if stdout else 2 if stderr else int(fd or proc_fd)


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """Write ``path`` so that a failed or killed run never leaves half a file.

    A regular file (or a new one) is written to a temporary file beside it,
    ``.NAME.PID.RANDOM.tmp``, and renamed over it on success; temporaries left by runs
    that were killed (their pid is gone) are removed first. A symbolic link is followed:
    its target is replaced the same way, beside the target, and the link stays a link. A
    FIFO or a device (``/dev/null``) is written directly, since it cannot be replaced;
    ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that descriptor as the
    shell opened it (a pipe, a terminal, a file appended to).
    """
    with _atomic(path, binary=False) as stream:
        yield cast("IO[str]", stream)


@contextmanager
def atomic_binary_output(path: Path) -> Iterator[IO[bytes]]:
    """`atomic_output` for a binary format (Parquet): the same temporary file renamed on
    success, opened for bytes. A standard stream (``/dev/stdout``…) is refused with a
    `ValueError`: see `binary_output_problem`, which the CLI asks before any work."""
    if _standard_stream(Path(path)) is not None:
        raise ValueError(f"{path}: a binary format is not written to a standard stream")
    with _atomic(path, binary=True) as stream:
        yield cast("IO[bytes]", stream)


def binary_output_problem(path: Path) -> str | None:
    """Why a binary file cannot be written to ``path``, or None when it can.

    A standard stream (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``) or a terminal
    (``/dev/tty``) would put bytes where a person or a text pipe reads. A FIFO or
    ``/dev/null`` is fine; a path that cannot be opened is left for the write to report.
    """
    if _standard_stream(Path(path)) is not None:
        return "a standard stream"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISCHR(mode):
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        return "a terminal" if os.isatty(fd) else None
    finally:
        os.close(fd)


def _open(file: int | Path, binary: bool) -> IO[Any]:
    """A descriptor or a path opened for writing: bytes, or UTF-8 text as written."""
    if binary:
        return open(file, "wb")
    return open(file, "w", encoding="utf-8", newline="")


@contextmanager
def _atomic(path: Path, binary: bool) -> Iterator[IO[Any]]:
    """What `atomic_output` and `atomic_binary_output` describe, in text or in bytes."""
    path = Path(path)
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        special = False  # a new file, or a dangling link: created (through the link)
    fd = _standard_stream(path)
    if fd is not None:  # /dev/stdout, /dev/fd/N: the stream the shell opened, as it is
        sys.stdout.flush()
        with _open(os.dup(fd), binary) as stream:
            yield stream
        return
    if special or str(path.absolute()).startswith(("/dev/", "/proc/")):
        with _open(path, binary) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
    try:
        with _open(fd, binary) as stream:
            yield stream
        # mkstemp makes the file private; give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
