"""Attribution checks a newsroom can run in CI: expectations, a baseline, requirements.

Pure functions over claims: they take what `extract` found and return findings, each
located at a line and column of an article, so that the command line only formats them
(text, GitHub annotations, JUnit XML or JSON) and picks the exit code.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.lang.people import SpeakerIndex
from talkclaims.qa.evaluate import speaker_matches, words_of
from talkclaims.qa.findings import Finding, short
from talkclaims.qa.inputs import (
    DataFileError,
    YamlData,
    is_parquet,
    json_array,
    json_lines_file,
    parquet_rows,
    read_text,
)
from talkclaims.records import KINDS, Claim
from talkclaims.text.spans import column_of, line_of

#: An expectation or baseline file that cannot be used: ``FILE:LINE: problem``.
CheckInputError = DataFileError


@dataclass(frozen=True, slots=True)
class Expectation:
    """An attribution a person checked: a quote in an article, its speaker and sources."""

    doc: str
    quote: str
    speaker: str
    sources: tuple[str, ...] | None
    line: int  # in the expectation file, for messages


# ----------------------------------------------------------------- loading
def load_expectations(path: Path) -> list[Expectation]:
    """Expectations of a YAML file: a list of {doc, quote, speaker, sources?}; a
    `CheckInputError` (``FILE:LINE: problem``) for anything else."""
    data = YamlData(path)
    if data.value is None:
        return []
    if not isinstance(data.value, list):
        raise CheckInputError(path, data.line_of(data.value), "expected a list of expectations")
    out = []
    for line, item in data.items(data.value):
        if not isinstance(item, dict):
            raise CheckInputError(path, line, "each expectation is a mapping")
        missing = [k for k in ("doc", "quote", "speaker") if not isinstance(item.get(k), str)]
        if missing:
            raise CheckInputError(path, line, f"missing or not text: {', '.join(missing)}")
        sources = item.get("sources")
        if sources is not None and (
            not isinstance(sources, list) or not all(isinstance(s, str) for s in sources)
        ):
            raise CheckInputError(path, line, "'sources' must be a list of names")
        unknown = set(item) - {"doc", "quote", "speaker", "sources"}
        if unknown:
            names = ", ".join(sorted(map(str, unknown)))
            raise CheckInputError(path, line, f"unknown field(s): {names}")
        out.append(
            Expectation(
                item["doc"],
                item["quote"],
                item["speaker"],
                tuple(sources) if sources is not None else None,
                line,
            )
        )
    return out


#: Baselines in JSON Lines, by their suffix (``.json`` is a JSON list; any other text
#: file is read as YAML, Parquet is known by its first bytes).
_JSON_LINES = (".jsonl", ".ndjson")


def load_baseline(path: Path) -> dict[str, list[Claim]]:
    """Claims written earlier by ``extract`` in YAML, JSON, JSON Lines or Parquet, by
    article; a `CheckInputError` naming the file and line (the row, in Parquet) of the
    first record that is not a claim as extract writes it."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in iter_claims(path):
        by_doc.setdefault(claim.doc, []).append(claim)
    return by_doc


def iter_claims(path: Path) -> Iterator[Claim]:
    """The claims of a file ``extract`` wrote (YAML, JSON, JSON Lines or Parquet), one
    at a time: JSON Lines is read a line at a time and Parquet a row group at a time, so
    an archive of millions of claims is never held whole. The first record that is not
    a claim is a `CheckInputError` naming the file and its line (its row, in Parquet)."""
    for line, where, record in _baseline_records(path):
        try:
            claim = Claim.from_dict(record)
        except ValueError as exc:
            problem = f"{where}not a claim written by extract: {exc}"
            raise CheckInputError(path, line, problem) from None
        yield claim


def _baseline_records(path: Path) -> Iterator[tuple[int | None, str, object]]:
    """(line, where, record) for every record of a baseline file; ``where`` names the
    row of a Parquet file, which has no lines."""
    if is_parquet(path):
        for row, record in parquet_rows(path):
            yield None, f"row {row}: ", record
        return
    if path.suffix.lower() in _JSON_LINES:
        for line, record in json_lines_file(path):
            yield line, "", record
        return
    text = read_text(path)
    if path.suffix.lower() == ".json":
        items: Iterable[tuple[int, object]] = json_array(path, text)
    else:
        data = YamlData(path, text)
        if data.value is None:
            return
        if not isinstance(data.value, list):
            line = data.line_of(data.value)
            raise CheckInputError(path, line, "expected a list of claims written by extract")
        items = data.items(data.value)
    for line, record in items:
        yield line, "", record


