"""Find the reporting verbs (cues) of a parsed document.

A cue is a verb of the lexicon in ``patterns/verbs.yaml`` (or a locution such as
« laisser entendre ») that is actually reporting: not negated (« n'a pas déclaré
que »), not under a modal or in a hypothesis (« il pourrait dire que », « s'il
déclarait que »), and not a bare infinitive (« l'objectif était d'expliquer »), except
the narrative infinitive (« Et d'estimer que … »).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from talkclaims.lang.grammar import Grammar
    from talkclaims.lang.patterns import Patterns

#: Dependency labels of the words that belong to the cue phrase before the verb.
_PHRASE_DEPS = {"aux:tense", "aux:pass", "aux", "expl:subj", "expl:comp", "expl:pass", "expl"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb in context.

    ``token`` is the verb that governs the reported content (the last verb of a
    locution); ``first``/``last`` bound the whole verbal group (auxiliaries, clitics,
    « -t-il ») so that rules can look at what stands just before and after it.
    """

    token: Token
    lemma: str
    first: int
    last: int
    form: str  # finite | compound | passive | participle | gerund | narrative | purpose

    @property
    def start_char(self) -> int:
        return self.token.doc[self.first].idx

    @property
    def end_char(self) -> int:
        last = self.token.doc[self.last]
        return last.idx + len(last.text)


def lemma_of(token: Token, g: Grammar) -> str:
    """Lower-case lemma, with the elided forms spaCy leaves as they are folded."""
    lemma = token.lemma_.lower() or token.lower_  # only verbs are lemmatised
    return g.elisions.get(lemma, lemma)


def verb_lemmas(token: Token, g: Grammar) -> tuple[str, ...]:
    """The lemma, then first-group guesses when the lemmatiser returned the form itself."""
    return _verb_lemmas(token.lower_, lemma_of(token, g), g.verb_endings)


@lru_cache(maxsize=65536)
def _verb_lemmas(word: str, lemma: str, endings: tuple[str, ...]) -> tuple[str, ...]:
    found = [lemma]
    if lemma.endswith(("er", "ir", "re")) and lemma != word:
        return tuple(found)
    for ending in endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            found.append(word[: -len(ending)] + "er")
            # « rappelle » → rappeler, « jette » → jeter: doubled consonant before -e
            stem = word[: -len(ending)]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1] + "er")
            # « suggère » → suggérer, « répète » → répéter, « soulève » → soulever: the
            # grave accent of a stressed syllable
            if "è" in stem:
                k = stem.rindex("è")
                found += [
                    stem[:k] + "é" + stem[k + 1 :] + "er",
                    stem[:k] + "e" + stem[k + 1 :] + "er",
                ]
            break
    return tuple(found)


def is_clitic_subject(token: Token, g: Grammar) -> bool:
    """« -t », « -il », « -elle » of an inverted verb (« a-t-il dit », « explique-t-elle »)."""
    return token.text.startswith("-") and token.lower_.lstrip("-") in g.inverted_pronouns


def _phrase_bounds(verbs: list[Token], g: Grammar) -> tuple[int, int]:
    """The verbal group: auxiliaries, clitics and « -t-il » around the cue's verbs."""
    first, last = verbs[0].i, verbs[-1].i
    for verb in verbs:
        for child in verb.children:
            if child.is_punct:
                continue
            if (
                child.i < first
                and child.i >= verb.i - 4
                # a clitic is not the verb's across a comma (« … l'été, assure-t-elle »:
                # « l' » is summer's article), an auxiliary may be (« s'est, elle, félicitée »)
                and (
                    child.dep_.startswith("aux")
                    or not any(t.is_punct for t in verb.doc[child.i : verb.i])
                )
                and (
                    child.dep_ in _PHRASE_DEPS
                    or is_clitic_subject(child, g)
                    or child.lower_ in g.ne
                    or child.lower_ in g.object_clitics
                )
            ):
                first = child.i
            if (
                child.i > last
                and child.i <= verbs[-1].i + 2
                and (child.dep_ == "expl:subj" or is_clitic_subject(child, g))
            ):
                last = child.i
    # clitics between first and verb: « l'a », « ne l'a pas »
    doc = verbs[0].doc
    while (
        first > 0
        and (doc[first - 1].lower_ in g.object_clitics or doc[first - 1].lower_ in g.ne)
        and doc[first - 1].i >= verbs[0].i - 4
    ):
        first -= 1
    return first, last


