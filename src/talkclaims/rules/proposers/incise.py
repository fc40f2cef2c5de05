"""Rule family ``incise-quote``: a cue inside a quotation splits it in two claims.

« C'est une mesure de justice, a-t-elle ajouté. Personne ne doit … »: the words before
and after the incise are two claims of one speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate
from talkclaims.rules.families import INCISE_QUOTE
from talkclaims.rules.subjects import speaker_words
from talkclaims.text.spans import INLINE_SPACE, previous_char, skip, trim

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """Two claims for each short incise (« , a-t-elle ajouté. ») inside a quotation."""
    text = ctx.text
    out: list[Candidate] = []
    for cue in ctx.quoted_cues:
        quote = ctx.in_quote(cue.token.idx)
        if quote is None or previous_char(text, cue.start_char) != ",":
            continue
        mention = speaker_words(ctx, cue)
        end = mention.end if mention is not None and mention.start >= cue.end_char else cue.end_char
        k = skip(text, end, INLINE_SPACE, quote.end)
        if k >= quote.end or text[k] not in ",.":
            continue
        if len(ctx.doc[cue.first : cue.last + 1]) > 6 or (end - cue.start_char) > 80:
            continue
        comma = text.rfind(",", quote.start, cue.start_char)
        for s, e in ((quote.start, comma), (k + 1, quote.end)):
            s, e = trim(text, s, e)
            if e - s < 2:
                continue
            zone = ctx.sentence(s)[0], ctx.sentence(max(s, e - 1))[1]
            if text[e : e + 1] in ".!?…" and e + 1 <= quote.end:
                e += 1  # a full sentence of the quotation keeps its full stop
            out.append(
                Candidate(s, e, "direct", INCISE_QUOTE, cue.lemma, cue.start_char, zone, mention)
            )
    return out
