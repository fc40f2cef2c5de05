"""Outlets named in text (`talkclaims.lang.outlets.OutletFinder`), from the shipped
gazetteer of ``patterns/outlets.yaml`` and generic outlet nouns; no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkclaims.lang.outlets import OutletFinder, OutletMention
from talkclaims.lang.patterns import load_patterns, shipped_patterns

FINDER = OutletFinder(shipped_patterns())


def outlets(text: str, finder: OutletFinder = FINDER) -> list[tuple[str, str]]:
    """(words in the text, canonical name) of each outlet found, checking the offsets."""
    found = finder.find(text)
    assert all(isinstance(m, OutletMention) and 0 <= m.start < m.end <= len(text) for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)
    return [(text[m.start : m.end], m.name) for m in found]


# --- the gazetteer --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon Le Monde, le texte sera voté jeudi.", [("Le Monde", "Le Monde")]),
        ("a-t-il déclaré sur TF1info.", [("TF1info", "TF1info")]),
        ("a-t-il confié à TF1 Info", [("TF1 Info", "TF1info")]),
        ("selon l'Agence France-Presse", [("Agence France-Presse", "AFP")]),
        ("d'après Ria Novosti", [("Ria Novosti", "RIA Novosti")]),
        ("selon le Financial Times", [("Financial Times", "Financial Times")]),
        ("«\u00a0Le Monde\u00a0» a révélé", [("Le Monde", "Le Monde")]),
    ],
)
def test_known_outlets_and_their_aliases(text: str, expected: list[tuple[str, str]]) -> None:
    assert outlets(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit que le monde entier regardait.",
        "Le monde change, a dit le ministre.",  # sentence start: « Le » is capitalised
        "Tout le Monde en parle.",
        "LE MONDE A CHANGÉ",
        "la nature humaine",
        "Le Mondeux a dit",  # part of a word
        "sur RTL2 hier soir",
        "un CAP de cuisine",
    ],
)
def test_names_match_case_sensitively_and_as_whole_words(text: str) -> None:
    assert outlets(text) == []


def test_the_elided_article_is_matched_with_the_outlet() -> None:
    assert outlets("Le ministre a déclaré à l'AFP que rien n'était décidé.") == [("l'AFP", "AFP")]
    assert outlets("a-t-il confié à l’AFP") == [("l’AFP", "AFP")]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Le ministre a déclaré au Figaro que", "au Figaro", "Le Figaro"),
        ("dans les colonnes du Parisien, le maire", "du Parisien", "Le Parisien"),
        ("Les syndicats ont confié aux Échos que", "aux Échos", "Les Échos"),
        (
            "dans un entretien au Journal du dimanche",
            "au Journal du dimanche",
            "Le Journal du dimanche",
        ),
    ],
)
def test_contracted_articles(text: str, words: str, name: str) -> None:
    assert outlets(text) == [(words, name)]


def test_several_outlets_in_text_order() -> None:
    text = "selon une dépêche AFP diffusée par Le Figaro puis reprise par franceinfo"
    assert outlets(text) == [
        ("AFP", "AFP"),
        ("Le Figaro", "Le Figaro"),
        ("franceinfo", "franceinfo"),
    ]


# --- generic outlet nouns -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selon l'agence de presse russe Tass, Moscou", [("Tass", "Tass")]),
        ("a déclaré le quotidien Kommersant, citant", [("Kommersant", "Kommersant")]),
        ("a indiqué l'agence Ukrinform", [("Ukrinform", "Ukrinform")]),
        ("selon le site d'information Meduza", [("Meduza", "Meduza")]),
        ("selon le site d’information Meduza", [("Meduza", "Meduza")]),
        ("a-t-il confié à la chaîne américaine Fox News", [("Fox News", "Fox News")]),
    ],
)
def test_outlet_nouns_with_qualifiers_before_a_known_outlet(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert outlets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selon le quotidien Vzgliad, proche du pouvoir", [("Vzgliad", "Vzgliad")]),
        ("selon le quotidien Vzgliad.", [("Vzgliad", "Vzgliad")]),
        ("selon le média en ligne Nova Press", [("Nova Press", "Nova Press")]),
        ("selon l'agence de\npresse russe Interfax", [("Interfax", "Interfax")]),
        # a capitalised outlet noun is part of the name
        ("selon Radio Sud Atlantique", [("Radio Sud Atlantique", "Radio Sud Atlantique")]),
    ],
)
def test_outlet_nouns_name_outlets_the_gazetteer_does_not_know(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert outlets(text) == expected


@pytest.mark.parametrize(
    "text",
    ["le journal a publié hier", "la radio publique a diffusé", "l'agence a démenti"],
)
def test_an_outlet_noun_without_a_name_is_no_outlet(text: str) -> None:
    assert outlets(text) == []


def test_outlets_of_a_user_folder_are_found(tmp_path: Path) -> None:
    (tmp_path / "outlets.yaml").write_text(
        "outlets:\n  - {name: Radio Sud Atlantique, aliases: [RSA]}\n", encoding="utf-8"
    )
    finder = OutletFinder(load_patterns([tmp_path]))
    assert outlets("a-t-il déclaré sur RSA", finder) == [("RSA", "Radio Sud Atlantique")]
    assert outlets("a-t-il déclaré sur RSA") == []  # the shipped finder does not know it


# --- bylines and datelines ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a parlé. (AFP)",
        "(AFP) - Le ministre a parlé.",
        "BRUXELLES (AFP)\nLe ministre a parlé.",
        "La réforme sera votée jeudi. (avec Reuters)",
        "BRUXELLES (AFP) - La Commission a présenté son plan.",
        "SAINT-ÉTIENNE (AFP) — Le préfet a ordonné l'évacuation du quartier.",
        "PARIS, 12 mars (Reuters) – Le ministre a confirmé la réforme.",
        "Source : ATS",
        "Sources : AFP, Reuters",
        "La réforme sera votée jeudi.\nsource: Le Monde avec AFP",
    ],
)
def test_bylines_are_not_outlets(text: str) -> None:
    assert outlets(text) == []


def test_a_byline_hides_only_its_own_line() -> None:
    text = "(AFP) - Le ministre a parlé.\nSelon l'AFP, il partira."
    assert outlets(text) == [("l'AFP", "AFP")]
    assert FINDER.find(text)[0].start == text.index("l'AFP")


def test_a_dateline_with_a_city_is_not_an_outlet() -> None:
    assert outlets("BRUXELLES (AFP) - La Commission a présenté son plan.") == []


def test_a_source_line_is_not_an_outlet() -> None:
    assert outlets("Source : ATS") == []


def test_a_dateline_or_a_source_line_hides_only_its_own_line() -> None:
    text = "BRUXELLES (AFP) – La Commission a tranché, selon Le Monde.\nSelon l'AFP, c'est fait."
    assert outlets(text) == [("Le Monde", "Le Monde"), ("l'AFP", "AFP")]
    assert outlets("Source : ATS\nSelon ATS, le vote aura lieu.") == [("ATS", "ATS")]
    # no dash after it: not a dateline, the agency is named in a sentence
    assert outlets("GENÈVE (ATS) a publié la dépêche mardi.") == [("ATS", "ATS")]
