"""Rule families of the reporting verbs: what one cue reports, its frames tried in order.

A cue reports the clause after « que » (``cue-que``), a quotation it introduces
(« a déclaré : « … » », « a dénoncé une « … » »: ``cue-quote``), an infinitive, an
attribute or an indirect question, the words before it when it is postposed (« « … »,
a-t-il ajouté »: ``postposed-quote``, ``postposed-clause``), what a « comme » incise
frames, or the quotation before a participle with an agent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate, quote_candidate
from talkclaims.rules.clauses import clause_end
from talkclaims.rules.families import (
    COMME_INCISE,
    CUE_ATTRIBUTE,
    CUE_INFINITIVE,
    CUE_QUE,
    CUE_QUESTION,
    CUE_QUOTE,
    PARTICIPLE_AGENT,
    POSTPOSED_CLAUSE,
    POSTPOSED_QUOTE,
    Family,
)
from talkclaims.rules.found import Mention
from talkclaims.rules.mentions import grab_noun_phrase, mention_from_tokens
from talkclaims.rules.subjects import apposed_subject, own_subject, speaker_words
from talkclaims.text.fold import fold
from talkclaims.text.quotes import CLOSE_MARKS, Quote
from talkclaims.text.spans import (
    CLAUSE_SEPARATORS,
    INLINE_SPACE,
    TRAILING,
    previous_char,
    skip,
    skip_back,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.cues import Cue


def _next_word(ctx: ArticleContext, i: int) -> Token | None:
    """The next word, over adverbs (« a par ailleurs jugé ») but not « ne » or « comment »."""
    doc = ctx.doc
    keep = {*ctx.grammar.ne, *ctx.patterns.question_words}
    while i < len(doc) and (
        doc[i].is_space or (doc[i].pos_ == "ADV" and doc[i].lower_ not in keep)
    ):
        i += 1
    return doc[i] if i < len(doc) else None


def _que_after(ctx: ArticleContext, cue: Cue) -> Token | None:
    """The « que » opening the cue's clause: its ccomp's mark, or a « que » a few words on."""
    doc, g = ctx.doc, ctx.grammar

    def complementiser(t: Token) -> Token | None:
        if t.lower_ == "qu" and t.i + 1 < len(doc) and doc[t.i + 1].text in ("'", "’"):
            return doc[t.i + 1]  # « qu' « on avait » »: the apostrophe split off
        if t.lower_ not in g.complementisers:
            return None
        # « parce que », « alors que », « bien que » open the author's clause, not the cue's
        if t.i > 0 and doc[t.i - 1].lower_ in g.not_complementiser_after:
            return None
        # « a ajouté : « ce n'est qu'un début » »: inside a quotation the cue introduces
        quote = ctx.in_quote(t.idx)
        if quote is not None and quote.open > cue.end_char:
            return None
        # restrictive « ne … que » (« il ne fait que répéter »): not a complementiser
        if any(doc[k].lower_ in g.ne for k in range(cue.first, t.i)):
            return None
        return t

    for child in cue.token.children:
        if child.dep_ in ("ccomp", "advcl", "obj") and child.i > cue.token.i:
            for grand in child.children:
                if grand.i > cue.last and grand.i - cue.last <= 8 and complementiser(grand):
                    return complementiser(grand)
    for i in range(cue.last + 1, min(cue.last + 9, len(doc))):
        t = doc[i]
        if t.lower_ in g.complementisers or t.lower_ == "qu":
            return complementiser(t)
        if t.pos_ in ("VERB", "AUX") or t.text in '.;«»“”"' or t.is_space:
            return None
    return None


#: Words that may stand between a cue and the quotation it introduces (adjuncts and
#: the head of the complement: « a dénoncé mardi devant la cour un « … » »).
MAX_COMPLEMENT_WORDS = 10


def _quote_after(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> Quote | None:
    """A quotation that the cue introduces: « a déclaré : « … » », « comme l'a dit X, « … » »."""
    text = ctx.text
    end = cue.end_char
    if mention is not None and mention.start >= end:
        end = mention.end
    for quote in ctx.quotes_from(end):
        gap = text[end : quote.open]
        if "\n" in gap or any(ch in gap for ch in ".;!?«»“”"):
            return None
        # « a déclaré : « … » », « a dénoncé une « … » », « a appelé la Chine à « … » »:
        # a few words of the cue's own complement, no other verb and no new clause
        span = ctx.char_span(end, quote.open) if gap.strip() else None
        words = [t for t in span or () if not t.is_punct and not t.is_space]
        # a comma after words closes the cue's clause (« considérera X comme Y, la « … » »);
        # adjuncts may stand between (« a dénoncé mardi devant la cour d'assises du
        # Rhône un « … » », « a fustigé sur la télévision nationale RTB « … » »)
        if len(words) > MAX_COMPLEMENT_WORDS or (words and "," in gap):
            return None
        # « a lancé l'opération « … » », « a présenté son film « … » »: a name
        if words and words[-1].lower_ in ctx.patterns.title_words:
            return None
        g = ctx.grammar
        if any(
            t.pos_ in ("VERB", "AUX")
            or t.lower_ in g.complementisers
            or t.lower_ in g.new_clause_words
            for t in words
        ):
            return None
        return quote
    return None


