"""One identity per person: canonical names, transliterations, and article-level grouping.

Russian and Ukrainian names reach French text through several transliterations
(Iouri Ouchakov, Youri Ouchakov, Yuri Ushakov). `name_key` folds the usual variants
(accents, ou/u, y/i, kh/h, ch/sh/tch, doubled letters, -off/-ov) so that a spelling the patterns
do not list still finds its person, and so that « M. Dmitriev » groups with « Kirill
Dmitriev » within one article even when neither is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from talkclaims.lang.pattern_tables import Patterns, Person
from talkclaims.text.fold import fold


@lru_cache(maxsize=65536)
def name_key(name: str, folds: tuple[tuple[str, str], ...]) -> str:
    """A transliteration-insensitive key for one name or word: the ``folds`` of
    ``grammar.yaml`` applied in order, doubled letters single, a final -f read -v."""
    key = re.sub(r"[^a-z ]", "", fold(name).replace("-", " "))
    for old, new in folds:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)  # doubled letters: Witkoff / Witkof
    key = re.sub(r"f\b", "v", key)  # Russian -ov written -off in older French: Smirnoff
    return " ".join(key.split())


def _surname(name: str) -> str:
    words = name.replace(".", ". ").split()
    return words[-1] if words else name


@dataclass
class SpeakerIndex:
    """Known people of ``patterns/speakers.yaml`` with lookups by name and by role."""

    patterns: Patterns
    by_key: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_role: dict[str, Person] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._folds = self.patterns.grammar.transliteration_folds
        for person in self.patterns.speakers:
            # a name is looked up without its title (`known`): « Mme Martin-Leroy » is
            # listed as « Martin-Leroy »
            for spelling in map(self.strip_honorifics, (person.name, *person.aliases)):
                self.by_key.setdefault(self.key(spelling), person)
                surname = self.key(_surname(spelling))
                people = self.by_surname.setdefault(surname, [])
                if person not in people:
                    people.append(person)
            for role in person.roles:
                self.by_role.setdefault(fold(role), person)

    def key(self, name: str) -> str:
        """The transliteration-insensitive key of a name (`name_key`)."""
        return name_key(name, self._folds)

    def strip_honorifics(self, name: str) -> str:
        """« M. Dmitriev » → « Dmitriev »."""
        words = name.split()
        while len(words) > 1 and words[0] in self.patterns.honorifics:
            words = words[1:]
        return " ".join(words)

    def known(self, name: str) -> Person | None:
        """The known person a written name points at, whatever its transliteration."""
        name = self.strip_honorifics(name)
        key = self.key(name)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        people = self.by_surname.get(self.key(_surname(name)), [])
        if len(people) != 1:
            return None
        person = people[0]
        # a first name is a word before the surname: a hyphen does not make one
        # (« Martin-Leroy » is a surname alone, its key « martin leroy » two words)
        first = key.split()[0] if len(name.split()) > 1 else None
        if first is None:
            return person
        spellings = map(self.strip_honorifics, (person.name, *person.aliases))
        firsts = {self.key(s).split()[0] for s in spellings if len(s.split()) > 1}
        # an initial (J. Vance) or a matching first name; a different first name is someone else
        if any(f.startswith(first[:1]) and (len(first) == 1 or f == first) for f in firsts):
            return person
        return None

    def same_person(self, a: str, b: str) -> bool:
        """Whether two written names are one known person, whatever their spelling."""
        first, second = self.known(a), self.known(b)
        return first is not None and first == second

    def by_description(self, description: str) -> Person | None:
        """The person a role names (« porte-parole du Kremlin » → Dmitry Peskov)."""
        text = fold(description)
        for det in sorted(self.patterns.strip_determiners, key=len, reverse=True):
            det = fold(det)
            if text.startswith(det + " ") or (det.endswith("'") and text.startswith(det)):
                text = text[len(det) :].lstrip()
                break
        return self.by_role.get(text)

    def article(self, names: Iterable[str]) -> ArticleNames:
        """The names an article gives people, grouped once for `canonical`."""
        return ArticleNames(self, names)

    def canonical(self, name: str, article_names: Iterable[str] | ArticleNames = ()) -> str:
        """Canonical name of a written name: known person, else the fullest form in the
        article (``article_names``: its names, or better `article` of them, built once)."""
        person = self.known(name)
        if person is not None:
            return person.name
        if not isinstance(article_names, ArticleNames):
            article_names = self.article(article_names)
        bare = self.strip_honorifics(name)
        words = len(bare.split())
        fuller = [
            n
            for n in article_names.by_surname.get(self.key(_surname(bare)), ())
            if len(n.split()) > words
        ]
        if fuller and not self.known(fuller[0]):
            return max(fuller, key=len)
        if words == 1:
            # « Catherine, c'est Catherine Verlaine »: a first name alone, if only one
            # person of the article bears it
            owners = article_names.by_first_name.get(self.key(bare), set())
            if len(owners) == 1:
                return next(iter(owners))
        return bare


class ArticleNames:
    """The names of one article's people, by surname and by first name.

    `SpeakerIndex.canonical` looks a name up among the article's others for every claim:
    grouped once, each lookup reads only the names that share its surname or first name
    instead of all of them (an article naming thousands of people took time quadratic in
    its length). Each name is kept once, in the order it first comes.
    """

    def __init__(self, index: SpeakerIndex, names: Iterable[str]) -> None:
        self.by_surname: dict[str, list[str]] = {}
        self.by_first_name: dict[str, set[str]] = {}
        for name in dict.fromkeys(map(index.strip_honorifics, names)):
            self.by_surname.setdefault(index.key(_surname(name)), []).append(name)
            words = name.split()
            if len(words) > 1:
                self.by_first_name.setdefault(index.key(words[0]), set()).add(name)
