"""Checks of the values a pattern file holds, each naming the file and the line of its
key when a value is not what the rules can read: lists of strings, records with a name,
locutions, groups of words, and regular expressions, compiled and tried on lines where a
pattern that backtracks would run for seconds or hours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from talkclaims.lang.pattern_folders import PatternError, line_of


def strings(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternError(
            f"{path}:{line_of(path, key)}: '{key}' must be a list of non-empty strings"
        )
    return value


def records(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise PatternError(f"{path}:{line_of(path, key)}: '{key}' must be a list")
    for item in value:
        name = item.get("name") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise PatternError(
                f"{path}:{line_of(path, key)}: every entry of '{key}' needs a non-empty "
                f"'name' (found {short_repr(item)})"
            )
        for sub in ("aliases", "roles"):
            extra = item.get(sub) or []
            if not isinstance(extra, list) or not all(isinstance(v, str) for v in extra):
                raise PatternError(
                    f"{path}:{line_of(path, key)}: '{sub}' of {item['name']!r} must be a "
                    "list of strings"
                )
            if any(not v.strip() for v in extra):
                raise PatternError(
                    f"{path}:{line_of(path, key)}: '{sub}' of {item['name']!r} has an empty string"
                )
    return value


def short_repr(value: object, limit: int = 80) -> str:
    """A repr for an error message, cut: the value may be large."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locutions(data: dict[str, Any], key: str, path: Path) -> list[tuple[str, ...]]:
    """Each entry of ``key`` a list of two lemmas or more (« faire savoir »)."""
    found = []
    for item in data.get(key) or []:
        if (
            not isinstance(item, list)
            or len(item) < 2
            or not all(isinstance(w, str) and w.strip() for w in item)
        ):
            raise PatternError(
                f"{path}:{line_of(path, key)}: each locution is a list of "
                f"two lemmas or more (found {short_repr(item)})"
            )
        found.append(tuple(item))
    return found


def role_groups(data: dict[str, Any], key: str, path: Path) -> list[list[str]]:
    """Groups of role nouns, each a list of non-empty strings (nouns of one role)."""
    groups = data.get(key) or []
    if not isinstance(groups, list) or not all(
        isinstance(group, list) and all(isinstance(x, str) and x.strip() for x in group)
        for group in groups
    ):
        raise PatternError(
            f"{path}:{line_of(path, key)}: '{key}' must be a list of lists of role nouns"
        )
    return groups


#: What a user's regular expression is tried on when it is loaded: each unit repeated
#: a thousand times between a lead and a tail that the pattern may fail on, the lines
#: on which nested quantifiers (« (a+)+$ », « (a|aa)+$ ») backtrack for seconds or
#: hours. The units are these, and the pattern's own characters and words
#: (`_probe_units`): a pattern backtracks on the text its repeated part matches, and
#: « (b+)+$ », « (\d+)+$ », « (é|éé)+$ » or « ((ab)+)+$ » match no fixed alphabet.
_PROBE_UNITS = ("a", "A", "1", " ", "é", "A ", "a1", "(", ".", "(A,")
_PROBE_ENDS = (("", "!"), ("(", "\n"), ("", "\x00"))
#: What an escape stands for in a probe (« \d » is tried on digits).
_ESCAPE_UNITS = {"d": "1", "w": "a", "s": " ", "D": "a", "W": "!", "S": "a", "p": "a"}
#: How long one probe may take, and one line at run time (`OutletFinder`).
REGEX_TIMEOUT = 0.1


def _probe_units(pattern: str) -> list[str]:
    """The units of the probes for ``pattern``: the fixed ones, each character of the
    pattern, what its escapes stand for, and the words written in it."""
    escapes = [_ESCAPE_UNITS.get(letter) for letter in re.findall(r"\\(\w)", pattern)]
    return list(
        dict.fromkeys(
            [
                *_PROBE_UNITS,
                *(ch for ch in pattern if not ch.isspace()),
                *(unit for unit in escapes if unit),
                *re.findall(r"[^\W\d_]{2,}", pattern),
            ]
        )
    )


@lru_cache(maxsize=256)
def _slow_regex(pattern: str) -> bool:
    """Whether ``pattern`` backtracks for long on one of its probes (the shipped ones are
    tried once a process)."""
    compiled = regex.compile(pattern, flags=regex.VERSION0)
    for unit in _probe_units(pattern):
        for lead, tail in _PROBE_ENDS:
            try:
                compiled.search(f"{lead}{unit * 1000}{tail}", timeout=REGEX_TIMEOUT)
            except TimeoutError:
                return True
    return False


def checked_regex(pattern: str, path: Path, key: str) -> regex.Pattern[str]:
    """``pattern`` compiled by the ``regex`` engine, which can time out; one that does not
    compile, or that backtracks for long on the probes, is an error naming the file.

    Slowness is judged by a timed run on adversarial lines, not by the pattern's shape:
    the engine defuses some textbook shapes (« ([A-Z]+)*\\) » runs fast on it), and a
    check of nested quantifiers would refuse safe patterns such as the shipped
    « (?:\\s*[,/]\\s*[A-Z][A-Za-z]{1,10})* », where each repeat must take a comma.
    """
    where = f"{path}:{line_of(path, key)}"
    try:
        compiled = regex.compile(pattern, flags=regex.VERSION0)
    except regex.error as exc:
        raise PatternError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
    if _slow_regex(pattern):
        raise PatternError(
            f"{where}: regular expression {pattern!r} is too slow (it backtracks on "
            "repeated text): avoid nested quantifiers such as (a+)+"
        )
    return compiled