# ------------------------------------------------------------------ checks
def _as_given(path: str) -> str:
    """A path compared as written, without a leading « ./ »: « ./corpus/a.txt » is
    « corpus/a.txt »."""
    return Path(path).as_posix().lstrip("./")


def _within(doc: str, paths: Iterable[str]) -> bool:
    """Whether ``doc`` is one of ``paths`` or inside one of them (as the paths were given)."""
    name = _as_given(doc)
    for path in paths:
        folder = _as_given(path).rstrip("/")
        if name == folder or name.startswith(folder + "/") or not folder:
            return True
    return False


def _same_doc(expected: str, actual: str) -> bool:
    """« corpus/a.txt » as written in the expectation file matches « ./corpus/a.txt »."""
    a, b = _as_given(expected), _as_given(actual)
    return a == b or b.endswith("/" + a) or a.endswith("/" + b)


def check_expectations(
    expectations: Sequence[Expectation],
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    same_person: Callable[[str, str], bool] | None = None,
) -> list[Finding]:
    """Each expected quote must be found, with the expected speaker and sources.

    A speaker matches when it contains the expected name as whole words, or when both
    names are the same known person (« Ouchakov » and « Yuri Ushakov »).
    """
    findings = []
    articles = _Articles(texts)
    claim_words: dict[int, str] = {}  # each claim's words, computed once for every quote
    for exp in expectations:
        doc = articles.same_as(exp.doc)
        if doc is None:
            findings.append(Finding(exp.doc, 1, 1, "expected", "article not checked in this run"))
            continue
        text = texts[doc]
        at = text.find(exp.quote)
        line = line_of(text, at) if at >= 0 else 1
        col = column_of(text, at) if at >= 0 else 1
        quote = words_of(exp.quote)
        found = []
        for c in claims.get(doc, ()) if quote else ():
            if id(c) not in claim_words:
                claim_words[id(c)] = words_of(c.text)
            if quote in claim_words[id(c)]:
                found.append(c)
        if not found:
            where = "is not in the article" if at < 0 else "is in the article but not attributed"
            findings.append(
                Finding(doc, line, col, "expected", f"expected quote {where}: «{exp.quote}»")
            )
            continue
        claim = found[0]
        at_claim = (doc, claim.line, column_of(text, claim.start), "expected")
        if not speaker_matches(claim.speaker, [exp.speaker]) and not (
            same_person and claim.speaker and same_person(exp.speaker, claim.speaker)
        ):
            message = f"«{exp.quote}»: expected speaker {exp.speaker!r}, found {claim.speaker!r}"
            findings.append(Finding(*at_claim, message))
        for source in exp.sources or ():
            if not any(words_of(source) == words_of(s) for s in claim.sources):
                found_sources = ", ".join(claim.sources) or "none"
                message = f"«{exp.quote}»: expected source {source!r}, found {found_sources}"
                findings.append(Finding(*at_claim, message))
    return findings


def check_required(
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    require: Iterable[str],
    kinds: Iterable[str],
) -> list[Finding]:
    """Every claim of the chosen kinds must have what ``require`` asks: a speaker, a
    source, a named speaker (a person, a role, an organisation or the outlet: not an
    anonymous one), a described one (an anonymous speaker with more than its noun:
    « une source diplomatique européenne », not « une source »)."""
    require, kinds = set(require), set(kinds)
    findings = []
    for doc, found in claims.items():
        for claim in found:
            if claim.kind not in kinds:
                continue
            at_claim = (doc, claim.line, column_of(texts[doc], claim.start), "require")
            for why in _unmet(claim, require):
                message = f"{claim.kind} claim {why}: «{_short(claim.text)}»"
                findings.append(Finding(*at_claim, message))
    return findings


def _unmet(claim: Claim, require: set[str]) -> list[str]:
    """Why ``claim`` fails each requirement of ``require`` it fails, in REQUIREMENTS order."""
    out = []
    if not claim.speaker and require & {"speaker", "named", "described"}:
        out.append("with no speaker")
    if "source" in require and not claim.sources:
        out.append("with no source")
    if not claim.speaker:
        return out
    if "named" in require and claim.speaker_type == "anonymous":
        out.append(f"with an anonymous speaker ({claim.speaker_mention or claim.speaker})")
    elif "named" in require and claim.speaker_type is None:
        out.append(f"with a speaker of unknown kind ({claim.speaker})")
    if (
        "described" in require
        and claim.speaker_type == "anonymous"
        and not described(claim.speaker)
    ):
        out.append(f"with an anonymous speaker and no description ({claim.speaker})")
    return out


