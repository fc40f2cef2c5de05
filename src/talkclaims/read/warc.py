"""Web archives (WARC, ISO 28500): every HTML page a crawl fetched is an article.

A crawl is read one record at a time (never the whole file, so memory stays flat
whatever its size) with FastWARC, which read a gzipped crawl four times faster than
warcio here. Each ``response`` record of an HTML page fetched with status 200 goes
through the same HTML path as a saved page (`pages.html_article`) and becomes a
`Document` named by its URL; every other record is skipped and counted, and the counts
(a `WarcSummary`) go to whoever collects them (`warc_summaries`): skips are not failures.

Neither WARC library reports a file cut short: both stop quietly at the last record
they could read whole (or, uncompressed, hand over the cut record's first bytes). So
once the library is done, the file is walked from the start of the last record it gave
to its end (`_damage`): a gzip member or a record that does not end, or bytes that are
not a record, are damage, reported as one `ReadFailure` naming the byte where the first
record that could not be read starts. Records before it are kept, and the last record
read is only handed on once the next one (or a clean end of the file) shows it whole.
"""

from __future__ import annotations

import codecs
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from talkclaims.read.decoding import decode
from talkclaims.read.documents import MAX_ARTICLE_BYTES, Document, ReadFailure, as_meta
from talkclaims.read.pages import html_article

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

#: The package that reads WARC files, imported only when one is read.
WARC_PACKAGE = "fastwarc"
#: Content types read as web pages; a response without one is sniffed (`_looks_like_html`).
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Longest WARC header block looked for when walking records of an uncompressed file.
MAX_HEADER_BYTES = 1 << 16
#: Bytes of compressed data read at a time, and of output kept, when checking gzip members.
GZIP_CHUNK = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"
#: Skip reasons, in the order the summary names them.
SKIP_REASONS = {"not_html": "not HTML", "not_ok": "not 200", "no_text": "no article text"}


@dataclass
class WarcSummary:
    """What one archive gave: pages read as articles, and records skipped by reason."""

    name: str
    pages: int = 0
    not_html: int = 0  # request, metadata, warcinfo, revisit records, non-HTML responses
    not_ok: int = 0  # responses with another status than 200
    no_text: int = 0  # HTML pages where trafilatura finds no article text

    @property
    def skipped(self) -> int:
        return self.not_html + self.not_ok + self.no_text

    def line(self) -> str:
        """« crawl.warc.gz: 1,204 pages read; skipped 3,112 records (2,010 not HTML, 85
        not 200, 1,017 no article text) », reasons with no record left out."""
        pages = f"{self.name}: {self.pages:,} page{'s' if self.pages != 1 else ''} read"
        if not self.skipped:
            return pages
        reasons = ", ".join(
            f"{getattr(self, key):,} {label}"
            for key, label in SKIP_REASONS.items()
            if getattr(self, key)
        )
        plural = "s" if self.skipped != 1 else ""
        return f"{pages}; skipped {self.skipped:,} record{plural} ({reasons})"


_COLLECTOR: ContextVar[list[WarcSummary] | None] = ContextVar(
    "talkclaims_warc_summaries", default=None
)


@contextmanager
def warc_summaries() -> Iterator[list[WarcSummary]]:
    """Collect the `WarcSummary` of every archive read inside the block, in the order they
    are done, for the command line to print after the run.

    Archives are read where the documents are produced, in the process (and thread)
    that drives the run whatever the back end, so the summaries land here without
    travelling through the extraction: an archive is done when its last record has been
    read, or when its reader is closed (an early stop: the counts so far).
    """
    found: list[WarcSummary] = []
    token = _COLLECTOR.set(found)
    try:
        yield found
    finally:
        _COLLECTOR.reset(token)


def read_warc(name: str, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Document | ReadFailure]:
    """The articles of a web archive, one per HTML page fetched with status 200, in the
    order of the file; damage is one `ReadFailure` after the records before it, and so
    is a page past ``max_bytes`` (the limit of an article, which the readers hand on)."""
    summary = WarcSummary(name)
    try:
        yield from _read(name, summary, max_bytes)
    finally:
        collector = _COLLECTOR.get()
        if collector is not None:
            collector.append(summary)


def _read(name: str, summary: WarcSummary, max_bytes: int) -> Iterator[Document | ReadFailure]:
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:
        yield ReadFailure(name, f"reading WARC files needs the {WARC_PACKAGE} package")
        return
    try:
        stream = open(name, "rb")  # noqa: SIM115 - the `with` below closes it
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        gzipped = stream.read(2) == _GZIP_MAGIC
        stream.seek(0)
        # the last record read, held until the next one (or a clean end) shows it whole
        held: tuple[int, Document | ReadFailure | str] | None = None
        current = 0
        failure: str | None = None
        try:
            for record in ArchiveIterator(stream, parse_http=True, auto_decode="all"):
                current = record.stream_pos
                item = _item(record, name, max_bytes)
                if held is not None:
                    yield from _count(held[1], summary)
                held = (current, item)
        except Exception as exc:  # the library's error, whatever its type
            failure = str(exc) or type(exc).__name__
        start = held[0] if held is not None else 0
        damage = _damage(stream, start, gzipped)
        if damage is None and failure is not None:  # the file is whole: that record's fault
            damage = (current, failure)
        if held is not None and (damage is None or damage[0] > held[0]):
            yield from _count(held[1], summary)
        if damage is not None:
            offset, reason = damage
            yield ReadFailure(name, f"corrupt or truncated WARC at byte {offset}: {reason}")


