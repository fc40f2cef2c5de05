"""Shared fixtures: the model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold"


@pytest.fixture(scope="session")
def extractor():
    from talkclaims.run.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def corpus_claims(extractor):
    """Claims of every corpus article, with its text: {name: (text, claims)}."""
    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name] = (text, extractor.claims(text, path.name))
    return out


def assert_offsets(text: str, claims) -> None:
    """The invariant every record must keep: its offsets give back its text."""
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.line == text.count("\n", 0, claim.start) + 1
