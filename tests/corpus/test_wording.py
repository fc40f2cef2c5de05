"""Quotations as compared: typography folded, marks kept as marks (issue 22)."""

from __future__ import annotations

from talkclaims.corpus.wording import MARK, quotation_of, wording
from talkclaims.records import Claim


def claim(kind: str, text: str) -> Claim:
    return Claim("a.txt", kind, text, 0, len(text), 1, "Hélène Marchetti", None, "dire")


def test_typography_case_accents_and_spaces_fold_to_one_key():
    printed = [
        "L’État ne cédera pas : nous tiendrons bon !",
        "l'Etat ne cédera pas: nous  tiendrons bon",
        "L'ÉTAT NE CÉDERA PAS\u202f: NOUS TIENDRONS BON…",
    ]
    assert len({wording(text).key for text in printed}) == 1
    assert wording(printed[0]).keys == (
        "l", "etat", "ne", "cedera", "pas", "nous", "tiendrons", "bon",
    )  # fmt: skip


def test_ligatures_and_hyphens():
    assert wording("Cœur de l’œuvre, peut-être").keys == (
        "coeur", "de", "l", "oeuvre", "peut", "etre",
    )  # fmt: skip


def test_marked_elisions_and_editorial_insertions_are_marks():
    for elided in ("Nous avançons […] sans date", "Nous avançons (…) sans date",
                   "Nous avançons [...] sans date", "Nous avançons (...) sans date"):  # fmt: skip
        assert wording(elided).keys == ("nous", "avancons", MARK, "sans", "date"), elided
    assert wording("Il [le ministre] viendra").keys == ("il", MARK, "viendra")
    # a bare ellipsis is the speaker's pause: punctuation
    assert wording("Nous avançons... sans date").keys == ("nous", "avancons", "sans", "date")
    assert wording("Nous avançons […] [sic] sans date").words == 4  # marks side by side: one


def test_each_token_keeps_where_it_is_printed():
    found = wording("Oui, l’accord tient.")
    assert found.shown(1, 3) == "l’accord"
    assert found.shown(0, len(found.keys)) == "Oui, l’accord tient"


def test_a_direct_claim_quotes_its_words_a_mixed_one_its_quoted_parts():
    direct = quotation_of(claim("direct", "Nous ne céderons rien sur les frontières"))
    assert direct is not None and direct.words == 7
    mixed = quotation_of(
        claim(
            "mixed",
            "elle a jugé « inacceptable » cette offre et promis de « ne rien céder sur les "
            "frontières »",
        )
    )
    assert mixed is not None
    assert mixed.text == "inacceptable […] ne rien céder sur les frontières"
    assert mixed.keys[1] == MARK
    assert quotation_of(claim("indirect", "elle ne cédera rien")) is None
    assert quotation_of(claim("mixed", "elle ne cédera rien")) is None


def test_quotations_inside_a_quotation_are_known():
    found = wording(
        "Mon père m’a dit : « Tu vas faire du vinaigre pour les touristes. » Il avait tort."
    )
    assert [found.keys[a:b] for a, b in found.nested] == [
        ("tu", "vas", "faire", "du", "vinaigre", "pour", "les", "touristes")
    ]
    assert wording("Nous tiendrons bon jusqu’au bout.").nested == ()
