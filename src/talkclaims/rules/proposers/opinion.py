"""Rule family ``selon``, second half: « Pour <a person>, … », a person's view.

Only when the phrase names a person: « Pour Washington, c'est un impératif » is the
author's framing, not a claim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate
from talkclaims.rules.clauses import clause_end
from talkclaims.rules.families import SELON
from talkclaims.rules.mentions import mention_from_tokens, phrase_end

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """« Pour le neurologue Bernard Aulnay, l'étude souffre de … »: the clause after."""
    text = ctx.text
    markers = sorted(ctx.patterns.opinion_markers, key=len, reverse=True)
    regex = re.compile(r"(?i:" + "|".join(map(re.escape, markers)) + r")\s+")
    out = []
    for s_start, s_end in ctx.sentences:
        match = regex.match(text, s_start, s_end)
        if match is None:
            continue
        np_end = phrase_end(ctx, match.end(), s_end)
        if np_end >= s_end or text[np_end : np_end + 1] != ",":
            continue
        tokens = [t for t in (ctx.char_span(match.end(), np_end) or []) if not t.is_space]
        mention = mention_from_tokens(ctx, tokens, according=True)
        if mention is None or mention.kind not in ("name", "pronoun"):
            continue
        # a person for sure: known, or a first and last name (« Pour Washington » is a city)
        if mention.kind == "name" and not (
            ctx.people.known(mention.name or "") or len((mention.name or "").split()) > 1
        ):
            continue
        start = np_end + 1
        # « Pour X, professeur au CHU de Lille, l'étude … »: skip the apposition
        nxt = text.find(",", start, s_end)
        if nxt != -1 and ctx.name_in(match.end(), np_end) and _is_apposition(ctx, start, nxt):
            start = nxt + 1
        end = clause_end(ctx, start, s_end)
        found = make_candidate(ctx, start, end, SELON, None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def _is_apposition(ctx: ArticleContext, start: int, end: int) -> bool:
    """A verbless noun phrase (« professeur au CHU de Lille »)."""
    span = ctx.char_span(start, end)
    return (
        span is not None
        and 0 < len(span) <= 10
        and not any(t.pos_ in ("VERB", "AUX") for t in span)
    )
