"""Crediting outlets: the outlets named in a claim's attribution are its sources.

A claim's sources are the outlets credited in its own sentences outside the reported
words (« selon une dépêche AFP diffusée par Le Figaro » gives both); the claims that
follow by the same speaker keep them until another outlet or speaker is named.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from talkclaims.rules.candidates import Candidate
    from talkclaims.rules.context import ArticleContext


def credit(ctx: ArticleContext, claims: list[Candidate]) -> list[Candidate]:
    """``claims`` (in text order) with their sources."""
    contents = [(c.start, c.end) for c in claims]
    out: list[Candidate] = []
    previous: Candidate | None = None
    for cand in claims:
        z_start, z_end = cand.zone
        own: list[str] = []
        if cand.mention is not None and cand.mention.kind == "outlet" and cand.mention.name:
            own.append(cand.mention.name)
        for outlet in ctx.outlets:
            if not (z_start <= outlet.start and outlet.end <= z_end):
                continue
            if any(s <= outlet.start < e for s, e in contents) or ctx.in_quote(outlet.start):
                continue
            if outlet.name not in own:
                own.append(outlet.name)
        if own:
            cand = dataclasses.replace(cand, sources=tuple(own))
        elif previous is not None and previous.speaker and previous.speaker == cand.speaker:
            cand = dataclasses.replace(cand, sources=previous.sources)
        out.append(cand)
        previous = cand
    return out
