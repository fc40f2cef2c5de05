"""Extraction results with each claim's quotation group (``extract --group-quotes``).

A group is known only once every article is read, so the results are held back: each
is written to a temporary spool file as it comes (its claims as plain values) while its
claims are noted by a `QuoteGrouper`, and once the last one is in, they are read back
from the spool in the same order with ``quote_group`` filled in. Memory holds the
grouper's index, never the corpus's claims or texts.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator

from talkclaims.corpus.groups import MIN_WORDS, QuoteGrouper
from talkclaims.records import Claim
from talkclaims.run.extract import DocumentResult


def with_quote_groups(
    results: Iterable[DocumentResult], min_words: int = MIN_WORDS, fail_fast: bool = False
) -> Iterator[DocumentResult]:
    """``results`` in the same order, each claim with its ``quote_group`` (None for a
    claim with no quotation of ``min_words`` words); the first is yielded once the last
    is read. With ``fail_fast``, reading stops at the first result that failed, which is
    then the last one yielded."""
    grouper = QuoteGrouper(min_words)
    with tempfile.TemporaryFile(prefix="talkclaims-quotes-") as spool:
        count = 0
        for result in results:
            values = [claim.to_values() for claim in result.claims]
            # our own file, read back below: pickle carries the values as they are
            pickle.dump((result.doc, values, result.error, result.warning, result.text), spool)
            grouper.add_all(result.claims)
            count += 1
            if fail_fast and result.error:
                break
        grouping = grouper.group()
        spool.seek(0)
        number = 0
        for _ in range(count):
            doc, values, error, warning, text = pickle.load(spool)
            claims = []
            for value in values:
                claims.append(Claim.from_values(value, quote_group=grouping.id_of(number)))
                number += 1
            yield DocumentResult(doc, tuple(claims), error, warning, text)
