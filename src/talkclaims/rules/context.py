"""The parsed article and the lookups every attribution rule shares.

An `Article` holds one spaCy Doc with what the rules ask of it again and again:
quotation spans, rule-based sentences, outlet mentions, people's names (made whole),
roles the article introduces, and where a reported clause stops. Rules never
re-derive these; they ask the article. `Candidate` is a claim under construction.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from talkclaims.lang.outlets import OutletFinder, OutletMention
from talkclaims.lang.people import SpeakerIndex
from talkclaims.pipeline.nlp import doc_sentences, doc_text
from talkclaims.rules.cues import Cue, find_cues, lemma_of
from talkclaims.text.quotes import Quote, find_quotes
from talkclaims.text.sentences import paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from talkclaims.lang.patterns import Patterns

QUE_WORDS = {"que", "qu'", "qu’"}
DEFINITE = {"le", "la", "l'", "l’"}
CLITIC_OBJECTS = {"l'", "l’", "le", "la", "les", "en", "y", "se", "s'", "s’"}
NOT_COMPLEMENTISER = {
    "parce", "alors", "bien", "afin", "pour", "tandis", "sans", "avant", "après", "dès",
    "ainsi", "pendant", "depuis", "lors", "tant", "moins", "plus", "autant", "même", "sorte",
    "façon", "manière", "ce", "tel", "telle",
}  # fmt: skip
OPEN_MARKS = '«“„‹"'
CLOSE_MARKS = '»”›"“'
TRAILING = " \t\r\n\u00a0\u202f.,;:"
#: Lower wins when two candidates cover the same words.
RULE_PRIORITY = {
    "cue-quote": 0,
    "postposed-quote": 0,
    "incise-quote": 0,
    "participle-agent": 0,
    "cue-que": 1,
    "comme-incise": 1,
    "cue-infinitive": 2,
    "cue-question": 2,
    "cue-attribute": 2,
    "postposed-clause": 3,
    "selon": 4,
    "appositive-agent": 5,
    "block-quote": 0,
    "headline-quote": 0,
    "orphan-quote": 8,
    "quote-continuation": 7,
}
#: Rules whose claim is a clause after the cue: a cue inside it is reported, not reporting.
NAME_TAIL = re.compile(
    r"(?:-[A-ZÀ-Ý][\w’']+|[ \u00a0](?:(?:[Ll]e|[Ll]a|[Dd]e|[Dd]u|[Vv]an|[Vv]on|[Dd]er|[Dd]a|"
    r"[Dd]os|[Dd]i|[Bb]en|[Bb]in|[Aa]l)[ \u00a0])*[A-ZÀ-Ý][\w’'-]*[a-zà-ÿ][\w’'-]*){1,3}"
)


@dataclass
class Mention:
    """Words that point at a speaker, and what kind of pointing they do."""

    text: str
    start: int
    end: int
    kind: str  # name | pronoun | description | outlet | other
    name: str | None = None  # the name or outlet inside the words, when there is one


@dataclass
class Candidate:
    """A claim under construction."""

    start: int
    end: int
    kind: str
    rule: str
    cue: str | None
    at: int  # where the attribution is read (a pronoun looks back from here)
    zone: tuple[int, int]  # text searched for credited outlets
    mention: Mention | None = None
    speaker: str | None = None
    speaker_kind: str | None = None
    sources: list[str] = field(default_factory=list)
    cue_span: tuple[int, int] | None = None  # the reporting verb's words, for display

    @property
    def priority(self) -> int:
        return RULE_PRIORITY[self.rule]


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    name: str
    sentence: int
    subject: bool


class Article:
    """One parsed document and the lookups every rule shares."""

    def __init__(
        self, doc: Doc, patterns: Patterns, index: SpeakerIndex, outlets: OutletFinder
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.patterns = patterns
        self.index = index
        self.quotes: list[Quote] = find_quotes(self.text)
        self._quote_opens = [q.open for q in self.quotes]
        self.sentences = doc_sentences(doc, self.text)
        self.paragraphs = list(paragraphs(self.text))
        self._sent_starts = [s for s, _ in self.sentences]
        self.outlets: list[OutletMention] = outlets.find(self.text)
        self.alias_spans = self._find_aliases()
        self.names = self._name_spans()
        self.blocks: list[Candidate] = []
        # verbs inside a quotation are the speaker's words, except an incise that
        # breaks the quotation (« X, a-t-il dit, Y »)
        self.cues: list[Cue] = []
        self.quoted_cues: list[Cue] = []
        for cue in find_cues(doc, patterns):
            (self.quoted_cues if self.in_quote(cue.token.idx) else self.cues).append(cue)
        self._index_cues()
        self.outlet_nouns = {n.lower() for n in patterns.outlet_nouns}
        self.persons = self._person_mentions()
        self.article_names = [p.name for p in self.persons]
        self.roles = self._introduced_roles()

    def set_blocks(self, blocks: list[Candidate]) -> None:
        """Block quotations found by layout: their verbs are the speaker's words too."""
        self.blocks = blocks
        self.cues = [
            c for c in self.cues if not any(b.start <= c.start_char < b.end for b in blocks)
        ]
        self._index_cues()

    def _index_cues(self) -> None:
        """Where cues start, computed once: every clause end asks for them."""
        self._cue_starts = {c.start_char for c in self.cues if c.form != "participle"}
        self._gerund_starts = {c.token.idx for c in self.cues if c.form == "gerund"}
        self._clause_cue_starts = self._cue_starts | self._gerund_starts
        self._any_cue_starts = self._cue_starts | {c.token.idx for c in self.cues}

    # ----------------------------------------------------------------- lookups
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

    # ------------------------------------------------------------- people
    def _find_aliases(self) -> list[tuple[int, int, str]]:
        """Spans of known people's names, found by spelling (before and beside NER)."""
        spellings = self.patterns.spellings
        found: list[tuple[int, int, str]] = []
        for ent in self.doc.ents:
            if ent.label_ == "PER":
                person = self.index.known(ent.text)
                if person is not None:
                    found.append((ent.start_char, ent.end_char, person.name))
        taken = [(s, e) for s, e, _ in found]
        for m in self.patterns.spelling_regex.finditer(self.text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), spellings[m.group()]))
        return sorted(found)

    def _person_mentions(self) -> list[PersonMention]:
        outlet_spans = [(o.start, o.end) for o in self.outlets]
        spans: dict[int, tuple[int, str]] = {s: (e, name) for s, e, name in self.alias_spans}
        for start, end in self.names:
            if start in spans:
                continue
            if any(s < end and start < e for s, e in outlet_spans):
                continue
            if any(s < end and start < e for s, (e, _) in spans.items()):
                continue
            spans[start] = (end, self.text[start:end])
        names = [n for _, n in spans.values()]
        mentions = []
        for start, (end, name) in sorted(spans.items()):
            if self.in_quote(start):
                continue
            span = self.char_span(start, end)
            subject = span is not None and any(t.dep_.startswith("nsubj") for t in span)
            mentions.append(
                PersonMention(
                    start, self.index.canonical(name, names), self.sentence_index(start), subject
                )
            )
        return mentions

    def _introduced_roles(self) -> list[tuple[int, str, str]]:
        """(position, role noun, person) for « X, porte-parole de … », « le vice-président X »."""
        roles = []
        for mention in self.persons:
            before = self.text[max(0, mention.start - 80) : mention.start]
            span = self.char_span(mention.start, mention.start + 1)
            end = span.end_char if span is not None else mention.start
            after = self.text[end : end + 80]
            roles_re = self.patterns.role_regex
            # « le vice-président Vance », « La ministre du Travail, Claire Vasseur »
            found = [
                m.group().lower()
                for m in roles_re.finditer(before)
                if len(before) - m.end() <= 60 and not re.search(r"[.;]", before[m.end() :])
            ]
            # « Dmitri Peskov, porte-parole de … », « X, cheffe économiste chez … »
            comma = re.match(r"[^,.;]*?,\s*", after)
            if comma:
                apposition = re.split(r"[,.;]", after[comma.end() :], maxsplit=1)[0]
                for m in roles_re.finditer(apposition):
                    if len(apposition[: m.start()].split()) <= 4:
                        found.append(m.group().lower())
            for noun in found:
                if not any(noun != other and noun in other.split() for other in found):
                    roles.append((mention.start, noun, mention.name))
        # « Léa F. arrive en avance. … la réalisatrice de 41 ans n'a pas atterri »: a
        # description subject right after a sentence about someone is that someone
        for token in self._role_subjects():
            if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
                continue
            person = self.salient_person(token.idx, max_back=1)
            if person is not None:
                roles.append((token.idx, token.lower_, person))
        return sorted(roles)

    def _role_subjects(self) -> list[Token]:
        """Subjects that are role nouns (« la réalisatrice »), found on the Doc's arrays:
        making a Token of every word costs more than the rule itself."""
        from spacy.attrs import DEP, LOWER

        if not len(self.doc):
            return []
        strings = self.doc.vocab.strings
        nsubj = strings["nsubj"]
        roles = {strings[noun] for noun in self.patterns.role_nouns}
        rows = self.doc.to_array([DEP, LOWER]).tolist()
        return [
            self.doc[i] for i, (dep, lower) in enumerate(rows) if dep == nsubj and lower in roles
        ]

    def same_role(self, a: str, b: str) -> bool:
        """« patron » and « PDG », « magistrat » and « procureur » name the same role."""
        return a == b or any(a in group and b in group for group in self.patterns.role_synonyms)

    def add_person(self, start: int, name: str) -> None:
        """A speaker resolved from a pronoun or a description becomes a mention in its own
        right, so that the next « elle » finds her even if her name is far back."""
        mention = PersonMention(start, name, self.sentence_index(start), True)
        bisect.insort(self.persons, mention, key=lambda m: m.start)

    def _name_spans(self) -> list[tuple[int, int]]:
        """People's names found by the model, made whole.

        PER entities, and names the model calls MISC when they stand in apposition to a
        common noun (« La navigatrice Clarisse Crémer »); each is extended over what the
        model cut off (« Masson-Delmotte », « Al-Khelaïfi », « Bruno Le Maire »).
        """
        spans = []
        for ent in self.doc.ents:
            person = ent.label_ == "PER" or (
                ent.label_ == "MISC"
                and len(ent) > 1
                and all(t.pos_ == "PROPN" for t in ent)
                and ent.root.dep_ in ("appos", "nsubj", "flat:name")
                and ent.root.head.pos_ == "NOUN"
            )
            if not person or any(o.start <= ent.start_char < o.end for o in self.outlets):
                continue
            if ent.text.isupper() and len(ent) == 1:
                continue  # a dateline (« BRUXELLES (AFP) - »), not a person
            end = ent.end_char
            match = NAME_TAIL.match(self.text, end)
            if match:
                end = match.end()
            spans.append((ent.start_char, end))
        return spans

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

    def salient_person(self, pos: int, max_back: int = 10) -> str | None:
        """The person a pronoun at ``pos`` most likely means: the subject, else the first named."""
        here = self.sentence_index(pos)
        for idx in range(here, max(-1, here - max_back - 1), -1):
            found = [m for m in self.persons if m.sentence == idx and m.start < pos]
            if found:
                subjects = [m for m in found if m.subject]
                return (subjects[-1] if subjects else found[0]).name
        return None

    # ----------------------------------------------------------- mentions
    def mention_from_tokens(self, tokens: list[Token]) -> Mention | None:
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        text = self.text[start:end]
        name = self.name_in(start, end)
        if name is not None:
            return Mention(text, start, end, "name", name)
        first = tokens[0].lower_
        if len(tokens) <= 2 and (
            first in self.patterns.pronouns or text.lower() in self.patterns.pronouns
        ):
            return Mention(text, start, end, "pronoun")
        outlet = self.outlet_in(start, end)
        if outlet is not None:
            return Mention(text, start, end, "outlet", outlet.name)
        head = next(
            (t for t in tokens if t.pos_ in ("NOUN", "PROPN")), tokens[min(1, len(tokens) - 1)]
        )
        if first in DEFINITE | {"ce", "cet", "cette"} and head.lower_ in self.outlet_nouns:
            # « Le quotidien économique précise que »: the outlet named last
            earlier = [o for o in self.outlets if o.end <= start]
            if earlier:
                return Mention(text, start, end, "outlet", earlier[-1].name)
        if first in DEFINITE and len(tokens) > 1 and head.lower_ in self.patterns.role_nouns:
            return Mention(text, start, end, "description", head.lower_)
        return Mention(text, start, end, "other")

    def noun_phrase(self, token: Token) -> list[Token]:
        """The subject words around ``token``: its subtree up to a comma, relative or verb."""
        doc = token.doc
        left = token.left_edge.i
        right = token.right_edge.i
        tokens = []
        for t in doc[left : right + 1]:
            past_participle = "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get(
                "Tense"
            )
            if t.i > token.i and (
                t.is_punct
                or (t.pos_ in ("VERB", "AUX") and not past_participle)
                or t.lower_ in ("qui", "que", "dont")
            ):
                break
            if t.i < token.i and (t.is_punct or t.is_quote):
                tokens = []
                continue
            tokens.append(t)
        return tokens or [token]

    def grab_noun_phrase(self, i: int) -> list[Token]:
        """Surface noun phrase from token ``i`` on (for inverted subjects and agents)."""
        doc = self.doc
        tokens: list[Token] = []
        while i < len(doc):
            t = doc[i]
            # « Steve Witkoff et Jared Kushner »: a conjunction between names stays
            # « le PDG et cofondateur »: coordinated titles too
            joins_names = (
                t.pos_ == "CCONJ"
                and tokens
                and i + 1 < len(doc)
                and (doc[i + 1].pos_ == "PROPN" or tokens[-1].pos_ == doc[i + 1].pos_ == "NOUN")
            )
            # « l'un d'eux », « l'une des victimes »: an indefinite pronoun heads the phrase
            one_of = t.lower_ in ("un", "une") and tokens and tokens[-1].lower_ in ("l'", "l’")
            if (
                t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ", "PRON")
            ) and not (joins_names or one_of or (t.lower_ in ("eux", "elles") and tokens)):
                break
            if t.pos_ == "ADP" and lemma_of(t) not in ("de", "du", "des"):
                break
            if t.lower_ in ("selon", "au", "aux", "lors", "dans", "avec"):
                break
            tokens.append(t)
            i += 1
        while tokens and (tokens[-1].pos_ in ("ADP", "DET", "CCONJ")):
            tokens.pop()
        return tokens

    # ------------------------------------------------------- clause extent
    def clause_end(self, start: int, limit: int) -> int:
        """Where the reported clause from ``start`` stops before ``limit``.

        It stops at « ; », at a closing parenthesis it did not open, and at a comma or
        dash that introduces an attribution (« , selon », « , a-t-il dit », « – comme
        l'a dit ») or a new clause of the author's (« , car », « , mais »).
        """
        text = self.text
        depth = 0
        i = start
        while i < limit:
            quote = self.in_quote(i + 1) if text[i] in OPEN_MARKS else None
            if quote is not None and quote.open == i:
                i = quote.close
                continue
            ch = text[i]
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    return i
                depth -= 1
            elif depth == 0 and (
                ch == ";"
                or (ch in ",–—" and self._breaks_clause(i))
                or (ch == " " and self._according_at(i + 1))  # « … » selon X
                # « … » et a appelé X à …: a second verb phrase with its own cue
                or (
                    ch == " "
                    and text.startswith("et ", i + 1)
                    and any(i + 4 <= c <= i + 14 for c in self._any_cue_starts)
                )
            ):
                return i
            i += 1
        return limit

    def _according_at(self, i: int) -> bool:
        """True when an « according to » phrase (« selon », « d'après ») starts at ``i``."""
        return self.patterns.according_regex.match(self.text, i) is not None

    def _breaks_clause(self, i: int) -> bool:
        j = i + 1
        while j < len(self.text) and self.text[j] in " \u00a0\u202f":
            j += 1
        if self.patterns.clause_break_regex.match(self.text, j):
            return True
        rest = self.text[j : j + 16].lower()
        # « , a déclaré X » / « , a-t-il ajouté » / « , comme il l'a dit »: a postposed cue;
        # « , tout en reconnaissant que »: a reporting gerund opens a claim of its own
        for lead in ("", "tout en ", "en "):
            if rest.startswith(lead) and j + len(lead) in self._clause_cue_starts:
                return True
        if rest.startswith("comme ") and any(j < c <= j + 16 for c in self._cue_starts):
            return True
        return bool(self.patterns.appositive_regex.match(self.text, j))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in TRAILING:
            start += 1
        while end > start and self.text[end - 1] in TRAILING:
            end -= 1
        return start, end

    def shape(self, start: int, end: int) -> tuple[str, int, int]:
        """Kind (direct, mixed, indirect) and span to report for reported words ``[start, end)``."""
        start, end = self.trim(start, end)
        inside = [q for q in self.quotes if start <= q.open and q.close <= end + 1]
        if not inside:
            return "indirect", start, end
        first = inside[0]
        before = self.text[start : first.open].strip(" ,:\u00a0\u202f")
        after = self.text[first.close : end].strip(TRAILING + "…!?")
        if len(inside) == 1 and not before and not after:
            return "direct", first.start, first.end
        return "mixed", start, end


