"""The trie-shaped alternation matches what a longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from talkclaims.text.trie import trie_alternation

WORDS = st.lists(st.text(alphabet="abAB .'é", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, derandomize=True)
@given(WORDS, st.text(alphabet="abAB .'éx", max_size=40))
def test_the_trie_finds_what_the_longest_first_alternation_finds(words, text):
    plain = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = re.compile(trie_alternation(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longer_names_win_and_nothing_matches_an_empty_list():
    pattern = re.compile(trie_alternation(["Le Monde", "Le Monde diplomatique", "Le"]))
    assert pattern.match("Le Monde diplomatique").group() == "Le Monde diplomatique"
    assert re.search(trie_alternation([]), "anything") is None
