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
        pytest.param(
            "” Les prix resteront hauts “, a affirmé le gouverneur, ajoutant que ” rien "
            "ne changera avant l’été “.",
            ["Les prix resteront hauts", "rien ne changera avant l’été"],
            id="curly-the-wrong-way-round",
        ),
        pytest.param(
            "“Nous avons perdu du terrain “, a indiqué le ministre.",
            ["Nous avons perdu du terrain"],
            id="opening-curly-closes",
        ),
        pytest.param(
            "Le mot ” reste seul ici, et “Paris” aussi.", ["Paris"], id="lone-closing-curly"
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


# ----------------------------------------------------- printed news (issue 21, shape 11)
def test_a_straight_mark_closed_by_a_curly_one_is_one_quotation():
    text = 'même si “un pic" est à prévoir "début 2023”. Un pic “pas très loin”, dit-il.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "un pic",
        "début 2023",
        "pas très loin",
    ]


def test_a_quotation_runs_over_a_paragraph_break_when_the_next_one_closes_it():
    text = (
        "Il a dit que \"nous parlons d'économie.\n"
        "Mais je pense qu'il y a plusieurs éléments\", a déclaré le ministre.\n"
        "« Un autre paragraphe » commence."
    )
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert found == [
        "nous parlons d'économie.\nMais je pense qu'il y a plusieurs éléments",
        "Un autre paragraphe",
    ]


def test_a_quotation_left_open_before_a_new_quotation_is_dropped():
    text = "« Premier paragraphe sans fin\nDeuxième « avec » autre chose."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["avec"]
