"""The pattern files of a folder: which they are, how one is read safely, how a user's
are merged onto the shipped ones, and where a key stands in its file (FILE:LINE).

A user folder given with ``--patterns`` holds files of the shipped names; its lists are
appended to the shipped ones, so a file need carry only what is new. What such a folder
holds that talkclaims does not read (a misspelled file or key) is named with the closest
name it does read.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

PATTERN_FILES = (
    "verbs.yaml",
    "attributions.yaml",
    "outlets.yaml",
    "speakers.yaml",
    "grammar.yaml",
    "first_names.yaml",
)
#: The merged content of each pattern file: what `build_patterns` reads and what a saved
#: pipeline writes.
RuleData = dict[str, dict[str, Any]]


class PatternError(ValueError):
    """A pattern file that cannot be used; the message names the file and the line."""


def shipped_dir() -> Path:
    """The folder of the shipped pattern files (``patterns/``, installed in the package)."""
    return Path(str(resources.files("talkclaims.builtin_patterns")))


#: A pattern file is a few hundred lines; past this it is not one (or it is an attack).
MAX_FILE_BYTES = 2_000_000
#: Values a pattern file may hold once its aliases are expanded (« billion laughs »: a
#: few hundred bytes of anchors and aliases expanding to billions of values).
MAX_VALUES = 200_000


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` stands for with every alias expanded; aliases are shared
    nodes, so with ``sizes`` memoised this takes time linear in the file."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = 1  # a recursive alias counts once
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    else:
        size = 1
    sizes[id(node)] = min(size, MAX_VALUES + 1)
    return sizes[id(node)]


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PatternError(
                f"{path}: too large for a pattern file (over {MAX_FILE_BYTES:,} bytes)"
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: cannot read pattern file: {exc}") from exc
    try:
        # parsed once: the node graph is checked, then turned into values
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None and _expanded_size(node, {}) > MAX_VALUES:
                raise PatternError(
                    f"{path}: too large: its aliases expand to over {MAX_VALUES:,} values"
                )
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PatternError(f"{where}: invalid YAML: {problem}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PatternError(f"{path}:1: expected a mapping of lists at the top level")
    return data


def line_of(path: Path, key: str) -> int:
    """The 1-based line where a top-level key starts, for error messages (1 when the
    file cannot be read or does not hold the key)."""
    try:
        stat = path.stat()
    except OSError:
        return 1
    return _key_lines(str(path), stat.st_mtime_ns, stat.st_size).get(key, 1)


@lru_cache(maxsize=64)
def _key_lines(path: str, _mtime_ns: int, _size: int) -> dict[str, int]:
    """Line of each top-level key of a pattern file, as the YAML parser marks it: a key
    written in flow style (« {byline_patterns: […]} »), quoted or followed by a space
    before its colon is found where it is, not said to be on line 1."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes: aliases not expanded
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, _value in node.value:
        if isinstance(key, yaml.ScalarNode):
            lines.setdefault(str(key.value), key.start_mark.line + 1)
    return lines


def _merge(target: dict[str, Any], extra: dict[str, Any], path: Path) -> None:
    for key, value in extra.items():
        if value is None:
            continue
        if key not in target or target[key] is None:
            target[key] = value
        elif isinstance(target[key], list) and isinstance(value, list):
            target[key] = target[key] + value
        else:
            raise PatternError(
                f"{path}:{line_of(path, key)}: '{key}' must be a list to extend the shipped one"
            )


def merge_folder(merged: RuleData, origin: dict[str, Path], folder: Path) -> bool:
    """Append the pattern files of ``folder`` to ``merged``, file by file, and name each
    in ``origin``; whether the folder held any."""
    if not folder.is_dir():
        raise PatternError(f"{folder}: patterns folder not found")
    found = False
    for name in PATTERN_FILES:
        path = folder / name
        if path.exists():
            _merge(merged[name], read_yaml(path), path)
            origin[name] = path
            found = True
    return found


def pattern_files(folders: Iterable[str | Path]) -> list[Path]:
    """The YAML files of user pattern folders: what `load_patterns` opens (the pattern
    files, and the others it reads to warn about), so that no command writes over one."""
    found = []
    for folder in map(Path, folders):
        if folder.is_dir():
            found += sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return found


def unread_names(folders: Iterable[str | Path]) -> tuple[str, ...]:
    """Files and top-level keys of user pattern folders that talkclaims does not read,
    each with the closest name it does read (« verb.yaml »: did you mean verbs.yaml?)."""
    known_keys = _shipped_keys()
    found = []
    for folder in map(Path, folders):
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if path.name not in PATTERN_FILES:
                hint = _did_you_mean(path.name, PATTERN_FILES)
                found.append(f"{path}: not a pattern file talkclaims reads{hint}")
                continue
            for key in read_yaml(path):
                if key not in known_keys[path.name]:
                    found.append(
                        f"{path}:{line_of(path, str(key))}: unknown key '{key}'"
                        f"{_did_you_mean(str(key), known_keys[path.name])}"
                    )
    return tuple(found)


@lru_cache(maxsize=1)
def _shipped_keys() -> dict[str, frozenset[str]]:
    """The top-level keys of each shipped pattern file: what talkclaims reads (once)."""
    return {name: frozenset(read_yaml(shipped_dir() / name)) for name in PATTERN_FILES}


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]}?)" if close else ""