def _negated(verbs: list[Token], patterns: Patterns, first: int, last: int) -> bool:
    """« n'a pas déclaré », « ne l'a jamais dit »: negation words around the verbal group
    (not a « jamais » of the quotation before it that the parser attached to the verb)."""
    tokens = [c for v in verbs for c in v.children]
    for verb in verbs:
        tokens.extend(
            c for aux in verb.children if aux.dep_.startswith("aux") for c in aux.children
        )
    words = {t.lower_ for t in tokens if first - 2 <= t.i <= last + 2}
    g = patterns.grammar
    if words & g.negations_without_ne:
        return True
    if words & g.ne and words & patterns.negations:
        return True
    # « Personne n'a dit que », « Aucun ministre n'a confirmé »: « ne » and a negative
    # subject (its determiner, or itself)
    if words & g.ne:
        # « Personne, à Paris, n'a affirmé que »: the negative subject opens the clause
        sent = verbs[0].sent
        for t in sent:
            if t.i >= first:
                break
            if t.lower_ in g.negative_subjects and (
                t.i == sent.start or t.dep_.startswith("nsubj")
            ):
                return True
        for t in tokens:
            if t.dep_.startswith("nsubj") and (
                t.lower_ in g.negative_subjects
                or any(d.lower_ in g.negative_subjects for d in t.children if d.dep_ == "det")
            ):
                return True
    return False


def _form(token: Token, g: Grammar) -> str:
    verb_form = token.morph.get("VerbForm")
    deps = {c.dep_ for c in token.children}
    if "Inf" in verb_form:
        # « a soufflé » tagged as an infinitive: after its auxiliary it is a participle
        return "compound" if _after_auxiliary(token, g) else "infinitive"
    if not verb_form and token.pos_ in ("ADJ", "NOUN", "PROPN"):
        return "compound"  # a participle the tagger missed, after its auxiliary
    if "Part" in verb_form:
        if "Pres" in token.morph.get("Tense"):
            return "gerund"
        # a passive needs « être » (« a-t-il averti » parsed as passive has « avoir »)
        if any(c.dep_ == "aux:pass" and lemma_of(c, g) == "être" for c in token.children):
            return "passive"
        # « Les visiteurs sont invités à … » parsed as a compound tense: a reporting verb
        # takes « être » only when it is pronominal (« s'est dit »), else it is a passive
        if any(
            c.dep_.startswith("aux") and lemma_of(c, g) == "être" for c in token.children
        ) and not any(c.lower_ in g.reflexive_pronouns for c in token.children):
            return "passive"
        if "aux:pass" in deps:
            return "compound"
        if "aux:tense" in deps or "aux" in deps:
            return "compound"
        if auxiliary_across_incise(token, g):
            return "compound"
        return "participle"
    return "finite"


def _purpose_infinitive(token: Token, g: Grammar) -> bool:
    """« Il a pris la parole pour dénoncer une « … » », « afin de rappeler que … »: an
    infinitive of purpose hanging on a verb, whose subject says what it frames."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].lower_ in g.object_clitics:
        i -= 1  # « pour le rappeler »
    if i < 0 or token.head.i > token.i:
        return False
    if doc[i].lower_ == "pour":
        return token.head.pos_ in ("VERB", "AUX")
    return i >= 1 and lemma_of(doc[i], g) in g.de_lemmas and doc[i - 1].lower_ == "afin"


def _narrative_infinitive(token: Token, g: Grammar) -> bool:
    """« Et d'estimer que … »: an infinitive after « et de » opening a sentence."""
    doc = token.doc
    i = token.i - 1
    if i < 1 or lemma_of(doc[i], g) != "de":
        return False
    return doc[i - 1].lower_ in g.narrative_lead and (doc[i - 1].is_sent_start or doc[i - 1].i == 0)


def _reported_modal(head: Token, patterns: Patterns) -> bool:
    """« a voulu ajouter », « voulut rassurer »: a verb of ``reporting_modals`` in a
    completed past still reports what the verb under it says; « vient de déclarer »
    (``recent_past``) in any tense but the conditional."""
    lemma = lemma_of(head, patterns.grammar)
    if "Cnd" in head.morph.get("Mood"):
        return False
    if lemma in patterns.recent_past:
        return True  # « vient de déclarer que »
    if lemma not in patterns.reporting_modals:
        return False
    compound = any(c.dep_ == "aux:tense" for c in head.children)
    return compound or (
        "Past" in head.morph.get("Tense") and "Part" not in head.morph.get("VerbForm")
    )


