"""Rule family ``quote-continuation``: a quotation that goes on after an attributed one.

« « Nous irons jusqu'au bout », a-t-il déclaré. « Rien ne nous arrêtera. » »: a
quotation opening the next sentence, with no new speaker, is the same person's. It needs
the speaker of the claim before it, so it is proposed after a first pass of resolution.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate
from talkclaims.rules.families import QUOTE_CONTINUATION
from talkclaims.text.spans import TRAILING

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.speakers import PeopleTracker


def propose(ctx: ArticleContext, taken: list[Candidate], people: PeopleTracker) -> list[Candidate]:
    """A quotation opening the sentence after an attributed one, with no new speaker."""
    out: list[Candidate] = []
    ordered = sorted(taken, key=lambda c: c.start)
    for quote in ctx.quotes:
        if any(
            c.start <= quote.start < c.end or quote.start <= c.start < quote.end
            for c in taken + out
        ):
            continue
        s_start, _ = ctx.sentence(quote.open)
        if s_start != quote.open:
            continue
        previous = [
            c
            for c in ordered + out
            if c.end <= quote.open and c.kind == "direct" and c.family.continued
        ]
        if not previous:
            continue
        prev = max(previous, key=lambda c: c.end)
        p_start, _ = ctx.paragraph(quote.open)
        if prev.start < p_start:
            continue
        between = ctx.text[max(prev.end, prev.at) : quote.open]
        if any(q.open >= max(prev.end, prev.at) and q.close <= quote.open for q in ctx.quotes):
            continue
        # only the attribution of the previous quotation stands between them
        if len(re.findall(r"[.!?…]", between)) > 1 or len(between) > 200:
            continue
        # the quotation is a sentence of its own: nothing but punctuation after it
        q_end = ctx.sentence(quote.close - 1)[1]
        if ctx.text[quote.close : q_end].strip(TRAILING + "…!?"):
            continue
        out.append(
            Candidate(
                quote.start,
                quote.end,
                "direct",
                QUOTE_CONTINUATION,
                prev.cue,
                prev.at,
                (quote.open, quote.open),
                prev.mention,
                speaker=prev.speaker,
                speaker_kind=prev.speaker_kind,
            )
        )
    return out
