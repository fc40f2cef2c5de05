"""``talkclaims quotes``: the quotations printed more than once, across the articles.

Articles are extracted as ``extract`` extracts them (same options, same back ends);
files of claims ``extract`` wrote (JSON Lines, JSON, Parquet) are read as they are. The
grouping is `talkclaims.corpus.groups`, the formats `talkclaims.write.quotes`.
"""

from __future__ import annotations

from pathlib import Path
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
from talkclaims.write.quotes import QuoteFormat

MinWordsOption = Annotated[
    int,
    typer.Option(
        "--min-words",
        metavar="N",
        min=2,
        help="Quotations of fewer words are not grouped (short formulas are said by many).",
    ),
]


def quotes(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Articles and folders (read as extract reads them), or files of claims "
            "extract wrote (JSON Lines, JSON, Parquet).",
        ),
    ],
    min_articles: Annotated[
        int,
        typer.Option(
            "--min-articles",
            metavar="N",
            min=1,
            help="List quotations printed in this many articles.",
        ),
    ] = 2,
    min_words: MinWordsOption = 5,
    fmt: Annotated[
        QuoteFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = QuoteFormat.table,
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
            "--jobs-force); the groups are the same for any number.",
        ),
    ] = DEFAULT_JOBS,
    jobs_force: JobsForceOption = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Extract on a Dask cluster: its scheduler address.",
        ),
    ] = None,
    dask: Annotated[
        bool, typer.Option("--dask", help="Extract on a local Dask cluster (the dask extra).")
    ] = False,
    glob: GlobOption = None,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")
    ] = False,
    csv_raw: Annotated[
        bool,
        typer.Option("--csv-raw", help="CSV: keep cells starting with = + - @ as they are."),
    ] = False,
) -> None:
    """Group the same quotation across articles and outlets (cut, elided, a few words
    changed), and list those printed more than once: wording, articles, speakers,
    outlets, first seen."""
    from talkclaims.corpus.groups import QuoteGrouper
    from talkclaims.lang.people import SpeakerIndex
    from talkclaims.qa.checks import CheckInputError, iter_claims
    from talkclaims.run.parallel import process_paths
    from talkclaims.write.quotes import write_groups

    if dask and scheduler is not None:
        usage_error("--dask starts a local cluster, --scheduler uses a running one: give one")
    if fmt is QuoteFormat.parquet:
        check_parquet_output(output)
    if csv_raw and fmt is not QuoteFormat.csv:
        error(f"warning: --csv-raw applies to --format csv only: ignored with --format {fmt.value}")
    claim_files: list[str] = []
    names, rules = load_inputs(paths, patterns, glob, output=output, claims=claim_files)
    grouper = QuoteGrouper(min_words)
    failed = False
    for name in claim_files:
        try:
            for claim in iter_claims(Path(name)):
                grouper.add(claim)
        except CheckInputError as exc:  # the claims read before the bad record are kept
            failed = True
            error(str(exc))
            if fail_fast:
                break
    if names and not (failed and fail_fast):
        options = run_options(
            patterns, jobs, rules, scheduler, dask, first_names, model, jobs_force
        )
        results = process_paths(names, options)
        if scheduler is not None or dask:
            results = dask_failures(results, scheduler)
        try:
            for result in with_progress(results, len(names)):
                if report_result(result):
                    failed = True
                    if fail_fast:
                        break
                    continue
                grouper.add_all(result.claims)
        except RuntimeError as exc:  # a back end that cannot start (Dask missing, no scheduler)
            error(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
    grouping = grouper.group()
    groups = grouping.summaries(SpeakerIndex(rules), min_articles)

    def write(stream: IO[str] | IO[bytes]) -> None:
        write_groups(groups, fmt, stream, csv_raw)

    with writing(output):
        write_output(output, fmt is QuoteFormat.parquet, write)
    quoted = sum(1 for v in grouper.claim_variant if v >= 0)
    error(
        f"{len(grouper)} claim(s), {quoted} quotation(s) of {min_words}+ words in "
        f"{len(grouping.canonical)} group(s); {len(groups)} printed in {min_articles}+ "
        "article(s)"
    )
    finish(failed)
