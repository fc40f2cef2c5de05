"""Settling overlapping candidates (`talkclaims.rules.settle`), on hand-made candidates.

Each candidate is placed on a real French sentence by the offsets of its words, as a
proposer would have placed it; no model is loaded.
"""

from __future__ import annotations

import dataclasses

import pytest

from talkclaims.rules.candidates import Candidate
from talkclaims.rules.families import (
    APPOSITIVE_AGENT,
    CUE_QUE,
    CUE_QUOTE,
    POSTPOSED_CLAUSE,
    POSTPOSED_QUOTE,
    SELON,
    Family,
)
from talkclaims.rules.found import Mention
from talkclaims.rules.settle import overlap, settle


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def cand(
    text: str,
    words: str,
    family: Family,
    at: str | int,
    *,
    kind: str = "indirect",
    cue: str | None = "déclarer",
    mention: Mention | None = None,
) -> Candidate:
    """A candidate over ``words`` of ``text``, its attribution read at ``at`` (words or
    an offset)."""
    start, end = span(text, words)
    at_offset = at if isinstance(at, int) else text.index(at)
    return Candidate(start, end, kind, family, cue, at_offset, (0, len(text)), mention)


def mention(text: str, words: str, kind: str, name: str | None = None) -> Mention:
    start, end = span(text, words)
    return Mention(words, start, end, kind, name)


def words(text: str, kept: list[Candidate]) -> list[str]:
    return [text[c.start : c.end] for c in kept]


# --- overlap ----------------------------------------------------------------------------


def test_overlap_is_a_share_of_the_shorter_candidate() -> None:
    text = "Le ministre a déclaré que la réforme serait votée avant mars."
    whole = cand(text, "la réforme serait votée avant mars", CUE_QUE, "a déclaré")
    part = cand(text, "serait votée", CUE_QUOTE, "a déclaré")
    assert overlap(whole, part) == overlap(part, whole) == 1.0
    half = Candidate(0, 10, "direct", CUE_QUOTE, None, 0, (0, 20))
    other = Candidate(5, 25, "direct", CUE_QUOTE, None, 0, (0, 30))
    assert overlap(half, other) == 0.5


def test_disjoint_or_touching_candidates_do_not_overlap() -> None:
    a = Candidate(0, 10, "direct", CUE_QUOTE, None, 0, (0, 20))
    b = Candidate(10, 20, "direct", CUE_QUOTE, None, 0, (0, 20))
    c = Candidate(30, 40, "direct", CUE_QUOTE, None, 0, (0, 40))
    assert overlap(a, b) == 0.0
    assert overlap(a, c) == overlap(c, a) == 0.0


def test_overlap_of_an_empty_candidate_is_zero() -> None:
    empty = Candidate(5, 5, "direct", CUE_QUOTE, None, 0, (0, 20))
    full = Candidate(0, 10, "direct", CUE_QUOTE, None, 0, (0, 20))
    assert overlap(empty, full) == 0.0


# --- priority and position -----------------------------------------------------------------

POSTPOSED = "« Nous ne céderons pas », a déclaré Dmitri Peskov au journal Izvestia."


def test_of_two_overlapping_candidates_the_stronger_family_is_kept() -> None:
    quote = cand(POSTPOSED, "Nous ne céderons pas", POSTPOSED_QUOTE, "a déclaré", kind="direct")
    clause = cand(POSTPOSED, "« Nous ne céderons pas »", POSTPOSED_CLAUSE, "a déclaré")
    assert POSTPOSED_QUOTE.priority < POSTPOSED_CLAUSE.priority
    for candidates in ([quote, clause], [clause, quote]):
        assert settle(candidates) == [quote]


def test_the_weaker_candidate_is_dropped_whatever_its_length() -> None:
    text = "Selon Dmitri Peskov, le plan a été « examiné » par Moscou."
    selon = cand(text, "le plan a été « examiné » par Moscou", SELON, "Selon")
    quoted = cand(text, "examiné", CUE_QUOTE, "a été", kind="direct")
    assert settle([selon, quoted]) == [quoted]