def _agent_after(ctx: ArticleContext, pos: int) -> Mention | None:
    """« … » par l'opposition: the agent of a passive cue, written after its quotation."""
    token = ctx.token_at(skip(ctx.text, pos, INLINE_SPACE))
    while token is not None and (token.is_punct or token.is_space) and token.i + 1 < len(ctx.doc):
        token = ctx.doc[token.i + 1]
    if token is None or token.lower_ not in ctx.patterns.agent_markers:
        return None
    return mention_from_tokens(ctx, grab_noun_phrase(ctx, token.i + 1))


def _continues_quote(ctx: ArticleContext, quote: Quote, end: int) -> bool:
    """Whether the words after a quotation complete it (« « confiant » dans la capacité du
    pays à … ») rather than the verb (« jugées « irréalistes » lors du débat »)."""
    if not ctx.text[quote.close : end].strip(TRAILING + "…!?"):
        return False
    span = ctx.char_span(quote.close, end)
    words = [t for t in span or () if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    head = first.head if first.dep_ in ("case", "mark", "det") else first
    head = head.head if head.dep_ not in ("ROOT",) else head
    return quote.start <= head.idx < quote.end


def _quote_before(ctx: ArticleContext, pos: int, max_gap: int = 4) -> Quote | None:
    """A quotation closing just before ``pos`` (« « … », a-t-il dit »)."""
    quote = ctx.quote_closed_by(pos)
    if quote is None:
        return None
    gap = ctx.text[quote.close : pos]
    if "\n" not in gap and len(gap.strip(" ,\u00a0\u202f–—")) == 0 and len(gap) <= max_gap:
        return quote
    if "\n" not in gap and len(gap.split()) <= 3 and not any(ch in gap for ch in ".;:"):
        return quote if max_gap > 4 else None
    return None


def _clause(
    ctx: ArticleContext, cue: Cue, start: int, family: Family, mention: Mention | None
) -> list[Candidate]:
    """One candidate for the clause from ``start`` to where it stops."""
    end = clause_end(ctx, start, ctx.sentence(start)[1])
    found = make_candidate(ctx, start, end, family, cue, cue.start_char, mention)
    return [found] if found else []


def _frame_after(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """Content after an active cue: « que … », a question, an infinitive, an attribute
    (« juge prématuré de »), or the whole complement of « qualifier », « accuser »."""
    patterns = ctx.patterns
    doc = ctx.doc
    lemma = cue.lemma
    nxt = _next_word(ctx, cue.last + 1)
    if nxt is None or (nxt.is_punct and not nxt.is_quote):
        return []
    if lemma in patterns.complement:
        # « a qualifié ces exercices de « … » », « accuse la majorité d'avoir … »
        return _clause(ctx, cue, nxt.idx, CUE_ATTRIBUTE, mention)
    rest = fold(ctx.text[nxt.idx : nxt.idx + 12])
    if lemma in patterns.question and any(
        rest.startswith(fold(w)) and not rest[len(w) : len(w) + 1].isalpha()
        for w in patterns.question_words
    ):
        return _clause(ctx, cue, nxt.idx, CUE_QUESTION, mention)
    inf = nxt
    # « affirme ne pas avoir », « assure n'en avoir », « s'excuse d'avoir »
    while inf.lower_ in ctx.grammar.before_infinitive and inf.i + 1 < len(doc):
        inf = _next_word(ctx, inf.i + 1) or inf
        if inf.i == nxt.i:
            break
    if lemma in patterns.infinitive and "Inf" in inf.morph.get("VerbForm"):
        # « craignent d'être exclus »: the content starts after « de »
        start = nxt
        if start.lower_ in ctx.grammar.de_forms and start.i + 1 < len(doc):
            start = doc[start.i + 1]
        return _clause(ctx, cue, start.idx, CUE_INFINITIVE, mention)
    adj = nxt
    if adj.lower_ in ctx.grammar.de_forms and adj.i + 1 < len(doc):
        adj = doc[adj.i + 1]
    if adj.is_quote and adj.i + 1 < len(doc):  # « juge “prématuré” de … »
        adj = doc[adj.i + 1]
    if lemma in patterns.attribute and adj.pos_ == "ADJ":
        return _clause(ctx, cue, nxt.idx, CUE_ATTRIBUTE, mention)
    return []


def _quoted_complement(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """A quotation the cue introduces: « a déclaré : « … » », « a dénoncé une « … » »,
    passive « ont été qualifiées de « … » (par X) »."""
    quote = _quote_after(ctx, cue, mention)
    if quote is None:
        return []
    end = clause_end(ctx, quote.close, ctx.sentence(quote.close - 1)[1])
    # « … » par l'opposition, after a passive cue (« s'est dite « sidérée » par
    # l'attitude de l'accusé » has its speaker already: « par » is not an agent there)
    agent = _agent_after(ctx, quote.close) if cue.form in ("passive", "participle") else None
    if agent is not None:
        return [quote_candidate(ctx, quote, CUE_QUOTE, cue, cue.start_char, agent)]
    if _continues_quote(ctx, quote, end):
        # « s'est dit « confiant » dans la capacité du pays à … »: the clause goes on
        found = make_candidate(ctx, quote.open, end, CUE_QUOTE, cue, cue.start_char, mention)
        return [found] if found else []
    found = [quote_candidate(ctx, quote, CUE_QUOTE, cue, cue.start_char, mention)]
    # « a décrit un accusé "immature", "impulsif" », « un « marchand de sommeil » qui
    # aurait « sciemment laissé pourrir » un immeuble »: each quotation of the same
    # complement is a claim of its own
    for nxt in ctx.quotes_from(quote.close + 1):
        gap = ctx.text[quote.close : nxt.open]
        if any(ch in gap for ch in ".;!?:\n") or len(gap.split()) > 6:
            break
        found.append(quote_candidate(ctx, nxt, CUE_QUOTE, cue, cue.start_char, mention))
        quote = nxt
    return found


def _comme_incise(
    ctx: ArticleContext, cue: Cue, comme: Token, mention: Mention | None
) -> list[Candidate]:
    """« comme l'a dit X, « … » », « un « … » en cours, comme l'a dit X », « …, comme il
    l'a dit »."""
    text = ctx.text
    sent_start, sent_end = ctx.sentence(cue.start_char)
    after = _quote_after(ctx, cue, mention)
    if after is not None:
        return [quote_candidate(ctx, after, COMME_INCISE, cue, cue.start_char, mention)]
    quote = _quote_before(ctx, comme.idx, max_gap=30)
    if quote is not None and quote.open >= sent_start:
        return [quote_candidate(ctx, quote, COMME_INCISE, cue, cue.start_char, mention)]
    after_incise = clause_end(ctx, cue.end_char, sent_end)
    for q in ctx.quotes_opening(after_incise, after_incise + 5):
        if q.open < sent_end + 2:
            return [quote_candidate(ctx, q, COMME_INCISE, cue, cue.start_char, mention)]
    boundary = skip_back(text, comme.idx, CLAUSE_SEPARATORS, sent_start)
    found = make_candidate(ctx, sent_start, boundary, COMME_INCISE, cue, cue.start_char, mention)
    return [found] if found else []


def _postposed(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """« « … », a-t-il ajouté » and « …, a déclaré X au journal Y »: the words before."""
    text = ctx.text
    sent_start, _ = ctx.sentence(cue.start_char)
    quote = _quote_before(ctx, cue.start_char)
    if quote is not None:
        # « Le sommet a été « utile », ont jugé X et Y »: the quotation ends a clause
        # that starts before it, one mixed claim covering the clause
        lead = text[sent_start : quote.open]
        if (
            len(lead.split(maxsplit=2)) >= 2
            and not any(ch in lead for ch in '.!?:«»“”"')
            and (quote.open > sent_start)
        ):
            found = make_candidate(
                ctx, sent_start, quote.close + 1, POSTPOSED_QUOTE, cue, cue.start_char, mention
            )
            if found is not None:
                return [found]
        return [quote_candidate(ctx, quote, POSTPOSED_QUOTE, cue, cue.start_char, mention)]
    boundary = skip_back(text, cue.start_char, CLAUSE_SEPARATORS, sent_start)
    if len(text[sent_start:boundary].split(maxsplit=3)) < 3:
        return []
    found = make_candidate(
        ctx, sent_start, boundary, POSTPOSED_CLAUSE, cue, cue.start_char, mention
    )
    return [found] if found else []


def propose(ctx: ArticleContext) -> list[Candidate]:
    """The claims of every reporting verb outside quotations, in text order."""
    return [found for cue in ctx.cues for found in cue_candidates(ctx, cue)]


def cue_candidates(ctx: ArticleContext, cue: Cue) -> list[Candidate]:
    """The claims one reporting verb makes, trying its frames in order."""
    doc = ctx.doc
    mention = speaker_words(ctx, cue)
    if mention is None and cue.form == "narrative":
        # « Et d'ajouter : « … » »: the speaker is the one before, found as a pronoun's is
        lead = ctx.sentence(cue.start_char)[0]
        mention = Mention(ctx.text[lead : cue.end_char], lead, lead, "pronoun")
    # « Kevin Dethier, 29 ans, s'est expliqué »: the name before the apposition
    apposed = None
    if previous_char(ctx.text, cue.start_char) == "," and (
        mention is None or mention.kind != "name" or mention.start > cue.start_char
    ):
        apposed = apposed_subject(ctx, cue)
        if apposed is not None:
            mention = apposed

    que = _que_after(ctx, cue)
    if que is not None:
        return _clause(ctx, cue, que.idx + len(que.text), CUE_QUE, mention)
    if cue.form == "gerund":
        return []

    lead = cue.first - 1
    if lead > 0 and doc[lead].lower_ in ctx.patterns.pronouns:
        lead -= 1  # « comme il l'a répété »
    if lead >= 0 and doc[lead].lower_ in ctx.grammar.incise_marker:
        return _comme_incise(ctx, cue, doc[lead], mention)

    # postposed: « …, a déclaré X » / « « … », a-t-il ajouté »: no subject of its own
    # before the verb (clitics, quoted words and other clauses' subjects do not count)
    postposed = (
        cue.form in ("finite", "compound")
        and previous_char(ctx.text, cue.start_char) in ",–—" + CLOSE_MARKS
    ) and not any(
        c.dep_.startswith("nsubj") and c.i < cue.first and own_subject(ctx, cue, c)
        for c in cue.token.children
    )
    if apposed is not None:  # « X, 29 ans, a expliqué que »: not an incise
        postposed = False
    if postposed:
        return _postposed(ctx, cue, mention)
    if cue.form == "participle":
        # « la « fenêtre stratégique » évoquée par certains responsables »
        quote = _quote_before(ctx, cue.start_char, max_gap=2)
        if quote is None or mention is None:
            return []
        return [quote_candidate(ctx, quote, PARTICIPLE_AGENT, cue, cue.start_char, mention)]
    if cue.form != "passive":
        found = _frame_after(ctx, cue, mention)
        if found:
            return found
    return _quoted_complement(ctx, cue, mention)
