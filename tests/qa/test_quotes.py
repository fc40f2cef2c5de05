"""check's corpus requirements: consistent-speaker, same-wording, --against (issue 22).

Claims built for the tests over articles written for them: no model needed."""

from __future__ import annotations

import pytest

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.lang.people import SpeakerIndex
from talkclaims.qa.checks import run_checks
from talkclaims.qa.quotes import check_quotations
from talkclaims.records import Claim

WORDS = "Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au sommet"
PEOPLE = SpeakerIndex(shipped_patterns())


def article(doc: str, said: str, speaker: str | None, kind: str = "person", **meta: str):
    """An article of one line quoting ``said``, and its claim."""
    text = f"Le Kremlin ne donne pas de date. « {said} », a-t-il dit.\n"
    start = text.index(said)
    claim = Claim(
        doc, "direct", said, start, start + len(said), 1, speaker, speaker, "dire",
        speaker_type=kind if speaker else None, **meta,
    )  # fmt: skip
    return doc, text, claim


def run(items, required, against=None):
    claims = {doc: [claim] for doc, _, claim in items}
    texts = {doc: text for doc, text, _ in items}
    return check_quotations(claims, texts, required, PEOPLE, against)


def test_the_odd_attribution_is_a_finding_naming_both_sides():
    items = [
        article("afp.txt", WORDS, "Dmitri Peskov", outlet="AFP", date="2025-11-30"),
        article("figaro.txt", WORDS, "Dmitry Peskov"),
        article("monde.txt", WORDS, "Peskov"),
        article("rfi.txt", WORDS, "Dmitri Peskov"),
        article("ouest.txt", WORDS, "Iouri Ouchakov"),
    ]
    findings = run(items, {"consistent-speaker"})
    assert len(findings) == 1
    found = findings[0]
    assert (found.doc, found.line, found.col, found.check) == (
        "ouest.txt", 1, items[4][1].index(WORDS) + 1, "consistent-speaker",
    )  # fmt: skip
    assert "attributed to Yuri Ushakov here" in found.message
    assert "give these words to Dmitry Peskov: 4 article(s): afp.txt:1 (AFP, 2025-11-30), " \
        "figaro.txt:1, monde.txt:1, rfi.txt:1" in found.message  # fmt: skip
    assert "[quote group " in found.message


def test_spellings_of_one_person_no_speaker_and_other_kinds_are_no_contradiction():
    items = [
        article("afp.txt", WORDS, "Dmitri Peskov"),
        article("figaro.txt", WORDS, "Peskov"),
        article("blog.txt", WORDS, None),
        article("tass.txt", WORDS, "le porte-parole du Kremlin", kind="role"),
        article("x.txt", WORDS, "une source diplomatique", kind="anonymous"),
        article("y.txt", WORDS, "le Kremlin", kind="organisation"),
    ]
    assert run(items, {"consistent-speaker"}) == []


def test_a_tie_flags_the_later_attribution():
    items = [
        article("a.txt", WORDS, "Dmitri Peskov", date="2025-11-30"),
        article("b.txt", WORDS, "Iouri Ouchakov", date="2025-12-01"),
    ]
    [found] = run(items, {"consistent-speaker"})
    assert found.doc == "b.txt"


def test_a_changed_word_is_a_finding_with_a_word_diff():
    items = [
        article("afp.txt", WORDS, "Dmitri Peskov"),
        article("figaro.txt", WORDS.replace("'", "’"), "Dmitri Peskov"),
        article("monde.txt", WORDS.replace("aucun calendrier", "aucune date"), "Dmitri Peskov"),
        article("rfi.txt", "Les discussions avancent […] aucun calendrier n'a été fixé", "Peskov"),
        article("lci.txt", "aucun calendrier n'a été fixé pour une rencontre", "Peskov"),
        article("tf1.txt", WORDS.upper().replace(",", ""), "Peskov"),
    ]
    findings = run(items, {"same-wording"})
    assert [(f.doc, f.check) for f in findings] == [("monde.txt", "same-wording")]
    assert "2 word(s) differ from the most common wording (3 article(s): afp.txt:1, " in (
        findings[0].message
    )
    assert findings[0].message.endswith(
        "… discussions avancent, mais [-aucun calendrier-]{+aucune date+} n'a été … "
        f"[quote group {findings[0].message.split('quote group ')[1]}"
    )


def test_against_an_archive_the_archive_is_the_reference():
    archive = [
        article("wire/afp-1.txt", WORDS, "Dmitri Peskov", outlet="AFP", date="2025-11-30")[2],
        article("wire/afp-2.txt", WORDS.replace("au sommet", "des présidents"), "Peskov")[2],
    ]
    draft = [article("draft.txt", WORDS, "Iouri Ouchakov")]
    findings = run(draft, {"consistent-speaker", "same-wording"}, against=archive)
    assert [f.check for f in findings] == ["consistent-speaker"]
    assert "the archive gives these words to Dmitry Peskov: 2 article(s): wire/afp-1.txt:1 " \
        "(AFP, 2025-11-30), wire/afp-2.txt:1" in findings[0].message  # fmt: skip
    # the archive's own disagreement is not the draft's finding; the draft agreeing passes
    assert run([article("draft.txt", WORDS, "Dmitri Peskov")], {"consistent-speaker"},
               against=archive) == []  # fmt: skip
    # an archive claim of the article checked now is replaced by the article as it is
    stale = [article("draft.txt", WORDS, "Dmitri Peskov")[2]]
    assert run(draft, {"consistent-speaker"}, against=stale) == []


def test_run_checks_with_an_archive_alone_runs_both():
    archive = [article("afp.txt", WORDS, "Dmitri Peskov")[2]]
    doc, text, claim = article(
        "draft.txt", WORDS.replace("au sommet", "à Genève"), "Iouri Ouchakov"
    )
    findings = run_checks({doc: [claim]}, {doc: text}, against=archive, people=PEOPLE)
    assert sorted(f.check for f in findings) == ["consistent-speaker", "same-wording"]
    with pytest.raises(ValueError):
        run_checks({}, {}, required=["consistent"])
