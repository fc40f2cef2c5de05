"""Score predicted claims against hand-checked gold, as ``shared/gold/README.md`` defines.

A prediction matches a gold claim of the same article when their spans overlap by at
least a share of the gold span (30 %, or 80 % for the strict score). Matching is one
to one, largest overlaps first, so each gold claim takes the prediction that overlaps
it most. The scorer is pure: it takes gold and predictions and returns numbers, so it
is tested on hand-made predictions without the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from talkclaims.records import KINDS, Claim
from talkclaims.text.fold import fold

THRESHOLDS = (0.3, 0.8)


class GoldError(ValueError):
    """A gold file that cannot be scored against; the message names the file."""


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


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


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


def _same_name(a: str, b: str) -> bool:
    return words_of(a) == words_of(b)


def load_gold_file(path: Path, text: str) -> list[GoldClaim]:
    """Gold claims of one article, located in its text (``occurrence`` counts from 1)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: invalid YAML: {exc}") from exc
    claims = []
    for n, item in enumerate(data.get("claims") or [], 1):
        snippet = item.get("text") or ""
        occurrence = int(item.get("occurrence") or 1)
        pos = -1
        for _ in range(occurrence):
            pos = text.find(snippet, pos + 1)
            if pos < 0:
                break
        if not snippet or pos < 0:
            raise GoldError(f"{path}: claim {n}: text not found in the article: {snippet[:60]!r}")
        speakers = item.get("speaker")
        if isinstance(speakers, str):
            speakers = [speakers]
        claims.append(
            GoldClaim(
                kind=item.get("kind", "indirect"),
                text=snippet,
                start=pos,
                end=pos + len(snippet),
                speakers=tuple(speakers) if speakers is not None else None,
                cue=item.get("cue"),
                sources=tuple(item.get("sources") or ()),
            )
        )
    return claims


def gold_documents(gold_dir: Path) -> dict[str, Path]:
    """Article name → gold file, read from each file's ``doc`` field (else its stem)."""
    found = {}
    for path in sorted(gold_dir.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise GoldError(f"{path}: invalid YAML: {exc}") from exc
        if not isinstance(data, dict) or "claims" not in data:
            continue
        found[str(data.get("doc") or path.stem + ".txt")] = path
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
        correct += sum(any(_same_name(s, g) for g in m.gold.sources) for s in m.pred.sources)
    s_p, s_r = _ratio(correct, pred_pairs), _ratio(correct, gold_pairs)
    with_cue = [m for m in matches if m.gold.cue]
    cue_ok = sum(bool(m.pred.cue) and fold(m.pred.cue) == fold(m.gold.cue or "") for m in with_cue)
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
