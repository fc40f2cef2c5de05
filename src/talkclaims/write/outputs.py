"""Keep talkclaims's outputs apart from its inputs.

An output written into the folder of the articles (``-o corpus/claims.jsonl``,
``-o corpus/report.html``) would be read back as an article by the next run over that
folder, and an output that *is* an input (``extract a.txt -o a.txt``) would replace
the article with its claims. `written_by_talkclaims` recognises the files talkclaims
writes from their first line, so the commands skip them; `is_one_of` tells whether an
output path is one of the files a run reads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from talkclaims.read.jsonline import JsonLineError, parse_json_line
from talkclaims.records import FIELDS

#: In the <head> of every report: what `written_by_talkclaims` recognises.
GENERATOR = '<meta name="generator" content="talkclaims">'

#: The fields of records written before quotation groups, and before speaker types and
#: genders (still recognised).
_BEFORE_GROUPS = tuple(f for f in FIELDS if f != "quote_group")
_EARLIER_FIELDS = tuple(
    f for f in _BEFORE_GROUPS if f not in ("speaker_type", "speaker_gender", "speaker_gender_from")
)
_VERSIONS = (FIELDS, _BEFORE_GROUPS, _EARLIER_FIELDS)
_KEYS = tuple(
    keys
    for fields in _VERSIONS
    for keys in (frozenset(fields), frozenset(fields) | {"document_text"})
)
_CSV_HEADERS = tuple(sep.join(fields) for fields in _VERSIONS for sep in ",;")
#: What `talkclaims quotes` writes: a group's keys in JSON, its CSV header.
_GROUP_KEYS = frozenset(
    ("id", "wording", "articles", "claims", "speakers", "outlets", "sources", "first_seen",
     "variants", "docs")
)  # fmt: skip
_GROUP_HEADER = (
    "id,wording,articles,claims,variants,speakers,outlets,first_seen,first_outlet,first_doc"
)
_HEAD = 4096  # bytes read to find the report's marker


def _first_lines(path: str, count: int) -> list[str]:
    """The first ``count`` non-blank lines, or fewer; [] when the file is not UTF-8 text."""
    lines = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            for line in stream:
                if line.strip():
                    lines.append(line.strip())
                    if len(lines) == count:
                        break
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    return lines


def _keys(line: str) -> frozenset[str] | None:
    """The keys of a JSON object on one line, or None."""
    try:
        data, _ = parse_json_line(line)
    except JsonLineError:
        return None
    return frozenset(data) if isinstance(data, dict) else None


def _is_record(line: str) -> bool:
    """A claim as `JsonLinesWriter` and `JsonWriter` write it: exactly the record's keys."""
    return _keys(line) in _KEYS


def _parquet_of_ours(path: str) -> str | None:
    """What a Parquet file whose footer (its last bytes) holds talkclaims's schema
    metadata holds (« claims », « quotation groups »), or None for another file."""
    try:
        with open(path, "rb") as stream:
            stream.seek(0, 2)
            size = stream.tell()
            stream.seek(max(0, size - 65536))
            footer = stream.read()
    except OSError:
        return None
    if b"talkclaims.version" not in footer:
        return None
    return "quotation groups" if b"quotation groups" in footer else "claims"


def written_by_talkclaims(path: str) -> str | None:
    """What talkclaims output ``path`` is (« claims in JSON Lines », « an HTML report »),
    or None for anything else, an article among them.

    Claims in JSON Lines or JSON are recognised by their first record, whose keys are
    exactly `talkclaims.records.FIELDS` (plus ``document_text`` with ``--with-text``); CSV
    by its header row; the HTML report by the `GENERATOR` marker in its head; Parquet by
    talkclaims's metadata in its footer; the quotation groups of `talkclaims quotes` by
    their keys, header or metadata in the same way. An article
    never starts like that: a JSON Lines dump carries ``text``, not these fields.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return None
    if GENERATOR.encode() in head:
        return "an HTML report"
    if head.startswith(b"PAR1") and (content := _parquet_of_ours(path)):
        return f"{content} in Parquet"
    first = _first_lines(path, 2) if head.lstrip()[:1] in (b"[", b"{", b"d", b"i", b"\xef") else []
    if not first:
        return None
    if first[0] in _CSV_HEADERS:
        return "claims in CSV"
    if first[0] == _GROUP_HEADER:
        return "quotation groups in CSV"
    if _is_record(first[0]):
        return "claims in JSON Lines"
    if _keys(first[0]) == _GROUP_KEYS:
        return "quotation groups in JSON Lines"
    if first[0] == "[" and len(first) == 2:
        item = first[1].rstrip(",")
        if _is_record(item):
            return "claims in JSON"
        if _keys(item) == _GROUP_KEYS:
            return "quotation groups in JSON"
    return None


def own_outputs(names: Iterable[str]) -> dict[str, str]:
    """Of the files a run would read, those talkclaims wrote: {name: what it is}."""
    found = {}
    for name in names:
        if name != "-":
            what = written_by_talkclaims(name)
            if what:
                found[name] = what
    return found


def is_one_of(output: os.PathLike | str, names: Iterable[str]) -> bool:
    """Whether ``output`` is one of the files ``names`` (the same file, through links,
    another spelling of its path or a folder that was expanded to it)."""
    try:
        os.stat(output)
    except OSError:
        return False  # a file yet to be written is not an input
    for name in names:
        if name == "-":
            continue
        try:
            if os.path.samefile(output, name):
                return True
        except OSError:
            continue
    return False
