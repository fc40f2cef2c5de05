"""Rule family ``headline-quote``: « Léa Fournier-Kassab : « J'ai mis dix ans … » ».

A paragraph opening with a name and a colon before a quotation (headlines, interview
leads) gives that quotation to the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, quote_candidate
from talkclaims.rules.families import HEADLINE_QUOTE
from talkclaims.rules.found import Mention

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """The quotation after « Name : » at the start of a paragraph."""
    out = []
    for p_start, p_end in ctx.paragraphs:
        colon = ctx.text.find(":", p_start, min(p_end, p_start + 60))
        if colon == -1:
            continue
        name = ctx.name_in(p_start, colon)
        if name is None or ctx.text[p_start:colon].strip() != name:
            continue
        quote = next(iter(ctx.quotes_opening(colon + 1, colon + 4)), None)
        if quote is None:
            continue
        mention = Mention(name, p_start, p_start + len(name), "name", name)
        out.append(quote_candidate(ctx, quote, HEADLINE_QUOTE, None, p_start, mention))
    return out
