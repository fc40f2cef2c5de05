"""``talkclaims show``: one article in the terminal, its claims marked, with a legend."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talkclaims.cli.common import (
    EXIT_INPUT,
    FirstNamesOption,
    ModelOption,
    PatternsOption,
    error,
    load_extractor,
    usage_error,
)


def show(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="The article to show.")],
    patterns: PatternsOption = None,
    first_names: FirstNamesOption = True,
    model: ModelOption = None,
    width: Annotated[
        int | None, typer.Option("--width", metavar="N", min=1, help="Columns (default: terminal).")
    ] = None,
) -> None:
    """Print an article with its claims highlighted by kind and a numbered legend."""
    from rich.console import Console
    from rich.text import Text

    from talkclaims.read.readers import ReadFailure, read_items
    from talkclaims.text.controls import printable
    from talkclaims.write.views import article_view

    if path.is_dir():
        usage_error(f"{path}: is a directory, not a file")
    if not path.exists():
        usage_error(f"{path}: no such file")
    # as `extract` reads it: the article of an HTML page, each article of a dump
    documents = list(read_items(str(path)))
    extractor = load_extractor(patterns, first_names, model)
    console = Console(width=width, highlight=False)
    failed = False
    for document in documents:
        if isinstance(document, ReadFailure):
            error(f"{document.id}: {document.message}")
            failed = True
            continue
        if document.warning:
            error(f"warning: {document.id}: {document.warning}")
        if len(documents) > 1:
            console.rule(Text(printable(document.id)))  # text, not markup
        claims = extractor.claims(document.text, document.id)
        outlets = [(o.start, o.end) for o in extractor.engine.outlets.find(document.text)]
        console.print(article_view(document.text, claims, outlets))
    if failed:
        raise typer.Exit(EXIT_INPUT)
