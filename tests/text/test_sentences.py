"""Paragraphs, soft line breaks and sentences (`talkclaims.text.sentences`), on raw text.

What `tests/text/test_quotes.py` already covers (initials, sentences within paragraphs) is
not repeated: here are hard-wrapped and CRLF text, the copy the parser sees, datelines,
and the abbreviations given as a parameter.
"""

from __future__ import annotations

from collections.abc import Collection

import pytest

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.text.sentences import (
    WRAP_WIDTH,
    for_parsing,
    is_wrapped,
    paragraphs,
    sentences,
    soft_breaks,
)

ABBREVIATIONS = shipped_patterns().grammar.abbreviations
NBSP = "\u00a0"

#: A hard-wrapped article: short lines, paragraphs separated by a blank line.
WRAPPED = (
    "Le ministre du Travail a présenté mardi sa réforme de l'assurance\n"
    "chômage devant les partenaires sociaux réunis à Paris pour l'occasion.\n"
    "Les syndicats ont dénoncé un texte « injuste » et promis de se\n"
    "mobiliser dès la semaine prochaine contre ce projet du gouvernement.\n"
    "\n"
    "Selon le ministère, la mesure doit permettre d'économiser deux\n"
    "milliards d'euros par an. Les économistes restent partagés sur ses\n"
    "effets attendus.\n"
)
WRAPPED_SENTENCES = [
    "Le ministre du Travail a présenté mardi sa réforme de l'assurance chômage devant les "
    "partenaires sociaux réunis à Paris pour l'occasion.",
    "Les syndicats ont dénoncé un texte « injuste » et promis de se mobiliser dès la semaine "
    "prochaine contre ce projet du gouvernement.",
    "Selon le ministère, la mesure doit permettre d'économiser deux milliards d'euros par an.",
    "Les économistes restent partagés sur ses effets attendus.",
]


def found(text: str, abbreviations: Collection[str] = ABBREVIATIONS) -> list[str]:
    return [text[s:e] for s, e in sentences(text, abbreviations)]


def breaks(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c == "\n"]


# --- paragraphs -------------------------------------------------------------------


def test_paragraphs_are_non_empty_lines() -> None:
    text = "Titre\n\nPremier paragraphe.\n   \n\t\nSecond paragraphe.\nDernier"
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Titre",
        "Premier paragraphe.",
        "Second paragraphe.",
        "Dernier",
    ]


def test_paragraphs_leave_out_the_carriage_return_of_crlf() -> None:
    text = "Premier.\r\n\r\nSecond.\r\n"
    spans = list(paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["Premier.", "Second."]
    assert spans == [(0, 8), (12, 19)]


def test_paragraphs_of_empty_or_blank_text() -> None:
    assert list(paragraphs("")) == []
    assert list(paragraphs("\n \n\r\n")) == []


def test_paragraphs_join_lines_across_soft_breaks() -> None:
    spans = list(paragraphs(WRAPPED))
    assert len(spans) == 2
    assert WRAPPED[slice(*spans[0])].endswith("contre ce projet du gouvernement.")
    assert WRAPPED[slice(*spans[1])].startswith("Selon le ministère")


def test_paragraphs_with_no_soft_break_given_are_lines() -> None:
    spans = list(paragraphs(WRAPPED, soft=frozenset()))
    assert len(spans) == len([line for line in WRAPPED.split("\n") if line.strip()])


# --- is_wrapped ---------------------------------------------------------------------


def test_a_break_inside_a_sentence_is_wrapped() -> None:
    text = "Le ministre a déclaré que la réforme\nserait présentée avant mars."
    assert is_wrapped(text, text.index("\n"))


def test_spaces_and_carriage_return_before_a_wrapped_break_are_ignored() -> None:
    text = f"Le ministre a déclaré que la réforme {NBSP}\r\n\u202fserait présentée."
    assert is_wrapped(text, text.index("\n"))


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a parlé.\nles syndicats aussi.",  # the line ends a sentence
        "Le ministre a déclaré :\nla réforme sera votée.",  # a colon ends the line
        "« Nous verrons »\nsuite",  # a closing guillemet
        "Le ministre a déclaré que\nLa réforme sera votée.",  # next line capitalised
        "Le ministre a déclaré que\n« la réforme sera votée »",  # next line opens a quote
        "Le ministre a déclaré que\n\nla réforme",  # a blank line: new paragraph
    ],
)
def test_a_break_that_may_end_a_sentence_is_not_wrapped(text: str) -> None:
    assert not is_wrapped(text, text.index("\n"))


def test_is_wrapped_at_the_edges_of_the_text() -> None:
    assert not is_wrapped("\nsuite", 0)
    assert not is_wrapped("la réforme\n", len("la réforme"))


# --- soft_breaks and for_parsing ----------------------------------------------------------


