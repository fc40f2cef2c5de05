"""The article context: everything the rules read about one parsed document, built once.

The context is built in reading order by `talkclaims.rules.reading.read_article`
(quotations, sentences and paragraphs, outlets, then people's names, block quotations,
cues, the people the article mentions and the roles it gives them, the places a
reported clause may stop) and is read-only afterwards: proposers, settling and speaker
resolution only ask it questions. The one thing that changes while an article is
processed, who has been mentioned as a speaker so far, lives in
`talkclaims.rules.speakers.PeopleTracker`.

This module holds the context and its questions; the modules that find what it holds
(names, block quotations, clause stops) read it, and it does not read them: the
imports run one way, from the finders to the context.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from talkclaims.pipeline.nlp import doc_sentences, doc_text
from talkclaims.rules.found import BlockQuote, PersonMention
from talkclaims.text.quotes import Quote, find_quotes
from talkclaims.text.sentences import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from talkclaims.lang.grammar import Grammar
    from talkclaims.lang.outlets import OutletFinder, OutletMention
    from talkclaims.lang.patterns import Patterns
    from talkclaims.lang.people import ArticleNames, SpeakerIndex
    from talkclaims.rules.cues import Cue


T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with a span, in the order of their starts, asked about a range of the text.

    The rules ask « the first name inside these words », « the outlets of this phrase »
    for every cue and every candidate: a scan of the article's whole list each time made
    an article with thousands of names or outlets take time quadratic in its length.
    Here each question is a binary search plus the items it returns.
    """

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = items
        spans = [span(item) for item in items]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        #: the furthest end of the items up to each one: where an item reaching past a
        #: point can first be
        self.reach = list(itertools.accumulate(self.ends, max))

    def within(self, start: int, end: int, past: int = -1) -> Iterator[T]:
        """The items inside ``[start, end)`` (ending after ``past``), in order."""
        k = max(bisect.bisect_left(self.starts, start), bisect.bisect_right(self.reach, past))
        while k < len(self.starts) and self.starts[k] < end:
            if self.ends[k] <= end:
                yield self.items[k]
            k += 1

    def first_overlapping(self, start: int, end: int) -> T | None:
        """The first item (in order) that shares a character with ``[start, end)``."""
        k = bisect.bisect_right(self.reach, start)  # the first item ending past start
        if k < len(self.starts) and self.starts[k] < end:
            return self.items[k]
        return None

    def last_ending_by(self, pos: int) -> T | None:
        """The last item (in order) that ends at ``pos`` or before."""
        k = bisect.bisect_left(self.starts, pos) - 1
        while k >= 0:
            if self.ends[k] <= pos:
                return self.items[k]
            k -= 1
        return None


class ClauseEnds(Protocol):
    """Where a reported clause stops (`talkclaims.rules.clauses.ClauseStops`)."""

    def end(self, start: int, limit: int) -> int: ...


