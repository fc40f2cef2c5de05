"""Rule family ``orphan-quote``: a whole-sentence quotation with no verb to attribute it.

« Elle hausse les épaules. « Les applaudissements, c'est agréable, mais … » »: a
quotation of a whole sentence or more, right after a sentence whose subject is a named
person, is that person's. Short quotations stay scare quotes; a quotation after a
verbless sentence (« Witkoff et Kushner ? ») too. It asks who the passage is about,
which the first pass of speaker resolution may have told, so it runs after it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate
from talkclaims.rules.families import ORPHAN_QUOTE
from talkclaims.rules.found import Mention
from talkclaims.text.spans import TRAILING, SpanSet

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.speakers import PeopleTracker


def propose(ctx: ArticleContext, taken: list[Candidate], people: PeopleTracker) -> list[Candidate]:
    """Quotations of eight words or more opening a sentence, after one about a person."""
    out: list[Candidate] = []
    busy = SpanSet((c.start, c.end) for c in taken)  # what a claim holds, out's too
    for quote in ctx.quotes:
        if busy.overlaps(quote.open, quote.close):
            continue
        s_start, _ = ctx.sentence(quote.open)
        if s_start != quote.open or len(ctx.text[quote.start : quote.end].split()) < 8:
            continue
        q_end = ctx.sentence(quote.close - 1)[1]
        if ctx.text[quote.close : q_end].strip(TRAILING + "…!?"):
            continue
        here = ctx.sentence_index(quote.open)
        if here == 0:
            continue
        prev_start, prev_end = ctx.sentences[here - 1]
        span = ctx.char_span(prev_start, prev_end)
        subjects = [
            t
            for t in span or ()
            if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and not ctx.in_quote(t.idx)
        ]
        if not subjects:
            continue
        person = people.salient(quote.open, max_back=1)
        if person is None:
            continue
        mention = Mention(person, prev_start, prev_start, "name", person)
        out.append(
            Candidate(
                quote.start,
                quote.end,
                "direct",
                ORPHAN_QUOTE,
                None,
                quote.open,
                (quote.open, quote.open),
                mention,
            )
        )
        busy.add(quote.start, quote.end)
    return out
