"""Who a cue's speaker words are: subject, apposition, inverted subject, agent or clitic.

The parser's subject is a starting point, not an answer: quoted words, clitics of an
inverted verb (« a-t-il ») and the subject of another clause are set aside, a name in
apposition wins over a description, and an inverted subject is looked for after
adjuncts (« a déclaré à l'AFP la porte-parole de l'OMS, Ana Ferreira »).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from talkclaims.rules.cues import Cue, auxiliary_across_incise, is_clitic_subject, learned_from
from talkclaims.rules.found import Mention
from talkclaims.rules.mentions import grab_noun_phrase, mention_from_tokens, noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Token

    from talkclaims.rules.context import ArticleContext


def speaker_words(ctx: ArticleContext, cue: Cue) -> Mention | None:
    """The speaker words of a cue: subject, apposition, inverted subject, agent or clitic."""
    if cue.lemma in ctx.patterns.learned_from:
        # « …, a-t-on appris auprès d'un témoin »: the one learned from speaks
        start = learned_from(ctx.doc, cue.token, cue.last, ctx.patterns)
        tokens = grab_noun_phrase(ctx, start) if start else []
        if not tokens:
            return None
        return apposed_name(ctx, tokens[-1].i + 1) or mention_from_tokens(ctx, tokens)
    mention = _speaker_words(ctx, cue)
    if cue.form in ("passive", "participle", "gerund", "purpose"):
        return mention  # the subject of a passive is what was said, not who said it
    # « Sceptique, le neurologue Pierre-Alain Oberson estime », « Dans son bulletin
    # publié mercredi, Santé publique France indique »: the noun phrase between the last
    # comma and the verb is the subject, not a word the parser took before the comma
    if mention is None or (mention.end <= cue.start_char and mention.kind not in ("pronoun",)):
        clause = _clause_subject(ctx, cue)
        if clause is not None and (mention is None or clause.start > mention.start):
            return clause
    return mention


def _clause_subject(ctx: ArticleContext, cue: Cue) -> Mention | None:
    """The words from the last comma before the verb to the verb, when they are a
    noun phrase (a determiner, a noun or a name first, no verb among them)."""
    doc = ctx.doc
    sent_start = doc[cue.first].sent.start
    k = cue.first - 1
    while k >= sent_start and not doc[k].is_punct:
        k -= 1
    if k < sent_start or doc[k].text != ",":
        return None
    words = list(doc[k + 1 : cue.first])
    g = ctx.grammar
    while words and (
        words[-1].lower_ in g.auxiliary_forms
        or words[-1].lower_ in g.reflexive_pronouns
        or words[-1].lower_ in g.ne
        or words[-1].lower_ in g.between_auxiliary_and_participle
    ):
        words.pop()
    if not 1 <= len(words) <= 8 or ctx.in_quote(words[0].idx):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in g.relative_pronouns for t in words):
        return None
    first = words[0]
    if not (
        first.pos_ in ("DET", "PROPN")
        or first.lower_ in g.definite_articles
        or first.text[:1].isupper()
    ):
        return None
    mention = mention_from_tokens(ctx, words)
    if mention is None or mention.kind == "pronoun":
        return None
    return mention


def _speaker_words(ctx: ArticleContext, cue: Cue) -> Mention | None:
    verbs = _cue_verbs(ctx, cue)
    subjects = _parsed_subjects(ctx, cue, verbs)
    if not subjects:
        # « glisse-t-il »: the clitic may stand just past the verbal group
        inverted = [
            t
            for t in ctx.doc[cue.first : min(len(ctx.doc), cue.last + 3)]
            if is_clitic_subject(t, ctx.grammar)
            and t.lower_ != "-t"
            and (t.i <= cue.last or t.text.startswith("-"))
        ]
        if inverted:
            return mention_from_tokens(ctx, [inverted[-1]])  # « raconte-t-elle »
        if cue.token.pos_ in ("NOUN", "ADV", "ADJ") and cue.token.i > 0:
            return _subject_of_misread_verb(ctx, cue)
        # « La syndicaliste relève que … » parsed as a noun with a modifier: the noun
        # phrase the verb hangs on is its subject
        head = cue.token.head
        # « Un proche du dossier glisse que », « Un diplomate d'un de ces pays glisse »:
        # the verb hangs on the last noun of the phrase; its subject is the whole phrase
        while (
            head.dep_ == "nmod"
            and head.head.i < head.i
            and head.head.pos_ in ("NOUN", "PROPN", "PRON", "DET", "NUM")
            and not any(t.is_punct for t in ctx.doc[head.head.i : head.i])
        ):
            head = head.head
        if (
            cue.token.dep_ in ("amod", "acl")
            and head.i < cue.first
            and head.pos_ in ("NOUN", "PROPN")
            and not ctx.in_quote(head.idx)
            and not any(t.is_punct for t in ctx.doc[head.i + 1 : cue.first])
        ):
            return mention_from_tokens(ctx, noun_phrase(head, ctx.grammar))
    # « Le conseiller du président Poutine, Iouri Ouchakov, a estimé »: the apposition
    # names the speaker; a name inside a complement (« du président Poutine ») does not
    subjects = with_appositions(subjects)
    if subjects:
        relative = [s for s in subjects if s.lower_ == "qui"]
        if relative:
            antecedent = _antecedent(ctx, cue, relative[0])
            if antecedent is not None:
                return antecedent
            # a relative pronoun is never the speaker itself, only a pointer back
            subjects = [s for s in subjects if s.lower_ != "qui"]
        best = _best_subject(ctx, cue, subjects)
        if best is not None:
            return best
    return _unparsed_speaker(ctx, cue, verbs) or _subject_of_the_sentence(ctx, cue)


def with_appositions(words: list[Token]) -> list[Token]:
    """``words`` and the words in apposition to them (« Le conseiller du président
    Poutine, Iouri Ouchakov »): where a subject's name may stand."""
    return [*words, *(c for w in words for c in w.children if c.dep_ == "appos")]


