"""Two wordings aligned word by word: cuts, marks and changes told apart (issue 22)."""

from __future__ import annotations

from talkclaims.corpus.align import align, allowed_changes, same_quotation, word_diff
from talkclaims.corpus.wording import wording

WHOLE = (
    "Nous avons proposé un plan en vingt points, dont dix concernent la sécurité, et nous "
    "attendons une réponse avant la fin du mois"
)


def aligned(short: str, long: str = WHOLE):
    a, b = wording(short), wording(long)
    found = align(a.keys, b.keys)
    assert found is not None
    return found, a, b


def test_an_excerpt_is_a_cut_not_a_change():
    found, _, _ = aligned("un plan en vingt points, dont dix concernent la sécurité")
    assert (found.matched, found.words, found.changes) == (10, 10, 0)
    assert [r.tag for r in found.regions] == ["equal"]
    assert same_quotation(found, 5)


def test_a_marked_elision_or_insertion_is_free():
    found, _, _ = aligned("Nous avons proposé un plan […] avant la fin du mois")
    assert found.changes == 0 and "free" in [r.tag for r in found.regions]
    assert same_quotation(found, 5)
    found, _, _ = aligned("Nous avons proposé un plan [de paix] en vingt points")
    assert found.changes == 0 and same_quotation(found, 5)


def test_a_changed_word_inside_is_a_change_shown_as_a_word_diff():
    found, a, b = aligned(WHOLE.replace("vingt points", "trente points"))
    assert found.changes == 1
    assert same_quotation(found, 5)
    assert word_diff(found, a, b) == "… un plan en [-vingt-]{+trente+} points, dont dix …"
    # the other way round: the same words against the other reference
    assert (
        word_diff(found, a, b, reference="a")
        == "… un plan en [-trente-]{+vingt+} points, dont dix …"
    )


def test_added_and_dropped_words_inside_are_changes():
    found, a, b = aligned(WHOLE.replace("dont dix", "dont seulement dix"))
    assert found.changes == 1
    assert "{+seulement+}" in word_diff(found, a, b)
    found, a, b = aligned(WHOLE.replace(" avant la fin du mois", " la fin du mois"))
    assert found.changes == 1
    assert "[-avant-]" in word_diff(found, a, b)


def test_a_changed_last_word_is_a_change_not_a_cut():
    found, a, b = aligned(WHOLE.replace("du mois", "de juin"))
    assert found.changes == 2
    assert word_diff(found, a, b).endswith("la fin [-du mois-]{+de juin+}")
    # words past the other's last word, beyond those standing against its words: a cut
    found, a, b = aligned(WHOLE.replace("du mois", "de l’année"))
    assert found.changes == 2
    assert [r.tag for r in found.regions][-2:] == ["changed", "cut"]


def test_short_quotations_allow_no_change_and_long_ones_a_few():
    assert [allowed_changes(n) for n in (5, 6, 7, 13, 14, 30)] == [0, 0, 1, 1, 2, 4]
    found, _, _ = aligned("Nous ne céderons rien du tout", "Nous ne céderons rien de rien")
    assert not same_quotation(found, 5)


def test_two_quotations_that_share_a_phrase_are_not_one():
    found, _, _ = aligned(
        "Nous avons proposé un plan de relance pour les agriculteurs du Sud-Ouest",
    )
    assert not same_quotation(found, 5)
    assert align(wording("rien à voir").keys, wording(WHOLE).keys) is None
