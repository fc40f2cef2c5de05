"""Turn the paths a user names into documents, one at a time, in a stable order.

Reading is lazy so that a corpus of millions of files is never listed into memory as
texts, and a file that cannot be read becomes a `ReadFailure` the caller reports
while the rest of the run goes on.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Suffixes read when a directory is walked (unless --glob says otherwise).
TEXT_SUFFIXES = (".txt", ".md", ".jsonl", ".ndjson", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
#: JSON Lines fields carried into every record of the article.
META_FIELDS = ("url", "title", "date", "outlet")


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its name as the user gave it and its text as decoded.

    ``warning`` says how the text was read when it was not plain UTF-8 (a fallback the
    user should know about); offsets always index the decoded text.
    """

    id: str
    text: str
    warning: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # url, title, date, outlet from a JSON Lines dump


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read, with a one-line reason for the user."""

    id: str
    message: str


class MissingPathError(FileNotFoundError):
    """A path on the command line that does not exist."""


def expand_paths(paths: Iterable[str], glob: str | None = None) -> Iterator[str]:
    """Files as given; directories walked recursively in sorted order, for TEXT_SUFFIXES or
    for the comma-separated patterns of ``glob`` (« *.txt,*.html »)."""
    patterns = [g.strip() for g in glob.split(",") if g.strip()] if glob else []
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            if patterns:
                found = {p for g in patterns for p in path.rglob(g) if p.is_file()}
            else:
                found = {
                    p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                }
            yield from (str(p) for p in sorted(found))
        elif path.exists():
            yield raw
        else:
            raise MissingPathError(f"{raw}: no such file or directory")


def check_paths(paths: Iterable[str]) -> None:
    """Fail before any work when a named path is missing (exit 2 in the CLI)."""
    for raw in paths:
        if raw != "-" and not Path(raw).exists():
            raise MissingPathError(f"{raw}: no such file or directory")


def decode(data: bytes, name: str) -> Document | ReadFailure:
    """Decode an article, keeping line endings as they are so offsets stay exact.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read
    as they are; any other bytes are read as Windows-1252, the usual encoding of French
    text saved on Windows, with a warning. Bytes with NULs and no UTF-16 mark are binary.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Document(name, data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            return ReadFailure(name, f"not valid UTF-16 (byte {exc.start})")
    if b"\x00" in data:
        return ReadFailure(name, "binary file (contains NUL bytes)")
    try:
        return Document(name, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return Document(name, text, f"not UTF-8 (byte {exc.start}): read as Windows-1252")


def read_path(name: str) -> Document | ReadFailure:
    """Read one file (or standard input for ``-``) without ever raising for bad input."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        return ReadFailure(name, f"cannot read: {exc.strerror or exc}")
    return decode(data, name)


def read_items(name: str) -> Iterator[Document | ReadFailure]:
    """The articles of one file: one, or one per line of a JSON Lines dump.

    A JSON Lines line holds ``text`` and optionally ``id``, ``url``, ``title``, ``date``,
    ``outlet``; the article is named by its id, else ``path:line``. A bad line is a
    failure of its own, named with its line number; the other lines are read.
    """
    if name.lower().endswith(HTML_SUFFIXES):
        yield read_html(name)
        return
    if not name.lower().endswith((".jsonl", ".ndjson")):
        yield read_path(name)
        return
    whole = read_path(name)
    if isinstance(whole, ReadFailure):
        yield whole
        return
    for number, line in enumerate(whole.text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadFailure(where, "each line needs a 'text' string")
            continue
        meta = tuple((k, str(record[k])) for k in META_FIELDS if record.get(k) not in (None, ""))
        yield Document(str(record.get("id") or where), record["text"], whole.warning, meta)


def read_html(name: str) -> Document | ReadFailure:
    """The article of a saved web page: its main text, found by trafilatura (menus, footers
    and comments left out), with the page's title as metadata. Offsets index that text."""
    page = read_path(name)
    if isinstance(page, ReadFailure):
        return page
    import trafilatura  # heavy: only when there is HTML to read

    text = trafilatura.extract(page.text, include_comments=False, include_tables=False)
    if not text:
        return ReadFailure(name, "no article text found in the HTML")
    metadata = trafilatura.extract_metadata(page.text)
    title = getattr(metadata, "title", None)
    return Document(name, text, page.warning, (("title", title),) if title else ())


def iter_documents(
    paths: Iterable[str], glob: str | None = None
) -> Iterator[Document | ReadFailure]:
    """Every document under ``paths``, in order, read one at a time."""
    for name in expand_paths(paths, glob):
        yield from read_items(name)
