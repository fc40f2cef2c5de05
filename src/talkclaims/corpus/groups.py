"""Quotation groups: the same words across articles and outlets, whatever their cut.

`QuoteGrouper` takes claims one at a time (from `extract`, or from files it wrote) and
keeps, per claim, a few numbers (its wording, article, speaker, outlet, date), and per
distinct wording its words as numbers: never an article's text. `QuoteGrouper.group`
then forms the groups:

1. Claims whose quotations fold to the same words (`talkclaims.corpus.wording`) share
   one *variant*. A quotation of fewer than ``min_words`` words is left out: short
   formulas (« C'est une honte ») are said by many people about many things.
2. Variants are taken from the longest down (then the most printed, then by their
   words, so that the result does not depend on the order the articles came in). Each
   is aligned with the canonical wordings of the groups the word-pair index proposes
   (`talkclaims.corpus.index`); it joins the one it is the same quotation as
   (`talkclaims.corpus.align.same_quotation`: an excerpt, the same words with a few
   changed, or both). If none fits it starts a group of its own, whose canonical
   wording it is: the longest variant. One that fits two groups equally well (a
   sentence two different quotations share) starts its own group rather than join
   either: two different quotations are never one group through it.

A group's id is a hash of its canonical wording's folded words: the same words give the
same id in every run, whatever the order of the articles or the number of workers.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from rapidfuzz.distance import LCSseq

from talkclaims.corpus.align import Alignment, align, allowed_changes, same_quotation
from talkclaims.corpus.index import PairIndex
from talkclaims.corpus.speakers import identities
from talkclaims.corpus.wording import MARK, Wording, quotation_of
from talkclaims.lang.people import SpeakerIndex
from talkclaims.records import SPEAKER_TYPES, Claim

#: The fewest words a quotation needs to be grouped.
MIN_WORDS = 5


def group_id(key: str) -> str:
    """The id of a group whose canonical wording folds to ``key``: 16 hex digits."""
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def date_key(value: str | None) -> str | None:
    """A date or time as given in the articles' metadata (« 2025-11-30 »,
    « 2025-11-30T08:15:00+01:00 », « 2025-11-30T07:15:00Z »), as text that sorts in
    time order (UTC where a time zone is given); None when it is not an ISO 8601 date."""
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat()


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """Who a group's words are attributed to: one identity (``name``, with the
    ``spellings`` the articles use), of one ``type``; None for no speaker."""

    name: str | None
    type: str | None
    claims: int
    articles: int
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Variant:
    """One wording of a group's quotation, as printed, and how often it is printed."""

    wording: str
    articles: int
    claims: int
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sighting:
    """Where and when a quotation was printed."""

    date: str | None
    doc: str
    outlet: str | None


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quotation across the corpus."""

    id: str
    #: The canonical wording: the longest variant.
    wording: str
    articles: int
    claims: int
    speakers: tuple[SpeakerCount, ...]
    #: Outlets that printed it, with how many of their articles did.
    outlets: tuple[tuple[str, int], ...]
    #: Outlets the articles credit for it (« selon l'AFP »), with how many claims do.
    sources: tuple[tuple[str, int], ...]
    #: The earliest dated article; None when no article has a date.
    first_seen: Sighting | None
    variants: tuple[Variant, ...]
    docs: tuple[str, ...]


def _pairs_that_may_break(words: int, min_words: int) -> int:
    """How many of a wording's word pairs may be missing from a canonical wording it is
    the same quotation as: two per word left out, one per change inside."""
    left_out = words - max(min_words, math.ceil(0.8 * words))
    return 2 * max(left_out, 0) + allowed_changes(words)


def _within_nested(alignment: Alignment, nested: Sequence[tuple[int, int]]) -> bool:
    """Whether the words ``alignment`` found all stand in one of the quotations nested
    in the other wording: another speaker's words, quoted by this one."""
    if not nested:
        return False
    equal = [r for r in alignment.regions if r.tag == "equal"]
    first, last = equal[0].b_start, equal[-1].b_end
    return any(start <= first and last <= end for start, end in nested)