def test_of_two_equal_families_the_earlier_is_kept() -> None:
    text = "« Nous verrons bien ce que Moscou propose », a ajouté le ministre."
    first = cand(text, "Nous verrons bien ce que Moscou propose", CUE_QUOTE, "a ajouté")
    second = cand(text, "verrons bien ce que Moscou propose »", POSTPOSED_QUOTE, "a ajouté")
    assert CUE_QUOTE.priority == POSTPOSED_QUOTE.priority
    assert overlap(first, second) > 0.5
    assert settle([second, first]) == [first]


def test_candidates_overlapping_by_half_or_less_are_both_kept() -> None:
    half = Candidate(0, 10, "direct", CUE_QUOTE, None, 0, (0, 30))
    other = Candidate(5, 25, "indirect", POSTPOSED_CLAUSE, None, 0, (0, 30))
    assert overlap(half, other) == 0.5
    assert settle([other, half]) == [half, other]


def test_the_output_is_in_text_order() -> None:
    text = (
        "Selon l'AFP, la réunion aura lieu lundi. Le ministre a déclaré que rien n'était "
        "décidé. « Nous verrons », a-t-il ajouté."
    )
    selon = cand(text, "la réunion aura lieu lundi", SELON, "Selon")
    que = cand(text, "rien n'était décidé", CUE_QUE, "a déclaré")
    quote = cand(text, "Nous verrons", POSTPOSED_QUOTE, "a-t-il", kind="direct")
    kept = settle([selon, quote, que])
    assert kept == [selon, que, quote]
    assert words(text, kept) == [
        "la réunion aura lieu lundi",
        "rien n'était décidé",
        "Nous verrons",
    ]


def test_nothing_to_settle() -> None:
    assert settle([]) == []


# --- a clause-framing candidate swallows the cues inside it ----------------------------------

NESTED = "Le ministre a assuré que le président avait déclaré : « Le texte sera présenté »."


def test_a_cue_inside_a_reported_clause_belongs_to_the_outer_claim() -> None:
    outer = cand(
        NESTED, "le président avait déclaré : « Le texte sera présenté »", CUE_QUE, "a assuré"
    )
    inner = cand(NESTED, "Le texte sera présenté", CUE_QUOTE, "avait déclaré", kind="direct")
    assert CUE_QUE.frames_clause
    assert inner.priority < outer.priority  # the inner one would win on priority alone
    assert settle([inner, outer]) == [outer]


def test_a_family_that_does_not_frame_a_clause_swallows_nothing() -> None:
    text = "Le texte sera voté, a déclaré le ministre. Il a ajouté : « Nous verrons »."
    clause = cand(text, "Le texte sera voté", POSTPOSED_CLAUSE, "a déclaré")
    # a candidate read inside the clause: a framing family would swallow it
    inside = cand(text, "Nous verrons", CUE_QUOTE, "texte", kind="direct")
    assert not POSTPOSED_CLAUSE.frames_clause and clause.start <= inside.at < clause.end
    assert settle([clause, inside]) == [clause, inside]


def test_a_cue_outside_the_framing_clause_is_not_swallowed() -> None:
    text = "Le ministre a assuré que rien n'était décidé. Il a ajouté : « Nous verrons »."
    outer = cand(text, "rien n'était décidé", CUE_QUE, "a assuré")
    after = cand(text, "Nous verrons", CUE_QUOTE, "a ajouté", kind="direct")
    at_end = dataclasses.replace(after, at=outer.end)  # the framing span is half-open
    assert settle([outer, after]) == [outer, after]
    assert settle([outer, at_end]) == [outer, at_end]


def test_a_framing_candidate_does_not_swallow_itself() -> None:
    outer = cand(NESTED, "le président avait déclaré : « Le texte sera présenté »", CUE_QUE, 30)
    assert outer.start <= outer.at < outer.end
    assert settle([outer]) == [outer]


