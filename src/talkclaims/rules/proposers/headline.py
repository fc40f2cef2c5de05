"""Rule family ``headline-quote``: « Léa Fournier-Kassab : « J'ai mis dix ans … » ».

A paragraph opening with a name and a colon before a quotation (headlines, interview
leads) gives that quotation to the name; in the title line, the words after the colon are
the name's whether quoted or not (« Peskov : rien n'est décidé »).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate, quote_candidate
from talkclaims.rules.families import HEADLINE_QUOTE
from talkclaims.rules.found import Mention
from talkclaims.rules.mentions import mention_from_tokens

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


#: The credit closing a title line: « … (le gouverneur de la Banque de France) »,
#: « … – Ouchakov ».
_CREDIT = re.compile(r"\s*(?:\(([^()\n]{2,80})\)|[–—-]\s+([^\n–—]{2,60}?))\s*$")


def propose(ctx: ArticleContext) -> list[Candidate]:
    """The quotation after « Name : » at the start of a paragraph; the words of a title
    line that closes with its speaker's credit."""
    return _name_colon(ctx) + _credited_title(ctx)


def _credited_title(ctx: ArticleContext) -> list[Candidate]:
    """« L'inflation sera « divisée par deux » (le gouverneur de la Banque de France) »,
    « Un accord a été trouvé – Ouchakov »: the title line's words before the credit, when
    the credit names a person or describes one."""
    if not ctx.paragraphs:
        return []
    start, end = ctx.paragraphs[0]
    line = ctx.text[start:end]
    if "\n" in line.strip() or end - start > MAX_HEADLINE:
        return []
    credit = _CREDIT.search(line)
    if credit is None:
        return []
    group = 1 if credit.group(1) else 2
    c_start, c_end = start + credit.start(group), start + credit.end(group)
    words = [t for t in ctx.char_span(c_start, c_end) or () if not t.is_space]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return []
    mention = mention_from_tokens(ctx, words)
    surname = _surname_of_someone(ctx, c_start, c_end)
    if surname is not None and (mention is None or mention.kind == "other"):
        mention = Mention(surname, c_start, c_end, "name", surname)  # « … – Legrand »
    if mention is None or mention.kind not in ("name", "description"):
        return []
    # a quotation alone is the quotation rules' (« « … » (Cheikh Ndour) »)
    if any(q.open <= start + 1 and q.close >= start + credit.start() - 2 for q in ctx.quotes):
        return []
    found = make_candidate(
        ctx, start, start + credit.start(), HEADLINE_QUOTE, None, mention.start, mention
    )
    return [found] if found is not None else []


def _name_colon(ctx: ArticleContext) -> list[Candidate]:
    """The quotation after « Name : » at the start of a paragraph."""
    out = []
    for p_start, p_end in ctx.paragraphs:
        colon = ctx.text.find(":", p_start, min(p_end, p_start + 60))
        if colon == -1:
            continue
        name = ctx.name_in(p_start, colon) or _surname_of_someone(ctx, p_start, colon)
        if name is None or ctx.text[p_start:colon].strip() != name:
            continue
        quote = next(iter(ctx.quotes_opening(colon + 1, colon + 4)), None)
        mention = Mention(name, p_start, p_start + len(name), "name", name)
        if quote is not None:
            out.append(quote_candidate(ctx, quote, HEADLINE_QUOTE, None, p_start, mention))
        elif (
            p_start == ctx.paragraphs[0][0]
            and p_end - colon <= MAX_HEADLINE
            and "\n" not in ctx.text[p_start:p_end].strip()
            and _person_of_the_article(ctx, name)
        ):
            # the title line « Peskov : rien n'est décidé », « Vance : les pourparlers
            # « battent leur plein » »: the words after the colon, quoted or not
            found = make_candidate(ctx, colon + 1, p_end, HEADLINE_QUOTE, None, p_start, mention)
            if found is not None:
                out.append(found)
    return out


#: The longest title line whose words after « Name : » are taken as the name's.
MAX_HEADLINE = 200


def _person_of_the_article(ctx: ArticleContext, name: str) -> bool:
    """A name the speaker list knows, or that the article names again: a person the
    article is about, not a rubric (« Chanson : … », « Politique : … »)."""
    if ctx.people.known(name) is not None:
        return True
    canonical = ctx.people.canonical(name, ctx.name_groups)
    named = sum(1 for m in ctx.persons if m.name == canonical)
    # named in full further on (« Lemaire : … » then « Paul Lemaire »), or twice
    return named >= 2 or (named >= 1 and canonical != name)


def _surname_of_someone(ctx: ArticleContext, start: int, end: int) -> str | None:
    """« Lemaire : … » in a title, where the model tagged no name: the surname of a
    person the article names in full (« Paul Lemaire »)."""
    words = ctx.text[start:end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return None
    bare = " ".join(words)
    return bare if ctx.people.canonical(bare, ctx.name_groups) != bare else None