def _antecedent(ctx: ArticleContext, cue: Cue, relative: Token) -> Mention | None:
    """Who « qui » stands for when it is the subject of the cue (« …, Luc Morvan, qui
    estime que … »): the noun the relative clause hangs on, or, when the parser hung it on
    a verb, the noun or name right before « , qui »."""
    word = cue.token.head
    if cue.token.dep_ != "acl:relcl" or word.pos_ not in ("NOUN", "PROPN", "PRON"):
        k = relative.i - 1
        if k >= 0 and ctx.doc[k].text == ",":
            k -= 1
        if k < 0 or ctx.doc[k].pos_ not in ("NOUN", "PROPN") or ctx.in_quote(ctx.doc[k].idx):
            return None
        word = ctx.doc[k]
        # « Luc Morvan »: the name's words hang on its first
        while word.dep_.startswith("flat") and word.head.i < word.i:
            word = word.head
    # « la maire de Tulle, Inès Garrigou, qui affirme »: the apposed name first
    return _best_subject(ctx, cue, with_appositions([word]))


def _cue_verbs(ctx: ArticleContext, cue: Cue) -> list[Token]:
    """The verbs whose dependents may be the speaker: the cue's verbal group, or the verb
    a gerund depends on."""
    if cue.form in ("gerund", "purpose") and cue.token.head is not cue.token:
        head = cue.token.head
        # « afin de dénoncer », a gerund hung on its object's noun: the verb before
        if (
            head.pos_ not in ("VERB", "AUX")
            and head.head.pos_ in ("VERB", "AUX")
            and head.head.i < cue.token.i
        ):
            head = head.head
        return [head]
    doc = cue.token.doc
    verbs = [t for t in doc[cue.first : cue.last + 1] if t.pos_ in ("VERB", "AUX")] or [cue.token]
    # « Il a, dans le même cadre, rappelé que »: an incise between the auxiliary and the
    # participle, which the parser then hangs on the auxiliary read as a verb
    token = cue.token
    if (
        "Part" in token.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in token.children)
        and auxiliary_across_incise(token, ctx.grammar)
    ):
        verbs.append(token.head)
    return verbs


