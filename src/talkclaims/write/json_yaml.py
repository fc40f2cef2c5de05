"""Claims as JSON Lines, JSON or YAML: one mapping per claim (`rows.as_record`).

Each streams: a document's claims are written as soon as they are found, and the JSON
array and the YAML list are built item by item, so nothing is held in memory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO

import yaml

from talkclaims.records import Claim
from talkclaims.write.rows import as_record


class JsonLinesWriter:
    """One JSON object per line: the format for pipes and archives."""

    def __init__(self, stream: IO[str], with_text: bool = False) -> None:
        self.stream = stream
        self.with_text = with_text

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        text = text if self.with_text else None
        for claim in claims:
            self.stream.write(json.dumps(as_record(claim, text), ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON array, streamed item by item so nothing is held in memory."""

    def __init__(self, stream: IO[str], with_text: bool = False) -> None:
        self.stream = stream
        self.count = 0
        self.with_text = with_text

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        text = text if self.with_text else None
        for claim in claims:
            self.stream.write("[\n" if self.count == 0 else ",\n")
            self.stream.write("  " + json.dumps(as_record(claim, text), ensure_ascii=False))
            self.count += 1
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class YamlWriter:
    """A YAML list: each document's items are appended, so the whole file is one list."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        if not claims:
            return
        items = [as_record(claim) for claim in claims]
        self.stream.write(yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100))
        self.count += len(items)
        self.stream.flush()

    def close(self) -> None:
        if self.count == 0:
            self.stream.write("[]\n")
        self.stream.flush()
