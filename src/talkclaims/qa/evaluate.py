"""Score predicted claims against hand-checked gold, as ``tests/data/gold/README.md``
(a copy of the project's shared gold) defines.

A prediction matches a gold claim of the same article when their spans overlap by at
least a share of the gold span (30 %, or 80 % for the strict score). Matching is one
to one, largest overlaps first, so each gold claim takes the prediction that overlaps
it most. The scorer is pure: it takes gold and predictions and returns numbers, so it
is tested on hand-made predictions without the model. `evaluate_corpus` is the whole
run of ``talkclaims evaluate``: gold files, their articles read as every command reads
them, and any extractor.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Protocol

from talkclaims.qa.inputs import DataFileError, YamlData
from talkclaims.read.readers import ReadFailure, read_path
from talkclaims.records import GENDERS, KINDS, SPEAKER_TYPES, Claim, shown, value_kind
from talkclaims.text.fold import fold

THRESHOLDS = (0.3, 0.8)


#: A gold file that cannot be scored against: ``FILE:LINE: problem``.
GoldError = DataFileError


@dataclass(frozen=True)
class GoldClaim:
    """One hand-checked claim, with its offsets found in the article."""

    kind: str
    text: str
    start: int
    end: int
    speakers: tuple[str, ...] | None  # None: the article names no one
    cue: str | None
    sources: tuple[str, ...]
    #: The optional annotations the gold gives (``speaker_type``, ``speaker_gender``),
    #: by key: a key absent is not scored, a key present with null is (null is a value).
    speaker_kind: tuple[tuple[str, str | None], ...] = ()

    def annotation(self, key: str) -> tuple[bool, str | None]:
        """(whether the gold gives ``key``, its value)."""
        for k, v in self.speaker_kind:
            if k == key:
                return True, v
        return False, None


@dataclass
class Match:
    gold: GoldClaim
    pred: Claim

    @property
    def speaker_ok(self) -> bool:
        return speaker_matches(self.pred.speaker, self.gold.speakers)


@dataclass
class DocResult:
    """Matching of one article: pairs, and what was left on each side."""

    doc: str
    matches: list[Match] = field(default_factory=list)
    missed: list[GoldClaim] = field(default_factory=list)
    extra: list[Claim] = field(default_factory=list)


@dataclass(frozen=True)
class Scores:
    """The figures `talkclaims evaluate` prints, for one overlap threshold."""

    threshold: float
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    attributed_precision: float
    attributed_recall: float
    attributed_f1: float
    sources_precision: float
    sources_recall: float
    sources_f1: float
    cue_accuracy: float
    #: Over matched claims whose gold gives it (NaN when none does).
    speaker_type_accuracy: float = math.nan
    speaker_gender_accuracy: float = math.nan


def _f1(p: float, r: float) -> float:
    if math.isnan(p) or math.isnan(r):
        # over nothing on one side: no F1, unless the other side is a plain zero
        return 0.0 if 0.0 in (p, r) else math.nan
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: int, den: int) -> float:
    """A share; NaN when there is nothing to share (no gold source, no prediction), so
    that a score over nothing is never shown as a perfect one."""
    return num / den if den else math.nan


def words_of(text: str) -> str:
    """Lower-case words without accents or punctuation: how names and quotes compare."""
    return " ".join(re.findall(r"\w+", fold(text)))


def speaker_matches(predicted: str | None, accepted: Sequence[str] | None) -> bool:
    """Whole-word, case- and accent-insensitive containment of an accepted name."""
    if accepted is None:
        return predicted is None
    if predicted is None:
        return False
    haystack = f" {words_of(predicted)} "
    return any(f" {words_of(name)} " in haystack for name in accepted if words_of(name))


def same_cue(a: str, b: str) -> bool:
    """Same reporting verb, case, accents and a reflexive pronoun aside: « s'alarmer »
    and « alarmer », « se demander » and « demander » (annotators write the pronominal
    form or not; the verb is the same)."""
    return _cue_key(a) == _cue_key(b)


def _cue_key(cue: str) -> str:
    key = fold(cue)
    for pronoun in ("se ", "s'"):
        if key.startswith(pronoun):
            return key[len(pronoun) :].strip()
    return key


def same_source(a: str, b: str) -> bool:
    """Either name holds the other as whole words, case and accents ignored: « RIA »
    and « RIA Novosti », « ABC » and « ABC News » name the same outlet."""
    wa, wb = words_of(a), words_of(b)
    if not wa or not wb:
        return False
    return f" {wa} " in f" {wb} " or f" {wb} " in f" {wa} "


def matched_sources(predicted: Sequence[str], gold: Sequence[str]) -> int:
    """How many predicted sources match a gold one, each gold source matching at most
    one prediction (an exact name first, then a containing one)."""
    left = list(gold)
    count = 0
    for name in sorted(predicted, key=lambda n: not any(words_of(n) == words_of(g) for g in gold)):
        exact = [g for g in left if words_of(g) == words_of(name)]
        found = exact or [g for g in left if same_source(name, g)]
        if found:
            left.remove(found[0])
            count += 1
    return count


def load_gold_file(path: Path, text: str) -> list[GoldClaim]:
    """Gold claims of one article, located in its text (``occurrence`` counts from 1); a
    `GoldError` (``FILE:LINE: claim N: problem``) for a claim that is not one."""
    data = YamlData(path)
    root = data.value if data.value is not None else {}
    if not isinstance(root, dict) or not isinstance(root.get("claims") or [], list):
        raise GoldError(path, data.line_of(root), "expected a mapping with a list of claims")
    claims = []
    for n, (line, item) in enumerate(data.items(root.get("claims") or []), 1):
        problem = gold_claim_problem(item)
        if problem is not None:
            raise GoldError(path, line, f"claim {n}: {problem}")
        snippet = item["text"]
        pos = -1
        for _ in range(item.get("occurrence") or 1):
            pos = text.find(snippet, pos + 1)
            if pos < 0:
                break
        if not snippet or pos < 0:
            raise GoldError(
                path, line, f"claim {n}: text not found in the article: {snippet[:60]!r}"
            )
        speakers = item.get("speaker")
        if isinstance(speakers, str):
            speakers = [speakers]
        kind = tuple((key, item[key]) for key in ("speaker_type", "speaker_gender") if key in item)
        claims.append(
            GoldClaim(
                kind=item.get("kind", "indirect"),
                text=snippet,
                start=pos,
                end=pos + len(snippet),
                speakers=tuple(speakers) if speakers is not None else None,
                cue=item.get("cue"),
                sources=tuple(item.get("sources") or ()),
                speaker_kind=kind,
            )
        )
    return claims


def gold_claim_problem(item: object) -> str | None:
    """Why a claim of a gold file cannot be scored (« 'sources' must be a list of names:
    item 2 is a number »), or None: every field the scorer reads, checked for its type."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return "expected a mapping with a text"
    if "kind" in item and item["kind"] not in KINDS:
        return f"'kind' must be one of {', '.join(KINDS)}, not {shown(item['kind'])}"
    occurrence = item.get("occurrence")
    if occurrence is not None and (
        not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1
    ):
        return f"'occurrence' must be a whole number from 1, not {shown(occurrence)}"
    speaker = item.get("speaker")
    if not (speaker is None or isinstance(speaker, str)):
        if not isinstance(speaker, list):
            return f"'speaker' must be a name, a list of names or null, not {shown(speaker)}"
        problem = _names_problem("speaker", speaker)
        if problem:
            return problem
    sources = item.get("sources")
    if sources is not None:
        if not isinstance(sources, list):
            return f"'sources' must be a list of names, not {shown(sources)}"
        problem = _names_problem("sources", sources)
        if problem:
            return problem
    cue = item.get("cue")
    if cue is not None and not isinstance(cue, str):
        return f"'cue' must be a verb or null, not {shown(cue)}"
    for key, allowed in (("speaker_type", SPEAKER_TYPES), ("speaker_gender", GENDERS)):
        if item.get(key) is not None and item[key] not in allowed:
            return f"'{key}' must be one of {', '.join(allowed)} or null, not {shown(item[key])}"
    return None


