"""Turn the paths a user names into documents, one at a time, in a stable order.

Reading is lazy so that a corpus of millions of files is never listed into memory as
texts, and a file that cannot be read becomes a `ReadFailure` the caller reports
while the rest of the run goes on. Plain files are decoded by `decoding`, saved web
pages read by `pages` and web archives by `warc`; all give the `Document` and
`ReadFailure` of `documents`.
"""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from talkclaims.read.decoding import UTF16_SAMPLE, decode, decode_bytes, utf16_without_bom
from talkclaims.read.documents import (
    MAX_ARTICLE_BYTES,
    META_FIELDS,
    Document,
    ReadFailure,
    as_meta,
)
from talkclaims.read.jsonline import JsonLineError, parse_json_line
from talkclaims.read.pages import html_article

#: Web archives: every HTML page of a crawl is an article (`talkclaims.read.warc`).
WARC_SUFFIXES = (".warc", ".warc.gz")
#: Suffixes read when a directory is walked (unless --glob says otherwise).
TEXT_SUFFIXES = (".txt", ".md", ".jsonl", ".ndjson", ".html", ".htm", *WARC_SUFFIXES)
HTML_SUFFIXES = (".html", ".htm")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
#: Files that may hold thousands of articles: a run over a few of them is not small.
MANY_ARTICLES_SUFFIXES = JSON_LINES_SUFFIXES + WARC_SUFFIXES


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

        yield from read_warc(name, MAX_ARTICLE_BYTES)
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
        encoding = utf16_without_bom(head)
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
