"""Write the counts of `talkclaims stats` (`views.count_by`, `views.cross_count`) as a
table, CSV or JSON, with the conventions of the claims' formats (CSV as RFC 4180 with
CRLF line ends or for French-locale Excel, cells guarded against formulas; JSON as UTF-8
text), so a spreadsheet or a script reads both kinds of file the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import Enum
from typing import IO, TYPE_CHECKING, Any

from talkclaims.write.spreadsheets import csv_writer, neutralise

if TYPE_CHECKING:
    from talkclaims.write.views import Count, CrossTable


class CountFormat(str, Enum):
    """Output formats of `talkclaims stats`."""

    table = "table"
    csv = "csv"
    json = "json"


def _counts_csv(stream: IO[str], excel: bool) -> tuple[Any, Callable[[float], str]]:
    """The CSV writer of the counts and how it writes a share: as `CsvWriter` writes,
    RFC 4180 with CRLF, or for French-locale Excel (``excel``) with a UTF-8 byte-order
    mark, ``;`` separators and a decimal comma (``0,2500``)."""
    writer = csv_writer(stream, excel)
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
