"""Load the rule data of ``patterns/`` (shipped in the package) and a user's own files.

The rules are data so that a journalist can add a verb, an outlet or a person without
reading code. A user folder given with ``--patterns`` holds files of the same names;
its lists are appended to the shipped ones, so a file need carry only what is new.

Loading takes four steps, each a module of its own: the files are read and merged
(`pattern_folders`, which also finds the line of a key for an error), their values are
checked (`pattern_checks`), and each file's builder (`pattern_build`) fills its fields
of `Patterns` (`pattern_tables`), the tables every rule reads. The rest of talkclaims
imports what it needs of them from here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from talkclaims.lang.pattern_build import build_patterns
from talkclaims.lang.pattern_checks import REGEX_TIMEOUT
from talkclaims.lang.pattern_folders import (
    MAX_FILE_BYTES,
    MAX_VALUES,
    PATTERN_FILES,
    PatternError,
    RuleData,
    merge_folder,
    pattern_files,
    shipped_dir,
    unread_names,
)
from talkclaims.lang.pattern_tables import Outlet, Patterns, Person

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_VALUES",
    "PATTERN_FILES",
    "REGEX_TIMEOUT",
    "Outlet",
    "PatternError",
    "Patterns",
    "Person",
    "RuleData",
    "build_patterns",
    "load_patterns",
    "pattern_files",
    "read_rule_data",
    "shipped_patterns",
    "unread_names",
]


def read_rule_data(
    extra_dirs: Iterable[str | Path] = (), builtin: bool = True, check: bool = False
) -> tuple[RuleData, dict[str, Path]]:
    """The pattern files of the shipped folder (unless ``builtin`` is false) and of each
    folder in ``extra_dirs``, merged file by file: lists of later folders are appended.

    ``origin`` names, for each file name, the last folder's file of that name: what the
    checks of `build_patterns` report a problem against. With ``check``, the data merged
    so far is checked after each folder but the last (which the caller checks), so that
    a problem in an earlier folder's file is reported against that file, not against a
    later folder's file of the same name.
    """
    folders = [*([shipped_dir()] if builtin else []), *(Path(d) for d in extra_dirs)]
    merged: RuleData = {name: {} for name in PATTERN_FILES}
    origin: dict[str, Path] = {}
    for number, folder in enumerate(folders, 1):
        found = merge_folder(merged, origin, folder)
        if check and found and number < len(folders) and not (builtin and number == 1):
            build_patterns(merged, origin)
    for name in PATTERN_FILES:
        origin.setdefault(name, (folders[0] if folders else shipped_dir()) / name)
    return merged, origin


def load_patterns(extra_dirs: Iterable[str | Path] = ()) -> Patterns:
    """Merge the shipped pattern files with those of each folder in ``extra_dirs``; what
    those folders hold that is not read is listed in ``warnings``."""
    extra_dirs = list(extra_dirs)
    merged, origin = read_rule_data(extra_dirs, check=True)
    patterns = build_patterns(merged, origin)
    warnings = unread_names(extra_dirs)
    return dataclasses.replace(patterns, warnings=warnings) if warnings else patterns


@lru_cache(maxsize=1)
def shipped_patterns() -> Patterns:
    """The shipped rule data alone, loaded once: what the model pipeline's own steps
    (the sentence splitter) read, whatever pattern folders the rules are given."""
    return load_patterns()
