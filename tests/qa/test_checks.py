"""`run_checks` and `render_findings` on hand-made claims: the checks without the model."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest

from talkclaims.qa.checks import Expectation, Finding, render_findings, run_checks
from talkclaims.records import Claim

DOC = "brest.txt"
TEXT = (
    "Le maire, Paul Kerhervé, a déclaré que « la route rouvrira lundi ».\n"
    "Les travaux ont été qualifiés de « chantier du siècle ».\n"
)


def claim(words: str, speaker: str | None, sources=(), confidence=0.9, kind="direct") -> Claim:
    start = TEXT.index(words)
    line = TEXT.count("\n", 0, start) + 1
    return Claim(DOC, kind, words, start, start + len(words), line, speaker, speaker, "déclarer",
                 tuple(sources), "cue-que", confidence)  # fmt: skip


ROUTE = claim("la route rouvrira lundi", "Paul Kerhervé", ("Ouest-France",))
CHANTIER = claim("chantier du siècle", None, confidence=0.5)
CLAIMS = {DOC: [ROUTE, CHANTIER]}
TEXTS = {DOC: TEXT}


def expectation(quote: str, speaker: str, sources=None) -> Expectation:
    return Expectation(DOC, quote, speaker, sources, 1)


def test_no_check_asked_finds_nothing():
    assert run_checks(CLAIMS, TEXTS) == []


def test_findings_come_expectations_then_baseline_then_requirements():
    before = {DOC: [ROUTE]}
    findings = run_checks(
        CLAIMS,
        TEXTS,
        expectations=[expectation("la route rouvrira", "Anne Le Gall")],
        baseline=before,
        required={"speaker"},
    )
    assert [f.check for f in findings] == ["expected", "baseline", "require"]
    assert findings[0].message.endswith("expected speaker 'Anne Le Gall', found 'Paul Kerhervé'")
    assert findings[1].message == "added: «chantier du siècle» (None)"
    assert findings[2] == Finding(
        DOC, 2, 36, "require", "direct claim with no speaker: «chantier du siècle»"
    )
    assert TEXT.splitlines()[1][35:].startswith("chantier")  # col 36: 1-based


def test_claims_below_min_confidence_are_left_out_of_every_check():
    exp = [expectation("chantier du siècle", "Paul Kerhervé")]
    kept = run_checks(CLAIMS, TEXTS, expectations=exp, required={"speaker"})
    assert [f.check for f in kept] == ["expected", "require"]
    dropped = run_checks(CLAIMS, TEXTS, expectations=exp, required={"speaker"}, min_confidence=0.6)
    (finding,) = dropped  # the doubted claim no longer fails the requirement...
    assert finding.message == (  # ...nor counts as the expected attribution
        "expected quote is in the article but not attributed: «chantier du siècle»"
    )


def test_requirements_apply_to_the_chosen_kinds_only():
    assert run_checks(CLAIMS, TEXTS, required={"speaker", "source"}, kinds={"indirect"}) == []
    sourced = run_checks(CLAIMS, TEXTS, required={"source"})
    assert [f.message for f in sourced] == ["direct claim with no source: «chantier du siècle»"]


def test_same_person_accepts_another_name_of_the_speaker():
    exp = [expectation("la route rouvrira", "le maire de Brest")]
    assert len(run_checks(CLAIMS, TEXTS, expectations=exp)) == 1
    assert run_checks(CLAIMS, TEXTS, expectations=exp, same_person=lambda a, b: True) == []


def test_an_empty_baseline_reports_every_claim_as_added():
    findings = run_checks(CLAIMS, TEXTS, baseline={})
    assert [f.message.split(":")[0] for f in findings] == ["added", "added"]


def test_an_unknown_requirement_or_kind_is_refused_not_ignored():
    with pytest.raises(ValueError, match="required takes speaker, source"):
        run_checks(CLAIMS, TEXTS, required={"quote"})
    with pytest.raises(ValueError):
        run_checks(CLAIMS, TEXTS, required={"speaker"}, kinds={"quoted"})


FINDINGS = [Finding("a, b.txt", 2, 35, "require", "direct claim with no speaker: «x»")]


def test_render_findings_in_each_format():
    assert render_findings(FINDINGS, "text", ["a, b.txt"]) == (
        "a, b.txt:2:35: direct claim with no speaker: «x»\n"
    )
    assert render_findings(FINDINGS, "github", []) == (
        "::error file=a%2C b.txt,line=2,col=35,title=talkclaims require::"
        "direct claim with no speaker: «x»\n"
    )
    assert json.loads(render_findings(FINDINGS, "json", [])) == [
        {"doc": "a, b.txt", "line": 2, "col": 35, "check": "require",
         "message": "direct claim with no speaker: «x»"}
    ]  # fmt: skip
    suite = ElementTree.fromstring(render_findings(FINDINGS, "junit", ["ok.txt", "a, b.txt"]))
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    assert [c.get("name") for c in suite.iter("testcase")] == ["ok.txt", "a, b.txt"]
    with pytest.raises(ValueError, match="unknown format"):
        render_findings(FINDINGS, "sarif", [])


#: Text extracted from PDFs keeps their page breaks (form feed), vertical tabs and other
#: C0 controls; XML 1.0 allows none of them, not even as « &#12; ».
PDF_TEXT = (
    "Le préfet a déclaré que « la digue\x0ctiendra\x0b jusqu'à\x00 lundi\x01 » et que "
    "« rien\x1b[2J ne\ufffe presse\ud800 ».\n"
)


def test_junit_of_text_with_control_characters_is_well_formed_xml():
    import lxml.etree

    doc = "rapport\x0cpage 2.txt"
    route = PDF_TEXT.index("la digue")
    presse = PDF_TEXT.index("rien")
    claims = {
        doc: [
            Claim(doc, "direct", PDF_TEXT[route:presse - 12], route, presse - 12, 1, None, None,
                  "déclarer", (), "cue-que", 0.9),
            Claim(doc, "direct", PDF_TEXT[presse:-4], presse, len(PDF_TEXT) - 4, 1, None, None,
                  "déclarer", (), "cue-que", 0.9),
        ]
    }  # fmt: skip
    findings = run_checks(claims, {doc: PDF_TEXT}, required={"speaker"})
    assert len(findings) == 2
    rendered = render_findings(findings, "junit", [doc])
    for parse in (ElementTree.fromstring, lxml.etree.fromstring):  # expat, then libxml2
        suite = parse(rendered.encode("utf-8"))
        (case,) = suite.iter("testcase")
        failure = case.find("failure")
        assert case.get("name") == "rapport␌page 2.txt"
        lines = failure.text.splitlines()
        assert lines[0].endswith("«la digue␌tiendra␋ jusqu'à␀ lundi␁»")
        assert lines[1].endswith("«rien␛[2J ne\ufffd presse\ufffd»")
