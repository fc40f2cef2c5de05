"""The terminal guard: every control a terminal obeys is shown, one character for one."""

from __future__ import annotations

from talkclaims.text.controls import printable

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_bidi_embeddings_overrides_and_isolates_are_shown_one_for_one():
    text = f"Le maire\u202e a dit « non »\u2066 puis{BIDI}."
    shown = printable(text)
    assert len(shown) == len(text)
    assert not any(code in shown for code in BIDI)
    assert shown == "Le maire\ufffd a dit « non »\ufffd puis" + "\ufffd" * len(BIDI) + "."


def test_marks_and_ordinary_unicode_stay():
    # left-to-right and right-to-left marks reorder nothing after them; Arabic stays
    text = "Le ministre \u200fوزير\u200e a dit\u00a0: « oui »\u202f!"
    assert printable(text) == text


def test_one_line_shows_every_line_end_but_keeps_tabs():
    text = "a.txt\nb\r\nc\rd\u2028e\tf\x1b"
    assert printable(text, one_line=True) == "a.txt␊b␍␊c␍d\u2028e\tf␛"
    assert printable(text) == "a.txt\nb\r\nc␍d\u2028e\tf␛"
