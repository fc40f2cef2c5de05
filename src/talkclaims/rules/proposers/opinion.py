"""Rule family ``selon``, second half: « Pour <a person>, … », a person's view.

Only when the phrase names a person (« Pour Marie Dupont », « Pour la chercheuse ») or
a newspaper of a press review (« Pour Le Figaro, … », « « un puncheur » pour L'Est
Républicain »): « Pour Washington, c'est un impératif » is the author's framing, not a
claim.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate, quote_candidate
from talkclaims.rules.clauses import clause_end
from talkclaims.rules.families import PRESS_REVIEW, SELON
from talkclaims.rules.found import Mention
from talkclaims.rules.mentions import is_apposition, mention_from_tokens, phrase_end

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """« Pour le neurologue Bernard Aulnay, l'étude souffre de … »: the clause after."""
    text = ctx.text
    markers = sorted(ctx.patterns.opinion_markers, key=len, reverse=True)
    # « Et pour François Dupuis, … », « Mais pour la chercheuse, … »: after a connector
    regex = re.compile(
        r"(?i:(?:et|mais|or|enfin)\s+)?(?i:" + "|".join(map(re.escape, markers)) + r")\s+"
    )
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
        # a person, named or described (« Pour la chercheuse, … »), or a newspaper in a
        # press review (« Pour Le Figaro, … »)
        if mention is None or mention.kind not in ("name", "pronoun", "description", "outlet"):
            continue
        # a person for sure: known, or a first and last name (« Pour Washington » is a city)
        if mention.kind == "name" and not (
            ctx.people.known(mention.name or "") or len((mention.name or "").split()) > 1
        ):
            continue
        start = np_end + 1
        # « Pour X, professeur au CHU de Lille, l'étude … »: skip the apposition
        nxt = text.find(",", start, s_end)
        if nxt != -1 and ctx.name_in(match.end(), np_end) and is_apposition(ctx, start, nxt):
            start = nxt + 1
        end = clause_end(ctx, start, s_end)
        found = make_candidate(ctx, start, end, SELON, None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out + press_review(ctx)


#: « « un puncheur » pour L'Est Républicain »: a quotation, then « pour » and an outlet.
_PRESS_REVIEW = re.compile(r"\s*,?\s*(?i:pour)\s+")
#: A newspaper's title: a capitalised article and capitalised words (« L'Est Républicain »).
_TITLE = re.compile(
    r"(?:L['’]|La |Le |Les )[A-ZÀ-ÖØ-Þ][\w’'-]*"
    r"(?: (?:de |du |des |d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]*)*"
)


def press_review(ctx: ArticleContext) -> list[Candidate]:
    """Quotations a press review gives to a newspaper after them (« « un puncheur » pour
    L'Est Républicain, « pugnace » pour Ouest-France »): the newspaper is the speaker."""
    out = []
    for quote in ctx.quotes:
        match = _PRESS_REVIEW.match(ctx.text, quote.close)
        if match is None:
            continue
        outlet = ctx.outlet_at(match.end())
        if outlet is not None and outlet.start == match.end():
            start, end, name = outlet.start, outlet.end, outlet.name
        else:
            # a title the lists do not know: « pour L'Est Républicain »
            title = _TITLE.match(ctx.text, match.end())
            if title is None:
                continue
            start, end, name = title.start(), title.end(), title.group()
        mention = Mention(ctx.text[start:end], start, end, "outlet", name)
        found = quote_candidate(ctx, quote, PRESS_REVIEW, None, start, mention)
        # its own newspaper only: the next one of the review credits the next quotation
        out.append(dataclasses.replace(found, zone=(quote.open, end)))
    return out
