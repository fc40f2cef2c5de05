"""The `talkclaims` command: a thin layer over the library.

Heavy imports (spaCy, the model) happen inside the commands that need them, so
`talkclaims --help` and `talkclaims --version` answer at once. A user's mistake (a
missing path, a bad pattern file) gets a one-line message and an exit code, never a
traceback: 0 all went well, 1 some input could not be processed, 2 usage error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from talkclaims import __version__
from talkclaims.io.writers import Format

if TYPE_CHECKING:
    from talkclaims.lang.patterns import Patterns
    from talkclaims.run.extract import DocumentResult

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Find who said what, and according to whom, in French news articles.",
)

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    typer.echo(f"talkclaims: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"talkclaims {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Find who said what, and according to whom, in French news articles."""


PatternsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns",
        help="A folder of pattern files (verbs.yaml, outlets.yaml, speakers.yaml, "
        "attributions.yaml) added on top of the shipped ones. Repeatable.",
    ),
]


def _inputs(
    paths: list[str], patterns: list[Path] | None, glob: str | None = None
) -> tuple[list[str], Patterns]:
    """The files to read and the rules, or a one-line usage error (exit 2) before any work.

    Paths only, not texts: cheap even for an archive. A bad pattern file stops the run
    here, before any worker starts.
    """
    from talkclaims.io.readers import MissingPathError, check_paths, expand_paths
    from talkclaims.lang.patterns import PatternError, load_patterns

    try:
        check_paths(paths)
        return list(expand_paths(paths, glob)), load_patterns(patterns or ())
    except (MissingPathError, PatternError) as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


def _extractor(patterns: list[Path] | None):
    from talkclaims.lang.patterns import PatternError
    from talkclaims.run.extract import Extractor

    try:
        return Extractor(patterns or ())
    except PatternError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively for *.txt and *.md) or - for stdin."
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    patterns: PatternsOption = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes (default: all cores); the output is the same for any number.",
        ),
    ] = os.cpu_count() or 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on a Dask cluster: its scheduler address (tcp://host:8786). Needs the "
            "dask extra.",
        ),
    ] = None,
    dask: Annotated[
        bool, typer.Option("--dask", help="Run on a local Dask cluster (needs the dask extra).")
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first article that fails.")
    ] = False,
    with_text: Annotated[
        bool,
        typer.Option(
            "--with-text",
            help="JSON/JSON Lines: add the text the offsets index (for HTML, the extracted "
            "article) to each record as document_text.",
        ),
    ] = False,
    glob: Annotated[
        str | None,
        typer.Option(
            "--glob",
            help="Files to read in folders, comma-separated (default: "
            "*.txt,*.md,*.jsonl,*.ndjson).",
        ),
    ] = None,
    csv_raw: Annotated[
        bool,
        typer.Option("--csv-raw", help="CSV: keep cells starting with = + - @ as they are."),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for French-locale Excel: UTF-8 BOM, ; separators."),
    ] = False,
) -> None:
    """Extract attributed quotes and reported claims from articles."""
    from talkclaims.io.writers import atomic_output, make_writer
    from talkclaims.run.parallel import process_paths

    names, rules = _inputs(paths, patterns, glob)
    failed = False

    def run(stream: TextIO) -> None:
        nonlocal failed
        writer = make_writer(fmt, stream, csv_raw, excel, with_text)
        results = process_paths(names, patterns or (), jobs, scheduler, dask, rules)
        try:
            for result in _with_progress(results, len(names)):
                if result.warning:
                    _error(f"warning: {result.doc}: {result.warning}")
                if result.error:
                    failed = True
                    _error(f"{result.doc}: {result.error}")
                    if fail_fast:
                        break
                    continue
                writer.write(result.claims, result.text)
        finally:
            writer.close()

    try:
        if output is None:
            run(sys.stdout)
        else:
            with atomic_output(output) as stream:
                run(stream)
    except OSError as exc:
        _error(f"{output}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except RuntimeError as exc:  # a back end that cannot start (Dask missing, no scheduler)
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command()
def show(
    path: Annotated[Path, typer.Argument(help="The article to show.")],
    patterns: PatternsOption = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Columns (default: terminal).")
    ] = None,
) -> None:
    """Print an article with its claims highlighted by kind and a numbered legend."""
    from rich.console import Console

    from talkclaims.io.readers import ReadFailure, read_path
    from talkclaims.io.views import article_view

    if not path.is_file():
        _error(f"{path}: no such file")
        raise typer.Exit(EXIT_USAGE)
    document = read_path(str(path))
    if isinstance(document, ReadFailure):
        _error(f"{document.id}: {document.message}")
        raise typer.Exit(EXIT_INPUT)
    extractor = _extractor(patterns)
    claims = extractor.claims(document.text, str(path))
    outlets = [(o.start, o.end) for o in extractor.engine.outlets.find(document.text)]
    Console(width=width, highlight=False).print(article_view(document.text, claims, outlets))


