"""Offsets into a text (`talkclaims.text.spans`): skipping, trimming, lines and columns.

Pure string functions: no model, no rule data. French typography puts spaces around
punctuation, and two of them are not U+0020: the no-break space (U+00A0, before « : ; ! ? »
and inside « ») and the narrow no-break space (U+202F).
"""

from __future__ import annotations

import pytest

from talkclaims.text.spans import (
    BLANK,
    CLAUSE_SEPARATORS,
    HORIZONTAL_SPACE,
    INLINE_SPACE,
    TRAILING,
    column_of,
    line_of,
    previous_char,
    skip,
    skip_back,
    strip_spaces,
    trim,
)

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space


def test_character_sets_name_the_french_spaces() -> None:
    assert set(INLINE_SPACE) == {" ", NBSP, NNBSP}
    assert "\t" in HORIZONTAL_SPACE and "\t" not in INLINE_SPACE
    assert {"\r", "\n"} <= set(BLANK) and not {"\r", "\n"} & set(HORIZONTAL_SPACE)
    assert {",", "–", "—"} <= set(CLAUSE_SEPARATORS)
    assert {".", ",", ";", ":"} <= set(TRAILING) and set(BLANK) <= set(TRAILING)


# --- skip -------------------------------------------------------------------------


def test_skip_steps_over_plain_no_break_and_narrow_no_break_spaces() -> None:
    text = f"«{NNBSP} {NBSP}nous verrons{NNBSP}»"
    assert text[skip(text, 1, INLINE_SPACE) :].startswith("nous")


def test_skip_stops_at_the_first_character_outside_the_set() -> None:
    text = "a déclaré :  « non »"
    colon = text.index(":")
    assert skip(text, colon, INLINE_SPACE) == colon  # « : » is not a space
    assert skip(text, colon + 1, INLINE_SPACE) == text.index("«")


def test_skip_does_not_cross_a_line_break_unless_asked() -> None:
    text = "Fin du paragraphe. \n\tSuite"
    after_stop = text.index(".") + 1
    assert text[skip(text, after_stop, HORIZONTAL_SPACE)] == "\n"
    assert text[skip(text, after_stop, BLANK)] == "S"


def test_skip_respects_its_limit() -> None:
    text = "Il a dit     non"
    first_space = text.index("dit") + 3
    assert skip(text, first_space, " ", limit=first_space + 2) == first_space + 2
    assert skip(text, first_space, " ", limit=first_space) == first_space  # empty range


def test_skip_runs_to_the_end_of_a_text_of_spaces_only() -> None:
    text = f"  {NBSP}{NNBSP}"
    assert skip(text, 0, INLINE_SPACE) == len(text)
    assert skip(text, len(text), INLINE_SPACE) == len(text)
    assert skip("", 0, INLINE_SPACE) == 0


# --- skip_back ----------------------------------------------------------------------


def test_skip_back_returns_the_offset_after_the_last_kept_character() -> None:
    text = f"Il a déclaré :{NBSP}"
    end = skip_back(text, len(text), INLINE_SPACE)
    assert text[:end] == "Il a déclaré :"


def test_skip_back_over_closing_spaces_of_a_quotation() -> None:
    text = f"«{NNBSP}oui{NNBSP} {NBSP}»"
    close = text.index("»")
    assert text[skip_back(text, close, INLINE_SPACE) - 1] == "i"


def test_skip_back_never_goes_below_its_floor() -> None:
    text = "oui     non"
    after_spaces = text.index("non")
    floor = after_spaces - 2
    assert skip_back(text, after_spaces, " ", floor=floor) == floor
    assert skip_back(text, after_spaces, " ") == 3


def test_skip_back_at_offset_zero_and_on_spaces_only() -> None:
    assert skip_back("   ", 3, " ") == 0
    assert skip_back("texte", 0, " ") == 0
    assert skip_back("", 0, BLANK) == 0


def test_skip_back_stops_at_a_character_outside_the_set() -> None:
    text = "non. \r\n"
    assert skip_back(text, len(text), BLANK) == text.index(".") + 1
    assert skip_back(text, len(text), HORIZONTAL_SPACE) == len(text)  # \n is not horizontal


# --- trim and strip_spaces ----------------------------------------------------------


def test_trim_removes_spaces_and_light_punctuation_at_both_ends() -> None:
    text = f"a-t-il dit, {NBSP}la réforme sera votée. ; "
    start, end = trim(text, text.index(","), len(text))
    assert text[start:end] == "la réforme sera votée"


