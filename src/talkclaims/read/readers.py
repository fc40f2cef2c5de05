"""Turn the paths a user names into documents, one at a time, in a stable order.

Reading is lazy so that a corpus of millions of files is never listed into memory as
texts, and a file that cannot be read becomes a `ReadFailure` the caller reports
while the rest of the run goes on.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from talkclaims.read.jsonline import JsonLineError, parse_json_line

#: Web archives: every HTML page of a crawl is an article (`talkclaims.read.warc`).
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Suffixes read when a directory is walked (unless --glob says otherwise).
TEXT_SUFFIXES = (".txt", ".md", ".jsonl", ".ndjson", ".html", ".htm", *WARC_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm")
#: JSON Lines fields carried into every record of the article.
META_FIELDS = ("url", "title", "date", "outlet")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
#: Files that may hold thousands of articles: a run over a few of them is not small.
MANY_ARTICLES_SUFFIXES = JSON_LINES_SUFFIXES + WARC_SUFFIXES
#: Byte offsets named in a warning about invalid UTF-8 (the count says how many more).
MAX_PLACES = 5
#: Bytes looked at to recognise UTF-16 without a byte-order mark.
UTF16_SAMPLE = 1 << 16
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its name as the user gave it and its text as decoded.

    ``warning`` says how the text was read when it was not plain UTF-8 (a fallback the
    user should know about); offsets always index the decoded text.
    """

    id: str
    text: str
    warning: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # url, title, date, outlet: a dump's, a page's


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read, with a one-line reason for the user."""

    id: str
    message: str


class MissingPathError(FileNotFoundError):
    """A path on the command line that does not exist."""


class GlobError(ValueError):
    """A ``--glob`` pattern that cannot name files inside a folder."""


def expand_paths(paths: Iterable[str], glob: str | None = None) -> Iterator[str]:
    """Files as given; directories walked recursively in sorted order, for TEXT_SUFFIXES or
    for the comma-separated patterns of ``glob`` (« *.txt,*.html »), which name files
    inside the folders: an absolute pattern or one leaving the folder is a `GlobError`."""
    patterns = glob_patterns(glob)
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            if patterns:
                found = {p for g in patterns for p in path.rglob(g) if p.is_file()}
            else:
                found = {p for p in path.rglob("*") if p.is_file() and is_article_file(p)}
            yield from (str(p) for p in sorted(found))
        elif path.exists():
            yield raw
        else:
            raise MissingPathError(f"{raw}: no such file or directory")


def glob_patterns(glob: str | None) -> list[str]:
    """The comma-separated patterns of ``--glob``, or a `GlobError` (a usage error) for one
    that is absolute or leaves the folder: checked before any file is read."""
    patterns = [g.strip() for g in glob.split(",") if g.strip()] if glob else []
    for pattern in patterns:
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise GlobError(
                f"--glob: {pattern!r} must name files inside the folders given (such as *.txt)"
            )
    return patterns


def is_article_file(path: Path) -> bool:
    """Whether a folder walk reads ``path``: its suffix is one of TEXT_SUFFIXES (a double
    one, ``.warc.gz``, counts: ``Path.suffix`` alone would only see ``.gz``)."""
    return path.suffix.lower() in TEXT_SUFFIXES or path.name.lower().endswith(WARC_SUFFIXES)


def holds_many_articles(name: str) -> bool:
    """Whether one file may hold thousands of articles (a dump, a web archive), so that a
    run over a handful of such files is worth worker processes."""
    return name.lower().endswith(MANY_ARTICLES_SUFFIXES)


def check_paths(paths: Iterable[str]) -> None:
    """Fail before any work when a named path is missing (exit 2 in the CLI)."""
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise MissingPathError(f"{raw}: no such file or directory")


def _utf8_errors(data: bytes | memoryview) -> tuple[str, list[tuple[int, int]]]:
    """``data`` decoded as UTF-8 with each invalid sequence replaced by U+FFFD (exactly
    ``bytes.decode("utf-8", "replace")``), and the (start, end) byte offsets of the
    sequences replaced. Linear in the size of the data however many errors it holds."""
    view = memoryview(data)
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    position = 0
    while True:
        try:
            parts.append(codecs.utf_8_decode(view[position:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            parts.append(codecs.utf_8_decode(view[position : position + exc.start])[0])
            parts.append("\ufffd")
            bad.append((position + exc.start, position + exc.end))
            position += exc.end
    return "".join(parts), bad


def _places(bad: list[tuple[int, int]], base: int) -> str:
    """« byte 12 (1 byte replaced) », « bytes 12, 40 (3 bytes replaced) », at most five."""
    offsets = [str(base + start) for start, _ in bad[:MAX_PLACES]]
    more = f" and {len(bad) - MAX_PLACES} more" if len(bad) > MAX_PLACES else ""
    replaced = sum(end - start for start, end in bad)
    return (
        f"byte{'s' if len(bad) > 1 else ''} {', '.join(offsets)}{more} "
        f"({replaced} byte{'s' if replaced > 1 else ''} replaced)"
    )


def decode_bytes(data: bytes, base: int = 0) -> tuple[str, str | None]:
    """Text that is not UTF-16: UTF-8, with a few bad bytes replaced, or Windows-1252.

    Returns the text and a warning (None for clean UTF-8). When most non-ASCII sequences
    are invalid UTF-8 the text is Windows-1252 (« d\\xe9clar\\xe9 »); when a few invalid
    sequences sit among valid ones (a stray byte in a UTF-8 file) only those are replaced
    by U+FFFD, one per invalid sequence, so every other character keeps its place. Byte
    offsets in the warning count from the start of the file (``base`` for a part of one).
    """
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first = exc.start
    text, bad = _utf8_errors(data)
    valid = len(_NON_ASCII.findall(text)) - len(bad)  # non-ASCII characters decoded
    if len(bad) > valid:
        text = data.decode("cp1252", errors="replace")
        return text, f"not UTF-8 (byte {base + first}): read as Windows-1252"
    return text, f"invalid UTF-8 at {_places(bad, base)}"


def _utf16_without_bom(data: bytes) -> str | None:
    """« utf-16-le » or « utf-16-be » when ``data`` looks like UTF-16 without a byte-order
    mark: NUL bytes at most positions of one parity (the high byte of Latin text) and
    almost none at the other."""
    sample = data[:UTF16_SAMPLE]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> Document | ReadFailure:
    """Decode an article, keeping line endings as they are so offsets stay exact.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read
    as they are; UTF-16 without a mark is recognised by its NUL bytes and read with a
    warning. Other bytes go through `decode_bytes`: UTF-8 with its few bad bytes replaced,
    or Windows-1252 (the usual encoding of French text saved on Windows), with a warning.
    Other bytes with NULs are binary.
    """
    base = 0
    if data.startswith(codecs.BOM_UTF8):
        base = len(codecs.BOM_UTF8)
        data = data[base:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Document(name, data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            return ReadFailure(name, f"not valid UTF-16 (byte {exc.start})")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            return ReadFailure(name, "binary file (contains NUL bytes)")
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            return ReadFailure(
                name, f"binary file, or UTF-16 without a byte-order mark? (byte {exc.start})"
            )
        if _CONTROL.search(text):  # NULs in a pattern, but not text
            return ReadFailure(name, "binary file (contains NUL bytes)")
        label = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
        return Document(name, text, f"no byte-order mark: read as {label}")
    text, warning = decode_bytes(data, base)
    return Document(name, text, warning)


#: No article is this long; past it, a file (or /dev/zero, or an endless pipe) is refused
#: after reading this much, instead of filling the memory.
MAX_ARTICLE_BYTES = 256 * 1024 * 1024


def read_path(name: str) -> Document | ReadFailure:
    """Read one file (or standard input for ``-``) without ever raising for bad input."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        else:
            with open(name, "rb") as stream:
                data = stream.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        return ReadFailure(name, f"cannot read: {exc.strerror or exc}")
    except MemoryError:
        return ReadFailure(name, "too large to read in memory")
    if len(data) > MAX_ARTICLE_BYTES:
        return ReadFailure(name, f"too large for an article (over {MAX_ARTICLE_BYTES >> 20} MB)")
    return decode(data, name)


