"""What reading gives: an article (`Document`) with its exact text and metadata, or a
`ReadFailure` naming the file with a one-line reason, and the size past which a file is
no article.

Every reader (files, dumps, saved pages, web archives) makes these, so the rest of the
run never asks where an article came from.
"""

from __future__ import annotations

from dataclasses import dataclass

#: JSON Lines fields carried into every record of the article.
META_FIELDS = ("url", "title", "date", "outlet")
#: No article is this long; past it, a file (or /dev/zero, or an endless pipe) is refused
#: after reading this much, instead of filling the memory.
MAX_ARTICLE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    """An article: its name as the user gave it and its text as decoded.

    ``warning`` says how the text was read when it was not plain UTF-8 (a fallback the
    user should know about); offsets always index the decoded text.
    """

    id: str
    text: str
    warning: str | None = None
    meta: tuple[tuple[str, str], ...] = ()  # url, title, date, outlet: a dump's, a page's


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read, with a one-line reason for the user."""

    id: str
    message: str


def as_meta(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Metadata in META_FIELDS order, the form `Document.meta` holds."""
    return tuple((key, values[key]) for key in META_FIELDS if values.get(key))
