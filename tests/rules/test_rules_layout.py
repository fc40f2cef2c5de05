"""Rule families added after the held-out set: layout, roles, outlets, locutions.

Every sentence here is written for the test; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from tests.conftest import assert_offsets


@pytest.fixture(scope="module")
def claims_of(extractor):
    def run(text: str):
        found = extractor.claims(text, "t.txt")
        assert_offsets(text, found)
        return found

    return run


def test_headline_name_colon_quotation(claims_of):
    text = "Jeanne Moreau-Lenoir : « Le théâtre m'a sauvée »\n\nLa comédienne publie ses mémoires."
    (claim,) = claims_of(text)
    assert (claim.kind, claim.text, claim.speaker, claim.cue) == (
        "direct", "Le théâtre m'a sauvée", "Jeanne Moreau-Lenoir", None,
    )  # fmt: skip


def test_quotation_reopened_at_each_paragraph_gives_one_claim_per_paragraph(claims_of):
    text = (
        "La navigatrice Clarisse Durand est rentrée lundi.\n"
        "« La mer ne pardonne rien. J'ai appris à écouter le bateau, raconte-t-elle.\n"
        "« Le plus dur, ce sont les nuits sans sommeil. »\n"
    )
    found = [c for c in claims_of(text) if c.kind == "direct"]
    assert [c.text for c in found] == [
        "La mer ne pardonne rien. J'ai appris à écouter le bateau",
        "Le plus dur, ce sont les nuits sans sommeil.",
    ]
    assert {c.speaker for c in found} == {"Clarisse Durand"}
    assert [c.line for c in found] == [2, 3]


def test_whole_sentence_quotation_after_a_sentence_about_a_person(claims_of):
    text = (
        "Paul Vernet range ses outils sans un mot. « On ne reconstruit pas une maison "
        "en trois semaines, il faudra des années. »"
    )
    (claim,) = claims_of(text)
    assert claim.speaker == "Paul Vernet" and claim.rule == "orphan-quote" and claim.cue is None


def test_short_quotation_or_one_after_a_verbless_sentence_is_not_a_claim(claims_of):
    # (« parle d'une « réforme » » is the government's word: « parler » reports, issue 21)
    assert claims_of("Le gouvernement prépare sa « réforme ». Et la suite ?") == []
    text = (
        "Les deux émissaires ? « Ce ne sont que des amis qui discutaient tranquillement à Paris »."
    )
    assert claims_of(text) == []


def test_role_synonyms_point_back_at_the_person(claims_of):
    text = (
        "« Nous ne vendrons pas », a affirmé le PDG, Marc Dufresne, mardi. "
        "Le patron du groupe a ajouté que les salaires seraient relevés."
    )
    second = claims_of(text)[-1]
    assert second.speaker == "Marc Dufresne" and second.speaker_mention == "Le patron du groupe"


def test_description_right_after_a_sentence_about_a_person_is_that_person(claims_of):
    text = (
        "Anne Roussel arrive en avance au tribunal. La juriste de 52 ans n'a pas dormi. "
        "Pour la juriste, la procédure est « entachée d'irrégularités ». "
        "La juriste a ajouté que l'appel serait déposé jeudi."
    )
    last = claims_of(text)[-1]
    assert last.speaker == "Anne Roussel" and last.cue == "ajouter"


def test_an_outlet_description_points_back_at_the_last_outlet(claims_of):
    text = (
        "Selon Les Échos, le groupe prépare un plan social. "
        "Le quotidien économique précise que 800 postes seraient concernés."
    )
    claims = claims_of(text)
    assert [c.sources for c in claims] == [("Les Échos",), ("Les Échos",)]
    assert claims[-1].speaker == "Les Échos" and claims[-1].cue == "préciser"


def test_a_capitalised_title_after_selon_is_an_outlet(claims_of):
    (claim,) = claims_of("Selon La Gazette des Lacs, la station fermera cet hiver.")
    assert claim.speaker == "La Gazette des Lacs" and claim.sources == ("La Gazette des Lacs",)


def test_locution_with_an_adverb_inside(claims_of):
    (claim,) = claims_of(
        "Son avocat, Hugo Marchal, laisse pourtant entendre qu'un accord est proche."
    )
    assert claim.cue == "laisser entendre" and claim.speaker == "Hugo Marchal"
    assert claim.text == "un accord est proche"


def test_a_negation_inside_the_quotation_does_not_negate_the_cue(claims_of):
    text = "« Jamais nous ne céderons », a-t-il lancé. X n'a jamais dit que la grève cesserait."
    claims = claims_of(text)
    assert [c.text for c in claims] == ["Jamais nous ne céderons"]


def test_a_first_name_alone_joins_the_one_full_name_that_bears_it(claims_of):
    text = (
        "Catherine Lemoine joue la mère. « Catherine a été d'une patience infinie », "
        "dit le réalisateur, Omar Benali. Catherine a confié qu'elle avait hésité."
    )
    last = claims_of(text)[-1]
    assert last.speaker == "Catherine Lemoine" and last.speaker_mention == "Catherine"


def test_a_headline_without_full_stop_stays_apart_in_a_text_with_a_final_newline(claims_of):
    # short one-line paragraphs and the final newline every editor adds: not a
    # hard-wrapped article, so the headline is not glued to the quotation below it
    text = (
        "Grève à l'usine Valdor de Saint-Quentin\n"
        "« Nous ne céderons pas tant que la direction refusera de discuter », a déclaré "
        "lundi Paul Morel.\n"
        "Le délégué syndical a ajouté que les salariés resteraient mobilisés toute la semaine.\n"
        "La direction de l'usine n'a pas souhaité réagir aux propos du syndicaliste lundi soir.\n"
        "Une nouvelle réunion entre les deux parties est prévue jeudi à la préfecture.\n"
    )
    first = claims_of(text)[0]
    assert (first.kind, first.text, first.speaker, first.line) == (
        "direct",
        "Nous ne céderons pas tant que la direction refusera de discuter",
        "Paul Morel",
        2,
    )
    assert [(c.kind, c.text) for c in claims_of(text)] == [
        (c.kind, c.text) for c in claims_of(text.rstrip("\n"))
    ]


def test_a_dateline_credit_is_not_a_claims_source(claims_of):
    # the agency of a dateline wrote the dispatch; it does not report the minister
    text = (
        "PARIS, 12 mars (Reuters) – Le ministre de l'Économie a déclaré que la réforme "
        "serait votée avant l'été."
    )
    (claim,) = claims_of(text)
    assert (claim.speaker, claim.sources) == ("ministre de l'Économie", ())
    # the same words credited in the sentence itself
    text = "Le ministre de l'Économie a déclaré à Reuters que la réforme serait votée avant l'été."
    (claim,) = claims_of(text)
    assert claim.sources == ("Reuters",)