def test_in_running_text_only_breaks_inside_a_sentence_are_soft() -> None:
    text = "Le ministre a déclaré que la réforme\nserait présentée.\nIl a ajouté"
    first, second = breaks(text)
    assert soft_breaks(text) == frozenset({first})
    assert second not in soft_breaks(text)


def test_in_a_hard_wrapped_article_every_single_break_is_soft() -> None:
    assert all(len(line) <= WRAP_WIDTH for line in WRAPPED.split("\n"))
    soft = soft_breaks(WRAPPED)
    after_full_stop = WRAPPED.index("l'occasion.\n") + len("l'occasion.")
    assert after_full_stop in soft  # even before a capital: the article is hard-wrapped
    assert not is_wrapped(WRAPPED, after_full_stop)
    paragraph_break = WRAPPED.index("\n\n")
    assert paragraph_break not in soft and paragraph_break + 1 not in soft
    assert soft == frozenset(breaks(WRAPPED)) - {paragraph_break, paragraph_break + 1} - {
        len(WRAPPED) - 1
    }


def test_without_blank_lines_short_lines_are_not_a_hard_wrapped_article() -> None:
    text = WRAPPED.replace("\n\n", "\n").rstrip("\n")
    after_full_stop = text.index("l'occasion.\n") + len("l'occasion.")
    assert after_full_stop not in soft_breaks(text)
    assert text.index("l'assurance\n") + len("l'assurance") in soft_breaks(text)


#: One short paragraph a line, no blank line, and the final newline every editor adds.
SHORT_PARAGRAPHS = (
    "La mairie a annoncé lundi la fermeture de la piscine municipale.\n"
    "Les travaux dureront six mois selon l'adjoint chargé des sports.\n"
    "Les nageurs du club iront à la piscine de la commune voisine.\n"
    "Le maire a promis une réouverture avant l'été prochain au plus tard.\n"
)


def test_one_paragraph_a_line_without_final_newline_keeps_its_paragraphs() -> None:
    text = SHORT_PARAGRAPHS.rstrip("\n")
    assert soft_breaks(text) == frozenset()
    assert len(list(paragraphs(text))) == 4


def test_a_final_newline_is_not_a_blank_line_between_paragraphs() -> None:
    assert soft_breaks(SHORT_PARAGRAPHS) == frozenset()
    assert len(list(paragraphs(SHORT_PARAGRAPHS))) == 4


def test_for_parsing_turns_soft_breaks_into_spaces_and_keeps_the_length() -> None:
    parsed = for_parsing(WRAPPED)
    assert len(parsed) == len(WRAPPED)
    assert parsed.split("\n\n") == [
        " ".join(WRAPPED_SENTENCES[:2]),
        " ".join(WRAPPED_SENTENCES[2:]) + "\n",
    ]
    for i, (raw, seen) in enumerate(zip(WRAPPED, parsed, strict=True)):
        assert seen == (" " if i in soft_breaks(WRAPPED) else raw)


def test_for_parsing_turns_carriage_returns_into_spaces_and_keeps_hard_breaks() -> None:
    text = "Le ministre a déclaré que la réforme\r\nserait présentée.\r\nIl a ajouté."
    parsed = for_parsing(text)
    assert len(parsed) == len(text)
    assert "\r" not in parsed
    assert parsed == "Le ministre a déclaré que la réforme  serait présentée. \nIl a ajouté."


def test_for_parsing_leaves_one_line_text_alone() -> None:
    text = f"Selon Reuters, la banque relèvera ses taux{NBSP}: « c'est acquis »."
    assert for_parsing(text) == text
    assert for_parsing("") == ""


# --- sentences of wrapped and CRLF text ---------------------------------------------


def test_sentences_of_a_hard_wrapped_article_are_those_of_its_one_line_form() -> None:
    spans = list(sentences(WRAPPED, ABBREVIATIONS))
    assert [" ".join(WRAPPED[s:e].split("\n")) for s, e in spans] == WRAPPED_SENTENCES
    assert list(sentences(for_parsing(WRAPPED), ABBREVIATIONS)) == spans


def test_crlf_text_as_the_parser_sees_it_splits_like_lf_text() -> None:
    crlf = WRAPPED.replace("\n", "\r\n")
    parsed = for_parsing(crlf)
    assert [" ".join(parsed[s:e].split()) for s, e in sentences(parsed, ABBREVIATIONS)] == (
        WRAPPED_SENTENCES
    )


def test_raw_crlf_hard_wrapped_text_splits_like_lf_text() -> None:
    crlf = WRAPPED.replace("\n", "\r\n")
    assert [" ".join(crlf[s:e].split()) for s, e in sentences(crlf, ABBREVIATIONS)] == (
        WRAPPED_SENTENCES
    )

    # the same sentences at the same places: each LF offset moved by the \r before it
    def in_crlf(offset: int) -> int:
        return offset + WRAPPED.count("\n", 0, offset)

    lf_spans = list(sentences(WRAPPED, ABBREVIATIONS))
    assert list(sentences(crlf, ABBREVIATIONS)) == [(in_crlf(s), in_crlf(e)) for s, e in lf_spans]


