"""Load the rule data of ``patterns/`` (shipped in the package) and a user's own files.

The rules are data so that a journalist can add a verb, an outlet or a person without
reading code. A user folder given with ``--patterns`` holds files of the same names;
its lists are appended to the shipped ones, so a file need carry only what is new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from talkclaims.lang.grammar import Grammar, build_grammar

PATTERN_FILES = (
    "verbs.yaml",
    "attributions.yaml",
    "outlets.yaml",
    "speakers.yaml",
    "grammar.yaml",
)
#: The merged content of each pattern file: what `build_patterns` reads and what a saved
#: pipeline writes.
RuleData = dict[str, dict[str, Any]]


class PatternError(ValueError):
    """A pattern file that cannot be used; the message names the file and the line."""


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
    role_synonyms: tuple[frozenset[str], ...]
    outlets: tuple[Outlet, ...]
    outlet_nouns: tuple[str, ...]
    byline_patterns: tuple[re.Pattern[str], ...]
    speakers: tuple[Person, ...]
    #: Closed-class French (``grammar.yaml``): complementisers, clitics, auxiliaries…
    grammar: Grammar
    #: The merged pattern files these tables were built from (saved with a pipeline).
    data: RuleData = field(default_factory=dict, compare=False, repr=False)

    def is_cue(self, lemma: str) -> bool:
        """True when a lemma is a reporting verb of the lexicon."""
        return lemma in self.verbs

    # Compiled once per pattern set: the rules run these on every article.
    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Lemmas that start a cue: the verbs and the first verb of each locution."""
        return self.verbs | {loc[0] for loc in self.locutions}

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
    def role_regex(self) -> re.Pattern[str]:
        return _words_regex(self.role_nouns, flags=re.I)

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


