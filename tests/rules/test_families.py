"""The table of rule families (`talkclaims.rules.families`): names, proposer modules and
their signatures, the order the engine runs them in, and the documented table of rules
(docs/how-it-works.md, « Rule families »).

Importing a proposer module loads no model: these run on the table alone.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

from talkclaims.rules.families import (
    BY_NAME,
    FAMILIES,
    ORPHAN_QUOTE,
    POSTPOSED_UNLISTED,
    QUOTE_CONTINUATION,
    SELON,
    UNATTRIBUTED_QUOTE,
    VERBLESS_QUOTE,
    Family,
    proposer_modules,
)

HOW_IT_WORKS = Path(__file__).resolve().parents[2] / "docs" / "how-it-works.md"
ALL_MODULES = sorted({m for f in FAMILIES for m in f.proposers})


def proposer(name: str) -> ModuleType:
    return importlib.import_module(f"talkclaims.rules.proposers.{name}")


def documented_rule_names() -> list[str]:
    """The rule names of the documented table under « Rule families »."""
    lines = HOW_IT_WORKS.read_text(encoding="utf-8").splitlines()
    heading = next(
        i for i, line in enumerate(lines) if line.lstrip("#* ").startswith("Rule families")
    )
    names: list[str] = []
    for line in lines[heading + 1 :]:
        if line.startswith("|"):
            match = re.match(r"\| `([^`]+)` \|", line)
            if match:
                names.append(match.group(1))
        elif names:
            break  # the end of the table
    return names


def test_family_names_are_unique_and_indexed() -> None:
    names = [f.name for f in FAMILIES]
    assert len(names) == len(set(names))
    assert {f.name: f for f in FAMILIES} == BY_NAME
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in names)


def test_every_family_has_a_sensible_priority_and_confidence() -> None:
    for family in FAMILIES:
        assert isinstance(family, Family)
        assert family.priority >= 0, family.name
        assert 0 < family.confidence <= 1, family.name
        assert family.proposers, family.name


def test_families_are_frozen() -> None:
    with pytest.raises(AttributeError):
        SELON.priority = 0  # type: ignore[misc]


@pytest.mark.parametrize("name", ALL_MODULES)
def test_every_proposer_module_imports_and_has_propose(name: str) -> None:
    module = proposer(name)
    assert callable(getattr(module, "propose", None)), name


@pytest.mark.parametrize("name", proposer_modules(after_speakers=False))
def test_first_stage_proposers_take_the_context(name: str) -> None:
    parameters = list(inspect.signature(proposer(name).propose).parameters)
    assert parameters == ["ctx"]


@pytest.mark.parametrize("name", proposer_modules(after_speakers=True))
def test_after_speakers_proposers_take_the_claims_and_the_people(name: str) -> None:
    parameters = list(inspect.signature(proposer(name).propose).parameters)
    assert parameters == ["ctx", "taken", "people"]


def test_a_module_serves_one_stage_only() -> None:
    first, after = proposer_modules(False), proposer_modules(True)
    assert first and after
    assert not set(first) & set(after)
    assert set(first) | set(after) == set(ALL_MODULES)


def test_proposer_modules_follow_the_table_order_each_once() -> None:
    assert proposer_modules(False) == (
        "cue_frames",
        "incise",
        "according_to",
        "opinion",
        "headline",
        "appositive",
        "block_quote",
        "layout_speech",
    )
    assert proposer_modules(True) == ("continuation", "orphan", "verbless")
    # « selon » has two modules, run in the order its row gives them
    first = proposer_modules(False)
    assert first.index("according_to") + 1 == first.index("opinion")
    assert SELON.proposers == ("according_to", "opinion")


def test_the_after_speakers_families_are_continuations_and_the_quotation_first_path() -> None:
    after = (
        QUOTE_CONTINUATION,
        ORPHAN_QUOTE,
        POSTPOSED_UNLISTED,
        VERBLESS_QUOTE,
        UNATTRIBUTED_QUOTE,
    )
    assert tuple(f for f in FAMILIES if f.after_speakers) == after
    # they come last: they read the claims the others made
    assert FAMILIES[-len(after) :] == after


def test_only_selon_lends_its_speaker() -> None:
    assert [f.name for f in FAMILIES if f.lends_speaker] == ["selon"]


def test_every_rule_of_the_documented_table_is_a_family() -> None:
    documented = documented_rule_names()
    assert len(documented) >= 10, "the documented rule-family table was not found"
    assert len(documented) == len(set(documented))
    assert [name for name in documented if name not in BY_NAME] == []


def test_every_family_is_in_the_documented_table() -> None:
    documented = set(documented_rule_names())
    assert [f.name for f in FAMILIES if f.name not in documented] == []
