"""Property-based tests: whatever the text, extraction neither raises nor breaks offsets.

Fixed seed (derandomize) and 500 examples each, so CI runs the same cases every time.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkclaims.lang.patterns import shipped_patterns
from talkclaims.text.quotes import find_quotes
from talkclaims.text.sentences import for_parsing, sentences

ABBREVIATIONS = shipped_patterns().grammar.abbreviations

MARKS = ["«", "»", "“", "”", "„", "‹", "›", '"', "'", "’", "« ", " »", "«\u00a0", "\u202f»"]
WORDS = [
    "Le ministre", "a déclaré", "que", "qu’", "selon", "d'après", "Il", "a-t-il ajouté",
    "comme l'a dit", "Pour", "Marie Dupont", "AFP", "au journal Le Monde", ",", ".", ":",
    "\n", "\n\n", "\r\n", " ", "\u00a0", "\t", "M.", "J.D.", "-t-elle", "(AFP) -", "PARIS",
]  # fmt: skip
fragments = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(WORDS),
    st.text(max_size=12),  # any unicode, control characters included
    st.text(alphabet="«»“”\"' \n.,", max_size=8),
)
articles = st.lists(fragments, max_size=60).map(" ".join)
long_quotes = st.integers(min_value=1, max_value=400).map(
    lambda n: "Il a déclaré : « " + "mot " * n + "», a-t-il ajouté. « " + "x" * n
)
SETTINGS = settings(
    max_examples=500,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(text=st.one_of(articles, long_quotes, st.text(max_size=300)))
def test_extraction_never_raises_and_keeps_offsets(extractor, text):
    for claim in extractor.claims(text, "t.txt"):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.line == text.count("\n", 0, claim.start) + 1


@SETTINGS
@given(text=st.one_of(articles, st.text(max_size=400)))
def test_text_functions_keep_their_invariants(text):
    for quote in find_quotes(text):
        assert 0 <= quote.open < quote.start <= quote.end < quote.close <= len(text)
    for start, end in sentences(text, ABBREVIATIONS):
        assert 0 <= start < end <= len(text) and text[start:end].strip()
    assert len(for_parsing(text)) == len(text)
