"""Closed-class French as the rules read it, loaded from ``patterns/grammar.yaml``.

The rules recognise small words by their form: « que » opening a clause, the clitics of
a verbal group, the « ne » of a negation, the forms of avoir and être, abbreviations
that do not end a sentence. They are data, like the reporting verbs, so that the lists
can be read, corrected and extended without touching code; `Grammar` holds them as sets
(and the few regular expressions built from them), checked when they are loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

#: Keys holding a list of words; every one is required. Words are matched in lower case.
WORD_LISTS = (
    "complementisers",
    "not_complementiser_after",
    "cue_adverbs",
    "new_clause_words",
    "before_infinitive",
    "incise_marker",
    "gerund_leads",
    "coordinators",
    "definite_articles",
    "demonstratives",
    "demonstrative_pronouns",
    "appositive_determiners",
    "elided_articles",
    "title_articles",
    "de_forms",
    "de_lemmas",
    "indefinite_pronouns",
    "disjunctive_pronouns",
    "relative_pronouns",
    "subject_pronouns",
    "inverted_pronouns",
    "reflexive_pronouns",
    "object_clitics",
    "clitics_not_subjects",
    "ne",
    "negations_without_ne",
    "negative_subjects",
    "possessives",
    "indefinite_determiners",
    "feminine_titles",
    "masculine_titles",
    "feminine_determiners",
    "masculine_determiners",
    "feminine_endings",
    "between_auxiliary_and_participle",
    "hypothesis_marks",
    "narrative_lead",
    "auxiliary_forms",
    "first_group_endings",
    "participle_endings",
    "anaphoric_adjectives",
    "inverted_subject_stops",
    "adjunct_prepositions",
    "connectors",
    "name_particles",
    "outlet_qualifiers",
    "abbreviations",
    "capitalised_titles",
)
#: Word lists whose order matters (alternations, suffixes): kept as tuples.
ORDERED = frozenset(
    {
        "appositive_determiners",
        "feminine_endings",
        "first_group_endings",
        "gerund_leads",
        "name_particles",
        "outlet_qualifiers",
        "participle_endings",
        "title_articles",
    }
)


@dataclass(frozen=True, eq=False)
class Grammar:
    """The closed-class words of ``grammar.yaml`` (see the comments there): each list as
    a frozenset, or a tuple where its order matters, and the spelling folds of names.

    Compared and hashed by identity: one is built per pattern set, and the rules cache
    per-word results keyed on it."""

    complementisers: frozenset[str]
    not_complementiser_after: frozenset[str]
    cue_adverbs: frozenset[str]
    new_clause_words: frozenset[str]
    before_infinitive: frozenset[str]
    incise_marker: frozenset[str]
    gerund_leads: tuple[str, ...]
    coordinators: frozenset[str]
    definite_articles: frozenset[str]
    demonstratives: frozenset[str]
    demonstrative_pronouns: frozenset[str]
    appositive_determiners: tuple[str, ...]
    elided_articles: frozenset[str]
    title_articles: tuple[str, ...]
    de_forms: frozenset[str]
    de_lemmas: frozenset[str]
    indefinite_pronouns: frozenset[str]
    disjunctive_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    inverted_pronouns: frozenset[str]
    reflexive_pronouns: frozenset[str]
    object_clitics: frozenset[str]
    clitics_not_subjects: frozenset[str]
    ne: frozenset[str]
    negations_without_ne: frozenset[str]
    negative_subjects: frozenset[str]
    possessives: frozenset[str]
    indefinite_determiners: frozenset[str]
    feminine_titles: frozenset[str]
    masculine_titles: frozenset[str]
    feminine_determiners: frozenset[str]
    masculine_determiners: frozenset[str]
    feminine_endings: tuple[str, ...]
    between_auxiliary_and_participle: frozenset[str]
    hypothesis_marks: frozenset[str]
    narrative_lead: frozenset[str]
    auxiliary_forms: frozenset[str]
    first_group_endings: tuple[str, ...]
    participle_endings: tuple[str, ...]
    anaphoric_adjectives: frozenset[str]
    inverted_subject_stops: frozenset[str]
    adjunct_prepositions: frozenset[str]
    connectors: frozenset[str]
    name_particles: tuple[str, ...]
    outlet_qualifiers: tuple[str, ...]
    abbreviations: frozenset[str]
    capitalised_titles: frozenset[str]
    elisions: dict[str, str]
    contracted_articles: tuple[tuple[str, tuple[str, ...]], ...]
    transliteration_folds: tuple[tuple[str, str], ...]

    def determiner_gender(self, det: str | None) -> str | None:
        """The gender a determiner marks (« la », « une » → f; « le », « un » → m), or
        None (« l' », « les », no determiner)."""
        if det in self.feminine_determiners:
            return "f"
        if det in self.masculine_determiners:
            return "m"
        return None

    @cached_property
    def verb_endings(self) -> tuple[str, ...]:
        """First-group endings, longest first: the longest that fits a form is its ending."""
        return tuple(sorted(self.first_group_endings, key=len, reverse=True))

    @cached_property
    def gerund_prefixes(self) -> tuple[str, ...]:
        """What may stand between a comma and a gerund: nothing, « tout en », « en »."""
        return ("", *(lead + " " for lead in self.gerund_leads))

    @cached_property
    def name_tail(self) -> re.Pattern[str]:
        """What the model cuts off the end of a name: « -Delmotte », « Le Maire », « von
        der Leyen ». Particles match with a capital or a small first letter."""
        particles = "|".join(
            f"[{p[0].upper()}{p[0].lower()}]{re.escape(p[1:])}" for p in self.name_particles
        )
        return re.compile(
            rf"(?:-[A-ZÀ-Ý][\w’']+|[ \u00a0](?:(?:{particles})[ \u00a0])*"
            r"[A-ZÀ-Ý][\w’'-]*[a-zà-ÿ][\w’'-]*){1,3}"
        )

    @cached_property
    def title_article(self) -> re.Pattern[str]:
        """« Le Film français »: a capitalised article, then a capital."""
        articles = "|".join(map(re.escape, self.title_articles))
        return re.compile(rf"(?:{articles})\s*[A-ZÀ-Ý]")

    @cached_property
    def outlet_qualifier_alternation(self) -> str:
        """The qualifiers of an outlet noun as one alternation, longest first, a space
        standing for any white space (« en ligne »)."""
        words = sorted(self.outlet_qualifiers, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    @cached_property
    def appositive_determiner_alternation(self) -> str:
        """The determiners of an appositive credit as one alternation, in file order."""
        return "|".join(map(re.escape, self.appositive_determiners))


def build_grammar(data: Mapping[str, Any], path: Path, line_of: Callable[[str], int]) -> Grammar:
    """A checked `Grammar` from the merged content of ``grammar.yaml`` files; a problem
    raises ``ValueError`` with ``path:line`` (the caller turns it into a pattern error)."""

    def fail(key: str, problem: str) -> ValueError:
        return ValueError(f"{path}:{line_of(key)}: '{key}' {problem}")

    ordered: dict[str, tuple[str, ...]] = {}
    for key in WORD_LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, 'must be a list of words (quote words YAML reads otherwise: "on")')
        ordered[key] = tuple(value)
    elisions = data.get("elisions")
    if not isinstance(elisions, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in elisions.items()
    ):
        raise fail("elisions", "must map elided forms to their lemma")
    contracted = []
    for item in data.get("contracted_articles") or []:
        forms = item.get("forms") if isinstance(item, dict) else None
        if not isinstance(item.get("article") if forms is not None else None, str) or not (
            isinstance(forms, list) and all(isinstance(f, str) for f in forms)
        ):
            raise fail("contracted_articles", f"entries need an article and its forms ({item!r})")
        contracted.append((item["article"], tuple(forms)))
    folds = []
    for pair in data.get("transliteration_folds") or []:
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            raise fail("transliteration_folds", f"entries are [from, to] pairs ({pair!r})")
        folds.append((pair[0], pair[1]))
    return Grammar(
        **{key: words if key in ORDERED else frozenset(words) for key, words in ordered.items()},
        elisions=dict(elisions),
        contracted_articles=tuple(contracted),
        transliteration_folds=tuple(folds),
    )
