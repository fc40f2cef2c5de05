"""The people an article names: where, under which name, and the roles it gives them.

Built once per article, while its context is built: the spans of known people's
names (found by spelling, beside NER), people's names the model found and made whole,
each mention of a person outside quotations (with its sentence and whether it is a
subject), and the roles the article introduces (« la ministre du Travail, Claire
Vasseur »). `salient_person` is how a pronoun finds its person among those mentions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from talkclaims.rules.found import PersonMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.rules.context import ArticleContext


def salient_person(
    persons: Sequence[PersonMention],
    here: int,
    pos: int,
    max_back: int = 10,
    gender: str | None = None,
    genders: dict[str, str] | None = None,
) -> str | None:
    """The person a pronoun at ``pos`` (in sentence ``here``) most likely means: in the
    nearest sentence naming someone before it, the last subject, else the first named.
    With ``gender`` (« f » for elle, « m » for il), a person the text gives the other
    gender is passed over (``genders``: what `person_genders` found)."""
    genders = genders or {}
    # ``persons`` are in text order, so are their sentences: the mentions before ``pos``
    # are read backwards, sentence by sentence, instead of all of them for each sentence
    i = bisect.bisect_left(persons, pos, key=lambda m: m.start) - 1
    lowest = max(0, here - max_back)
    while i >= 0 and persons[i].sentence >= lowest:
        idx = persons[i].sentence
        found = []
        while i >= 0 and persons[i].sentence == idx:
            m = persons[i]
            if gender is None or genders.get(m.name, gender) == gender:
                found.append(m)
            i -= 1
        if found and idx <= here:
            found.reverse()
            subjects = [m for m in found if m.subject]
            return (subjects[-1] if subjects else found[0]).name
    return None


def persons_between(
    persons: Sequence[PersonMention], start: int, end: int
) -> Sequence[PersonMention]:
    """The mentions of ``persons`` (in text order) that start in ``[start, end)``."""
    lo = bisect.bisect_left(persons, start, key=lambda m: m.start)
    hi = bisect.bisect_left(persons, end, lo, key=lambda m: m.start)
    return persons[lo:hi]


def find_aliases(ctx: ArticleContext) -> tuple[tuple[int, int, str], ...]:
    """Spans of known people's names, found by spelling (before and beside NER)."""
    spellings = ctx.patterns.spellings
    found: list[tuple[int, int, str]] = []
    for ent in ctx.doc.ents:
        if ent.label_ == "PER":
            person = ctx.people.known(ent.text)
            if person is not None:
                found.append((ent.start_char, ent.end_char, person.name))
    # the entities do not overlap: the one starting last before a match's end is the
    # only one that can overlap it
    taken_starts = [s for s, _, _ in found]
    taken_ends = [e for _, e, _ in found]
    for m in ctx.patterns.spelling_regex.finditer(ctx.text):
        k = bisect.bisect_left(taken_starts, m.end()) - 1
        if k < 0 or taken_ends[k] <= m.start():
            found.append((m.start(), m.end(), spellings[m.group()]))
    return tuple(sorted(found))


def name_spans(ctx: ArticleContext) -> tuple[tuple[int, int], ...]:
    """People's names found by the model, made whole.

    PER entities, and names the model calls MISC when they stand in apposition to a
    common noun (« La navigatrice Clarisse Crémer »); each is extended over what the
    model cut off (« Masson-Delmotte », « Al-Khelaïfi », « Bruno Le Maire »).
    """
    spans = []
    for ent in ctx.doc.ents:
        person = ent.label_ == "PER" or (
            ent.label_ == "MISC"
            and len(ent) > 1
            and all(t.pos_ == "PROPN" for t in ent)
            and ent.root.dep_ in ("appos", "nsubj", "flat:name")
            and ent.root.head.pos_ == "NOUN"
        )
        if not person or ctx.outlet_at(ent.start_char) is not None:
            continue
        if ent.text.isupper() and len(ent) == 1:
            continue  # a dateline (« BRUXELLES (AFP) - »), not a person
        if ent.text[:1].islower():
            continue  # « président de l'Agglo » read as a name: a name has a capital
        if len(ent) == 1 and ent[0].lower_ in ctx.grammar.capitalised_titles:
            continue  # « leur Premier secrétaire Olivier Faure »: a title, not a name
        # « le sénateur Marc Olivier jeudi »: a day the model took into the name
        tokens = list(ent)
        while len(tokens) > 1 and tokens[-1].lower_ in ctx.patterns.time_words:
            tokens.pop()
        end = tokens[-1].idx + len(tokens[-1].text)
        if end == ent.end_char:
            match = ctx.grammar.name_tail.match(ctx.text, end)
            if match:
                end = match.end()
        end = name_end(ctx.text, ent.start_char, end, ctx.grammar.abbreviations)
        if end > ent.start_char:
            spans.append((ent.start_char, end))
    spans += _untagged_names(ctx, spans)
    return tuple(sorted(spans))


