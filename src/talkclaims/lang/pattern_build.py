"""Merged pattern data → `Patterns`: one builder per pattern file.

Each builder reads its file's keys through the checks of `pattern_checks` (a problem
names the file and the key's line) and gives the fields of `Patterns` that file fills,
in the forms the rules compare: a new key is its field in `Patterns` and one line in
its file's builder. The files are checked in the order of `_BUILDERS`, and each file's
keys in the order its builder reads them: the first problem found is the one reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from talkclaims.lang.grammar import build_grammar
from talkclaims.lang.pattern_checks import checked_regex, locutions, records, role_groups, strings
from talkclaims.lang.pattern_folders import PATTERN_FILES, PatternError, RuleData, line_of
from talkclaims.lang.pattern_tables import Outlet, Patterns, Person
from talkclaims.text.fold import fold as _fold

#: The fields of `Patterns` one pattern file fills, by name.
Tables = dict[str, Any]


def build_patterns(merged: RuleData, origin: dict[str, Path] | None = None) -> Patterns:
    """The rule tables of merged pattern data, checked (errors name ``origin``'s files)."""
    origin = {name: Path(name) for name in PATTERN_FILES} | (origin or {})
    tables: Tables = {}
    for name, build in _BUILDERS:
        tables |= build(merged.get(name) or {}, origin[name])
    return Patterns(**tables, data=merged)


def _grammar(g: dict[str, Any], path: Path) -> Tables:
    """grammar.yaml: closed-class French (`talkclaims.lang.grammar`)."""
    try:
        grammar = build_grammar(g, path, lambda key: line_of(path, key))
    except ValueError as exc:
        raise PatternError(str(exc)) from exc
    return dict(grammar=grammar)


def _verbs(v: dict[str, Any], path: Path) -> Tables:
    """verbs.yaml: reporting verbs and locutions, the verbs known by what follows them,
    modals and negations."""

    def get(key: str) -> list[str]:
        return strings(v, key, path)

    return dict(
        # a verb of several words is no lemma of one token: a locution says it
        verbs=frozenset({lemma for lemma in map(_base_lemma, get("verbs")) if " " not in lemma}),
        locutions=tuple(locutions(v, "locutions", path)),
        infinitive=_base_lemmas(get("infinitive")),
        attribute=_base_lemmas(get("attribute")),
        question=_base_lemmas(get("question")),
        question_words=tuple(get("question_words")),
        modals=frozenset(get("modals")),
        reporting_modals=frozenset(get("reporting_modals")),
        negations=frozenset(get("negations")),
        complement=_base_lemmas(get("complement")),
    )


def _outlets(o: dict[str, Any], path: Path) -> Tables:
    """outlets.yaml: the outlets and agencies, how an article names one, bylines."""

    def get(key: str) -> list[str]:
        return strings(o, key, path)

    return dict(
        byline_patterns=tuple(
            checked_regex(p, path, "byline_patterns") for p in get("byline_patterns")
        ),
        outlet_phrasings=tuple(get("outlet_phrasings")),
        outlets=tuple(
            Outlet(r["name"], tuple(r.get("aliases") or ())) for r in records(o, "outlets", path)
        ),
        outlet_nouns=tuple(get("outlet_nouns")),
    )


def _attributions(a: dict[str, Any], path: Path) -> Tables:
    """attributions.yaml: phrasings that credit a source, pronouns and determiners, and the
    nouns of people, roles and groups."""

    def get(key: str) -> list[str]:
        return strings(a, key, path)

    return dict(
        role_synonyms=tuple(_lowered(group) for group in role_groups(a, "role_synonyms", path)),
        according_to=tuple(get("according_to")),
        according_to_not_before=tuple(get("according_to_not_before")),
        agent_markers=frozenset(get("agent_markers")),
        pronouns=_lowered(get("pronouns")),
        strip_determiners=_lowered(get("strip_determiners")),
        honorifics=frozenset(get("honorifics")),
        appositive_heads=frozenset(get("appositive_heads")),
        clause_breaks=tuple(get("clause_breaks")),
        lead_conjunctions=_longest_first(get("lead_conjunctions")),
        first_person=_lowered(get("first_person")),
        role_nouns=_lowered(get("role_nouns") + get("anaphoric_nouns")),
        opinion_markers=tuple(get("opinion_markers")),
        time_words=_lowered(get("time_words")),
        anaphoric_nouns=_lowered(get("anaphoric_nouns")),
        person_nouns=_lowered(get("person_nouns")),
        on_places=_longest_first(get("on_places")),
        title_words=_lowered(get("title_words")),
        possessed_speech=_lowered(get("possessed_speech")),
        ungendered_nouns=_lowered(get("ungendered_nouns")),
        anonymous_nouns=_lowered(get("anonymous_nouns")),
        person_endings=tuple(x.lower() for x in get("person_endings")),
        not_person_nouns=_lowered(get("not_person_nouns")),
        unnamed_speakers=_lowered(get("unnamed_speakers")),
        one_of=_lowered(get("one_of")),
        before_head=_lowered(get("before_head")),
        speaker_possessives=_lowered(get("speaker_possessives")),
        plural_determiners=_lowered(get("plural_determiners")),
    )


def _speakers(s: dict[str, Any], path: Path) -> Tables:
    """speakers.yaml: known people, their other spellings and the roles that point at them."""
    return dict(
        speakers=tuple(
            Person(r["name"], tuple(r.get("aliases") or ()), tuple(r.get("roles") or ()))
            for r in records(s, "speakers", path)
        )
    )


def _first_names(f: dict[str, Any], path: Path) -> Tables:
    """first_names.yaml: folded first name → « f », « m », or « » (either: never gives a
    gender)."""
    out: dict[str, str] = {}
    for key, gender in (("female", "f"), ("male", "m")):
        for name in strings(f, key, path):
            out[_fold(name)] = gender
    for name in strings(f, "either", path):
        out[_fold(name)] = ""
    return dict(first_names=out)


#: Each pattern file and its builder, in the order the files are checked.
_BUILDERS: tuple[tuple[str, Callable[[dict[str, Any], Path], Tables]], ...] = (
    ("grammar.yaml", _grammar),
    ("verbs.yaml", _verbs),
    ("outlets.yaml", _outlets),
    ("attributions.yaml", _attributions),
    ("speakers.yaml", _speakers),
    ("first_names.yaml", _first_names),
)


def _lowered(words: Iterable[str]) -> frozenset[str]:
    """Words as the rules compare them: lower-cased."""
    return frozenset(word.lower() for word in words)


def _longest_first(phrases: list[str]) -> tuple[str, ...]:
    """Phrases tried in turn: the longest first, so that a shorter one inside it does not
    match first."""
    return tuple(sorted(phrases, key=len, reverse=True))


def _base_lemmas(verbs: Iterable[str]) -> frozenset[str]:
    """Verbs as the lemmatiser gives them (`_base_lemma`)."""
    return frozenset(_base_lemma(verb) for verb in verbs)


def _base_lemma(verb: str) -> str:
    """« se dire » and « s'exclamer » are lemmatised without their reflexive pronoun."""
    for prefix in ("se ", "s'", "s’"):
        if verb.startswith(prefix):
            return verb[len(prefix) :]
    return verb