# --- datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "rest"),
    [
        ("BRUXELLES (AFP) -", "La Commission a présenté mardi son plan."),
        ("PARIS –", "Le gouvernement a confirmé la réforme."),
        ("SAINT-ÉTIENNE (AFP) —", "Le préfet a ordonné l'évacuation."),
        ("(AFP) -", "Le ministre a parlé."),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(dateline: str, rest: str) -> None:
    text = f"{dateline} {rest} Les États membres l'examineront."
    assert found(text) == [dateline, rest, "Les États membres l'examineront."]


def test_a_dateline_opens_a_paragraph_not_a_sentence_inside_it() -> None:
    text = "Le ministre a parlé. BRUXELLES (AFP) - rien de plus."
    assert found(text) == ["Le ministre a parlé.", "BRUXELLES (AFP) - rien de plus."]
    text = "Premier paragraphe.\nBRUXELLES (AFP) - La Commission a tranché."
    assert found(text) == ["Premier paragraphe.", "BRUXELLES (AFP) -", "La Commission a tranché."]


def test_a_dash_in_a_sentence_is_not_a_dateline() -> None:
    text = "Le texte - voté hier - entre en vigueur. Il a été publié."
    assert found(text) == ["Le texte - voté hier - entre en vigueur.", "Il a été publié."]


def test_a_dateline_alone_is_one_sentence() -> None:
    assert found("BRUXELLES (AFP) -") == ["BRUXELLES (AFP) -"]


# --- abbreviations as a parameter -------------------------------------------------------


def test_a_listed_abbreviation_does_not_end_a_sentence() -> None:
    text = "MM. Dupont et Durand sont arrivés. Ils ont parlé."
    assert found(text) == ["MM. Dupont et Durand sont arrivés.", "Ils ont parlé."]


def test_the_same_full_stop_ends_a_sentence_when_the_abbreviation_is_not_listed() -> None:
    text = "MM. Dupont et Durand sont arrivés. Ils ont parlé."
    assert found(text, []) == ["MM.", "Dupont et Durand sont arrivés.", "Ils ont parlé."]
    assert found(text, ["mme"]) == found(text, [])


def test_an_abbreviation_added_to_the_list_is_honoured() -> None:
    text = "Le Pdt. Macron a parlé. Il est reparti."
    assert found(text) == ["Le Pdt.", "Macron a parlé.", "Il est reparti."]
    assert found(text, {*ABBREVIATIONS, "pdt"}) == ["Le Pdt. Macron a parlé.", "Il est reparti."]


def test_abbreviations_are_compared_in_lower_case() -> None:
    assert found("Le Dr. Martin a parlé.", ["dr"]) == ["Le Dr. Martin a parlé."]
    assert found("Le Dr. Martin a parlé.", ["DR"]) == ["Le Dr.", "Martin a parlé."]


def test_m_and_initials_never_end_a_sentence_whatever_the_list() -> None:
    # a single capital before a full stop is an initial (« M. », « J. D. Vance »)
    assert found("M. Dupont a rencontré J. D. Vance hier. Puis il est parti.", []) == [
        "M. Dupont a rencontré J. D. Vance hier.",
        "Puis il est parti.",
    ]


# --- sentence ends ---------------------------------------------------------------------


def test_closing_marks_belong_to_the_sentence_they_end() -> None:
    text = f"Il a dit :{NBSP}«{NBSP}Non{NBSP}!{NBSP}» Puis il est parti."
    assert found(text) == [f"Il a dit :{NBSP}«{NBSP}Non{NBSP}!{NBSP}»", "Puis il est parti."]


def test_a_sentence_ends_only_before_a_capital_or_a_digit() -> None:
    assert found("Il a dit « non ! » puis il est parti.") == [
        "Il a dit « non ! » puis il est parti."
    ]
    assert found("Le prix a atteint 3,5 millions. 2025 sera meilleure.") == [
        "Le prix a atteint 3,5 millions.",
        "2025 sera meilleure.",
    ]
    assert found("Est-ce fini ? Oui… Vraiment ! Bon... Alors") == [
        "Est-ce fini ?",
        "Oui…",
        "Vraiment !",
        "Bon...",
        "Alors",
    ]


def test_sentences_of_a_slice_are_offsets_into_the_whole_text() -> None:
    text = "Avant. Le ministre a parlé. Il est parti. Après."
    start, end = text.index("Le ministre"), text.index(" Après")
    spans = list(sentences(text, ABBREVIATIONS, start, end))
    assert [text[s:e] for s, e in spans] == ["Le ministre a parlé.", "Il est parti."]
    assert spans[0][0] == start


def test_no_sentence_in_blank_text() -> None:
    assert found("") == []
    assert found(f"  \n\r\n{NBSP}\n") == []
