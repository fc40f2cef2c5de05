"""What one reporting verb reports: its frames, tried in order.

A cue reports the clause after « que », a quotation it introduces (« a déclaré : « … » »,
« a dénoncé une « … » »), an infinitive, an attribute or an indirect question, the
words before it when it is postposed (« « … », a-t-il ajouté »), or what a « comme »
incise frames. An incise inside a quotation splits it in two claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.context import (
    CLOSE_MARKS,
    NOT_COMPLEMENTISER,
    QUE_WORDS,
    TRAILING,
    Article,
    Candidate,
    Mention,
    make_candidate,
    preceding_char,
    quote_candidate,
)
from talkclaims.rules.cues import Cue
from talkclaims.rules.subjects import own_subject, speaker_words
from talkclaims.text.fold import fold
from talkclaims.text.quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words that may stand between a cue and its infinitive.
_BEFORE_INFINITIVE = {
    "ne", "n'", "n’", "de", "d'", "d’", "pas", "plus", "jamais", "en", "y", "le", "la", "les",
    "l'", "l’", "lui", "leur", "se", "s'", "s’",
}  # fmt: skip


def _next_word(article: Article, i: int) -> Token | None:
    """The next word, over adverbs (« a par ailleurs jugé ») but not « ne » or « comment »."""
    doc = article.doc
    keep = {"ne", "n'", "n’", *article.patterns.question_words}
    while i < len(doc) and (
        doc[i].is_space or (doc[i].pos_ == "ADV" and doc[i].lower_ not in keep)
    ):
        i += 1
    return doc[i] if i < len(doc) else None


def _que_after(article: Article, cue: Cue) -> Token | None:
    """The « que » opening the cue's clause: its ccomp's mark, or a « que » a few words on."""
    doc = article.doc

    def complementiser(t: Token) -> Token | None:
        if t.lower_ == "qu" and t.i + 1 < len(doc) and doc[t.i + 1].text in ("'", "’"):
            return doc[t.i + 1]  # « qu' « on avait » »: the apostrophe split off
        if t.lower_ not in QUE_WORDS:
            return None
        # « parce que », « alors que », « bien que » open the author's clause, not the cue's
        if t.i > 0 and doc[t.i - 1].lower_ in NOT_COMPLEMENTISER:
            return None
        return t

    for child in cue.token.children:
        if child.dep_ in ("ccomp", "advcl", "obj") and child.i > cue.token.i:
            for grand in child.children:
                if grand.i > cue.last and grand.i - cue.last <= 8 and complementiser(grand):
                    return complementiser(grand)
    for i in range(cue.last + 1, min(cue.last + 9, len(doc))):
        t = doc[i]
        if t.lower_ in QUE_WORDS or t.lower_ == "qu":
            return complementiser(t)
        if t.pos_ in ("VERB", "AUX") or t.text in '.;«»“”"' or t.is_space:
            return None
    return None


def _quote_after(article: Article, cue: Cue, mention: Mention | None) -> Quote | None:
    """A quotation that the cue introduces: « a déclaré : « … » », « comme l'a dit X, « … » »."""
    text = article.text
    end = cue.end_char
    if mention is not None and mention.start >= end:
        end = mention.end
    for quote in article.quotes:
        if quote.open < end:
            continue
        gap = text[end : quote.open]
        if "\n" in gap or any(ch in gap for ch in ".;!?«»“”"):
            return None
        # « a déclaré : « … » », « a dénoncé une « … » », « a appelé la Chine à « … » »:
        # a few words of the cue's own complement, no other verb and no new clause
        span = article.char_span(end, quote.open) if gap.strip() else None
        words = [t for t in span or () if not t.is_punct and not t.is_space]
        # a comma after words closes the cue's clause (« considérera X comme Y, la « … » »)
        if len(words) > 6 or (words and "," in gap):
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in QUE_WORDS | {"si", "qui"} for t in words):
            return None
        return quote
    return None


def _agent_after(article: Article, pos: int) -> Mention | None:
    """« … » par l'opposition: the agent of a passive cue, written after its quotation."""
    while pos < len(article.text) and article.text[pos] in " \u00a0\u202f":
        pos += 1
    token = article.token_at(pos)
    while (
        token is not None and (token.is_punct or token.is_space) and token.i + 1 < len(article.doc)
    ):
        token = article.doc[token.i + 1]
    if token is None or token.lower_ not in article.patterns.agent_markers:
        return None
    return article.mention_from_tokens(article.grab_noun_phrase(token.i + 1))


