"""The word-pair index misses no quotation the alignment accepts (issue 22)."""

from __future__ import annotations

import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from talkclaims.corpus import index as index_module
from talkclaims.corpus.align import align, same_quotation
from talkclaims.corpus.groups import MIN_WORDS, _pairs_that_may_break
from talkclaims.corpus.index import PairIndex, pairs


def test_pairs_do_not_span_a_mark_unless_asked():
    tokens = [5, 6, 0, 7, 8]
    assert list(pairs(tokens)) == [5 << 32 | 6, 7 << 32 | 8]
    assert list(pairs(tokens, across_marks=True)) == [5 << 32 | 6, 6 << 32 | 7, 7 << 32 | 8]


def variant(rng: random.Random, words: list[int]) -> list[int]:
    """A wording of ``words`` as outlets print it: cut, a few words changed, added or
    dropped, an elision."""
    out = list(words)
    start = rng.randrange(0, max(1, len(out) // 3))
    end = len(out) - rng.randrange(0, max(1, len(out) // 3))
    out = out[start:end]
    for _ in range(rng.randrange(0, 3)):
        at = rng.randrange(len(out))
        change = rng.choice(("swap", "add", "drop", "mark"))
        if change == "swap":
            out[at] = rng.randrange(1, 40)
        elif change == "add":
            out.insert(at, rng.randrange(1, 40))
        elif change == "drop" and len(out) > 2:
            del out[at]
        elif change == "mark":
            out[at] = 0
    return out


@settings(max_examples=150, deadline=None, derandomize=True)
@given(seed=st.integers(0, 10**9), size=st.integers(5, 40), common=st.sampled_from([2, 2000]))
def test_every_accepted_canonical_is_a_candidate(seed, size, common):
    """Canonical wordings from a small vocabulary (so that pairs repeat), queries that
    are variants of them or of nothing: every canonical the alignment accepts for a
    query is among the query's candidates, also when pairs of more than two canonical
    wordings count as common (and are left out of look-ups where rarer ones suffice)."""
    with mock.patch.object(index_module, "COMMON", common):
        check_candidates(seed, size)


def check_candidates(seed: int, size: int) -> None:
    rng = random.Random(seed)
    canonicals = [[rng.randrange(1, 40) for _ in range(rng.randrange(size, size + 20))]
                  for _ in range(12)]  # fmt: skip
    index = PairIndex()
    for n, words in enumerate(canonicals):
        index.add(n, words)
    for _ in range(20):
        base = rng.choice(canonicals)
        query = variant(rng, base) if rng.random() < 0.8 else variant(rng, base[::-1])
        words = sum(1 for t in query if t)
        if words < MIN_WORDS:
            continue
        found = set(index.candidates(query, _pairs_that_may_break(words, MIN_WORDS)))
        for n, canonical in enumerate(canonicals):
            if same_quotation(align(query, canonical, 0), MIN_WORDS):
                assert n in found, (query, canonical)


def test_the_rarest_pairs_are_looked_up():
    index = PairIndex()
    common = [1, 2]  # a pair every wording has
    for n in range(100):
        index.add(n, [*common, 100 + n, 200 + n])
    candidates = index.candidates([*common, 150, 250], broken=0)
    assert candidates == [50]
