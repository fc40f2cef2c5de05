"""Folding text for comparisons: accents, case, apostrophes, transliterations.

Russian and Ukrainian names reach French text through several transliterations
(Iouri Ouchakov, Youri Ouchakov, Yuri Ushakov). `name_key` folds the usual variants
(accents, ou/u, y/i, kh/h, ch/sh/tch, doubled letters, -off/-ov) so that a spelling the
patterns do not list still finds its person. Pure functions over strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Applied in order, on lower-case text without accents.
_FOLDS = (
    ("shch", "sh"),
    ("chtch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("ch", "sh"),
    ("kh", "h"),
    ("ou", "u"),
    ("iou", "iu"),
    ("you", "iu"),
    ("yu", "iu"),
    ("y", "i"),
    ("j", "i"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("w", "v"),
    ("ks", "x"),
    ("ph", "f"),
    ("ie", "i"),
    ("ei", "i"),
    ("ii", "i"),
)


def strip_accents(text: str) -> str:
    """« Sergueï Lavrov » → « Serguei Lavrov »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and spaces normalised (for comparisons)."""
    text = strip_accents(text).lower().replace("’", "'")
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A transliteration-insensitive key for one name or word."""
    key = re.sub(r"[^a-z ]", "", fold(name).replace("-", " "))
    for old, new in _FOLDS:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters: Witkoff / Witkof
    key = re.sub(r"f\b", "v", key)  # Russian -ov written -off in older French: Smirnoff
    return " ".join(key.split())
