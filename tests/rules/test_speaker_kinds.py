"""Speaker type and gender (issue 14), on sentences written for them.

Each case is read by the whole extractor: the type and gender come from the speaker the
rules resolved and from what the article says about them, never from anything else.
"""

from __future__ import annotations

import pytest

from talkclaims.run.extract import Extractor
from tests.rules.test_rules import run


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def ex_text_only() -> Extractor:
    return Extractor(first_names=False)


def claim_with(ex: Extractor, text: str, words: str):
    claims = run(ex, text)
    found = [c for c in claims if words in c.text]
    assert found, claims
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        pytest.param(
            "La ministre de la Santé, Claire Dufour, a assuré que les urgences resteraient "
            "ouvertes.",
            "urgences",
            ("person", "f", "text"),
            id="named-person-with-a-feminine-role",
        ),
        pytest.param(
            "M. Olek Bartosz a estimé que le projet était viable.",
            "projet",
            ("person", "m", "text"),
            id="named-person-with-a-title",
        ),
        pytest.param(
            "« Nous irons au bout », a déclaré Amadou Keïta.",
            "Nous irons",
            ("person", "m", "first-name"),
            id="named-person-known-by-first-name-only",
        ),
        pytest.param(
            "Une source diplomatique européenne a indiqué que le texte serait retiré.",
            "retiré",
            ("anonymous", None, None),
            id="anonymous-source-has-no-gender",
        ),
        pytest.param(
            "Un proche du dossier glisse que le vote pourrait être reporté.",
            "reporté",
            ("anonymous", "m", "text"),
            id="anonymous-indefinite-description",
        ),
        pytest.param(
            "Des experts estiment que la digue ne tiendra pas.",
            "digue",
            ("anonymous", None, None),
            id="anonymous-group",
        ),
        pytest.param(
            "La préfecture a indiqué que la route resterait fermée jusqu'à lundi.",
            "route",
            ("organisation", None, None),
            id="organisation-common-noun",
        ),
        pytest.param(
            "Le FMI estime que la croissance ralentira l'an prochain.",
            "croissance",
            ("organisation", None, None),
            id="organisation-acronym",
        ),
        pytest.param(
            "Ma fille m'a dit que personne ne lisait ces rapports.",
            "personne ne lisait",
            ("role", "f", "text"),
            id="role-possessive-description",
        ),
        pytest.param(
            "Une agricultrice de la vallée assure que la récolte est perdue.",
            "récolte",
            ("anonymous", "f", "text"),
            id="anonymous-with-a-feminine-noun",
        ),
        # epicene first names: only the text can tell
        pytest.param(
            "La présidente-directrice générale du groupe, Dominique Lambert, a annoncé que "
            "l'usine fermerait.",
            "usine",
            ("person", "f", "text"),
            id="compound-role-noun-before-the-name",
        ),
        pytest.param(
            "Le président-directeur général, Camille Roux, a reconnu que les ventes "
            "avaient baissé.",
            "ventes",
            ("person", "m", "text"),
            id="masculine-compound-role-noun-before-the-name",
        ),
        pytest.param(
            "Dominique Lambert, présidente-directrice générale du groupe, a annoncé que "
            "l'usine fermerait.",
            "usine",
            ("person", "f", "text"),
            id="compound-role-noun-in-apposition",
        ),
        pytest.param(
            "Son avocate, Claude Perrin, a assuré que sa cliente ferait appel.",
            "cliente",
            ("person", "f", "text"),
            id="possessive-and-feminine-noun-before-the-name",
        ),
        pytest.param(
            "« Nous ferons appel de ce jugement », a déclaré son avocate, Claude Perrin.",
            "jugement",
            ("person", "f", "text"),
            id="possessive-and-feminine-noun-after-the-cue",
        ),
        pytest.param(
            "Claude Perrin, son avocat, a assuré que son client ferait appel.",
            "client",
            ("person", "m", "text"),
            id="possessive-and-noun-in-apposition",
        ),
    ],
)
def test_speaker_type_and_gender(ex, text, words, expected):
    c = claim_with(ex, text, words)
    assert (c.speaker_type, c.speaker_gender, c.speaker_gender_from) == expected, c


