"""Reading one parsed article into its context, in the order each finding needs.

    quotations, sentences, paragraphs, outlets  (the context's own first layer)
    ─► people's names ─► block quotations ─► cues ─► the people mentioned
    ─► the roles the article gives them ─► their genders ─► where clauses stop

Each step is a function of the module that knows its shape (`names`, `layout`, `cues`,
`clauses`); this module only calls them in turn and hands their findings to the
context, which is then sealed: the rules after it only ask questions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talkclaims.rules.clauses import ClauseStops
from talkclaims.rules.context import ArticleContext
from talkclaims.rules.cues import find_cues
from talkclaims.rules.layout import find_block_quotes
from talkclaims.rules.names import (
    find_aliases,
    first_name_genders,
    introduced_roles,
    name_spans,
    person_genders,
    person_mentions,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from talkclaims.lang.outlets import OutletFinder
    from talkclaims.lang.patterns import Patterns
    from talkclaims.lang.people import SpeakerIndex


def read_article(
    doc: Doc, patterns: Patterns, people: SpeakerIndex, outlets: OutletFinder
) -> ArticleContext:
    """The sealed context of one parsed article."""
    ctx = ArticleContext(doc, patterns, people, outlets)
    ctx.add_names(find_aliases(ctx), name_spans(ctx))
    ctx.add_cues(find_block_quotes(ctx), find_cues(doc, patterns))
    ctx.add_persons(person_mentions(ctx))
    ctx.roles = introduced_roles(ctx)
    ctx.genders = person_genders(ctx)
    # what pronoun resolution goes by: the text's evidence, else the first name
    ctx.likely_genders = first_name_genders(ctx) | ctx.genders
    ctx.add_clause_stops(ClauseStops)
    ctx.seal()
    return ctx
