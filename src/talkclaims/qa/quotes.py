"""``check --require consistent-speaker,same-wording`` and ``check --against FILE``.

The checked articles' quotations are grouped with each other and with an archive of
earlier extractions (`talkclaims.corpus`); each disagreement a checked claim takes part
in (`talkclaims.corpus.consistency`) becomes a `Finding` at that claim, naming the
articles on each side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from talkclaims.corpus.consistency import speaker_conflicts, wording_changes
from talkclaims.corpus.groups import MIN_WORDS, QuoteGrouper
from talkclaims.corpus.wording import quotation_of
from talkclaims.lang.people import SpeakerIndex
from talkclaims.qa.findings import Finding, short
from talkclaims.records import Claim
from talkclaims.text.spans import column_of

#: The requirements of `check` that look at the corpus rather than at each claim.
CORPUS_REQUIREMENTS = ("consistent-speaker", "same-wording")
#: Articles named on each side of a finding; the rest are counted.
SHOWN_ARTICLES = 5


def _as_given(path: str) -> str:
    return Path(path).as_posix().lstrip("./")


def _where(claim: Claim) -> str:
    """« doc:line », with the outlet and date when the record has them."""
    about = ", ".join(value for value in (claim.outlet, claim.date) if value)
    return f"{claim.doc}:{claim.line}" + (f" ({about})" if about else "")


def _articles(claims: Sequence[Claim], numbers: Iterable[int], but: int | None = None) -> str:
    """« N article(s): a.txt:3 (AFP, 2025-11-30), … and 2 more », one claim per article,
    without the article of claim ``but``."""
    skip = claims[but].doc if but is not None else None
    first: dict[str, Claim] = {}
    for n in numbers:
        if claims[n].doc != skip:
            first.setdefault(claims[n].doc, claims[n])
    shown = [_where(c) for c in list(first.values())[:SHOWN_ARTICLES]]
    more = len(first) - len(shown)
    listed = ", ".join(shown) + (f" and {more} more" if more else "")
    return f"{len(first)} article(s): {listed}" if first else "0 article(s)"


def check_quotations(
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    required: Iterable[str],
    people: SpeakerIndex,
    against: Iterable[Claim] | None = None,
    min_words: int = MIN_WORDS,
) -> list[Finding]:
    """Findings of the corpus requirements in ``required`` on the checked ``claims``
    (by article; ``texts`` locate them), grouped with the ``against`` archive's claims.

    An archive claim of an article that is checked now (the same path) is left out: the
    article as it is now replaces what was extracted from it before.
    """
    required = set(required)
    grouper = QuoteGrouper(min_words)
    every: list[Claim] = []
    checked: list[bool] = []
    for found in claims.values():
        for claim in found:
            grouper.add(claim)
            every.append(claim)
            checked.append(True)
    now = {_as_given(doc) for doc in claims}
    for claim in against or ():
        if _as_given(claim.doc) not in now:
            grouper.add(claim)
            every.append(claim)
            checked.append(False)
    grouping = grouper.group()
    findings = []
    if "consistent-speaker" in required:
        for conflict in speaker_conflicts(every, checked, grouping, people):
            claim = every[conflict.claim]
            sides = dict(conflict.sides)
            same = [n for n in sides[conflict.speaker] if n != conflict.claim]
            where = "the archive gives" if conflict.from_archive else "the other articles give"
            message = (
                f"«{_quoted(claim)}»: attributed to {conflict.speaker} here"
                + (f" and in {_articles(every, same, conflict.claim)}" if same else "")
                + f"; {where} these words to {conflict.reference}: "
                + _articles(every, sides[conflict.reference])
            )
            for label, numbers in conflict.sides:
                if label not in (conflict.reference, conflict.speaker):
                    message += f"; to {label}: {_articles(every, numbers)}"
            message += f" [quote group {conflict.group}]"
            findings.append(_at(claim, texts, "consistent-speaker", message))
    if "same-wording" in required:
        for change in wording_changes(every, checked, grouping):
            claim = every[change.claim]
            whose = "the archive's" if change.from_archive else "the most common"
            message = (
                f"«{_quoted(claim)}»: {change.changes} word(s) differ from {whose} wording "
                f"({_articles(every, change.reference)}): {change.diff}"
                f" [quote group {change.group}]"
            )
            findings.append(_at(claim, texts, "same-wording", message))
    return sorted(findings, key=lambda f: (f.doc, f.line, f.col, f.check))


def _quoted(claim: Claim) -> str:
    """The words a claim quotes, shortened for a message (a mixed claim's quoted parts)."""
    found = quotation_of(claim)
    return short(found.text if found is not None else claim.text)


def _at(claim: Claim, texts: Mapping[str, str], check: str, message: str) -> Finding:
    text = texts.get(claim.doc)
    col = column_of(text, claim.start) if text is not None else 1
    return Finding(claim.doc, claim.line, col, check, message)