class ArticleContext:
    """One parsed document and the lookups every rule shares; read-only once built.

    Made by `talkclaims.rules.reading.read_article`: the constructor reads the layer
    that needs no rule (quotations, sentences, paragraphs, outlets), and the reading
    adds the rest through the ``add_*`` methods, in order, then seals it.
    """

    doc: Doc
    text: str
    patterns: Patterns
    grammar: Grammar
    people: SpeakerIndex
    quotes: tuple[Quote, ...]
    sentences: list[tuple[int, int]]
    paragraphs: tuple[tuple[int, int], ...]
    outlets: tuple[OutletMention, ...]
    outlet_nouns: frozenset[str]
    alias_spans: tuple[tuple[int, int, str], ...]
    names: tuple[tuple[int, int], ...]
    block_quotes: tuple[BlockQuote, ...]
    cues: tuple[Cue, ...]
    quoted_cues: tuple[Cue, ...]
    cue_starts: frozenset[int]
    clause_cue_starts: frozenset[int]
    any_cue_starts: frozenset[int]
    persons: tuple[PersonMention, ...]
    article_names: tuple[str, ...]
    name_groups: ArticleNames
    roles: tuple[tuple[int, str, str], ...]
    genders: dict[str, str]
    likely_genders: dict[str, str]

    def __init__(
        self, doc: Doc, patterns: Patterns, people: SpeakerIndex, outlets: OutletFinder
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.patterns = patterns
        self.grammar = patterns.grammar
        self.people = people
        # quotations and sentences
        self.quotes = tuple(find_quotes(self.text))
        self._quote_opens = [q.open for q in self.quotes]
        self._quote_closes = [q.close for q in self.quotes]
        self.sentences = doc_sentences(doc, self.text)
        self._sent_starts = [s for s, _ in self.sentences]
        self.paragraphs = tuple(paragraphs(self.text))
        self._paragraph_starts = [p for p, _ in self.paragraphs]
        # outlets and people's names
        self.outlets = tuple(outlets.find(self.text))
        self._outlet_index = SpanIndex(self.outlets, lambda o: (o.start, o.end))
        self.outlet_nouns = frozenset(n.lower() for n in patterns.outlet_nouns)

    def add_names(
        self, alias_spans: tuple[tuple[int, int, str], ...], names: tuple[tuple[int, int], ...]
    ) -> None:
        """The spans of known people's names and of the names the model found: the range
        questions the rules ask of them are answered by binary search (in text order)."""
        self.alias_spans = alias_spans
        self.names = names
        self._alias_index = SpanIndex(self.alias_spans, lambda a: (a[0], a[1]))
        self._name_index = SpanIndex(self.names, lambda n: n)

    def add_cues(self, block_quotes: tuple[BlockQuote, ...], found: list[Cue]) -> None:
        """The block quotations, then the cues: verbs inside a quotation are the
        speaker's words, except an incise that breaks the quotation (« X, a-t-il dit,
        Y »), and so are the verbs of a block quotation."""
        self.block_quotes = block_quotes
        cues, quoted = [], []
        for cue in found:
            if self.in_quote(cue.token.idx):
                quoted.append(cue)
            elif not any(b.start <= cue.start_char < b.end for b in self.block_quotes):
                cues.append(cue)
        self.cues, self.quoted_cues = tuple(cues), tuple(quoted)
        # where cues start, computed once: every clause end asks for them
        self.cue_starts = frozenset(
            c.start_char for c in cues if c.form not in ("participle", "purpose")
        )
        gerunds = {c.token.idx for c in cues if c.form in ("gerund", "purpose")}
        self.clause_cue_starts = self.cue_starts | gerunds
        self.any_cue_starts = self.cue_starts | {c.token.idx for c in cues}
        self._sorted_cue_starts = sorted(self.cue_starts)
        # the cues come in text order; where a modal or an auxiliary made one start
        # before the one found ahead of it, the questions about them read them all
        self._cue_starts = [c.start_char for c in cues]
        self._cue_tokens = [c.token.i for c in cues]
        self._cues_in_order = self._cue_starts == sorted(self._cue_starts) and (
            self._cue_tokens == sorted(self._cue_tokens)
        )
        self._sorted_any_cue_starts = sorted(self.any_cue_starts)

    def add_persons(self, persons: tuple[PersonMention, ...]) -> None:
        """The people the article mentions, and their names grouped by person."""
        self.persons = persons
        self.article_names = tuple(p.name for p in self.persons)
        self.name_groups = self.people.article(self.article_names)

    def add_clause_stops(self, find: Callable[[ArticleContext], ClauseEnds]) -> None:
        """How to find where reported clauses stop (`clause_stops`), on first use."""
        self._find_clause_stops = find

    @cached_property
    def clause_stops(self) -> ClauseEnds:
        """Where reported clauses stop (`talkclaims.rules.clauses.clause_end`), found on
        first use: an article whose cues frame no clause never needs them."""
        return self._find_clause_stops(self)

    def seal(self) -> None:
        """Read-only from now on: every rule after the reading only asks questions."""
        self._built = True

    def __setattr__(self, name: str, value: Any) -> None:
        if getattr(self, "_built", False):
            raise AttributeError(f"the article context is read-only once built ({name})")
        object.__setattr__(self, name, value)

    # ------------------------------------------------------------ positions
    def in_quote(self, pos: int) -> Quote | None:
        """The quotation whose marks enclose ``pos``, if any."""
        i = bisect.bisect_right(self._quote_opens, pos) - 1
        if i >= 0 and self.quotes[i].open < pos < self.quotes[i].close:
            return self.quotes[i]
        return None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``, extended to the end of a quotation it opens."""
        s, e = self.sentences[self.sentence_index(pos)] if self.sentences else (0, len(self.text))
        quote = self.in_quote(e - 1) if e > s else None
        while quote is not None and quote.close > e:
            _s2, e2 = self.sentences[self.sentence_index(quote.close - 1)]
            if e2 <= e:
                break
            e = e2
            quote = self.in_quote(e - 1)
        return s, e

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The paragraph holding ``pos`` (wrapped lines count as one)."""
        k = bisect.bisect_right(self._paragraph_starts, pos) - 1
        if k >= 0 and pos <= self.paragraphs[k][1]:
            return self.paragraphs[k]
        return pos, pos

    def quotes_opening(self, start: int, end: int) -> list[Quote]:
        """The quotations whose opening mark is in ``[start, end)``, in order.

        Quotations and paragraphs are in text order, so this is a binary search: rules
        asking it of every paragraph or sentence stay linear in the article's length.
        """
        lo = bisect.bisect_left(self._quote_opens, start)
        hi = bisect.bisect_left(self._quote_opens, end, lo)
        return list(self.quotes[lo:hi])

    def quotes_from(self, pos: int) -> Iterator[Quote]:
        """The quotations whose opening mark is at ``pos`` or after, in order."""
        for k in range(bisect.bisect_left(self._quote_opens, pos), len(self.quotes)):
            yield self.quotes[k]

    def cues_between(self, start: int, end: int) -> list[Cue]:
        """The cues (outside quotations) that start in ``[start, end)``, in order."""
        if not self._cues_in_order:
            return [c for c in self.cues if start <= c.start_char < end]
        lo = bisect.bisect_left(self._cue_starts, start)
        return list(self.cues[lo : bisect.bisect_left(self._cue_starts, end, lo)])

    def cues_before(self, cue: Cue, since: int) -> Iterator[Cue]:
        """The cues whose verb is a token from ``since`` to ``cue``'s, nearest first (in
        the order of `cues`)."""
        if not self._cues_in_order:
            yield from reversed([c for c in self.cues if since <= c.token.i < cue.token.i])
            return
        for k in range(bisect.bisect_left(self._cue_tokens, cue.token.i) - 1, -1, -1):
            if self.cues[k].token.i < since:
                return
            yield self.cues[k]

    def quote_closed_by(self, pos: int) -> Quote | None:
        """The last quotation whose closing mark is before ``pos`` (or at it)."""
        k = bisect.bisect_right(self._quote_closes, pos) - 1
        return self.quotes[k] if k >= 0 else None

    def quotes_within(self, start: int, end: int) -> list[Quote]:
        """The quotations that open at ``start`` or after and close at ``end`` or before."""
        return [q for q in self.quotes_opening(start, end) if q.close <= end]

    def cue_start_between(self, lo: int, hi: int, any_form: bool = False) -> bool:
        """Whether a cue starts at an offset in ``[lo, hi]`` (participles count only with
        ``any_form``, as in `any_cue_starts`)."""
        starts = self._sorted_any_cue_starts if any_form else self._sorted_cue_starts
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] <= hi

    def char_span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def token_at(self, pos: int) -> Token | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ---------------------------------------------------------- names, outlets
    def name_in(self, start: int, end: int) -> str | None:
        """A person's name written inside ``[start, end)``, known first."""
        for s, e, _ in self._alias_index.within(start, end):
            return self.text[s:e]
        for s, e in self._name_index.within(start, end):
            return self.text[s:e]
        cut = self._name_index.first_overlapping(start, end)
        if cut is not None:  # the phrase cuts the name: take the whole name
            return self.text[cut[0] : cut[1]]
        return None

    def known_name_at(self, pos: int) -> bool:
        """Whether ``pos`` is inside the name of a known person (``speakers.yaml``)."""
        return self._alias_index.first_overlapping(pos, pos + 1) is not None

    def known_name_over(self, start: int, end: int) -> bool:
        """Whether a known person's name shares a character with ``[start, end)``."""
        return self._alias_index.first_overlapping(start, end) is not None

    def names_within(self, start: int, end: int, past: int = -1) -> list[tuple[int, int]]:
        """The spans of names, known or found, inside ``[start, end)`` (and ending after
        ``past``): those of known people first, each in text order."""
        return [(s, e) for s, e, _ in self._alias_index.within(start, end, past)] + list(
            self._name_index.within(start, end, past)
        )

    def outlet_in(self, start: int, end: int) -> OutletMention | None:
        """The first outlet named inside ``[start, end)``."""
        return next(self._outlet_index.within(start, end), None)

    def outlets_within(self, start: int, end: int) -> list[OutletMention]:
        """The outlets named inside ``[start, end)``, in order."""
        return list(self._outlet_index.within(start, end))

    def outlet_at(self, pos: int) -> OutletMention | None:
        """The outlet whose name holds the character at ``pos``, if any."""
        return self._outlet_index.first_overlapping(pos, pos + 1)

    def outlet_over(self, start: int, end: int) -> OutletMention | None:
        """The first outlet whose name shares a character with ``[start, end)``."""
        return self._outlet_index.first_overlapping(start, end)

    def outlet_before(self, pos: int) -> OutletMention | None:
        """The last outlet (in text order) named before ``pos``."""
        return self._outlet_index.last_ending_by(pos)

    def role_key(self, noun: str) -> str:
        """One noun for a role and its synonyms (« technicien » → the first of its
        group): two nouns are the same role when their keys are equal."""
        return self.patterns.role_keys.get(noun, noun)

    def same_role(self, a: str, b: str) -> bool:
        """« patron » and « PDG », « magistrat » and « procureur » name the same role."""
        return a == b or any(a in group and b in group for group in self.patterns.role_synonyms)
