"""Rule families ``verbless-quote`` and ``unattributed-quote``: the quotation-first path.

Real news quotes people without a reporting verb: after a colon (« Le maire a tenu à
rassurer : « … » », « Marc Lefèvre, l'entraîneur : « … » »), one quotation after another
in a portrait, a quotation continuing the words of the speaker before. Every quotation
no other rule took is judged here: a person's words (a sentence or a clause: a verb and
a few words, or many words) or a term, a title, a scare quote (few words, no verb, or
after a noun that names a work or an operation: « le film « … » »). A person's words get
the speaker the passage makes clear, in this order:

1. the subject or the name of the words before a colon that introduces the quotation;
2. a name credited after it at the end of its line (« « … » (Cheikh Ndour) », headlines);
3. the person of a label line above its paragraph (digests of reactions);
4. the subject of the sentence before (a name, a pronoun, a description of someone);
5. the speaker of a claim just before, in the same passage, with nobody new named
   between (the words go on);
6. the person the next sentence names, when the quotation opens its paragraph;
7. for words in the first person, the person the headline names if they have spoken,
   else the person who has spoken most so far (portraits);

or none: they are still reported, under ``unattributed-quote``, with no speaker, so that
no person's words are lost (and ``check --require speaker`` can flag them).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, quote_candidate
from talkclaims.rules.cues import verb_lemmas
from talkclaims.rules.families import POSTPOSED_UNLISTED, UNATTRIBUTED_QUOTE, VERBLESS_QUOTE
from talkclaims.rules.found import Mention
from talkclaims.rules.layout import speaker_label
from talkclaims.rules.mentions import mention_from_tokens, noun_phrase
from talkclaims.rules.names import persons_between
from talkclaims.rules.subjects import apposed_name
from talkclaims.text.spans import BLANK, SpanSet

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.speakers import PeopleTracker
    from talkclaims.text.quotes import Quote

#: A colon right after a quotation: « « … » : Name … ».
_COLON_AFTER = re.compile(r"[\s\u00a0\u202f]*:[\s\u00a0\u202f]*")
#: A quotation of at least this many words is a person's words even with no verb.
LONG_QUOTE = 8
#: With a verb, or after a colon, this many words are enough.
SHORT_QUOTE = 3
_WORD = re.compile(r"\w+")


def propose(ctx: ArticleContext, taken: list[Candidate], people: PeopleTracker) -> list[Candidate]:
    """Every quotation still free that gives a person's words, with the speaker the
    passage makes clear, or none."""
    out: list[Candidate] = []
    claimed = sorted(taken, key=lambda c: c.start)
    busy = SpanSet((c.start, c.end) for c in claimed)  # what a claim holds, out's too
    for quote in ctx.quotes:
        if busy.overlaps(quote.open, quote.close):
            continue
        incise = _incise_after(ctx, quote)
        if incise is not None:
            mention, cue, cue_span = incise
            if mention.text.lower() == "on":  # « a-t-on appris »: nobody is named
                cand = quote_candidate(ctx, quote, UNATTRIBUTED_QUOTE, None, quote.open, None)
            else:
                cand = quote_candidate(ctx, quote, POSTPOSED_UNLISTED, None, mention.start, mention)
            out.append(replace(cand, cue=cue, cue_span=cue_span))
            busy.add(out[-1].start, out[-1].end)
            continue
        colon = _colon_before(ctx, quote)
        if not _persons_words(ctx, quote, colon):
            continue
        found = _speaker(ctx, quote, colon, claimed + out, people)
        if found is None:
            # no speaker the passage makes clear: reported all the same when the text
            # presents it as words (« … : « … » », « « … », a-t-on appris »), so that
            # no person's words are lost
            if colon is not None:
                out.append(quote_candidate(ctx, quote, UNATTRIBUTED_QUOTE, None, quote.open, None))
                busy.add(out[-1].start, out[-1].end)
            continue
        mention, speaker, kind = found
        cand = quote_candidate(ctx, quote, VERBLESS_QUOTE, None, mention.start, mention)
        verb = _verb_before_colon(ctx, colon) if colon is not None else None
        if verb is not None:
            cand = replace(cand, cue=verb[0], cue_span=verb[1])
        if speaker is not None:
            cand = replace(cand, speaker=speaker, speaker_kind=kind)
        out.append(cand)
        busy.add(cand.start, cand.end)
    return out


#: After a quotation: « …, juge Marie Dupont », « …, tacle-t-il », « …, a-t-elle ironisé ».
_INCISE = re.compile(
    r"[,!?…]\s*(?:[,–—]\s*)?"
    r"(?:(?P<aux>a|ont|avait|avaient|aurait)-t-(?P<pron1>il|elle|ils|elles|on)\s+(?P<part>\w+)"
    r"|(?:s[’']|se\s|s’en\s|s'en\s)?(?P<inv>\w+?)(?:-t)?-(?P<pron2>il|elle|ils|elles|on)\b"
    r"|(?:(?:a|ont|avait)\s+)?(?:s[’']|se\s)?(?P<verb>\w+)\s+(?P<subj>[^,;:.!?«»“”\n]{2,80}))"
)


def _incise_after(
    ctx: ArticleContext, quote: Quote
) -> tuple[Mention, str | None, tuple[int, int]] | None:
    """An incise after a quotation whose verb the lexicon does not list or the tagger
    misread (« « … », juge Marie Dupont »): (speaker words, cue lemma, verb span)."""
    text = ctx.text
    found = _INCISE.match(text, quote.close)
    if found is None or found.start() - quote.close > 2:
        return None
    verb_group = next(g for g in ("part", "inv", "verb") if found.group(g))
    verb_start = found.start(verb_group)
    token = ctx.token_at(verb_start)
    if token is None or not token.text[:1].islower():
        return None
    if token.pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PRON", "ADV", "PUNCT", "NUM"):
        return None
    cue = _lemma(ctx, token)
    if found.group("pron1") or found.group("pron2"):
        pron = "pron1" if found.group("pron1") else "pron2"
        mention = Mention(found.group(pron), found.start(pron), found.end(pron), "pronoun")
    else:
        if cue is None:
            return None  # « …, dit le texte » with no verb of the lexicon: too loose
        start = found.start("subj")
        span = ctx.char_span(start, found.end("subj"))
        words = [t for t in span or () if not t.is_space]
        first = words[0] if words else None
        if first is None or not (
            first.text[:1].isupper()
            or first.lower_ in ctx.grammar.definite_articles
            or first.lower_ in ("un", "une")
        ):
            return None
        mention = mention_from_tokens(ctx, words)
        if mention is None or (
            mention.kind == "other" and not any(t.text[:1].isupper() for t in words)
        ):
            return None
    end = ctx.sentence(quote.close - 1)[1]
    if found.end() > end + 1:
        return None
    return mention, cue, (verb_start, found.end(verb_group))


def _lemma(ctx: ArticleContext, token: Token) -> str | None:
    """The reporting verb a form is, read as a verb even when tagged as a noun (« juge »,
    « tacle », « martèle »): the first reading `verb_lemmas` gives, or the form with its
    grave accent opened (« martèle » → marteler), that the lexicon has."""
    verbs = ctx.patterns.verbs
    guesses = (*verb_lemmas(token, ctx.grammar), token.lower_.replace("è", "e") + "r")
    return next((guess for guess in guesses if guess in verbs), None)


def _colon_before(ctx: ArticleContext, quote: Quote) -> int | None:
    """Where the colon introducing the quotation is (« … : « … » »), if there is one."""
    i = quote.open - 1
    while i >= 0 and ctx.text[i] in BLANK:
        i -= 1
    return i if i >= 0 and ctx.text[i] == ":" else None


def _persons_words(ctx: ArticleContext, quote: Quote, colon: int | None) -> bool:
    """A sentence or clause someone said, not a term, a title or a scare quote."""
    words = _WORD.findall(ctx.text[quote.start : quote.end])
    if len(words) < 2:
        return False
    if _after_title_word(ctx, quote):
        return False
    # « la vague promesse d'un « … » », « le « chien qui n'a pas aboyé » »: a quotation
    # inside a noun phrase is a phrase cited, not a sentence someone said
    if colon is None and _after_determiner(ctx, quote):
        return False
    if len(words) >= LONG_QUOTE:
        return True
    span = ctx.char_span(quote.start, quote.end)
    has_verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
    if colon is not None:
        return has_verb or len(words) >= SHORT_QUOTE
    # a clause of its own: a verb, a few words, and it stands as a sentence (its first
    # word capitalised, or it opens the sentence)
    opens = (
        ctx.sentence(quote.open)[0] == quote.open
        or ctx.text[quote.start : quote.start + 1].isupper()
    )
    return has_verb and len(words) >= SHORT_QUOTE and opens


def _after_determiner(ctx: ArticleContext, quote: Quote) -> bool:
    i = quote.open - 1
    while i >= 0 and ctx.text[i] in BLANK:
        i -= 1
    token = ctx.token_at(i) if i >= 0 else None
    return token is not None and (
        token.pos_ == "DET" or token.lower_ in ctx.grammar.definite_articles
    )


def _after_title_word(ctx: ArticleContext, quote: Quote) -> bool:
    """« le film « … » », « l'opération « … » », « baptisé « … » »: a name, not words."""
    before = ctx.text[max(0, quote.open - 40) : quote.open]
    words = re.search(r"([\w’'-]+)[\s\u00a0\u202f]*$", before)
    return words is not None and words.group(1).lower() in ctx.patterns.title_words