def _default_dir() -> Path:
    return Path(str(resources.files("talkclaims.builtin_patterns")))


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: cannot read pattern file: {exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PatternError(f"{where}: invalid YAML: {problem}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PatternError(f"{path}:1: expected a mapping of lists at the top level")
    return data


def _line_of(path: Path, key: str) -> int:
    """The 1-based line where a top-level key starts, for error messages."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"{key}:"):
                return number
    except OSError:
        pass
    return 1


def _merge(target: dict[str, Any], extra: dict[str, Any], path: Path) -> None:
    for key, value in extra.items():
        if value is None:
            continue
        if key not in target or target[key] is None:
            target[key] = value
        elif isinstance(target[key], list) and isinstance(value, list):
            target[key] = target[key] + value
        else:
            raise PatternError(
                f"{path}:{_line_of(path, key)}: '{key}' must be a list to extend the shipped one"
            )


def _strings(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PatternError(f"{path}:{_line_of(path, key)}: '{key}' must be a list of strings")
    return value


def _records(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise PatternError(f"{path}:{_line_of(path, key)}: '{key}' must be a list")
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise PatternError(
                f"{path}:{_line_of(path, key)}: every entry of '{key}' needs a 'name' "
                f"(found {item!r})"
            )
        for sub in ("aliases", "roles"):
            extra = item.get(sub) or []
            if not isinstance(extra, list) or not all(isinstance(v, str) for v in extra):
                raise PatternError(
                    f"{path}:{_line_of(path, key)}: '{sub}' of {item['name']!r} must be a "
                    "list of strings"
                )
    return value


def _base_lemma(verb: str) -> str:
    """« se dire » and « s'exclamer » are lemmatised without their reflexive pronoun."""
    for prefix in ("se ", "s'", "s’"):
        if verb.startswith(prefix):
            return verb[len(prefix) :]
    return verb


def read_rule_data(
    extra_dirs: Iterable[str | Path] = (), builtin: bool = True
) -> tuple[RuleData, dict[str, Path]]:
    """The pattern files of the shipped folder (unless ``builtin`` is false) and of each
    folder in ``extra_dirs``, merged file by file: lists of later folders are appended."""
    folders = [*([_default_dir()] if builtin else []), *(Path(d) for d in extra_dirs)]
    merged: RuleData = {name: {} for name in PATTERN_FILES}
    origin: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            raise PatternError(f"{folder}: patterns folder not found")
        for name in PATTERN_FILES:
            path = folder / name
            if path.exists():
                _merge(merged[name], _read_yaml(path), path)
                origin[name] = path
    for name in PATTERN_FILES:
        origin.setdefault(name, (folders[0] if folders else _default_dir()) / name)
    return merged, origin


def load_patterns(extra_dirs: Iterable[str | Path] = ()) -> Patterns:
    """Merge the shipped pattern files with those of each folder in ``extra_dirs``."""
    return build_patterns(*read_rule_data(extra_dirs))


@lru_cache(maxsize=1)
def shipped_patterns() -> Patterns:
    """The shipped rule data alone, loaded once: what the model pipeline's own steps
    (the sentence splitter) read, whatever pattern folders the rules are given."""
    return load_patterns()


def build_patterns(merged: RuleData, origin: dict[str, Path] | None = None) -> Patterns:
    """The rule tables of merged pattern data, checked (errors name ``origin``'s files)."""
    origin = {name: Path(name) for name in PATTERN_FILES} | (origin or {})
    verbs_path, attr_path = origin["verbs.yaml"], origin["attributions.yaml"]
    out_path, spk_path = origin["outlets.yaml"], origin["speakers.yaml"]
    v, a, o, s, g = (merged.get(n) or {} for n in PATTERN_FILES)
    grammar_path = origin["grammar.yaml"]
    try:
        grammar = build_grammar(g, grammar_path, lambda key: _line_of(grammar_path, key))
    except ValueError as exc:
        raise PatternError(str(exc)) from exc

    verbs = {_base_lemma(x) for x in _strings(v, "verbs", verbs_path) if " " not in _base_lemma(x)}
    locutions = []
    for item in v.get("locutions") or []:
        if not isinstance(item, list) or not all(isinstance(w, str) for w in item):
            raise PatternError(
                f"{verbs_path}:{_line_of(verbs_path, 'locutions')}: each locution is a list of "
                f"lemmas (found {item!r})"
            )
        locutions.append(tuple(item))

    byline = []
    for pattern in _strings(o, "byline_patterns", out_path):
        try:
            byline.append(re.compile(pattern))
        except re.error as exc:
            raise PatternError(
                f"{out_path}:{_line_of(out_path, 'byline_patterns')}: bad regular expression "
                f"{pattern!r}: {exc}"
            ) from exc

    def lemmas(key: str) -> frozenset[str]:
        return frozenset(_base_lemma(x) for x in _strings(v, key, verbs_path))

    return Patterns(
        verbs=frozenset(verbs),
        locutions=tuple(locutions),
        infinitive=lemmas("infinitive"),
        attribute=lemmas("attribute"),
        question=lemmas("question"),
        question_words=tuple(_strings(v, "question_words", verbs_path)),
        modals=frozenset(_strings(v, "modals", verbs_path)),
        negations=frozenset(_strings(v, "negations", verbs_path)),
        according_to=tuple(_strings(a, "according_to", attr_path)),
        according_to_not_before=tuple(_strings(a, "according_to_not_before", attr_path)),
        agent_markers=frozenset(_strings(a, "agent_markers", attr_path)),
        pronouns=frozenset(x.lower() for x in _strings(a, "pronouns", attr_path)),
        strip_determiners=frozenset(x.lower() for x in _strings(a, "strip_determiners", attr_path)),
        honorifics=frozenset(_strings(a, "honorifics", attr_path)),
        appositive_heads=frozenset(_strings(a, "appositive_heads", attr_path)),
        clause_breaks=tuple(_strings(a, "clause_breaks", attr_path)),
        lead_conjunctions=tuple(
            sorted(_strings(a, "lead_conjunctions", attr_path), key=len, reverse=True)
        ),
        first_person=frozenset(x.lower() for x in _strings(a, "first_person", attr_path)),
        role_nouns=frozenset(
            x.lower()
            for x in _strings(a, "role_nouns", attr_path)
            + _strings(a, "anaphoric_nouns", attr_path)
        ),
        opinion_markers=tuple(_strings(a, "opinion_markers", attr_path)),
        time_words=frozenset(x.lower() for x in _strings(a, "time_words", attr_path)),
        complement=lemmas("complement"),
        outlet_phrasings=tuple(_strings(o, "outlet_phrasings", out_path)),
        role_synonyms=tuple(
            frozenset(x.lower() for x in group)
            for group in a.get("role_synonyms") or []
            if isinstance(group, list)
        ),
        anaphoric_nouns=frozenset(x.lower() for x in _strings(a, "anaphoric_nouns", attr_path)),
        outlets=tuple(
            Outlet(r["name"], tuple(r.get("aliases") or ()))
            for r in _records(o, "outlets", out_path)
        ),
        outlet_nouns=tuple(_strings(o, "outlet_nouns", out_path)),
        byline_patterns=tuple(byline),
        speakers=tuple(
            Person(r["name"], tuple(r.get("aliases") or ()), tuple(r.get("roles") or ()))
            for r in _records(s, "speakers", spk_path)
        ),
        grammar=grammar,
        data=merged,
    )
