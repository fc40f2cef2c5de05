"""The seed corpus end to end: offsets, the gold targets, and what must not be a claim."""

from __future__ import annotations

import pytest

from talkclaims.qa.evaluate import evaluate, gold_documents, load_gold_file
from tests.conftest import CORPUS, GOLD, assert_offsets


def test_offset_invariant_holds_on_every_record(corpus_claims):
    assert sum(len(claims) for _, claims in corpus_claims.values()) > 30
    for text, claims in corpus_claims.values():
        assert_offsets(text, claims)


def test_rule_and_confidence_on_every_record(corpus_claims):
    for _, claims in corpus_claims.values():
        for claim in claims:
            assert claim.rule and 0.0 < claim.confidence <= 1.0


def test_scare_quotes_are_not_claims(corpus_claims):
    _, claims = corpus_claims["004_7e7ff5fcdf0c6711.txt"]
    for scare in ("carotte", "bâton", "mise à jour", "victoire", "faucons"):
        assert not any(c.kind == "direct" and c.text == scare for c in claims), scare
    _, claims = corpus_claims["000_b04f12924e239548.txt"]
    assert not any(c.text in ("sur le fond", "sans formulations concrètes") for c in claims)


@pytest.fixture(scope="module")
def scores(corpus_claims):
    gold = {}
    for name, path in gold_documents(GOLD).items():
        gold[name] = load_gold_file(path, (CORPUS / name).read_text(encoding="utf-8"))
    predicted = {name: claims for name, (_, claims) in corpus_claims.items()}
    return {
        kinds: evaluate(gold, predicted, kinds)
        for kinds in (("direct", "mixed"), ("direct", "indirect", "mixed"))
    }


def test_direct_and_mixed_targets(scores):
    s, _ = scores[("direct", "mixed")][0.3]
    assert s.f1 >= 0.80 and s.speaker_accuracy >= 0.80


def test_all_kinds_targets(scores):
    s, _ = scores[("direct", "indirect", "mixed")][0.3]
    assert s.f1 >= 0.90
    assert s.speaker_accuracy >= 0.95
    assert s.attributed_f1 >= 0.85
    assert s.sources_f1 >= 0.90
    assert s.cue_accuracy >= 0.85


def _scores_of(extractor, root):
    """Scores (overlap ≥ 30 %, all kinds) of a set with ``gold/`` and ``corpus/``, and
    how many articles it has."""
    gold, predicted = {}, {}
    for name, path in gold_documents(root / "gold").items():
        text = (root / "corpus" / name).read_text(encoding="utf-8")
        gold[name] = load_gold_file(path, text)
        predicted[name] = extractor.claims(text, name)
    return evaluate(gold, predicted)[0.3][0], len(gold)


@pytest.mark.parametrize("folder", ["dev", "holdout"])
def test_articles_written_for_the_project(extractor, folder):
    """Eleven articles on other subjects, annotated like the shared gold (tests/data/)."""
    s, articles = _scores_of(extractor, GOLD.parent / folder)
    assert s.gold >= 60 and articles >= 5
    assert s.f1 >= 0.90 and s.speaker_accuracy >= 0.90 and s.sources_f1 >= 0.85


@pytest.mark.parametrize(
    ("folder", "articles", "floors"),
    [
        # the 30 articles the issue-13 rules were developed on
        (
            "news/dev",
            30,
            {"f1": 0.88, "recall": 0.82, "speaker_accuracy": 0.79, "sources_f1": 0.80},
        ),
        # the 15 kept untouched until the end (figures in docs/quality.md)
        (
            "news/holdout",
            15,
            {"f1": 0.89, "recall": 0.88, "speaker_accuracy": 0.72, "sources_f1": 0.70},
        ),
    ],
)
def test_real_news_sets_stay_above_their_measured_figures(extractor, folder, articles, floors):
    """The 45 news articles of tests/data/news/: a fall below the figures measured at the
    end of issue 13 (a little under them) is a regression."""
    s, found = _scores_of(extractor, GOLD.parent / folder)
    assert found == articles
    for metric, floor in floors.items():
        assert getattr(s, metric) >= floor, (metric, getattr(s, metric))


@pytest.mark.parametrize("name", ["000_b04f12924e239548.txt", "002_157e4dad8d8be975.txt"])
def test_hard_wrapped_and_crlf_articles_give_the_same_claims(extractor, corpus_claims, name):
    import textwrap

    text, claims = corpus_claims[name]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, 72, break_on_hyphens=False) for p in paragraphs)
    crlf = text.replace("\n", "\r\n")
    for variant in (wrapped, crlf):
        found = extractor.claims(variant, name)
        assert_offsets(variant, found)
        assert [(c.kind, c.speaker, c.cue, c.sources, c.text.split()) for c in found] == [
            (c.kind, c.speaker, c.cue, c.sources, c.text.split()) for c in claims
        ]
