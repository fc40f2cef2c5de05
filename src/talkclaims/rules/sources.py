"""Crediting outlets: the outlets named in a claim's attribution are its sources.

A claim's sources are the outlets credited in its own sentences outside the reported
words (« selon une dépêche AFP diffusée par Le Figaro » gives both); the claims that
follow by the same speaker keep them until another outlet or speaker is named.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from talkclaims.text.fold import fold
from talkclaims.text.spans import SpanSet

if TYPE_CHECKING:
    from talkclaims.rules.candidates import Candidate
    from talkclaims.rules.context import ArticleContext


#: How far (in paragraphs) an interview's outlet credits the claims that follow.
INTERVIEW_REACH = 6


def interview_outlets(ctx: ArticleContext) -> list[tuple[int, int, str]]:
    """(position, paragraph start, outlet) of each outlet named as where an interview or
    statement was given: « Invitée du 20 heures de TF1 », « dans un entretien au Monde »,
    « au micro de RTL » (``outlet_phrasings`` in ``patterns/outlets.yaml``)."""
    regex = ctx.patterns.interview_regex
    found = []
    for outlet in ctx.outlets:
        before = fold(ctx.text[max(0, outlet.start - 60) : outlet.start])
        # « dans un entretien accordé au Monde »: « au » is part of the outlet's span
        lead = ctx.text[outlet.start : outlet.end].split()[0]
        if lead.islower():
            before = f"{before} {fold(lead)}"
        if regex.search(before):
            found.append((outlet.start, ctx.paragraph(outlet.start)[0], outlet.name))
    return found


@dataclasses.dataclass(slots=True)
class _Interview:
    """An outlet an interview was given to, the speaker it is with once known, and the
    paragraph that named it (its credit lasts `INTERVIEW_REACH` paragraphs)."""

    outlet: str
    speaker: str | None
    paragraph: int


def credit(ctx: ArticleContext, claims: list[Candidate]) -> list[Candidate]:
    """``claims`` (in text order) with their sources."""
    contents = SpanSet((c.start, c.end) for c in claims)
    out: list[Candidate] = []
    previous: Candidate | None = None
    interviews = interview_outlets(ctx)
    paragraph_starts = [p[0] for p in ctx.paragraphs]
    interview: _Interview | None = None  # the interview whose claims are being credited
    answer_span = (0, 0)  # the last passage of speech (an answer), whose quotes it holds
    for cand in claims:
        while interviews and interviews[0][0] < cand.start:
            pos, p_start, name = interviews.pop(0)
            # « …, a-t-il résumé dans un entretien au Handelsblatt »: the interview is
            # that of the claim whose own sentence names it
            given = (
                previous.speaker
                if previous and previous.zone[0] <= pos < previous.zone[1]
                else None
            )
            interview = _Interview(name, given, p_start)
        if interview is not None:
            reach = bisect.bisect_right(paragraph_starts, cand.start) - bisect.bisect_right(
                paragraph_starts, interview.paragraph
            )
            # the answers of a question-and-answer interview are its claims however
            # long it runs
            answer = cand.family.holds_speech and cand.speaker == interview.speaker
            if reach > INTERVIEW_REACH and not answer:
                interview = None
            elif interview.speaker is None and cand.speaker:
                interview.speaker = cand.speaker
            elif (
                interview.speaker is not None
                and cand.speaker
                and cand.speaker != interview.speaker
                and not (answer_span[0] <= cand.start and cand.end <= answer_span[1])
            ):
                # another speaker, not quoted inside an answer: the credit stops
                interview = None
        z_start, z_end = cand.zone
        own: list[str] = []
        if cand.mention is not None and cand.mention.kind == "outlet" and cand.mention.name:
            own.append(cand.mention.name)
        for outlet in ctx.outlets_within(z_start, z_end):
            if contents.overlaps(outlet.start, outlet.start + 1) or ctx.in_quote(outlet.start):
                continue
            if outlet.name not in own:
                own.append(outlet.name)
        if own:
            cand = dataclasses.replace(cand, sources=tuple(own))
            if interview is not None and interview.outlet not in own:
                interview = None  # another outlet named: the interview's credit stops
        elif interview is not None and cand.speaker and cand.speaker == interview.speaker:
            cand = dataclasses.replace(cand, sources=(interview.outlet,))
        elif previous is not None and previous.speaker and previous.speaker == cand.speaker:
            cand = dataclasses.replace(cand, sources=previous.sources)
        out.append(cand)
        previous = cand
        if cand.family.holds_speech:
            answer_span = (cand.start, cand.end)
    return out