def described(speaker: str) -> bool:
    """Whether an anonymous speaker carries a description: more than a determiner and its
    noun (« une source » does not, « une source diplomatique », « un proche du
    dossier » do); a pronoun (« on », « l'un d'eux ») does not."""
    closed = _undescribing()
    words = [w for w in speaker.lower().replace("’", "'").split() if w not in closed]
    words = [
        w for w in words if not any(w.startswith(e) and w[len(e) :] in closed for e in ("l'", "d'"))
    ]
    return len(words) >= 2


@lru_cache(maxsize=1)
def _undescribing() -> frozenset[str]:
    """Words that say nothing of who an anonymous speaker is: determiners, pronouns,
    quantifiers (built once: `described` runs for every anonymous claim)."""
    patterns = shipped_patterns()
    grammar = patterns.grammar
    return frozenset(
        grammar.definite_articles
        | grammar.indefinite_determiners
        | grammar.possessives
        | grammar.demonstratives
        | grammar.indefinite_pronouns
        | grammar.subject_pronouns
        | patterns.unnamed_speakers
        | patterns.one_of
        | patterns.speaker_possessives
        | grammar.disjunctive_pronouns
        | patterns.strip_determiners  # « les », « ces », « certains »
    )


#: Two claims are the same claim when their words overlap this much (Jaccard), whatever
#: their offsets: an edit elsewhere in the article moves offsets, not words.
SAME_CLAIM = 0.6


def _words(claim: Claim) -> frozenset[str]:
    """The words of a claim's text as the matching compares them (`words_of`)."""
    return frozenset(words_of(claim.text).split())


def match_claims(before: Sequence[Claim], current: Sequence[Claim]) -> list[tuple[int, int]]:
    """The same claims in ``before`` and ``current``: pairs (i, j) whose words overlap by
    `SAME_CLAIM` or more, one to one, the most similar first (then by position in
    ``before``, then in ``current``), in the order they are taken.

    That is the greedy matching over every pair sorted by similarity, without comparing
    every pair (1,500 claims were 2.25 million comparisons, 3,000 took three minutes
    and 2.75 GB): claims with the same words (similarity 1, the highest) are paired
    first, in order; the others are compared only with claims sharing one of their
    rarest words, which two claims 60 % alike always do (prefix filtering: of a set of n
    words ordered by rarity, a claim this similar shares one of the first
    n - ceil(0.6 n) + 1). The pairs are the ones the full comparison gives.
    """
    old_words = [_words(claim) for claim in before]
    new_words = [_words(claim) for claim in current]
    waiting: dict[frozenset[str], deque[int]] = defaultdict(deque)
    for j, words in enumerate(new_words):
        waiting[words].append(j)
    pairs = []
    for i, words in enumerate(old_words):  # the k-th old copy of some words takes the k-th new
        if waiting.get(words):
            pairs.append((i, waiting[words].popleft()))
    used_old = {i for i, _ in pairs}
    used_new = {j for _, j in pairs}
    left_old = [i for i, words in enumerate(old_words) if words and i not in used_old]
    left_new = [j for j, words in enumerate(new_words) if words and j not in used_new]
    rarity = Counter(w for n in left_old for w in old_words[n])
    rarity.update(w for n in left_new for w in new_words[n])

    def prefix(words: frozenset[str]) -> list[str]:
        ordered = sorted(words, key=lambda w: (rarity[w], w))
        shared = max(1, math.ceil(SAME_CLAIM * len(ordered) - 1e-9))  # words in common
        return ordered[: len(ordered) - shared + 1]

    by_word: dict[str, list[int]] = defaultdict(list)
    for j in left_new:
        for word in prefix(new_words[j]):
            by_word[word].append(j)
    similar = []
    for i in left_old:
        words = old_words[i]
        seen: set[int] = set()
        for word in prefix(words):
            for j in by_word.get(word, ()):
                if j not in seen:
                    seen.add(j)
                    common = len(words & new_words[j])
                    score = common / (len(words) + len(new_words[j]) - common)
                    if score >= SAME_CLAIM:
                        similar.append((score, i, j))
    similar.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, j in similar:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return pairs


