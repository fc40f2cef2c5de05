"""The scorer of shared/gold/README.md, tested on hand-made predictions (no model), and
`evaluate_corpus`, which reads a gold corpus in any encoding `extract` reads."""

import shutil
from dataclasses import replace

import pytest

from talkclaims.qa.evaluate import (
    GoldClaim,
    GoldError,
    evaluate,
    evaluate_corpus,
    load_gold_file,
    matched_sources,
    same_cue,
    same_source,
    speaker_matches,
)
from talkclaims.records import Claim
from tests.conftest import CORPUS, GOLD
from tests.qa.encoded_gold import ENCODINGS, NAME, gold_corpus

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


def test_a_source_matches_a_name_holding_it_as_whole_words():
    """shared/gold/README.md: « RIA » matches « RIA Novosti », either way round."""
    assert same_source("RIA", "RIA Novosti") and same_source("ABC News", "abc")
    assert same_source("Le Temps", "le temps")
    assert not same_source("RIA", "Syria Times")  # inside a word: no
    assert not same_source("AFP", "Reuters") and not same_source("", "AFP")
    # each gold source matches one prediction at most, an exact name first
    assert matched_sources(["RIA", "RIA Novosti"], ["RIA Novosti"]) == 1
    assert matched_sources(["RIA", "TASS"], ["RIA Novosti", "TASS"]) == 2
    assert matched_sources(["ABC"], ["ABC News", "ABC"]) == 1


def test_partial_source_names_score_as_matches():
    preds = [pred(G2.start, G2.end, speaker="Le Monde", sources=("Monde",))]
    scores, _ = run(preds)[0.3]
    assert scores.sources_precision == 1.0 and scores.sources_recall == 1.0


def test_a_cue_matches_with_or_without_its_reflexive_pronoun():
    assert same_cue("alarmer", "s’alarmer") and same_cue("se demander", "Demander")
    assert same_cue("déclarer", "declarer") and not same_cue("dire", "se dédire")
    assert not same_cue("estimer", "juger")


def test_cue_accuracy_only_counts_gold_claims_with_a_cue():
    preds = [
        pred(G1.start, G1.end, "direct", "ministre", "dire"),
        pred(G2.start, G2.end, speaker="Le Monde", cue="rapporter"),
        pred(G3.start, G3.end, cue="estimer"),
    ]
    assert run(preds)[0.3][0].cue_accuracy == 0.5


def test_speaker_type_and_gender_accuracy_count_only_gold_that_gives_them(tmp_path):
    text = "Une source a dit que « tout va bien ». La ministre a estimé que rien n'était joué."
    path = tmp_path / "g.yaml"
    path.write_text(
        "doc: a.txt\nclaims:\n"
        "  - {kind: mixed, text: tout va bien, speaker: [source], speaker_type: anonymous,"
        " speaker_gender: null}\n"
        "  - {kind: indirect, text: rien n'était joué, speaker: [ministre],"
        " speaker_type: role}\n",
        encoding="utf-8",
    )
    claims = load_gold_file(path, text)
    preds = []
    for g, kind, gender in ((claims[0], "anonymous", "f"), (claims[1], "role", "f")):
        claim = Claim("a.txt", g.kind, g.text, g.start, g.end, 1, "x", "x", None, ())
        preds.append(replace(claim, speaker_type=kind, speaker_gender=gender))
    scores, _ = evaluate({"a.txt": claims}, {"a.txt": preds})[0.3]
    assert scores.speaker_type_accuracy == 1.0
    # one gold gender, null, against « f »; the other claim's gold gives none
    assert scores.speaker_gender_accuracy == 0.0


def test_a_gold_speaker_type_outside_the_list_is_refused(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "doc: a.txt\nclaims:\n  - {kind: direct, text: oui, speaker: [X], speaker_type: star}\n",
        encoding="utf-8",
    )
    with pytest.raises(GoldError, match="speaker_type"):
        load_gold_file(path, "Il a dit « oui ».")


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


class GoldSpans:
    """A stand-in extractor that reports, as indirect claims, the spans it is given:
    a perfect extractor, to test the reading and locating without the model."""

    def __init__(self, spans: dict[str, list[str]]) -> None:
        self.spans = spans
        self.seen: dict[str, str] = {}

    def claims(self, text: str, doc_id: str = "") -> list[Claim]:
        self.seen[doc_id] = text
        out = []
        for words in self.spans.get(doc_id, []):
            start = text.index(words)
            out.append(Claim(doc_id, "indirect", words, start, start + len(words), 1, None, None,
                             None))  # fmt: skip
        return out


@pytest.fixture(scope="module")
def utf8_run(extractor, tmp_path_factory):
    gold, corpus = gold_corpus(tmp_path_factory.mktemp("utf8"), "utf-8")
    return evaluate_corpus(gold, corpus, extractor)


@pytest.mark.parametrize("encoding", [e for e in ENCODINGS if e != "utf-8"])
def test_an_article_in_any_encoding_scores_as_its_utf8_copy(
    extractor, utf8_run, tmp_path, encoding
):
    gold, corpus = gold_corpus(tmp_path, encoding)
    run = evaluate_corpus(gold, corpus, extractor)
    assert utf8_run.issues == () and utf8_run.articles == run.articles == 1
    scores, results = run.results[0.3]
    assert scores.gold == 7 and scores.matched >= 6
    # the same figures and the same matchings, offsets included: gold offsets index the
    # decoded text, without its byte-order mark, as the extractor's do
    assert run.results == utf8_run.results
    assert [m.gold.start for m in results[0].matches] == [
        m.gold.start for m in utf8_run.results[0.3][1][0].matches
    ]
    if encoding == "windows-1252":
        (issue,) = run.issues
        assert issue.warning and issue.path == str(corpus / NAME)
        assert issue.message.startswith("not UTF-8 (byte ")
        assert not run.failed
    else:
        assert run.issues == ()