def _hypothetical(token: Token, patterns: Patterns) -> bool:
    g = patterns.grammar
    if any(c.lower_ in g.hypothesis_marks and c.dep_ == "mark" for c in token.children):
        return True
    head = token.head
    if (
        token.dep_ in ("xcomp", "ccomp")
        and head is not token
        and lemma_of(head, g) in patterns.modals
        and not _reported_modal(head, patterns)
    ):
        return True
    # « pourrait expliquer »: the modal may be parsed as an auxiliary of the cue
    return any(
        c.dep_.startswith("aux") and lemma_of(c, g) in patterns.modals for c in token.children
    )


def auxiliary_across_incise(token: Token, g: Grammar) -> bool:
    """« Il a, dans le même cadre, rappelé que »: the auxiliary stands before an incise
    set off by commas, and the parser hangs the participle on it as on a verb."""
    head = token.head
    return (
        head.i < token.i
        and head.lower_ in g.auxiliary_forms
        and any(t.text == "," for t in token.doc[head.i : token.i])
    )


def _after_auxiliary(token: Token, g: Grammar) -> bool:
    """« a-t-il martelé » tagged as an adjective: an avoir/être form stands just before."""
    doc = token.doc
    i = token.i - 1
    while i >= 0 and (
        is_clitic_subject(doc[i], g)
        or doc[i].lower_ in g.ne
        or doc[i].lower_ in g.between_auxiliary_and_participle
    ):
        i -= 1
    return i >= 0 and doc[i].lower_ in g.auxiliary_forms and doc[i].i >= token.i - 4


def _noun_read_as_verb(token: Token, g: Grammar) -> bool:
    """« Il juge prématuré de … », « L'économiste juge probable … »: a verb form the
    tagger read as a noun, after a subject and before an adjective, quote or « que »."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    prev, nxt = doc[token.i - 1], doc[token.i + 1]
    after_subject = (
        prev.lower_ in g.subject_pronouns
        or prev.lower_ in g.reflexive_pronouns  # « et s'excuse d'avoir »
        or (prev.pos_ in ("NOUN", "PROPN") and token.i >= 2 and doc[token.i - 2].pos_ == "DET")
        # « Le patron de TotalEnergies, Patrick Pouyanné, estime avoir … »
        or (prev.text == "," and token.i >= 2 and doc[token.i - 2].pos_ == "PROPN")
        # « Un distributeur, qui souhaite garder l'anonymat, juge que … »: a relative
        # clause between the subject and its verb, and « que » right after
        or (prev.text == "," and nxt.lower_ in g.complementisers and _after_relative(token, g))
    )
    after_de = doc[nxt.i + 1] if nxt.lower_ in g.de_forms and nxt.i + 1 < len(doc) else nxt
    # « Le Parisien titre sur « … » », « Le Monde titre : « … » »: a quotation a word on
    after_word = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else nxt
    return after_subject and (
        nxt.pos_ == "ADJ"
        or nxt.is_quote
        or nxt.lower_ in g.complementisers
        or "Inf" in after_de.morph.get("VerbForm")
        or (nxt.pos_ in ("ADP", "PUNCT") and after_word.is_quote)
    )


def _after_relative(token: Token, g: Grammar) -> bool:
    """The comma before ``token`` closes a relative clause (« , qui … , ») of its sentence."""
    doc = token.doc
    k = token.i - 2
    while k >= token.sent.start and doc[k].text != ",":
        if doc[k].lower_ in g.relative_pronouns and doc[k - 1].text == ",":
            return True
        k -= 1
    return False


def _is_verb(token: Token, g: Grammar) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    doc = token.doc
    if token.i + 1 < len(doc) and is_clitic_subject(doc[token.i + 1], g) and token.is_lower:
        return True  # « raconte-t-elle » tagged as an adjective: inverted, it is a verb
    if token.pos_ in ("NOUN", "ADV", "ADJ") and _noun_read_as_verb(token, g):
        return True
    # « Steve Witkoff suggère à … » read as part of the name: a small-letter word is none
    if token.dep_ == "flat:name" and token.is_lower:
        return True
    # « a tweeté » read as a proper noun (a word the model does not know)
    if token.pos_ in ("ADJ", "NOUN") or (token.pos_ == "PROPN" and token.is_lower):
        return "Part" in token.morph.get("VerbForm") or (
            token.lower_.endswith(g.participle_endings) and _after_auxiliary(token, g)
        )
    return False


@lru_cache(maxsize=65536)
def _in_lexicon(word: str, lemma: str, lexicon: frozenset[str], g: Grammar) -> bool:
    """Is any reading of this word (see `verb_lemmas`) a lemma of the lexicon?"""
    lemma = lemma.lower() or word
    return not lexicon.isdisjoint(_verb_lemmas(word, g.elisions.get(lemma, lemma), g.verb_endings))


def _lexicon_words(doc: Doc, patterns: Patterns) -> list[int]:
    """Indices of the words one of whose readings is in the lexicon, found on the Doc's
    arrays: making a Token of every word would cost more than all the rules after it."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER

    strings = doc.vocab.strings
    lexicon = patterns.cue_lemmas
    g = patterns.grammar
    return [
        i
        for i, (lower, lemma, punct, space) in enumerate(
            doc.to_array([LOWER, LEMMA, IS_PUNCT, IS_SPACE]).tolist()
        )
        if not (punct or space) and _in_lexicon(strings[lower], strings[lemma], lexicon, g)
    ]


