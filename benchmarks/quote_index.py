"""Candidate search for quotation grouping: the exact word-pair index against MinHash LSH.

On a file of claims built by `quotes_bench.py`, the grouping (`talkclaims.corpus`) gives
each variant of a quotation its group's canonical wording. Each index is then asked, for
every variant that joined a group it does not head, which canonical wordings to align it
with; recall is the share of those whose own canonical wording is among the answers.
Measured: the word-pair index (`talkclaims.corpus.index.PairIndex`, what the grouping
uses), datasketch's MinHash LSH on the same word pairs (Jaccard similarity, 128
permutations) and its LSH Ensemble (containment, which excerpts need), each with the
seconds to build and query it and the memory it added (tracemalloc's peak).

    python benchmarks/quote_index.py [--claims 100000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import quotes_bench  # the benchmark beside this one builds the claims


def measured(label: str, run) -> None:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    start = time.perf_counter()
    found, asked, answers = run()
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:34} {found / asked:8.4f} {answers / asked:9.1f} {seconds:8.1f}s "
        f"{peak / 2**20:7.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    opts = parser.parse_args()
    from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble

    from talkclaims.corpus.groups import QuoteGrouper, _pairs_that_may_break
    from talkclaims.corpus.index import PairIndex, pairs
    from talkclaims.qa.checks import iter_claims

    with tempfile.TemporaryDirectory(prefix="talkclaims-index-") as tmp:
        folder = Path(tmp)
        project = quotes_bench.extracted(folder)
        quotations = quotes_bench.project_quotations(project)
        texts = [
            p.read_text(encoding="utf-8")
            for a in quotes_bench.ARTICLES
            for p in sorted(a.glob("*.txt"))
        ]
        path = folder / "claims.jsonl"
        quotes_bench.build(opts.claims, quotations, texts, path)
        grouper = QuoteGrouper()
        grouper.add_all(iter_claims(path))
        grouping = grouper.group()
    tokens, canonical = grouper.variant_tokens, grouping.canonical
    heads = set(canonical)
    queries = [v for v in range(len(tokens)) if v not in heads and grouping.variant_group[v] >= 0]
    print(
        f"{opts.claims:,} claims, {len(tokens):,} wordings, {len(canonical):,} groups; "
        f"{len(queries):,} wordings that joined a group\n"
        f"{'index':34} {'recall':>8} {'answers':>9} {'seconds':>9} {'memory':>8}"
    )

    def pair_index():  # type: ignore[no-untyped-def]
        index = PairIndex()
        for g, v in enumerate(canonical):
            index.add(g, tokens[v])
        found = answers = 0
        for v in queries:
            words = grouper.variant_words[v]
            got = index.candidates(tokens[v], _pairs_that_may_break(words, grouper.min_words))
            answers += len(got)
            found += grouping.variant_group[v] in got
        return found, len(queries), answers

    def signature(v: int) -> MinHash:
        m = MinHash(num_perm=128)
        m.update_batch([str(key).encode() for key in set(pairs(tokens[v]))] or [b""])
        return m

    def lsh(threshold: float):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            index = MinHashLSH(threshold=threshold, num_perm=128)
            for g, v in enumerate(canonical):
                index.insert(g, signature(v))
            found = answers = 0
            for v in queries:
                got = index.query(signature(v))
                answers += len(got)
                found += grouping.variant_group[v] in got
            return found, len(queries), answers

        return run

    def ensemble(threshold: float):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            index = MinHashLSHEnsemble(threshold=threshold, num_perm=128, num_part=16)
            index.index(
                (g, signature(v), max(1, len(set(pairs(tokens[v])))))
                for g, v in enumerate(canonical)
            )
            found = answers = 0
            for v in queries:
                size = max(1, len(set(pairs(tokens[v]))))
                got = set(index.query(signature(v), size))
                answers += len(got)
                found += grouping.variant_group[v] in got
            return found, len(queries), answers

        return run

    measured("word pairs, exact (talkclaims)", pair_index)
    for threshold in (0.5, 0.3):
        measured(f"MinHash LSH, Jaccard ≥ {threshold}", lsh(threshold))
    measured("MinHash LSH Ensemble, containment ≥ 0.5", ensemble(0.5))


if __name__ == "__main__":
    main()
