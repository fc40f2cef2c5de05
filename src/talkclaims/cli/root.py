"""The Typer application: the root command, ``--version``, the commands, the entry point.

Each command lives in its own module (`talkclaims.cli.extract`, ...) as a plain function
over library calls; they are registered here in the order ``talkclaims --help`` lists
them. No command module imports spaCy at import time, so ``--help`` answers at once.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from talkclaims import __version__
from talkclaims.cli.check import check
from talkclaims.cli.common import EXIT_OK, error
from talkclaims.cli.evaluate import evaluate
from talkclaims.cli.extract import extract
from talkclaims.cli.report import report
from talkclaims.cli.show import show
from talkclaims.cli.stats import stats

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Find who said what, and according to whom, in French news articles.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"talkclaims {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Find who said what, and according to whom, in French news articles."""


for command in (extract, show, report, stats, check, evaluate):
    app.command()(command)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a half-written --output file is removed."""
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point: Ctrl-C and SIGTERM end with one line and code 130, a closed
    pipe (``talkclaims extract … | head``) quietly with 0."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
