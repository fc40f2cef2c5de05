"""One identity per speaker across articles, whatever each article calls them.

Within an article the extractor already gives one name per person (the fullest form the
article uses, or the canonical name of `patterns/speakers.yaml`). Across articles one
person still comes under several names: « Peskov » where an article never gives the
first name, « Dmitri Peskov », « Dmitry Peskov », « J. D. Vance » and « JD Vance ». Two
names are one identity when:

- they are one known person of the speakers list (`SpeakerIndex.known`), or
- their transliteration-insensitive keys (`name_key`) are the same, or
- they end with the same surname and one has no first name, or their first names agree
  (the same, or one an initial of the other: « J. » and « Jérôme »), and no other
  identity of the same surname fits as well (« Le Pen » alone, between « Marine Le Pen »
  and « Jean-Marie Le Pen », stays on its own).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from talkclaims.lang.people import SpeakerIndex


def _first_names_agree(a: list[str], b: list[str]) -> bool:
    """Whether the first names of two name keys can be one person's: the same, or the
    initials of one (« j d », « jd ») the start of the other's."""
    if a == b:
        return True

    def initials(words: list[str]) -> tuple[str, bool]:
        only = all(len(word) <= 2 for word in words)
        return ("".join(words) if only else "".join(word[0] for word in words)), only

    (first, a_initials), (second, b_initials) = initials(a), initials(b)
    if not (a_initials or b_initials):
        return False
    short, long_ = sorted((first, second), key=len)
    return long_.startswith(short)


def identities(names: Iterable[str], people: SpeakerIndex) -> dict[str, str]:
    """Each name → the identity it belongs to, named by its known canonical name, else
    its most frequent spelling among ``names`` (the longest of the most frequent)."""
    counts = Counter(names)
    spellings: dict[str, list[str]] = defaultdict(list)  # key → names
    for name in sorted(counts):
        person = people.known(name)
        key = "=" + person.name if person is not None else people.key(people.strip_honorifics(name))
        spellings[key or name].append(name)
    parent = {key: key for key in spellings}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    particles = frozenset(people.patterns.grammar.name_particles)

    def split(key: str) -> tuple[list[str], str]:
        """First names and surname of a key, the particles before the surname in it
        (« le pen », « von der leyen »)."""
        words = (people.key(key[1:]) if key.startswith("=") else key).split() or [key]
        at = len(words) - 1
        while at > 0 and words[at - 1] in particles:
            at -= 1
        return words[:at], " ".join(words[at:])

    full: dict[str, list[str]] = defaultdict(list)  # surname → keys with a first name
    for key in sorted(spellings):
        if key.startswith("=") or split(key)[0]:
            full[split(key)[1]].append(key)
    for keys in full.values():  # unknown full names whose first names agree
        for n, key in enumerate(keys):
            for other in keys[n + 1 :]:
                if key.startswith("=") or other.startswith("="):
                    continue  # `known` already told a known person from this name
                if _first_names_agree(split(key)[0], split(other)[0]):
                    parent[root(other)] = root(key)
    for key in sorted(spellings):  # a surname alone: the one identity of that surname
        firsts, surname = split(key)
        if not key.startswith("=") and not firsts:
            found = {root(other) for other in full.get(surname, [])}
            if len(found) == 1:
                parent[root(key)] = found.pop()
    members: dict[str, list[str]] = defaultdict(list)
    for key in sorted(spellings):
        members[root(key)].extend(spellings[key])
    out = {}
    for top, group in members.items():
        known = next((k[1:] for k in spellings if k.startswith("=") and root(k) == top), None)
        label = known or max(group, key=lambda n: (counts[n], len(n), n))
        for name in group:
            out[name] = label
    return out
