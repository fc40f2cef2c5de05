"""One safe JSON parser for every JSON Lines line talkclaims reads: dumps of articles,
and the claims files `extract` wrote (read back by ``check --baseline`` and recognised
by every command that walks a folder).

Python's `json.loads` lets a hostile line stop a whole run: a line nested 100,000 deep
raises `RecursionError`, a number of more than 4,300 digits a `ValueError` about
``sys.set_int_max_str_digits``, and it accepts ``NaN`` and ``Infinity``, which are not
JSON. Here each of these is a `JsonLineError` with one line a person can read, so the
caller reports that line (``FILE:LINE: problem``) and goes on with the others.
"""

from __future__ import annotations

import json
import math
import re
from typing import NoReturn

#: Digits in an integer: Python's own default limit (``sys.int_info.default_max_str_digits``).
MAX_INT_DIGITS = 4300
#: A ``\\uD800``-``\\uDFFF`` escape: only then can a decoded string hold a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonLineError(ValueError):
    """A line that is not JSON talkclaims can use, with a one-line reason."""


def _refuse_constant(name: str) -> NoReturn:
    raise JsonLineError(f"invalid JSON: {name} is not a JSON value")


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonLineError(
            f"invalid JSON: a number too long to read (over {MAX_INT_DIGITS:,} digits)"
        )
    return int(digits)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonLineError(f"invalid JSON: a number out of range ({text[:20]}…)")
    return value


def _replace_surrogates(value: object) -> tuple[object, int]:
    """``value`` with each lone surrogate of its strings (keys too) replaced by U+FFFD,
    one for one, and how many were replaced. Recursion is bounded: the value was parsed
    by `json.loads`, which refuses nesting deeper than the interpreter's own stack."""
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        pairs = [_replace_surrogates(item) for item in value]
        return [item for item, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        out, count = {}, 0
        for key, item in value.items():
            new_key, n = _SURROGATE.subn("\ufffd", key)
            out[new_key], m = _replace_surrogates(item)
            count += n + m
        return out, count
    return value, 0


#: A JSON decoder that refuses what `parse_json_line` refuses, for a reader that decodes
#: item by item (``raw_decode``); it raises `JsonLineError` for those values.
DECODER = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_refuse_constant)


def parse_json_line(line: str) -> tuple[object, str | None]:
    """The value of one JSON text (a JSON Lines line, or a whole ``.json`` file) and a
    warning, or a `JsonLineError`; never another exception, whatever the text.

    Refused: invalid JSON (its column said), nesting deeper than Python's stack allows,
    integers of more than 4,300 digits, numbers out of a float's range, and ``NaN``,
    ``Infinity`` and ``-Infinity`` (accepted by `json.loads`, but not JSON). A string
    with a lone UTF-16 surrogate (``"\\ud800"``, half of an emoji cut by another tool)
    cannot be written as UTF-8: each is replaced by U+FFFD, one for one, and the warning
    says how many.
    """
    try:
        value = DECODER.decode(line)
    except JsonLineError:
        raise
    except json.JSONDecodeError as exc:
        where = (
            f"line {exc.lineno}, column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        )
        raise JsonLineError(f"invalid JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise JsonLineError("invalid JSON: nested too deep") from None
    except (ValueError, TypeError, OverflowError) as exc:  # anything else json may raise
        raise JsonLineError(f"invalid JSON: {exc}") from None
    if not _SURROGATE_ESCAPE.search(line):
        return value, None
    try:
        value, replaced = _replace_surrogates(value)
    except RecursionError:
        raise JsonLineError("invalid JSON: nested too deep") from None
    if not replaced:
        return value, None
    return value, f"{replaced} lone surrogate{'s' if replaced > 1 else ''} replaced by U+FFFD"
