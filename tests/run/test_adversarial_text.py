"""Text that is no prose (a line of apostrophes, of full stops, of « or of quotations) must
cost what ordinary text of the same length costs, not time quadratic in its length.

Each input is timed against ordinary news text of the same length through the same
function, with a generous bound: a quadratic step takes minutes to hours on these
lengths (10,000 apostrophes took 7 s in the tokenizer, 100,000 « and ’ took 53 s to
pair, 500,000 would take an hour and a half; a 50,000-character sentence of « Il a dit
que » took 84 s in the rules), where the linear one takes about what the ordinary text
takes. Speed itself is measured by `make bench`, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.text.quotes import find_quotes
from talkclaims.text.sentences import sentences, soft_breaks
from tests.conftest import CORPUS, assert_offsets

T = TypeVar("T")
ORDINARY = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
ABBREVIATIONS = shipped_patterns().grammar.abbreviations


def of_length(unit: str, length: int) -> str:
    """``unit`` repeated, cut to ``length`` characters."""
    return (unit * (length // len(unit) + 1))[:length]


def timed(run: Callable[[str], T], text: str) -> tuple[T, float]:
    started = time.perf_counter()
    result = run(text)
    return result, time.perf_counter() - started


#: The time ordinary text takes, by what is timed and its length (measured once).
_BASE: dict[tuple[str, int], float] = {}


def assert_about_as_fast(
    name: str, run: Callable[[str], T], text: str, factor: float, slack: float
) -> T:
    """``run(text)`` takes at most ``factor`` times what ordinary text of its length takes
    (the best of two runs), plus ``slack`` seconds for a machine shared with other work.
    Returns what ``run(text)`` returned."""
    if (name, len(text)) not in _BASE:
        ordinary = of_length(ORDINARY, len(text))
        _BASE[name, len(text)] = min(timed(run, ordinary)[1] for _ in range(2))
    base = _BASE[name, len(text)]
    result, took = timed(run, text)
    assert took <= factor * base + slack, f"{took:.1f} s against {base:.1f} s for ordinary text"
    return result


#: Units repeated into texts that are no prose: straight and curly quotation marks and
#: apostrophes, opening marks never closed, marks that close none, full stops, line ends.
MARKS = ["'", '"', "‘’", "«", "»", "«’", '«"', "«'", ".", "…", "!", "\n", "«\n", "a.\n", ". "]


@pytest.mark.parametrize("unit", MARKS)
def test_quotation_pairing_and_sentences_are_linear(unit: str) -> None:
    text = of_length(unit, 500_000)

    def split(text: str) -> None:
        soft_breaks(text)
        find_quotes(text)
        list(sentences(text, ABBREVIATIONS))

    assert_about_as_fast("split", split, text, factor=100, slack=2.0)


def test_spaces_after_a_full_stop_are_read_once() -> None:
    text = "Il a parlé." + " " * 500_000 + "ensuite"
    found = assert_about_as_fast(
        "sentences", lambda t: list(sentences(t, ABBREVIATIONS)), text, factor=20, slack=1.0
    )
    assert found == [(0, len(text))]


@pytest.mark.parametrize("unit", ["'", "«", ".", "l'", "«’", "-", "a"])
def test_the_tokenizer_cuts_a_long_run_without_spaces_in_linear_time(extractor, unit) -> None:
    tokenizer = extractor.nlp.tokenizer
    text = of_length(unit, 200_000)
    assert_about_as_fast("tokenizer", tokenizer, text, factor=10, slack=1.0)
    doc = tokenizer("Le ministre a parlé. " + text + " Il a ajouté que tout allait bien.")
    assert doc.text == "Le ministre a parlé. " + text + " Il a ajouté que tout allait bien."
    assert [t.text for t in doc[:5]] == ["Le", "ministre", "a", "parlé", "."]
    assert max(len(t) for t in doc) <= 50
    assert [t.text for t in doc[-3:]] == ["allait", "bien", "."]


def test_a_run_shorter_than_the_bound_is_tokenized_by_the_model(extractor) -> None:
    doc = extractor.nlp.tokenizer("« Oui » : https://exemple.fr/une-page-assez-longue?id=12.")
    assert "https://exemple.fr/une-page-assez-longue?id=12" in [t.text for t in doc]


#: Units repeated into one long text each, through the whole extractor: no prose at all,
#: a sentence that never ends (every cue's clause runs to its end), thousands of names,
#: outlets, quotations and claims in one article.
EXTRACTOR_UNITS = [
    "'",
    '"',
    "‘’",
    "«",
    ".",
    "Il a dit que ",
    "Il a dit que ( ",
    "Selon lui, ",
    "selon l'AFP ",
    "Jean Dupont a dit que « ",
    "« Il viendra », a-t-il dit. ",
    "M. Dupont : « Oui. »\n",
    "« a »\n",
    "« Je viens », dit-elle, « demain ». ",
    "Jean Dupont, 45 ans, a dit que ",
]


@pytest.mark.parametrize("unit", EXTRACTOR_UNITS)
def test_the_extractor_takes_linear_time_on_text_that_is_no_prose(extractor, unit) -> None:
    text = of_length(unit, 60_000)
    claims = assert_about_as_fast(
        "extractor", lambda t: extractor.claims(t, "t.txt"), text, factor=4, slack=2.0
    )
    assert_offsets(text, claims)
