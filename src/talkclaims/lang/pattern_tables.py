"""The rule tables the extractor reads (`Patterns`), merged from the pattern files and
normalised, with the expressions the rules run on every article compiled once per set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import regex

from talkclaims.lang.grammar import Grammar
from talkclaims.lang.pattern_folders import RuleData
from talkclaims.text.fold import fold as _fold


@dataclass(frozen=True)
class Person:
    """A known speaker: canonical name, other spellings, and roles that point at them."""

    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outlet:
    """A known news outlet or agency and the spellings that name it."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Patterns:
    """Every rule table the extractor reads, already merged and normalised."""

    verbs: frozenset[str]
    locutions: tuple[tuple[str, ...], ...]
    infinitive: frozenset[str]
    attribute: frozenset[str]
    question: frozenset[str]
    question_words: tuple[str, ...]
    modals: frozenset[str]
    reporting_modals: frozenset[str]
    negations: frozenset[str]
    according_to: tuple[str, ...]
    according_to_not_before: tuple[str, ...]
    agent_markers: frozenset[str]
    pronouns: frozenset[str]
    strip_determiners: frozenset[str]
    honorifics: frozenset[str]
    appositive_heads: frozenset[str]
    clause_breaks: tuple[str, ...]
    lead_conjunctions: tuple[str, ...]
    first_person: frozenset[str]
    role_nouns: frozenset[str]
    opinion_markers: tuple[str, ...]
    time_words: frozenset[str]
    complement: frozenset[str]
    outlet_phrasings: tuple[str, ...]
    anaphoric_nouns: frozenset[str]
    person_nouns: frozenset[str]
    on_places: tuple[str, ...]
    title_words: frozenset[str]
    possessed_speech: frozenset[str]
    role_synonyms: tuple[frozenset[str], ...]
    outlets: tuple[Outlet, ...]
    outlet_nouns: tuple[str, ...]
    byline_patterns: tuple[regex.Pattern[str], ...]
    speakers: tuple[Person, ...]
    #: Nouns of people whose grammatical gender says nothing of the person's
    #: (« une source », « la victime », « un membre »).
    ungendered_nouns: frozenset[str]
    #: Heads of a description that never identifies one person (« une source », « son
    #: entourage »): the speaker is anonymous whatever the determiner.
    anonymous_nouns: frozenset[str]
    #: Endings of nouns of people, and heads with such endings that are not people.
    person_endings: tuple[str, ...]
    not_person_nouns: frozenset[str]
    #: « on », « certains », « l'un d'eux »: unnamed speakers, and what follows « l'un ».
    unnamed_speakers: frozenset[str]
    one_of: frozenset[str]
    #: Adjectives before the head of a description (« un haut responsable »).
    before_head: frozenset[str]
    #: First- and second-person possessives (« mon père »).
    speaker_possessives: frozenset[str]
    #: Determiners of a group (« des experts », « ses proches »).
    plural_determiners: frozenset[str]
    #: First name (folded) → « f » or « m »; « » for names borne by women and men alike.
    first_names: dict[str, str]
    #: Closed-class French (``grammar.yaml``): complementisers, clitics, auxiliaries…
    grammar: Grammar
    #: The merged pattern files these tables were built from (saved with a pipeline).
    data: RuleData = field(default_factory=dict, compare=False, repr=False)
    #: What a user's folder holds that talkclaims does not read (a misspelled file or key),
    #: one line each, for the command line to print as warnings.
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def is_cue(self, lemma: str) -> bool:
        """True when a lemma is a reporting verb of the lexicon."""
        return lemma in self.verbs

    # Compiled once per pattern set: the rules run these on every article.
    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Lemmas that start a cue: the verbs and the first verb of each locution."""
        return self.verbs | {loc[0] for loc in self.locutions}

    @cached_property
    def folded_not_before(self) -> tuple[str, ...]:
        """``according_to_not_before`` folded (case and accents), as the rules compare."""
        return tuple(_fold(w) for w in self.according_to_not_before)

    @cached_property
    def interview_regex(self) -> re.Pattern[str]:
        """An outlet phrasing (folded) followed by at most four words, at the end of the
        text before an outlet: « invitée du 20 heures de », « au micro de la »."""
        alternatives = "|".join(re.escape(_fold(p)) for p in self.outlet_phrasings)
        return re.compile(rf"(?:^|\W)(?:{alternatives})(?:\s+\S+){{0,4}}\s*$")

    @cached_property
    def spellings(self) -> dict[str, str]:
        """Every written form of a known person → its canonical name."""
        found: dict[str, str] = {}
        for person in self.speakers:
            for spelling in (person.name, *person.aliases):
                found.setdefault(spelling, person.name)
        return found

    @cached_property
    def spelling_regex(self) -> re.Pattern[str]:
        return _words_regex(self.spellings, flags=0)

    @cached_property
    def person_heads(self) -> frozenset[str]:
        """Every noun of a person the lists know: roles, categories and plain nouns of
        people (the heads `speaker_kinds` and the gender evidence look for)."""
        return self.role_nouns | self.person_nouns

    def first_name_gender(self, word: str) -> str | None:
        """What ``first_names.yaml`` says of a first name (case and accents aside, a
        compound by its first part unless listed whole): « f », « m », « » for a name
        borne by women and men alike, None for a word that is no first name."""
        folded = _fold(word)
        found = self.first_names.get(folded)
        return found if found is not None else self.first_names.get(folded.split("-")[0])

    @cached_property
    def on_place_regex(self) -> re.Pattern[str]:
        """« Au cabinet du ministre, on »: group 1 is the place, up to the comma before
        « on » at the end of the matched text."""
        openings = "|".join(re.escape(w) for w in self.on_places)
        return re.compile(rf"(?:{openings})\s+([^,.;:!?«»]{{2,80}}?),\s*(?:on)\Z", re.I)

    @cached_property
    def role_regex(self) -> re.Pattern[str]:
        return _words_regex(self.role_nouns, flags=re.I)

    @cached_property
    def role_compound_regex(self) -> re.Pattern[str]:
        """A role noun, or a compound of role nouns joined by hyphens
        (« présidente-directrice », « président-directeur »)."""
        ordered = sorted(set(self.role_nouns), key=len, reverse=True)
        body = "|".join(re.escape(w) for w in ordered) or "(?!)"
        return re.compile(rf"(?<![\w’'-])(?:{body})(?:-(?:{body}))*(?![\w-])", re.I)

    @cached_property
    def according_regex(self) -> re.Pattern[str]:
        return _words_regex(self.according_to, flags=re.I)

    @cached_property
    def clause_break_regex(self) -> re.Pattern[str]:
        return _words_regex((*self.according_to, *self.clause_breaks), flags=re.I)

    @cached_property
    def appositive_regex(self) -> re.Pattern[str]:
        heads = "|".join(map(re.escape, self.appositive_heads))
        determiners = self.grammar.appositive_determiner_alternation
        return re.compile(rf"(?:{determiners})\s+(?:{heads})\b", re.I)


def _words_regex(words: Iterable[str], flags: int) -> re.Pattern[str]:
    """One alternation of whole words or phrases, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w) for w in ordered) or "(?!)"
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-])", flags)
