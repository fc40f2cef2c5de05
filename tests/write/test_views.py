"""What `show`, `stats` and `evaluate` display: a person sees what the records say."""

from __future__ import annotations

import io

from rich.console import Console

from talkclaims.qa.evaluate import GoldClaim, evaluate
from talkclaims.records import Claim
from talkclaims.write.views import (
    CUE_STYLE,
    KIND_STYLES,
    MENTION_STYLE,
    article_view,
    count_by,
    counts_table,
    mismatch_lines,
    scores_table,
)

TEXT = "Le maire, Paul Kerhervé, a déclaré que « la route rouvrira », selon Ouest-France."


def test_show_marks_claims_mentions_cues_and_outlets(extractor):
    (claim,) = extractor.claims(TEXT, "t.txt")
    outlet = (TEXT.index("Ouest-France"), len(TEXT) - 1)
    body = article_view(TEXT, [claim], [outlet]).renderables[0]
    styles = {(span.start, span.end, str(span.style)) for span in body.spans}
    shift = len("[1]")  # the claim number is inserted before the claim
    mention, cue = claim.marks
    assert (mention[0], mention[1], MENTION_STYLE) in styles
    assert TEXT[mention[0] : mention[1]] == "Paul Kerhervé"
    assert (cue[0], cue[1], CUE_STYLE) in styles and TEXT[cue[0] : cue[1]] == "a déclaré"
    assert (claim.start + shift, claim.end + shift, KIND_STYLES["direct"]) in styles
    assert (outlet[0] + shift, outlet[1] + shift, "bold magenta") in styles
    assert body.plain == TEXT[: claim.start] + "[1]" + TEXT[claim.start :]


def claim(speaker, sources=(), cue="dire"):
    return Claim("a.txt", "direct", "x", 0, 1, 1, speaker, speaker, cue, tuple(sources))


def test_count_by_groups_sorts_and_shares():
    claims = [
        claim("Peskov", ["Tass"]),
        claim("Peskov", ["Tass", "AFP"]),
        claim(None),
        claim("Vance"),
    ]
    by_speaker = count_by(claims, "speaker")
    assert [(c.name, c.claims) for c in by_speaker] == [("Peskov", 2), ("(none)", 1), ("Vance", 1)]
    assert sum(c.share for c in by_speaker) == 1.0
    by_source = count_by(claims, "source")
    assert [(c.name, c.claims) for c in by_source] == [("(none)", 2), ("Tass", 2), ("AFP", 1)]


def rendered(renderable, width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_counts_table_gives_each_group_its_count_and_share_in_percent():
    counts = count_by([claim("Peskov"), claim("Peskov"), claim("Vance")], "speaker")
    lines = rendered(counts_table(counts, "speaker")).splitlines()
    assert lines[0].strip() == "claims by speaker"
    rows = [
        [cell.strip() for cell in line.replace("┃", "│").split("│")[1:-1]]
        for line in lines
        if "│" in line or "┃" in line
    ]
    assert rows == [
        ["speaker", "claims", "share"],
        ["Peskov", "2", "66.7%"],
        ["Vance", "1", "33.3%"],
    ]


GOLD_TEXT = (
    "Le maire a déclaré que « la route rouvrira lundi ». Selon l’AFP, le pont restera fermé."
)


def test_scores_table_and_mismatch_lines_say_what_was_missed_and_misattributed():
    route = GOLD_TEXT.index("la route")
    pont = GOLD_TEXT.index("le pont")
    gold = [
        GoldClaim("direct", "la route rouvrira lundi", route, route + 23, ("maire",), None, ()),
        GoldClaim("indirect", "le pont restera fermé", pont, pont + 21, ("AFP",), None, ()),
    ]
    said = Claim("a.txt", "direct", "la route rouvrira lundi", route, route + 23, 1, "préfet",
                 "préfet", "déclarer", (), "cue-que", 0.9)  # fmt: skip
    results = evaluate({"a.txt": gold}, {"a.txt": [said]})
    table = rendered(scores_table([s for s, _ in results.values()], 1, ("direct", "mixed")))
    assert table.splitlines()[0].strip() == "1 articles, kinds direct,mixed"
    assert "overlap ≥ 30%" in table and "overlap ≥ 80%" in table
    assert "2 / 1 / 1" in table  # gold / predicted / matched
    recall = next(line for line in table.splitlines() if "claims recall" in line)
    assert recall.count("0.500") == 2
    # no gold claim has a source and none was predicted: no score, not a perfect one
    sources = next(line for line in table.splitlines() if "sources F1" in line)
    assert sources.count("—") == 2 and "1.000" not in sources
    lines = [rendered(line, 200).rstrip("\n") for line in mismatch_lines(results[0.3][1])]
    missed, speaker = lines
    assert missed.startswith("missed  a.txt ") and missed.endswith(" AFP: le pont restera fermé")
    assert speaker == "speaker a.txt:1 préfet ≠ ['maire']: la route rouvrira lundi"
