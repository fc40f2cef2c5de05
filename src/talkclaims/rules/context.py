"""The article context: everything the rules read about one parsed document, built once.

The context is built in reading order (quotations, sentences and paragraphs, outlets,
people's names, block quotations, cues, the people the article mentions and the roles
it gives them) and is read-only afterwards: proposers, settling and speaker resolution
only ask it questions. The one thing that changes while an article is processed, who
has been mentioned as a speaker so far, lives in `talkclaims.rules.speakers.PeopleTracker`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from talkclaims.pipeline.nlp import doc_sentences, doc_text
from talkclaims.rules.cues import Cue, find_cues
from talkclaims.rules.layout import BlockQuote, find_block_quotes
from talkclaims.rules.names import (
    PersonMention,
    find_aliases,
    first_name_genders,
    introduced_roles,
    name_spans,
    person_genders,
    person_mentions,
)
from talkclaims.text.quotes import Quote, find_quotes
from talkclaims.text.sentences import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from talkclaims.lang.grammar import Grammar
    from talkclaims.lang.outlets import OutletFinder, OutletMention
    from talkclaims.lang.patterns import Patterns
    from talkclaims.lang.people import SpeakerIndex


class ArticleContext:
    """One parsed document and the lookups every rule shares; read-only once built."""

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
        self.sentences = doc_sentences(doc, self.text)
        self._sent_starts = [s for s, _ in self.sentences]
        self.paragraphs = tuple(paragraphs(self.text))
        # outlets and people's names
        self.outlets = tuple(outlets.find(self.text))
        self.outlet_nouns = frozenset(n.lower() for n in patterns.outlet_nouns)
        self.alias_spans = find_aliases(self)
        self.names = name_spans(self)
        # block quotations, then cues: verbs inside a quotation are the speaker's words,
        # except an incise that breaks the quotation (« X, a-t-il dit, Y »)
        self.block_quotes = find_block_quotes(self)
        cues, quoted = [], []
        for cue in find_cues(doc, patterns):
            if self.in_quote(cue.token.idx):
                quoted.append(cue)
            elif not any(b.start <= cue.start_char < b.end for b in self.block_quotes):
                cues.append(cue)
        self.cues, self.quoted_cues = tuple(cues), tuple(quoted)
        # where cues start, computed once: every clause end asks for them
        self.cue_starts = frozenset(c.start_char for c in cues if c.form != "participle")
        gerunds = {c.token.idx for c in cues if c.form == "gerund"}
        self.clause_cue_starts = self.cue_starts | gerunds
        self.any_cue_starts = self.cue_starts | {c.token.idx for c in cues}
        # the people the article mentions, and the roles it gives them
        self.persons = person_mentions(self)
        self.article_names = tuple(p.name for p in self.persons)
        self.roles = introduced_roles(self)
        self.genders = person_genders(self)
        # what pronoun resolution goes by: the text's evidence, else the first name
        self.likely_genders = first_name_genders(self) | self.genders
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
        for start, end in self.paragraphs:
            if start <= pos <= end:
                return start, end
        return pos, pos

    def char_span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def token_at(self, pos: int) -> Token | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ---------------------------------------------------------- names, outlets
    def name_in(self, start: int, end: int) -> str | None:
        """A person's name written inside ``[start, end)``, known first."""
        for s, e, _ in self.alias_spans:
            if start <= s and e <= end:
                return self.text[s:e]
        for s, e in self.names:
            if start <= s and e <= end:
                return self.text[s:e]
        for s, e in self.names:
            if s < end and start < e:  # the phrase cuts the name: take the whole name
                return self.text[s:e]
        return None

    def outlet_in(self, start: int, end: int) -> OutletMention | None:
        for outlet in self.outlets:
            if start <= outlet.start and outlet.end <= end:
                return outlet
        return None

    def same_role(self, a: str, b: str) -> bool:
        """« patron » and « PDG », « magistrat » and « procureur » name the same role."""
        return a == b or any(a in group and b in group for group in self.patterns.role_synonyms)
