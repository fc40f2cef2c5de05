"""The one record type every writer, checker and scorer consumes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

KINDS = ("direct", "indirect", "mixed")
#: Speaker types, from the most to the least identified: a named person, a person known
#: by a description that identifies them, an anonymous person or group, an
#: organisation, the outlet itself.
SPEAKER_TYPES = ("person", "role", "anonymous", "organisation", "outlet")
GENDERS = ("f", "m")

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
    "speaker_type",
    "speaker_gender",
    "speaker_gender_from",
    "cue",
    "sources",
    "rule",
    "confidence",
    "url",
    "title",
    "date",
    "outlet",
    "quote_group",
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
    #: What kind of speaker it is: one of SPEAKER_TYPES, None when there is no speaker.
    speaker_type: str | None = None
    #: « f » or « m » as the article marks the speaker (or their first name), else None.
    speaker_gender: str | None = None
    #: Where ``speaker_gender`` comes from: « text » (the article) or « first-name ».
    speaker_gender_from: str | None = None
    #: The id of the quotation's group across the corpus (``extract --group-quotes``,
    #: `talkclaims.corpus.groups`); None for a claim with no quotation, or not grouped.
    quote_group: str | None = None
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
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        """Rebuild a claim from `to_dict` output (baselines written by `extract`).

        The dict comes from a file a person may have edited, so every field is checked
        first: a `ValueError` names the first one that is wrong (`record_problem`). A
        field that is missing is null, as in records written before it existed.
        """
        problem = record_problem(data)
        if problem is not None:
            raise ValueError(problem)
        values = {name: data.get(name) for name in FIELDS}
        values["sources"] = tuple(values["sources"] or ())
        values["rule"] = values["rule"] or ""
        values["confidence"] = float(values["confidence"] or 0.0)
        return cls(**values)

    def to_values(self) -> tuple[Any, ...]:
        """Every field in `VALUE_FIELDS` order, ``marks`` included, as plain values.

        Only str, int, float, None and tuples of them: what msgpack, and so a spaCy Doc
        (``to_bytes``, ``DocBin``, ``nlp.pipe(n_process=…)``), can carry. A frozen
        dataclass cannot go there, so the spaCy component stores this instead.
        """
        return _values_of(self)

    @classmethod
    def from_values(cls, values: Sequence[Any], **changes: Any) -> Claim:
        """The claim `to_values` gave, also after msgpack made its tuples lists.

        ``changes`` replace fields on the way (as `dataclasses.replace` would), so that a
        caller adjusting a claim builds it once, not twice.
        """
        data = dict(zip(VALUE_FIELDS, values, strict=True))
        data["sources"] = tuple(data["sources"])
        speaker_mark, cue_mark = data["marks"]
        data["marks"] = (
            None if speaker_mark is None else tuple(speaker_mark),
            None if cue_mark is None else tuple(cue_mark),
        )
        data.update(changes)
        return cls(**data)


#: Every field of `Claim` in declaration order (FIELDS plus ``marks``): the layout of
#: `Claim.to_values`.
VALUE_FIELDS = tuple(f.name for f in fields(Claim))
_values_of = attrgetter(*VALUE_FIELDS)


def value_kind(value: object) -> str:
    """What a value is, for a message: its type (a number's value), never the text of a
    string or a list, which may be huge or nested too deep to print."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}" if len(str(value)) <= 20 else "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def shown(value: object) -> str:
    """A value in a message: short text quoted, anything else by `value_kind`."""
    return repr(value) if isinstance(value, str) and len(value) <= 40 else value_kind(value)


def _whole(value: object, least: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= least


#: The fields every record has (`Claim.from_dict` refuses a record without them).
REQUIRED_FIELDS = ("doc", "kind", "text", "start", "end", "line")
_TEXT_OR_NULL = (
    "speaker", "speaker_mention", "speaker_gender_from", "cue", "rule",
    "url", "title", "date", "outlet", "quote_group",
)  # fmt: skip
_ONE_OF = (("kind", KINDS), ("speaker_type", SPEAKER_TYPES), ("speaker_gender", GENDERS))


def record_problem(data: object) -> str | None:
    """Why ``data`` is not a record as `Claim.to_dict` writes it (« 'start' must be a whole
    number from 0, not the number nan »), or None when it is one."""
    if not isinstance(data, Mapping):
        return f"a claim is a mapping of its fields, not {value_kind(data)}"
    missing = [name for name in REQUIRED_FIELDS if data.get(name) is None]
    if missing:
        return f"missing {', '.join(repr(name) for name in missing)}"
    for name in ("doc", "text", *_TEXT_OR_NULL):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            return f"{name!r} must be text, not {value_kind(value)}"
    for name, allowed in _ONE_OF:
        value = data.get(name)
        if value is not None and value not in allowed:
            return f"{name!r} must be one of {', '.join(allowed)}, not {shown(value)}"
    for name, least in (("start", 0), ("end", 0), ("line", 1)):
        if not _whole(data[name], least):
            return f"{name!r} must be a whole number from {least}, not {value_kind(data[name])}"
    if data["end"] < data["start"]:
        return f"'end' ({data['end']}) is before 'start' ({data['start']})"
    sources = data.get("sources")
    if sources is not None:
        if not isinstance(sources, (list, tuple)):
            return f"'sources' must be a list of names, not {value_kind(sources)}"
        for n, source in enumerate(sources, 1):
            if not isinstance(source, str):
                return f"'sources' must be a list of names: item {n} is {value_kind(source)}"
    confidence = data.get("confidence")
    if confidence is not None and not (
        isinstance(confidence, (int, float))
        and not isinstance(confidence, bool)
        and math.isfinite(confidence)
        and 0 <= confidence <= 1
    ):
        return f"'confidence' must be a number from 0 to 1, not {value_kind(confidence)}"
    return None
