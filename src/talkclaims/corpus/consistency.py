"""Do the articles agree on a quotation: who said it, and in which words?

Over the claims of a `Grouping`, some of them *checked* (the articles a newsroom is about
to publish, or every article of a corpus) and the others an *archive* (what was already
published: yesterday's wire). Two kinds of disagreement:

- `SpeakerConflict`: a checked claim gives the words to a named person other than the
  one the others give them to. Only persons are compared, each as one identity whatever
  its spelling (`talkclaims.corpus.speakers`): a claim with no speaker, an anonymous
  one, a role or an organisation contradicts no one (« le porte-parole du Kremlin » may
  well be Dmitri Peskov). The reference is the person most articles of the archive give
  the words to, or, with no archive, most articles of all.
- `WordingChange`: a checked claim's wording changes, adds or drops words inside the
  quotation against the most common wording (the archive's, when it has one): a cut at
  either end, a marked elision, punctuation, case and accents are not changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from talkclaims.corpus.align import Alignment, align, word_diff
from talkclaims.corpus.groups import Grouping, date_key
from talkclaims.corpus.speakers import identities
from talkclaims.corpus.wording import Wording, quotation_of
from talkclaims.lang.people import SpeakerIndex
from talkclaims.records import Claim

#: A side of a group: a speaker's identity or a wording's variant.
K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class SpeakerConflict:
    """Claim number ``claim`` gives the words to ``speaker``; the reference gives them
    to ``reference``. ``sides`` lists every identity with its claims (numbers), the
    reference first, then the others from the most articles down."""

    claim: int
    group: str
    speaker: str
    reference: str
    sides: tuple[tuple[str, tuple[int, ...]], ...]
    from_archive: bool


@dataclass(frozen=True, slots=True)
class WordingChange:
    """Claim number ``claim`` words the quotation otherwise than the reference wording
    (printed by claims ``reference``): ``diff`` shows how, ``changes`` counts the words."""

    claim: int
    group: str
    diff: str
    changes: int
    reference: tuple[int, ...]
    from_archive: bool


def _articles(claims: Sequence[Claim], numbers: Sequence[int]) -> int:
    return len({claims[n].doc for n in numbers})


def _earliest(claims: Sequence[Claim], numbers: Sequence[int]) -> str:
    dates = [key for n in numbers if (key := date_key(claims[n].date))]
    return min(dates) if dates else "~"


def speaker_conflicts(
    claims: Sequence[Claim],
    checked: Sequence[bool],
    grouping: Grouping,
    people: SpeakerIndex,
) -> list[SpeakerConflict]:
    """The checked claims that give a group's words to another person than the
    reference (see the module's docstring); claim numbers are those of the grouping,
    which ``claims`` and ``checked`` follow."""
    out = []
    for group, members in grouping.members().items():
        persons = [n for n in members if claims[n].speaker and claims[n].speaker_type == "person"]
        if len({claims[n].speaker for n in persons}) < 2:
            continue
        identity = identities([claims[n].speaker or "" for n in persons], people)
        by_identity: dict[str, list[int]] = defaultdict(list)
        for n in persons:
            by_identity[identity[claims[n].speaker or ""]].append(n)
        if len(by_identity) < 2:
            continue
        weigh, from_archive = _weights(by_identity, checked)
        order = sorted(
            by_identity,
            key=lambda label: (
                -_articles(claims, weigh[label]),
                -_articles(claims, by_identity[label]),
                _earliest(claims, by_identity[label]),
                label,
            ),
        )
        reference = order[0]
        sides = tuple((label, tuple(by_identity[label])) for label in order)
        for label in order[1:]:
            for n in by_identity[label]:
                if checked[n]:
                    out.append(
                        SpeakerConflict(
                            n, grouping.ids[group], label, reference, sides, from_archive
                        )
                    )
    return sorted(out, key=lambda c: c.claim)


def _weights(sides: dict[K, list[int]], checked: Sequence[bool]) -> tuple[dict[K, list[int]], bool]:
    """The claims that weigh for each side of a group, and whether they come from the
    archive: with an archive (claims not checked), only its claims choose the reference;
    without one, every claim does."""
    archived = {key: [n for n in found if not checked[n]] for key, found in sides.items()}
    from_archive = any(archived.values())
    return (archived if from_archive else sides), from_archive


def wording_changes(
    claims: Sequence[Claim],
    checked: Sequence[bool],
    grouping: Grouping,
) -> list[WordingChange]:
    """The checked claims whose wording differs inside the quotation from the group's
    most common wording (see the module's docstring)."""
    grouper = grouping.grouper
    out = []
    for group, members in grouping.members().items():
        by_variant: dict[int, list[int]] = defaultdict(list)
        for n in members:
            by_variant[grouper.claim_variant[n]].append(n)
        if len(by_variant) < 2:
            continue
        weigh, from_archive = _weights(by_variant, checked)
        reference = min(
            by_variant,
            key=lambda v: (
                -_articles(claims, weigh[v]),
                -_articles(claims, by_variant[v]),
                -grouper.variant_words[v],
                _earliest(claims, by_variant[v]),
                grouper.variant_keys[v],
            ),
        )
        canonical = grouping.canonical[group]
        ref_wording = quotation_of(claims[by_variant[reference][0]])
        canonical_claim = by_variant[canonical][0] if canonical in by_variant else None
        for variant, found in by_variant.items():
            if variant == reference or not any(checked[n] for n in found):
                continue
            own = quotation_of(claims[found[0]])
            if own is None or ref_wording is None:
                continue
            compared = _compare(own, ref_wording, grouper.min_words)
            if compared is None and canonical_claim is not None and variant != canonical:
                # two cuts of the quotation that share too little: against the whole
                whole = quotation_of(claims[canonical_claim])
                if whole is not None:
                    compared = _compare(own, whole, grouper.min_words)
            if compared is None or compared[0].changes == 0:
                continue
            alignment, diff = compared
            for n in found:
                if checked[n]:
                    out.append(
                        WordingChange(
                            n,
                            grouping.ids[group],
                            diff,
                            alignment.changes,
                            tuple(by_variant[reference]),
                            from_archive,
                        )
                    )
    return sorted(out, key=lambda c: c.claim)


def _compare(own: Wording, reference: Wording, min_words: int) -> tuple[Alignment, str] | None:
    """``own`` aligned with ``reference`` (the shorter located in the longer) and the
    word diff of ``own`` against it; None when they share fewer than ``min_words``."""
    if own.words <= reference.words:
        alignment = align(own.keys, reference.keys)
        side = "b"
    else:
        alignment = align(reference.keys, own.keys)
        side = "a"
    if alignment is None or alignment.matched < min_words:
        return None
    if side == "b":
        return alignment, word_diff(alignment, own, reference, reference="b")
    return alignment, word_diff(alignment, reference, own, reference="a")
