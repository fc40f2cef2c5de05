"""Load the rule data of ``patterns/`` (shipped in the package) and a user's own files.

The rules are data so that a journalist can add a verb, an outlet or a person without
reading code. A user folder given with ``--patterns`` holds files of the same names;
its lists are appended to the shipped ones, so a file need carry only what is new.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from talkclaims.lang.grammar import Grammar, build_grammar
from talkclaims.text.fold import fold as _fold

PATTERN_FILES = (
    "verbs.yaml",
    "attributions.yaml",
    "outlets.yaml",
    "speakers.yaml",
    "grammar.yaml",
    "first_names.yaml",
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
    #: Small clauses (« considère X comme Y »): verb lemma → the words that open the
    #: predicate after the object.
    small_clause: dict[str, frozenset[str]]
    #: The labels of a transcript's turns (« Q - », « R - »).
    question_labels: tuple[str, ...]
    answer_labels: tuple[str, ...]
    #: Places that speak for a government or an institution (« Moscou », « Matignon »).
    metonymic_places: frozenset[str]
    #: « ne pas être nommé »: a request for anonymity introduces a source, it is no claim.
    anonymity_requests: tuple[str, ...]
    #: Requests, calls, promises, threats and refusals: the infinitive after « à / de »,
    #: past the person addressed (« a invité la cour à », « propose à X de »).
    request: frozenset[str]
    attribute: frozenset[str]
    question: frozenset[str]
    question_words: tuple[str, ...]
    modals: frozenset[str]
    reporting_modals: frozenset[str]
    #: « vient de déclarer »: the recent past reports.
    recent_past: frozenset[str]
    #: « a-t-on appris auprès de X »: verbs whose speaker is the one learned from, and the
    #: words (token sequences) that introduce that speaker.
    learned_from: frozenset[str]
    learned_from_words: tuple[tuple[str, ...], ...]
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
    #: Verbs that name the platform of the words (« tweeter » → Twitter): their source.
    verb_platforms: dict[str, str]
    #: Platforms named by a letter (« X »): outlets only after « sur », « compte »…
    short_platforms: tuple[str, ...]
    #: The host of an interview (« le présentateur »): their questions keep its credit.
    interviewer_nouns: frozenset[str]
    #: Phrasings after which capitalised words are an outlet, known or not.
    outlet_introducers: tuple[str, ...]
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
        return lemma in self.verbs or lemma in self.learned_from

    # Compiled once per pattern set: the rules run these on every article.
    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Lemmas that start a cue: the verbs and the first verb of each locution."""
        return self.verbs | self.learned_from | {loc[0] for loc in self.locutions}

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
    def turn_label_regex(self) -> re.Pattern[str]:
        """« Q - », « R. », « Question : » at the start of a paragraph: group ``question``
        or ``answer`` names the turn."""
        question = "|".join(map(re.escape, self.question_labels)) or "(?!)"
        answer = "|".join(map(re.escape, self.answer_labels)) or "(?!)"
        return re.compile(
            rf"[ \t]*(?:(?P<question>{question})|(?P<answer>{answer}))[ \t]*[-–—:.][ \t]+"
        )

    @cached_property
    def role_keys(self) -> dict[str, str]:
        """Each noun of ``role_synonyms`` → its group's first noun."""
        keys: dict[str, str] = {}
        for group in self.role_synonyms:
            first = min(group)
            for noun in group:
                keys.setdefault(noun, first)
        return keys

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


def _default_dir() -> Path:
    return Path(str(resources.files("talkclaims.builtin_patterns")))


