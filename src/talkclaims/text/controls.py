"""The one guard between text talkclaims did not write and a person's terminal.

Article text, document ids, file names and baseline fields are data: printed as they are,
an ``ESC ]0;…BEL`` would retitle the terminal, ``ESC [2J`` clear it, ``ESC ]8;;URL``
plant a link, and a right-to-left override (U+202E) make the text read backwards from
what it holds. `printable` shows each such character as one visible character, so the
length never changes and offsets stay valid. It is applied where text leaves for a
person (the tables, `show`, `check`'s text and GitHub formats, `evaluate --show`, every
error and warning line); the data formats (JSON, JSON Lines, CSV, YAML, Parquet, JUnit
XML) keep the text exactly as read.
"""

from __future__ import annotations

import re

#: What a terminal would obey: C0 controls but newline and tab, a lone CR, DEL, C1; and
#: the bidirectional embedding, override and isolate controls (U+202A-U+202E,
#: U+2066-U+2069), which reorder what follows them (« Trojan Source »).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
#: The same, and every line end: for what must stay one line (an error message).
_CONTROL_OR_LINE_END = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode's control pictures: ESC is ␛, BEL ␇, LF ␊
    return "\u2421" if code == 0x7F else "\ufffd"  # DEL ␡; C1 and bidi have no picture


def printable(text: str, one_line: bool = False) -> str:
    """``text`` with every control character a terminal would obey (ESC, BEL, a lone CR,
    C1, the bidi overrides…) shown as one visible character, so that text from an
    article or a file name cannot retitle, clear or reorder the terminal it is shown in.
    Newline, tab and CRLF stay, unless ``one_line`` (an error message: a newline in a
    file name must not start a line of its own) shows them too, but tab. The length
    never changes, so offsets into the text stay valid. For what is printed for a person
    only: the data formats keep the text as read."""
    return (_CONTROL_OR_LINE_END if one_line else _CONTROL).sub(_picture, text)