# --- « selon » lends its speaker -------------------------------------------------------------

PASSIVE = "Selon Iouri Ouchakov, les propositions ont été qualifiées de « constructives »."


def passive_pair(speaker: Mention) -> tuple[Candidate, Candidate]:
    quoted = cand(PASSIVE, "constructives", CUE_QUOTE, "qualifiées", kind="mixed", cue="qualifier")
    selon = cand(
        PASSIVE,
        "les propositions ont été qualifiées de « constructives »",
        SELON,
        "Selon",
        cue=None,
        mention=speaker,
    )
    return quoted, selon


def test_a_dropped_selon_lends_its_speaker_to_a_kept_candidate_without_one() -> None:
    ouchakov = mention(PASSIVE, "Iouri Ouchakov", "name", "Iouri Ouchakov")
    quoted, selon = passive_pair(ouchakov)
    (kept,) = settle([selon, quoted])
    assert kept.mention == ouchakov
    assert kept.family is CUE_QUOTE and (kept.start, kept.end) == (quoted.start, quoted.end)
    assert kept == dataclasses.replace(quoted, mention=ouchakov)


def test_an_outlet_is_not_lent_as_a_speaker() -> None:
    text = PASSIVE.replace("Iouri Ouchakov", "l'AFP")
    afp = mention(text, "l'AFP", "outlet", "AFP")
    quoted = cand(text, "constructives", CUE_QUOTE, "qualifiées", kind="mixed")
    selon = cand(
        text,
        "les propositions ont été qualifiées de « constructives »",
        SELON,
        "Selon",
        mention=afp,
    )
    assert settle([selon, quoted]) == [quoted]
    assert settle([selon, quoted])[0].mention is None


def test_a_kept_candidate_with_a_speaker_keeps_it() -> None:
    ouchakov = mention(PASSIVE, "Iouri Ouchakov", "name", "Iouri Ouchakov")
    quoted, selon = passive_pair(ouchakov)
    own = Mention("le Kremlin", 0, 0, "name", "Kremlin")
    quoted = dataclasses.replace(quoted, mention=own)
    assert settle([selon, quoted])[0].mention is own


def test_a_family_that_does_not_lend_lends_nothing() -> None:
    ouchakov = mention(PASSIVE, "Iouri Ouchakov", "name", "Iouri Ouchakov")
    quoted, selon = passive_pair(ouchakov)
    appositive = dataclasses.replace(selon, family=APPOSITIVE_AGENT)
    assert not APPOSITIVE_AGENT.lends_speaker
    assert settle([appositive, quoted]) == [quoted]


def test_a_selon_without_a_speaker_lends_nothing() -> None:
    quoted, selon = passive_pair(mention(PASSIVE, "Iouri Ouchakov", "name"))
    selon = dataclasses.replace(selon, mention=None)
    assert settle([selon, quoted]) == [quoted]


# --- candidates are values ----------------------------------------------------------------


def test_candidates_are_frozen() -> None:
    quoted, _ = passive_pair(mention(PASSIVE, "Iouri Ouchakov", "name"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        quoted.mention = None  # type: ignore[misc]


def test_settle_changes_neither_its_list_nor_its_candidates() -> None:
    ouchakov = mention(PASSIVE, "Iouri Ouchakov", "name", "Iouri Ouchakov")
    quoted, selon = passive_pair(ouchakov)
    outer = cand(NESTED, "le président avait déclaré : « Le texte sera présenté »", CUE_QUE, 3)
    inner = cand(NESTED, "Le texte sera présenté", CUE_QUOTE, "avait déclaré", kind="direct")
    for candidates in ([selon, quoted], [inner, outer]):
        before = list(candidates)
        copies = [dataclasses.replace(c) for c in candidates]
        kept = settle(candidates)
        assert kept is not candidates
        assert all(a is b for a, b in zip(candidates, before, strict=True))
        assert candidates == copies
    assert quoted.mention is None  # the lent speaker went to a new candidate
