"""Who each candidate's speaker is, resolved as a reader does, in reading order.

A name is resolved to its canonical form; a pronoun to the salient person (the subject
of the nearest sentence naming someone, else the speaker just before); a description to
the person the article introduced in that role, to a role the rule data knows, or to the
person the passage is about. Each resolution is remembered by the `PeopleTracker`, the
one piece of state that changes while an article is processed, so that the next « elle »
finds a person whose name is far back.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from talkclaims.rules.found import PersonMention
from talkclaims.rules.mentions import mention_from_tokens, noun_phrase
from talkclaims.rules.names import salient_person
from talkclaims.rules.subjects import apposed_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.rules.candidates import Candidate
    from talkclaims.rules.context import ArticleContext


class PeopleTracker:
    """The people an article has mentioned so far: its named people, and each speaker
    resolved from a pronoun or a description, at the place it was resolved."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.persons: list[PersonMention] = list(ctx.persons)
        #: The reported words of the claims found so far: a person named there is talked
        #: about (« Selon le procureur, Déthié Fall est l'instigateur »).
        self.reported: list[tuple[int, int]] = []
        self._speaking_key: tuple[int, int] = (-1, -1)
        self._speaking_cache: list[PersonMention] = []
        self._reported_index: tuple[list[int], list[int]] = ([], [])
        # « Catherine Dulac … La comédienne se confie à Léa Roy. … Elle n'y va plus »: a
        # description subject the article gave to someone is a mention of them, the
        # subject of its sentence, for the pronouns that follow
        for pos, noun, person in ctx.roles:
            token = ctx.token_at(pos)
            if token is not None and token.lower_ == noun and token.dep_.startswith("nsubj"):
                self.add(pos, person)

    def salient(
        self, pos: int, max_back: int = 10, gender: str | None = None, speaking: bool = False
    ) -> str | None:
        """The person a pronoun at ``pos`` most likely means (see `salient_person`), of
        ``gender`` when the pronoun marks one; with ``speaking``, not a person named only
        inside reported words or outside a subject (who is talked about, not talking)."""
        persons = self._speaking() if speaking else self.persons
        return salient_person(
            persons,
            self.ctx.sentence_index(pos),
            pos,
            max_back,
            gender,
            self.ctx.likely_genders,
        )

    def _speaking(self) -> list[PersonMention]:
        """The mentions of people who may be speaking: the subject of a sentence or the
        agent of a passive, not named only in reported words or in an adjunct. Computed
        once for the mentions and reported words as they stand (merged: linear)."""
        key = (len(self.persons), len(self.reported))
        if self._speaking_key != key:
            starts, ends = self._reported_index = _merged(self.reported)
            self._speaking_cache = [
                m
                for m in self.persons
                if (m.subject or self._opens_clause(m.start) or self._agent(m.start))
                and not _inside(starts, ends, m.start)
            ]
            self._speaking_key = key
        return self._speaking_cache

    def _agent(self, start: int) -> bool:
        """Whether a name is the agent of a passive (« les propos tenus par X »): the one
        who did it."""
        before = self.ctx.text[max(0, start - 5) : start].lower().split()
        return bool(before) and before[-1] in self.ctx.patterns.agent_markers

    def _opens_clause(self, start: int) -> bool:
        """Whether a name opens its sentence, or its clause after an adjunct and a comma
        (« Dans Le Figaro, Gaspard Roy épingle … »): its subject, parsed so or not."""
        ctx = self.ctx
        lead = ctx.text[ctx.sentence(start)[0] : start].strip()
        if not lead:
            return True
        if not lead.endswith(","):
            return False
        span = ctx.char_span(start - len(lead) - 1, start) if len(lead) < start else None
        return not any(t.pos_ in ("VERB", "AUX") for t in span or ())

    def add(self, start: int, name: str) -> None:
        """A speaker resolved from a pronoun or a description becomes a mention in its own
        right, so that the next « elle » finds her even if her name is far back."""
        mention = PersonMention(start, name, self.ctx.sentence_index(start), True)
        bisect.insort(self.persons, mention, key=lambda m: m.start)
        # a speaker (a subject): kept in the mentions of people speaking as they stand
        if self._speaking_key == (len(self.persons) - 1, len(self.reported)):
            starts, ends = self._reported_index
            if not _inside(starts, ends, start):
                bisect.insort(self._speaking_cache, mention, key=lambda m: m.start)
            self._speaking_key = (len(self.persons), len(self.reported))


