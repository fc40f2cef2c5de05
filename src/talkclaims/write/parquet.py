"""Claims as Apache Parquet, through pyarrow (the optional extra ``talkclaims[parquet]``),
for DuckDB, pandas and the like: a declared schema, one row group at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from talkclaims.records import FIELDS, Claim
from talkclaims.write.rows import output_values

if TYPE_CHECKING:
    import pyarrow as pa

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
        rows = [(*output_values(claim), text or "") for claim, text in self.buffered]
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
