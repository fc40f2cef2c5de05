"""`talkclaims show` and `talkclaims stats`: what a person sees matches the records."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.io.views import CUE_STYLE, KIND_STYLES, MENTION_STYLE, article_view, count_by
from talkclaims.records import Claim
from tests.conftest import CORPUS

runner = CliRunner()
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


def test_show_command_prints_the_article_and_a_legend():
    path = CORPUS / "002_157e4dad8d8be975.txt"
    result = runner.invoke(app, ["show", str(path), "--width", "160"])
    assert result.exit_code == 0
    assert "[1]Les pourparlers russo-américains" in result.stdout
    assert "Dmitry Peskov" in result.stdout and "Izvestia" in result.stdout
    assert runner.invoke(app, ["show", str(path.with_name("absent.txt"))]).exit_code == 2


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


def test_stats_command_counts_every_claim_of_the_corpus():
    extracted = runner.invoke(app, ["extract", str(CORPUS), "-f", "json", "-j", "1"])
    total = len(json.loads(extracted.stdout))
    result = runner.invoke(app, ["stats", str(CORPUS), "--by", "doc", "-f", "json", "-j", "1"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert sum(r["claims"] for r in rows) == total
    assert rows == sorted(rows, key=lambda r: (-r["claims"], r["doc"]))
    csv_out = runner.invoke(app, ["stats", str(CORPUS), "--by", "cue", "-f", "csv", "-j", "1"])
    assert csv_out.stdout.splitlines()[0] == "cue,claims,share"