def _names_problem(key: str, names: list[object]) -> str | None:
    for n, name in enumerate(names, 1):
        if not isinstance(name, str):
            return f"{key!r} must be a list of names: item {n} is {value_kind(name)}"
    return None


def gold_documents(gold_dir: Path) -> dict[str, Path]:
    """Article name → gold file, read from each file's ``doc`` field (else its stem)."""
    found = {}
    for path in sorted(gold_dir.glob("*.y*ml")):
        data = YamlData(path)
        root = data.value
        if not isinstance(root, dict) or "claims" not in root:
            continue
        doc = root.get("doc")
        if doc is not None and not isinstance(doc, str):
            line = data.key_line(root, "doc")
            raise GoldError(path, line, f"'doc' must be the article's file name, not {shown(doc)}")
        found[doc or path.stem + ".txt"] = path
    return found


def match_document(
    doc: str,
    gold: Sequence[GoldClaim],
    predicted: Sequence[Claim],
    threshold: float,
    kinds: Iterable[str] = KINDS,
) -> DocResult:
    """One-to-one matching, largest overlap first, of the claims of the chosen kinds."""
    kinds = set(kinds)
    gold = [g for g in gold if g.kind in kinds]
    predicted = [p for p in predicted if p.kind in kinds]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and overlap >= threshold * (g.end - g.start):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    result = DocResult(doc)
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        result.matches.append(Match(gold[gi], predicted[pi]))
    result.matches.sort(key=lambda m: m.gold.start)
    result.missed = [g for i, g in enumerate(gold) if i not in used_g]
    result.extra = [p for i, p in enumerate(predicted) if i not in used_p]
    return result