def read_items(name: str) -> Iterator[Document | ReadFailure]:
    """The articles of one file: one, one per line of a JSON Lines dump, or one per HTML
    page of a web archive (`talkclaims.read.warc.read_warc`).

    A JSON Lines line holds ``text`` and optionally ``id``, ``url``, ``title``, ``date``,
    ``outlet``; the article is named by its id, else ``path:line``. A bad line is a
    failure of its own, named with its line number; the other lines are read.
    """
    if name.lower().endswith(WARC_SUFFIXES):
        from talkclaims.read.warc import read_warc  # its WARC library only when needed

        yield from read_warc(name)
        return
    if name.lower().endswith(HTML_SUFFIXES):
        yield read_html(name)
        return
    if not name.lower().endswith(JSON_LINES_SUFFIXES):
        yield read_path(name)
        return
    try:
        with open(name, "rb") as dump:
            yield from _read_dump(name, dump)
    except OSError as exc:
        yield ReadFailure(name, f"cannot read: {exc.strerror or exc}")


def _dump_lines(dump: io.BufferedReader) -> Iterator[tuple[int, str, str | None]]:
    """(line number, text, warning) of each line of a dump, read one line at a time.

    Lines end at "\\n" only (a trailing "\\r" is dropped): U+2028, U+2029 and U+0085 are
    valid inside a JSON string and do not end a line. Each line is decoded on its own
    (`decode_bytes`), so one bad line does not change how the others are read. A dump in
    UTF-16 (with a byte-order mark, or recognised by its NUL bytes) is read as such.
    """
    head = dump.peek(UTF16_SAMPLE)[:UTF16_SAMPLE]  # what is buffered: a few kilobytes
    encoding = None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in head:
        encoding = _utf16_without_bom(head)
    if encoding is not None:
        lines = io.TextIOWrapper(dump, encoding=encoding, errors="replace", newline="\n")
        for number, line in enumerate(lines, 1):
            yield number, line.removesuffix("\n").removesuffix("\r"), None
        return
    offset = 0
    for number, raw in enumerate(dump, 1):
        start = offset
        offset += len(raw)
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw, start = raw[len(codecs.BOM_UTF8) :], start + len(codecs.BOM_UTF8)
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        text, warning = decode_bytes(raw, start)
        yield number, text, warning


