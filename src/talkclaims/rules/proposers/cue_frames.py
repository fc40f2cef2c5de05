"""Rule families of the reporting verbs: what one cue reports, its frames tried in order.

A cue reports the clause after « que » (``cue-que``), a quotation it introduces
(« a déclaré : « … » », « a dénoncé une « … » »: ``cue-quote``), an infinitive, an
attribute or an indirect question, the words before it when it is postposed (« « … »,
a-t-il ajouté »: ``postposed-quote``, ``postposed-clause``), what a « comme » incise
frames, or the quotation before a participle with an agent.
"""

from __future__ import annotations

import re
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
from talkclaims.text.quotes import CLOSE_MARKS, OPEN_MARKS, Quote
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


#: Words of adjuncts that may stand between a cue and its « que » (« a déclaré ce jour-là
#: dans une émission de la chaîne ABC que »): no verb, no punctuation among them.
MAX_ADJUNCT_WORDS = 16


def _que_after(ctx: ArticleContext, cue: Cue) -> Token | None:
    """The « que » opening the cue's clause: its ccomp's mark, or a « que » a few words on."""
    doc, g = ctx.doc, ctx.grammar

    def complementiser(t: Token) -> Token | None:
        if t.lower_ == "qu" and t.i + 1 < len(doc) and doc[t.i + 1].text in ("'", "’"):
            return doc[t.i + 1]  # « qu' « on avait » »: the apostrophe split off
        if t.lower_ not in g.complementisers:
            return None
        # « parce que », « alors que », « bien que » open the author's clause, not the cue's
        # (« Il considère ainsi que … »: « ainsi » right after the verb is its adverb)
        if (
            t.i > 0
            and doc[t.i - 1].lower_ in g.not_complementiser_after
            and not (t.i - 1 == cue.last + 1 and doc[t.i - 1].lower_ in g.cue_adverbs)
        ):
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
    for i in range(cue.last + 1, min(cue.last + 1 + MAX_ADJUNCT_WORDS, len(doc))):
        t = doc[i]
        if t.lower_ in g.complementisers or t.lower_ == "qu":
            # past a few words, only a « que » the tagger reads as a conjunction, with no
            # comma before it: « a déclaré dimanche dans une émission de la chaîne ABC
            # que » (not the relative of « s'est interrogée sur le coût du projet, que
            # des experts estiment … »)
            if i - cue.last > 8 and (
                t.pos_ != "SCONJ" or any(w.text == "," for w in doc[cue.last + 1 : i])
            ):
                return None
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
    markers = patterns.small_clause.get(lemma)
    marker = _small_clause(ctx, nxt, markers, _object_clitic(ctx, cue)) if markers else None
    if marker is not None:
        # « considère l'élargissement comme une étape », « estiment à 25 % la probabilité »:
        # to the end of the predicate (« Tant que X considérera ces zones comme non
        # négociables, la fenêtre … » stops at the comma)
        s_end = ctx.sentence(nxt.idx)[1]
        comma = ctx.text.find(",", marker.idx, s_end)
        end = clause_end(ctx, nxt.idx, comma if comma != -1 else s_end)
        found = make_candidate(ctx, nxt.idx, end, CUE_ATTRIBUTE, cue, cue.start_char, mention)
        return [found] if found else []
    if lemma in patterns.complement:
        # « a qualifié ces exercices de « … » », « accuse la majorité d'avoir … »; only
        # the person it is addressed to (« Ce que X reproche à la cérémonie ? ») is none
        # (« a qualifié de « prématurées » les déclarations »: from after « de »)
        first = nxt
        if nxt.lower_ in ctx.grammar.de_forms and nxt.i + 1 < len(doc):
            first = doc[nxt.i + 1]
        found = _clause(ctx, cue, first.idx, CUE_ATTRIBUTE, mention)
        if nxt.lower_ == "à" and found:
            words = ctx.text[found[0].start : found[0].end].lower().split()
            if not any(w in ctx.grammar.de_forms or w.startswith(("d'", "d’")) for w in words):
                return []
        return found
    rest = fold(ctx.text[nxt.idx : nxt.idx + 12])
    if lemma in patterns.question and any(
        rest.startswith(fold(w)) and not rest[len(w) : len(w) + 1].isalpha()
        for w in patterns.question_words
    ):
        return _clause(ctx, cue, nxt.idx, CUE_QUESTION, mention)
    inf = nxt
    # « a dit mardi avoir conclu », « affirme lundi soir n'avoir rien signé »: time words
    # between the verb and its infinitive
    while inf.lower_ in patterns.time_words and inf.i + 1 < len(doc) and inf.i < nxt.i + 3:
        inf = _next_word(ctx, inf.i + 1) or inf
    after_time = inf
    # « affirme ne pas avoir », « assure n'en avoir », « s'excuse d'avoir »
    while inf.lower_ in ctx.grammar.before_infinitive and inf.i + 1 < len(doc):
        inf = _next_word(ctx, inf.i + 1) or inf
        if inf.i == nxt.i:
            break
    if lemma in patterns.infinitive and "Inf" in inf.morph.get("VerbForm"):
        # « craignent d'être exclus »: the content starts after « de »
        start = after_time
        if start.lower_ in ctx.grammar.de_forms and start.i + 1 < len(doc):
            start = doc[start.i + 1]
        return _clause(ctx, cue, start.idx, CUE_INFINITIVE, mention)
    if lemma in patterns.request:
        # « a appelé les parents à boycotter », « leur a demandé de partir », « s'engage
        # à appliquer »: the infinitive after « à / de », the person addressed left out
        start = _addressed_infinitive(ctx, nxt)
        # « qui a demandé à ne pas être nommé »: how a source is introduced, not a claim
        if start is not None and not fold(ctx.text[start.idx : start.idx + 40]).startswith(
            patterns.anonymity_requests
        ):
            return _clause(ctx, cue, start.idx, CUE_INFINITIVE, mention)
    adj = nxt
    if adj.lower_ in ctx.grammar.de_forms and adj.i + 1 < len(doc):
        adj = doc[adj.i + 1]
    if adj.is_quote and adj.i + 1 < len(doc):  # « juge “prématuré” de … »
        adj = doc[adj.i + 1]
    if lemma in patterns.attribute and adj.pos_ == "ADJ":
        return _clause(ctx, cue, nxt.idx, CUE_ATTRIBUTE, mention)
    return []