def score(results: Sequence[DocResult], threshold: float) -> Scores:
    """Aggregate figures over all articles."""
    matches = [m for r in results for m in r.matches]
    n_match = len(matches)
    n_gold = n_match + sum(len(r.missed) for r in results)
    n_pred = n_match + sum(len(r.extra) for r in results)
    precision, recall = _ratio(n_match, n_pred), _ratio(n_match, n_gold)
    right = sum(m.speaker_ok for m in matches)
    a_p, a_r = _ratio(right, n_pred), _ratio(right, n_gold)
    pred_pairs = gold_pairs = correct = 0
    for m in matches:
        pred_pairs += len(m.pred.sources)
        gold_pairs += len(m.gold.sources)
        correct += matched_sources(m.pred.sources, m.gold.sources)
    s_p, s_r = _ratio(correct, pred_pairs), _ratio(correct, gold_pairs)
    with_cue = [m for m in matches if m.gold.cue]
    cue_ok = sum(
        bool(m.pred.cue) and same_cue(m.pred.cue or "", m.gold.cue or "") for m in with_cue
    )
    kind_accuracy = {}
    for key in ("speaker_type", "speaker_gender"):
        given = [(m, m.gold.annotation(key)[1]) for m in matches if m.gold.annotation(key)[0]]
        kind_accuracy[key] = _ratio(sum(getattr(m.pred, key) == v for m, v in given), len(given))
    return Scores(
        threshold=threshold,
        gold=n_gold,
        predicted=n_pred,
        matched=n_match,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        speaker_accuracy=_ratio(right, n_match),
        attributed_precision=a_p,
        attributed_recall=a_r,
        attributed_f1=_f1(a_p, a_r),
        sources_precision=s_p,
        sources_recall=s_r,
        sources_f1=_f1(s_p, s_r),
        cue_accuracy=_ratio(cue_ok, len(with_cue)),
        speaker_type_accuracy=kind_accuracy["speaker_type"],
        speaker_gender_accuracy=kind_accuracy["speaker_gender"],
    )


