"""Where reported words stop, and whether they are quoted (direct, mixed or indirect).

A clause reported after a cue runs to the end of its sentence unless something of the
author's starts first: « ; », a parenthesis it did not open, an attribution (« , selon
X », « , a-t-il dit »), a connector opening the author's own clause (« , car », « ,
mais »). These read the article context and nothing else.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from talkclaims.text.fold import fold
from talkclaims.text.quotes import OPEN_MARKS, Quote
from talkclaims.text.spans import INLINE_SPACE, TRAILING, skip, trim

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def clause_end(ctx: ArticleContext, start: int, limit: int) -> int:
    """Where the reported clause from ``start`` stops before ``limit``.

    It stops at « ; », at a closing parenthesis it did not open, and at a comma or
    dash that introduces an attribution (« , selon », « , a-t-il dit », « – comme
    l'a dit ») or a new clause of the author's (« , car », « , mais »). A quotation
    opening on the way is passed over whole, and so is what a parenthesis opens.

    Answered from `ClauseStops`, found once per article: reading the clause character by
    character made a sentence of thousands of cues (a text without full stops) take
    time quadratic in its length.
    """
    return ctx.clause_stops.end(start, limit)


class ClauseStops:
    """The places where a reported clause may stop, found once for an article.

    Whether a character stops a clause depends on where the clause starts only through
    the parentheses opened since and the quotations passed over: outside the quotations
    (« », “ ”, „ “, ‹ › and straight double quotes, which a clause passes over whole) a
    stop counts when as many parentheses have been closed as opened since the start.
    So the stops outside quotations are listed by the count of parentheses open before
    them (a closing parenthesis by the count before it: it stops a clause it did not
    open), and a clause's end is the first stop of its own count after its start: a
    binary search. A clause starting inside a quotation reads the stops of the
    quotation one by one, then goes on outside it the same way.
    """

    def __init__(self, ctx: ArticleContext) -> None:
        text = ctx.text
        self.text = text
        self.ctx = ctx
        #: the quotations a clause passes over, by their opening mark
        self.passed = [q for q in ctx.quotes if text[q.open] in OPEN_MARKS]
        self._passed_opens = [q.open for q in self.passed]
        by_count: dict[int, list[int]] = {}
        self._parens: list[int] = []  # parentheses outside quotations
        self._counts: list[int] = []  # parentheses open after each of them
        self._inside: list[int] = []  # stops and parentheses inside quotations
        count = 0
        for i in self._candidates():
            if self._passed_over(i) is not None:
                self._inside.append(i)
                continue
            ch = text[i]
            if ch == "(":
                count += 1
            else:
                by_count.setdefault(count, []).append(i)
                if ch == ")":
                    count -= 1
            if ch in "()":
                self._parens.append(i)
                self._counts.append(count)
        self._by_count = by_count

    def _candidates(self) -> list[int]:
        """Offsets of « ( », « ) », « ; » and of the commas, dashes and spaces that stop a
        clause (`_breaks_clause`, `_according_at`, a coordinated verb phrase), in order."""
        ctx, text = self.ctx, self.text
        found = {m.start() for m in re.finditer(r"[();]", text)}
        found.update(
            m.start() for m in re.finditer("[,–—]", text) if _breaks_clause(ctx, m.start())
        )
        according = ctx.patterns.according_regex
        for m in re.finditer(f" (?={according.pattern})", text, according.flags):
            if _according_at(ctx, m.start() + 1):
                found.add(m.start())
        coordinators = "|".join(map(re.escape, sorted(ctx.grammar.coordinators)))
        if coordinators:
            for m in re.finditer(f" (?=(?:{coordinators}) )", text):
                if ctx.cue_start_between(m.start() + 4, m.start() + 14, any_form=True):
                    found.add(m.start())
        return sorted(found)

    def _passed_over(self, pos: int) -> Quote | None:
        """The quotation a clause passes over whose words hold ``pos``, if any."""
        k = bisect.bisect_right(self._passed_opens, pos) - 1
        if k >= 0 and self.passed[k].open < pos < self.passed[k].close:
            return self.passed[k]
        return None

    def _count_before(self, pos: int) -> int:
        """Parentheses open (outside quotations) before ``pos``."""
        k = bisect.bisect_left(self._parens, pos) - 1
        return self._counts[k] if k >= 0 else 0

    def end(self, start: int, limit: int) -> int:
        """Where the reported clause from ``start`` stops before ``limit``."""
        depth = 0
        quote = self._passed_over(start)
        if quote is not None:
            # inside a quotation: its own stops, one by one, up to its closing mark
            inner_end = min(quote.close, limit)
            k = bisect.bisect_left(self._inside, start)
            while k < len(self._inside) and self._inside[k] < inner_end:
                i = self._inside[k]
                ch = self.text[i]
                if ch == "(":
                    depth += 1
                elif ch == ")" and depth > 0:
                    depth -= 1
                elif depth == 0:
                    return i
                k += 1
            start = quote.close
        stops = self._by_count.get(self._count_before(start) - depth, [])
        k = bisect.bisect_left(stops, start)
        return stops[k] if k < len(stops) and stops[k] < limit else limit


def _according_at(ctx: ArticleContext, i: int) -> bool:
    """True when an « according to » phrase (« selon », « d'après ») starts at ``i``, not
    one of its other uses (« selon lesquelles », « selon que »)."""
    found = ctx.patterns.according_regex.match(ctx.text, i)
    if found is None:
        return False
    after = fold(ctx.text[found.end() : found.end() + 30].lstrip())
    return not after.startswith(ctx.patterns.folded_not_before)


def _breaks_clause(ctx: ArticleContext, i: int) -> bool:
    """Whether the comma or dash at ``i`` ends the reported clause."""
    text = ctx.text
    j = skip(text, i + 1, INLINE_SPACE)
    if ctx.patterns.clause_break_regex.match(text, j):
        return True
    rest = text[j : j + 16].lower()
    # « , a déclaré X » / « , a-t-il ajouté » / « , comme il l'a dit »: a postposed cue;
    # « , tout en reconnaissant que »: a reporting gerund opens a claim of its own
    g = ctx.grammar
    for lead in g.gerund_prefixes:
        if rest.startswith(lead) and j + len(lead) in ctx.clause_cue_starts:
            return True
    if any(rest.startswith(w + " ") for w in g.incise_marker) and ctx.cue_start_between(
        j + 1, j + 16
    ):
        return True
    return bool(ctx.patterns.appositive_regex.match(text, j))


def shape(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int]:
    """Kind (direct, mixed, indirect) and span to report for reported words ``[start, end)``."""
    text = ctx.text
    start, end = trim(text, start, end)
    inside = ctx.quotes_within(start, end + 1)
    if not inside:
        return "indirect", start, end
    first = inside[0]
    before = text[start : first.open].strip(" ,:\u00a0\u202f")
    after = text[first.close : end].strip(TRAILING + "…!?")
    if len(inside) == 1 and not before and not after:
        return "direct", first.start, first.end
    return "mixed", start, end
