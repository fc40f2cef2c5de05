"""Quotations set off by the layout instead of marks: block quotations.

A first-person paragraph with no quotation marks, followed by a short line that names
its speaker (« — Léa Fournier »), is a quotation. It is found while the article context
is built, because the verbs inside it are the speaker's words, not cues of the author's.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Mention
from talkclaims.text.spans import skip, trim

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext

#: Dashes that may open the line naming the speaker of a block quotation.
_SIGNATURE_LEAD = "—–- \u00a0"


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """A block quotation ``[start, end)`` and the line ``signature`` naming its speaker."""

    start: int
    end: int
    signature: tuple[int, int]
    mention: Mention


def find_block_quotes(ctx: ArticleContext) -> tuple[BlockQuote, ...]:
    """A first-person paragraph with no marks, followed by a short line naming its speaker."""
    text = ctx.text
    out = []
    for (p_start, p_end), (n_start, n_end) in itertools.pairwise(ctx.paragraphs):
        if any(p_start <= q.open < p_end for q in ctx.quotes):
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
