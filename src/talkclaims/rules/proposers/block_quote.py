"""Rule family ``block-quote``: a quotation set off by the layout, not by marks.

The block quotations themselves are found while the article context is built
(`talkclaims.rules.layout`), because the verbs inside them must not count as cues;
this proposer turns each into a claim of the person its signature line names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate
from talkclaims.rules.families import BLOCK_QUOTE

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """One direct claim per block quotation, read at its signature line."""
    return [
        Candidate(
            b.start, b.end, "direct", BLOCK_QUOTE, None, b.signature[0], b.signature, b.mention
        )
        for b in ctx.block_quotes
    ]