def _count(
    item: Document | ReadFailure | str, summary: WarcSummary
) -> Iterator[Document | ReadFailure]:
    """Hand on a record's article (or failure), or count it under its skip reason."""
    if isinstance(item, str):
        setattr(summary, item, getattr(summary, item) + 1)
        return
    if isinstance(item, Document):
        summary.pages += 1
    yield item


def _item(record: WarcRecord, name: str, limit: int) -> Document | ReadFailure | str:
    """The article of one record, a failure (a page past the size limit), or the reason
    it is skipped (a key of SKIP_REASONS)."""
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        return "not_html"
    if record.http_headers.status_code != 200:
        return "not_ok"
    content_type = (record.http_content_type or "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES:
        return "not_html"
    url = record.headers.get("WARC-Target-URI") or f"{name}@{record.stream_pos}"
    data = record.reader.read(limit + 1)
    if len(data) > limit:
        return ReadFailure(
            url,
            f"too large for an article (over {limit >> 20} MB): record at byte "
            f"{record.stream_pos} of {name}",
        )
    if not content_type and not _looks_like_html(data):
        return "not_html"
    page = _page_text(data, record.http_charset, url)
    if isinstance(page, ReadFailure):  # binary bytes served as HTML
        return "not_html"
    text, meta = html_article(page.text, url)
    if not text:
        return "no_text"
    meta["url"] = url  # where the crawler found it, even when the page names another
    crawled = record.headers.get("WARC-Date") or ""
    if not meta.get("date") and crawled:
        meta["date"] = crawled[:10]  # the crawl's day stands in for a publication date
    return Document(url, text, page.warning, as_meta(meta))


def _looks_like_html(data: bytes) -> bool:
    """A response without a Content-Type: HTML when it starts like HTML."""
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _page_text(data: bytes, charset: str | None, url: str) -> Document | ReadFailure:
    """The page as text: in the charset its response declares when it is one Python knows
    and the bytes are valid in it, else as a file is read (`decoding.decode`)."""
    if charset:
        try:
            return Document(url, data.decode(codecs.lookup(charset).name))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, url)


def _damage(stream: IO[bytes], start: int, gzipped: bool) -> tuple[int, str] | None:
    """Where the file stops being whole records, from ``start`` (a record's first byte)
    to its end: (offset of the first record that is not whole, why), or None."""
    size = os.fstat(stream.fileno()).st_size
    walk = _gzip_members if gzipped else _raw_records
    return walk(stream, start, size)


def _gzip_members(stream: IO[bytes], position: int, size: int) -> tuple[int, str] | None:
    """Walk gzip members (one record each) from ``position``, decompressing with bounded
    output; a member that does not end, or is not gzip, or does not hold a WARC record,
    is damage at its first byte."""
    while position < size:
        stream.seek(position)
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        fed = 0
        head = b""
        while not inflater.eof:
            chunk = stream.read(GZIP_CHUNK)
            if not chunk:
                return position, "unexpected end of file"
            fed += len(chunk)
            try:
                while chunk and not inflater.eof:
                    out = inflater.decompress(chunk, GZIP_CHUNK)
                    if len(head) < 5:
                        head += out[:5]
                    chunk = inflater.unconsumed_tail
            except zlib.error as exc:
                return position, f"not gzip data ({exc})"
        if not head.startswith(b"WARC/"):
            return position, "not a WARC record"
        position += fed - len(inflater.unused_data)
    return None


def _raw_records(stream: IO[bytes], position: int, size: int) -> tuple[int, str] | None:
    """Walk uncompressed records from ``position`` by their Content-Length: a record that
    runs past the end of the file, or bytes that are not a record, are damage."""
    while True:
        stream.seek(position)
        head = stream.read(MAX_HEADER_BYTES)
        blank = len(head) - len(head.lstrip(b"\r\n"))
        position, head = position + blank, head[blank:]
        if not head:
            return None if position >= size else (position, "unexpected end of file")
        if not head.startswith(b"WARC/"):
            return position, "not a WARC record"
        end = head.find(b"\r\n\r\n")
        if end < 0:
            cut = position + len(head) >= size
            return position, "unexpected end of file" if cut else "WARC headers too long"
        length = None
        for line in head[:end].split(b"\r\n")[1:]:
            key, _, value = line.partition(b":")
            if key.strip().lower() == b"content-length" and value.strip().isdigit():
                length = int(value)
        if length is None:
            return position, "a record without a Content-Length"
        record_end = position + end + 4 + length + 4  # headers, blank line, block, CRLF CRLF
        if record_end > size:
            return position, "unexpected end of file"
        position = record_end
