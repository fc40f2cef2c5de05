"""Find quotation spans in raw text: « », “ ”, „ “, ‹ ›, ‘ ’, straight double and single quotes.

Pure functions over a string, so they run before (and without) the parser. Only
top-level quotations are returned; marks nested inside one (« … 'x' … ») are part of
its words. French typography reopens a long quotation at each paragraph with a new
« and no closing »; such a quotation is returned as one span across the paragraphs.
Stray or unbalanced marks are ignored rather than guessed at.

Marks as they come in real news are read too: a straight " closing a “ or a «
(“ … "), a « used as a closing mark (« … « ,), and single quotes, straight or curly, told
apart from apostrophes by where they stand: an apostrophe is inside a word (l'État,
aujourd’hui), a quotation mark at a word's edge (' … ').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkclaims.text.sentences import soft_breaks
from talkclaims.text.spans import skip, trim

OPENERS = {"«": "»", "“": "”", "‹": "›", "„": "“", "‘": "’"}
CLOSERS = {"»", "”", "›"}
STRAIGHT = '"'
SINGLE = "'"
#: The characters the scan stops at: every mark, and line ends (paragraphs).
_MARKS = re.compile("[\n«»“”‹›„‘’\"']")
#: What may follow a closing mark, and precede an opening one.
_AFTER_CLOSE = ".,;:!?)]»”…—–-"
_BEFORE_OPEN = "([:—–-«“"
#: Marks that open a quotation, and marks that close one (“ closes a „ … “ quotation, and
#: a page may print its curly marks the wrong way round, ” … “).
OPEN_MARKS = '«“„‹"”'
CLOSE_MARKS = '»”›"“'
#: Spaces French typography puts inside guillemets: plain, no-break, narrow no-break, thin.
INNER_SPACE = " \t\u00a0\u202f\u2009\u2007"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``open``/``close`` bound the marks, ``start``/``end`` the words."""

    open: int
    close: int
    start: int
    end: int


def _content(text: str, open_: int, close: int) -> Quote | None:
    start, end = trim(text, open_ + 1, close - 1, INNER_SPACE)
    if end <= start:
        return None
    return Quote(open_, close, start, end)


def _closing_guillemet(text: str, i: int) -> bool:
    """A « at ``i`` that closes the quotation before it: words just before it (maybe
    with the French inner space), punctuation or the end of the line just after."""
    j = i - 1
    while j >= 0 and text[j] in INNER_SPACE:
        j -= 1
    k = skip(text, i + 1, INNER_SPACE)
    after = text[k] if k < len(text) else "\n"
    return j >= 0 and text[j] not in "«\n" and (after in _AFTER_CLOSE or after == "\n")


def _reopens(text: str, pos: int, mark: str) -> int | None:
    """Index of a mark reopening a quotation at the start of the paragraph at ``pos``."""
    i = skip(text, pos, INNER_SPACE + "\r\n")
    return i if i < len(text) and text[i] == mark else None


class _OpenMarks:
    """The quotation marks open at a point of the scan, innermost last.

    Where each kind of mark stands is kept beside them, so the innermost (or outermost)
    open mark of a kind is found at once: scanning the whole stack at every mark made a
    text of many « followed by as many ’ or " take time quadratic in its length.
    """

    __slots__ = ("depths", "marks")

    def __init__(self) -> None:
        self.marks: list[tuple[str, int]] = []  # (opening mark, its index)
        self.depths: dict[str, list[int]] = {}  # mark → its depths in ``marks``, ascending

    def __bool__(self) -> bool:
        return bool(self.marks)

    def push(self, mark: str, at: int) -> None:
        self.depths.setdefault(mark, []).append(len(self.marks))
        self.marks.append((mark, at))

    def innermost(self, mark: str) -> int | None:
        """Depth of the innermost open ``mark``, or None."""
        found = self.depths.get(mark)
        return found[-1] if found else None

    def outermost(self, mark: str) -> int | None:
        """Depth of the outermost open ``mark``, or None."""
        found = self.depths.get(mark)
        return found[0] if found else None

    def top(self) -> str:
        return self.marks[-1][0]

    def cut(self, depth: int) -> None:
        """Drop the marks from ``depth`` inward (each is dropped once: linear in all)."""
        del self.marks[depth:]
        for found in self.depths.values():
            while found and found[-1] >= depth:
                found.pop()


#: The opening mark each closing mark closes (“ closes a „ … “ quotation).
_OPENER_OF = {close: open_ for open_, close in OPENERS.items()}


def _close(text: str, stack: _OpenMarks, depth: int, at: int, quotes: list[Quote]) -> None:
    """Close the quotation opened at ``stack`` depth ``depth``; record it if top-level."""
    opener_pos = stack.marks[depth][1]
    stack.cut(depth)
    if not stack:
        found = _content(text, opener_pos, at + 1)
        if found:
            quotes.append(found)


def _closed_in_next_paragraph(text: str, start: int, opener: str) -> bool:
    """Whether the paragraph from ``start`` closes a quotation opened with ``opener``
    before any mark opens one: its first quotation mark is a closing one, at the end of
    words (« … dialogue. ¶ Mais je pense que … », a déclaré X »)."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    closers = {OPENERS.get(opener, opener), STRAIGHT} if opener != SINGLE else {SINGLE}
    for found in _MARKS.finditer(text, start, end):
        k = found.start()
        ch = text[k]
        if ch in "'’" and not (k > 0 and text[k - 1].isspace()):
            continue  # an apostrophe
        return ch in closers and _edge_closes(text, k) and not _edge_opens(text, k)
    return False


def _edge_opens(text: str, i: int) -> bool:
    """A single quote at ``i`` that opens: at a word's start, not inside a word."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in _BEFORE_OPEN) and (nxt.isalnum() or nxt in "«“")