def resolve_speakers(
    ctx: ArticleContext, people: PeopleTracker, candidates: list[Candidate]
) -> list[Candidate]:
    """One pass of resolution over ``candidates`` in reading order (where each is
    attributed); returns them in their given order, speakers settled.

    A candidate that already has a speaker keeps it; one that has none is tried again
    (a second pass sees the people the first one added and the claims proposed since).
    """
    out = list(candidates)
    people_named = set(ctx.article_names)
    people.reported = sorted({*people.reported, *((c.start, c.end) for c in candidates)})
    previous: Candidate | None = None
    for i in sorted(range(len(out)), key=lambda k: out[k].at):
        cand = out[i]
        resolved = _resolve(ctx, people, cand, previous)
        mention = cand.mention
        if (
            cand.speaker is None
            and mention is not None
            and mention.kind in ("pronoun", "description")
            and resolved.speaker in people_named
        ):
            people.add(mention.start, resolved.speaker)
        out[i] = previous = resolved
    return out


def _resolve(
    ctx: ArticleContext, people: PeopleTracker, cand: Candidate, previous: Candidate | None
) -> Candidate:
    """``cand`` with its speaker; ``previous`` is the claim before it in reading order."""
    mention = cand.mention
    if cand.speaker is not None or mention is None:
        return cand
    if mention.kind == "name":
        speaker = ctx.people.canonical(mention.name or mention.text, ctx.name_groups)
    elif mention.kind == "outlet":
        speaker = mention.name
    elif mention.kind == "pronoun":
        # the speaker of a claim of this sentence or the one before (« X a estimé que …
        # « … », a-t-il confié »), then a described person this sentence is about (« le
        # technicien n'a pas éludé les critiques. « … », a-t-il reconnu »), then the
        # salient named person; else the speaker of a claim a little further back
        gender = pronoun_gender(mention.text)
        # counted from where the words start (« « …five sentences… », a-t-il dit »)
        gap = (
            ctx.sentence_index(min(mention.start, cand.start)) - ctx.sentence_index(previous.at)
            if previous is not None
            else 99
        )
        speaker = None
        if (
            previous is not None
            and gap <= 1
            and previous.speaker
            and previous.speaker_kind in ("name", "description", "pronoun")
            and ctx.likely_genders.get(previous.speaker, gender) == gender
        ):
            speaker = previous.speaker
        if speaker is None:
            speaker = _subject_here(ctx, people, mention.start, gender)
        if speaker is None:
            speaker = people.salient(mention.start, gender=gender)
        if speaker is None and gap <= 3 and previous.speaker_kind in ("description", "other"):
            speaker = previous.speaker
        if speaker is None:
            # « Un élu local ne décolère pas. « … », ironise-t-il »: a described person
            speaker = _described_antecedent(ctx, mention.start, pronoun_gender(mention.text))
    elif (place := _on_place(ctx, mention.start, mention.end)) is not None:
        speaker = place
    elif _same_as_before(ctx, mention.text) and previous is not None and previous.speaker:
        # « Personne n'a haussé le ton, assure la même source »: the speaker just before
        speaker = previous.speaker
    elif mention.kind == "description":
        speaker = _described(ctx, people, mention.text, mention.name or "", mention.start)
    else:
        speaker = _strip_determiner(ctx, mention.text)
    speaker = speaker.strip() if speaker else None  # never an empty name
    return dataclasses.replace(
        cand, speaker=speaker or None, speaker_kind=mention.kind if speaker else None
    )


