"""Settling: of candidates covering the same words, the stronger rule's is kept.

Two kinds of overlap are settled. Reported speech inside a reported clause belongs to
the outer claim (« Il a dit que le texte serait présenté « avant mars » » is one claim,
not two). A passage of one person's words (an interview answer) keeps the claims it
holds beside it. Otherwise, candidates overlapping by more than half are decided by their
family's priority, then by position.
"""

from __future__ import annotations

import dataclasses

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
    framing = [c for c in candidates if c.family.frames_clause]
    candidates = [
        c for c in candidates if not any(f is not c and f.start <= c.at < f.end for f in framing)
    ]
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.priority, c.start)):
        rival = next(
            (i for i, k in enumerate(kept) if overlap(k, cand) > 0.5 and not _holds(k, cand)),
            None,
        )
        if rival is None:
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
