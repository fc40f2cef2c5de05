"""Turn quotations, cues and attribution phrasings into claims with speakers and sources.

The flow is one way: candidates are proposed by independent rule families (a reporting
verb and its frame, « selon X », a participle with its agent, a block quotation, a
quotation continuing the previous one), overlapping candidates are settled by rule
priority, then speakers are resolved in reading order (pronouns and descriptions
look back at what the article said before) and outlets are credited last.

Every candidate records the rule that made it, so users can filter and developers can
see why a claim is there.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from talkclaims.cues import Cue, find_cues, is_clitic_subject, lemma_of
from talkclaims.quotes import Quote, find_quotes
from talkclaims.records import Claim
from talkclaims.sentences import paragraphs, sentences
from talkclaims.sources import OutletFinder, OutletMention
from talkclaims.speakers import SpeakerIndex, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from talkclaims.patterns import Patterns

_QUE = {"que", "qu'", "qu’"}
_DEFINITE = {"le", "la", "l'", "l’"}
_CLITIC_OBJECTS = {"l'", "l’", "le", "la", "les", "en", "y", "se", "s'", "s’"}
_NOT_COMPLEMENTISER = {
    "parce", "alors", "bien", "afin", "pour", "tandis", "sans", "avant", "après", "dès",
    "ainsi", "pendant", "depuis", "lors", "tant", "moins", "plus", "autant", "même", "sorte",
    "façon", "manière", "ce", "tel", "telle",
}  # fmt: skip
_OPEN_MARKS = '«“„‹"'
_CLOSE_MARKS = '»”›"“'
_TRAILING = " \t\r\n\u00a0\u202f.,;:"

#: Base confidence of each rule family, before the speaker resolution is weighed in.
RULE_CONFIDENCE = {
    "cue-que": 0.9,
    "cue-quote": 0.9,
    "postposed-quote": 0.9,
    "incise-quote": 0.9,
    "quote-continuation": 0.8,
    "comme-incise": 0.8,
    "participle-agent": 0.8,
    "cue-infinitive": 0.8,
    "postposed-clause": 0.75,
    "cue-attribute": 0.75,
    "cue-question": 0.75,
    "selon": 0.75,
    "appositive-agent": 0.65,
    "block-quote": 0.6,
}
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
    "quote-continuation": 7,
}
#: Rules whose claim is a clause after the cue: a cue inside it is reported, not reporting.
_CLAUSE_RULES = {"cue-que", "cue-infinitive", "cue-question", "cue-attribute"}
#: What the model cuts off the end of a name: « -Delmotte », « Le Maire », « von der Leyen ».
_NAME_TAIL = re.compile(
    r"(?:-[A-ZÀ-Ý][\w’']+|[ \u00a0](?:(?:[Ll]e|[Ll]a|[Dd]e|[Dd]u|[Vv]an|[Vv]on|[Dd]er|[Dd]a|"
    r"[Dd]os|[Dd]i|[Bb]en|[Bb]in|[Aa]l)[ \u00a0])*[A-ZÀ-Ý][\w’'-]*[a-zà-ÿ][\w’'-]*){1,3}"
)
_SPEAKER_WEIGHT = {"name": 1.0, "outlet": 1.0, "other": 0.95, "description": 0.85, "pronoun": 0.85}


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
        self.text = doc.text
        self.patterns = patterns
        self.index = index
        self.quotes: list[Quote] = find_quotes(self.text)
        self._quote_opens = [q.open for q in self.quotes]
        self.sentences = list(sentences(self.text))
        self._sent_starts = [s for s, _ in self.sentences]
        self.outlets: list[OutletMention] = outlets.find(self.text)
        self._alias_spans = self._find_aliases()
        self.names = self._name_spans()
        self.blocks: list[Candidate] = _block_quotes(self)
        # verbs inside a quotation, marked or set off as a block, are the speaker's words,
        # except an incise that breaks the quotation (« X, a-t-il dit, Y »)
        self.cues: list[Cue] = []
        self.quoted_cues: list[Cue] = []
        for cue in find_cues(doc, patterns):
            if self.in_quote(cue.token.idx):
                self.quoted_cues.append(cue)
            elif not any(b.start <= cue.start_char < b.end for b in self.blocks):
                self.cues.append(cue)
        self.persons = self._person_mentions()
        self.article_names = [p.name for p in self.persons]
        self.roles = self._introduced_roles()

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
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end == -1 else end

    def char_span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def token_at(self, pos: int) -> Token | None:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # ------------------------------------------------------------- people
    def _find_aliases(self) -> list[tuple[int, int, str]]:
        """Spans of known people's names, found by spelling (before and beside NER)."""
        spellings: dict[str, str] = {}
        for person in self.patterns.speakers:
            for spelling in (person.name, *person.aliases):
                spellings.setdefault(spelling, person.name)
        found: list[tuple[int, int, str]] = []
        for ent in self.doc.ents:
            if ent.label_ == "PER":
                person = self.index.known(ent.text)
                if person is not None:
                    found.append((ent.start_char, ent.end_char, person.name))
        taken = [(s, e) for s, e, _ in found]
        for spelling in sorted(spellings, key=len, reverse=True):
            for m in re.finditer(r"(?<![\w-])" + re.escape(spelling) + r"(?![\w-])", self.text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    found.append((m.start(), m.end(), spellings[spelling]))
                    taken.append((m.start(), m.end()))
        return sorted(found)

    def _person_mentions(self) -> list[PersonMention]:
        outlet_spans = [(o.start, o.end) for o in self.outlets]
        spans: dict[int, tuple[int, str]] = {s: (e, name) for s, e, name in self._alias_spans}
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
            before = self.text[max(0, mention.start - 60) : mention.start]
            span = self.char_span(mention.start, mention.start + 1)
            end = span.end_char if span is not None else mention.start
            after = self.text[end : end + 80]
            found = []
            for noun in self.patterns.role_nouns:
                pattern = r"(?<![\w-])" + re.escape(noun) + r"(?![\w-])"
                if re.search(pattern + r"[^.;]{0,40}$", before, re.I) or re.match(
                    r"[^,.;]*?,\s*(?:l[ea]\s+|l['’])?(?:[\w’'-]+\s+){0,3}?" + pattern, after, re.I
                ):
                    found.append(noun)
            for noun in found:
                if not any(noun != other and noun in other.split() for other in found):
                    roles.append((mention.start, noun, mention.name))
        return roles

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
            match = _NAME_TAIL.match(self.text, end)
            if match:
                end = match.end()
            spans.append((ent.start_char, end))
        return spans

    def name_in(self, start: int, end: int) -> str | None:
        """A person's name written inside ``[start, end)``, known first."""
        for s, e, _ in self._alias_spans:
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

    def salient_person(self, pos: int, max_back: int = 6) -> str | None:
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
        if first in _DEFINITE and len(tokens) > 1:
            head = next((t for t in tokens if t.pos_ in ("NOUN", "PROPN")), tokens[1])
            if head.lower_ in self.patterns.role_nouns:
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
            joins_names = (
                t.pos_ == "CCONJ" and tokens and i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN"
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
        cue_starts = {c.start_char for c in self.cues if c.form != "participle"}
        depth = 0
        i = start
        while i < limit:
            quote = self.in_quote(i + 1) if text[i] in _OPEN_MARKS else None
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
                or (ch in ",–—" and self._breaks_clause(i, cue_starts))
                or (ch == " " and self._according_at(i + 1))  # « … » selon X
                # « … » et a appelé X à …: a second verb phrase with its own cue
                or (
                    ch == " "
                    and text.startswith("et ", i + 1)
                    and any(i + 4 <= c <= i + 14 for c in cue_starts)
                )
            ):
                return i
            i += 1
        return limit

    def _according_at(self, i: int) -> bool:
        """True when an « according to » phrase (« selon », « d'après ») starts at ``i``."""
        rest = fold(self.text[i : i + 20])
        for word in self.patterns.according_to:
            w = fold(word)
            if rest.startswith(w) and not rest[len(w) : len(w) + 1].isalpha():
                return True
        return False

    def _breaks_clause(self, i: int, cue_starts: set[int]) -> bool:
        j = i + 1
        while j < len(self.text) and self.text[j] in " \u00a0\u202f":
            j += 1
        rest = fold(self.text[j : j + 60])
        for word in (*self.patterns.according_to, *self.patterns.clause_breaks):
            w = fold(word)
            if rest.startswith(w) and not rest[len(w) : len(w) + 1].isalpha():
                return True
        # « , a déclaré X » / « , a-t-il ajouté » / « , comme il l'a dit »: a postposed cue
        if j in cue_starts:
            return True
        if rest.startswith("comme ") and any(j < c <= j + 16 for c in cue_starts):
            return True
        return bool(
            re.match(
                r"(?:un|une|le|la|les|des|ce|cette)\s+(?:"
                + "|".join(map(re.escape, self.patterns.appositive_heads))
                + r")\b",
                rest,
            )
        )

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _TRAILING:
            start += 1
        while end > start and self.text[end - 1] in _TRAILING:
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
        after = self.text[first.close : end].strip(_TRAILING + "…!?")
        if len(inside) == 1 and not before and not after:
            return "direct", first.start, first.end
        return "mixed", start, end


# ======================================================================= rules
def _subject(article: Article, cue: Cue) -> Mention | None:
    """The speaker words of a cue: subject, apposition, inverted subject, agent or clitic."""
    doc = article.doc
    verbs = [t for t in doc[cue.first : cue.last + 1] if t.pos_ in ("VERB", "AUX")] or [cue.token]
    if cue.form == "gerund" and cue.token.head is not cue.token:
        verbs = [cue.token.head]
    # the subject of a passive is what was said, not who said it; words inside a
    # quotation are the quoted speaker's, never the subject of the cue that frames them
    subject_deps = ("nsubj",) if cue.form == "passive" else ("nsubj", "nsubj:pass")
    subjects = [
        c
        for v in verbs
        for c in v.children
        if c.dep_ in subject_deps and c.i != v.i and _own_subject(article, cue, c)
    ]
    # « … s'est dit préoccupé et a appelé X à … »: a coordinated verb shares the subject
    head = cue.token
    while not subjects and head.dep_ in ("conj", "xcomp") and head.head.i < head.i:
        head = head.head
        subjects = [
            c
            for c in head.children
            if c.dep_ == "nsubj" and not is_clitic_subject(c) and not article.in_quote(c.idx)
        ]
    # a verb the tagger read as a noun (« L'économiste juge probable »): the words before
    if not subjects and cue.token.pos_ == "NOUN" and cue.token.i > 0:
        prev = doc[cue.token.i - 1]
        words = [prev] if prev.pos_ == "PRON" else list(doc[max(0, prev.i - 1) : prev.i + 1])
        return article.mention_from_tokens(words)
    # « Le conseiller du président Poutine, Iouri Ouchakov, a estimé »: the apposition
    # names the speaker; a name inside a complement (« du président Poutine ») does not
    subjects += [c for s in subjects for c in s.children if c.dep_ == "appos"]
    if subjects:
        relative = [s for s in subjects if s.lower_ == "qui"]
        if relative and cue.token.dep_ == "acl:relcl":
            return article.mention_from_tokens(article.noun_phrase(cue.token.head))
        ranked = []
        for s in subjects:
            if s.lower_ in article.patterns.time_words:
                continue
            phrase = article.noun_phrase(s)
            mention = article.mention_from_tokens(phrase)
            if mention is None:
                continue
            if mention.kind != "name":
                # « Sa secrétaire générale, Nadia Ferrand, a regretté »
                mention = _apposed_name(article, phrase[-1].i + 1) or mention
            own = s.ent_type_ == "PER" or any(a <= s.idx < b for a, b, _ in article._alias_spans)
            rank = 0 if own else 1 if mention.kind == "name" else 2
            ranked.append((s.i > cue.token.i, rank, s.i, mention))
        if ranked:
            return min(ranked, key=lambda r: r[:3])[3]
    clitics = [
        c
        for v in verbs
        for c in v.children
        if (c.dep_ == "expl:subj" or is_clitic_subject(c)) and c.lower_ != "-t"
    ] or [t for t in doc[cue.first : cue.last + 1] if is_clitic_subject(t) and t.lower_ != "-t"]
    if clitics:
        return article.mention_from_tokens([clitics[-1]])
    # « Il a déclaré » parsed with the pronoun elsewhere: look just before the phrase
    if cue.first > 0 and doc[cue.first - 1].lower_ in article.patterns.pronouns:
        return article.mention_from_tokens([doc[cue.first - 1]])
    after = cue.last + 1
    if after < len(doc) and doc[after].lower_ in article.patterns.agent_markers:
        return article.mention_from_tokens(article.grab_noun_phrase(after + 1))
    if cue.form in ("passive", "participle"):
        return None
    if cue.form == "gerund":
        # « Il a assuré que …, tout en reconnaissant que »: the main clause's speaker
        earlier = [
            c
            for c in article.cues
            if c.token.i < cue.token.i and c.token.sent == cue.token.sent and c.form != "gerund"
        ]
        return _subject(article, earlier[-1]) if earlier else None
    # « Le président du groupe, Karim Benali, estime »: a name just before the verb
    before = _name_before(article, cue.first)
    if before is not None:
        return before
    # inverted subject: « a déclaré Dmitri Peskov », « a expliqué le politicien américain »,
    # « a déclaré à l'AFP la porte-parole de l'OMS », « a assuré dimanche X »
    after = _skip_adjuncts(article, after)
    if after < len(doc) and not doc[after].is_punct:
        tokens = article.grab_noun_phrase(after)
        if tokens and any(t.pos_ in ("NOUN", "PROPN") or t.ent_type_ == "PER" for t in tokens):
            mention = article.mention_from_tokens(tokens)
            return _apposed_name(article, tokens[-1].i + 1) or mention
    return None


def _own_subject(article: Article, cue: Cue, token: Token) -> bool:
    """Whether a token the parser made the cue's subject really is.

    Not a clitic (« -t-il », the « l' » of « comme l'a dit »), not a word inside a
    quotation, and not the subject of another clause: « Les négociations sont dans
    l'impasse, a indiqué X » has a finite verb between « négociations » and the cue.
    """
    if is_clitic_subject(token) or article.in_quote(token.idx):
        return False
    if token.i >= cue.first - 1 and token.lower_ in _CLITIC_OBJECTS:
        return False
    if token.i < cue.first and any(t.text == "," for t in article.doc[token.i + 1 : cue.first]):
        # a comma between: the subject of the cue only if no other clause stands before it
        # (« Les négociations sont dans l'impasse, a indiqué X »)
        s_start = article.token_at(article.sentence(token.idx)[0])
        first = s_start.i if s_start is not None else 0
        comma = max(t.i for t in article.doc[token.i + 1 : cue.first] if t.text == ",")
        if any("Fin" in t.morph.get("VerbForm") for t in article.doc[first:comma]):
            return False
    return True


def _skip_adjuncts(article: Article, i: int) -> int:
    """Past time words and a short prepositional phrase (« à l'AFP », « lundi soir »)."""
    doc = article.doc
    while i < len(doc):
        t = doc[i]
        if t.lower_ in article.patterns.time_words or t.pos_ == "ADV":
            i += 1
        elif t.lower_ in ("à", "au", "aux", "devant", "sur", "dans") and i + 1 < len(doc):
            j = i + 1
            if doc[j].pos_ == "DET":
                j += 1
            while j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN") and j - i <= 4:
                j += 1
            if j == i + 1 or j >= len(doc) or doc[j].pos_ != "DET":
                return i  # not followed by another noun phrase: no inverted subject there
            i = j
        else:
            return i
    return i


def _name_before(article: Article, first: int) -> Mention | None:
    """A name closing an apposition right before the verb: « …, Karim Benali, estime »."""
    doc = article.doc
    if first < 2 or doc[first - 1].text != ",":
        return None
    end = doc[first - 2].idx + len(doc[first - 2].text)
    start = article.text.rfind(",", article.sentence(end - 1)[0], end - 1)
    if start < 0:
        return None
    name = article.name_in(start + 1, end)
    if name is None or article.text[start + 1 : end].strip() != name:
        return None
    at = article.text.index(name, start + 1)
    return Mention(name, at, at + len(name), "name", name)


def _apposed_name(article: Article, i: int) -> Mention | None:
    """« …, a raconté l'entraîneur lensois, Olivier Gastaud, en conférence »: the name."""
    doc = article.doc
    if i >= len(doc) or doc[i].text != ",":
        return None
    start = doc[i + 1].idx if i + 1 < len(doc) else len(article.text)
    stop = article.text.find(",", start)
    stop = len(article.text) if stop == -1 else stop
    stop = min(stop, article.sentence(start)[1])
    name = article.name_in(start, stop)
    if name is None or not article.text[start:stop].startswith(name):
        return None
    return Mention(name, start, start + len(name), "name", name)


def _next_word(article: Article, i: int) -> Token | None:
    """The next word, over adverbs (« a par ailleurs jugé ») but not « ne » or « comment »."""
    doc = article.doc
    keep = {"ne", "n'", "n’", *article.patterns.question_words}
    while i < len(doc) and (
        doc[i].is_space or (doc[i].pos_ == "ADV" and doc[i].lower_ not in keep)
    ):
        i += 1
    return doc[i] if i < len(doc) else None


def _que_after(article: Article, cue: Cue) -> Token | None:
    """The « que » opening the cue's clause: its ccomp's mark, or a « que » a few words on."""
    doc = article.doc

    def complementiser(t: Token) -> Token | None:
        if t.lower_ == "qu" and t.i + 1 < len(doc) and doc[t.i + 1].text in ("'", "’"):
            return doc[t.i + 1]  # « qu' « on avait » »: the apostrophe split off
        if t.lower_ not in _QUE:
            return None
        # « parce que », « alors que », « bien que » open the author's clause, not the cue's
        if t.i > 0 and doc[t.i - 1].lower_ in _NOT_COMPLEMENTISER:
            return None
        return t

    for child in cue.token.children:
        if child.dep_ in ("ccomp", "advcl", "obj") and child.i > cue.token.i:
            for grand in child.children:
                if grand.i > cue.last and grand.i - cue.last <= 8 and complementiser(grand):
                    return complementiser(grand)
    for i in range(cue.last + 1, min(cue.last + 9, len(doc))):
        t = doc[i]
        if t.lower_ in _QUE or t.lower_ == "qu":
            return complementiser(t)
        if t.pos_ in ("VERB", "AUX") or t.text in '.;«»“”"' or t.is_space:
            return None
    return None


def _candidate(
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
    return Candidate(
        s, e, kind, rule, cue.lemma if cue else None, at, (zone_start, zone_end), mention
    )


def _quote_candidate(
    article: Article, quote: Quote, rule: str, cue: Cue | None, at: int, mention: Mention | None
) -> Candidate:
    zone_start = min(article.sentence(quote.open)[0], article.sentence(at)[0])
    zone_end = max(article.sentence(quote.close - 1)[1], article.sentence(at)[1])
    return Candidate(
        quote.start,
        quote.end,
        "direct",
        rule,
        cue.lemma if cue else None,
        at,
        (zone_start, zone_end),
        mention,
    )


def _quote_after(article: Article, cue: Cue, mention: Mention | None) -> Quote | None:
    """A quotation that the cue introduces: « a déclaré : « … » », « comme l'a dit X, « … » »."""
    text = article.text
    end = cue.end_char
    if mention is not None and mention.start >= end:
        end = mention.end
    for quote in article.quotes:
        if quote.open < end:
            continue
        gap = text[end : quote.open]
        if "\n" in gap or any(ch in gap for ch in ".;!?«»“”"):
            return None
        # « a déclaré : « … » », « a dénoncé une « … » », « a appelé la Chine à « … » »:
        # a few words of the cue's own complement, no other verb and no new clause
        span = article.char_span(end, quote.open) if gap.strip() else None
        words = [t for t in span or () if not t.is_punct and not t.is_space]
        # a comma after words closes the cue's clause (« considérera X comme Y, la « … » »)
        if len(words) > 6 or (words and "," in gap):
            return None
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in _QUE | {"si", "qui"} for t in words):
            return None
        return quote
    return None


def _agent_after(article: Article, pos: int) -> Mention | None:
    """« … » par l'opposition: the agent of a passive cue, written after its quotation."""
    while pos < len(article.text) and article.text[pos] in " \u00a0\u202f":
        pos += 1
    token = article.token_at(pos)
    while (
        token is not None and (token.is_punct or token.is_space) and token.i + 1 < len(article.doc)
    ):
        token = article.doc[token.i + 1]
    if token is None or token.lower_ not in article.patterns.agent_markers:
        return None
    return article.mention_from_tokens(article.grab_noun_phrase(token.i + 1))


def _continues_quote(article: Article, quote: Quote, end: int) -> bool:
    """Whether the words after a quotation complete it (« « confiant » dans la capacité du
    pays à … ») rather than the verb (« jugées « irréalistes » lors du débat »)."""
    if not article.text[quote.close : end].strip(_TRAILING + "…!?"):
        return False
    span = article.char_span(quote.close, end)
    words = [t for t in span or () if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    head = first.head if first.dep_ in ("case", "mark", "det") else first
    head = head.head if head.dep_ not in ("ROOT",) else head
    return quote.start <= head.idx < quote.end


def _quote_before(article: Article, pos: int, max_gap: int = 4) -> Quote | None:
    """A quotation closing just before ``pos`` (« « … », a-t-il dit »)."""
    for quote in reversed(article.quotes):
        if quote.close <= pos:
            gap = article.text[quote.close : pos]
            if "\n" not in gap and len(gap.strip(" ,\u00a0\u202f–—")) == 0 and len(gap) <= max_gap:
                return quote
            if "\n" not in gap and len(gap.split()) <= 3 and not any(ch in gap for ch in ".;:"):
                return quote if max_gap > 4 else None
            return None
    return None


def _preceding_char(article: Article, pos: int) -> str:
    i = pos - 1
    while i >= 0 and article.text[i] in " \u00a0\u202f\t":
        i -= 1
    return article.text[i] if i >= 0 else "\n"


def _clause(
    article: Article, cue: Cue, start: int, rule: str, mention: Mention | None
) -> list[Candidate]:
    """One candidate for the clause from ``start`` to where it stops."""
    end = article.clause_end(start, article.sentence(start)[1])
    found = _candidate(article, start, end, rule, cue, cue.start_char, mention)
    return [found] if found else []


def _frame_after(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """Content after an active cue: « que … », a question, an infinitive, an attribute
    (« juge prématuré de »), or the whole complement of « qualifier », « accuser »."""
    patterns = article.patterns
    doc = article.doc
    lemma = cue.lemma
    nxt = _next_word(article, cue.last + 1)
    if nxt is None or (nxt.is_punct and not nxt.is_quote):
        return []
    if lemma in patterns.complement:
        # « a qualifié ces exercices de « … » », « accuse la majorité d'avoir … »
        return _clause(article, cue, nxt.idx, "cue-attribute", mention)
    rest = fold(article.text[nxt.idx : nxt.idx + 12])
    if lemma in patterns.question and any(
        rest.startswith(fold(w)) and not rest[len(w) : len(w) + 1].isalpha()
        for w in patterns.question_words
    ):
        return _clause(article, cue, nxt.idx, "cue-question", mention)
    inf = nxt
    if inf.lower_ in ("ne", "n'", "n’", "de", "d'", "d’") and inf.i + 1 < len(doc):
        inf = _next_word(article, inf.i + 1) or inf
    if lemma in patterns.infinitive and "Inf" in inf.morph.get("VerbForm"):
        return _clause(article, cue, nxt.idx, "cue-infinitive", mention)
    adj = nxt
    if adj.lower_ in ("de", "d'", "d’") and adj.i + 1 < len(doc):
        adj = doc[adj.i + 1]
    if adj.is_quote and adj.i + 1 < len(doc):  # « juge “prématuré” de … »
        adj = doc[adj.i + 1]
    if lemma in patterns.attribute and adj.pos_ == "ADJ":
        return _clause(article, cue, nxt.idx, "cue-attribute", mention)
    return []


def _quoted_complement(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """A quotation the cue introduces: « a déclaré : « … » », « a dénoncé une « … » »,
    passive « ont été qualifiées de « … » (par X) »."""
    quote = _quote_after(article, cue, mention)
    if quote is None:
        return []
    end = article.clause_end(quote.close, article.sentence(quote.close - 1)[1])
    agent = _agent_after(article, quote.close)
    if agent is not None:  # « … » par l'opposition
        return [_quote_candidate(article, quote, "cue-quote", cue, cue.start_char, agent)]
    if _continues_quote(article, quote, end):
        # « s'est dit « confiant » dans la capacité du pays à … »: the clause goes on
        found = _candidate(article, quote.open, end, "cue-quote", cue, cue.start_char, mention)
        return [found] if found else []
    return [_quote_candidate(article, quote, "cue-quote", cue, cue.start_char, mention)]


def _comme_incise(
    article: Article, cue: Cue, comme: Token, mention: Mention | None
) -> list[Candidate]:
    """« comme l'a dit X, « … » », « un « … » en cours, comme l'a dit X », « …, comme il
    l'a dit »."""
    text = article.text
    sent_start, sent_end = article.sentence(cue.start_char)
    after = _quote_after(article, cue, mention)
    if after is not None:
        return [_quote_candidate(article, after, "comme-incise", cue, cue.start_char, mention)]
    quote = _quote_before(article, comme.idx, max_gap=30)
    if quote is not None and quote.open >= sent_start:
        return [_quote_candidate(article, quote, "comme-incise", cue, cue.start_char, mention)]
    after_incise = article.clause_end(cue.end_char, sent_end)
    for q in article.quotes:
        if after_incise <= q.open <= after_incise + 4 and q.open < sent_end + 2:
            return [_quote_candidate(article, q, "comme-incise", cue, cue.start_char, mention)]
    boundary = comme.idx
    while boundary > sent_start and text[boundary - 1] in " ,–—\u00a0\u202f":
        boundary -= 1
    found = _candidate(article, sent_start, boundary, "comme-incise", cue, cue.start_char, mention)
    return [found] if found else []


def _postposed(article: Article, cue: Cue, mention: Mention | None) -> list[Candidate]:
    """« « … », a-t-il ajouté » and « …, a déclaré X au journal Y »: the words before."""
    text = article.text
    sent_start, _ = article.sentence(cue.start_char)
    quote = _quote_before(article, cue.start_char)
    if quote is not None:
        return [_quote_candidate(article, quote, "postposed-quote", cue, cue.start_char, mention)]
    boundary = cue.start_char
    while boundary > sent_start and text[boundary - 1] in " ,–—\u00a0\u202f":
        boundary -= 1
    if len(text[sent_start:boundary].split()) < 3:
        return []
    found = _candidate(
        article, sent_start, boundary, "postposed-clause", cue, cue.start_char, mention
    )
    return [found] if found else []


def cue_candidates(article: Article, cue: Cue) -> list[Candidate]:
    """The claims one reporting verb makes, trying its frames in order."""
    doc = article.doc
    mention = _subject(article, cue)

    que = _que_after(article, cue)
    if que is not None:
        return _clause(article, cue, que.idx + len(que.text), "cue-que", mention)
    if cue.form == "gerund":
        return []

    lead = cue.first - 1
    if lead > 0 and doc[lead].lower_ in article.patterns.pronouns:
        lead -= 1  # « comme il l'a répété »
    if lead >= 0 and doc[lead].lower_ == "comme":
        return _comme_incise(article, cue, doc[lead], mention)

    # postposed: « …, a déclaré X » / « « … », a-t-il ajouté »: no subject of its own
    # before the verb (clitics, quoted words and other clauses' subjects do not count)
    postposed = (
        cue.form in ("finite", "compound")
        and _preceding_char(article, cue.start_char) in ",–—" + _CLOSE_MARKS
    ) and not any(
        c.dep_.startswith("nsubj") and c.i < cue.first and _own_subject(article, cue, c)
        for c in cue.token.children
    )
    if postposed:
        return _postposed(article, cue, mention)
    if cue.form == "participle":
        # « la « fenêtre stratégique » évoquée par certains responsables »
        quote = _quote_before(article, cue.start_char, max_gap=2)
        if quote is None or mention is None:
            return []
        return [_quote_candidate(article, quote, "participle-agent", cue, cue.start_char, mention)]
    if cue.form != "passive":
        found = _frame_after(article, cue, mention)
        if found:
            return found
    return _quoted_complement(article, cue, mention)


def _incise_candidates(article: Article) -> list[Candidate]:
    """« C'est une mesure de justice, a-t-elle ajouté. Personne ne doit … »: two claims."""
    text = article.text
    out: list[Candidate] = []
    for cue in article.quoted_cues:
        quote = article.in_quote(cue.token.idx)
        if quote is None or _preceding_char(article, cue.start_char) != ",":
            continue
        mention = _subject(article, cue)
        end = mention.end if mention is not None and mention.start >= cue.end_char else cue.end_char
        k = end
        while k < quote.end and text[k] in " \u00a0\u202f":
            k += 1
        if k >= quote.end or text[k] not in ",.":
            continue
        if len(article.doc[cue.first : cue.last + 1]) > 6 or (end - cue.start_char) > 80:
            continue
        comma = text.rfind(",", quote.start, cue.start_char)
        parts = [(quote.start, comma), (k + 1, quote.end)]
        for s, e in parts:
            s, e = article.trim(s, e)
            if e - s < 2:
                continue
            zone = article.sentence(s)[0], article.sentence(max(s, e - 1))[1]
            if text[e : e + 1] in ".!?…" and e + 1 <= quote.end:
                e += 1  # a full sentence of the quotation keeps its full stop
            out.append(
                Candidate(s, e, "direct", "incise-quote", cue.lemma, cue.start_char, zone, mention)
            )
    return out


def _according_to_candidates(article: Article) -> list[Candidate]:
    """« selon X », « d'après X »: the clause they frame, with X as speaker."""
    patterns = article.patterns
    text = article.text
    words = sorted(patterns.according_to, key=len, reverse=True)
    regex = re.compile(r"(?<![\w’'])(" + "|".join(map(re.escape, words)) + r")(?![\w’'])", re.I)
    out: list[Candidate] = []
    for match in regex.finditer(text):
        if article.in_quote(match.start()):
            continue
        after = text[match.end() : match.end() + 30].lstrip()
        if any(fold(after).startswith(fold(w)) for w in patterns.according_to_not_before):
            continue
        sent_start, sent_end = article.sentence(match.start())
        np_start = match.end()
        while np_start < sent_end and text[np_start] in " \u00a0\u202f":
            np_start += 1
        np_end = _phrase_end(article, np_start, sent_end)
        if np_end <= np_start:
            continue
        tokens = [t for t in (article.char_span(np_start, np_end) or []) if not t.is_space]
        mention = _according_mention(article, tokens)
        if mention is None:
            continue
        lead = text[sent_start : match.start()]
        lead_words = [w for w in re.split(r"[\s,]+", lead) if w]
        if len(lead_words) <= 2 and _only_connectors(lead_words):
            start = np_end
            while start < sent_end and text[start] in ", \u00a0\u202f":
                start += 1
            end = article.clause_end(start, sent_end)
        else:
            start = sent_start
            end = match.start()
            # « Même si X, selon Y, … »: the clause starts after its conjunction
            for conj in patterns.lead_conjunctions:
                if fold(text[start : start + len(conj) + 1]) == fold(conj) + " ":
                    start += len(conj) + 1
                    break
        found = _candidate(article, start, end, "selon", None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def _opinion_candidates(article: Article) -> list[Candidate]:
    """« Pour le neurologue Bernard Aulnay, l'étude souffre de … »: a person's view.

    Only when the phrase names a person: « Pour Washington, c'est un impératif » is
    the author's framing, not a claim.
    """
    text = article.text
    markers = sorted(article.patterns.opinion_markers, key=len, reverse=True)
    regex = re.compile(r"(?i:" + "|".join(map(re.escape, markers)) + r")\s+")
    out = []
    for s_start, s_end in article.sentences:
        match = regex.match(text, s_start, s_end)
        if match is None:
            continue
        np_end = _phrase_end(article, match.end(), s_end)
        if np_end >= s_end or text[np_end : np_end + 1] != ",":
            continue
        tokens = [t for t in (article.char_span(match.end(), np_end) or []) if not t.is_space]
        mention = _according_mention(article, tokens)
        if mention is None or mention.kind not in ("name", "pronoun"):
            continue
        # a person for sure: known, or a first and last name (« Pour Washington » is a city)
        if mention.kind == "name" and not (
            article.index.known(mention.name or "") or len((mention.name or "").split()) > 1
        ):
            continue
        start = np_end + 1
        # « Pour X, professeur au CHU de Lille, l'étude … »: skip the apposition
        nxt = text.find(",", start, s_end)
        if (
            nxt != -1
            and article.name_in(match.end(), np_end)
            and _is_apposition(article, start, nxt)
        ):
            start = nxt + 1
        end = article.clause_end(start, s_end)
        found = _candidate(article, start, end, "selon", None, match.start(), mention)
        if found is not None:
            out.append(found)
    return out


def _is_apposition(article: Article, start: int, end: int) -> bool:
    """A verbless noun phrase (« professeur au CHU de Lille »)."""
    span = article.char_span(start, end)
    return (
        span is not None
        and 0 < len(span) <= 10
        and not any(t.pos_ in ("VERB", "AUX") for t in span)
    )


def _only_connectors(words: list[str]) -> bool:
    return all(
        fold(w)
        in (
            "de",
            "plus",
            "mais",
            "et",
            "or",
            "pourtant",
            "cependant",
            "toutefois",
            "enfin",
            "ainsi",
            "en",
            "outre",
            "par",
            "ailleurs",
            "donc",
        )
        for w in words
    )


def _phrase_end(article: Article, start: int, limit: int) -> int:
    """End of the noun phrase after « selon »: the next comma, or the apposition of a name."""
    text = article.text
    i = start
    while (
        i < limit
        and text[i] not in ",;:.)("
        and not text.startswith(" –", i)
        and not text.startswith(" —", i)
    ):
        i += 1
    if i < limit and text[i] == ",":
        # « selon l'envoyé spécial du président américain, Steve Witkoff. »
        j = i + 1
        k = j
        while k < limit and text[k] not in ",;:.()":
            k += 1
        tail = text[j:k].strip()
        name = article.name_in(j, k)
        if name is not None and fold(tail) == fold(name) and (k >= limit - 1 or text[k] in ".,"):
            return k
    while i > start and text[i - 1] in " \u00a0\u202f":
        i -= 1
    return i


def _according_mention(article: Article, tokens: list[Token]) -> Mention | None:
    """Speaker of a « selon » phrase: a person named in it, else the outlet at the end of
    its agent chain (« les données rapportées par Le Monde »), else the phrase itself."""
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = article.text[start:end]
    name = article.name_in(start, end)
    if name is not None:
        return Mention(text, start, end, "name", name)
    outlets = [o for o in article.outlets if start <= o.start and o.end <= end]
    if outlets:
        return Mention(text, start, end, "outlet", outlets[-1].name)
    # drop the agent chain and complements after the head noun for the description
    return article.mention_from_tokens(tokens)


def _appositive_candidates(article: Article) -> list[Candidate]:
    """« X, un chiffre confirmé par les informations rapportées par TF1info. »"""
    heads = "|".join(map(re.escape, article.patterns.appositive_heads))
    regex = re.compile(r",\s+(?:un|une|le|la|les|des|ce|cette)\s+(?:" + heads + r")\b")
    out = []
    for match in regex.finditer(article.text):
        if article.in_quote(match.start()):
            continue
        sent_start, sent_end = article.sentence(match.start())
        cues = [
            c
            for c in article.cues
            if match.end() <= c.start_char < sent_end and c.form == "participle"
        ]
        agents = []
        for cue in cues:
            nxt = cue.last + 1
            if nxt < len(article.doc) and article.doc[nxt].lower_ in article.patterns.agent_markers:
                agents.append((cue, article.grab_noun_phrase(nxt + 1)))
        if not agents:
            continue
        cue, tokens = agents[-1]
        mention = article.mention_from_tokens(tokens)
        found = _candidate(
            article, sent_start, match.start(), "appositive-agent", cue, cue.start_char, mention
        )
        if found is not None:
            out.append(found)
    return out


def _block_quotes(article: Article) -> list[Candidate]:
    """A first-person paragraph with no marks, followed by a short line naming its speaker."""
    paras = list(paragraphs(article.text))
    out = []
    for (p_start, p_end), (n_start, n_end) in itertools.pairwise(paras):
        if any(p_start <= q.open < p_end for q in article.quotes):
            continue
        span = article.char_span(p_start, p_end)
        line = article.char_span(n_start, n_end)
        if span is None or line is None or len(line) > 12 or len(span) < 6:
            continue
        if not any(t.lower_ in article.patterns.first_person for t in span):
            continue
        if any("Fin" in t.morph.get("VerbForm") for t in line):
            continue
        lead = n_start
        while lead < n_end and article.text[lead] in "—–- \u00a0":
            lead += 1
        name = article.name_in(lead, n_end)
        if name is None or not article.text[lead:n_end].startswith(name):
            continue
        mention = Mention(article.text[lead:n_end], lead, n_end, "name", name)
        s, e = article.trim(p_start, p_end)
        # the final full stop belongs to the quotation here: it is set off, not embedded
        if article.text[e : e + 1] in ".!?…":
            e += 1
        out.append(
            Candidate(s, e, "direct", "block-quote", None, n_start, (n_start, n_end), mention)
        )
    return out


def _continuation_candidates(article: Article, taken: list[Candidate]) -> list[Candidate]:
    """A quotation opening the sentence after an attributed one, with no new speaker."""
    out = []
    quote_rules = {"postposed-quote", "cue-quote", "cue-que", "comme-incise", "quote-continuation"}
    ordered = sorted(taken, key=lambda c: c.start)
    for quote in article.quotes:
        if any(
            c.start <= quote.start < c.end or quote.start <= c.start < quote.end
            for c in taken + out
        ):
            continue
        s_start, _ = article.sentence(quote.open)
        if s_start != quote.open:
            continue
        previous = [
            c
            for c in ordered + out
            if c.end <= quote.open and c.kind == "direct" and c.rule in quote_rules
        ]
        if not previous:
            continue
        prev = max(previous, key=lambda c: c.end)
        p_start, _ = article.paragraph(quote.open)
        if prev.start < p_start:
            continue
        between = article.text[max(prev.end, prev.at) : quote.open]
        if any(q.open >= max(prev.end, prev.at) and q.close <= quote.open for q in article.quotes):
            continue
        # only the attribution of the previous quotation stands between them
        if len(re.findall(r"[.!?…]", between)) > 1 or len(between) > 200:
            continue
        # the quotation is a sentence of its own: nothing but punctuation after it
        q_end = article.sentence(quote.close - 1)[1]
        if article.text[quote.close : q_end].strip(_TRAILING + "…!?"):
            continue
        found = _quote_candidate(article, quote, "quote-continuation", None, prev.at, prev.mention)
        found.cue = prev.cue
        found.speaker, found.speaker_kind = prev.speaker, prev.speaker_kind
        found.zone = (quote.open, quote.open)
        out.append(found)
    return out


def _overlap(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / max(1, min(a.end - a.start, b.end - b.start))


def _settle(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the stronger of overlapping candidates; a dropped « selon » still names the
    speaker of a passive claim that had none."""
    # reported speech inside a reported clause belongs to the outer claim: « Il a dit que
    # le texte serait présenté « avant mars » » is one claim, not two
    framing = [c for c in candidates if c.rule in _CLAUSE_RULES]
    candidates = [
        c for c in candidates if not any(f is not c and f.start <= c.at < f.end for f in framing)
    ]
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.priority, c.start)):
        rival = next((k for k in kept if _overlap(k, cand) > 0.5), None)
        if rival is None:
            kept.append(cand)
        elif (
            cand.rule == "selon"
            and rival.mention is None
            and cand.mention is not None
            and cand.mention.kind != "outlet"
        ):
            rival.mention = cand.mention
    return sorted(kept, key=lambda c: c.start)


# =================================================================== speakers
def _resolve(article: Article, cand: Candidate, previous: Candidate | None = None) -> None:
    """Speaker of one candidate; ``previous`` is the claim before it in reading order."""
    mention = cand.mention
    if cand.speaker is not None or mention is None:
        return
    index = article.index
    if mention.kind == "name":
        cand.speaker = index.canonical(mention.name or mention.text, article.article_names)
    elif mention.kind == "outlet":
        cand.speaker = mention.name
    elif mention.kind == "pronoun":
        # a named person first; else the speaker of the claim just before (« Le
        # ministre a assuré que … Il a ajouté que … »)
        cand.speaker = article.salient_person(mention.start)
        near = previous is not None and (
            article.sentence_index(mention.start) - article.sentence_index(previous.at) <= 3
        )
        if cand.speaker is None and near and previous.speaker_kind in ("description", "other"):
            cand.speaker = previous.speaker
    elif mention.kind == "description":
        person = index.by_description(mention.text)
        introduced = [r for r in article.roles if r[1] == mention.name and r[0] < mention.start]
        if person is not None:
            cand.speaker = person.name
        elif introduced:
            cand.speaker = introduced[-1][2]
        elif mention.name in article.patterns.anaphoric_nouns:
            # « le politicien américain », « le négociateur russe »: a category, not an
            # office, so it points back at the person the passage is about
            cand.speaker = article.salient_person(mention.start)
        elif not any(r[1] == mention.name for r in article.roles):
            # an office no one in the article holds (« Le député de Seine-Saint-Denis »
            # right after Karim Benali spoke): the person of this or the last sentence
            cand.speaker = article.salient_person(mention.start, max_back=1)
        # « le maire » nobody was introduced as: the description is all the article gives
        cand.speaker = cand.speaker or _strip_determiner(article, mention.text)
    else:
        cand.speaker = _strip_determiner(article, mention.text)
    cand.speaker_kind = mention.kind if cand.speaker else None


def _resolve_all(article: Article, claims: list[Candidate]) -> None:
    previous = None
    for cand in sorted(claims, key=lambda c: c.at):
        _resolve(article, cand, previous)
        previous = cand


def _strip_determiner(article: Article, text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in article.patterns.strip_determiners:
        return " ".join(words[1:])
    for det in ("l'", "l’"):
        if text.lower().startswith(det) and len(text) > 2:
            return text[2:]
    return text


def _credit(article: Article, claims: list[Candidate]) -> None:
    """Outlets named in a claim's attribution; later claims of the same speaker keep them."""
    contents = [(c.start, c.end) for c in claims]
    previous: Candidate | None = None
    for cand in claims:
        z_start, z_end = cand.zone
        own: list[str] = []
        if cand.mention is not None and cand.mention.kind == "outlet" and cand.mention.name:
            own.append(cand.mention.name)
        for outlet in article.outlets:
            if not (z_start <= outlet.start and outlet.end <= z_end):
                continue
            if any(s <= outlet.start < e for s, e in contents) or article.in_quote(outlet.start):
                continue
            if outlet.name not in own:
                own.append(outlet.name)
        if own:
            cand.sources = own
        elif previous is not None and previous.speaker and previous.speaker == cand.speaker:
            cand.sources = list(previous.sources)
        previous = cand


def line_of(text: str, pos: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, pos) + 1


def extract_claims(
    doc: Doc,
    patterns: Patterns,
    index: SpeakerIndex,
    outlets: OutletFinder,
    doc_id: str = "",
) -> list[Claim]:
    """All claims of a parsed document, in text order."""
    article = Article(doc, patterns, index, outlets)
    candidates: list[Candidate] = []
    for cue in article.cues:
        candidates.extend(cue_candidates(article, cue))
    candidates.extend(_incise_candidates(article))
    candidates.extend(_according_to_candidates(article))
    candidates.extend(_opinion_candidates(article))
    candidates.extend(_appositive_candidates(article))
    kept = _settle(candidates + article.blocks)
    _resolve_all(article, kept)
    kept = sorted(kept + _continuation_candidates(article, kept), key=lambda c: c.start)
    _resolve_all(article, kept)
    _credit(article, kept)
    claims = []
    text = article.text
    for cand in kept:
        weight = _SPEAKER_WEIGHT.get(cand.speaker_kind or "", 0.7)
        claims.append(
            Claim(
                doc=doc_id,
                kind=cand.kind,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                line=line_of(text, cand.start),
                speaker=cand.speaker,
                speaker_mention=cand.mention.text if cand.mention else None,
                cue=cand.cue,
                sources=tuple(cand.sources),
                rule=cand.rule,
                confidence=round(RULE_CONFIDENCE[cand.rule] * weight, 2),
            )
        )
    return claims
