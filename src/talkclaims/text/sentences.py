"""Split text into paragraphs and sentences by rule, before the parser sees it.

The parser respects preset boundaries, so deciding them here keeps them predictable
(the statistical splitter breaks « Selon X, » off its clause) and lets the claim rules
and the parser agree on what a sentence is. Boundaries are character offsets into the
text exactly as read.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from talkclaims.text.spans import HORIZONTAL_SPACE, skip, skip_back, strip_spaces

#: A run of stops is matched from its first stop only and never given back, and so are
#: the spaces after it: a line of ten thousand dots, or of spaces after a stop, is read
#: once instead of once per character (which took minutes on a long one).
_TERMINAL = re.compile(
    r"""(?:(?<![.!?])[.!?]++|…)  # end of sentence: a whole run of stops, taken once
        (?:[ \u00a0\u202f]?[»”"’)\]])*  # closing marks that belong to it
        (?=[ \t\r\n\u00a0\u202f]++  # then space (\r: the line ends of CRLF text)
           [«“"(\[—–-]?[ \u00a0\u202f]*+[A-ZÀ-ÖØ-Þ0-9])  # and a capital, maybe after a mark
    """,
    re.VERBOSE,
)


#: « BRUXELLES (AFP) - », « PARIS – »: a dateline is a sentence of its own, so the
#: parser does not make the city the subject of the first sentence.
_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]{1,40}(?:\s*\([^)\n]{1,40}\))?\s*[-–—]\s+"
    r"|\([A-Z][\w .-]{0,30}\)\s*[-–—]\s+"
)


_ENDS_SENTENCE = '.!?:;»”"…)'


def is_wrapped(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` only wraps a sentence (hard-wrapped text):
    the line does not end a sentence and the next line goes on in lower case."""
    i = skip_back(text, newline, HORIZONTAL_SPACE + "\r") - 1
    j = skip(text, newline + 1, HORIZONTAL_SPACE)
    return (
        i >= 0
        and text[i] != "\n"
        and text[i] not in _ENDS_SENTENCE
        and j < len(text)
        and text[j].islower()
    )


#: A document whose lines all stay under this length, with blank lines between
#: paragraphs, is hard-wrapped: its single line breaks are spaces.
WRAP_WIDTH = 100


def soft_breaks(text: str) -> frozenset[int]:
    """Offsets of the line breaks that only wrap a sentence, not end a paragraph.

    In a hard-wrapped document (short lines, paragraphs separated by blank lines) every
    single line break is soft; elsewhere only a break inside a sentence is (`is_wrapped`).
    A blank line separates paragraphs only between two filled lines: the empty end after
    a final line break (which every editor adds) or blank lines at either end do not make
    a text of short one-line paragraphs a hard-wrapped one.
    """
    lines = text.split("\n")
    filled_at = [k for k, line in enumerate(lines) if line.strip()]
    filled = [lines[k] for k in filled_at]
    wrapped_doc = (
        len(filled) >= 4
        and max(len(line) for line in filled) <= WRAP_WIDTH
        and len(filled) < filled_at[-1] - filled_at[0] + 1  # a blank line between two
        and sum(len(line) >= WRAP_WIDTH * 0.5 for line in filled) >= len(filled) / 2
    )
    soft = set()
    pos = 0
    for k, line in enumerate(lines[:-1]):
        pos += len(line)
        nxt = lines[k + 1]
        if line.strip() and nxt.strip() and (wrapped_doc or is_wrapped(text, pos)):
            soft.add(pos)
        pos += 1
    return frozenset(soft)


#: Replacement characters (U+FFFD: bytes decoded with the wrong encoding) that do not
#: stand for a letter inside a word: after a full stop or a name (« Jean Dupont.� Il »)
#: the model glued them to the word before and ran the name or the sentence on. Inside a
#: word (« Fran�ois ») they stand for a lost letter and stay.
_JUNK = re.compile("\ufffd++(?!\\w)")
#: Pictographs: emoji, flags, dingbats and their joiners (« 🇺🇸 🇷🇺 Le secrétaire d'État
#: a déclaré », « 🔴 DIRECT »). The model, trained on edited text, read a flag as the
#: subject of the sentence; it is given a space in their place.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]")


def for_parsing(
    text: str, start: int = 0, end: int | None = None, soft: frozenset[int] | None = None
) -> str:
    """The text the parser sees: soft line breaks and carriage returns become spaces, and
    so do replacement characters after a word (`_JUNK`) and pictographs (`_PICTOGRAPHS`).

    Same length as ``text``, so every offset into one is an offset into the other; the
    parser never sees a line break in the middle of a sentence (« a\nmartelé »).
    With ``start``/``end``, only that slice of ``text`` is returned, its line breaks
    judged by ``soft`` (the `soft_breaks` of the whole text, computed once by the caller):
    a long article is parsed window by window without a whole copy of it.
    """
    end = len(text) if end is None else end
    soft = soft_breaks(text) if soft is None else soft
    piece = text[start:end]
    breaks = [i - start for i in soft if start <= i < end] if soft else []
    if breaks:
        chars = list(piece)
        for i in breaks:
            chars[i] = " "
        piece = "".join(chars)
    piece = piece.replace("\r", " ")
    if "\ufffd" in piece:
        piece = _JUNK.sub(lambda m: " " * len(m.group()), piece)
    if _PICTOGRAPHS.search(piece):
        piece = _PICTOGRAPHS.sub(" ", piece)
    return piece


def paragraphs(text: str, soft: frozenset[int] | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: a non-empty line, or lines joined by wrapping."""
    soft = soft_breaks(text) if soft is None else soft
    start = None
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped_end = end - 1 if line.endswith("\r") else end
        if line.strip():
            if start is None:
                start = pos
            if end not in soft:
                yield start, stripped_end
                start = None
        pos = end + 1


def _is_abbreviation(text: str, dot: int, abbreviations: Collection[str]) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "°"):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    # initials (J. D. Vance, J.D. Vance) and known abbreviations
    return (len(word) == 1 and word.isupper()) or word.lower() in abbreviations


def sentences(
    text: str, abbreviations: Collection[str], start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, paragraph by paragraph.

    A full stop after one of ``abbreviations`` (lower case, without the stop: « m »,
    « mme », « cf ») or after a single capital (an initial) does not end a sentence; the
    rules take them from ``abbreviations`` in ``patterns/grammar.yaml``.
    """
    end = len(text) if end is None else end
    for p_start, p_end in paragraphs(text[start:end]):
        p_start, p_end = p_start + start, p_end + start
        s = p_start
        dateline = _DATELINE.match(text, p_start, p_end)
        if dateline and dateline.end() < p_end:
            yield strip_spaces(text, p_start, dateline.end())
            s = dateline.end()
        for match in _TERMINAL.finditer(text, s, p_end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start(), abbreviations):
                continue
            cut = match.end()
            if text[s:cut].strip():
                yield strip_spaces(text, s, cut)
            s = cut
        if text[s:p_end].strip():
            yield strip_spaces(text, s, p_end)