def _parsed_subjects(ctx: ArticleContext, cue: Cue, verbs: list[Token]) -> list[Token]:
    """The subjects the parser gives the cue's verbs, or the verb it is coordinated with."""
    # the subject of a passive is what was said, not who said it; words inside a
    # quotation are the quoted speaker's, never the subject of the cue that frames them
    subject_deps = ("nsubj",) if cue.form == "passive" else ("nsubj", "nsubj:pass")
    subjects = [
        c
        for v in verbs
        for c in v.children
        if c.dep_ in subject_deps and c.i != v.i and own_subject(ctx, cue, c)
    ]
    # « … s'est dit préoccupé et a appelé X à … »: a coordinated verb shares the subject,
    # unless its own subject is an inverted clitic (« …, a-t-il soutenu », parsed as
    # coordinated with the reported clause's verb)
    head = cue.token
    inverted = any(
        is_clitic_subject(t, ctx.grammar) and t.lower_ != "-t"
        for t in ctx.doc[cue.first : min(len(ctx.doc), cue.last + 3)]
    ) or _incise(ctx, cue)
    while not subjects and not inverted and head.dep_ in ("conj", "xcomp") and head.head.i < head.i:
        head = head.head
        subjects = [
            c
            for c in head.children
            if c.dep_ == "nsubj"
            and not is_clitic_subject(c, ctx.grammar)
            and not ctx.in_quote(c.idx)
        ]
    return subjects


def _incise(ctx: ArticleContext, cue: Cue) -> bool:
    """Whether the cue opens a postposed incise (« La réforme n'est pas prête, a lancé
    mercredi la cheffe de l'opposition ») rather than a second verb of its subject: a
    comma right before it and no conjunction, a noun phrase after it. The parser reads
    such an incise as coordinated with the clause before, whose subject is not the
    speaker's."""
    doc = ctx.doc
    if cue.first == 0 or doc[cue.first - 1].text != ",":
        return False
    if any(c.dep_ == "cc" for c in cue.token.children):
        return False
    after = _skip_adjuncts(ctx, cue.last + 1)
    return after < len(doc) and doc[after].pos_ in ("DET", "PROPN")


