"""Quotation spans found on raw text, before any parsing."""

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.text.quotes import find_quotes
from talkclaims.text.sentences import sentences

ABBREVIATIONS = shipped_patterns().grammar.abbreviations


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_guillemets_with_and_without_no_break_spaces():
    text = "Il a dit « oui » puis «\u00a0non\u00a0» et «\u202fpeut-être\u202f»."
    assert spans(text) == ["oui", "non", "peut-être"]


def test_english_and_straight_quotes():
    assert spans('Elle a parlé de “réforme” et de "justice".') == ["réforme", "justice"]


def test_nested_marks_belong_to_the_outer_quotation():
    text = "« Ils sont 'intéressés par la paix' et “sérieux” », a-t-il dit."
    assert spans(text) == ["Ils sont 'intéressés par la paix' et “sérieux”"]


def test_quotation_reopened_at_each_paragraph_is_one_span():
    text = "« Premier paragraphe.\n« Second paragraphe », a-t-il dit."
    assert spans(text) == ["Premier paragraphe.\n« Second paragraphe"]


def test_stray_and_unbalanced_marks_are_ignored():
    assert spans("l' »opération militaire spéciale » contre") == []
    assert spans("« jamais fermé\nune autre ligne") == []


def test_offsets_point_inside_the_marks():
    text = "Il a déclaré : «  nous verrons  »."
    (quote,) = find_quotes(text)
    assert text[quote.open] == "«" and text[quote.close - 1] == "»"
    assert text[quote.start : quote.end] == "nous verrons"


def test_sentences_keep_abbreviations_and_initials_together():
    text = "M. Dmitriev a parlé avec J. D. Vance. Puis il est parti ! « Bien. » Fin"
    found = [text[s:e] for s, e in sentences(text, ABBREVIATIONS)]
    assert found == [
        "M. Dmitriev a parlé avec J. D. Vance.",
        "Puis il est parti !",
        "« Bien. »",
        "Fin",
    ]


def test_sentences_never_cross_paragraphs():
    text = "Un titre sans point\nUne phrase. Une autre.\r\n\nDernière"
    found = [text[s:e] for s, e in sentences(text, ABBREVIATIONS)]
    assert found == ["Un titre sans point", "Une phrase.", "Une autre.", "Dernière"]