def _edge_closes(text: str, i: int) -> bool:
    """A mark at ``i`` that closes: right after words, before a space, punctuation or
    the end (an apostrophe has letters on both sides)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and prev not in "«“‘" and (nxt.isspace() or nxt in _AFTER_CLOSE)


#: A closing curly mark printed where the quotation opens (« ” L’inflation … “, a dit »).
REVERSED = "”"


def _reversed_opens(text: str, i: int, close: int, line_end: int) -> bool:
    """A ” that opens: after a space, the start of a line or a mark that may precede an
    opening one, before words (maybe past a space), and with a “ later in its
    paragraph to close it (``close``, the next “, before a space or punctuation: « le mot
    ” seul, et “Paris” » has none; ``line_end``, where the paragraph ends)."""
    prev = text[i - 1] if i > 0 else "\n"
    k = skip(text, i + 1, INNER_SPACE)
    if not (prev.isspace() or prev in _BEFORE_OPEN) or k >= len(text) or not text[k].isalnum():
        return False
    return close != -1 and (line_end == -1 or close < line_end) and _reversed_closes(text, close)


def _reversed_closes(text: str, i: int) -> bool:
    """A “ that closes a ” … “ quotation: before a space, punctuation or the end."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return nxt.isspace() or nxt in _AFTER_CLOSE


def _ends_clause(text: str, i: int) -> bool:
    """A “ printed as a closing mark: punctuation or the end of the line after it
    (maybe past a space), where an opening mark would have words."""
    k = skip(text, i + 1, INNER_SPACE)
    return k >= len(text) or text[k] == "\n" or text[k] in _AFTER_CLOSE


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations of ``text`` in order of their opening mark."""
    quotes: list[Quote] = []
    soft = soft_breaks(text)
    stack = _OpenMarks()
    next_curly = text.find("“")  # the next “, for a ” printed where a quotation opens
    line_end = text.find("\n")
    found = _MARKS.search(text)
    while found is not None:
        i = found.start()
        ch = text[i]
        found = _MARKS.search(text, i + 1)
        if ch == "\n" and i not in soft:
            if stack:
                bottom_mark = stack.marks[0][0]
                reopen = _reopens(text, i + 1, bottom_mark) if bottom_mark != STRAIGHT else None
                if reopen is not None:
                    stack.cut(1)
                    found = _MARKS.search(text, reopen + 1)
                    continue
                if len(stack.marks) == 1 and _closed_in_next_paragraph(text, i + 1, bottom_mark):
                    continue  # « … ¶ … », a-t-il dit: the quotation runs over the break
                stack.cut(0)  # unbalanced: the paragraph ended inside a quotation
        elif ch == "’" and stack.innermost("‘") is None:
            pass  # an apostrophe: no ‘ is open
        elif ch == "’" or ch == SINGLE:
            # an apostrophe, or a single quotation mark at a word's edge
            depth = stack.innermost("‘" if ch == "’" else SINGLE)
            if depth is not None and _edge_closes(text, i):
                _close(text, stack, depth, i, quotes)
            elif ch == SINGLE and _edge_opens(text, i):
                stack.push(ch, i)
        elif ch == "«" and stack and stack.top() == "«" and _closing_guillemet(text, i):
            # « … « , : a « used as the closing mark
            _close(text, stack, len(stack.marks) - 1, i, quotes)
        elif ch == "“" and stack and stack.top() == REVERSED and _reversed_closes(text, i):
            _close(text, stack, len(stack.marks) - 1, i, quotes)  # ” … “ the wrong way round
        elif ch == "“" and stack and stack.top() == "“" and _ends_clause(text, i):
            _close(text, stack, len(stack.marks) - 1, i, quotes)  # “ … “, a-t-il dit
        elif ch in CLOSERS or (ch == "“" and stack and stack.top() == "„"):
            depth = stack.innermost(_OPENER_OF[ch])
            if depth is not None:
                _close(text, stack, depth, i, quotes)
            elif stack and stack.top() == STRAIGHT and _edge_closes(text, i):
                _close(text, stack, len(stack.marks) - 1, i, quotes)  # " … ” mismatched
            else:
                # the next “ and line end, each found once: linear in all
                if next_curly != -1 and next_curly < i:
                    next_curly = text.find("“", i)
                if line_end != -1 and line_end < i:
                    line_end = text.find("\n", i)
                if ch == REVERSED and _reversed_opens(text, i, next_curly, line_end):
                    stack.push(ch, i)
        elif ch in OPENERS:
            stack.push(ch, i)
        elif ch == STRAIGHT:
            depth = stack.outermost(STRAIGHT)
            if depth is not None:
                _close(text, stack, depth, i, quotes)
            elif stack and stack.top() in "“«" and _edge_closes(text, i):
                _close(text, stack, len(stack.marks) - 1, i, quotes)  # “ … " mismatched
            else:
                stack.push(ch, i)
    return quotes
