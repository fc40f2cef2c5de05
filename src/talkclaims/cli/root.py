"""The Typer application: the root command, ``--version``, the commands, the entry point.

Each command lives in its own module (`talkclaims.cli.extract`, ...) as a plain function
over library calls; they are registered here in the order ``talkclaims --help`` lists
them. No command module imports spaCy at import time, so ``--help`` answers at once.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterable
from typing import Annotated, NoReturn, TextIO

import typer

from talkclaims import __version__
from talkclaims.cli.check import check
from talkclaims.cli.common import EXIT_OK, error
from talkclaims.cli.evaluate import evaluate
from talkclaims.cli.extract import extract
from talkclaims.cli.help import Command, Group
from talkclaims.cli.quotes import quotes
from talkclaims.cli.report import report
from talkclaims.cli.show import show
from talkclaims.cli.stats import stats

app = typer.Typer(
    cls=Group,
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


for command in (extract, show, report, stats, quotes, check, evaluate):
    app.command(cls=Command)(command)


#: Exit codes after a signal: 128 + its number, as a shell reports it.
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM

_terminated = False


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so a half-written --output file is removed; `main`
    then exits with 143 rather than Ctrl-C's 130."""
    global _terminated
    _terminated = True
    raise KeyboardInterrupt


class PipeClosed(BaseException):
    """Standard output's reader has gone. Like SIGPIPE, it stops the run at once: a
    BaseException, so that no command's ``except OSError`` mistakes it for a write error
    to report (``--output``'s are); `main` ends quietly with 0."""


class _Stdout:
    """``sys.stdout``, with a closed pipe (BrokenPipeError) raised as `PipeClosed`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed from None

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _pipe_closed() -> bool:
    """Whether Typer met a closed pipe: it then wraps stdout in a ``PacifyFlushWrapper``
    (click's, which Typer vendors) and exits with 1, which `main` turns into 0."""
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"


def _quiet_exit() -> NoReturn:
    """The reader of our output has gone (``talkclaims extract … | head -1``): stop with
    0, as ``cat`` does. Standard output is pointed at /dev/null so that the flush at
    interpreter exit has nowhere to fail (the Python documentation's advice on SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
    sys.exit(EXIT_OK)


def main() -> None:
    """Console entry point: Ctrl-C ends with code 130, SIGTERM with 143 (128 + the
    signal's number), a closed pipe (``talkclaims extract … | head``) quietly with 0."""
    signal.signal(signal.SIGTERM, _terminate)
    if sys.stdout is not None:
        sys.stdout = _Stdout(sys.stdout)  # type: ignore[assignment]
    try:
        try:
            app()
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught
    except SystemExit as exc:
        if _pipe_closed():
            _quiet_exit()
        if _terminated and exc.code == EXIT_INTERRUPTED:  # Typer's code for KeyboardInterrupt
            sys.exit(EXIT_TERMINATED)
        raise
    except KeyboardInterrupt:  # outside a command (while Typer starts)
        error("terminated" if _terminated else "interrupted")
        sys.exit(EXIT_TERMINATED if _terminated else EXIT_INTERRUPTED)
    except (PipeClosed, BrokenPipeError):
        _quiet_exit()
