"""``talkclaims extract``: claims of every article, streamed to one output in one format."""

from __future__ import annotations

from typing import IO, Annotated

import typer

from talkclaims.cli.common import (
    DEFAULT_JOBS,
    EXIT_USAGE,
    FirstNamesOption,
    GlobOption,
    JobsForceOption,
    ModelOption,
    OutputOption,
    PatternsOption,
    check_parquet_output,
    dask_failures,
    error,
    finish,
    load_inputs,
    report_result,
    run_options,
    usage_error,
    with_progress,
    write_output,
    writing,
)
from talkclaims.write.writers import Format


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
    output: OutputOption = None,
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
    from talkclaims.write.writers import make_writer

    if dask and scheduler is not None:
        usage_error("--dask starts a local cluster, --scheduler uses a running one: give one")
    if fmt is Format.parquet:
        check_parquet_output(output)
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
            results = dask_failures(results, scheduler)
        results = with_progress(results, len(names))
        if group_quotes:
            from talkclaims.run.quotes import with_quote_groups

            results = with_quote_groups(results, fail_fast=fail_fast)
        try:
            for result in results:
                if report_result(result):
                    failed = True
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
                write_output(output, fmt is Format.parquet, run)
        except RuntimeError as exc:  # a back end that cannot start (Dask missing, no scheduler)
            error(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    for summary in summaries:
        error(summary.line())
    finish(failed)