@app.command()
def report(
    paths: Annotated[list[str], typer.Argument(help="Articles or folders.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    title: Annotated[str, typer.Option("--title", help="Title of the report.")] = (
        "talkclaims report"
    ),
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = (
        os.cpu_count() or 1
    ),
    patterns: PatternsOption = None,
) -> None:
    """Write one self-contained HTML report: charts, articles with claims marked, filters."""
    from talkclaims.io.readers import (
        Document,
        iter_documents,
    )
    from talkclaims.io.report import ArticleClaims, render_report
    from talkclaims.io.writers import atomic_output
    from talkclaims.run.parallel import process_documents

    names, rules = _inputs(paths, patterns)
    articles, failed = [], False
    documents = list(iter_documents(names))  # a report shows every text: kept in memory
    texts = {d.id: d.text for d in documents if isinstance(d, Document)}
    results = process_documents(documents, patterns or (), jobs, None, False, rules)
    for result in _with_progress(results, len(documents)):
        if result.error:
            failed = True
            _error(f"{result.doc}: {result.error}")
            continue
        articles.append(ArticleClaims(result.doc, texts[result.doc], result.claims))
    with atomic_output(output) as stream:
        stream.write(render_report(articles, title))
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


class StatsFormat(str, Enum):
    """Output formats of `talkclaims stats`."""

    table = "table"
    csv = "csv"
    json = "json"


class GroupBy(str, Enum):
    """What `talkclaims stats` counts claims by."""

    speaker = "speaker"
    source = "source"
    cue = "cue"
    doc = "doc"
    kind = "kind"


@app.command()
def stats(
    paths: Annotated[list[str], typer.Argument(help="Articles or folders.")],
    by: Annotated[GroupBy, typer.Option("--by", help="Group claims by this.")] = GroupBy.speaker,
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = StatsFormat.table,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = (
        os.cpu_count() or 1
    ),
    patterns: PatternsOption = None,
) -> None:
    """Count claims by speaker, outlet, cue, article or kind, with the share of each."""
    import csv
    import json

    from talkclaims.io.views import count_by
    from talkclaims.run.parallel import process_paths

    names, rules = _inputs(paths, patterns)
    failed = False

    def claims():
        nonlocal failed
        for result in process_paths(names, patterns or (), jobs, None, False, rules):
            if result.error:
                failed = True
                _error(f"{result.doc}: {result.error}")
            yield from result.claims

    counts = count_by(claims(), by.value)
    if fmt is StatsFormat.json:
        rows = [{by.value: c.name, "claims": c.claims, "share": round(c.share, 4)} for c in counts]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is StatsFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow([by.value, "claims", "share"])
        writer.writerows([c.name, c.claims, f"{c.share:.4f}"] for c in counts)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"claims by {by.value}", title_justify="left")
        table.add_column(by.value)
        table.add_column("claims", justify="right")
        table.add_column("share", justify="right")
        for c in counts:
            table.add_row(c.name, str(c.claims), f"{c.share:.1%}")
        Console(highlight=False).print(table)
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


class CheckFormat(str, Enum):
    """Output formats of `talkclaims check`."""

    text = "text"
    github = "github"
    junit = "junit"
    json = "json"


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Articles or folders to check.")],
    expect: Annotated[
        Path | None,
        typer.Option(
            "--expect", help="YAML list of checked attributions: doc, quote, speaker, sources."
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Claims written earlier by `extract --format yaml` "
            "(or json/jsonl): report what was added, removed or changed.",
        ),
    ] = None,
    require: Annotated[
        str, typer.Option("--require", help="Every claim must have these: speaker, source.")
    ] = "",
    kinds: Annotated[
        str, typer.Option("--kinds", help="Kinds of claim --require applies to.")
    ] = "direct,mixed",
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Ignore claims below this."),
    ] = 0.0,
    fmt: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="Findings format.", case_sensitive=False)
    ] = CheckFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write findings here (e.g. JUnit XML).")
    ] = None,
    patterns: PatternsOption = None,
) -> None:
    """Fail when a quote has no speaker or source, or a checked attribution changed.

    Exit codes: 0 every check passed, 1 a check failed, 2 usage or input error.
    """
    from talkclaims.io.readers import MissingPathError, ReadFailure, check_paths, iter_documents
    from talkclaims.io.writers import atomic_output
    from talkclaims.qa import checks
    from talkclaims.records import KINDS

    required = {r.strip() for r in require.split(",") if r.strip()}
    chosen = {k.strip() for k in kinds.split(",") if k.strip()}
    if required - {"speaker", "source"} or chosen - set(KINDS):
        _error(f"--require takes speaker,source and --kinds {','.join(KINDS)}")
        raise typer.Exit(EXIT_USAGE)
    try:
        check_paths(paths)
        expectations = checks.load_expectations(expect) if expect else []
        before = checks.load_baseline(baseline) if baseline else None
    except (MissingPathError, checks.CheckInputError) as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    extractor = _extractor(patterns)
    texts: dict[str, str] = {}
    failures = []
    documents = []
    for item in iter_documents(paths):
        if isinstance(item, ReadFailure):
            failures.append(item)
            _error(f"{item.id}: {item.message}")
        else:
            documents.append(item)
            texts[item.id] = item.text
    claims = {
        r.doc: [c for c in r.claims if c.confidence >= min_confidence]
        for r in extractor.process(documents)
    }
    findings = checks.check_expectations(
        expectations, claims, texts, extractor.engine.people.same_person
    )
    if before is not None:
        findings += checks.compare_baseline(before, claims, texts)
    if required:
        findings += checks.check_required(claims, texts, required, chosen)
    rendered = {
        CheckFormat.text: lambda: checks.format_text(findings),
        CheckFormat.github: lambda: checks.format_github(findings),
        CheckFormat.junit: lambda: checks.format_junit(findings, list(texts)),
        CheckFormat.json: lambda: checks.format_json(findings),
    }[fmt]()
    if output is None:
        sys.stdout.write(rendered)
    else:
        with atomic_output(output) as stream:
            stream.write(rendered)
    if failures:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_INPUT if findings else EXIT_OK)