def _object_clitic(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether the verb's object is a clitic before it (« l'a expliqué par … »)."""
    doc = ctx.doc
    g = ctx.grammar
    start = max(0, cue.first - 1)
    return any(
        t.lower_ in g.object_clitics and t.lower_ not in g.reflexive_pronouns and t.pos_ == "PRON"
        for t in doc[start : cue.last]
    )


def _small_clause(
    ctx: ArticleContext, first: Token, markers: frozenset[str], object_before: bool = False
) -> Token | None:
    """The word of ``markers`` that opens a predicate within a few words of ``first``
    (the word after the verb), before a noun phrase or an adjective, with no verb,
    quotation or full stop before it: « considère X comme Y », « a désigné Marc, son
    neveu, comme successeur »; or opening the words themselves (« estiment à 25 % la
    probabilité », and « l'a expliqué par la sécheresse » when the object is a clitic
    before the verb)."""
    doc = ctx.doc
    for t in doc[first.i : min(len(doc), first.i + MAX_ADDRESSEE_WORDS + 4)]:
        if t.lower_ in markers:
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            predicate = nxt is not None and nxt.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM")
            # (« l'a expliqué par téléphone »: a manner, no determiner, is no predicate)
            determined = nxt is not None and nxt.pos_ == "DET"
            if predicate and (
                t.i > first.i or t.lower_ in ("à", "au", "aux") or (object_before and determined)
            ):
                return t
            return None
        if (
            (t.is_punct and t.text != ",")
            or t.is_quote
            or t.pos_ in ("VERB", "AUX")
            or t.lower_ in ctx.grammar.complementisers
        ):
            return None
    return None


#: Words a request may put between its verb and « à / de » + infinitive: the person
#: addressed (« a invité la cour d'assises à »), never a clause of its own.
MAX_ADDRESSEE_WORDS = 8


def _addressed_infinitive(ctx: ArticleContext, first: Token) -> Token | None:
    """The first word of the infinitive phrase a request verb reports, from ``first``
    (the word after the verb): « à / de » then an infinitive (over « ne pas », clitics),
    after at most an addressee with no verb, punctuation or quotation of its own."""
    doc, g = ctx.doc, ctx.grammar
    i = first.i
    limit = min(len(doc), first.i + MAX_ADDRESSEE_WORDS + 1)
    while i < limit:
        t = doc[i]
        if t.lower_ in ("à", *g.de_forms):
            k = i + 1
            while (
                k < len(doc)
                and k < i + 5
                and (doc[k].lower_ in g.before_infinitive or doc[k].is_quote)
            ):
                k += 1
            if k < len(doc) and "Inf" in doc[k].morph.get("VerbForm"):
                return doc[i + 1]
        if (
            t.is_punct
            or t.is_quote
            or t.is_space
            or t.pos_ in ("VERB", "AUX")
            or t.lower_ in g.complementisers
            or t.lower_ in g.relative_pronouns
        ):
            return None
        i += 1
    return None


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
    # « a parlé d'une « trahison » des promesses »: quoted words inside a noun phrase
    # object are a claim of their own; « s'est dit « confiant » dans la capacité du pays
    # à … » goes on with the clause
    before = ctx.token_at(skip_back(ctx.text, quote.open, INLINE_SPACE) - 1)
    in_noun_phrase = before is not None and before.pos_ == "DET"
    if not in_noun_phrase and _continues_quote(ctx, quote, end):
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
        # « …, évoquant l'opération « Frontière verte » »: another reporting verb's
        # complement, or a name after a noun of titles (« qui aurait « … » », « tout en
        # refusant de « … » » go on with this one)
        words = [t for t in ctx.char_span(quote.close, nxt.open) or () if t.is_alpha]
        if any(t.idx in ctx.any_cue_starts for t in words) or (
            words and words[-1].lower_ in ctx.patterns.title_words
        ):
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
        if q.open < sent_end:
            return [quote_candidate(ctx, q, COMME_INCISE, cue, cue.start_char, mention)]
    lead = ctx.char_span(sent_start, comme.idx) if comme.idx > sent_start else None
    if not any(t.pos_ in ("VERB", "AUX") for t in lead or ()):
        # « Comme l'a révélé Le Monde, le ministre a changé d'avis », « Dans le même
        # temps, et comme l'a repéré X, … »: the incise opens the sentence (after an
        # adjunct at most) and frames the clause after its comma
        comma = text.find(",", max(cue.end_char, mention.end if mention else 0), sent_end)
        if comma == -1:
            return []
        start = skip(text, comma + 1, INLINE_SPACE, sent_end)
        found = make_candidate(
            ctx,
            start,
            clause_end(ctx, start, sent_end),
            COMME_INCISE,
            cue,
            cue.start_char,
            mention,
        )
        return [found] if found else []
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
    # a clause of its own: three words, or two with a verb (« C'est fini, assure-t-elle »)
    words = text[sent_start:boundary].split(maxsplit=3)
    span = ctx.char_span(sent_start, boundary) if len(words) == 2 else None
    if len(words) < 2 or (
        len(words) == 2 and not any(t.pos_ in ("VERB", "AUX") for t in span or ())
    ):
        return []
    # the words after the verb are its subject, not its object: « …, a déclaré X », not
    # « des consommateurs qui, …, redoutent l'accentuation de … »
    if (
        mention is not None
        and mention.start > cue.start_char
        and not _subject_after(ctx, cue, mention)
    ):
        return []
    found = make_candidate(
        ctx, sent_start, boundary, POSTPOSED_CLAUSE, cue, cue.start_char, mention
    )
    if found is None:
        return []
    # « A, assure-t-il, et B »: the clause goes on after the incise, a second claim
    return [found, *_clause_after_incise(ctx, cue, mention)]


def _subject_after(ctx: ArticleContext, cue: Cue, mention: Mention) -> bool:
    """Whether words after a verb can be its inverted subject: not a complement with a
    preposition (« …, s'inquiètent des conséquences »), nor a noun the verb does not
    agree with (« …, redoutent l'accentuation »). (The parser's labels say little here:
    it often calls an inverted subject an object.)"""
    if mention.kind in ("pronoun", "name", "outlet"):
        return True
    token = ctx.token_at(mention.start)
    if token is None:
        return False
    if token.pos_ == "ADP":
        return False
    noun = token.head if token.dep_ == "det" else token
    verbs = [t for t in ctx.doc[cue.first : cue.last + 1] if t.pos_ in ("VERB", "AUX")]
    number = next((n for v in verbs for n in v.morph.get("Number")), None)
    said = next(iter(noun.morph.get("Number")), None)
    return number is None or said is None or number == said


#: « …, assure-t-il, et génère … »: a coordinated clause resuming after an incise.
_RESUMED = re.compile(r"\s*,\s*(?:et|mais|puis|ou)\s+(?=\S)", re.IGNORECASE)


def _clause_after_incise(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """The words after an incise that breaks an unquoted clause (« A, assure-t-il, et
    B »): B is the same speaker's, a claim of its own when it has a verb."""
    end = max(cue.end_char, mention.end if mention is not None else 0)
    resumed = _RESUMED.match(ctx.text, end)
    if resumed is None:
        return []
    start = resumed.end()
    stop = clause_end(ctx, start, ctx.sentence(start)[1])
    span = ctx.char_span(start, stop)
    if not any(t.pos_ in ("VERB", "AUX") for t in span or ()):
        return []
    found = make_candidate(ctx, start, stop, POSTPOSED_CLAUSE, cue, cue.start_char, mention)
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
    if cue.form in ("gerund", "purpose"):
        # « en invitant la cour à … », « promettant de ne pas « trahir » … », « soulignant
        # les « … » »: what the gerund itself frames, when the main clause names its
        # speaker (« En reconnaissant un « … », comme l'a dit X, le Kremlin cherche »
        # leaves the quotation to the incise)
        if mention is None:
            return []
        return _frame_after(ctx, cue, mention) or _quoted_complement(ctx, cue, mention)

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
    elif (
        cue.lemma in ctx.patterns.request and mention is not None and mention.start > cue.start_char
    ):
        # « sont appelés par les syndicats à voter contre », « a été conseillé par ses
        # proches de ne pas … »: the agent asks, its infinitive is the content
        nxt = _next_word(ctx, cue.last + 1)
        start = _addressed_infinitive(ctx, nxt) if nxt is not None else None
        if start is not None and start.idx > mention.start:
            if mention.end > start.idx - 2:
                # « par ses proches de ne pas … »: the agent ends before « de / à »
                words = [t for t in ctx.doc[cue.last + 1 : start.i - 1] if t.idx >= mention.start]
                mention = mention_from_tokens(ctx, words) or mention
            return _clause(ctx, cue, start.idx, CUE_INFINITIVE, mention)
    return _quoted_complement(ctx, cue, mention) or _colon_clause(ctx, cue, mention)


def _colon_clause(ctx: ArticleContext, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """« a annoncé la couleur : il manque 4 millions », « a tranché : le projet est
    abandonné »: an unquoted clause after a colon that closes the cue's clause (a few
    words of its own complement at most, no verb among them)."""
    text = ctx.text
    s_end = ctx.sentence(cue.start_char)[1]
    colon = text.find(":", cue.end_char, min(s_end, cue.end_char + 80))
    if colon == -1 or any(ch in text[cue.end_char : colon] for ch in '.;!?«»“”"\n'):
        return []
    between = ctx.char_span(cue.end_char, colon) if colon > cue.end_char else None
    if any(t.pos_ in ("VERB", "AUX") for t in between or ()):
        return []
    start = skip(text, colon + 1, INLINE_SPACE, s_end)
    if start >= s_end or text[start] in OPEN_MARKS:
        return []  # a quotation: the quotation rules' (cue-quote, verbless-quote)
    end = clause_end(ctx, start, s_end)
    span = ctx.char_span(start, end)
    if not any(t.pos_ in ("VERB", "AUX") for t in span or ()):
        return []
    found = make_candidate(ctx, start, end, CUE_QUE, cue, cue.start_char, mention)
    return [found] if found else []
