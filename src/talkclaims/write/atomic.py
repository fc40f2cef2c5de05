"""Outputs written whole or not at all.

A file named with ``--output`` is written beside itself and renamed over the old one on
success, so a run that fails or is killed never leaves half a file (nor the temporary:
those of killed runs are removed by the next). What cannot be replaced, a FIFO or a
device, is written directly, and a standard stream (``/dev/stdout``) through the
descriptor the shell opened.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, cast

#: A temporary output of a writer: ``.NAME.PID.RANDOM.tmp`` beside NAME.
_TEMP = r"\.{name}\.(\d+)\.[A-Za-z0-9_]+\.tmp"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that killed runs left beside ``path`` (those whose
    writer's pid is no longer alive); a live run's file is left alone. Returns them."""
    pattern = re.compile(_TEMP.format(name=re.escape(path.name)))
    removed = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


_STANDARD = re.compile(r"/dev/(?:(stdout)|(stderr)|fd/(\d+))|/proc/self/fd/(\d+)")


def _standard_stream(path: Path) -> int | None:
    """The descriptor ``/dev/stdout``, ``/dev/stderr`` or ``/dev/fd/N`` names, if it does.

    Written through the descriptor rather than opened again: opening ``/dev/stdout``
    when the shell sent standard output to a file (``>> log``) would truncate the file.
    """
    match = _STANDARD.fullmatch(str(path.absolute()))
    if match is None:
        return None
    stdout, stderr, fd, proc_fd = match.groups()
    return 1 if stdout else 2 if stderr else int(fd or proc_fd)


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """Write ``path`` so that a failed or killed run never leaves half a file.

    A regular file (or a new one) is written to a temporary file beside it,
    ``.NAME.PID.RANDOM.tmp``, and renamed over it on success; temporaries left by runs
    that were killed (their pid is gone) are removed first. A symbolic link is followed:
    its target is replaced the same way, beside the target, and the link stays a link. A
    FIFO or a device (``/dev/null``) is written directly, since it cannot be replaced;
    ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that descriptor as the
    shell opened it (a pipe, a terminal, a file appended to).
    """
    with _atomic(path, binary=False) as stream:
        yield cast("IO[str]", stream)


@contextmanager
def atomic_binary_output(path: Path) -> Iterator[IO[bytes]]:
    """`atomic_output` for a binary format (Parquet): the same temporary file renamed on
    success, opened for bytes. A standard stream (``/dev/stdout``…) is refused with a
    `ValueError`: see `binary_output_problem`, which the CLI asks before any work."""
    if _standard_stream(Path(path)) is not None:
        raise ValueError(f"{path}: a binary format is not written to a standard stream")
    with _atomic(path, binary=True) as stream:
        yield cast("IO[bytes]", stream)


def binary_output_problem(path: Path) -> str | None:
    """Why a binary file cannot be written to ``path``, or None when it can.

    A standard stream (``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``) or a terminal
    (``/dev/tty``) would put bytes where a person or a text pipe reads. A FIFO or
    ``/dev/null`` is fine; a path that cannot be opened is left for the write to report.
    """
    if _standard_stream(Path(path)) is not None:
        return "a standard stream"
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if not stat.S_ISCHR(mode):
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        return "a terminal" if os.isatty(fd) else None
    finally:
        os.close(fd)


def _open(file: int | Path, binary: bool) -> IO[Any]:
    """A descriptor or a path opened for writing: bytes, or UTF-8 text as written."""
    if binary:
        return open(file, "wb")
    return open(file, "w", encoding="utf-8", newline="")


@contextmanager
def _atomic(path: Path, binary: bool) -> Iterator[IO[Any]]:
    """What `atomic_output` and `atomic_binary_output` describe, in text or in bytes."""
    path = Path(path)
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        special = False  # a new file, or a dangling link: created (through the link)
    fd = _standard_stream(path)
    if fd is not None:  # /dev/stdout, /dev/fd/N: the stream the shell opened, as it is
        sys.stdout.flush()
        with _open(os.dup(fd), binary) as stream:
            yield stream
        return
    if special or str(path.absolute()).startswith(("/dev/", "/proc/")):
        with _open(path, binary) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
    try:
        with _open(fd, binary) as stream:
            yield stream
        # mkstemp makes the file private; give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