def _with_progress(results: Iterator[DocumentResult], total: int) -> Iterator[DocumentResult]:
    """A progress bar on stderr for a person watching a long run; silent otherwise."""
    if total <= 5 or not sys.stderr.isatty():
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("articles", total=total)
        for result in results:
            yield result
            progress.advance(task)


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold YAML files.")],
    corpus_dir: Annotated[Path, typer.Argument(help="Folder holding the articles they answer.")],
    kinds: Annotated[
        str, typer.Option("--kinds", help="Comma-separated kinds to score: direct,indirect,mixed.")
    ] = "direct,indirect,mixed",
    show: Annotated[
        bool, typer.Option("--show", help="List missed, extra and misattributed claims.")
    ] = False,
    patterns: PatternsOption = None,
) -> None:
    """Score extraction against hand-checked gold (see the README for the rules)."""
    from rich.console import Console
    from rich.table import Table

    from talkclaims.qa.evaluate import GoldError, evaluate, gold_documents, load_gold_file
    from talkclaims.records import KINDS

    chosen = tuple(k.strip() for k in kinds.split(",") if k.strip())
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        _error(f"--kinds: unknown kind {', '.join(unknown) or '(none)'}; use {', '.join(KINDS)}")
        raise typer.Exit(EXIT_USAGE)
    for folder in (gold_dir, corpus_dir):
        if not folder.is_dir():
            _error(f"{folder}: not a directory")
            raise typer.Exit(EXIT_USAGE)
    extractor = _extractor(patterns)
    gold, predicted = {}, {}
    failed = False
    try:
        documents = gold_documents(gold_dir)
    except GoldError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE) from None
    for name, gold_path in documents.items():
        article = corpus_dir / name
        try:
            text = article.read_text(encoding="utf-8")
            gold[name] = load_gold_file(gold_path, text)
        except (OSError, UnicodeDecodeError, GoldError) as exc:
            failed = True
            _error(f"{article}: {exc}")
            continue
        predicted[name] = extractor.claims(text, name)
    results = evaluate(gold, predicted, chosen)
    console = Console(highlight=False)
    table = Table(title=f"{len(gold)} articles, kinds {','.join(chosen)}", title_justify="left")
    table.add_column("metric")
    for threshold in results:
        table.add_column(f"overlap ≥ {threshold:.0%}", justify="right")
    scores = [s for s, _ in results.values()]
    rows = [
        ("gold / predicted / matched", lambda s: f"{s.gold} / {s.predicted} / {s.matched}"),
        ("claims precision", lambda s: f"{s.precision:.3f}"),
        ("claims recall", lambda s: f"{s.recall:.3f}"),
        ("claims F1", lambda s: f"{s.f1:.3f}"),
        ("speaker accuracy", lambda s: f"{s.speaker_accuracy:.3f}"),
        ("attributed F1", lambda s: f"{s.attributed_f1:.3f}"),
        ("sources precision", lambda s: f"{s.sources_precision:.3f}"),
        ("sources recall", lambda s: f"{s.sources_recall:.3f}"),
        ("sources F1", lambda s: f"{s.sources_f1:.3f}"),
        ("cue accuracy", lambda s: f"{s.cue_accuracy:.3f}"),
    ]
    for label, cell in rows:
        table.add_row(label, *(cell(s) for s in scores))
    if show:
        _show(console, results[min(results)][1])
    console.print(table)
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


def _show(console, results) -> None:
    from rich.markup import escape

    for r in results:
        for g in r.missed:
            who = g.speakers[0] if g.speakers else None
            console.print(
                f"[red]missed[/red]  {r.doc} [{g.kind}] {escape(str(who))}: {escape(g.text[:100])}"
            )
        for p in r.extra:
            console.print(
                f"[yellow]extra[/yellow]   {r.doc}:{p.line} [{p.kind}/{p.rule}] "
                f"{escape(str(p.speaker))}: {escape(p.text[:100])}"
            )
        for m in r.matches:
            if not m.speaker_ok:
                said = escape(str(m.pred.speaker))
                accepted = escape(str(list(m.gold.speakers or [])))
                console.print(
                    f"[magenta]speaker[/magenta] {r.doc}:{m.pred.line} {said} ≠ {accepted}: "
                    f"{escape(m.gold.text[:80])}"
                )


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a half-written --output file is removed."""
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)

