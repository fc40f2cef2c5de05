"""``talkclaims extract``: claims of every article, streamed to one output in one format."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer

from talkclaims.cli.common import (
    DEFAULT_JOBS,
    EXIT_USAGE,
    FirstNamesOption,
    GlobOption,
    JobsForceOption,
    ModelOption,
    PatternsOption,
    error,
    finish,
    load_inputs,
    run_options,
    usage_error,
    with_progress,
    writing,
)
from talkclaims.write.writers import Format

if TYPE_CHECKING:
    from talkclaims.run.extract import DocumentResult


def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Files, folders (searched recursively for *.txt, *.md, *.html, *.htm, "
            "*.jsonl, *.ndjson, *.warc and *.warc.gz) or - for stdin.",
        ),
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here (atomically) instead of stdout; required with --format parquet.",
        ),
    ] = None,
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            help="Worker processes (default: the usable CPUs, also the most used without "
            "--jobs-force); the output is the same for any number.",
        ),
    ] = DEFAULT_JOBS,
    jobs_force: JobsForceOption = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
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
            help="JSON/JSON Lines/Parquet: add the text the offsets index (for HTML, the "
            "extracted article) to each record as document_text.",
        ),
    ] = False,
    glob: GlobOption = None,
    csv_raw: Annotated[
        bool,
        typer.Option("--csv-raw", help="CSV: keep cells starting with = + - @ as they are."),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for French-locale Excel: UTF-8 BOM, ; separators."),
    ] = False,
    group_quotes: Annotated[
        bool,
        typer.Option(
            "--group-quotes",
            help="Fill quote_group: the id of each quotation's group across the articles "
            "(as talkclaims quotes forms them). Nothing is written until every article is read.",
        ),
    ] = False,
) -> None:
    """Extract attributed quotes and reported claims from articles."""
    from talkclaims.run.parallel import process_paths
    from talkclaims.write.atomic import atomic_binary_output, atomic_output
    from talkclaims.write.writers import make_writer

    if dask and scheduler is not None:
        usage_error("--dask starts a local cluster, --scheduler uses a running one: give one")
    if fmt is Format.parquet:
        _check_parquet(output)
    for ignored, applies in (
        (excel and fmt is not Format.csv, "--excel applies to --format csv"),
        (csv_raw and fmt is not Format.csv, "--csv-raw applies to --format csv"),
        (
            with_text and fmt not in (Format.json, Format.jsonl, Format.parquet),
            "--with-text applies to json, jsonl, parquet",
        ),
        (group_quotes and fmt is Format.table, "--group-quotes applies to the data formats"),
    ):
        if ignored:
            error(f"warning: {applies} only: ignored with --format {fmt.value}")
    names, rules = load_inputs(paths, patterns, glob, output=output)
    options = run_options(patterns, jobs, rules, scheduler, dask, first_names, model, jobs_force)
    failed = False

    def run(stream: IO[str] | IO[bytes]) -> None:
        """Write every result as it comes; failures are reported and skipped."""
        nonlocal failed
        writer = make_writer(fmt, stream, csv_raw, excel, with_text)
        results = process_paths(names, options)
        if scheduler is not None or dask:
            results = _dask_failures(results, scheduler)
        results = with_progress(results, len(names))
        if group_quotes:
            from talkclaims.run.quotes import with_quote_groups

            results = with_quote_groups(results, fail_fast=fail_fast)
        try:
            for result in results:
                if result.warning:
                    error(f"warning: {result.doc}: {result.warning}")
                if result.error:
                    failed = True
                    error(f"{result.doc}: {result.error}")
                    if fail_fast:
                        break
                    continue
                writer.write(result.claims, result.text)
        finally:
            writer.close()

    from talkclaims.read.warc import warc_summaries

    with writing(output):
        try:
            with warc_summaries() as summaries:  # pages read and records skipped, per archive
                if output is None:
                    run(sys.stdout)
                elif fmt is Format.parquet:
                    with atomic_binary_output(output) as binary:
                        run(binary)
                else:
                    with atomic_output(output) as stream:
                        run(stream)
        except RuntimeError as exc:  # a back end that cannot start (Dask missing, no scheduler)
            error(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    for summary in summaries:
        error(summary.line())
    finish(failed)


def _check_parquet(output: Path | None) -> None:
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


def _dask_failures(
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
