"""Turn the paths a user names into documents, one at a time, in a stable order.

Reading is lazy so that a corpus of millions of files is never listed into memory as
texts, and a file that cannot be read becomes a `ReadFailure` the caller reports
while the rest of the run goes on.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: Suffixes read when a directory is walked.
TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its name as the user gave it and its text as decoded.

    ``warning`` says how the text was read when it was not plain UTF-8 (a fallback the
    user should know about); offsets always index the decoded text.
    """

    id: str
    text: str
    warning: str | None = None


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read, with a one-line reason for the user."""

    id: str
    message: str


class MissingPathError(FileNotFoundError):
    """A path on the command line that does not exist."""


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, directories walked recursively for TEXT_SUFFIXES in sorted order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = (
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
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


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadFailure]:
    """Every document under ``paths``, in order, read one at a time."""
    for name in expand_paths(paths):
        yield read_path(name)
