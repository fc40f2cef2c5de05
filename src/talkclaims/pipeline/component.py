"""The talkclaims spaCy component: ``nlp.add_pipe("talkclaims")`` sets ``doc._.claims``.

This is the core for library users who already have a French pipeline: the claims of
a document are computed when it passes through the pipe and stored on the Doc, as
spaCy's own components store their annotations.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from talkclaims.lang.patterns import Patterns, load_patterns
from talkclaims.rules.engine import Engine

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


class ClaimsComponent:
    """Finds the claims of each document; the rule tables are built once."""

    def __init__(self, patterns: Patterns) -> None:
        self.engine = Engine(patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.engine.claims(doc)
        return doc


@Language.factory("talkclaims", default_config={"patterns_dirs": []})
def make_claims_component(
    nlp: Language, name: str, patterns_dirs: Sequence[str]
) -> ClaimsComponent:
    """Factory registered with spaCy (also through the ``spacy_factories`` entry point)."""
    return ClaimsComponent(load_patterns(patterns_dirs))