def test_trim_keeps_punctuation_inside_the_span() -> None:
    text = "  Oui, non. Peut-être : demain.  "
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "Oui, non. Peut-être : demain"


def test_trim_with_its_own_characters() -> None:
    text = f"«{NNBSP}nous verrons{NNBSP}»"
    start, end = trim(text, 0, len(text), "«»" + INLINE_SPACE)
    assert text[start:end] == "nous verrons"


def test_trim_of_an_empty_span_or_of_punctuation_only_is_empty() -> None:
    text = "Il a dit : .,; fin"
    assert trim(text, 5, 5) == (5, 5)
    colon = text.index(":")
    start, end = trim(text, colon, colon + 5)  # « : .,; »
    assert start == end and text[start:end] == ""


def test_strip_spaces_removes_every_kind_of_white_space_but_not_punctuation() -> None:
    text = f"\r\n{NBSP}{NNBSP}\t, « oui ».{NNBSP}\n"
    start, end = strip_spaces(text, 0, len(text))
    assert text[start:end] == ", « oui »."


def test_strip_spaces_of_an_empty_or_blank_span() -> None:
    assert strip_spaces("abc", 1, 1) == (1, 1)
    text = f"a {NBSP}{NNBSP} b"
    start, end = strip_spaces(text, 1, 5)
    assert start == end


# --- previous_char --------------------------------------------------------------------


def test_previous_char_looks_over_horizontal_spaces() -> None:
    text = f"Il a déclaré :{NBSP}«{NNBSP}Nous verrons{NNBSP}»"
    assert previous_char(text, text.index("«")) == ":"
    text = "« Oui »,\t\u202fa-t-il dit."
    assert previous_char(text, text.index("a-t-il")) == ","


def test_previous_char_does_not_cross_a_line_break() -> None:
    text = "Fin du paragraphe.\n« Nouveau »"
    assert previous_char(text, text.index("«")) == "\n"
    text = "Fin.\r\n« Nouveau »"
    assert previous_char(text, text.index("«")) == "\n"  # \r is not a horizontal space


def test_previous_char_at_the_start_of_the_text_is_a_line_break() -> None:
    assert previous_char("« Oui »", 0) == "\n"
    assert previous_char(f"  {NBSP}« Oui »", 3) == "\n"
    assert previous_char("", 0) == "\n"


# --- line_of and column_of ------------------------------------------------------------

ARTICLE = "Titre\n\nLe ministre a déclaré :\r\n« Nous verrons. »\nFin"


def test_line_and_column_of_known_offsets() -> None:
    assert (line_of(ARTICLE, 0), column_of(ARTICLE, 0)) == (1, 1)
    pos = ARTICLE.index("Le ministre")
    assert (line_of(ARTICLE, pos), column_of(ARTICLE, pos)) == (3, 1)
    pos = ARTICLE.index("déclaré")
    assert (line_of(ARTICLE, pos), column_of(ARTICLE, pos)) == (3, len("Le ministre a ") + 1)
    pos = ARTICLE.index("Nous")
    assert (line_of(ARTICLE, pos), column_of(ARTICLE, pos)) == (4, 3)


def test_a_line_break_belongs_to_the_line_it_ends() -> None:
    first_break = ARTICLE.index("\n")
    assert line_of(ARTICLE, first_break) == 1
    assert column_of(ARTICLE, first_break) == len("Titre") + 1
    carriage_return = ARTICLE.index("\r")
    assert line_of(ARTICLE, carriage_return) == 3
    assert column_of(ARTICLE, carriage_return) == len("Le ministre a déclaré :") + 1


def test_line_and_column_at_the_end_of_the_text() -> None:
    end = len(ARTICLE)
    assert line_of(ARTICLE, end) == 5
    assert column_of(ARTICLE, end) == len("Fin") + 1
    assert (line_of("", 0), column_of("", 0)) == (1, 1)
    assert (line_of("a\n", 2), column_of("a\n", 2)) == (2, 1)


def test_columns_count_characters_not_bytes() -> None:
    text = "Élysée\nÀ Saint-Étienne, « non »"
    pos = text.index("«")
    assert column_of(text, pos) == len("À Saint-Étienne, ") + 1


@pytest.mark.parametrize("text", [ARTICLE, "\n\nDébut après deux lignes vides\n", "une ligne"])
def test_line_and_column_give_back_every_offset(text: str) -> None:
    lines = text.split("\n")
    for pos in range(len(text) + 1):
        line, column = line_of(text, pos), column_of(text, pos)
        assert sum(len(x) + 1 for x in lines[: line - 1]) + column - 1 == pos