def test_unreadable_articles_and_misplaced_gold_are_issues_and_the_rest_is_scored(tmp_path):
    gold, corpus = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir()
    corpus.mkdir()
    names = ["000_b04f12924e239548", "002_157e4dad8d8be975", "003_74a0f13b3a32f430"]
    for name in names:
        shutil.copyfile(GOLD / f"{name}.yaml", gold / f"{name}.yaml")
    shutil.copyfile(CORPUS / f"{names[0]}.txt", corpus / f"{names[0]}.txt")
    (corpus / f"{names[1]}.txt").write_bytes(b"\x00\x01")  # binary
    (corpus / f"{names[2]}.txt").write_text("Un autre article.", encoding="utf-8")
    spans = {f"{names[0]}.txt": ["Les négociations menées au Kremlin ont duré environ cinq heures"]}
    finder = GoldSpans(spans)
    run = evaluate_corpus(gold, corpus, finder, kinds=("indirect",))
    assert run.failed and run.articles == 1
    assert [(i.path, i.warning) for i in run.issues] == [
        (str(corpus / f"{names[1]}.txt"), False),
        (str(corpus / f"{names[2]}.txt"), False),
    ]
    assert run.issues[0].message == "binary file (contains NUL bytes)"
    assert "text not found in the article" in run.issues[1].message
    assert list(finder.seen) == [f"{names[0]}.txt"]  # no prediction for what is not scored
    scores, _ = run.results[0.3]
    assert scores.matched == 1 and scores.predicted == 1
    assert scores.gold == 8  # the indirect claims of the one article scored


def test_a_gold_file_that_is_not_yaml_stops_before_any_article(tmp_path):
    (tmp_path / "bad.yaml").write_text("claims: [unclosed\n", encoding="utf-8")
    finder = GoldSpans({})
    with pytest.raises(GoldError, match="invalid YAML"):
        evaluate_corpus(tmp_path, tmp_path, finder)
    assert finder.seen == {}


def test_a_score_over_nothing_is_not_a_perfect_score():
    import math

    # no gold claim has a source and none is predicted: nothing to score sources on
    start = TEXT.find("tout va bien")
    scores, _ = evaluate(
        {"a.txt": [G1]}, {"a.txt": [pred(start, start + 12, "direct", "ministre")]}
    )[0.3]
    assert scores.f1 == 1.0
    assert math.isnan(scores.sources_precision) and math.isnan(scores.sources_recall)
    assert math.isnan(scores.sources_f1)
    # no prediction at all: precision is over nothing, recall is zero
    empty, _ = evaluate({"a.txt": [G1]}, {"a.txt": []})[0.3]
    assert math.isnan(empty.precision) and empty.recall == 0.0 and empty.f1 == 0.0


SECRET = "Le maire a déclaré que « la route rouvrira lundi ».\n"


@pytest.mark.parametrize(
    "doc", ["../secret.txt", "../../secret.txt", "articles/../../secret.txt", "{secret}"]
)
def test_a_gold_doc_outside_the_corpus_folder_is_not_read(tmp_path, doc):
    """A gold file may come from someone else: its ``doc`` names a file of the corpus
    folder, never one beside it, above it or anywhere by an absolute path."""
    gold, corpus = tmp_path / "work" / "gold", tmp_path / "work" / "corpus"
    gold.mkdir(parents=True)
    corpus.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (tmp_path / "work" / "secret.txt").write_text(SECRET, encoding="utf-8")
    (corpus / "brest.txt").write_text(SECRET, encoding="utf-8")
    claim = "claims:\n  - {kind: indirect, text: la route rouvrira lundi, speaker: [le maire]}\n"
    outside = gold / "outside.yaml"
    outside.write_text(f"doc: {doc.format(secret=secret)}\n{claim}", encoding="utf-8")
    (gold / "brest.yaml").write_text(f"doc: brest.txt\n{claim}", encoding="utf-8")
    finder = GoldSpans({})
    run = evaluate_corpus(gold, corpus, finder)
    assert list(finder.seen) == ["brest.txt"]  # the other article was not read
    (issue,) = run.issues
    assert issue.path == str(outside) and not issue.warning
    assert issue.message == (
        f"doc {doc.format(secret=secret)!r} is outside the corpus folder {corpus}: not read"
    )
    assert run.failed and run.articles == 1


def test_evaluate_names_the_gold_file_whose_doc_leaves_the_corpus(tmp_path):
    from typer.testing import CliRunner

    from talkclaims.cli import app

    gold, corpus = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir()
    corpus.mkdir()
    (tmp_path / "passwd").write_text(SECRET, encoding="utf-8")
    (gold / "x.yaml").write_text(
        "doc: ../passwd\nclaims:\n  - {kind: indirect, text: la route rouvrira lundi}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["evaluate", str(gold), str(corpus)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"talkclaims: {gold / 'x.yaml'}: doc '../passwd' is outside the corpus folder "
        f"{corpus}: not read"
    )
    assert "claims F1" not in result.stdout
