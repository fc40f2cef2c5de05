"""The rule engine: from a parsed Doc to claims, one way.

    context ─► proposers ─► settle ─► speakers ─► follow-up proposers ─► speakers
            ─► one claim per paragraph ─► sources ─► speaker types and genders ─► records

The article context is built once and only read. Proposers (one module per rule
family, listed in `talkclaims.rules.families`) return whole candidates; settling keeps
the stronger of overlapping ones; speakers are resolved in reading order with a
`PeopleTracker`, the only state that changes; the follow-up proposers (a quotation that
continues the previous speaker's, a verbless quotation after a sentence about someone)
need those speakers, so resolution runs a second, explicit pass over what they add;
outlets are credited last. Every candidate records its family, so users can filter and
developers can see why a claim is there.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from talkclaims.lang.outlets import OutletFinder
from talkclaims.lang.patterns import Patterns
from talkclaims.lang.people import SpeakerIndex
from talkclaims.records import Claim
from talkclaims.rules.candidates import Candidate
from talkclaims.rules.context import ArticleContext
from talkclaims.rules.families import proposer_modules
from talkclaims.rules.reading import read_article
from talkclaims.rules.settle import settle
from talkclaims.rules.sources import credit
from talkclaims.rules.speaker_kinds import SpeakerKind, speaker_kinds
from talkclaims.rules.speakers import PeopleTracker, resolve_speakers
from talkclaims.text.quotes import OPEN_MARKS
from talkclaims.text.spans import BLANK, line_of, skip, skip_back

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: How much a record's confidence keeps of its family's, by how its speaker was found:
#: a name or an outlet is certain, a pronoun or a description an inference.
SPEAKER_WEIGHT = {"name": 1.0, "outlet": 1.0, "other": 0.95, "description": 0.85, "pronoun": 0.85}
#: The weight of a claim with no speaker.
NO_SPEAKER_WEIGHT = 0.7


def _proposers(after_speakers: bool) -> tuple[Callable[..., list[Candidate]], ...]:
    """The ``propose`` functions of one stage's proposer modules, in table order."""
    return tuple(
        importlib.import_module(f"talkclaims.rules.proposers.{name}").propose
        for name in proposer_modules(after_speakers)
    )


class Engine:
    """The rule engine for one set of rule data: the lookups are built once, then every
    document goes through `claims`.

    ``people`` knows who is who (canonical names, roles), ``outlets`` finds the outlets a
    text names; both are pure lookups over the rule data, shared by every document.
    """

    def __init__(self, patterns: Patterns, first_names: bool = True) -> None:
        # without the first-name list, a gender comes from the text alone
        if not first_names:
            patterns = dataclasses.replace(patterns, first_names={})
        self.patterns = patterns
        self.people = SpeakerIndex(patterns)
        self.outlets = OutletFinder(patterns)
        self._first = _proposers(after_speakers=False)
        self._follow_ups = _proposers(after_speakers=True)

    def claims(self, doc: Doc) -> list[Claim]:
        """All claims of a parsed document, in text order."""
        ctx = read_article(doc, self.patterns, self.people, self.outlets)
        people = PeopleTracker(ctx)
        candidates = [found for propose in self._first for found in propose(ctx)]
        kept = resolve_speakers(ctx, people, settle(candidates))
        for propose in self._follow_ups:
            kept = sorted(kept + propose(ctx, kept, people), key=lambda c: c.start)
        kept = resolve_speakers(ctx, people, kept)
        kept = credit(ctx, split_paragraphs(ctx, kept))
        kinds = speaker_kinds(ctx, kept)
        return [to_claim(ctx.text, cand, kind) for cand, kind in zip(kept, kinds, strict=True)]


def split_paragraphs(ctx: ArticleContext, claims: list[Candidate]) -> list[Candidate]:
    """A quotation reopened at each paragraph (« … ¶ « … ») gives one claim a paragraph,
    each with the same speaker, so that every claim has its own line. One that runs
    over a paragraph break without reopening (« … ¶ … », a-t-il dit) is one claim."""
    out = []
    for cand in claims:
        inside = [
            (p_start, p_end)
            for p_start, p_end in ctx.paragraphs
            if p_start < cand.end and cand.start < p_end
        ]
        reopened = any(
            ctx.text[skip(ctx.text, p_start, BLANK, p_end) : p_end][:1] in tuple(OPEN_MARKS)
            for p_start, p_end in inside[1:]
        )
        if cand.kind != "direct" or (len(inside) > 1 and not reopened):
            out.append(cand)
            continue
        for p_start, p_end in inside:
            if not (p_start < cand.end and cand.start < p_end):
                continue
            # the reopening « of a paragraph and the spaces around are not the words
            s = skip(ctx.text, max(cand.start, p_start), OPEN_MARKS + BLANK, min(cand.end, p_end))
            e = skip_back(ctx.text, min(cand.end, p_end), BLANK, s)
            if e - s >= 2:
                out.append(dataclasses.replace(cand, start=s, end=e))
    return out


def to_claim(text: str, cand: Candidate, kind: SpeakerKind | None = None) -> Claim:
    """The record of a settled candidate, with its confidence and its speaker's kind."""
    kind = kind or SpeakerKind()
    weight = SPEAKER_WEIGHT.get(cand.speaker_kind or "", NO_SPEAKER_WEIGHT)
    mention = cand.mention
    return Claim(
        doc="",
        kind=cand.kind,
        text=text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        line=line_of(text, cand.start),
        speaker=cand.speaker,
        speaker_mention=mention.text if mention else None,
        cue=cand.cue,
        sources=cand.sources,
        rule=cand.family.name,
        confidence=round(cand.family.confidence * weight, 2),
        speaker_type=kind.type,
        speaker_gender=kind.gender,
        speaker_gender_from=kind.gender_from,
        marks=(
            (mention.start, mention.end) if mention and mention.end > mention.start else None,
            cand.cue_span,
        ),
    )