def _subject_of_misread_verb(ctx: ArticleContext, cue: Cue) -> Mention | None:
    """A verb the tagger read as a noun (« L'économiste juge probable »): the words before."""
    doc = ctx.doc
    g = ctx.grammar
    # « raconte-t-elle »: the inverted clitic after the verb
    for t in doc[cue.token.i + 1 : min(len(doc), cue.token.i + 3)]:
        if is_clitic_subject(t, g) and t.lower_ != "-t":
            return mention_from_tokens(ctx, [t])
    first_of_group = cue.first
    # « Un distributeur, qui souhaite garder l'anonymat, juge que »: the words before the
    # relative clause
    k = cue.token.i - 2
    while k > cue.token.sent.start and doc[k].text != ",":
        if doc[k].lower_ in g.relative_pronouns and doc[k - 1].text == ",":
            start = k - 2
            while start > cue.token.sent.start and not doc[start - 1].is_punct:
                start -= 1
            words = list(doc[start : k - 1])
            if 1 <= len(words) <= 8 and words[0].pos_ in ("DET", "PROPN"):
                return mention_from_tokens(ctx, words)
            break
        k -= 1
    # « », s'est alarmée Nadia Kessous »: a postposed verb, its subject after it
    before = doc[first_of_group - 1] if first_of_group > 0 else None
    if before is not None and (before.is_punct or before.is_quote):
        words = grab_noun_phrase(ctx, cue.token.i + 1)
        return mention_from_tokens(ctx, words) if words else None
    prev = doc[cue.token.i - 1]
    # « L'élue a épinglé »: the auxiliary and clitics are not the subject
    k = cue.token.i - 1
    while k > 0 and (
        doc[k].lower_ in g.auxiliary_forms or doc[k].lower_ in g.between_auxiliary_and_participle
    ):
        k -= 1
    if k != cue.token.i - 1:
        prev = doc[k]
        if prev.is_punct or prev.is_quote:
            return None
    if prev.lower_ in ctx.grammar.reflexive_pronouns:
        # « … commande un thé et s'excuse d'avoir »: the sentence's subject
        first = next(
            (
                t
                for t in cue.token.sent
                if t.dep_ == "nsubj" and t.i < cue.token.i and not ctx.in_quote(t.idx)
            ),
            None,
        )
        return mention_from_tokens(ctx, noun_phrase(first, ctx.grammar)) if first else None
    if prev.pos_ == "PRON":
        return mention_from_tokens(ctx, [prev])
    # « Un proche du dossier glisse que »: back to the start of the clause, when the
    # words there are a noun phrase (at most eight words)
    start = prev.i
    while start - 1 >= prev.sent.start and not doc[start - 1].is_punct and prev.i - start < 7:
        start -= 1
    words = list(doc[start : prev.i + 1])
    if words[0].pos_ not in ("DET", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in words):
        words = list(doc[max(0, prev.i - 1) : prev.i + 1])
    return mention_from_tokens(ctx, words)


def _best_subject(ctx: ArticleContext, cue: Cue, subjects: list[Token]) -> Mention | None:
    """Of several subjects, one before the verb first, a person's name first."""
    ranked = []
    for s in subjects:
        if s.lower_ in ctx.patterns.time_words:
            continue
        phrase = noun_phrase(s, ctx.grammar)
        mention = mention_from_tokens(ctx, phrase)
        if mention is None:
            continue
        if mention.kind != "name":
            # « Sa secrétaire générale, Nadia Ferrand, a regretté »
            # « Le président-directeur général du CISSS, Stéphane Bérubé, reconnaît »:
            # the name right before the verb, when the phrase stopped short of it
            mention = (
                apposed_name(ctx, phrase[-1].i + 1)
                or (_name_before(ctx, cue.first) if s.i < cue.first else None)
                or (_apposed_before_verb(ctx, s, cue.first) if s.i < cue.first else None)
                or mention
            )
        own = s.ent_type_ == "PER" or ctx.known_name_at(s.idx)
        rank = 0 if own else 1 if mention.kind == "name" else 2
        ranked.append((s.i > cue.token.i, rank, s.i, mention))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _unparsed_speaker(ctx: ArticleContext, cue: Cue, verbs: list[Token]) -> Mention | None:
    """Speaker words the parser did not make a subject: a clitic, an agent, the speaker
    of a gerund's main clause, an apposed name before the verb, an inverted subject."""
    doc = ctx.doc
    g = ctx.grammar
    clitics = [
        c
        for v in verbs
        for c in v.children
        if (c.dep_ == "expl:subj" or is_clitic_subject(c, g)) and c.lower_ != "-t"
    ] or [t for t in doc[cue.first : cue.last + 1] if is_clitic_subject(t, g) and t.lower_ != "-t"]
    if clitics:
        return mention_from_tokens(ctx, [clitics[-1]])
    # « Il a déclaré » parsed with the pronoun elsewhere: look just before the phrase
    if cue.first > 0 and doc[cue.first - 1].lower_ in ctx.patterns.pronouns:
        return mention_from_tokens(ctx, [doc[cue.first - 1]])
    after = cue.last + 1
    if after < len(doc) and doc[after].lower_ in ctx.patterns.agent_markers:
        return mention_from_tokens(ctx, grab_noun_phrase(ctx, after + 1))
    if cue.form in ("passive", "participle"):
        return None
    if cue.form in ("gerund", "purpose"):
        # « Il a assuré que …, tout en reconnaissant que »: the main clause's speaker
        # (the main clause: its root verb, else its first finite one; a verb inside the
        # reported clause, « a affirmé qu'il proposerait …, promettant », is not it)
        earlier = [
            c
            for c in ctx.cues_before(cue, since=cue.token.sent.start)
            if c.form in ("finite", "compound", "narrative")
        ]
        main = next((c for c in earlier if c.token.dep_ == "ROOT"), None)
        if main is None and earlier:
            main = earlier[-1]  # (nearest first: the first of the sentence is the last)
        return speaker_words(ctx, main) if main is not None else None
    # « Le président du groupe, Karim Benali, estime »: a name just before the verb
    before = _name_before(ctx, cue.first) or _name_just_before(ctx, cue.first)
    if before is not None:
        return before
    # inverted subject: « a déclaré Dmitri Peskov », « a expliqué le politicien américain »,
    # « a déclaré à l'AFP la porte-parole de l'OMS », « a assuré dimanche X »
    after = _skip_adjuncts(ctx, after)
    if after < len(doc) and not doc[after].is_punct:
        tokens = grab_noun_phrase(ctx, after)
        if tokens and any(t.pos_ in ("NOUN", "PROPN") or t.ent_type_ == "PER" for t in tokens):
            mention = mention_from_tokens(ctx, tokens)
            return apposed_name(ctx, tokens[-1].i + 1) or mention
    return None