def make_candidate(
    article: Article,
    start: int,
    end: int,
    rule: str,
    cue: Cue | None,
    at: int,
    mention: Mention | None,
) -> Candidate | None:
    kind, s, e = article.shape(start, end)
    if e - s < 2:
        return None
    zone_start = min(article.sentence(s)[0], article.sentence(at)[0])
    zone_end = max(article.sentence(max(s, e - 1))[1], article.sentence(at)[1])
    found = Candidate(
        s, e, kind, rule, cue.lemma if cue else None, at, (zone_start, zone_end), mention
    )
    found.cue_span = (cue.start_char, cue.end_char) if cue else None
    return found


def quote_candidate(
    article: Article, quote: Quote, rule: str, cue: Cue | None, at: int, mention: Mention | None
) -> Candidate:
    zone_start = min(article.sentence(quote.open)[0], article.sentence(at)[0])
    zone_end = max(article.sentence(quote.close - 1)[1], article.sentence(at)[1])
    found = Candidate(
        quote.start,
        quote.end,
        "direct",
        rule,
        cue.lemma if cue else None,
        at,
        (zone_start, zone_end),
        mention,
    )
    found.cue_span = (cue.start_char, cue.end_char) if cue else None
    return found


def preceding_char(article: Article, pos: int) -> str:
    i = pos - 1
    while i >= 0 and article.text[i] in " \u00a0\u202f\t":
        i -= 1
    return article.text[i] if i >= 0 else "\n"
