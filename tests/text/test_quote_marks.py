"""Quotation marks as real news writes them: single quotes, mismatched pairs, a « that
closes, told apart from apostrophes."""

from __future__ import annotations

import pytest

from talkclaims.text.quotes import find_quotes


def words(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("'On verra bien', a lâché l'entraîneur.", ["On verra bien"], id="straight"),
        pytest.param(
            "Il a prévenu : 'Il faudra être prêts.' Puis il est parti.",
            ["Il faudra être prêts."],
            id="straight-after-colon",
        ),
        pytest.param("Elle a dit ‘non’ à l’État.", ["non"], id="curly-single"),
        pytest.param(
            '“Nous sommes prêts", a déclaré la ministre.', ["Nous sommes prêts"], id="mismatched"
        ),
        pytest.param(
            "« Nous sommes prêts «, a déclaré la ministre.",
            ["Nous sommes prêts"],
            id="guillemet-closes",
        ),
        pytest.param(
            "« Il m'a dit : 'Tu iras loin.' J'y pense souvent », raconte-t-elle.",
            ["Il m'a dit : 'Tu iras loin.' J'y pense souvent"],
            id="single-nested",
        ),
    ],
)
def test_marks_as_they_come(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'État et l'Europe s'entendent aujourd'hui sur l'essentiel.",
        "L’État et l’Europe s’entendent aujourd’hui sur l’essentiel.",
        "Ils n'ont rien dit, qu'il s'agisse d'Anne ou d'Éric.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert find_quotes(text) == []
