"""Where reported words stop, and whether they are quoted (direct, mixed or indirect).

A clause reported after a cue runs to the end of its sentence unless something of the
author's starts first: « ; », a parenthesis it did not open, an attribution (« , selon
X », « , a-t-il dit »), a connector opening the author's own clause (« , car », « ,
mais »). These read the article context and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.text.fold import fold
from talkclaims.text.quotes import OPEN_MARKS
from talkclaims.text.spans import INLINE_SPACE, TRAILING, skip, trim

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def clause_end(ctx: ArticleContext, start: int, limit: int) -> int:
    """Where the reported clause from ``start`` stops before ``limit``.

    It stops at « ; », at a closing parenthesis it did not open, and at a comma or
    dash that introduces an attribution (« , selon », « , a-t-il dit », « – comme
    l'a dit ») or a new clause of the author's (« , car », « , mais »).
    """
    text = ctx.text
    depth = 0
    i = start
    while i < limit:
        quote = ctx.in_quote(i + 1) if text[i] in OPEN_MARKS else None
        if quote is not None and quote.open == i:
            i = quote.close
            continue
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (
            ch == ";"
            or (ch in ",–—" and _breaks_clause(ctx, i))
            or (ch == " " and _according_at(ctx, i + 1))  # « … » selon X
            # « … » et a appelé X à …: a second verb phrase with its own cue
            or (
                ch == " "
                and any(text.startswith(w + " ", i + 1) for w in ctx.grammar.coordinators)
                and any(i + 4 <= c <= i + 14 for c in ctx.any_cue_starts)
            )
        ):
            return i
        i += 1
    return limit


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
    if any(rest.startswith(w + " ") for w in g.incise_marker) and any(
        j < c <= j + 16 for c in ctx.cue_starts
    ):
        return True
    return bool(ctx.patterns.appositive_regex.match(text, j))


def shape(ctx: ArticleContext, start: int, end: int) -> tuple[str, int, int]:
    """Kind (direct, mixed, indirect) and span to report for reported words ``[start, end)``."""
    text = ctx.text
    start, end = trim(text, start, end)
    inside = [q for q in ctx.quotes if start <= q.open and q.close <= end + 1]
    if not inside:
        return "indirect", start, end
    first = inside[0]
    before = text[start : first.open].strip(" ,:\u00a0\u202f")
    after = text[first.close : end].strip(TRAILING + "…!?")
    if len(inside) == 1 and not before and not after:
        return "direct", first.start, first.end
    return "mixed", start, end
