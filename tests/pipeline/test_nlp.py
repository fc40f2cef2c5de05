"""The pipeline's shortcuts change nothing the rules read: same entities as a full run."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkclaims.text.sentences import for_parsing

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = sorted(
    [
        *(DATA.parent.parent / "corpus").glob("*.txt"),
        *(DATA / "dev" / "corpus").glob("*.txt"),
        *(DATA / "holdout" / "corpus").glob("*.txt"),
    ]
)


def _entities(doc):
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_names_only_ner_gives_the_entities_of_a_full_run(extractor):
    nlp = extractor.nlp
    names_only = nlp.get_pipe("talkclaims_names_ner")
    full_ner = nlp.get_pipe("ner")
    assert len(ARTICLES) >= 16
    skipped = tokens = 0
    for path in ARTICLES:
        text = for_parsing(path.read_text(encoding="utf-8"))
        ours = nlp(text)
        with nlp.select_pipes(disable=["talkclaims_names_ner"]):
            reference = full_ner(nlp(text))
        assert _entities(ours) == _entities(reference), path.name
        assert [t.ent_iob_ for t in ours] == [t.ent_iob_ for t in reference], path.name
        kept = names_only.sentences_to_run(ours)
        skipped += int((~kept).sum())
        tokens += len(kept)
    # the shortcut is worth having: a real share of news text has no name in it
    assert skipped / tokens > 0.1


@pytest.mark.parametrize(
    ("sentence", "can_hold_a_name"),
    [
        ("Il a estimé que les discussions avançaient lentement.", False),
        ("Les négociateurs se sont quittés sans accord.", False),
        ("Poutine sent venir le revirement américain.", True),  # a name first
        ("Il a rencontré Marco Rubio à Riyad.", True),
        ("Selon lui, « Nous avons progressé ».", True),  # a quotation opens capitalised
    ],
)
def test_which_sentences_the_recogniser_sees(extractor, sentence, can_hold_a_name):
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["talkclaims_names_ner"]):
        doc = nlp(sentence)
    kept = nlp.get_pipe("talkclaims_names_ner").sentences_to_run(doc)
    assert bool(kept.all()) is can_hold_a_name
    assert bool(kept.any()) is can_hold_a_name


def test_a_name_between_skipped_sentences_still_resolves_a_pronoun(extractor):
    text = (
        "Les discussions ont repris mardi. Kirill Dmitriev est arrivé le premier. "
        "Il a estimé que rien ne bougeait. Les délégués se sont ensuite séparés."
    )
    names_only = extractor.nlp.get_pipe("talkclaims_names_ner")
    doc = extractor.nlp(text)
    kept = names_only.sentences_to_run(doc)
    assert not kept.all()  # three of the four sentences are left out
    assert [(e.text, e.label_) for e in doc.ents] == [("Kirill Dmitriev", "PER")]
    claims = extractor.claims(text)
    assert [(c.text, c.speaker) for c in claims] == [("rien ne bougeait", "Kirill Dmitriev")]


@pytest.mark.parametrize("text", ["\r@0", "a", "Il dit.\n\nLes gens.", "il a dit que oui. x"])
def test_documents_shorter_than_the_context_window(extractor, text):
    nlp = extractor.nlp
    doc = nlp(for_parsing(text))
    with nlp.select_pipes(disable=["talkclaims_names_ner"]):
        reference = nlp.get_pipe("ner")(nlp(for_parsing(text)))
    assert [t.ent_iob_ for t in doc] == [t.ent_iob_ for t in reference]
    assert all(t.ent_iob_ in ("O", "B", "I") for t in doc)
