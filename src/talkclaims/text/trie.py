"""Alternations of many words as a trie-shaped regular expression.

``a|ab|abc|b…`` tried one alternative after another costs, at every position of a text,
one attempt per word; the same words as a trie (``a(?:b(?:c)?)?|b…``) cost one attempt
per letter that matches. Outlet and name gazetteers run over every article, so their
lookups are built this way. Longer words win, as in a longest-first alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_alternation(words: Iterable[str]) -> str:
    """A regular expression (no groups) matching exactly ``words``, longest first."""
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _pattern(trie) or "(?!)"


def _pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # optional when a word ends here: the greedy ? tries the longer words first
    return f"(?:{body})?" if _END in node else body
