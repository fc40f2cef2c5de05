"""One identity per speaker across articles (issue 22)."""

from __future__ import annotations

from talkclaims.corpus.speakers import identities
from talkclaims.lang.patterns import shipped_patterns
from talkclaims.lang.people import SpeakerIndex

PEOPLE = SpeakerIndex(shipped_patterns())


def test_known_people_under_any_spelling():
    found = identities(["Dmitri Peskov", "Peskov", "Dmitry Peskov", "Iouri Ouchakov"], PEOPLE)
    assert found == {
        "Dmitri Peskov": "Dmitry Peskov",
        "Peskov": "Dmitry Peskov",
        "Dmitry Peskov": "Dmitry Peskov",
        "Iouri Ouchakov": "Yuri Ushakov",
    }


def test_unknown_people_by_surname_first_names_and_initials():
    found = identities(
        ["Hélène Marchetti", "Marchetti", "Helene Marchetti", "H. Marchetti", "Mme Marchetti"],
        PEOPLE,
    )
    assert set(found.values()) == {"Hélène Marchetti"}
    found = identities(["Pierre Durand", "Paul Durand", "Durand"], PEOPLE)
    assert found == {"Pierre Durand": "Pierre Durand", "Paul Durand": "Paul Durand",
                     "Durand": "Durand"}  # fmt: skip


def test_particles_belong_to_the_surname():
    found = identities(
        ["Charles de Gaulle", "de Gaulle", "Marine Le Pen", "Jean-Marie Le Pen", "Le Pen"], PEOPLE
    )
    assert found["de Gaulle"] == "Charles de Gaulle"
    assert found["Marine Le Pen"] != found["Jean-Marie Le Pen"]
    assert found["Le Pen"] == "Le Pen"  # two Le Pen: the surname alone is neither
