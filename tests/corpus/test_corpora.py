"""Grouping precision on the project's corpora: the quotations printed more than once
are exactly the ones a person found by reading the articles (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from talkclaims.corpus.groups import QuoteGrouper
from tests.conftest import CORPUS, DATA, ROOT

PROJECT = [CORPUS, *sorted(DATA.glob("*/corpus")), *sorted(DATA.glob("news/*/corpus"))]
#: The shared real-news set, beside the project (CI has it); also found from a worktree.
REAL_NEWS = (
    next(
        (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
        ROOT.parent / "shared",
    )
    / "real-news"
    / "corpus"
)
EXPECTED = yaml.safe_load((DATA / "quotes" / "corpus_groups.yaml").read_text(encoding="utf-8"))


def repeated(extractor, folders: list[Path]) -> tuple[list[list[str]], int]:
    """The groups of more than one claim (as sorted « article:line »), and the number
    of quotations grouped."""
    grouper = QuoteGrouper()
    claims = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for claim in extractor.claims(path.read_text(encoding="utf-8"), path.name):
                grouper.add(claim)
                claims.append(claim)
    grouping = grouper.group()
    groups = [
        sorted(f"{claims[n].doc}:{claims[n].line}" for n in members)
        for members in grouping.members().values()
        if len(members) > 1
    ]
    return sorted(groups), sum(1 for v in grouper.claim_variant if v >= 0)


def test_the_project_articles_repeat_exactly_the_quotations_found_by_reading(extractor):
    groups, quotations = repeated(extractor, PROJECT)
    assert quotations > 350
    assert groups == sorted(EXPECTED["project"])


def test_the_real_news_articles_repeat_exactly_the_quotations_found_by_reading(extractor):
    if not REAL_NEWS.is_dir():
        pytest.fail(f"{REAL_NEWS}: the shared real-news set is not beside the project")
    groups, quotations = repeated(extractor, [REAL_NEWS])
    assert quotations > 150
    assert groups == sorted(EXPECTED["real-news"])