def _described(ctx: ArticleContext, people: PeopleTracker, text: str, noun: str, start: int) -> str:
    """The person a description (« le porte-parole du Kremlin ») at ``start`` means."""
    person = ctx.people.by_description(text)
    # « le président américain » is not « le président russe Vladimir Poutine »
    qualifier = _qualifier_after(ctx, text.lower(), noun)
    roles = [
        r
        for r in ctx.roles
        if ctx.same_role(r[1], noun) and _qualifiers_agree(ctx, qualifier, r[0], r[1])
    ]
    introduced = [r for r in roles if r[0] <= start]
    title = ctx.paragraphs[0] if ctx.paragraphs else (0, 0)
    if not introduced and start < title[1] and "\n" not in ctx.text[title[0] : title[1]].strip():
        # a title credits a description the article fills in below (« … (le gouverneur
        # de la Banque de France) », then « François Villeroy de Galhau, gouverneur … »)
        introduced = roles[:1]
    if person is not None:
        speaker = person.name
    elif introduced:
        speaker = introduced[-1][2]
    elif noun in ctx.patterns.anaphoric_nouns:
        # « le politicien américain », « le négociateur russe »: a category, not an
        # office, so it points back at the person the passage is about
        speaker = people.salient(start)
    else:
        # an office no one in the article was given before (« Le député de
        # Seine-Saint-Denis » right after Karim Benali spoke): the person of this or
        # the last sentence, unless named only in reported words (« Selon le procureur,
        # X est l'instigateur. « … », a poursuivi le maître des poursuites »)
        speaker = people.salient(start, max_back=1, speaking=True)
    # « le maire » nobody was introduced as: the description is all the article gives
    return speaker or _strip_determiner(ctx, text)


def _qualifier_after(
    ctx: ArticleContext, text: str, noun: str, introduction: bool = False
) -> str | None:
    """The adjective right after a role noun (« président américain » → américain), the
    word that tells two holders of one office apart; None before « de » or a name."""
    at = text.find(noun)
    if at < 0:
        return None
    words = text[at + len(noun) :].split()
    if not words:
        return None
    word = words[0].strip(",.;:()")
    g = ctx.grammar
    if not word.isalpha() or not word.islower() or word in g.de_forms:
        return None
    # « Youri Ouchakov, conseiller du président russe » introduces a holder that « le
    # conseiller présidentiel » may name: a complement in the introduction is no
    # qualifier; in the description (« l'entraîneur des Grenat ») it still tells the
    # holder apart from « le coach vaudois »
    if introduction and (word in g.de_lemmas or word in g.adjunct_prepositions):
        return None
    if word in ctx.grammar.definite_articles or word in ctx.patterns.before_head:
        return None
    return word


def _qualifiers_agree(ctx: ArticleContext, qualifier: str | None, pos: int, noun: str) -> bool:
    """Whether the role introduced at ``pos`` can be the one a description with
    ``qualifier`` names: it has no qualifier of its own, or the same one."""
    if qualifier is None:
        return True
    window = ctx.text[max(0, pos - 80) : pos + 80].lower()
    intro = _qualifier_after(ctx, window, noun, introduction=True)
    return intro is None or intro == qualifier


def _on_place(ctx: ArticleContext, start: int, end: int) -> str | None:
    """« Au cabinet du ministre, on indique que »: the place or circle the sentence opens
    with speaks through « on » (``[start, end)``) right after it."""
    if ctx.text[start:end].lower() != "on":
        return None
    s_start = ctx.sentence(start)[0]
    match = ctx.patterns.on_place_regex.fullmatch(ctx.text, s_start, end)
    return _strip_determiner(ctx, match.group(1).strip()) if match else None


