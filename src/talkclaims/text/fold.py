"""Folding text for comparisons: accents, case, apostrophes and spaces.

Pure functions over strings: « Sergueï » and « serguei », « d’après » and « d'après »
compare equal once folded. Folding the transliterations of names, which needs the rule
data, is `talkclaims.lang.people.name_key`.
"""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """« Sergueï Lavrov » → « Serguei Lavrov »."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and spaces normalised (for comparisons)."""
    text = strip_accents(text).lower().replace("’", "'")
    return " ".join(text.split())
