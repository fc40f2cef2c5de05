"""Split text into paragraphs and sentences by rule, before the parser sees it.

The parser respects preset boundaries, so deciding them here keeps them predictable
(the statistical splitter breaks « Selon X, » off its clause) and lets the claim rules
and the parser agree on what a sentence is. Boundaries are character offsets into the
text exactly as read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TERMINAL = re.compile(
    r"""(?:[.!?]+|…)          # end of sentence
        (?:[ \u00a0\u202f]?[»”"’)\]])*  # closing marks that belong to it
        (?=[ \t\u00a0\u202f]+ # then space
           [«“"(\[—–-]?[ \u00a0\u202f]*[A-ZÀ-ÖØ-Þ0-9])  # and a capital, maybe after a mark
    """,
    re.VERBOSE,
)
#: Words after which a full stop is not the end of a sentence.
_ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "av", "bd",
    "cf", "p", "vol", "no", "n°", "art", "gén", "col", "cap", "lt", "sgt", "prof",
}  # fmt: skip


#: « BRUXELLES (AFP) - », « PARIS – »: a dateline is a sentence of its own, so the
#: parser does not make the city the subject of the first sentence.
_DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]{1,40}(?:\s*\([^)\n]{1,40}\))?\s*[-–—]\s+"
    r"|\([A-Z][\w .-]{0,30}\)\s*[-–—]\s+"
)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line, without its line ending."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped_end = end - 1 if line.endswith("\r") else end
        if line.strip():
            yield pos, stripped_end
        pos = end + 1


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "°"):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    # initials (J. D. Vance, J.D. Vance) and known abbreviations
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, paragraph by paragraph."""
    end = len(text) if end is None else end
    for p_start, p_end in paragraphs(text[start:end]):
        p_start, p_end = p_start + start, p_end + start
        s = p_start
        dateline = _DATELINE.match(text, p_start, p_end)
        if dateline and dateline.end() < p_end:
            yield _trim(text, p_start, dateline.end())
            s = dateline.end()
        for match in _TERMINAL.finditer(text, s, p_end):
            if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                continue
            cut = match.end()
            if text[s:cut].strip():
                yield _trim(text, s, cut)
            s = cut
        if text[s:p_end].strip():
            yield _trim(text, s, p_end)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
