"""``talkclaims stats``: claims counted by speaker, outlet, cue, article or kind."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from talkclaims.cli.common import (
    DEFAULT_JOBS,
    JobsOption,
    PatternsOption,
    error,
    finish,
    load_inputs,
    run_options,
)
from talkclaims.cli.extract import articles_only
from talkclaims.write.writers import CountFormat

if TYPE_CHECKING:
    from talkclaims.records import Claim


class GroupBy(str, Enum):
    """What `talkclaims stats` counts claims by (`talkclaims.write.views.GROUPS`)."""

    speaker = "speaker"
    source = "source"
    cue = "cue"
    doc = "doc"
    kind = "kind"


def stats(
    paths: Annotated[list[str], typer.Argument(help="Articles or folders.")],
    by: Annotated[GroupBy, typer.Option("--by", help="Group claims by this.")] = GroupBy.speaker,
    fmt: Annotated[
        CountFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = CountFormat.table,
    jobs: JobsOption = DEFAULT_JOBS,
    patterns: PatternsOption = None,
    csv_raw: Annotated[
        bool,
        typer.Option("--csv-raw", help="CSV: keep names starting with = + - @ as they are."),
    ] = False,
) -> None:
    """Count claims by speaker, outlet, cue, article or kind, with the share of each."""
    from talkclaims.run.parallel import process_paths
    from talkclaims.write.views import count_by
    from talkclaims.write.writers import write_counts

    names, rules = load_inputs(paths, patterns)
    names = articles_only(names)
    options = run_options(patterns, jobs, rules)
    failed = False

    def claims() -> Iterator[Claim]:
        """Every claim of the run; an article that fails is reported and counts nothing."""
        nonlocal failed
        for result in process_paths(names, options):
            if result.error:
                failed = True
                error(f"{result.doc}: {result.error}")
            yield from result.claims

    write_counts(count_by(claims(), by.value), by.value, fmt, sys.stdout, csv_raw)
    finish(failed)
