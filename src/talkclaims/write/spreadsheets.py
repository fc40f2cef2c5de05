"""CSV that a spreadsheet opens as columns and cannot run: every CSV talkclaims writes
(claims here, the counts of `stats` in `talkclaims.write.counts`) is RFC 4180 with CRLF
line ends, or what French-locale Excel reads, and its cells are guarded against
formulas (CSV injection) unless asked raw.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from typing import IO, Any

from talkclaims.records import FIELDS, Claim
from talkclaims.write.rows import csv_cells

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


def csv_writer(stream: IO[str], excel: bool) -> Any:
    """A CSV writer on ``stream``: RFC 4180 with CRLF line ends, or for French-locale Excel
    (``excel``) a UTF-8 byte-order mark first and ``;`` between cells (its decimal comma
    is the caller's to write)."""
    if excel:
        stream.write("\ufeff")
    return csv.writer(stream, lineterminator="\r\n", delimiter=";" if excel else ",")


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
        self.writer = csv_writer(stream, excel)
        self.writer.writerow(FIELDS)

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        for claim in claims:
            cells = csv_cells(claim)
            if self.excel:
                cells = [str(c).replace(".", ",") if isinstance(c, float) else c for c in cells]
            self.writer.writerow(cells if self.raw else [neutralise(c) for c in cells])
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()
