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
from talkclaims.rules.mentions import noun_phrase
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

    def salient(self, pos: int, max_back: int = 10, gender: str | None = None) -> str | None:
        """The person a pronoun at ``pos`` most likely means (see `salient_person`), of
        ``gender`` when the pronoun marks one."""
        return salient_person(
            self.persons,
            self.ctx.sentence_index(pos),
            pos,
            max_back,
            gender,
            self.ctx.likely_genders,
        )

    def add(self, start: int, name: str) -> None:
        """A speaker resolved from a pronoun or a description becomes a mention in its own
        right, so that the next « elle » finds her even if her name is far back."""
        mention = PersonMention(start, name, self.ctx.sentence_index(start), True)
        bisect.insort(self.persons, mention, key=lambda m: m.start)


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
        gap = (
            ctx.sentence_index(mention.start) - ctx.sentence_index(previous.at)
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
    return dataclasses.replace(
        cand, speaker=speaker, speaker_kind=mention.kind if speaker else None
    )


def _described(ctx: ArticleContext, people: PeopleTracker, text: str, noun: str, start: int) -> str:
    """The person a description (« le porte-parole du Kremlin ») at ``start`` means."""
    person = ctx.people.by_description(text)
    introduced = [r for r in ctx.roles if ctx.same_role(r[1], noun) and r[0] < start]
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
        # the last sentence
        speaker = people.salient(start, max_back=1)
    # « le maire » nobody was introduced as: the description is all the article gives
    return speaker or _strip_determiner(ctx, text)


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
        # « l'avocate de la défense, Me Hélène Marchetti, a plaidé »: the apposed name
        words = noun_phrase(t, g)
        named = apposed_name(ctx, words[-1].i + 1) if words else None
        if named is not None:
            return ctx.people.canonical(named.name or named.text, ctx.name_groups)
        text = ctx.text[t.idx - len(det) - 1 if det else t.idx : t.idx + len(t.text)]
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
        said = (
            "f"
            if det in g.feminine_determiners
            else "m"
            if det in g.masculine_determiners
            else None
        )
        if gender is not None and said is not None and said != gender:
            continue
        found.append((t, det))
    return found