def _read_dump(name: str, dump: io.BufferedReader) -> Iterator[Document | ReadFailure]:
    for number, line, warning in _dump_lines(dump):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record, replaced = parse_json_line(line)
        except JsonLineError as exc:
            yield ReadFailure(where, str(exc))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadFailure(where, "each line needs a 'text' string")
            continue
        given = record.get("id")
        if given is not None and given != "" and not _is_json_id(given):
            yield ReadFailure(where, "'id' must be a string or a number")
            continue
        meta = tuple(
            (k, _as_text(record[k])) for k in META_FIELDS if record.get(k) not in (None, "")
        )
        doc = where if given is None or given == "" else _as_text(given)
        warning = "; ".join(w for w in (warning, replaced) if w) or None
        if warning and doc != where:
            warning = f"{where}: {warning}"  # the id alone does not say where the bytes are
        yield Document(doc, record["text"], warning, meta)


def _is_json_id(value: object) -> bool:
    """An article id a dump may give: a string or a number (not true/false, a list or an
    object, which name no article)."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _as_text(value: object) -> str:
    """A JSON value as the text that names it: a string as it is, anything else as its
    JSON text (``12``, ``true``, ``{"a": 1}``), never a Python repr (``True``, ``{'a': 1}``)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def html_article(html: str, url: str | None = None) -> tuple[str | None, dict[str, str]]:
    """The main text of a web page, found by trafilatura (menus, footers and comments left
    out; None when there is none), and what the page says of itself: ``title``,
    publication ``date`` (YYYY-MM-DD), site name as ``outlet``, and ``url`` (its canonical
    URL, else ``url`` as given, the address it was fetched from).

    Saved pages and pages of a web archive both come through here, so they carry the same
    metadata. Dates are only those the page marks up (meta tags, JSON-LD, time elements,
    the URL): htmldate's extensive search would take a « © 2026 » footer for the
    publication date. Without a site name of its own, a page with a URL gets its domain
    (trafilatura's choice), so that articles of one site group together.
    """
    import trafilatura  # heavy: only when there is HTML to read

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        return None, {}
    found = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    values = {
        "url": getattr(found, "url", None) or url,
        "title": getattr(found, "title", None),
        "date": getattr(found, "date", None),
        "outlet": getattr(found, "sitename", None),
    }
    return text, {key: value for key, value in values.items() if value}


def as_meta(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Metadata in META_FIELDS order, the form `Document.meta` holds."""
    return tuple((key, values[key]) for key in META_FIELDS if values.get(key))


def read_html(name: str) -> Document | ReadFailure:
    """The article of a saved web page (`html_article`): its main text, and its title,
    publication date, site name and canonical URL as metadata. Offsets index that text."""
    page = read_path(name)
    if isinstance(page, ReadFailure):
        return page
    text, meta = html_article(page.text)
    if not text:
        return ReadFailure(name, "no article text found in the HTML")
    return Document(name, text, page.warning, as_meta(meta))


def iter_documents(
    paths: Iterable[str], glob: str | None = None
) -> Iterator[Document | ReadFailure]:
    """Every document under ``paths``, in order, read one at a time."""
    for name in expand_paths(paths, glob):
        yield from read_items(name)