#: A pattern file is a few hundred lines; past this it is not one (or it is an attack).
MAX_FILE_BYTES = 2_000_000
#: Values a pattern file may hold once its aliases are expanded (« billion laughs »: a
#: few hundred bytes of anchors and aliases expanding to billions of values).
MAX_VALUES = 200_000


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` stands for with every alias expanded; aliases are shared
    nodes, so with ``sizes`` memoised this takes time linear in the file."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = 1  # a recursive alias counts once
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    else:
        size = 1
    sizes[id(node)] = min(size, MAX_VALUES + 1)
    return sizes[id(node)]


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PatternError(
                f"{path}: too large for a pattern file (over {MAX_FILE_BYTES:,} bytes)"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: cannot read pattern file: {exc}") from exc
    try:
        # parsed once: the node graph is checked, then turned into values
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None and _expanded_size(node, {}) > MAX_VALUES:
                raise PatternError(
                    f"{path}: too large: its aliases expand to over {MAX_VALUES:,} values"
                )
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
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
    """The 1-based line where a top-level key starts, for error messages (1 when the
    file cannot be read or does not hold the key)."""
    try:
        stat = path.stat()
    except OSError:
        return 1
    return _key_lines(str(path), stat.st_mtime_ns, stat.st_size).get(key, 1)


@lru_cache(maxsize=64)
def _key_lines(path: str, _mtime_ns: int, _size: int) -> dict[str, int]:
    """Line of each top-level key of a pattern file, as the YAML parser marks it: a key
    written in flow style (« {byline_patterns: […]} »), quoted or followed by a space
    before its colon is found where it is, not said to be on line 1."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes: aliases not expanded
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, _value in node.value:
        if isinstance(key, yaml.ScalarNode):
            lines.setdefault(str(key.value), key.start_mark.line + 1)
    return lines


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
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternError(
            f"{path}:{_line_of(path, key)}: '{key}' must be a list of non-empty strings"
        )
    return value


def _pairs(data: dict[str, Any], key: str, path: Path) -> list[tuple[str, str]]:
    """A list of [word, value] pairs (a list, so that a user's file extends it)."""
    value = data.get(key) or []
    if not isinstance(value, list) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(w, str) and w.strip() for w in v)
        for v in value
    ):
        raise PatternError(
            f"{path}:{_line_of(path, key)}: '{key}' must be a list of [word, value] pairs"
        )
    return [(a, b) for a, b in value]


def _with_unaccented(words: list[str]) -> frozenset[str]:
    """Lower-cased words, each also without its accents (« maître » and « maitre »):
    printed news drops accents, on capitals and in haste."""
    lowered = {w.lower() for w in words}
    return frozenset(lowered | {_fold(w) for w in lowered})


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """[word, value] pairs as word → its values (a verb's base lemma)."""
    out: dict[str, set[str]] = {}
    for word, value in pairs:
        out.setdefault(_base_lemma(word), set()).add(value.lower())
    return {word: frozenset(values) for word, values in out.items()}


def _records(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise PatternError(f"{path}:{_line_of(path, key)}: '{key}' must be a list")
    for item in value:
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise PatternError(
                f"{path}:{_line_of(path, key)}: every entry of '{key}' needs a non-empty "
                f"'name' (found {_short_repr(item)})"
            )
        for sub in ("aliases", "roles"):
            extra = item.get(sub) or []
            if not isinstance(extra, list) or not all(isinstance(v, str) for v in extra):
                raise PatternError(
                    f"{path}:{_line_of(path, key)}: '{sub}' of {item['name']!r} must be a "
                    "list of strings"
                )
            if any(not v.strip() for v in extra):
                raise PatternError(
                    f"{path}:{_line_of(path, key)}: '{sub}' of {item['name']!r} has an empty string"
                )
    return value


def _short_repr(value: object, limit: int = 80) -> str:
    """A repr for an error message, cut: the value may be large."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _base_lemma(verb: str) -> str:
    """« se dire » and « s'exclamer » are lemmatised without their reflexive pronoun."""
    for prefix in ("se ", "s'", "s’"):
        if verb.startswith(prefix):
            return verb[len(prefix) :]
    return verb


def read_rule_data(
    extra_dirs: Iterable[str | Path] = (), builtin: bool = True, check: bool = False
) -> tuple[RuleData, dict[str, Path]]:
    """The pattern files of the shipped folder (unless ``builtin`` is false) and of each
    folder in ``extra_dirs``, merged file by file: lists of later folders are appended.

    ``origin`` names, for each file name, the last folder's file of that name: what the
    checks of `build_patterns` report a problem against. With ``check``, the data merged
    so far is checked after each folder but the last (which the caller checks), so that
    a problem in an earlier folder's file is reported against that file, not against a
    later folder's file of the same name.
    """
    folders = [*([_default_dir()] if builtin else []), *(Path(d) for d in extra_dirs)]
    merged: RuleData = {name: {} for name in PATTERN_FILES}
    origin: dict[str, Path] = {}
    for number, folder in enumerate(folders, 1):
        if not folder.is_dir():
            raise PatternError(f"{folder}: patterns folder not found")
        found = False
        for name in PATTERN_FILES:
            path = folder / name
            if path.exists():
                _merge(merged[name], _read_yaml(path), path)
                origin[name] = path
                found = True
        if check and found and number < len(folders) and not (builtin and number == 1):
            build_patterns(merged, origin)
    for name in PATTERN_FILES:
        origin.setdefault(name, (folders[0] if folders else _default_dir()) / name)
    return merged, origin


def load_patterns(extra_dirs: Iterable[str | Path] = ()) -> Patterns:
    """Merge the shipped pattern files with those of each folder in ``extra_dirs``; what
    those folders hold that is not read is listed in ``warnings``."""
    extra_dirs = list(extra_dirs)
    merged, origin = read_rule_data(extra_dirs, check=True)
    patterns = build_patterns(merged, origin)
    warnings = unread_names(extra_dirs)
    return dataclasses.replace(patterns, warnings=warnings) if warnings else patterns


def pattern_files(folders: Iterable[str | Path]) -> list[Path]:
    """The YAML files of user pattern folders: what `load_patterns` opens (the pattern
    files, and the others it reads to warn about), so that no command writes over one."""
    found = []
    for folder in map(Path, folders):
        if folder.is_dir():
            found += sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return found


def unread_names(folders: Iterable[str | Path]) -> tuple[str, ...]:
    """Files and top-level keys of user pattern folders that talkclaims does not read,
    each with the closest name it does read (« verb.yaml »: did you mean verbs.yaml?)."""
    known_keys = _shipped_keys()
    found = []
    for folder in map(Path, folders):
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if path.name not in PATTERN_FILES:
                hint = _did_you_mean(path.name, PATTERN_FILES)
                found.append(f"{path}: not a pattern file talkclaims reads{hint}")
                continue
            for key in _read_yaml(path):
                if key not in known_keys[path.name]:
                    found.append(
                        f"{path}:{_line_of(path, str(key))}: unknown key '{key}'"
                        f"{_did_you_mean(str(key), known_keys[path.name])}"
                    )
    return tuple(found)


@lru_cache(maxsize=1)
def _shipped_keys() -> dict[str, frozenset[str]]:
    """The top-level keys of each shipped pattern file: what talkclaims reads (once)."""
    return {name: frozenset(_read_yaml(_default_dir() / name)) for name in PATTERN_FILES}


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


@lru_cache(maxsize=1)
def shipped_patterns() -> Patterns:
    """The shipped rule data alone, loaded once: what the model pipeline's own steps
    (the sentence splitter) read, whatever pattern folders the rules are given."""
    return load_patterns()


#: What a user's regular expression is tried on when it is loaded: each unit repeated
#: a thousand times between a lead and a tail that the pattern may fail on, the lines
#: on which nested quantifiers (« (a+)+$ », « (a|aa)+$ ») backtrack for seconds or
#: hours. The units are these, and the pattern's own characters and words
#: (`_probe_units`): a pattern backtracks on the text its repeated part matches, and
#: « (b+)+$ », « (\d+)+$ », « (é|éé)+$ » or « ((ab)+)+$ » match no fixed alphabet.
_PROBE_UNITS = ("a", "A", "1", " ", "é", "A ", "a1", "(", ".", "(A,")
_PROBE_ENDS = (("", "!"), ("(", "\n"), ("", "\x00"))
#: What an escape stands for in a probe (« \d » is tried on digits).
_ESCAPE_UNITS = {"d": "1", "w": "a", "s": " ", "D": "a", "W": "!", "S": "a", "p": "a"}
#: How long one probe may take, and one line at run time (`OutletFinder`).
REGEX_TIMEOUT = 0.1


def _probe_units(pattern: str) -> list[str]:
    """The units of the probes for ``pattern``: the fixed ones, each character of the
    pattern, what its escapes stand for, and the words written in it."""
    escapes = [_ESCAPE_UNITS.get(letter) for letter in re.findall(r"\\(\w)", pattern)]
    return list(
        dict.fromkeys(
            [
                *_PROBE_UNITS,
                *(ch for ch in pattern if not ch.isspace()),
                *(unit for unit in escapes if unit),
                *re.findall(r"[^\W\d_]{2,}", pattern),
            ]
        )
    )


@lru_cache(maxsize=256)
def _slow_regex(pattern: str) -> bool:
    """Whether ``pattern`` backtracks for long on one of its probes (the shipped ones are
    tried once a process)."""
    compiled = regex.compile(pattern, flags=regex.VERSION0)
    for unit in _probe_units(pattern):
        for lead, tail in _PROBE_ENDS:
            try:
                compiled.search(f"{lead}{unit * 1000}{tail}", timeout=REGEX_TIMEOUT)
            except TimeoutError:
                return True
    return False


def _checked_regex(pattern: str, path: Path, key: str) -> regex.Pattern[str]:
    """``pattern`` compiled by the ``regex`` engine, which can time out; one that does not
    compile, or that backtracks for long on the probes, is an error naming the file.

    Slowness is judged by a timed run on adversarial lines, not by the pattern's shape:
    the engine defuses some textbook shapes (« ([A-Z]+)*\\) » runs fast on it), and a
    check of nested quantifiers would refuse safe patterns such as the shipped
    « (?:\\s*[,/]\\s*[A-Z][A-Za-z]{1,10})* », where each repeat must take a comma.
    """
    where = f"{path}:{_line_of(path, key)}"
    try:
        compiled = regex.compile(pattern, flags=regex.VERSION0)
    except regex.error as exc:
        raise PatternError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
    if _slow_regex(pattern):
        raise PatternError(
            f"{where}: regular expression {pattern!r} is too slow (it backtracks on "
            "repeated text): avoid nested quantifiers such as (a+)+"
        )
    return compiled


def _first_names(data: dict[str, Any], path: Path) -> dict[str, str]:
    """Folded first name → « f », « m », or « » (either: never gives a gender)."""
    out: dict[str, str] = {}
    for key, gender in (("female", "f"), ("male", "m")):
        for name in _strings(data, key, path):
            out[_fold(name)] = gender
    for name in _strings(data, "either", path):
        out[_fold(name)] = ""
    return out


def build_patterns(merged: RuleData, origin: dict[str, Path] | None = None) -> Patterns:
    """The rule tables of merged pattern data, checked (errors name ``origin``'s files)."""
    origin = {name: Path(name) for name in PATTERN_FILES} | (origin or {})
    verbs_path, attr_path = origin["verbs.yaml"], origin["attributions.yaml"]
    out_path, spk_path = origin["outlets.yaml"], origin["speakers.yaml"]
    v, a, o, s, g, f = (merged.get(n) or {} for n in PATTERN_FILES)
    grammar_path = origin["grammar.yaml"]
    try:
        grammar = build_grammar(g, grammar_path, lambda key: _line_of(grammar_path, key))
    except ValueError as exc:
        raise PatternError(str(exc)) from exc

    verbs = {_base_lemma(x) for x in _strings(v, "verbs", verbs_path) if " " not in _base_lemma(x)}
    locutions = []
    for item in v.get("locutions") or []:
        if (
            not isinstance(item, list)
            or len(item) < 2
            or not all(isinstance(w, str) and w.strip() for w in item)
        ):
            raise PatternError(
                f"{verbs_path}:{_line_of(verbs_path, 'locutions')}: each locution is a list of "
                f"two lemmas or more (found {_short_repr(item)})"
            )
        locutions.append(tuple(item))

    byline = [
        _checked_regex(pattern, out_path, "byline_patterns")
        for pattern in _strings(o, "byline_patterns", out_path)
    ]
    synonyms = a.get("role_synonyms") or []
    if not isinstance(synonyms, list) or not all(
        isinstance(group, list) and all(isinstance(x, str) and x.strip() for x in group)
        for group in synonyms
    ):
        raise PatternError(
            f"{attr_path}:{_line_of(attr_path, 'role_synonyms')}: 'role_synonyms' must be a "
            "list of lists of role nouns"
        )

    def lemmas(key: str) -> frozenset[str]:
        return frozenset(_base_lemma(x) for x in _strings(v, key, verbs_path))

    return Patterns(
        verbs=frozenset(verbs),
        locutions=tuple(locutions),
        infinitive=lemmas("infinitive"),
        request=lemmas("request"),
        small_clause=_grouped(_pairs(v, "small_clause", verbs_path)),
        question_labels=tuple(_strings(a, "question_labels", attr_path)),
        answer_labels=tuple(_strings(a, "answer_labels", attr_path)),
        metonymic_places=frozenset(_strings(a, "metonymic_places", attr_path)),
        anonymity_requests=tuple(_fold(x) for x in _strings(a, "anonymity_requests", attr_path)),
        attribute=lemmas("attribute"),
        question=lemmas("question"),
        question_words=tuple(_strings(v, "question_words", verbs_path)),
        modals=frozenset(_strings(v, "modals", verbs_path)),
        reporting_modals=frozenset(_strings(v, "reporting_modals", verbs_path)),
        recent_past=frozenset(_strings(v, "recent_past", verbs_path)),
        learned_from=lemmas("learned_from"),
        learned_from_words=tuple(
            sorted(
                (tuple(x.lower().split()) for x in _strings(v, "learned_from_words", verbs_path)),
                key=len,
                reverse=True,
            )
        ),
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
        # each noun of a person also as printed without its accents (« maitre »,
        # « entraineur »)
        role_nouns=_with_unaccented(
            _strings(a, "role_nouns", attr_path) + _strings(a, "anaphoric_nouns", attr_path)
        ),
        opinion_markers=tuple(_strings(a, "opinion_markers", attr_path)),
        time_words=frozenset(x.lower() for x in _strings(a, "time_words", attr_path)),
        complement=lemmas("complement"),
        outlet_phrasings=tuple(_strings(o, "outlet_phrasings", out_path)),
        outlet_introducers=tuple(_strings(o, "outlet_introducers", out_path)),
        short_platforms=tuple(_strings(o, "short_platforms", out_path)),
        verb_platforms=dict(_pairs(o, "verb_platforms", out_path)),
        interviewer_nouns=frozenset(x.lower() for x in _strings(o, "interviewer_nouns", out_path)),
        role_synonyms=tuple(frozenset(x.lower() for x in group) for group in synonyms),
        anaphoric_nouns=_with_unaccented(_strings(a, "anaphoric_nouns", attr_path)),
        person_nouns=_with_unaccented(_strings(a, "person_nouns", attr_path)),
        on_places=tuple(sorted(_strings(a, "on_places", attr_path), key=len, reverse=True)),
        title_words=frozenset(x.lower() for x in _strings(a, "title_words", attr_path)),
        possessed_speech=frozenset(x.lower() for x in _strings(a, "possessed_speech", attr_path)),
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
        ungendered_nouns=frozenset(x.lower() for x in _strings(a, "ungendered_nouns", attr_path)),
        anonymous_nouns=frozenset(x.lower() for x in _strings(a, "anonymous_nouns", attr_path)),
        person_endings=tuple(x.lower() for x in _strings(a, "person_endings", attr_path)),
        not_person_nouns=frozenset(x.lower() for x in _strings(a, "not_person_nouns", attr_path)),
        unnamed_speakers=frozenset(x.lower() for x in _strings(a, "unnamed_speakers", attr_path)),
        one_of=frozenset(x.lower() for x in _strings(a, "one_of", attr_path)),
        before_head=frozenset(x.lower() for x in _strings(a, "before_head", attr_path)),
        speaker_possessives=frozenset(
            x.lower() for x in _strings(a, "speaker_possessives", attr_path)
        ),
        plural_determiners=frozenset(
            x.lower() for x in _strings(a, "plural_determiners", attr_path)
        ),
        first_names=_first_names(f, origin["first_names.yaml"]),
        grammar=grammar,
        data=merged,
    )