def _untagged_names(ctx: ArticleContext, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """People's names the model did not tag: a known first name followed by capitalised
    words (« Aïssatou Diop Fall », read as a place), and a capitalised word without a
    determiner that is the subject of a reporting verb and that the model took for no
    place, body or work (« Ermak a déclaré », « Whitkoff a ajouté »)."""
    doc = ctx.doc
    patterns = ctx.patterns
    found: list[tuple[int, int]] = []
    # the names taken so far, by start (none overlaps another): binary searches
    starts = sorted(s for s, _ in taken)
    ends = [e for _, e in sorted(taken)]

    def free(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end) - 1
        return not (k >= 0 and ends[k] > start) and ctx.outlet_over(start, end) is None

    def take(start: int, end: int) -> None:
        k = bisect.bisect_left(starts, start)
        starts.insert(k, start)
        ends.insert(k, end)
        found.append((start, end))

    i = 0
    while i < len(doc):
        t = doc[i]
        # « Aïssatou Diop Fall »: a first name the list knows, then capitalised words
        if t.is_title and len(t.text) > 1 and patterns.first_name_gender(t.text) is not None:
            k = i + 1
            while k < len(doc) and k <= i + 3 and _capitalised_word(doc[k]):
                k += 1
            if k > i + 1:
                start, end = t.idx, doc[k - 1].idx + len(doc[k - 1].text)
                if free(start, end):
                    take(start, end)
                i = k
                continue
        i += 1
    lemmas = patterns.cue_lemmas
    g = ctx.grammar
    closed = {
        *g.subject_pronouns,
        *g.object_clitics,
        *g.demonstrative_pronouns,
        *patterns.pronouns,
        *patterns.unnamed_speakers,
    }
    for t in doc:
        # (the tagger may call such a name a pronoun: « Ermak » read as PRON)
        if t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ not in ("PROPN", "PRON", "X"):
            continue
        if not _capitalised_word(t) or t.lower_ in closed:
            continue
        if t.ent_type_ in ("ORG", "MISC") or t.text.isupper():
            continue
        if any(c.dep_ == "det" for c in t.children) or t.head.lemma_.lower() not in lemmas:
            continue
        # a capital or a seat speaks for its government (« Moscou a déclaré », «
        # Matignon a indiqué »), a city for its club, a company by its name (« Airbus a
        # annoncé »): a word the model did not take for a person is one only when « il »
        # or « elle » goes on after it (« Ermak a déclaré qu'il … »)
        if t.text in patterns.metonymic_places:
            continue
        if t.ent_type_ != "PER" and not _pronoun_speaks_after(ctx, t):
            continue
        # the whole name: the capitalised words joined to it (« Nick Hayek »)
        words = [t, *(c for c in t.children if c.dep_ == "flat:name")]
        start = min(w.idx for w in words)
        end = max(w.idx + len(w.text) for w in words)
        if free(start, end) and not ctx.in_quote(start):
            take(start, end)
    return found


def _pronoun_speaks_after(ctx: ArticleContext, token: Token) -> bool:
    """Whether « il » or « elle » (not an impersonal « il ») is a subject in the sentence
    of ``token`` or the two after it, with no person named between: the word it follows
    is someone, not a city (« Ermak a déclaré qu'il ne garde pas rancune »)."""
    doc = ctx.doc
    here = ctx.sentence_index(token.idx)
    named_since = False  # a person named after it: « il » may be theirs
    for t in doc[token.i + 1 :]:
        sentence = ctx.sentence_index(t.idx)
        if sentence > here + 2:
            return False
        named_since = named_since or t.ent_type_ == "PER"
        if ctx.in_quote(t.idx):
            continue
        if t.lower_ in ("il", "elle") and t.dep_ == "nsubj" and not named_since:
            return True
        # « …, a-t-il déclaré » in a sentence after: the one who goes on speaking
        if t.lower_ in ("-il", "-elle") and sentence > here:
            return True
    return False


def _capitalised_word(token: Token) -> bool:
    """A word that may be part of a name: capitalised, letters, not a lone initial."""
    text = token.text
    return len(text) > 1 and text[0].isupper() and text.replace("-", "").isalpha()


#: Where a name found by the model stops at the latest: a full stop after a word's last
#: small letter (« Marie Durand. Elle »: the model ran on into the next sentence; a full
#: stop after a capital is an initial's or a title's: « J. D. Vance », « M. »; after an
#: abbreviation, « Dr. », it is the abbreviation's), or replacement characters after a
#: word (text decoded with the wrong encoding: « Jean Dupont�� Elle »; inside a word,
#: « Fran�ois », they stand for a lost letter).
_NAME_BREAK = re.compile(r"(?<=[a-zà-ÿ])\.|[\ufffd\ufffc]++(?!\w)")
_LAST_WORD = re.compile(r"(\w+)\Z")


def name_end(text: str, start: int, end: int, abbreviations: Collection[str] = ()) -> int:
    """The end of the name ``text[start:end]`` without what is no part of it: from a
    `_NAME_BREAK` on, then punctuation and spaces at its end (an initial's full stop
    stays: « Jean-Pierre D. »)."""
    for found in _NAME_BREAK.finditer(text, start, end):
        if found.group() == ".":
            word = _LAST_WORD.search(text, start, found.start())
            if word is not None and word.group(1).lower() in abbreviations:
                continue  # « Dr. Marc Petit »
        end = found.start()
        break
    while end > start:
        ch = text[end - 1]
        initial = (
            ch == "."
            and end - 2 >= start
            and text[end - 2].isupper()
            and (end - 3 < start or not text[end - 3].isalpha())
        )
        if ch.isalnum() or initial:
            break
        end -= 1
    return end


def person_mentions(ctx: ArticleContext) -> tuple[PersonMention, ...]:
    """Every person named outside quotations, known people first where spans overlap."""
    spans: dict[int, tuple[int, str]] = {s: (e, name) for s, e, name in ctx.alias_spans}
    reach = -1  # the furthest end of the names kept so far (they come in text order)
    for start, end in ctx.names:
        if start in spans:
            continue
        if ctx.outlet_over(start, end) is not None:
            continue
        if ctx.known_name_over(start, end) or reach > start:
            continue
        spans[start] = (end, ctx.text[start:end])
        reach = max(reach, end)
    names = ctx.people.article(n for _, n in spans.values())
    mentions = []
    for start, (end, name) in sorted(spans.items()):
        if ctx.in_quote(start):
            continue
        span = ctx.char_span(start, end)
        subject = span is not None and any(t.dep_.startswith("nsubj") for t in span)
        mentions.append(
            PersonMention(
                start, ctx.people.canonical(name, names), ctx.sentence_index(start), subject
            )
        )
    return tuple(mentions)


def introduced_roles(ctx: ArticleContext) -> tuple[tuple[int, str, str], ...]:
    """(position, role noun, person) for « X, porte-parole de … », « le vice-président X »."""
    text = ctx.text
    roles_re = ctx.patterns.role_regex
    roles = []
    for mention in ctx.persons:
        before = text[max(0, mention.start - 80) : mention.start]
        span = ctx.char_span(mention.start, mention.start + 1)
        end = span.end_char if span is not None else mention.start
        after = text[end : end + 80]
        # « le vice-président Vance », « La ministre du Travail, Claire Vasseur »
        offset = mention.start - len(before)
        found = [
            m.group().lower()
            for m in roles_re.finditer(before)
            if len(before) - m.end() <= 60
            and not re.search(r"[.;]", before[m.end() :])
            # « le porte-parole de Vladimir Poutine »: the name completes the noun
            and not re.fullmatch(r"\s+(?:de|du|des|d['’])\s*", before[m.end() :])
            # « le patron a désigné Léo Brun »: a verb between, another clause
            and not _verb_between(ctx, offset + m.end(), mention.start)
            # « Selon le procureur, Déthié Fall est … »: the role speaks, the name is
            # what it says
            and not _after_according(ctx, before[: m.start()])
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
    g = ctx.grammar
    by_first_name = first_name_genders(ctx)
    # the roles given so far, read in text order: the role keys given (a synonym group's
    # first noun stands for the group) and each person's keys
    introduced = sorted(roles)
    given: set[str] = set()
    keys_of: dict[str, set[str]] = {}
    k = 0
    for token in _role_subjects(ctx):
        while k < len(introduced) and introduced[k][0] < token.idx:
            _, noun, person = introduced[k]
            given.add(ctx.role_key(noun))
            keys_of.setdefault(person, set()).add(ctx.role_key(noun))
            k += 1
        det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        if det not in g.definite_articles:
            continue
        key = ctx.role_key(token.lower_)
        # a role already given to someone (or one of its synonyms: « le technicien »
        # after « le sélectionneur, Paul Roy ») is theirs, whoever the sentence before
        # named (« La PDG » after « la PDG, Anne Roy »)
        if key in given:
            continue
        said = g.determiner_gender(det)
        gender = "f" if said is None and token.lower_.endswith(g.feminine_endings) else said
        # someone the article gave another role (« le milieu de terrain X ») is not it
        here = ctx.sentence_index(token.idx)
        nearby = persons_between(ctx.persons, ctx.sentences[max(0, here - 1)][0], token.idx)
        person = salient_person(
            [m for m in nearby if not keys_of.get(m.name, set()) - {key}],
            here,
            token.idx,
            1,
            gender,
            by_first_name,
        )
        if person is not None:
            roles.append((token.idx, token.lower_, person))
            given.add(key)
            keys_of.setdefault(person, set()).add(key)
    return tuple(sorted(roles))


def _after_according(ctx: ArticleContext, before: str) -> bool:
    """Whether ``before`` ends with « selon le », « d'après la », « pour le »…"""
    words = before.lower().replace("’", "'").split()
    if words and words[-1] in ctx.grammar.definite_articles:
        words = words[:-1]
    elif words and words[-1].startswith("l'"):
        words[-1] = words[-1][2:]
    tail = " ".join(words[-2:])
    markers = [m.lower() for m in (*ctx.patterns.according_to, *ctx.patterns.opinion_markers)]
    return any(tail == m or tail.endswith(" " + m) for m in markers)


def _verb_between(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether a finite verb or an auxiliary stands in ``[start, end)`` (« le patron a
    désigné X »; not a participle used as an adjective: « le ministre chargé des
    affaires africaines, X »)."""
    span = ctx.char_span(start, end) if end > start else None
    return any(
        t.idx >= start and (t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm")) for t in span or ()
    )


def _role_subjects(ctx: ArticleContext) -> list[Token]:
    """Subjects that are role nouns (« la réalisatrice »), found on the Doc's arrays:
    making a Token of every word costs more than the rule itself."""
    from spacy.attrs import DEP, LOWER

    doc = ctx.doc
    if not len(doc):
        return []
    strings = doc.vocab.strings
    nsubj = strings["nsubj"]
    roles = {strings[noun] for noun in ctx.patterns.role_nouns}
    rows = doc.to_array([DEP, LOWER]).tolist()
    return [doc[i] for i, (dep, lower) in enumerate(rows) if dep == nsubj and lower in roles]


def person_genders(ctx: ArticleContext) -> dict[str, str]:
    """The gender the article itself gives each person it names, where it gives one:
    a title before the name (« Mme », « M. »), the determiner of a role noun before it
    (« la ministre X ») or of its apposition (« X, l'avocate de … », « X, le maire »),
    or a feminine ending of that noun. The majority of the evidence wins; no evidence,
    no gender (never guessed from the name)."""
    g = ctx.grammar
    people = ctx.patterns.person_heads
    votes: dict[str, list[str]] = {}
    text = ctx.text
    for mention in ctx.persons:
        if mention.start < 0 or mention.start >= len(text):
            continue
        before = text[max(0, mention.start - 40) : mention.start].split()
        found: list[str] = []
        # « Mme Jean Dupré » read as one name: the title is the span's own first word
        own = text[mention.start : mention.start + 20].split(maxsplit=1)[:1]
        if own and own[0] != mention.name.split()[0]:
            before = [*before, own[0]]
        # « La ministre de la Santé, Claire Dufour »: a role noun with its complement
        found += _role_before(ctx, mention.start, people)
        if before and not found:
            last = before[-1]
            if last in g.feminine_titles:
                found.append("f")
            elif last in g.masculine_titles:
                found.append("m")
            # « la ministre X », « le coach X »: a noun of person right before the name
            # (not « de la Défense, X »)
            elif len(before) >= 2 and last.lower() in people:
                if before[-2].lower() in g.feminine_determiners:
                    found.append("f")
                elif before[-2].lower() in g.masculine_determiners:
                    found.append("m")
        end = mention.start + len(mention.name)
        # « X, la porte-parole de … », « X, l'avocate »: an apposed noun of person
        after = re.match(r"\s*,\s*(\S+)\s+(\S+)", text[end : end + 60])
        if after:
            det, noun = after.group(1).lower(), after.group(2).lower().strip(",.;")
            if det[:2] in ("l'", "l’") and len(det) > 2:
                det, noun = det[:2], det[2:]
            elided = det in ("l'", "l’")
            possessive = det in g.possessives or det in ctx.patterns.speaker_possessives
            if (elided and noun.endswith(g.feminine_endings)) or (
                noun in people and det in g.feminine_determiners
            ):
                found.append("f")
            elif noun in people and det in g.masculine_determiners:
                found.append("m")
            elif possessive and noun in people:  # « X, son avocate »
                found += [gender] if (gender := marked_gender(ctx, det, noun)) else []
            elif ctx.patterns.role_compound_regex.fullmatch(after.group(1).strip(",.;")):
                # « X, présidente-directrice générale du groupe »: a role noun alone
                found += [gender] if (gender := marked_gender(ctx, None, det)) else []
        for vote in found:
            votes.setdefault(mention.name, []).append(vote)
    out = {}
    for name, found in votes.items():
        f, m = found.count("f"), found.count("m")
        if f != m:
            out[name] = "f" if f > m else "m"
    return out


def _role_before(ctx: ArticleContext, start: int, people: frozenset[str]) -> list[str]:
    """The gender of a determiner and role noun introducing the name at ``start`` with a
    complement between (« la ministre de la Santé, Claire Dufour »), in one clause. The
    noun may be a compound of role nouns (« la présidente-directrice générale du
    groupe, X »); after a possessive its ending tells (« son avocate, X »)."""
    g = ctx.grammar
    before = ctx.text[max(0, start - 80) : start]
    found = [
        m
        for m in ctx.patterns.role_compound_regex.finditer(before)
        if m.group().lower() in people or "-" in m.group()
    ]
    if not found:
        return []
    match = found[-1]
    between = before[match.end() :]
    if re.search(r"[.;:!?«»()]", between) or len(between) > 60 or not between.strip():
        return []
    if between.strip() and not between.rstrip().endswith(",") and "," in between:
        return []
    det = before[: match.start()].split()[-1:] or [""]
    word = det[0].lower()
    if word in g.feminine_determiners:
        return ["f"]
    if word in g.masculine_determiners:
        return ["m"]
    if word in g.possessives or word in ctx.patterns.speaker_possessives:
        gender = marked_gender(ctx, word, match.group().lower())
        return [gender] if gender else []
    return []


def first_name_genders(ctx: ArticleContext) -> dict[str, str]:
    """The gender the first-name list (``first_names.yaml``) gives each person the
    article names: used only where the text itself says nothing (`person_genders`)."""
    out = {}
    for name in ctx.article_names:
        words = name.split()
        if len(words) < 2:
            continue  # a surname alone says nothing
        gender = ctx.patterns.first_name_gender(words[0])
        if gender:
            out[name] = gender
    return out


def marked_gender(ctx: ArticleContext, det: str | None, noun: str) -> str | None:
    """The gender a determiner and a noun of person mark together, or None.

    The determiner first (« la », « une », « sa »; « son » only before a consonant:
    « son père », while « son avocate » is feminine), else the noun's ending: a feminine
    ending or a masculine noun plus « e » (« l'avocate »), or a masculine noun whose
    feminine form the lists know (« directeur »). A compound (« présidente-directrice »)
    that says nothing whole is read by its last part.
    """
    g = ctx.grammar
    if det is not None and det in g.feminine_determiners:
        return "f"
    if det is not None and det in g.masculine_determiners and det not in ("mon", "ton", "son"):
        return "m"
    if det in ("ma", "ta", "sa"):
        return "f"
    if det in ("mon", "ton", "son") and noun[:1] not in "aeiouyhéèêàâîôû":
        return "m"  # « son père »; « son amie » (before a vowel) tells by the noun
    people = ctx.patterns.person_heads
    for word in dict.fromkeys((noun, noun.rsplit("-", 1)[-1])):
        # « l'avocate », « l'agricultrice »: a feminine ending, or a masculine noun plus « e »
        if word.endswith(g.feminine_endings) or (word.endswith("e") and word[:-1] in people):
            return "f"
        if any(form in people for form in (word + "e", word + "ne", _feminine(word))):
            return "m"
    return None


def _feminine(head: str) -> str:
    """The usual feminine form of a masculine noun of person (« directeur » → «
    directrice », « chercheur » → « chercheuse »), to tell that the head is masculine."""
    if head.endswith("teur"):
        return head[:-4] + "trice"
    if head.endswith("eur"):
        return head[:-3] + "euse"
    if head.endswith("ier"):
        return head[:-3] + "ière"
    if head.endswith("ien"):
        return head + "ne"
    return head + "e"
