"""Offsets into a text: trimming a span, skipping spaces, line and column numbers.

Every stage reports character offsets into the text exactly as read, so the same few
operations recur: step over the spaces French typography puts around punctuation
(plain, no-break, narrow no-break), trim a span of what is not its words, and turn an
offset into a line and column for a person. They live here once, with the character
sets named, instead of as loops with their own sets in every module.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

#: Spaces inside a line: plain, no-break (before « : ; ! ? ») and narrow no-break (« »).
INLINE_SPACE = " \u00a0\u202f"
#: Inline spaces and tabs.
HORIZONTAL_SPACE = INLINE_SPACE + "\t"
#: Any space, line break or carriage return.
BLANK = HORIZONTAL_SPACE + "\r\n"
#: What stands between a clause and an incise after it: « …, a-t-il dit », « … – comme ».
CLAUSE_SEPARATORS = INLINE_SPACE + ",–—"
#: What does not belong to reported words at either end: spaces and light punctuation.
TRAILING = BLANK + ".,;:"


def skip(text: str, pos: int, chars: str, limit: int | None = None) -> int:
    """The first offset from ``pos`` on (before ``limit``) whose character is not in
    ``chars``."""
    limit = len(text) if limit is None else limit
    while pos < limit and text[pos] in chars:
        pos += 1
    return pos


def skip_back(text: str, pos: int, chars: str, floor: int = 0) -> int:
    """The offset just after the last character before ``pos`` (down to ``floor``) that
    is not in ``chars``: ``text[floor:result]`` ends with a character outside ``chars``."""
    while pos > floor and text[pos - 1] in chars:
        pos -= 1
    return pos


def trim(text: str, start: int, end: int, chars: str = TRAILING) -> tuple[int, int]:
    """``[start, end)`` without the characters of ``chars`` at either end."""
    start = skip(text, start, chars, end)
    return start, skip_back(text, end, chars, start)


def strip_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without white space (``str.isspace``) at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def previous_char(text: str, pos: int) -> str:
    """The character before ``pos`` over horizontal spaces; a line break at the start."""
    i = skip_back(text, pos, HORIZONTAL_SPACE)
    return text[i - 1] if i > 0 else "\n"


def line_of(text: str, pos: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, pos) + 1


def column_of(text: str, pos: int) -> int:
    """1-based column of a character offset in its line."""
    return pos - (text.rfind("\n", 0, pos) + 1) + 1


class SpanSet:
    """Spans ``[start, end)`` asked whether any of them overlaps a range.

    Rules ask it of every quotation (« is it already part of a claim? »): a scan of all the
    claims each time made an article of thousands of quotations take time quadratic in
    its length. The spans are kept in order of their starts with the furthest end reached
    up to each, so the question is one binary search. Spans are mostly added in order;
    one added out of order costs a rebuild of what follows it.
    """

    __slots__ = ("_ends", "_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._reach: list[int] = []  # the furthest end of the spans up to each one
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if not self._starts or start >= self._starts[-1]:
            self._starts.append(start)
            self._ends.append(end)
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)
            return
        k = bisect.bisect_right(self._starts, start)
        self._starts.insert(k, start)
        self._ends.insert(k, end)
        reach = self._reach[k - 1] if k else end
        del self._reach[k:]
        for e in self._ends[k:]:
            reach = max(reach, e)
            self._reach.append(reach)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``[start, end)``."""
        k = bisect.bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start