def _speaker(
    ctx: ArticleContext,
    quote: Quote,
    colon: int | None,
    claimed: list[Candidate],
    people: PeopleTracker,
) -> tuple[Mention, str | None, str | None] | None:
    """(mention, speaker, speaker kind) of a quotation with no verb, None when the
    passage does not say."""
    if colon is not None:
        mention = _before_colon(ctx, colon)
        if mention is not None:
            return mention, None, None
    trailing = _trailing_credit(ctx, quote)
    if trailing is not None:
        return trailing, None, None
    # « « Ce sont les joueurs qui gagnent. » : René Weiler la jouait modeste »: a colon
    # after the quotation, then the person it introduces
    after = _COLON_AFTER.match(ctx.text, quote.close + 1)
    if after is not None:
        named = next(iter(persons_between(ctx.persons, after.end(), after.end() + 4)), None)
        if named is not None:
            mention = Mention(named.name, named.start, named.start, "name", named.name)
            return mention, named.name, "name"
    here = ctx.sentence_index(quote.open)
    p_start, _ = ctx.paragraph(quote.open)
    label = speaker_label(ctx, p_start)
    if label is not None:
        return label, None, None
    previous_paragraph = ctx.paragraph(p_start - 2)[0] if p_start >= 2 else p_start
    if here > 0:
        prev_start, prev_end = ctx.sentences[here - 1]
        span = ctx.char_span(prev_start, prev_end)
        subjects = [
            t
            for t in span or ()
            if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and not ctx.in_quote(t.idx)
        ]
        # a name there that is a subject (« auprès du violoncelliste X » is not)
        person = people.salient(quote.open, max_back=1) if subjects else None
        if person is not None and not any(
            m.subject and m.name == person
            for m in persons_between(people.persons, prev_start, quote.open)
        ):
            person = None
        if person is not None:
            return Mention(person, prev_start, prev_start, "name", person), person, "name"
        # « La ministre a défendu son texte. « Nous irons au bout. » »: the subject of
        # the sentence before, when it is someone (a description or a pronoun)
        if subjects and ctx.paragraph(prev_start)[0] >= previous_paragraph:
            mention = mention_from_tokens(ctx, noun_phrase(subjects[0], ctx.grammar))
            if mention is not None and (
                mention.kind in ("description", "pronoun", "name")
                or (mention.kind == "other" and _someone(ctx, subjects[0]))
            ):
                return mention, None, None
    before = [
        c for c in claimed if c.end <= quote.open and c.speaker and c.start >= previous_paragraph
    ]
    if before:
        prev = max(before, key=lambda c: c.end)
        # (the previous claim's own speaker named after its words, « …, selon X », is
        # not someone new, within a paragraph)
        same_paragraph = ctx.paragraph(prev.end)[0] == p_start
        if here - ctx.sentence_index(prev.end - 1) <= 2 and not _names_someone_between(
            ctx, prev.end, quote.open, prev.speaker if same_paragraph else None
        ):
            anchor = prev.mention or Mention(prev.speaker or "", prev.at, prev.at, "name")
            return anchor, prev.speaker, prev.speaker_kind
    # « « Je joue comme je parle. » La phrase fait sourire Inès Achour »: a quotation
    # opening its paragraph, the person the next sentence names
    if quote.open == p_start or ctx.text[p_start : quote.open].strip() == "":
        _, s_end = ctx.sentence(quote.close - 1)
        if s_end <= ctx.paragraph(quote.open)[1]:
            after = ctx.sentence(min(s_end + 1, len(ctx.text) - 1))
            if after[0] >= quote.close and ctx.paragraph(after[0])[0] == p_start:
                named = persons_between(ctx.persons, after[0], after[1])
                if named:
                    who = named[0]
                    return (
                        Mention(who.name, who.start, who.start, "name", who.name),
                        who.name,
                        "name",
                    )
    # words in the first person in a portrait or an interview: the person who has
    # spoken most so far
    if _first_person(ctx, quote):
        speakers = [c.speaker for c in claimed if c.end <= quote.open and c.speaker]
        named = set(ctx.article_names)
        speakers = [s for s in speakers if s in named]
        if speakers:
            # the person the headline names, when they have spoken: a portrait's subject
            head_end = ctx.paragraphs[0][1] if ctx.paragraphs else 0
            headline = {m.name for m in persons_between(ctx.persons, 0, head_end)}
            who = max(
                set(speakers),
                key=lambda s: (s in headline, speakers.count(s), -speakers[::-1].index(s)),
            )
            return Mention(who, quote.open, quote.open, "name", who), who, "name"
    return None


