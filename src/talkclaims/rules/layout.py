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
    reactions: a line naming the person, then what they said), if there is one; over
    the lines of the label that name no one (« 5-Marc Koné ¶ (Ministre du Tourisme) : ¶
    Notre mission ? ¶ « … » »)."""
    for _ in range(3):
        found, p_start = _label_line(ctx, p_start)
        if found is not None or p_start < 0:
            return found
    return None


def _label_line(ctx: ArticleContext, p_start: int) -> tuple[Mention | None, int]:
    """(the person the line just before ``p_start`` names as a label, or None; the start
    of that line when it is a label line naming no one, to look above it, else -1)."""
    if p_start < 2:
        return None, -1
    l_start, l_end = ctx.paragraph(p_start - 2) if ctx.text[p_start - 1] == "\n" else (0, 0)
    if l_end <= l_start or l_end > p_start:
        return None, -1
    found = _name_of_label(ctx, l_start, l_end)
    if found is not None:
        return found, -1
    line = ctx.text[l_start:l_end].strip()
    # a role in brackets (« (Ministre de la Ville) : »), or a short heading of the entry
    # (« Notre mission, les élections ? »): the name may stand on the line above
    short = len(re.findall(r"\w+", line)) <= _LABEL_MAX_WORDS and not ctx.quotes_within(
        l_start, l_end
    )
    bracketed = line.startswith("(") and line.rstrip(" :").endswith(")")
    return None, (l_start if short and (bracketed or line.endswith(("?", ":"))) else -1)


#: A line that is a name and nothing else: two to four capitalised words.
_NAME_LINE = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w’'-]+)(?:[ \u00a0][A-ZÀ-ÖØ-Þ][\w’'-]+){1,3}")


def _byline(ctx: ArticleContext, line: str) -> bool:
    """« Par Camille Roy », « Avec Léa Dumas »: a credit of the author, not a name."""
    first = line.split()[0].lower()
    g = ctx.grammar
    return (
        first in ctx.patterns.agent_markers
        or first in g.de_forms
        or first in g.definite_articles
        or first in g.indefinite_determiners
        or first in g.adjunct_prepositions
        or first in ("avec", "pour", "selon", "propos")
    )


def _name_line(line: str) -> str | None:
    """The name a label line is, when the model tagged none: « 6-Awa Traoré »."""
    found = _NAME_LINE.fullmatch(line.strip())
    return found.group() if found is not None else None


#: A label's numbering (« 5- », « 5. », « 5) »).
_NUMBERING = re.compile(r"\s*\d{1,3}\s*[-.)–]\s*")


def _name_of_label(ctx: ArticleContext, l_start: int, l_end: int) -> Mention | None:
    """The person a label line names: « Marc Koné (Nantes) », « Au micro de RMC : Jonathan
    Koffi », « 5-Mel Eg Théodore »."""
    line = ctx.text[l_start:l_end].strip()
    if (
        not line
        or line[-1] in ".!?…»”\"'"
        or len(re.findall(r"\w+", line)) > _LABEL_MAX_WORDS
        or ctx.quotes_within(l_start, l_end)
    ):
        return None
    # after a « Label : » the name comes first; else the line opens with it (after its
    # numbering, « 5- »)
    colon = line.rfind(":")
    offset = l_start + (ctx.text[l_start:l_end].index(line)) + (colon + 1 if colon >= 0 else 0)
    numbering = _NUMBERING.match(ctx.text, offset, l_end)
    if numbering is not None:
        offset = numbering.end()
    name = ctx.name_in(offset, l_end)
    # a line that is a name and nothing else is the whole name, whatever part of it the
    # model tagged (« 6-Awa Traoré », read as « Traoré »)
    whole = _name_line(ctx.text[offset:l_end])
    if whole is not None and (name is None or name in whole) and not _byline(ctx, whole):
        name = whole
    if name is None:
        return None
    at = ctx.text.find(name, offset, l_end)
    if at < 0:
        return None
    lead = ctx.text[offset:at].strip(" \u00a0\u202f-–—•*")
    if lead:
        # one word the model left out of the name (« Mel Eg Théodore »), a proper noun;
        # not « Par Camille Roy » (a byline) or any other word before a name
        first = ctx.token_at(ctx.text.find(lead, offset, at))
        if len(lead.split()) > 1 or first is None or first.pos_ != "PROPN":
            return None
    return Mention(name, at, at + len(name), "name", name)