class _Articles:
    """Article names, indexed for `_same_doc`: the first of them that names the same
    article as a path, found without comparing the path with each of them."""

    def __init__(self, docs: Iterable[str]) -> None:
        self.docs = list(docs)
        self.exact: dict[str, int] = {}
        self.ending: dict[str, int] = {}  # « b/c.txt » and « c.txt » of « a/b/c.txt »
        for n, doc in enumerate(self.docs):
            name = _as_given(doc)
            self.exact.setdefault(name, n)
            for tail in _tails(name):
                self.ending.setdefault(tail, n)

    def same_as(self, doc: str) -> str | None:
        """The first article that `_same_doc` says is ``doc``, or None."""
        name = _as_given(doc)
        found = [self.exact.get(name), self.ending.get(name)]
        found += [self.exact.get(tail) for tail in _tails(name)]
        first = min((n for n in found if n is not None), default=None)
        return None if first is None else self.docs[first]


def _tails(name: str) -> list[str]:
    """What follows each « / » of a path: « b/c.txt » and « c.txt » for « a/b/c.txt »."""
    return [name[n + 1 :] for n, char in enumerate(name) if char == "/"]


def compare_baseline(
    baseline: Mapping[str, Sequence[Claim]],
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    scope: Iterable[str] = (),
) -> list[Finding]:
    """Claims added, removed, or changed (speaker, sources, cue, kind) since the baseline,
    and articles of the baseline that are gone: those inside the checked paths ``scope``
    (an article of the baseline outside them was simply not checked this time).

    Claims are paired by `match_claims`, articles through an index of their paths: time
    near-linear in the claims and articles, memory in proportion to them.
    """
    scope = list(scope)
    findings = []
    checked = _Articles(claims)
    for old_doc, before in baseline.items():
        if before and _within(old_doc, scope) and checked.same_as(old_doc) is None:
            findings.append(
                Finding(
                    old_doc,
                    1,
                    1,
                    "baseline",
                    f"removed article: its {len(before)} claim(s) are gone",
                )
            )
    recorded = _Articles(baseline)
    for doc, current in claims.items():
        old_doc = recorded.same_as(doc)
        before = list(baseline.get(old_doc, ())) if old_doc else []
        pairs = match_claims(before, current)
        for i, j in pairs:
            old, new = before[i], current[j]
            changes = [
                f"{field} {getattr(old, field)!r} → {getattr(new, field)!r}"
                for field in ("speaker", "cue", "kind")
                if getattr(old, field) != getattr(new, field)
            ]
            if set(old.sources) != set(new.sources):
                changes.append(f"sources {list(old.sources)} → {list(new.sources)}")
            if changes:
                findings.append(
                    Finding(
                        doc,
                        new.line,
                        column_of(texts[doc], new.start),
                        "baseline",
                        f"changed: «{_short(new.text)}»: " + "; ".join(changes),
                    )
                )
        used_old = {i for i, _ in pairs}
        used_new = {j for _, j in pairs}
        for i, old in enumerate(before):
            if i not in used_old:
                findings.append(
                    Finding(
                        doc,
                        old.line,
                        1,
                        "baseline",
                        f"removed: «{_short(old.text)}» ({old.speaker})",
                    )
                )
        for j, new in enumerate(current):
            if j not in used_new:
                findings.append(
                    Finding(
                        doc,
                        new.line,
                        column_of(texts[doc], new.start),
                        "baseline",
                        f"added: «{_short(new.text)}» ({new.speaker})",
                    )
                )
    return sorted(findings, key=lambda f: (f.doc, f.line, f.col))


#: What ``--require`` can ask every claim to have, and what it can ask of the corpus:
#: each quotation attributed to one person, and printed in one wording
#: (`talkclaims.qa.quotes`).
CLAIM_REQUIREMENTS = ("speaker", "source", "named", "described")
REQUIREMENTS = (*CLAIM_REQUIREMENTS, "consistent-speaker", "same-wording")
#: The kinds ``--require`` applies to unless told otherwise: quotations, whose words are
#: someone's and must be credited.
DEFAULT_KINDS = ("direct", "mixed")


