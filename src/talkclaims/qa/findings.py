"""What a failed check is: the one type every check returns and every format prints.

Kept apart from the checks themselves so that the per-claim checks (`talkclaims.qa.checks`)
and the corpus-wide ones (`talkclaims.qa.quotes`) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check, where a person will look for it."""

    doc: str
    line: int
    col: int
    check: str  # expected | baseline | require | consistent-speaker | same-wording
    message: str

    def location(self) -> str:
        return f"{self.doc}:{self.line}:{self.col}"


def short(text: str) -> str:
    """A claim's words in a message: at most 60 characters."""
    return text if len(text) <= 60 else text[:57] + "…"
