"""How the bytes of an article become its text, offsets exact.

UTF-8 with or without a byte-order mark, UTF-16 with one or recognised without one,
Windows-1252 for French text saved on Windows, and a few bad bytes of a UTF-8 file
replaced one for one: each fallback comes with a warning that says how the text was
read. Line endings are kept as they are, so offsets index the decoded text.
"""

from __future__ import annotations

import codecs
import re

from talkclaims.read.documents import Document, ReadFailure

#: Byte offsets named in a warning about invalid UTF-8 (the count says how many more).
MAX_PLACES = 5
#: Bytes looked at to recognise UTF-16 without a byte-order mark.
UTF16_SAMPLE = 1 << 16
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


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


def utf16_without_bom(data: bytes) -> str | None:
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
        encoding = utf16_without_bom(data)
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