def run_checks(
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    *,
    expectations: Sequence[Expectation] = (),
    baseline: Mapping[str, Sequence[Claim]] | None = None,
    required: Iterable[str] = (),
    kinds: Iterable[str] = DEFAULT_KINDS,
    min_confidence: float = 0.0,
    same_person: Callable[[str, str], bool] | None = None,
    scope: Iterable[str] = (),
    against: Iterable[Claim] | None = None,
    people: SpeakerIndex | None = None,
    min_words: int | None = None,
) -> list[Finding]:
    """Every check ``talkclaims check`` was asked for, on the claims of one run.

    ``claims`` and ``texts`` are by article (its name as read); claims below
    ``min_confidence`` are left out first, so that a claim the extractor doubts neither
    satisfies an expectation nor fails a requirement. Findings come in a fixed order:
    expectations (in their file's order), then changes since ``baseline`` (if given), then
    claims lacking what ``required`` asks (speaker, source, named, described) among
    ``kinds``, then the quotations' consistency across the articles and the
    ``against`` archive (consistent-speaker, same-wording: `talkclaims.qa.quotes`; both
    when an archive is given and neither is asked for), with ``people`` telling one
    person's spellings apart from another person. An unknown
    requirement or kind is a ValueError rather than a check that silently never fails.
    """
    wanted, chosen = set(required), set(kinds)
    if wanted - set(REQUIREMENTS) or chosen - set(KINDS):
        raise ValueError(f"required takes {', '.join(REQUIREMENTS)}; kinds {', '.join(KINDS)}")
    kept = {
        doc: [c for c in found if c.confidence >= min_confidence] for doc, found in claims.items()
    }
    findings = check_expectations(expectations, kept, texts, same_person)
    if baseline is not None:
        findings += compare_baseline(baseline, kept, texts, scope)
    if wanted & set(CLAIM_REQUIREMENTS):
        findings += check_required(kept, texts, wanted & set(CLAIM_REQUIREMENTS), chosen)
    corpus = wanted - set(CLAIM_REQUIREMENTS)
    if against is not None and not corpus:
        corpus = set(REQUIREMENTS) - set(CLAIM_REQUIREMENTS)
    if corpus:
        from talkclaims.corpus.groups import MIN_WORDS
        from talkclaims.qa.quotes import check_quotations

        if people is None:
            people = SpeakerIndex(shipped_patterns())
        findings += check_quotations(
            kept, texts, corpus, people, against, MIN_WORDS if min_words is None else min_words
        )
    return findings


_short = short


# ----------------------------------------------------------------- formats
def format_text(findings: Sequence[Finding]) -> str:
    """One line per finding: ``path:line:col: message`` (what editors and CI logs link)."""
    return "".join(f"{f.location()}: {f.message}\n" for f in findings)


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in the PR."""
    return "".join(
        f"::error file={_gh_escape(f.doc, True)},line={f.line},col={f.col},"
        f"title={_gh_escape('talkclaims ' + f.check, True)}::{_gh_escape(f.message)}\n"
        for f in findings
    )


#: What XML 1.0 allows no document to hold, even escaped: the C0 controls but tab,
#: newline and carriage return (a PDF's form feeds and vertical tabs among them), lone
#: surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    # a C0 control as its Unicode control picture (form feed ␌, as `printable` shows it
    # on a terminal), the others as the replacement character
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids made visible, one for one, so that
    a JUnit report of text extracted from a PDF is XML every CI parser reads."""
    return _NOT_XML.sub(_xml_char, text)


def format_junit(findings: Sequence[Finding], docs: Sequence[str]) -> str:
    """JUnit XML, one test case per article, failing with its findings (article names
    and findings made XML-safe by `xml_text`)."""
    by_doc: dict[str, list[Finding]] = {}
    for f in findings:
        by_doc.setdefault(f.doc, []).append(f)
    names = list(dict.fromkeys([*docs, *by_doc]))
    failed = sum(1 for d in names if by_doc.get(d))
    suite = ElementTree.Element(
        "testsuite",
        name="talkclaims check",
        tests=str(len(names)),
        failures=str(failed),
        errors="0",
    )
    for doc in names:
        case = ElementTree.SubElement(
            suite, "testcase", classname="talkclaims.check", name=xml_text(doc)
        )
        found = by_doc.get(doc)
        if found:
            failure = ElementTree.SubElement(
                case, "failure", message=f"{len(found)} attribution finding(s)"
            )
            failure.text = xml_text(format_text(found))
    return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def format_json(findings: Sequence[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2) + "\n"


#: The formats of `render_findings`, for people (text), pull requests (github), CI test
#: reports (junit) and tools (json).
FORMATS = ("text", "github", "junit", "json")


def render_findings(findings: Sequence[Finding], fmt: str, docs: Sequence[str]) -> str:
    """``findings`` in the format ``fmt``; ``docs`` are every article checked, which JUnit
    lists as passing test cases when they have no finding."""
    if fmt == "github":
        return format_github(findings)
    if fmt == "junit":
        return format_junit(findings, docs)
    if fmt == "json":
        return format_json(findings)
    if fmt == "text":
        return format_text(findings)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
