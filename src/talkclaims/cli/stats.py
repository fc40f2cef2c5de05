"""``talkclaims stats``: claims counted by one key (speaker, outlet, cue, article, kind,
speaker type or gender…), or by two as a cross-table (``--by outlet,speaker_type``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from talkclaims.cli.common import (
    DEFAULT_JOBS,
    FirstNamesOption,
    GlobOption,
    JobsForceOption,
    JobsOption,
    ModelOption,
    PatternsOption,
    error,
    finish,
    load_inputs,
    report_result,
    run_options,
    usage_error,
    with_progress,
    writing,
)
from talkclaims.write.counts import CountFormat
from talkclaims.write.views import GROUPS

if TYPE_CHECKING:
    from talkclaims.records import Claim


def _complete_by(incomplete: str) -> list[str]:
    """Shell completion of ``--by``: a key, or a second key after « FIRST, »."""
    first, comma, rest = incomplete.rpartition(",")
    if not comma:
        return [key for key in GROUPS if key.startswith(rest)]
    return [f"{first},{key}" for key in GROUPS if key.startswith(rest) and key != first]


def stats(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Articles or folders.")],
    by: Annotated[
        str,
        typer.Option(
            "--by",
            metavar="KEY[,KEY]",
            help=f"Group claims by this key, or cross two keys (FIRST,SECOND: a row per "
            f"FIRST value, a count and a share per SECOND value). Keys: {', '.join(GROUPS)}.",
            autocompletion=_complete_by,
        ),
    ] = "speaker",
    fmt: Annotated[
        CountFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = CountFormat.table,
    jobs: JobsOption = DEFAULT_JOBS,
    jobs_force: JobsForceOption = False,
    glob: GlobOption = None,
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
    csv_raw: Annotated[
        bool,
        typer.Option("--csv-raw", help="CSV: keep names starting with = + - @ as they are."),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for French-locale Excel: UTF-8 BOM, ; separators."),
    ] = False,
) -> None:
    """Count claims by speaker, outlet, cue, article, kind, speaker type or gender, with
    the share of each; two keys give a cross-table."""
    from talkclaims.run.parallel import process_paths
    from talkclaims.write.counts import write_counts, write_cross
    from talkclaims.write.views import count_by, cross_count, parse_groups

    for given, flag in ((excel, "--excel"), (csv_raw, "--csv-raw")):
        if given and fmt is not CountFormat.csv:
            error(
                f"warning: {flag} applies to --format csv only: ignored with --format {fmt.value}"
            )
    try:  # a bad --by is refused before any article is read
        keys = parse_groups(by)
    except ValueError as exc:
        usage_error(str(exc))
    names, rules = load_inputs(paths, patterns, glob)
    options = run_options(
        patterns, jobs, rules, first_names=first_names, model=model, jobs_force=jobs_force
    )
    failed = False

    def claims() -> Iterator[Claim]:
        """Every claim of the run; an article that fails is reported and counts nothing."""
        nonlocal failed
        for result in with_progress(process_paths(names, options), len(names)):
            if report_result(result):
                failed = True
            yield from result.claims

    with writing(None):
        if len(keys) == 1:
            write_counts(count_by(claims(), keys[0]), keys[0], fmt, sys.stdout, csv_raw, excel)
        else:
            write_cross(cross_count(claims(), *keys), fmt, sys.stdout, csv_raw, excel)
    finish(failed)
