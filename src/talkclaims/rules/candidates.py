"""What proposers return: candidates, whole, with the words that point at their speaker.

A `Candidate` is made in one go by its proposer and never changed afterwards: the later
stages (settling, speaker resolution, crediting) return new candidates with the fields
they settle, so what a rule proposed is always what it said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from talkclaims.rules.clauses import shape
from talkclaims.rules.families import Family
from talkclaims.rules.found import Mention

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext
    from talkclaims.rules.cues import Cue
    from talkclaims.text.quotes import Quote


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim as a rule proposed it, then as the later stages settled it."""

    start: int
    end: int
    kind: str
    family: Family
    cue: str | None
    at: int  # where the attribution is read (a pronoun looks back from here)
    zone: tuple[int, int]  # text searched for credited outlets
    mention: Mention | None = None
    cue_span: tuple[int, int] | None = None  # the reporting verb's words, for display
    # settled by speaker resolution (a continuation is proposed with its speaker)
    speaker: str | None = None
    speaker_kind: str | None = None
    # settled by crediting
    sources: tuple[str, ...] = ()

    @property
    def priority(self) -> int:
        return self.family.priority


def _candidate(
    ctx: ArticleContext,
    span: tuple[int, int],
    kind: str,
    family: Family,
    cue: Cue | None,
    at: int,
    mention: Mention | None,
    reach: tuple[int, int],
) -> Candidate:
    """A candidate whose outlets are looked for in the sentences from ``reach[0]`` to
    ``reach[1]`` and in the sentence of ``at``, where its attribution is read."""
    zone_start = min(ctx.sentence(reach[0])[0], ctx.sentence(at)[0])
    zone_end = max(ctx.sentence(reach[1])[1], ctx.sentence(at)[1])
    cue_span = (cue.start_char, cue.end_char) if cue else None
    return Candidate(
        *span,
        kind,
        family,
        cue.lemma if cue else None,
        at,
        (zone_start, zone_end),
        mention,
        cue_span,
    )


def make_candidate(
    ctx: ArticleContext,
    start: int,
    end: int,
    family: Family,
    cue: Cue | None,
    at: int,
    mention: Mention | None,
) -> Candidate | None:
    """Reported words ``[start, end)``, shaped (direct, mixed or indirect); None when
    nothing is left of them."""
    kind, s, e = shape(ctx, start, end)
    if e - s < 2:
        return None
    return _candidate(ctx, (s, e), kind, family, cue, at, mention, (s, max(s, e - 1)))


def quote_candidate(
    ctx: ArticleContext,
    quote: Quote,
    family: Family,
    cue: Cue | None,
    at: int,
    mention: Mention | None,
) -> Candidate:
    """A whole quotation, its attribution read at ``at``."""
    reach = (quote.open, quote.close - 1)
    return _candidate(ctx, (quote.start, quote.end), "direct", family, cue, at, mention, reach)


def span_candidate(
    ctx: ArticleContext,
    start: int,
    end: int,
    family: Family,
    at: int,
    mention: Mention | None,
) -> Candidate:
    """Words ``[start, end)`` set out as a person's by the layout (an interview answer,
    a digest paragraph): a direct claim as they stand, with no cue."""
    return _candidate(ctx, (start, end), "direct", family, None, at, mention, (start, end - 1))
