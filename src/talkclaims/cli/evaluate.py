"""``talkclaims evaluate``: extraction scored against hand-checked gold.

The scoring is `talkclaims.qa.evaluate.evaluate_corpus`; the command checks its options,
reports the articles that could not be scored and prints the table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talkclaims.cli.common import (
    FirstNamesOption,
    ModelOption,
    PatternsOption,
    error,
    finish,
    load_extractor,
    usage_error,
)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold YAML files.")],
    corpus_dir: Annotated[Path, typer.Argument(help="Folder holding the articles they answer.")],
    kinds: Annotated[
        str,
        typer.Option(
            "--kinds",
            metavar="KINDS",
            help="Comma-separated kinds to score: direct,indirect,mixed.",
        ),
    ] = "direct,indirect,mixed",
    show: Annotated[
        bool, typer.Option("--show", help="List missed, extra and misattributed claims.")
    ] = False,
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
) -> None:
    """Score extraction against hand-checked gold (see the README for the rules)."""
    from rich.console import Console

    from talkclaims.qa.evaluate import GoldError, evaluate_corpus
    from talkclaims.records import KINDS
    from talkclaims.write.views import mismatch_lines, scores_table

    chosen = tuple(k.strip() for k in kinds.split(",") if k.strip())
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        usage_error(
            f"--kinds: unknown kind {', '.join(unknown) or '(none)'}; use {', '.join(KINDS)}"
        )
    for folder in (gold_dir, corpus_dir):
        if not folder.is_dir():
            usage_error(f"{folder}: not a directory")
    extractor = load_extractor(patterns, first_names, model)
    try:
        outcome = evaluate_corpus(gold_dir, corpus_dir, extractor, chosen)
    except GoldError as exc:
        usage_error(str(exc))
    for issue in outcome.issues:
        error(f"{'warning: ' if issue.warning else ''}{issue.path}: {issue.message}")
    if outcome.failed:
        # scores over the other articles would read as the scores of the gold set
        usage_error(f"{gold_dir}: not scored: an article of the gold set could not be scored")
    if not outcome.articles:
        usage_error(f"{gold_dir}: no gold file (YAML with a list of claims) to score")
    console = Console(highlight=False)
    if show:
        lowest = min(outcome.results)  # the loosest threshold: every near miss is listed
        for line in mismatch_lines(outcome.results[lowest][1]):
            console.print(line)
    scores = [s for s, _ in outcome.results.values()]
    console.print(scores_table(scores, outcome.articles, chosen))
    finish(False)