def _subject_of_the_sentence(ctx: ArticleContext, cue: Cue) -> Mention | None:
    """The subject of the clause a dependent cue belongs to, when the parser hung the
    cue's verb elsewhere: « Le premier ministre X a plus tard volé au secours de sa
    ministre et assuré que … », « X, fondateur de Y met en garde en affirmant que … ».

    Only for a cue that hangs on another verb (coordinated, adverbial, a gerund) and
    does not open an incise after a comma; the subject is the last one before it in the
    sentence with no other subject, conjunction or quotation between."""
    doc = ctx.doc
    token = cue.token
    if cue.form not in ("gerund", "purpose") and token.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    if cue.form == "passive":
        return None  # the subject of a passive is what was said
    if cue.first == 0 or doc[cue.first - 1].text == ",":
        return None
    start = token.sent.start
    subject = None
    for t in doc[start : cue.first]:
        if t.is_quote or t.pos_ == "SCONJ" or t.lower_ in ctx.grammar.relative_pronouns:
            subject = None  # a subordinate clause or a quotation: its subject is not ours
        elif t.dep_ in ("nsubj", "nsubj:pass") and not is_clitic_subject(t, ctx.grammar):
            subject = t if t.pos_ in ("PROPN", "NOUN") and not ctx.in_quote(t.idx) else None
        elif t.dep_ == "appos" and (t.ent_type_ == "PER" or ctx.known_name_at(t.idx)):
            # « En tout cas, X, fondateur de Y, met en garde »: the name the parser
            # hung on the adverbial before it
            subject = t
    if subject is None:
        return None
    return _best_subject(ctx, cue, with_appositions([subject]))


