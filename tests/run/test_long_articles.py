"""Long articles: parsed in pieces, read by the rules in windows, memory bounded.

A long article (a transcript, a live blog, a dump of one site as one text) must cost
what an ordinary article costs in memory, take time in proportion to its length, and
give the claims it gave when it was read whole.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

import talkclaims.run.extract as extract
from talkclaims.read.readers import Document
from talkclaims.run.extract import cut_before, piece_spans, windows
from tests.conftest import CORPUS, DATA, assert_offsets

ARTICLES = sorted(CORPUS.glob("*.txt")) + sorted((DATA / "dev" / "corpus").glob("*.txt"))


def _long_text(copies: int = 1) -> tuple[str, list[tuple[int, str]]]:
    """Articles one after another, a blank line between them: the text and where each
    article starts (so that its own claims can be moved there)."""
    parts, starts, at = [], [], 0
    for _ in range(copies):
        for path in ARTICLES:
            text = path.read_text(encoding="utf-8")
            starts.append((at, text))
            parts.append(text + "\n\n")
            at += len(text) + 2
    return "".join(parts), starts


def _key(claims, shift: int = 0):
    return [(c.start + shift, c.end + shift, c.kind, c.speaker, c.cue, c.sources) for c in claims]


def test_pieces_tile_the_text_and_cut_at_line_ends_then_sentence_ends():
    text, _ = _long_text()
    spans = list(piece_spans(text, 3000))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(0 < e - s <= 3000 for s, e in spans)
    assert all(text[e - 1] == "\n" for _, e in spans[:-1])
    # one line with no line end: cut after a full stop, not inside a word
    line = " ".join(text.split())
    cuts = [e for _, e in piece_spans(line, 3000)][:-1]
    assert cuts and all(line[e - 2] in ".!?…»\"'”)]" and line[e - 1] == " " for e in cuts)
    # no sentence end at all: a space; no space either: the limit itself
    assert cut_before("mot " * 100, 0, 50) == 48
    assert cut_before("x" * 100, 0, 50) == 50


def test_windows_tile_the_pieces_with_context_on_both_sides():
    pieces = [(i * 10, i * 10 + 10) for i in range(20)]  # twenty pieces of 10 characters
    found = list(windows(pieces, size=40, lead=20, tail=10))
    owns = [(w.own_first, w.own_last) for w in found]
    assert owns == [(0, 3), (4, 7), (8, 11), (12, 15), (16, 19)]
    assert [(w.first, w.last) for w in found] == [
        (0, 4),
        (2, 8),
        (6, 12),
        (10, 16),
        (14, 19),
    ]
    # a piece longer than a window is a window of its own, with one piece of context
    long = [(0, 10), (10, 500), (500, 510)]
    assert [(w.first, w.own_first, w.own_last, w.last) for w in windows(long, 40, 5, 5)] == [
        (0, 0, 0, 1),
        (0, 1, 1, 2),
        (1, 2, 2, 2),
    ]


def test_a_long_article_read_in_windows_gives_the_claims_it_gives_read_whole(
    extractor, monkeypatch
):
    text, _ = _long_text()
    whole = extractor.claims(text, "long.txt")  # one window: the rules read it all
    assert len(text) < extract.WINDOW_CHARS and len(whole) > 100

    seen: list[int] = []
    engine_class = type(extractor.engine)
    real = engine_class.claims

    def counted(self, doc):
        seen.append(len(doc.text))
        return real(self, doc)

    monkeypatch.setattr(engine_class, "claims", counted)
    monkeypatch.setattr(extract, "WINDOW_CHARS", 15_000)
    monkeypatch.setattr(extract, "LEAD_CHARS", 10_000)
    monkeypatch.setattr(extract, "TAIL_CHARS", 3_000)
    windowed = extractor.claims(text, "long.txt")
    (streamed,) = extractor.process([Document("long.txt", text)])

    # the rules never saw more than a window, and saw several
    assert len(seen) >= 2 * len(text) // 15_000
    assert max(seen) <= 15_000 + 10_000 + 3_000 + 2 * extractor.piece_chars
    assert streamed.error is None
    for found in (windowed, list(streamed.claims)):
        assert_offsets(text, found)
        assert _key(found) == _key(whole)
        assert [c.marks for c in found] == [c.marks for c in whole]


def test_each_article_of_a_long_text_keeps_its_own_claims(extractor):
    """Articles joined into one long text: each keeps the claims it has alone, at its
    place (a window's lead gives the rules the context an article gives itself)."""
    text, starts = _long_text()
    found = _key(extractor.claims(text, "long.txt"))
    expected = [k for at, article in starts for k in _key(extractor.claims(article), at)]
    same = len(set(found) & set(expected))
    assert same >= 0.97 * len(expected) and abs(len(found) - len(expected)) <= 3


def test_a_failing_window_fails_the_article_by_name_and_not_the_run(extractor, monkeypatch):
    text, _ = _long_text()
    engine_class = type(extractor.engine)
    real = engine_class.claims

    def broken(self, doc):
        if len(doc.text) > 12_000:
            raise ValueError("boom")
        return real(self, doc)

    monkeypatch.setattr(engine_class, "claims", broken)
    short = ARTICLES[0].read_text(encoding="utf-8")
    results = list(extractor.process([Document("long.txt", text), Document("short.txt", short)]))
    assert results[0].error == "extraction failed: ValueError: boom"
    assert results[1].error is None and results[1].claims
    with pytest.raises(ValueError, match="boom"):
        extractor.claims(text)


PEAK = """
import resource, sys
from talkclaims.run.extract import Extractor
from talkclaims.read.readers import Document
docs = [Document(p, open(p, encoding="utf-8").read()) for p in sys.argv[1:]]
results = list(Extractor().process(docs))
assert all(r.error is None for r in results)
print(sum(len(r.claims) for r in results), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak(*paths: Path) -> tuple[int, int]:
    """Claims found and peak RSS (KB) of a fresh process reading ``paths``."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *map(str, paths)], capture_output=True, text=True, check=True
    )
    claims, kilobytes = out.stdout.split()
    return int(claims), int(kilobytes)


def test_memory_of_a_long_article_stays_that_of_ordinary_ones(tmp_path):
    """Peak RSS of a process reading one 500 KB article, on one line, stays within 1.2
    times that of one reading the ordinary articles it is made of (parsed whole, it
    took twice as much)."""
    text, _ = _long_text(copies=6)
    long = tmp_path / "long.txt"
    long.write_text(text.replace("\n", " ") * 2, encoding="utf-8")
    assert long.stat().st_size > 500_000
    ordinary_claims, ordinary_peak = _peak(*ARTICLES)
    long_claims, long_peak = _peak(long)
    assert long_claims > 6 * ordinary_claims
    assert long_peak <= 1.2 * ordinary_peak, (long_peak, ordinary_peak)
