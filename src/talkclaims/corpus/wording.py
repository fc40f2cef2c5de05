"""The quotation of a claim as words to compare: marks, case, accents and spaces folded.

Two outlets print the same words differently: « l’Ukraine » or « l'Ukraine », « Etat »
or « État », a narrow space before a colon, a capital after an ellipsis. What they
quote is the same, so it is compared as a sequence of folded words, each kept with
where it stands in the quotation so that a difference can be shown as printed.

A marked elision (« […] », « (…) », « [...] ») or an editorial insertion in square
brackets (« Jared [Kushner] ») is a mark of its own, `MARK`: the outlet says there that
its words are not the speaker's, so what stands against a mark in another wording is
never a change of words. A bare « … » is punctuation, as the speaker's own pause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from talkclaims.records import Claim
from talkclaims.text.fold import strip_accents
from talkclaims.text.quotes import find_quotes

#: The key of a mark: a marked elision or an editorial insertion.
MARK = "[…]"
#: How the quoted parts of a mixed claim are joined into one wording: what the claim
#: leaves out between them is an elision.
JOINER = " […] "

_TOKENS = re.compile(
    r"(?P<mark>\[[^\[\]\n]{0,80}\]|\(\s*(?:…|\.{2,})\s*\))|(?P<word>[^\W_]+)",
)
#: The marks that may open a quotation inside a quotation.
_QUOTE_MARKS = "«“„‹\"‘'"
#: Letters NFKD does not take apart.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """A word as compared: no accents, lower case, ligatures spelled out (« Œuvre » →
    « oeuvre », « État » → « etat »)."""
    return strip_accents(word.translate(_LIGATURES)).casefold()


@dataclass(frozen=True, slots=True)
class Wording:
    """A quotation as printed (``text``) and as compared (``keys``: folded words and
    `MARK`), with where each token stands in ``text`` (``spans``)."""

    text: str
    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    #: Tokens (first, end) of the quotations inside this one (« Mon père m'a dit :
    #: "Tu vas faire du vinaigre" »): words the speaker quotes someone else saying.
    nested: tuple[tuple[int, int], ...] = ()

    @property
    def words(self) -> int:
        """How many words, marks left out."""
        return sum(1 for key in self.keys if key != MARK)

    @property
    def key(self) -> str:
        """The folded words joined by spaces: two wordings with the same key are the
        same wording (one variant)."""
        return " ".join(self.keys)

    def shown(self, first: int, last: int) -> str:
        """The text of tokens ``first`` to ``last`` (excluded), as printed."""
        if first >= last:
            return ""
        return self.text[self.spans[first][0] : self.spans[last - 1][1]]


def wording(text: str) -> Wording:
    """The tokens of a quotation's text."""
    keys: list[str] = []
    spans: list[tuple[int, int]] = []
    for found in _TOKENS.finditer(text):
        if found.group("mark") is not None:
            if keys and keys[-1] == MARK:  # « […] [sic] »: one mark
                spans[-1] = (spans[-1][0], found.end())
                continue
            keys.append(MARK)
        else:
            keys.append(fold_word(found.group()))
        spans.append(found.span())
    nested = []
    for inner in find_quotes(text) if any(mark in text for mark in _QUOTE_MARKS) else ():
        inside = [n for n, (a, b) in enumerate(spans) if inner.start <= a and b <= inner.end]
        if inside and len(inside) < len(keys):
            nested.append((inside[0], inside[-1] + 1))
    return Wording(text, tuple(keys), tuple(spans), tuple(nested))


def quotation_of(claim: Claim) -> Wording | None:
    """The words a claim quotes: all of a direct claim's, the quoted parts of a mixed
    one joined by elisions; None for an indirect claim or a mixed one with no marks."""
    if claim.kind == "direct":
        return wording(claim.text)
    if claim.kind != "mixed":
        return None
    parts = [claim.text[q.start : q.end] for q in find_quotes(claim.text)]
    parts = [part for part in parts if part.strip()]
    if not parts:
        return None
    found = wording(JOINER.join(parts))
    return Wording(found.text, found.keys, found.spans)  # the parts are the quotations
