"""Which quotations to align with a wording: an exact index of word pairs.

Each group's canonical wording is indexed by its pairs of consecutive words (and the
pair across each mark: « Jared [Kushner]. Je » gives « jared je » too). A wording that
is the same quotation as a canonical one (`talkclaims.corpus.align.same_quotation`)
shares many of its pairs with it: each of its words left out breaks at most two of its
pairs, each change inside at most one more. So if it may lose ``broken`` pairs and
still be the same quotation, it shares at least one of any ``broken + 1`` of its pairs
with its canonical wording (prefix filtering): looking up its ``broken + 1`` rarest
pairs finds every canonical wording it can be the same quotation as, and few others.

This is exact (no quotation the alignment would accept is missed) where MinHash LSH is
approximate and, with Jaccard similarity, blind to excerpts: half of a quotation has a
Jaccard similarity of one half with the whole, a tenth one tenth (the README gives the
measurements).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

#: Bits of a word's number in a pair's key.
_SHIFT = 32


def pairs(tokens: Sequence[int], mark: int = 0, across_marks: bool = False) -> Iterator[int]:
    """The keys of the pairs of consecutive words of ``tokens`` (word numbers; ``mark``
    for a mark). Pairs do not span a mark, unless ``across_marks``, where the words on
    each side of a mark make a pair as well."""
    previous = None
    crossed = None  # the word before a mark
    for token in tokens:
        if token == mark:
            crossed, previous = previous, None
            continue
        if previous is not None:
            yield previous << _SHIFT | token
        elif across_marks and crossed is not None:
            yield crossed << _SHIFT | token
        previous, crossed = token, None


class PairIndex:
    """Items (group numbers) by the word pairs of their wording."""

    def __init__(self) -> None:
        self.postings: dict[int, array] = {}

    def add(self, item: int, tokens: Sequence[int], mark: int = 0) -> None:
        """Index ``item`` under every pair of ``tokens``, the pairs across marks too."""
        for key in set(pairs(tokens, mark, across_marks=True)):
            found = self.postings.get(key)
            if found is None:
                self.postings[key] = array("i", (item,))
            else:
                found.append(item)

    def candidates(self, tokens: Sequence[int], broken: int, mark: int = 0) -> list[int]:
        """The items sharing one of the ``broken + 1`` rarest pairs of ``tokens``, in the
        order they were added: every item that shares more than ``broken`` of them
        (for any ``broken`` ≥ the pairs they have, every item sharing one)."""
        keys = set(pairs(tokens, mark))
        sizes = sorted((len(self.postings.get(key, ())), key) for key in keys)
        found: set[int] = set()
        for size, key in sizes[: broken + 1]:
            if size:
                found.update(self.postings[key])
        return sorted(found)

    def __len__(self) -> int:
        return sum(len(items) for items in self.postings.values())
