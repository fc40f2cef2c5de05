"""Rule family ``appositive-agent``: « X, un chiffre confirmé par les informations
rapportées par TF1info. »

An apposition whose head is a word for information (``appositive_heads`` in
``patterns/attributions.yaml``) with a participle and its agent credits the clause
before it to that agent.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, make_candidate
from talkclaims.rules.families import APPOSITIVE_AGENT
from talkclaims.rules.mentions import grab_noun_phrase, mention_from_tokens

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext


def propose(ctx: ArticleContext) -> list[Candidate]:
    """The clause before « , un chiffre confirmé par X », credited to X."""
    doc = ctx.doc
    heads = "|".join(map(re.escape, ctx.patterns.appositive_heads))
    determiners = ctx.grammar.appositive_determiner_alternation
    regex = re.compile(rf",\s+(?:{determiners})\s+(?:{heads})\b")
    out = []
    for match in regex.finditer(ctx.text):
        if ctx.in_quote(match.start()):
            continue
        sent_start, sent_end = ctx.sentence(match.start())
        cues = [c for c in ctx.cues_between(match.end(), sent_end) if c.form == "participle"]
        agents = []
        for cue in cues:
            nxt = cue.last + 1
            if nxt < len(doc) and doc[nxt].lower_ in ctx.patterns.agent_markers:
                agents.append((cue, grab_noun_phrase(ctx, nxt + 1)))
        if not agents:
            continue
        cue, tokens = agents[-1]
        mention = mention_from_tokens(ctx, tokens)
        found = make_candidate(
            ctx, sent_start, match.start(), APPOSITIVE_AGENT, cue, cue.start_char, mention
        )
        if found is not None:
            out.append(found)
    return out