def _continues_quote(article: Article, quote: Quote, end: int) -> bool:
    """Whether the words after a quotation complete it (« « confiant » dans la capacité du
    pays à … ») rather than the verb (« jugées « irréalistes » lors du débat »)."""
    if not article.text[quote.close : end].strip(TRAILING + "…!?"):
        return False
    span = article.char_span(quote.close, end)
    words = [t for t in span or () if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    head = first.head if first.dep_ in ("case", "mark", "det") else first
    head = head.head if head.dep_ not in ("ROOT",) else head
    return quote.start <= head.idx < quote.end


def _quote_before(article: Article, pos: int, max_gap: int = 4) -> Quote | None:
    """A quotation closing just before ``pos`` (« « … », a-t-il dit »)."""
    for quote in reversed(article.quotes):
        if quote.close <= pos:
            gap = article.text[quote.close : pos]
            if "\n" not in gap and len(gap.strip(" ,\u00a0\u202f–—")) == 0 and len(gap) <= max_gap:
                return quote
            if "\n" not in gap and len(gap.split()) <= 3 and not any(ch in gap for ch in ".;:"):
                return quote if max_gap > 4 else None
            return None
    return None


def _clause(
    article: Article, cue: Cue, start: int, rule: str, mention: Mention | None
) -> list[Candidate]:
    """One candidate for the clause from ``start`` to where it stops."""
    end = article.clause_end(start, article.sentence(start)[1])
    found = make_candidate(article, start, end, rule, cue, cue.start_char, mention)
    return [found] if found else []


def _frame_after(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """Content after an active cue: « que … », a question, an infinitive, an attribute
    (« juge prématuré de »), or the whole complement of « qualifier », « accuser »."""
    patterns = article.patterns
    doc = article.doc
    lemma = cue.lemma
    nxt = _next_word(article, cue.last + 1)
    if nxt is None or (nxt.is_punct and not nxt.is_quote):
        return []
    if lemma in patterns.complement:
        # « a qualifié ces exercices de « … » », « accuse la majorité d'avoir … »
        return _clause(article, cue, nxt.idx, "cue-attribute", mention)
    rest = fold(article.text[nxt.idx : nxt.idx + 12])
    if lemma in patterns.question and any(
        rest.startswith(fold(w)) and not rest[len(w) : len(w) + 1].isalpha()
        for w in patterns.question_words
    ):
        return _clause(article, cue, nxt.idx, "cue-question", mention)
    inf = nxt
    # « affirme ne pas avoir », « assure n'en avoir », « s'excuse d'avoir »
    while inf.lower_ in _BEFORE_INFINITIVE and inf.i + 1 < len(doc):
        inf = _next_word(article, inf.i + 1) or inf
        if inf.i == nxt.i:
            break
    if lemma in patterns.infinitive and "Inf" in inf.morph.get("VerbForm"):
        return _clause(article, cue, nxt.idx, "cue-infinitive", mention)
    adj = nxt
    if adj.lower_ in ("de", "d'", "d’") and adj.i + 1 < len(doc):
        adj = doc[adj.i + 1]
    if adj.is_quote and adj.i + 1 < len(doc):  # « juge “prématuré” de … »
        adj = doc[adj.i + 1]
    if lemma in patterns.attribute and adj.pos_ == "ADJ":
        return _clause(article, cue, nxt.idx, "cue-attribute", mention)
    return []


def _quoted_complement(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """A quotation the cue introduces: « a déclaré : « … » », « a dénoncé une « … » »,
    passive « ont été qualifiées de « … » (par X) »."""
    quote = _quote_after(article, cue, mention)
    if quote is None:
        return []
    end = article.clause_end(quote.close, article.sentence(quote.close - 1)[1])
    agent = _agent_after(article, quote.close)
    if agent is not None:  # « … » par l'opposition
        return [quote_candidate(article, quote, "cue-quote", cue, cue.start_char, agent)]
    if _continues_quote(article, quote, end):
        # « s'est dit « confiant » dans la capacité du pays à … »: the clause goes on
        found = make_candidate(article, quote.open, end, "cue-quote", cue, cue.start_char, mention)
        return [found] if found else []
    return [quote_candidate(article, quote, "cue-quote", cue, cue.start_char, mention)]


def _comme_incise(
    article: Article, cue: Cue, comme: Token, mention: Mention | None
) -> list[Candidate]:
    """« comme l'a dit X, « … » », « un « … » en cours, comme l'a dit X », « …, comme il
    l'a dit »."""
    text = article.text
    sent_start, sent_end = article.sentence(cue.start_char)
    after = _quote_after(article, cue, mention)
    if after is not None:
        return [quote_candidate(article, after, "comme-incise", cue, cue.start_char, mention)]
    quote = _quote_before(article, comme.idx, max_gap=30)
    if quote is not None and quote.open >= sent_start:
        return [quote_candidate(article, quote, "comme-incise", cue, cue.start_char, mention)]
    after_incise = article.clause_end(cue.end_char, sent_end)
    for q in article.quotes:
        if after_incise <= q.open <= after_incise + 4 and q.open < sent_end + 2:
            return [quote_candidate(article, q, "comme-incise", cue, cue.start_char, mention)]
    boundary = comme.idx
    while boundary > sent_start and text[boundary - 1] in " ,–—\u00a0\u202f":
        boundary -= 1
    found = make_candidate(
        article, sent_start, boundary, "comme-incise", cue, cue.start_char, mention
    )
    return [found] if found else []


def _postposed(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """« « … », a-t-il ajouté » and « …, a déclaré X au journal Y »: the words before."""
    text = article.text
    sent_start, _ = article.sentence(cue.start_char)
    quote = _quote_before(article, cue.start_char)
    if quote is not None:
        return [quote_candidate(article, quote, "postposed-quote", cue, cue.start_char, mention)]
    boundary = cue.start_char
    while boundary > sent_start and text[boundary - 1] in " ,–—\u00a0\u202f":
        boundary -= 1
    if len(text[sent_start:boundary].split()) < 3:
        return []
    found = make_candidate(
        article, sent_start, boundary, "postposed-clause", cue, cue.start_char, mention
    )
    return [found] if found else []


def cue_candidates(article: Article, cue: Cue) -> list[Candidate]:
    """The claims one reporting verb makes, trying its frames in order."""
    doc = article.doc
    mention = speaker_words(article, cue)

    que = _que_after(article, cue)
    if que is not None:
        return _clause(article, cue, que.idx + len(que.text), "cue-que", mention)
    if cue.form == "gerund":
        return []

    lead = cue.first - 1
    if lead > 0 and doc[lead].lower_ in article.patterns.pronouns:
        lead -= 1  # « comme il l'a répété »
    if lead >= 0 and doc[lead].lower_ == "comme":
        return _comme_incise(article, cue, doc[lead], mention)

    # postposed: « …, a déclaré X » / « « … », a-t-il ajouté »: no subject of its own
    # before the verb (clitics, quoted words and other clauses' subjects do not count)
    postposed = (
        cue.form in ("finite", "compound")
        and preceding_char(article, cue.start_char) in ",–—" + CLOSE_MARKS
    ) and not any(
        c.dep_.startswith("nsubj") and c.i < cue.first and own_subject(article, cue, c)
        for c in cue.token.children
    )
    if postposed:
        return _postposed(article, cue, mention)
    if cue.form == "participle":
        # « la « fenêtre stratégique » évoquée par certains responsables »
        quote = _quote_before(article, cue.start_char, max_gap=2)
        if quote is None or mention is None:
            return []
        return [quote_candidate(article, quote, "participle-agent", cue, cue.start_char, mention)]
    if cue.form != "passive":
        found = _frame_after(article, cue, mention)
        if found:
            return found
    return _quoted_complement(article, cue, mention)


def incise_candidates(article: Article) -> list[Candidate]:
    """« C'est une mesure de justice, a-t-elle ajouté. Personne ne doit … »: two claims."""
    text = article.text
    out: list[Candidate] = []
    for cue in article.quoted_cues:
        quote = article.in_quote(cue.token.idx)
        if quote is None or preceding_char(article, cue.start_char) != ",":
            continue
        mention = speaker_words(article, cue)
        end = mention.end if mention is not None and mention.start >= cue.end_char else cue.end_char
        k = end
        while k < quote.end and text[k] in " \u00a0\u202f":
            k += 1
        if k >= quote.end or text[k] not in ",.":
            continue
        if len(article.doc[cue.first : cue.last + 1]) > 6 or (end - cue.start_char) > 80:
            continue
        comma = text.rfind(",", quote.start, cue.start_char)
        parts = [(quote.start, comma), (k + 1, quote.end)]
        for s, e in parts:
            s, e = article.trim(s, e)
            if e - s < 2:
                continue
            zone = article.sentence(s)[0], article.sentence(max(s, e - 1))[1]
            if text[e : e + 1] in ".!?…" and e + 1 <= quote.end:
                e += 1  # a full sentence of the quotation keeps its full stop
            out.append(
                Candidate(s, e, "direct", "incise-quote", cue.lemma, cue.start_char, zone, mention)
            )
    return out
