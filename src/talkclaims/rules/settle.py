"""Settling: of candidates covering the same words, the stronger rule's is kept.

Two kinds of overlap are settled. Reported speech inside a reported clause belongs to
the outer claim (« Il a dit que le texte serait présenté « avant mars » » is one claim,
not two). A passage of one person's words (an interview answer) keeps the claims it
holds beside it. Otherwise, candidates overlapping by more than half are decided by their
family's priority, then by position.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools

from talkclaims.rules.candidates import Candidate


def overlap(a: Candidate, b: Candidate) -> float:
    """How much two candidates overlap, as a share of the shorter one."""
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates kept, in text order.

    A dropped candidate of a family that lends its speaker (« selon X ») still names
    the speaker of the kept one when that one had no speaker words (a passive quotation).
    """
    framing = _Framing([c for c in candidates if c.family.frames_clause])
    candidates = [c for c in candidates if not framing.frames(c)]
    kept: list[Candidate] = []
    near = _Near()
    for cand in sorted(candidates, key=lambda c: (c.priority, c.start)):
        # the first kept (in the order kept) that it overlaps by more than half
        rival = min(
            (
                i
                for i in near.overlapping(cand)
                if overlap(kept[i], cand) > 0.5 and not _holds(kept[i], cand)
            ),
            default=None,
        )
        if rival is None:
            near.add(cand, len(kept))
            kept.append(cand)
        elif (
            cand.family.lends_speaker
            and kept[rival].mention is None
            and cand.mention is not None
            and cand.mention.kind != "outlet"
        ):
            kept[rival] = dataclasses.replace(kept[rival], mention=cand.mention)
    return sorted(kept, key=lambda c: c.start)


def _holds(a: Candidate, b: Candidate) -> bool:
    """Whether one of the two is a passage of speech that strictly holds the other."""
    outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
    return (
        outer.family.holds_speech
        and not inner.family.holds_speech
        and outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < outer.end - outer.start
    )


class _Framing:
    """The candidates that frame a clause (« selon X, … »), asked whether one of them holds
    another's attribution: a binary search over them in order of their starts, with the
    furthest end reached up to each, instead of a scan of all for every candidate."""

    def __init__(self, framing: list[Candidate]) -> None:
        self.items = sorted(framing, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]
        self.reach = list(itertools.accumulate((c.end for c in self.items), max))

    def frames(self, cand: Candidate) -> bool:
        """Whether a framing candidate other than ``cand`` holds its attribution."""
        k = bisect.bisect_right(self.starts, cand.at) - 1
        while k >= 0 and self.reach[k] > cand.at:  # one of these ends past it
            framing = self.items[k]
            if framing is not cand and cand.at < framing.end:
                return True
            k -= 1
        return False


#: Candidates longer than this are few; they are checked against every other one.
_LONG = 2_000


class _Near:
    """The kept candidates, asked which share characters with a new one.

    Short ones are found by a binary search on their starts (one that overlaps a
    candidate starts at most `_LONG` characters before it); long ones, few, are all
    checked. A scan of every kept candidate for each new one made an article of
    thousands of claims take time quadratic in its length.
    """

    def __init__(self) -> None:
        self.short: list[tuple[int, int, int]] = []  # (start, end, index in kept), sorted
        self.long: list[tuple[int, int, int]] = []

    def add(self, cand: Candidate, index: int) -> None:
        entry = (cand.start, cand.end, index)
        if cand.end - cand.start > _LONG:
            self.long.append(entry)
        else:
            bisect.insort(self.short, entry)

    def overlapping(self, cand: Candidate) -> list[int]:
        """Indices (in kept) of the kept candidates that share a character with ``cand``."""
        lo = bisect.bisect_left(self.short, (cand.start - _LONG,))
        hi = bisect.bisect_left(self.short, (cand.end,))
        found = [i for s, e, i in self.short[lo:hi] if e > cand.start and s < cand.end]
        found += [i for s, e, i in self.long if e > cand.start and s < cand.end]
        return found
