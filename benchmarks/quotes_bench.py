"""Quotation grouping at scale: `talkclaims quotes` on N claims built from the project's
articles, its time, peak memory, precision and recall.

The claims are those `extract` finds in the project's articles (``corpus/`` and
``tests/data``), made into a corpus the size asked for:

- the project's quotations (five words or more), each printed by many articles (30 % of
  the claims);
- quotations written by a word-pair (Markov) chain trained on the same articles, so
  that they have French news' words and word pairs (the index's hard case: common
  pairs), each printed once to three times (70 %); none shares a run of five words
  with the articles or another of them;
- every printing is a variant as outlets make them: the same words (55 %), a cut keeping
  at least three fifths (20 %), one word changed (10 %, quotations of 7+ words), an
  elision « […] » in the middle (10 %), the same words given to another speaker (5 %).

Each claim's ``url`` names the quotation it was made from, so that the grouping can be
scored: precision is the share of claims in groups whose claims were made from one
quotation (for a group of several, the claims of its main quotation), recall the share
of claims that are in the group holding most of their quotation's claims.

    python benchmarks/quotes_bench.py --claims 100000 [--claims 25000 ...]

prints one row per size: seconds and peak RSS of ``talkclaims quotes FILE -f jsonl``
(reading the JSON Lines file, grouping, writing the groups) in a fresh process, and the
grouping's precision and recall.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [ROOT / "corpus", *sorted(ROOT.glob("tests/data/*/corpus")),
            *sorted(ROOT.glob("tests/data/news/*/corpus"))]  # fmt: skip
OUTLETS = [f"Outlet {n}" for n in range(40)]

#: The peak RSS of this process since it started running Python (/proc's VmHWM is that of
#: the process's own memory, where ru_maxrss keeps the peak of the forking parent's copy).
PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
#: Run in a fresh interpreter: group a JSON Lines file as the command does, then score.
GROUP = (
    PEAK
    + """
import json, sys, time
from collections import Counter, defaultdict
from pathlib import Path
start = time.perf_counter()
from talkclaims.cli import app
try:
    app(["quotes", sys.argv[1], "-f", "jsonl", "-o", sys.argv[2], "--min-articles", "1"])
except SystemExit as exc:
    assert not exc.code, exc.code
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_mb": peak_mb()}))
"""
)
#: The memory of reading the same file without grouping: what grouping adds to it.
READ = (
    PEAK
    + """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from talkclaims.qa.checks import iter_claims