#: Subjects of a verb of learning that report what someone else said: the newsroom.
_LEARNERS = frozenset({"on", "-on", "nous", "-nous"})


def learned_from(doc: Doc, verb: Token, last: int, patterns: Patterns) -> int | None:
    """Where the one learned from is named after a verb of learning (« a-t-on appris
    jeudi auprès d'un témoin », « apprend-on de source officielle »): the index of the
    first word after the introducing words, or None when the verb has no such complement
    or its subject is a person (« Il a appris de son père que … »).

    Between the verb and the complement stand only the inverted subject, time words,
    adverbs and an outlet's name (« a appris lundi BFMTV auprès de l'avocat »).
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "expl:subj")]
    if any(s.lower_ not in _LEARNERS and s.lower_ != "-t" and s.pos_ != "PROPN" for s in subjects):
        return None
    i = last + 1
    while i < len(doc):
        for words in patterns.learned_from_words:
            window = doc[i : i + len(words)]
            if len(window) == len(words) and all(
                t.lower_ == w for t, w in zip(window, words, strict=True)
            ):
                after = i + len(words)
                if after < len(doc) and doc[after].pos_ in ("DET", "NOUN", "PROPN", "ADJ"):
                    return after
                return None
        t = doc[i]
        if not (
            t.lower_ in _LEARNERS
            or t.lower_ == "-t"
            or t.lower_ in patterns.time_words
            or t.pos_ in ("ADV", "PROPN", "NUM")
            or t.ent_type_ in ("ORG", "MISC")
            or (t.pos_ == "DET" and i + 1 < len(doc) and doc[i + 1].lower_ in patterns.time_words)
        ):
            return None
        i += 1
    return None


def find_cues(doc: Doc, patterns: Patterns) -> list[Cue]:
    """Every reporting cue of ``doc`` in text order."""
    g = patterns.grammar
    cues: list[Cue] = []
    covered: set[int] = set()
    for i in _lexicon_words(doc, patterns) if len(doc) else ():
        token = doc[i]
        if i in covered or not _is_verb(token, g):
            continue
        options = verb_lemmas(token, g)
        lemma = next((x for x in options if patterns.is_cue(x)), options[0])
        verbs = [token]
        cue_lemma = lemma
        for locution in patterns.locutions:
            if locution[0] not in options:
                continue
            # « laisse entendre », « laisse pourtant entendre »: adverbs may stand between
            window = [t for t in doc[token.i : token.i + len(locution) + 3] if t.pos_ != "ADV"]
            window = window[: len(locution)]
            if len(window) == len(locution) and all(
                word in verb_lemmas(t, g) for t, word in zip(window, locution, strict=True)
            ):
                verbs = [token, window[-1]]
                cue_lemma = " ".join(locution)
                covered.update(range(token.i, window[-1].i + 1))
                break
        else:
            if not patterns.is_cue(lemma):
                continue
        # the first verb carries the subject and the auxiliaries (« a mis en garde »)
        head = verbs[0]
        form = _form(token, g)
        if form == "infinitive":
            if _narrative_infinitive(token, g):
                form = "narrative"
            elif token.dep_ in ("xcomp", "ccomp") and _reported_modal(token.head, patterns):
                # « a voulu ajouter que », « a tenu à rassurer »: the modal's tense
                verbs = [token.head, *verbs]
                head = token.head
                form = _form(token.head, g)
            elif _purpose_infinitive(token, g):
                form = "purpose"  # « a pris la parole pour dénoncer une « … » »
            else:
                continue
        first, last = _phrase_bounds(verbs, g)
        if _negated(verbs, patterns, first, last) or _hypothetical(token, patterns):
            continue
        if lemma in patterns.learned_from and learned_from(doc, head, last, patterns) is None:
            continue
        cues.append(Cue(head, cue_lemma, first, last, form))
    return cues