def own_subject(ctx: ArticleContext, cue: Cue, token: Token) -> bool:
    """Whether a token the parser made the cue's subject really is.

    Not a clitic (« -t-il », the « l' » of « comme l'a dit »), not a word inside a
    quotation, and not the subject of another clause: « Les négociations sont dans
    l'impasse, a indiqué X » has a finite verb between « négociations » and the cue.
    """
    if is_clitic_subject(token, ctx.grammar) or ctx.in_quote(token.idx):
        return False
    if token.i >= cue.first - 1 and token.lower_ in ctx.grammar.clitics_not_subjects:
        return False
    # « Le Maroc n'est pas à l'abri …, a-t-il soutenu »: an inverted clitic is the cue's
    # subject; a word before it is the reported clause's
    if token.i < cue.first and any(
        is_clitic_subject(t, ctx.grammar) and t.lower_ != "-t"
        for t in ctx.doc[cue.first : min(len(ctx.doc), cue.last + 3)]
    ):
        return False
    # « Le réseau « implose », a averti le député X »: the quoted verb read as an
    # adjective leaves the clause without a verb, but a quotation, a comma and an inverted
    # subject make the cue an incise (a comma never stands between a subject and its verb)
    if (
        token.i < cue.first - 2
        and ctx.doc[cue.first - 1].text == ","
        and ctx.doc[cue.first - 2].is_quote
        and _incise(ctx, cue)
    ):
        return False
    if token.i < cue.first and any(t.text == "," for t in ctx.doc[token.i + 1 : cue.first]):
        # a comma between: the subject of the cue only if no other clause stands before it
        # (« Les négociations sont dans l'impasse, a indiqué X »)
        s_start = ctx.token_at(ctx.sentence(token.idx)[0])
        first = s_start.i if s_start is not None else 0
        comma = max(t.i for t in ctx.doc[token.i + 1 : cue.first] if t.text == ",")
        # a finite verb of a relative clause (« X, qui représente les familles, a plaidé »)
        # belongs to the subject's own phrase
        # (nor is the cue's own auxiliary, before an incise: « Il a, dans ce cadre, rappelé »)
        own_auxiliary = cue.token.head if auxiliary_across_incise(cue.token, ctx.grammar) else None
        if any(
            "Fin" in t.morph.get("VerbForm") and not _subordinate(t) and t != own_auxiliary
            for t in ctx.doc[first:comma]
        ):
            return False
    return True


def _subordinate(verb: Token) -> bool:
    """Whether a finite verb (or auxiliary) heads a clause inside another one: a relative
    (« X, qui représente les familles, a plaidé ») or a clause a conjunction opens
    (« Mon père, quand j'ai planté mes ceps, m'a dit »)."""
    clause = verb.head if verb.dep_.startswith(("aux", "cop")) else verb
    return clause.dep_ in ("acl:relcl", "acl", "advcl") or any(
        c.dep_ == "mark" and c.pos_ == "SCONJ" for c in clause.children
    )


def _skip_adjuncts(ctx: ArticleContext, i: int) -> int:
    """Past time words and a short prepositional phrase (« à l'AFP », « lundi soir »)."""
    doc = ctx.doc
    while i < len(doc):
        t = doc[i]
        if t.lower_ in ctx.patterns.time_words or t.pos_ == "ADV":
            i += 1
        elif t.lower_ in ctx.grammar.adjunct_prepositions and i + 1 < len(doc):
            j = i + 1
            if doc[j].pos_ == "DET":
                j += 1
            # « sur la radio RCI Guadeloupe »: a station's letters may be tagged X
            while j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN", "X") and j - i <= 5:
                j += 1
            if j == i + 1 or j >= len(doc) or doc[j].pos_ != "DET":
                return i  # not followed by another noun phrase: no inverted subject there
            i = j
        else:
            return i
    return i


def _name_before(ctx: ArticleContext, first: int) -> Mention | None:
    """A name closing an apposition right before the verb: « …, Karim Benali, estime »."""
    doc = ctx.doc
    if first < 2 or doc[first - 1].text != ",":
        return None
    end = doc[first - 2].idx + len(doc[first - 2].text)
    start = ctx.text.rfind(",", ctx.sentence(end - 1)[0], end - 1)
    if start < 0:
        return None
    name = ctx.name_in(start + 1, end)
    if name is None or ctx.text[start + 1 : end].strip() != name:
        return None
    at = ctx.text.index(name, start + 1)
    return Mention(name, at, at + len(name), "name", name)