from talkclaims.lang.patterns import shipped_patterns
count = sum(1 for _ in iter_claims(Path(sys.argv[1])))
shipped_patterns()
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rss_mb": peak_mb()}))
"""
)


def extracted(folder: Path) -> Path:
    """The project's articles extracted once to JSON Lines."""
    out = folder / "project.jsonl"
    exe = Path(sys.executable).with_name("talkclaims")
    subprocess.run(
        [str(exe), "extract", *map(str, ARTICLES), "-f", "jsonl", "-o", str(out), "--jobs", "2"],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return out


def project_quotations(claims_file: Path) -> list[tuple[str, str]]:
    """(words, speaker) of each distinct quotation of five words or more that is not
    part of another (its folded words are not within another's)."""
    from talkclaims.corpus.wording import quotation_of
    from talkclaims.qa.checks import iter_claims

    seen: dict[str, tuple[str, str]] = {}
    for claim in iter_claims(claims_file):
        found = quotation_of(claim)
        if found is not None and found.words >= 5 and found.key not in seen:
            seen[found.key] = (found.text, claim.speaker or "Personne Inconnue")
    # one quotation per family: a headline's excerpt of a quotation the article gives
    # whole is the same quotation, not another one to keep apart
    keys = sorted(seen, key=len, reverse=True)
    kept = [k for n, k in enumerate(keys) if not any(f" {k} " in f" {o} " for o in keys[:n])]
    return [seen[k] for k in sorted(kept)]


def markov(texts: list[str], rng: random.Random):
    """A generator of quotations from the word pairs of ``texts``, none sharing a run of
    five words with ``texts`` or with another generated one: two quotations made from
    different bases never have the same words, so that the grouping can be scored."""
    from talkclaims.corpus.wording import wording

    follows: dict[str, list[str]] = defaultdict(list)
    starts = []
    seen: set[tuple[str, ...]] = set()
    for text in texts:
        keys = wording(text).keys
        seen.update(keys[n : n + 5] for n in range(len(keys) - 4))
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            words = sentence.split()
            if len(words) > 3:
                starts.append(words[0])
                for a, b in itertools.pairwise(words):
                    follows[a].append(b)

    def one() -> str:
        while True:
            words = [rng.choice(starts)]
            for _ in range(rng.randrange(8, 36)):
                nexts = follows.get(words[-1])
                words.append(rng.choice(nexts) if nexts else rng.choice(starts))
            text = " ".join(words)
            keys = wording(text).keys
            runs = {keys[n : n + 5] for n in range(len(keys) - 4)}
            if not runs & seen:
                seen.update(runs)
                return text

    return one


def printed(words: str, rng: random.Random) -> tuple[str, bool]:
    """A variant of ``words`` as an outlet prints it; True when another speaker gets it."""
    tokens = words.split()
    roll = rng.random()
    if roll < 0.55 or len(tokens) < 6:
        return words, False
    if roll < 0.75:
        keep = rng.randrange(max(5, (3 * len(tokens) + 4) // 5), len(tokens) + 1)
        start = rng.randrange(0, len(tokens) - keep + 1)
        return " ".join(tokens[start : start + keep]), False
    if roll < 0.85 and len(tokens) >= 7:
        at = rng.randrange(1, len(tokens) - 1)
        tokens[at] = rng.choice(("jamais", "toujours", "vraiment", "aucun", "demain"))
        return " ".join(tokens), False
    if roll < 0.95 and len(tokens) >= 8:
        cut = rng.randrange(2, len(tokens) - 4)
        return " ".join([*tokens[:cut], "[…]", *tokens[cut + 2 :]]), False
    return words, True


def build(count: int, quotations: list[tuple[str, str]], texts: list[str], path: Path, seed=22):
    """``count`` claims in JSON Lines at ``path`` (see the module's docstring)."""
    from talkclaims.records import Claim

    rng = random.Random(seed)
    generate = markov(texts, rng)
    project = int(count * 0.3)
    bases: list[tuple[str, str]] = []
    plan: list[int] = [n % len(quotations) for n in range(project)]
    bases.extend(quotations)
    while len(plan) < count:
        base = len(bases)
        bases.append((generate(), f"Personne {base}"))
        plan.extend([base] * min(rng.choice((1, 1, 1, 2, 2, 3)), count - len(plan)))
    rng.shuffle(plan)
    with path.open("w", encoding="utf-8") as out:
        for n, base in enumerate(plan):
            words, speaker = bases[base]
            text, other = printed(words, rng)
            record = Claim(
                doc=f"art{n // 5:07d}",
                kind="direct",
                text=text,
                start=0,
                end=len(text),
                line=1 + n % 5,
                speaker="Quelqu'un d'Autre" if other else speaker,
                speaker_mention=None,
                speaker_type="person",
                cue="dire",
                rule="bench",
                confidence=0.9,
                url=f"base:{base}",
                outlet=rng.choice(OUTLETS),
                date=f"2025-11-{rng.randrange(1, 31):02d}",
            ).to_dict()  # as extract writes it, so that quotes reads it as claims
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def score(claims_file: Path, min_words: int = 5) -> tuple[float, float, int]:
    """Precision and recall of the grouping of ``claims_file`` (see the docstring), and
    the number of groups. Quotations with the same words count as one."""
    from talkclaims.corpus.groups import QuoteGrouper
    from talkclaims.corpus.wording import wording
    from talkclaims.qa.checks import iter_claims

    grouper = QuoteGrouper(min_words)
    base_of: list[str] = []
    words_of: dict[str, str] = {}
    for claim in iter_claims(claims_file):
        grouper.add(claim)
        base_of.append(claim.url or "")
    texts = defaultdict(list)
    for claim in iter_claims(claims_file):
        texts[claim.url].append(claim.text)
    for base, printed_texts in texts.items():  # a base's key: its longest printing's words
        words_of[base] = wording(max(printed_texts, key=len)).key
    grouping = grouper.group()
    members = grouping.members()
    counted = [n for n in range(len(base_of)) if grouping.group_of(n) >= 0]
    pure = 0
    for claims in members.values():
        keys = Counter(words_of[base_of[n]] for n in claims)
        pure += keys.most_common(1)[0][1] if len(keys) > 1 else len(claims)
    by_base: dict[str, Counter[int]] = defaultdict(Counter)
    for n in counted:
        by_base[words_of[base_of[n]]][grouping.group_of(n)] += 1
    found = sum(c.most_common(1)[0][1] for c in by_base.values())
    return pure / len(counted), found / len(counted), len(members)


def measure(script: str, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def rows(sizes: list[int], folder: Path) -> None:
    """One printed row per size (see the module's docstring)."""
    claims_file = extracted(folder)
    quotations = project_quotations(claims_file)
    texts = [p.read_text(encoding="utf-8") for a in ARTICLES for p in sorted(a.glob("*.txt"))]
    print(
        f"\nquotation grouping: {len(quotations)} quotations of the project's articles and "
        "generated ones (see benchmarks/quotes_bench.py)\n"
        f"{'talkclaims quotes FILE':24} {'claims/s':>9} {'seconds':>8} {'peak RSS':>9} "
        f"{'reading':>8} {'groups':>8} {'precision':>9} {'recall':>7}"
    )
    for size in sizes:
        path = folder / f"claims-{size}.jsonl"
        build(size, quotations, texts, path)
        timed = measure(GROUP, str(path), str(folder / "groups.jsonl"))
        read = measure(READ, str(path))
        precision, recall, groups = score(path)
        print(
            f"{f'{size:,} claims':24} {size / timed['seconds']:9,.0f} {timed['seconds']:7.1f}s "
            f"{timed['rss_mb']:6.0f} MB {read['rss_mb']:5.0f} MB {groups:8,} "
            f"{precision:9.4f} {recall:7.4f}"
        )
    print("(reading: the peak RSS of reading the same file without grouping)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, action="append", help="corpus sizes (repeatable)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talkclaims-quotes-") as tmp:
        rows(opts.claims or [100_000], Path(tmp))


if __name__ == "__main__":
    main()
