"""``talkclaims report``: one self-contained HTML file of every article and its claims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talkclaims.cli.common import (
    DEFAULT_JOBS,
    FirstNamesOption,
    GlobOption,
    JobsForceOption,
    JobsOption,
    ModelOption,
    PatternsOption,
    finish,
    load_inputs,
    report_result,
    run_options,
    with_progress,
    writing,
)


def report(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Articles or folders.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.")
    ],
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="Title of the report.")] = (
        "talkclaims report"
    ),
    jobs: JobsOption = DEFAULT_JOBS,
    jobs_force: JobsForceOption = False,
    glob: GlobOption = None,
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
) -> None:
    """Write one self-contained HTML report: charts, articles with claims marked, filters."""
    from talkclaims.read.readers import Document, iter_documents
    from talkclaims.run.parallel import process_documents
    from talkclaims.write.atomic import atomic_output
    from talkclaims.write.report import ArticleClaims, render_report

    names, rules = load_inputs(paths, patterns, glob, output=output)
    articles, failed = [], False
    documents = list(iter_documents(names))  # a report shows every text: kept in memory
    texts = {d.id: d.text for d in documents if isinstance(d, Document)}
    results = process_documents(
        documents,
        run_options(
            patterns, jobs, rules, first_names=first_names, model=model, jobs_force=jobs_force
        ),
    )
    for result in with_progress(results, len(documents)):
        if report_result(result):
            failed = True
            continue
        articles.append(ArticleClaims(result.doc, texts[result.doc], result.claims))
    with writing(output), atomic_output(output) as stream:
        stream.write(render_report(articles, title))
    finish(failed)
