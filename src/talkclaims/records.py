"""The one record type every writer, checker and scorer consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("direct", "indirect", "mixed")

#: Field order of every output format (CSV header, JSON keys, table columns).
FIELDS = (
    "doc",
    "kind",
    "text",
    "start",
    "end",
    "line",
    "speaker",
    "speaker_mention",
    "cue",
    "sources",
    "rule",
    "confidence",
    "url",
    "title",
    "date",
    "outlet",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One attributed quotation or reported claim.

    Offsets index the document text exactly as read, so that
    ``document_text[start:end] == text`` always holds; writers never recompute them.
    """

    doc: str
    kind: str
    text: str
    start: int
    end: int
    line: int
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    sources: tuple[str, ...] = field(default_factory=tuple)
    rule: str = ""
    confidence: float = 0.0
    # where the article came from, when its input said so (JSON Lines dumps)
    url: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    #: Where the speaker mention and the cue stand (start, end), for views that mark them.
    #: Not an output field: writers use FIELDS, and two claims compare without it.
    marks: tuple[tuple[int, int] | None, tuple[int, int] | None] = field(
        default=(None, None), compare=False, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        """A plain dict in FIELDS order, with sources as a list (for YAML and JSON).

        Read field by field: every value is a str, int, float or None, and
        ``dataclasses.asdict`` deep-copies each one, a cost paid for every record written.
        """
        data = {name: getattr(self, name) for name in FIELDS}
        data["sources"] = list(self.sources)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Rebuild a claim from `to_dict` output (baselines written by `extract`)."""
        values = {name: data.get(name) for name in FIELDS}
        values["sources"] = tuple(values["sources"] or ())
        values["rule"] = values["rule"] or ""
        values["confidence"] = float(values["confidence"] or 0.0)
        return cls(**values)
