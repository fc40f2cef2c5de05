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
from collections import Counter
from collections.abc import Iterator, Sequence

#: Pairs looked up beyond those prefix filtering needs (see `PairIndex.candidates`).
EXTRA = 3
#: Items under a pair past which the pair is left out of a look-up when rarer pairs are
#: enough (« de la » in a corpus of a million quotations): see `PairIndex.candidates`.
COMMON = 2_000
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
        #: Items by pair: one item as such, several in an array.
        self.postings: dict[int, int | array] = {}

    def add(self, item: int, tokens: Sequence[int], mark: int = 0) -> None:
        """Index ``item`` under every pair of ``tokens``, the pairs across marks too."""
        postings = self.postings
        for key in set(pairs(tokens, mark, across_marks=True)):
            found = postings.get(key)
            if found is None:
                postings[key] = item  # most pairs belong to one item: no array for them
            elif isinstance(found, int):
                postings[key] = array("i", (found, item))
            else:
                found.append(item)

    def candidates(
        self, tokens: Sequence[int], broken: int, mark: int = 0, extra: int = EXTRA
    ) -> list[int]:
        """Every item that may share more than ``broken`` of the pairs of ``tokens``
        (for any ``broken`` below the pairs they have), in the order they were added.

        A wording with ``n`` pairs that may lose ``broken`` of them shares at least
        ``n - broken`` with each such item, so at least ``k - broken`` of any ``k`` of its
        pairs: its ``k = broken + 1 + extra`` rarest pairs are looked up and the items
        found under ``1 + extra`` of them kept. Looking up a few more pairs than the
        ``broken + 1`` prefix filtering needs costs little (they are rare), and keeps
        out the items that share one pair by chance (« de la »). Pairs found under more
        than `COMMON` items are looked up only where fewer than ``broken + 1`` rarer
        ones remain, so that time stays in proportion to the corpus; the search is
        exact all the same.
        """
        keys = set(pairs(tokens, mark))
        if not keys:
            return []
        postings = self.postings
        sizes = sorted((_size(postings.get(key)), key) for key in keys)
        looked = min(len(keys), broken + 1 + extra)
        # a pair most items have says little: left out while enough rarer pairs remain
        while looked > broken + 1 and sizes[looked - 1][0] > COMMON:
            looked -= 1
        need = max(1, looked - broken)
        hits: Counter[int] = Counter()
        for size, key in sizes[:looked]:
            if size == 1:
                hits[postings[key]] += 1  # type: ignore[index]
            elif size:
                hits.update(postings[key])  # type: ignore[arg-type]
        if need == 1:
            return sorted(hits)
        return sorted(item for item, count in hits.items() if count >= need)

    def __len__(self) -> int:
        return sum(_size(items) for items in self.postings.values())


def _size(items: int | array | None) -> int:
    return 0 if items is None else 1 if isinstance(items, int) else len(items)
