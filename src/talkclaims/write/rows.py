"""A claim flattened as each format writes it.

Every format starts from the one record type (`Claim`) and its fields (`FIELDS`), in
that order, so a column never exists in one format and not in another.
"""

from __future__ import annotations

from operator import attrgetter

from talkclaims.records import FIELDS, Claim

#: Between the outlets of ``sources`` where a format gives them one cell (CSV, the table).
SOURCE_SEPARATOR = "; "


def as_record(claim: Claim, text: str | None = None) -> dict:
    """The mapping JSON, JSON Lines and YAML write: the claim's fields, sources as a list,
    and with ``text`` (``--with-text``) the text the offsets index (HTML: the extracted
    one) as ``document_text``."""
    data = claim.to_dict()
    if text is not None:
        data["document_text"] = text
    return data


def csv_cells(claim: Claim) -> list[object]:
    """The cells of a claim's CSV row: sources joined by « ; », no value an empty cell."""
    row = claim.to_dict()
    row["sources"] = SOURCE_SEPARATOR.join(claim.sources)
    return ["" if row[f] is None else row[f] for f in FIELDS]


#: The output fields of a claim in FIELDS order, read at once (``sources`` a tuple,
#: which pyarrow takes for a list).
output_values = attrgetter(*FIELDS)