def _name_just_before(ctx: ArticleContext, first: int) -> Mention | None:
    """A name right before the verbal group, with no comma, when the parser gave the verb
    no subject (« Dans la région de Kaolack Aïssatou Diop Fall a affirmé »)."""
    doc = ctx.doc
    if first < 1 or doc[first - 1].is_punct:
        return None
    end = doc[first - 1].idx + len(doc[first - 1].text)
    for s, e in (*((a, b) for a, b, _ in ctx.alias_spans), *ctx.names):
        if e == end and not ctx.in_quote(s):
            return Mention(ctx.text[s:e], s, e, "name", ctx.text[s:e])
    return None


def _apposed_before_verb(ctx: ArticleContext, subject: Token, first: int) -> Mention | None:
    """« l'ancien coureur devenu consultant Didier Rouvière prévient »: a name right before
    the verb, with no punctuation after the subject, that is not the subject's complement
    (« le porte-parole de Vladimir Poutine a déclaré » is the spokesman's)."""
    found = _name_just_before(ctx, first)
    if found is None or found.start <= subject.idx:
        return None
    between = ctx.text[subject.idx : found.start]
    if any(ch in between for ch in ',;:()«»“”"') or re.search(
        r"(?:\bde|\bdu|\bdes|\bd['’])\s*$", between
    ):
        return None
    return found


#: The words of a role's short complement (« en santé », « à la culture »).
_COMPLEMENT_WORDS = ("DET", "NOUN", "ADJ", "PROPN", "ADP")


def apposed_name(ctx: ArticleContext, i: int) -> Mention | None:
    """« …, a raconté l'entraîneur lensois, Olivier Gastaud, en conférence »: the name.

    A short complement the phrase stopped before may come first (« la porte-parole
    libérale en santé, Marie Montpetit »): a preposition and a few nominal words."""
    doc = ctx.doc
    if i < len(doc) and doc[i].pos_ == "ADP":
        j = i + 1
        while j < min(len(doc), i + 5) and doc[j].pos_ in _COMPLEMENT_WORDS:
            j += 1
        if j > i + 1 and j < len(doc) and doc[j].text == ",":
            i = j
    if i >= len(doc) or doc[i].text != ",":
        return None
    start = doc[i + 1].idx if i + 1 < len(doc) else len(ctx.text)
    stop = ctx.text.find(",", start)
    stop = len(ctx.text) if stop == -1 else stop
    stop = min(stop, ctx.sentence(start)[1])
    name = ctx.name_in(start, stop)
    if name is None or not ctx.text[start:stop].startswith(name):
        return None
    return Mention(name, start, start + len(name), "name", name)


def apposed_subject(ctx: ArticleContext, cue: Cue) -> Mention | None:
    """« Kevin Dethier, 29 ans, s'est expliqué », « Me Caroline Dubois-Hardy, avocate
    de la veuve, s'est dite … »: a name, then an apposition between commas, then the
    verb. The comma before the verb closes the apposition; it does not make the verb a
    postposed incise."""
    text = ctx.text
    start = ctx.sentence(cue.start_char)[0]
    if not text[start : cue.start_char].rstrip().endswith(","):
        return None
    # the apposition holds two commas: a name before the third comma back is too far
    third = cue.start_char
    for _ in range(3):
        third = text.rfind(",", start, third) if third >= start else -1
    near = ctx.names_within(start, cue.start_char, past=third)
    for s, e in sorted(near, key=lambda x: -x[1]):
        rest = text[e : cue.start_char]
        if (
            rest.startswith(",")
            and rest.count(",") == 2
            and len(rest.split()) <= 16
            and not any(ch in rest for ch in '«»“”"')
        ):
            return Mention(text[s:e], s, e, "name", text[s:e])
    return None
