"""What reading an article finds, as small frozen records every stage after it shares.

These are plain data with no behaviour of their own, kept apart from the modules that
find them (`talkclaims.rules.names`, `talkclaims.rules.layout`) and from the article
context that holds them (`talkclaims.rules.context`), so that the imports run one way:
the finders and the context both read these records, neither reads the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    """Words that point at a speaker, and what kind of pointing they do."""

    text: str
    start: int
    end: int
    kind: str  # name | pronoun | description | outlet | other
    name: str | None = None  # the name or outlet inside the words, when there is one


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person named (or resolved) at ``start``, in sentence ``sentence``."""

    start: int
    name: str
    sentence: int
    subject: bool


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """A block quotation ``[start, end)`` and the line ``signature`` naming its speaker."""

    start: int
    end: int
    signature: tuple[int, int]
    mention: Mention
