"""Quotations set off by the layout instead of marks: block quotations.

A first-person paragraph with no quotation marks, followed by a short line that names
its speaker (« — Léa Fournier »), is a quotation. It is found while the article context
is built, because the verbs inside it are the speaker's words, not cues of the author's.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from talkclaims.rules.found import BlockQuote, Mention
from talkclaims.text.spans import skip, trim

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext

#: Dashes that may open the line naming the speaker of a block quotation.
_SIGNATURE_LEAD = "—–- \u00a0"


def find_block_quotes(ctx: ArticleContext) -> tuple[BlockQuote, ...]:
    """A first-person paragraph with no marks, followed by a short line naming its speaker."""
    text = ctx.text
    out = []
    for (p_start, p_end), (n_start, n_end) in itertools.pairwise(ctx.paragraphs):
        if ctx.quotes_opening(p_start, p_end):
            continue
        span = ctx.char_span(p_start, p_end)
        line = ctx.char_span(n_start, n_end)
        if span is None or line is None or len(line) > 12 or len(span) < 6:
            continue
        if not any(t.lower_ in ctx.patterns.first_person for t in span):
            continue
        if any("Fin" in t.morph.get("VerbForm") for t in line):
            continue
        lead = skip(text, n_start, _SIGNATURE_LEAD, n_end)
        name = ctx.name_in(lead, n_end)
        if name is None or not text[lead:n_end].startswith(name):
            continue
        mention = Mention(text[lead:n_end], lead, n_end, "name", name)
        s, e = trim(text, p_start, p_end)
        # the final full stop belongs to the quotation here: it is set off, not embedded
        if text[e : e + 1] in ".!?…":
            e += 1
        out.append(BlockQuote(s, e, (n_start, n_end), mention))
    return tuple(out)


#: A label line: « Frédéric Maréchal (entraîneur de Lyon) », « Au micro de RMC :
#: Jonathan Koffi (défenseur) », « Marc Lefèvre, capitaine ».
_LABEL_MAX_WORDS = 14


def speaker_label(ctx: ArticleContext, p_start: int) -> Mention | None:
    """The person of a label line just before the paragraph at ``p_start`` (digests of
    reactions: a line naming the person, then what they said), if there is one."""
    if p_start < 2:
        return None
    l_start, l_end = ctx.paragraph(p_start - 2) if ctx.text[p_start - 1] == "\n" else (0, 0)
    if l_end <= l_start or l_end > p_start:
        return None
    line = ctx.text[l_start:l_end].strip()
    if (
        not line
        or line[-1] in ".!?…»”\"'"
        or len(re.findall(r"\w+", line)) > _LABEL_MAX_WORDS
        or ctx.quotes_within(l_start, l_end)
    ):
        return None
    # after a « Label : » the name comes first; else the line opens with it
    colon = line.rfind(":")
    offset = l_start + (ctx.text[l_start:l_end].index(line)) + (colon + 1 if colon >= 0 else 0)
    name = ctx.name_in(offset, l_end)
    if name is None:
        return None
    at = ctx.text.find(name, offset, l_end)
    if at < 0 or ctx.text[offset:at].strip(" \u00a0\u202f-–—•*"):
        return None
    return Mention(name, at, at + len(name), "name", name)