def _someone(ctx: ArticleContext, head: Token) -> bool:
    """A subject that is a person: a proper noun, or a noun of the role lists (« un
    médecin urgentiste », « Jacqueline, 78 ans »)."""
    return head.pos_ == "PROPN" or head.lower_ in ctx.patterns.role_nouns


def _first_person(ctx: ArticleContext, quote: Quote) -> bool:
    span = ctx.char_span(quote.start, quote.end)
    return any(t.lower_ in ctx.patterns.first_person for t in span or ())


#: « « … » (Cheikh Ndour) », « « … » – Ouchakov »: a credit closing the line.
_TRAILING = re.compile(r"[\s,.!?…]*(?:\(([^()\n]{2,80})\)|[–—-]\s+([^\n–—]{2,60}?))[\s.]*(?:\n|$)")


def _trailing_credit(ctx: ArticleContext, quote: Quote) -> Mention | None:
    """The person named after a quotation at the end of its line, in brackets or after
    a dash, as headlines and captions credit words (« « … » (le gouverneur) »)."""
    found = _TRAILING.match(ctx.text, quote.close + 1)
    if found is None:
        return None
    group = 1 if found.group(1) else 2
    start, end = found.start(group), found.end(group)
    span = ctx.char_span(start, end)
    words = [t for t in span or () if not t.is_space]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    mention = mention_from_tokens(ctx, words)
    if mention is None or mention.kind not in ("name", "description", "outlet"):
        return None
    return mention


