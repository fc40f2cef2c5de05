"""The words that point at a speaker, and what kind of pointing they do.

A speaker is named (« Dmitri Peskov »), pointed at by a pronoun (« il »), described
(« le porte-parole du Kremlin »), an outlet (« le quotidien Izvestia ») or something
else (« un conseiller du Kremlin »). These functions cut the speaker words out of the
sentence and say which of these they are; resolving them to a person comes later.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.cues import lemma_of
from talkclaims.rules.found import Mention
from talkclaims.text.fold import fold
from talkclaims.text.spans import INLINE_SPACE, skip_back

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.lang.grammar import Grammar
    from talkclaims.rules.context import ArticleContext


def mention_from_tokens(
    ctx: ArticleContext, tokens: list[Token], according: bool = False
) -> Mention | None:
    """What the words ``tokens`` point at: a name, a pronoun, an outlet, a description.

    ``according`` reads them as the phrase after « selon »: an outlet at the end of an
    agent chain (« les données rapportées par Le Monde ») is the speaker, and so is a
    title with a capitalised article (« selon Le Film français »).
    """
    if not tokens:
        return None
    if len(tokens) == 1 and tokens[0].lower_ == "-t" and tokens[0].i + 1 < len(tokens[0].doc):
        # « glisse-t-il » parsed with « -t » as the subject: the pronoun is the next word
        tokens = [tokens[0].doc[tokens[0].i + 1]]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = ctx.text[start:end]
    name = ctx.name_in(start, end)
    if name is not None and not _complement_name(ctx, tokens, name):
        return Mention(text, start, end, "name", _coordinated(ctx, start, end) or name)
    # « une source CNN », « un journaliste de RTL »: an anonymous person credited to an
    # outlet; the outlet is the claim's source, the person its speaker
    # (« un membre du staff cité par L'Équipe »: the member speaks, L'Équipe is the source)
    first_word = tokens[0].lower_
    if (
        first_word in ctx.grammar.indefinite_determiners
        and len(tokens) > 1
        and (
            tokens[1].lower_ in ctx.patterns.role_nouns
            or tokens[1].lower_ in ctx.patterns.person_nouns
        )
    ):
        for k in range(2, len(tokens) - 1):
            if (
                "Part" in tokens[k].morph.get("VerbForm")
                and tokens[k + 1].lower_ in ctx.patterns.agent_markers
            ):
                # « un membre du staff cité par L'Équipe »: the person ends before « cité »
                end = tokens[k - 1].idx + len(tokens[k - 1].text)
                return Mention(ctx.text[start:end], start, end, "other")
        return Mention(text, start, end, "other")
    if according:
        outlets = ctx.outlets_within(start, end)
        if outlets:
            return Mention(text, start, end, "outlet", outlets[-1].name)
        if ctx.grammar.title_article.match(text):
            return Mention(text, start, end, "outlet", text)
    patterns, g = ctx.patterns, ctx.grammar
    first = tokens[0].lower_
    if len(tokens) <= 2 and (first in patterns.pronouns or text.lower() in patterns.pronouns):
        if text.startswith("-"):  # « a-t-il »: the pronoun is « il », not « -il »
            return Mention(text[1:], start + 1, end, "pronoun")
        return Mention(text, start, end, "pronoun")
    outlet = ctx.outlet_in(start, end)
    if outlet is not None:
        return Mention(text, start, end, "outlet", outlet.name)
    head = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), tokens[min(1, len(tokens) - 1)])
    if (first in g.definite_articles or first in g.demonstratives) and (
        head.lower_ in ctx.outlet_nouns
    ):
        # « Le quotidien économique précise que »: the outlet named last
        earlier = ctx.outlet_before(start)
        if earlier is not None:
            return Mention(text, start, end, "outlet", earlier.name)
    if first in g.definite_articles and len(tokens) > 1 and head.lower_ in patterns.role_nouns:
        return Mention(text, start, end, "description", head.lower_)
    return Mention(text, start, end, "other")


def _complement_name(ctx: ArticleContext, tokens: list[Token], name: str) -> bool:
    """Whether ``name`` only completes the noun that heads the words (« le porte-parole
    de Vladimir Poutine », « l'avocate de Jean Valjean »): the speaker is the one the noun
    describes, not the person named (« le ministre de l'Intérieur Gérald Darmanin » is
    Gérald Darmanin: the name stands after the noun's own complement)."""
    first = tokens[0]
    if first.pos_ != "DET" and first.lower_ not in ctx.grammar.definite_articles:
        return False
    start = tokens[0].idx
    at = ctx.text.find(name, start, tokens[-1].idx + len(tokens[-1].text))
    if at <= start:
        return False
    return re.search(r"(?:\bde|\bdu|\bdes|\bd['’])\s*$", ctx.text[start:at]) is not None


def noun_phrase(token: Token, g: Grammar) -> list[Token]:
    """The subject words around ``token``: its subtree up to a comma, relative or verb."""
    doc = token.doc
    left = token.left_edge.i
    right = token.right_edge.i
    tokens: list[Token] = []
    for t in doc[left : right + 1]:
        past_participle = "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense")
        if inner_hyphen(t):
            tokens.append(t)  # « la Maison-Blanche », « Météo-France »
            continue
        if t.i > token.i and (
            t.is_punct
            or (t.pos_ in ("VERB", "AUX") and not past_participle)
            or t.lower_ in g.relative_pronouns
        ):
            break
        if t.i < token.i and (t.is_punct or t.is_quote):
            tokens = []
            continue
        tokens.append(t)
    return tokens or [token]


def inner_hyphen(t: Token) -> bool:
    """A hyphen inside a word the tokenizer split (« Maison-Blanche », « CGT-Cheminots »):
    no space on either side, a capitalised word after it."""
    doc = t.doc
    return (
        t.text == "-"
        and 0 < t.i < len(doc) - 1
        and not doc[t.i - 1].whitespace_
        and not t.whitespace_
        and doc[t.i + 1].text[:1].isupper()
    )


def grab_noun_phrase(ctx: ArticleContext, i: int) -> list[Token]:
    """Surface noun phrase from token ``i`` on (for inverted subjects and agents)."""
    doc, g = ctx.doc, ctx.grammar
    tokens: list[Token] = []
    while i < len(doc):
        t = doc[i]
        # « Steve Witkoff et Jared Kushner »: a conjunction between names stays
        # « le PDG et cofondateur »: coordinated titles too
        joins_names = (
            t.pos_ == "CCONJ"
            and tokens
            and i + 1 < len(doc)
            and (doc[i + 1].pos_ == "PROPN" or tokens[-1].pos_ == doc[i + 1].pos_ == "NOUN")
        )
        # « l'un d'eux », « l'une des victimes »: an indefinite pronoun heads the phrase
        one_of = (
            t.lower_ in g.indefinite_pronouns and tokens and tokens[-1].lower_ in g.elided_articles
        )
        # « l'accusé », « le prévenu », « l'élue »: a participle after a determiner is
        # a noun, whatever the tagger says
        after_determiner = t.pos_ == "VERB" and tokens and tokens[-1].pos_ == "DET"
        if (
            t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON")
        ) and not (
            inner_hyphen(t)
            or joins_names
            or one_of
            or after_determiner
            or (t.lower_ in g.disjunctive_pronouns and tokens)
        ):
            break
        if t.pos_ == "ADP" and lemma_of(t, g) not in g.de_lemmas:
            break
        if t.lower_ in g.inverted_subject_stops:
            break
        # « a déclaré la ministre Catherine Vautrin lundi »: a time word after a name
        # or a noun ends the phrase
        if tokens and t.lower_ in ctx.patterns.time_words and tokens[-1].pos_ in ("PROPN",):
            break
        tokens.append(t)
        i += 1
    while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ")):
        tokens.pop()
    return tokens


#: The longest noun phrase read after « selon » or « pour » (the longest in real news
#: are under a hundred characters): in a text without punctuation the phrase would run
#: to the end of its sentence, read again for each « selon » of it.
MAX_PHRASE_CHARS = 300
_PHRASE_END = re.compile(r"[,;:.)(]| [–—]")
_APPOSITION_END = re.compile(r"[,;:.()]")


def phrase_end(ctx: ArticleContext, start: int, limit: int) -> int:
    """End of the noun phrase after « selon » or « pour »: the next comma, or the
    apposition of a name (« selon l'envoyé spécial du président, Steve Witkoff. »)."""
    text = ctx.text
    limit = min(limit, start + MAX_PHRASE_CHARS)
    found = _PHRASE_END.search(text, start, limit + 1)
    i = found.start() if found is not None and found.start() < limit else limit
    if i < limit and text[i] == ",":
        j = i + 1
        found = _APPOSITION_END.search(text, j, limit)
        k = found.start() if found is not None else limit
        tail = text[j:k].strip()
        name = ctx.name_in(j, k)
        if name is not None and fold(tail) == fold(name) and (k >= limit - 1 or text[k] in ".,"):
            return k
    return skip_back(text, i, INLINE_SPACE, start)


def _coordinated(ctx: ArticleContext, start: int, end: int) -> str | None:
    """« Paul Morel et Claire Duval »: names joined by « et » or commas are one
    speaker, written as the text writes them (None when there is one name)."""
    spans = sorted(set(ctx.names_within(start, end)))
    chain = spans[:1]
    for s, e in spans[1:]:
        between = ctx.text[chain[-1][1] : s].strip().lower()
        if s >= chain[-1][1] and between in ("et", ",", ", et"):
            chain.append((s, e))
    if len(chain) < 2:
        return None
    return ctx.text[chain[0][0] : chain[-1][1]]


def is_apposition(ctx: ArticleContext, start: int, end: int) -> bool:
    """A verbless noun phrase (« professeur au CHU de Lille »)."""
    span = ctx.char_span(start, end)
    return (
        span is not None
        and 0 < len(span) <= 10
        and not any(t.pos_ in ("VERB", "AUX") for t in span)
    )
