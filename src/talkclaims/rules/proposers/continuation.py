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
from talkclaims.text.spans import TRAILING, SpanSet

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.speakers import PeopleTracker


def propose(ctx: ArticleContext, taken: list[Candidate], people: PeopleTracker) -> list[Candidate]:
    """A quotation opening the sentence after an attributed one, with no new speaker."""
    out: list[Candidate] = []
    busy = SpanSet((c.start, c.end) for c in taken)  # what a claim holds, out's too
    # the direct claims that a quotation after them may continue, by where they end: the
    # one ending last before each quotation is found as the quotations go (in order)
    by_start = sorted(taken, key=lambda c: c.start)
    continued = sorted(
        (c for c in by_start if c.kind == "direct" and c.family.continued), key=lambda c: c.end
    )
    ready = 0
    prev: Candidate | None = None
    for quote in ctx.quotes:
        while ready < len(continued) and continued[ready].end <= quote.open:
            if prev is None or continued[ready].end > prev.end:
                prev = continued[ready]
            ready += 1
        if busy.overlaps(quote.start, quote.end):
            continue
        s_start, _ = ctx.sentence(quote.open)
        if s_start != quote.open or prev is None:
            continue
        p_start, _ = ctx.paragraph(quote.open)
        if prev.start < p_start:
            continue
        between = ctx.text[max(prev.end, prev.at) : quote.open]
        if ctx.quotes_within(max(prev.end, prev.at), quote.open):
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
        busy.add(quote.start, quote.end)
        if QUOTE_CONTINUATION.continued:  # a quotation continued may be continued in turn
            prev = out[-1]
    return out
