"""The scorer of shared/gold/README.md, tested on hand-made predictions (no model)."""

import pytest

from talkclaims.qa.evaluate import GoldClaim, evaluate, load_gold_file, speaker_matches
from talkclaims.records import Claim

TEXT = (
    "Le ministre a déclaré que « tout va bien ». "
    "Selon Le Monde, la réforme passera en mars. "
    "Une source a estimé que rien n’était joué."
)


def gold(text: str, kind="indirect", speakers=("Ministre",), cue=None, sources=()):
    start = TEXT.find(text)
    assert start >= 0
    return GoldClaim(kind, text, start, start + len(text), speakers, cue, tuple(sources))


def pred(start, end, kind="indirect", speaker=None, cue=None, sources=()):
    return Claim(
        "a.txt", kind, TEXT[start:end], start, end, 1, speaker, speaker, cue, tuple(sources)
    )


G1 = gold("tout va bien", "direct", ("le ministre", "ministre"), "déclarer")
G2 = gold("la réforme passera en mars", "indirect", ("Le Monde",), None, ("Le Monde",))
G3 = gold("rien n’était joué", "indirect", None, "estimer")


def run(preds, kinds=("direct", "indirect", "mixed")):
    return evaluate({"a.txt": [G1, G2, G3]}, {"a.txt": preds}, kinds)


def test_perfect_predictions_score_one():
    preds = [
        pred(G1.start, G1.end, "direct", "ministre", "déclarer"),
        pred(G2.start, G2.end, "indirect", "Le Monde", None, ("Le Monde",)),
        pred(G3.start, G3.end, "indirect", None, "estimer"),
    ]
    scores, _ = run(preds)[0.3]
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert scores.speaker_accuracy == 1.0 and scores.attributed_f1 == 1.0
    assert scores.sources_f1 == 1.0 and scores.cue_accuracy == 1.0


def test_overlap_threshold_is_a_share_of_the_gold_span():
    length = G2.end - G2.start
    just_under = pred(G2.start, G2.start + int(length * 0.29), speaker="Le Monde")
    at_least = pred(G2.start, G2.start + -(-length * 3 // 10), speaker="Le Monde")
    assert run([just_under])[0.3][0].matched == 0
    assert run([at_least])[0.3][0].matched == 1
    assert run([at_least])[0.8][0].matched == 0


def test_each_gold_claim_takes_the_prediction_that_overlaps_it_most():
    small = pred(G2.start, G2.start + 12)
    whole = pred(G2.start - 3, G2.end)
    scores, results = run([small, whole])[0.3]
    assert scores.matched == 1 and scores.predicted == 2
    assert results[0].matches[0].pred is whole
    assert results[0].extra == [small]


def test_speaker_accuracy_counts_whole_words_and_null_speakers():
    preds = [
        pred(G1.start, G1.end, "direct", "Le Ministre", "déclarer"),
        pred(G2.start, G2.end, speaker="Le Mondial"),
        pred(G3.start, G3.end, speaker="une source"),
    ]
    scores, _ = run(preds)[0.3]
    assert scores.speaker_accuracy == pytest.approx(1 / 3)
    assert scores.attributed_f1 == pytest.approx(1 / 3)


def test_speaker_match_ignores_case_and_accents():
    assert speaker_matches("Sergueï LAVROV", ["Serguei Lavrov"])
    assert not speaker_matches("Lavrova", ["Lavrov"])
    assert speaker_matches(None, None) and not speaker_matches("X", None)


def test_sources_are_scored_over_claim_source_pairs():
    preds = [
        pred(G1.start, G1.end, "direct", "ministre", "déclarer", ("AFP",)),
        pred(G2.start, G2.end, speaker="Le Monde", sources=("le monde",)),
    ]
    scores, _ = run(preds)[0.3]
    assert scores.sources_precision == 0.5 and scores.sources_recall == 1.0


def test_cue_accuracy_only_counts_gold_claims_with_a_cue():
    preds = [
        pred(G1.start, G1.end, "direct", "ministre", "dire"),
        pred(G2.start, G2.end, speaker="Le Monde", cue="rapporter"),
        pred(G3.start, G3.end, cue="estimer"),
    ]
    assert run(preds)[0.3][0].cue_accuracy == 0.5


def test_kinds_filter_both_sides():
    preds = [pred(G1.start, G1.end, "mixed", "ministre"), pred(G2.start, G2.end, "indirect")]
    scores, _ = run(preds, kinds=("direct", "mixed"))[0.3]
    assert (scores.gold, scores.predicted, scores.matched) == (1, 1, 1)


def test_gold_occurrence_picks_the_nth_copy(tmp_path):
    text = "Il a dit « oui ». Elle a dit « oui »."
    path = tmp_path / "g.yaml"
    path.write_text(
        "doc: a.txt\nclaims:\n  - {kind: direct, text: oui, speaker: [Elle], occurrence: 2}\n",
        encoding="utf-8",
    )
    (claim,) = load_gold_file(path, text)
    assert claim.start == text.rfind("oui")