def _same_as_before(ctx: ArticleContext, text: str) -> bool:
    """« la même source », « le même responsable »: a definite description that says it
    is the one just quoted."""
    words = text.lower().split()
    return (
        len(words) >= 3
        and words[0] in ctx.grammar.definite_articles
        and words[1] in ctx.grammar.anaphoric_adjectives
    )


def _strip_determiner(ctx: ArticleContext, text: str) -> str:
    """« Le Kremlin » → « Kremlin »; an indefinite description keeps its determiner."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in ctx.patterns.strip_determiners:
        return " ".join(words[1:])
    for det in ctx.grammar.elided_articles:
        if text.lower().startswith(det) and len(text) > 2:
            return text[2:]
    return text


def pronoun_gender(pronoun: str) -> str | None:
    """« f » for elle(s), « m » for il(s), None for the rest (« on », « lui »…)."""
    word = pronoun.lower().lstrip("-t").lstrip("-")
    return {"elle": "f", "elles": "f", "il": "m", "ils": "m"}.get(word)


def _described_antecedent(ctx: ArticleContext, pos: int, gender: str | None) -> str | None:
    """The subject of this sentence or the one before, when it describes a person (a
    role noun: « un élu local », « la directrice ») of the pronoun's gender."""
    here = ctx.sentence_index(pos)
    for idx in (here, here - 1):
        if idx < 0:
            continue
        s_start, s_end = ctx.sentences[idx]
        for t, _det in _role_subjects(ctx, s_start, min(s_end, pos), gender):
            words = noun_phrase(t, ctx.grammar)
            if words:
                return _strip_determiner(
                    ctx, ctx.text[words[0].idx : words[-1].idx + len(words[-1].text)]
                )
    return None


def _subject_here(
    ctx: ArticleContext, people: PeopleTracker, pos: int, gender: str | None
) -> str | None:
    """The person a definite description subject of the pronoun's sentence (before
    it) or of the sentence before points at (« le technicien … « … », a-t-il
    reconnu »), of the pronoun's gender: its apposed name, else the person the article
    gave that role."""
    here = ctx.sentence_index(pos)
    s_start = ctx.sentences[max(0, here - 1)][0]
    g = ctx.grammar
    # the subject nearest the pronoun first
    for t, det in reversed(_role_subjects(ctx, s_start, pos, gender)):
        if det not in g.definite_articles:
            continue
        # « l'avocate de la défense, Me Hélène Marchetti, a plaidé », « L'entraîneur Paul
        # Rey est pointilleux »: the apposed name
        words = noun_phrase(t, g)
        named = apposed_name(ctx, words[-1].i + 1) if words else None
        if named is None and words:
            mention = mention_from_tokens(ctx, words)
            named = mention if mention is not None and mention.kind == "name" else None
        if named is not None:
            return ctx.people.canonical(named.name or named.text, ctx.name_groups)
        start = min((c.idx for c in t.children if c.dep_ == "det"), default=t.idx)
        text = ctx.text[start : t.idx + len(t.text)]
        return _described(ctx, people, text.strip(), t.lower_, t.idx)
    return None


def _role_subjects(
    ctx: ArticleContext, start: int, end: int, gender: str | None
) -> list[tuple[Token, str]]:
    """(subject, its determiner) of ``[start, end)`` whose head is a role noun and whose
    determiner does not mark the other gender, in text order."""
    g = ctx.grammar
    found = []
    for t in ctx.char_span(start, end) or ():
        if t.dep_ != "nsubj" or t.idx >= end or ctx.in_quote(t.idx):
            continue
        if t.lower_ not in ctx.patterns.role_nouns:
            continue
        det = next((c.lower_ for c in t.children if c.dep_ == "det"), "")
        said = g.determiner_gender(det)
        if gender is not None and said is not None and said != gender:
            continue
        found.append((t, det))
    return found


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted spans merged where they overlap: their starts and ends."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(starts: list[int], ends: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of the merged spans."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]