def test_an_outlet_that_reports_is_of_type_outlet(ex):
    c = claim_with(ex, "Selon Le Monde, le ministre a présenté sa démission.", "démission")
    assert c.speaker == "Le Monde" and c.speaker_type == "outlet" and c.speaker_gender is None


def test_a_quotation_with_no_speaker_has_no_type(ex):
    c = claim_with(ex, "« Rien n'est décidé », a-t-on appris. Le sommet aura lieu.", "Rien")
    assert (c.speaker, c.speaker_type, c.speaker_gender) == (None, None, None), c


def test_the_pronouns_that_refer_to_a_person_give_their_gender(ex, ex_text_only):
    text = (
        "Dominique Perrault a présenté le plan mardi. « C'est un tournant », a-t-elle "
        "déclaré. Elle a ajouté que le budget serait voté en mars."
    )
    for extractor in (ex, ex_text_only):  # an epicene first name: the pronouns decide
        c = claim_with(extractor, text, "tournant")
        assert (c.speaker, c.speaker_gender, c.speaker_gender_from) == (
            "Dominique Perrault",
            "f",
            "text",
        ), c


def test_without_the_first_name_list_a_gender_comes_from_the_text_only(ex_text_only):
    c = claim_with(ex_text_only, "« Nous irons au bout », a déclaré Amadou Keïta.", "Nous")
    assert c.speaker == "Amadou Keïta" and c.speaker_gender is None, c
    c = claim_with(ex_text_only, "M. Olek Bartosz a estimé que le projet était viable.", "projet")
    assert (c.speaker_gender, c.speaker_gender_from) == ("m", "text"), c


def test_the_first_name_list_makes_pronouns_respect_gender(ex):
    text = (
        "Le maire, Julien Rocher, et la directrice de l'école, Nathalie Brun, ont visité "
        "le chantier. « Les travaux finiront en juin », a-t-elle assuré."
    )
    c = claim_with(ex, text, "travaux")
    assert c.speaker == "Nathalie Brun", c


def test_the_text_wins_over_the_first_name(ex):
    # « Jean » is a man's first name in the list; the article says « Mme »
    c = claim_with(ex, "Mme Jean Dupré a indiqué que la séance était levée.", "séance")
    assert (c.speaker_gender, c.speaker_gender_from) == ("f", "text"), c


#: The documentation's example of a user's speakers.yaml (docs/patterns.md).
README_SPEAKERS = """\
speakers:
  - name: Jeanne Martin-Leroy
    aliases: [Jeanne Martin, Mme Martin-Leroy]
    roles: [porte-parole de l'Agence spatiale]
"""


@pytest.fixture(scope="module")
def ex_with_readme_speakers(tmp_path_factory) -> Extractor:
    folder = tmp_path_factory.mktemp("mine")
    (folder / "speakers.yaml").write_text(README_SPEAKERS, encoding="utf-8")
    return Extractor([folder])


def test_an_alias_with_a_title_is_the_known_person_and_the_title_gives_the_gender(
    ex_with_readme_speakers,
):
    # « Martin » is a man's first name in the list: a hyphenated surname is no first name
    text = "Mme Martin-Leroy a annoncé que le satellite serait lancé en juin."
    c = claim_with(ex_with_readme_speakers, text, "satellite")
    assert (c.speaker, c.speaker_type, c.speaker_gender, c.speaker_gender_from) == (
        "Jeanne Martin-Leroy",
        "person",
        "f",
        "text",
    ), c
    text = "Le lancement aura lieu en juin, a précisé Martin-Leroy devant la presse."
    c = claim_with(ex_with_readme_speakers, text, "lancement")
    assert (c.speaker, c.speaker_gender, c.speaker_gender_from) == (
        "Jeanne Martin-Leroy",
        "f",
        "first-name",
    ), c
