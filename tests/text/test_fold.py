"""Folding for comparisons (`talkclaims.text.fold`): accents, case, apostrophes, spaces."""

from __future__ import annotations

import pytest

from talkclaims.text.fold import fold, strip_accents


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Sergueï Lavrov", "Serguei Lavrov"),
        ("Élysée", "Elysee"),
        ("À Saint-Étienne, la préfète a déclaré", "A Saint-Etienne, la prefete a declare"),
        ("François Bayrou", "Francois Bayrou"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Noël, où, là, forêt", "Noel, ou, la, foret"),
    ],
)
def test_strip_accents_drops_diacritics_and_keeps_the_rest(written: str, bare: str) -> None:
    assert strip_accents(written) == bare


def test_strip_accents_keeps_case_and_apostrophes() -> None:
    assert strip_accents("D’APRÈS l'Équipe") == "D’APRES l'Equipe"


def test_strip_accents_of_plain_text_is_unchanged() -> None:
    text = "Le ministre a parle, selon Reuters."
    assert strip_accents(text) == text
    assert strip_accents("") == ""


def test_fold_lowers_case_and_drops_accents() -> None:
    assert fold("Sergueï LAVROV") == fold("serguei lavrov") == "serguei lavrov"
    assert fold("Le Chef de l'État") == "le chef de l'etat"


def test_fold_makes_the_curly_apostrophe_straight() -> None:
    assert fold("d’après") == fold("D'après") == "d'apres"
    assert fold("le chef de l’État") == fold("le chef de l'Etat")


def test_fold_collapses_runs_of_white_space_of_every_kind() -> None:
    written = "  le  porte-parole\u00a0du\u202fKremlin\t\n "
    assert fold(written) == "le porte-parole du kremlin"


def test_fold_keeps_hyphens_and_punctuation() -> None:
    assert fold("Jean-Noël Barrot.") == "jean-noel barrot."
    assert fold("«\u202fnon\u202f»") == "« non »"


def test_fold_tells_different_words_apart() -> None:
    assert fold("Peskov") != fold("Peskova")
    assert fold("la ministre") != fold("le ministre")


@pytest.mark.parametrize("text", ["Sergueï  Lavrov", "L’ÉTAT", "  ", "", "d’après\u00a0lui"])
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
