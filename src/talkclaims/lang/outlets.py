"""Outlets credited for a claim: a gazetteer looked up before NER, plus generic phrasings.

The gazetteer comes first because the model tags outlets as places or people (TF1info
is a LOC to it). Names are matched case-sensitively as whole words, so « le monde »
in running text is not Le Monde. Generic phrasings (« au journal Izvestia », « l'agence
Ukrinform ») catch outlets the list does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from talkclaims.lang.patterns import REGEX_TIMEOUT, Patterns
from talkclaims.text.trie import trie_alternation

_CAPITALISED = r"[A-ZÀ-ÖØ-Þ0-9][\w’'&-]*(?:\.\w+)*"


@dataclass(frozen=True, slots=True)
class OutletMention:
    """An outlet named in the text: its span and its canonical name."""

    start: int
    end: int
    name: str


class OutletFinder:
    """Finds outlet mentions in text; built once per pattern set."""

    def __init__(self, patterns: Patterns) -> None:
        grammar = patterns.grammar
        self.canonical: dict[str, str] = {}
        for outlet in patterns.outlets:
            for spelling in (outlet.name, *outlet.aliases):
                self.canonical.setdefault(spelling, outlet.name)
                # « l'AFP »: the article is not part of the name
                for article in grammar.elided_articles:
                    if spelling.startswith(article):
                        self.canonical.setdefault(spelling[len(article) :], outlet.name)
                # « au Figaro », « du Parisien », « aux Échos »: the article is contracted
                for article, contracted in grammar.contracted_articles:
                    if spelling.startswith(article + " "):
                        rest = spelling[len(article) + 1 :]
                        for prep in contracted:
                            self.canonical.setdefault(f"{prep} {rest}", outlet.name)
        self._known = re.compile(
            r"(?<![\w’'-])(" + trie_alternation(self.canonical) + r")(?![\w-])"
        )
        self._generic = re.compile(
            r"(?i:\b(" + trie_alternation(patterns.outlet_nouns) + r"))"
            rf"(?:\s+(?:{grammar.outlet_qualifier_alternation}))*"
            rf"\s+((?:{_CAPITALISED})(?:\s+(?:{_CAPITALISED}))*)"
        )
        # « au micro de Proximus Sports », « interview accordée à l'émission en ligne de
        # Radio Kiosque »: capitalised words a media phrasing introduces, known or not
        introducers = "|".join(
            re.escape(p) for p in sorted(patterns.outlet_introducers, key=len, reverse=True)
        )
        self._introduced = re.compile(
            rf"(?i:(?<!\w)(?:{introducers}))\s*"
            r"(?:[a-zà-ÿ]+(?:\s+|['’])){0,6}?"
            rf"({_CAPITALISED}(?:\s+(?:(?:de|du|des)\s+|d['’])?{_CAPITALISED})*)"
        )
        # « sur X », « son compte X »: a platform named by a letter, only after these
        platforms = "|".join(map(re.escape, patterns.short_platforms)) or "(?!)"
        self._platform = re.compile(
            r"(?i:\b(?:sur|compte|réseau social|plateforme))\s+"
            rf"({platforms})(?![\w’'-])"
        )
        self._bylines = patterns.byline_patterns

    def _is_byline(self, text: str, start: int, end: int) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        line = text[line_start:line_end]
        for pattern in self._bylines:
            try:
                for match in pattern.finditer(line, timeout=REGEX_TIMEOUT):
                    if match.start() + line_start <= start and end <= match.end() + line_start:
                        return True
            except TimeoutError:  # a user's pattern that backtracks on this line: no match
                continue
        return False

    def find(self, text: str) -> list[OutletMention]:
        """Outlet mentions in ``text``, in order, bylines and datelines left out."""
        found: dict[int, OutletMention] = {}
        for match in self._known.finditer(text):
            found[match.start()] = OutletMention(
                match.start(), match.end(), self.canonical[match.group(1)]
            )
        for match in self._generic.finditer(text):
            # « Radio Sud Atlantique »: a capitalised noun is part of the name
            group = 1 if match.group(1)[0].isupper() else 2
            start = match.start(group)
            if any(m.start <= match.start(2) < m.end for m in found.values()):
                continue
            name = text[start : match.end(2)].rstrip(".")
            found[start] = OutletMention(start, start + len(name), self.canonical.get(name, name))
        for match in self._platform.finditer(text):
            start, end = match.span(1)
            if not any(m.start < end and start < m.end for m in found.values()):
                found[start] = OutletMention(start, end, match.group(1))
        if self._introduced.pattern:
            for match in self._introduced.finditer(text):
                start, end = match.span(1)
                if any(m.start < end and start < m.end for m in found.values()):
                    continue
                name = text[start:end].rstrip(".")
                found[start] = OutletMention(
                    start, start + len(name), self.canonical.get(name, name)
                )
        return [m for _, m in sorted(found.items()) if not self._is_byline(text, m.start, m.end)]