def evaluate(
    gold: Mapping[str, Sequence[GoldClaim]],
    predicted: Mapping[str, Sequence[Claim]],
    kinds: Iterable[str] = KINDS,
    thresholds: Sequence[float] = THRESHOLDS,
) -> dict[float, tuple[Scores, list[DocResult]]]:
    """Scores and per-article matchings at each threshold."""
    kinds = tuple(kinds)
    out = {}
    for threshold in thresholds:
        results = [
            match_document(doc, claims, predicted.get(doc, ()), threshold, kinds)
            for doc, claims in gold.items()
        ]
        out[threshold] = (score(results, threshold), results)
    return out


class ClaimFinder(Protocol):
    """What `evaluate_corpus` needs of an extractor (`talkclaims.run.extract.Extractor`)."""

    def claims(self, text: str, doc_id: str = "") -> list[Claim]: ...


@dataclass(frozen=True, slots=True)
class ArticleIssue:
    """An article of the gold that could not be scored (or was read with a fallback).

    ``warning`` issues do not fail the run: the article was read (as Windows-1252) and
    scored; the others left it out of the scores.
    """

    path: str
    message: str
    warning: bool = False


@dataclass(frozen=True)
class CorpusEvaluation:
    """The outcome of `evaluate_corpus`: what `talkclaims evaluate` prints."""

    results: dict[float, tuple[Scores, list[DocResult]]]
    articles: int  # articles scored
    issues: tuple[ArticleIssue, ...] = ()

    @property
    def failed(self) -> bool:
        """True when an article of the gold set could not be scored: the scores of the
        others would not be the gold set's (`talkclaims evaluate` exits 2)."""
        return any(not issue.warning for issue in self.issues)


def inside_folder(name: str) -> bool:
    """Whether the relative path ``name`` stays inside the folder it is read from: not
    absolute (« /etc/passwd ») and not climbing out (« ../x.txt », « a/../../x.txt »).
    Judged on the path as written: a link inside the folder is the folder's own."""
    path = PurePath(name)
    return not path.is_absolute() and ".." not in PurePath(os.path.normpath(name)).parts


def evaluate_corpus(
    gold_dir: Path,
    corpus_dir: Path,
    extractor: ClaimFinder,
    kinds: Iterable[str] = KINDS,
    thresholds: Sequence[float] = THRESHOLDS,
) -> CorpusEvaluation:
    """Score ``extractor`` on every article the gold files of ``gold_dir`` name.

    Articles are read from ``corpus_dir`` by `talkclaims.read.readers.read_path`, as
    ``extract`` reads them, so a gold corpus saved with a byte-order mark, in UTF-16 or in
    Windows-1252 scores as its UTF-8 copy: gold snippets are found in the decoded text,
    the one the extractor sees, so both sides share offsets. An article that cannot be
    read, or whose gold cannot be placed in it, is an issue and is left out of the scores;
    the others are scored; so is a gold file whose ``doc`` is outside ``corpus_dir``
    (absolute, or climbing out with « .. »), which is not read. A gold file that is not
    YAML raises `GoldError` before any article is read: the gold folder itself is wrong.
    """
    gold: dict[str, list[GoldClaim]] = {}
    predicted: dict[str, list[Claim]] = {}
    issues: list[ArticleIssue] = []
    for name, gold_path in gold_documents(gold_dir).items():
        if not inside_folder(name):  # a gold file from elsewhere reads nothing outside
            message = f"doc {name!r} is outside the corpus folder {corpus_dir}: not read"
            issues.append(ArticleIssue(str(gold_path), message))
            continue
        article = str(corpus_dir / name)
        document = read_path(article)
        if isinstance(document, ReadFailure):
            issues.append(ArticleIssue(article, document.message))
            continue
        if document.warning:
            issues.append(ArticleIssue(article, document.warning, warning=True))
        try:
            gold[name] = load_gold_file(gold_path, document.text)
        except GoldError as exc:  # the gold file, re-read
            issues.append(ArticleIssue(article, str(exc)))
            continue
        predicted[name] = extractor.claims(document.text, name)
    return CorpusEvaluation(evaluate(gold, predicted, kinds, thresholds), len(gold), tuple(issues))