def _names_someone_between(
    ctx: ArticleContext, start: int, end: int, speaker: str | None = None
) -> bool:
    """A new person named between two quotations, other than ``speaker``: the second is
    not the first's."""
    return any(p.name != speaker for p in persons_between(ctx.persons, start, end))


def _before_colon(ctx: ArticleContext, colon: int) -> Mention | None:
    """Who speaks in the words before a colon: a label that is a name (« Marc Lefèvre,
    l'entraîneur : », « Lefèvre (Nantes) : »), else the subject of their verb (« Le
    maire a tenu à rassurer les habitants : »)."""
    s_start = ctx.sentence(colon)[0]
    p_start = ctx.paragraph(colon)[0]
    start = max(s_start, p_start)
    head = ctx.text[start:colon]
    if not head.strip() or len(head) > 300:
        return None
    name = ctx.name_in(start, colon)
    lead = head.lstrip()
    if name is not None and lead.startswith(name):
        at = start + (len(head) - len(lead))
        return Mention(name, at, at + len(name), "name", name)
    span = ctx.char_span(start, colon)
    if span is None:
        return None
    subjects = [
        t
        for t in span
        if t.dep_ in ("nsubj", "nsubj:pass")
        and t.head.pos_ in ("VERB", "AUX")
        and t.head.i >= span.start
        and not ctx.in_quote(t.idx)
    ]
    if not subjects:
        return None
    words = noun_phrase(subjects[0], ctx.grammar)
    mention = mention_from_tokens(ctx, words) if words else None
    if mention is not None and mention.kind != "name":
        # « Le sélectionneur, Patrice Lanoë, savoure : « … » »: the apposed name
        mention = apposed_name(ctx, words[-1].i + 1) or mention
    return mention


def _verb_before_colon(ctx: ArticleContext, colon: int) -> tuple[str, tuple[int, int]] | None:
    """The reporting verb of the clause a colon ends (« Patrice Lanoë savoure au micro de
    beIN Sports : « … » »), when the lexicon knows it: (lemma, its span)."""
    start = max(ctx.sentence(colon)[0], ctx.paragraph(colon)[0])
    span = ctx.char_span(start, colon)
    for t in reversed(list(span or ())):
        if t.pos_ in ("VERB", "NOUN", "ADJ") and t.text[:1].islower() and not ctx.in_quote(t.idx):
            lemma = _lemma(ctx, t)
            if lemma is not None and (
                t.pos_ == "VERB" or t.dep_ in ("ROOT", "conj", "parataxis", "ccomp")
            ):
                return lemma, (t.idx, t.idx + len(t.text))
    return None
