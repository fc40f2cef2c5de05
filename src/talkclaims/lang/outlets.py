"""Outlets credited for a claim: a gazetteer looked up before NER, plus generic phrasings.

The gazetteer comes first because the model tags outlets as places or people (TF1info
is a LOC to it). Names are matched case-sensitively as whole words, so « le monde »
in running text is not Le Monde. Generic phrasings (« au journal Izvestia », « l'agence
Ukrinform ») catch outlets the list does not know.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from talkclaims.lang.pattern_checks import REGEX_TIMEOUT
from talkclaims.lang.pattern_tables import Patterns
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

    def _byline_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of the byline patterns' matches in the line ``text[start:end]``."""
        line = text[start:end]
        spans = []
        for pattern in self._bylines:
            try:
                for match in pattern.finditer(line, timeout=REGEX_TIMEOUT):
                    spans.append((match.start() + start, match.end() + start))
            except TimeoutError:  # a user's pattern that backtracks on this line: no match
                continue
        return spans

    def find(self, text: str) -> list[OutletMention]:
        """Outlet mentions in ``text``, in order, bylines and datelines left out.

        Each line is read by the byline patterns once, whatever number of outlets it
        names, and a generic phrasing is checked against the names already found by
        binary search: a long line naming thousands of outlets stays linear.
        """
        found: dict[int, OutletMention] = {}
        known = _Spans()
        for match in self._known.finditer(text):
            found[match.start()] = OutletMention(
                match.start(), match.end(), self.canonical[match.group(1)]
            )
            known.add(match.start(), match.end())
        generic = _Spans()
        for match in self._generic.finditer(text):
            # « Radio Sud Atlantique »: a capitalised noun is part of the name
            group = 1 if match.group(1)[0].isupper() else 2
            start = match.start(group)
            if known.holds(match.start(2)) or generic.holds(match.start(2)):
                continue
            name = text[start : match.end(2)].rstrip(".")
            found[start] = OutletMention(start, start + len(name), self.canonical.get(name, name))
            generic.add(start, start + len(name))

        def taken(start: int, end: int) -> bool:
            return any(spans.holds(start) or spans.holds(end - 1) for spans in (known, generic))

        # « sur X », « son compte X »: a platform named by a letter
        for match in self._platform.finditer(text):
            start, end = match.span(1)
            if not taken(start, end):
                found[start] = OutletMention(start, end, match.group(1))
        # « au micro de Proximus Sports »: capitalised words after a media phrasing
        introduced = _Spans()
        for match in self._introduced.finditer(text) if self._introduced.pattern else ():
            start, end = match.span(1)
            if taken(start, end) or introduced.holds(start):
                continue
            name = text[start:end].rstrip(".")
            found[start] = OutletMention(start, start + len(name), self.canonical.get(name, name))
            introduced.add(start, start + len(name))
        kept = []
        floor, line = 0, (0, -1)
        bylines: list[tuple[int, int]] = []
        for _, mention in sorted(found.items()):
            # the line around the mention, searched from the mention before: a line
            # holding many is not read again for each
            newline = text.rfind("\n", floor, mention.start)
            line_start = newline + 1 if newline >= 0 else line[0]
            floor = mention.start
            line_end = line[1] if mention.end <= line[1] else text.find("\n", mention.end)
            line_end = len(text) if line_end == -1 else line_end
            if (line_start, line_end) != line:
                line = (line_start, line_end)
                bylines = self._byline_spans(text, line_start, line_end)
            if not any(s <= mention.start and mention.end <= e for s, e in bylines):
                kept.append(mention)
        # « sur la télévision nationale RTB », « la radio publique (RTS) »: a broadcaster
        # named by what it is, then by its name, is the named one
        return [
            m
            for k, m in enumerate(kept)
            if not (
                k + 1 < len(kept)
                and m.name[:1].islower()
                and text[m.end : kept[k + 1].start].strip(" (\u00a0") == ""
            )
        ]


class _Spans:
    """Spans added in text order, none overlapping: which one holds an offset."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def holds(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]
