"""``talkclaims show``: one article in the terminal, its claims marked, with a legend."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talkclaims.cli.common import EXIT_INPUT, PatternsOption, error, load_extractor, usage_error


def show(
    path: Annotated[Path, typer.Argument(help="The article to show.")],
    patterns: PatternsOption = None,
    width: Annotated[
        int | None, typer.Option("--width", help="Columns (default: terminal).")
    ] = None,
) -> None:
    """Print an article with its claims highlighted by kind and a numbered legend."""
    from rich.console import Console

    from talkclaims.read.readers import ReadFailure, read_path
    from talkclaims.write.views import article_view

    if path.is_dir():
        usage_error(f"{path}: is a directory, not a file")
    if not path.exists():
        usage_error(f"{path}: no such file")
    document = read_path(str(path))
    if isinstance(document, ReadFailure):
        error(f"{document.id}: {document.message}")
        raise typer.Exit(EXIT_INPUT)
    extractor = load_extractor(patterns)
    claims = extractor.claims(document.text, str(path))
    outlets = [(o.start, o.end) for o in extractor.engine.outlets.find(document.text)]
    Console(width=width, highlight=False).print(article_view(document.text, claims, outlets))