class QuoteGrouper:
    """Claims added one by one, grouped by their quotations at the end (`group`)."""

    def __init__(self, min_words: int = MIN_WORDS) -> None:
        if min_words < 2:
            raise ValueError(f"min_words must be at least 2, not {min_words}")
        self.min_words = min_words
        self._vocabulary: dict[str, int] = {MARK: 0}
        self._variant_of: dict[str, int] = {}
        self.variant_keys: list[str] = []
        self.variant_texts: list[str] = []  # the first of the printed forms, in sort order
        self.variant_tokens: list[array] = []
        self.variant_words = array("i")
        #: The nested quotations of the variants that have some (`Wording.nested`).
        self.variant_nested: dict[int, tuple[tuple[int, int], ...]] = {}
        self._strings: dict[str, int] = {}
        self.strings: list[str] = []
        # one entry per claim added, -1 for « none »
        self.claim_variant = array("i")
        self.claim_doc = array("i")
        self.claim_speaker = array("i")
        self.claim_type = array("b")
        self.claim_outlet = array("i")
        self.claim_date = array("i")
        self.claim_sources = array("i")

    def __len__(self) -> int:
        return len(self.claim_variant)

    def _string(self, value: str | None) -> int:
        if value is None:
            return -1
        number = self._strings.get(value)
        if number is None:
            number = self._strings[value] = len(self.strings)
            self.strings.append(value)
        return number

    def variant(self, found: Wording) -> int:
        """The number of the variant of a wording (a new one for new words)."""
        key = found.key
        number = self._variant_of.get(key)
        if number is None:
            number = self._variant_of[key] = len(self.variant_keys)
            self.variant_keys.append(key)
            self.variant_texts.append(found.text)
            vocabulary = self._vocabulary
            tokens = array("I")
            for word in found.keys:
                if word not in vocabulary:
                    vocabulary[word] = len(vocabulary)
                tokens.append(vocabulary[word])
            self.variant_tokens.append(tokens)
            self.variant_words.append(found.words)
            if found.nested:
                self.variant_nested[number] = found.nested
        elif found.text < self.variant_texts[number]:
            self.variant_texts[number] = found.text  # the same for any order of articles
            self.variant_nested.pop(number, None)
            if found.nested:
                self.variant_nested[number] = found.nested
        return number

    def add(self, claim: Claim) -> int:
        """Note a claim (any kind); its number, counting from 0 in the order added."""
        found = quotation_of(claim)
        variant = -1
        if found is not None and found.words >= self.min_words:
            variant = self.variant(found)
        self.claim_variant.append(variant)
        self.claim_doc.append(self._string(claim.doc))
        self.claim_speaker.append(self._string(claim.speaker))
        kind = claim.speaker_type
        self.claim_type.append(SPEAKER_TYPES.index(kind) if kind in SPEAKER_TYPES else -1)
        self.claim_outlet.append(self._string(claim.outlet))
        self.claim_date.append(self._string(claim.date) if date_key(claim.date) else -1)
        self.claim_sources.append(self._string("\n".join(claim.sources) or None))
        return len(self.claim_variant) - 1

    def add_all(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            self.add(claim)

    def group(self) -> Grouping:
        """The groups of every variant noted so far (see the module's docstring)."""
        words, tokens = self.variant_words, self.variant_tokens
        printed = Counter(  # articles per variant: of two as long, the canonical is the commoner
            v for v, _ in set(zip(self.claim_variant, self.claim_doc, strict=True)) if v >= 0
        )
        order = sorted(
            range(len(tokens)), key=lambda v: (-words[v], -printed[v], self.variant_keys[v])
        )
        index = PairIndex()
        variant_group = array("i", [-1]) * len(tokens)
        canonical: list[int] = []
        for v in order:
            best: tuple[int, int] | None = None
            chosen, tied = -1, False
            broken = _pairs_that_may_break(words[v], self.min_words)
            least = max(self.min_words, math.ceil(0.8 * words[v]))  # words it must share
            for g in index.candidates(tokens[v], broken):
                if LCSseq.similarity(tokens[v], tokens[canonical[g]], score_cutoff=least) < least:
                    continue  # fewer words in common, in order, than any alignment needs
                alignment = align(tokens[v], tokens[canonical[g]], 0)
                if alignment is None or not same_quotation(alignment, self.min_words):
                    continue
                if _within_nested(alignment, self.variant_nested.get(canonical[g], ())):
                    continue  # words its speaker quotes someone else saying
                score = (alignment.matched - alignment.changes, -alignment.changes)
                if best is None or score > best:
                    best, chosen, tied = score, g, False
                elif score == best:
                    tied = True
            if chosen >= 0 and not tied:
                variant_group[v] = chosen
                continue
            variant_group[v] = len(canonical)
            index.add(len(canonical), tokens[v])
            canonical.append(v)
        return Grouping(self, variant_group, canonical)


class Grouping:
    """The groups of a `QuoteGrouper`'s claims: ids, members, summaries."""

    def __init__(self, grouper: QuoteGrouper, variant_group: array, canonical: list[int]):
        self.grouper = grouper
        self.variant_group = variant_group
        self.canonical = canonical
        self.ids = [group_id(grouper.variant_keys[v]) for v in canonical]

    def group_of(self, claim: int) -> int:
        """The group number of claim number ``claim``; -1 when it has none."""
        variant = self.grouper.claim_variant[claim]
        return -1 if variant < 0 else self.variant_group[variant]

    def id_of(self, claim: int) -> str | None:
        """The group id of claim number ``claim`` (its ``quote_group``), or None."""
        group = self.group_of(claim)
        return None if group < 0 else self.ids[group]

    def members(self) -> dict[int, list[int]]:
        """Claim numbers by group number, in the order they were added."""
        out: dict[int, list[int]] = defaultdict(list)
        for claim in range(len(self.grouper)):
            group = self.group_of(claim)
            if group >= 0:
                out[group].append(claim)
        return out

    def summaries(self, people: SpeakerIndex, min_articles: int = 2) -> list[QuoteGroup]:
        """The groups printed in at least ``min_articles`` articles, the most repeated
        first (then the most claims, the earliest, the id)."""
        out = []
        for group, claims in self.members().items():
            docs = {self.grouper.claim_doc[c] for c in claims}
            if len(docs) >= min_articles:
                out.append(self.summary(group, claims, people))
        out.sort(
            key=lambda g: (
                -g.articles,
                -g.claims,
                date_key(g.first_seen.date) if g.first_seen and g.first_seen.date else "~",
                g.id,
            )
        )
        return out

    def summary(self, group: int, claims: Sequence[int], people: SpeakerIndex) -> QuoteGroup:
        """What one group is: its wordings, articles, outlets, speakers, first sighting."""
        g = self.grouper
        name = g.strings

        def text(number: int) -> str | None:
            return None if number < 0 else name[number]

        docs = list(dict.fromkeys(g.claim_doc[c] for c in claims))
        persons = [
            name[g.claim_speaker[c]]
            for c in claims
            if g.claim_speaker[c] >= 0 and g.claim_type[c] == SPEAKER_TYPES.index("person")
        ]
        identity = identities(persons, people)
        speakers: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
        for c in claims:
            speaker = text(g.claim_speaker[c])
            kind = SPEAKER_TYPES[g.claim_type[c]] if g.claim_type[c] >= 0 else None
            label = identity.get(speaker, speaker) if kind == "person" else speaker
            speakers[(label, kind if speaker is not None else None)].append(c)
        speaker_counts = [
            SpeakerCount(
                label,
                kind,
                len(found),
                len({g.claim_doc[c] for c in found}),
                tuple(sorted({name[g.claim_speaker[c]] for c in found} - {label}))
                if label is not None
                else (),
            )
            for (label, kind), found in speakers.items()
        ]
        speaker_counts.sort(key=lambda s: (-s.articles, -s.claims, s.name is None, s.name or ""))
        outlets: dict[str, set[int]] = defaultdict(set)
        sources: Counter[str] = Counter()
        for c in claims:
            if g.claim_outlet[c] >= 0:
                outlets[name[g.claim_outlet[c]]].add(g.claim_doc[c])
            if g.claim_sources[c] >= 0:
                sources.update(name[g.claim_sources[c]].split("\n"))
        dated = [c for c in claims if g.claim_date[c] >= 0]
        first_seen = None
        if dated:
            first = min(dated, key=lambda c: (date_key(name[g.claim_date[c]]), c))
            first_seen = Sighting(
                name[g.claim_date[first]], name[g.claim_doc[first]], text(g.claim_outlet[first])
            )
        by_variant: dict[int, list[int]] = defaultdict(list)
        for c in claims:
            by_variant[g.claim_variant[c]].append(c)
        variants = [
            Variant(
                g.variant_texts[v],
                len({g.claim_doc[c] for c in found}),
                len(found),
                tuple(name[d] for d in dict.fromkeys(g.claim_doc[c] for c in found)),
            )
            for v, found in by_variant.items()
        ]
        variants.sort(key=lambda v: (-v.articles, -v.claims, -len(v.wording), v.wording))
        canonical = self.canonical[group]
        return QuoteGroup(
            self.ids[group],
            g.variant_texts[canonical],
            len(docs),
            len(claims),
            tuple(speaker_counts),
            tuple(sorted(((o, len(d)) for o, d in outlets.items()), key=lambda o: (-o[1], o[0]))),
            tuple(sorted(sources.items(), key=lambda s: (-s[1], s[0]))),
            first_seen,
            tuple(variants),
            tuple(name[d] for d in docs),
        )


def group_claims(claims: Iterable[Claim], min_words: int = MIN_WORDS) -> Grouping:
    """The groups of ``claims`` (a convenience over `QuoteGrouper`)."""
    grouper = QuoteGrouper(min_words)
    grouper.add_all(claims)
    return grouper.group()
