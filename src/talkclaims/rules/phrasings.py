"""Claims made without a reporting verb, or by the layout of the article.

« selon X » / « d'après X », « Pour <person>, … », appositive credits (« …, un chiffre
confirmé par les informations rapportées par TF1info »), block quotations (a
first-person paragraph followed by a line naming its speaker) and quotations that
continue the previous speaker's.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from talkclaims.rules.context import (
    TRAILING,
    Article,
    Candidate,
    Mention,
    make_candidate,
    quote_candidate,
)
from talkclaims.text.fold import fold
from talkclaims.text.sentences import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Token


def according_to_candidates(article: Article) -> list[Candidate]:
    """« selon X », « d'après X »: the clause they frame, with X as speaker."""
    patterns = article.patterns
    text = article.text
    words = sorted(patterns.according_to, key=len, reverse=True)
    regex = re.compile(r"(?<![\w’'])(" + "|".join(map(re.escape, words)) + r")(?![\w’'])", re.I)
    out: list[Candidate] = []
    for match in regex.finditer(text):
        if article.in_quote(match.start()):
            continue
        after = text[match.end() : match.end() + 30].lstrip()
        if any(fold(after).startswith(fold(w)) for w in patterns.according_to_not_before):
            continue
        sent_start, sent_end = article.sentence(match.start())
        np_start = match.end()
        while np_start < sent_end and text[np_start] in " \u00a0\u202f":
            np_start += 1
        np_end = phrase_end(article, np_start, sent_end)
        if np_end <= np_start:
            continue
        tokens = [t for t in (article.char_span(np_start, np_end) or []) if not t.is_space]
        mention = _according_mention(article, tokens)
        if mention is None:
            continue
        lead = text[sent_start : match.start()]
        lead_words = [w for w in re.split(r"[\s,]+", lead) if w]
        if len(lead_words) <= 2 and _only_connectors(lead_words):
            start = np_end
            while start < sent_end and text[start] in ", \u00a0\u202f":
                start += 1
            end = article.clause_end(start, sent_end)
        else:
            start = sent_start
            end = match.start()
            # « Même si X, selon Y, … »: the clause starts after its conjunction
            for conj in patterns.lead_conjunctions:
                if fold(text[start : start + len(conj) + 1]) == fold(conj) + " ":
                    start += len(conj) + 1
                    break
        found = make_candidate(article, start, end, "selon", None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def orphan_quote_candidates(article: Article, taken: list[Candidate]) -> list[Candidate]:
    """« Elle hausse les épaules. « Les applaudissements, c'est agréable, mais … » »: a
    quotation of a whole sentence or more, with no verb to attribute it, right after a
    sentence whose subject is a named person, is that person's. Short quotations stay
    scare quotes; a quotation after a verbless sentence (« Witkoff et Kushner ? ») too."""
    out = []
    for quote in article.quotes:
        if any(c.start < quote.close and quote.open < c.end for c in taken + out):
            continue
        s_start, _ = article.sentence(quote.open)
        if s_start != quote.open or len(article.text[quote.start : quote.end].split()) < 8:
            continue
        q_end = article.sentence(quote.close - 1)[1]
        if article.text[quote.close : q_end].strip(TRAILING + "…!?"):
            continue
        here = article.sentence_index(quote.open)
        if here == 0:
            continue
        prev_start, prev_end = article.sentences[here - 1]
        span = article.char_span(prev_start, prev_end)
        subjects = [
            t
            for t in span or ()
            if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and not article.in_quote(t.idx)
        ]
        if not subjects:
            continue
        person = article.salient_person(quote.open, max_back=1)
        if person is None:
            continue
        mention = Mention(person, prev_start, prev_start, "name", person)
        found = quote_candidate(article, quote, "orphan-quote", None, quote.open, mention)
        found.zone = (quote.open, quote.open)
        out.append(found)
    return out


def headline_candidates(article: Article) -> list[Candidate]:
    """« Léa Fournier-Kassab : « J'ai mis dix ans à oser filmer ma mère » »: a paragraph
    opening with a name and a colon before a quotation (headlines, interview leads)."""
    out = []
    for p_start, p_end in article.paragraphs:
        colon = article.text.find(":", p_start, min(p_end, p_start + 60))
        if colon == -1:
            continue
        name = article.name_in(p_start, colon)
        if name is None or article.text[p_start:colon].strip() != name:
            continue
        quote = next((q for q in article.quotes if colon < q.open <= colon + 3), None)
        if quote is None:
            continue
        mention = Mention(name, p_start, p_start + len(name), "name", name)
        out.append(quote_candidate(article, quote, "headline-quote", None, p_start, mention))
    return out


def opinion_candidates(article: Article) -> list[Candidate]:
    """« Pour le neurologue Bernard Aulnay, l'étude souffre de … »: a person's view.

    Only when the phrase names a person: « Pour Washington, c'est un impératif » is
    the author's framing, not a claim.
    """
    text = article.text
    markers = sorted(article.patterns.opinion_markers, key=len, reverse=True)
    regex = re.compile(r"(?i:" + "|".join(map(re.escape, markers)) + r")\s+")
    out = []
    for s_start, s_end in article.sentences:
        match = regex.match(text, s_start, s_end)
        if match is None:
            continue
        np_end = phrase_end(article, match.end(), s_end)
        if np_end >= s_end or text[np_end : np_end + 1] != ",":
            continue
        tokens = [t for t in (article.char_span(match.end(), np_end) or []) if not t.is_space]
        mention = _according_mention(article, tokens)
        if mention is None or mention.kind not in ("name", "pronoun"):
            continue
        # a person for sure: known, or a first and last name (« Pour Washington » is a city)
        if mention.kind == "name" and not (
            article.index.known(mention.name or "") or len((mention.name or "").split()) > 1
        ):
            continue
        start = np_end + 1
        # « Pour X, professeur au CHU de Lille, l'étude … »: skip the apposition
        nxt = text.find(",", start, s_end)
        if (
            nxt != -1
            and article.name_in(match.end(), np_end)
            and _is_apposition(article, start, nxt)
        ):
            start = nxt + 1
        end = article.clause_end(start, s_end)
        found = make_candidate(article, start, end, "selon", None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def _is_apposition(article: Article, start: int, end: int) -> bool:
    """A verbless noun phrase (« professeur au CHU de Lille »)."""
    span = article.char_span(start, end)
    return (
        span is not None
        and 0 < len(span) <= 10
        and not any(t.pos_ in ("VERB", "AUX") for t in span)
    )


def _only_connectors(words: list[str]) -> bool:
    return all(
        fold(w)
        in (
            "de",
            "plus",
            "mais",
            "et",
            "or",
            "pourtant",
            "cependant",
            "toutefois",
            "enfin",
            "ainsi",
            "en",
            "outre",
            "par",
            "ailleurs",
            "donc",
        )
        for w in words
    )


def phrase_end(article: Article, start: int, limit: int) -> int:
    """End of the noun phrase after « selon »: the next comma, or the apposition of a name."""
    text = article.text
    i = start
    while (
        i < limit
        and text[i] not in ",;:.)("
        and not text.startswith(" –", i)
        and not text.startswith(" —", i)
    ):
        i += 1
    if i < limit and text[i] == ",":
        # « selon l'envoyé spécial du président américain, Steve Witkoff. »
        j = i + 1
        k = j
        while k < limit and text[k] not in ",;:.()":
            k += 1
        tail = text[j:k].strip()
        name = article.name_in(j, k)
        if name is not None and fold(tail) == fold(name) and (k >= limit - 1 or text[k] in ".,"):
            return k
    while i > start and text[i - 1] in " \u00a0\u202f":
        i -= 1
    return i


def _according_mention(article: Article, tokens: list[Token]) -> Mention | None:
    """Speaker of a « selon » phrase: a person named in it, else the outlet at the end of
    its agent chain (« les données rapportées par Le Monde »), else the phrase itself."""
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = article.text[start:end]
    name = article.name_in(start, end)
    if name is not None:
        return Mention(text, start, end, "name", name)
    outlets = [o for o in article.outlets if start <= o.start and o.end <= end]
    if outlets:
        return Mention(text, start, end, "outlet", outlets[-1].name)
    if re.match(r"(?:Le|La|Les|L['’])\s*[A-ZÀ-Ý]", text):
        # « selon Le Film français »: a title with a capitalised article is a publication
        return Mention(text, start, end, "outlet", text)
    # drop the agent chain and complements after the head noun for the description
    return article.mention_from_tokens(tokens)


def appositive_candidates(article: Article) -> list[Candidate]:
    """« X, un chiffre confirmé par les informations rapportées par TF1info. »"""
    heads = "|".join(map(re.escape, article.patterns.appositive_heads))
    regex = re.compile(r",\s+(?:un|une|le|la|les|des|ce|cette)\s+(?:" + heads + r")\b")
    out = []
    for match in regex.finditer(article.text):
        if article.in_quote(match.start()):
            continue
        sent_start, sent_end = article.sentence(match.start())
        cues = [
            c
            for c in article.cues
            if match.end() <= c.start_char < sent_end and c.form == "participle"
        ]
        agents = []
        for cue in cues:
            nxt = cue.last + 1
            if nxt < len(article.doc) and article.doc[nxt].lower_ in article.patterns.agent_markers:
                agents.append((cue, article.grab_noun_phrase(nxt + 1)))
        if not agents:
            continue
        cue, tokens = agents[-1]
        mention = article.mention_from_tokens(tokens)
        found = make_candidate(
            article, sent_start, match.start(), "appositive-agent", cue, cue.start_char, mention
        )
        if found is not None:
            out.append(found)
    return out


def block_quotes(article: Article) -> list[Candidate]:
    """A first-person paragraph with no marks, followed by a short line naming its speaker."""
    paras = list(paragraphs(article.text))
    out = []
    for (p_start, p_end), (n_start, n_end) in itertools.pairwise(paras):
        if any(p_start <= q.open < p_end for q in article.quotes):
            continue
        span = article.char_span(p_start, p_end)
        line = article.char_span(n_start, n_end)
        if span is None or line is None or len(line) > 12 or len(span) < 6:
            continue
        if not any(t.lower_ in article.patterns.first_person for t in span):
            continue
        if any("Fin" in t.morph.get("VerbForm") for t in line):
            continue
        lead = n_start
        while lead < n_end and article.text[lead] in "—–- \u00a0":
            lead += 1
        name = article.name_in(lead, n_end)
        if name is None or not article.text[lead:n_end].startswith(name):
            continue
        mention = Mention(article.text[lead:n_end], lead, n_end, "name", name)
        s, e = article.trim(p_start, p_end)
        # the final full stop belongs to the quotation here: it is set off, not embedded
        if article.text[e : e + 1] in ".!?…":
            e += 1
        out.append(
            Candidate(s, e, "direct", "block-quote", None, n_start, (n_start, n_end), mention)
        )
    return out


def continuation_candidates(article: Article, taken: list[Candidate]) -> list[Candidate]:
    """A quotation opening the sentence after an attributed one, with no new speaker."""
    out = []
    quote_rules = {"postposed-quote", "cue-quote", "cue-que", "comme-incise", "quote-continuation"}
    ordered = sorted(taken, key=lambda c: c.start)
    for quote in article.quotes:
        if any(
            c.start <= quote.start < c.end or quote.start <= c.start < quote.end
            for c in taken + out
        ):
            continue
        s_start, _ = article.sentence(quote.open)
        if s_start != quote.open:
            continue
        previous = [
            c
            for c in ordered + out
            if c.end <= quote.open and c.kind == "direct" and c.rule in quote_rules
        ]
        if not previous:
            continue
        prev = max(previous, key=lambda c: c.end)
        p_start, _ = article.paragraph(quote.open)
        if prev.start < p_start:
            continue
        between = article.text[max(prev.end, prev.at) : quote.open]
        if any(q.open >= max(prev.end, prev.at) and q.close <= quote.open for q in article.quotes):
            continue
        # only the attribution of the previous quotation stands between them
        if len(re.findall(r"[.!?…]", between)) > 1 or len(between) > 200:
            continue
        # the quotation is a sentence of its own: nothing but punctuation after it
        q_end = article.sentence(quote.close - 1)[1]
        if article.text[quote.close : q_end].strip(TRAILING + "…!?"):
            continue
        found = quote_candidate(article, quote, "quote-continuation", None, prev.at, prev.mention)
        found.cue = prev.cue
        found.speaker, found.speaker_kind = prev.speaker, prev.speaker_kind
        found.zone = (quote.open, quote.open)
        out.append(found)
    return out
