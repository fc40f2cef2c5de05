"""Crediting outlets: the outlets named in a claim's attribution are its sources.

A claim's sources are the outlets credited in its own sentences outside the reported
words (« selon une dépêche AFP diffusée par Le Figaro » gives both); the claims that
follow by the same speaker keep them until another outlet or speaker is named.

An outlet named as where an interview or statement was given (« Invitée du 20 heures de
TF1 », « dans un entretien au Monde », « commentait le budget sur RTL ») credits the
claims of that interview that follow, even when its own sentence holds no claim: those of
the person the sentence is about (or, when it names nobody, of the first speaker after
it), and the questions of the host (« le présentateur a demandé »). The credit goes on
over paragraphs and over a quotation held inside an answer; it stops when another
outlet is named, when another person speaks (even in words no rule took: a sentence
whose subject is another person and that quotes or reports), or after `INTERVIEW_REACH`
paragraphs outside a question-and-answer interview.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

from talkclaims.rules.names import persons_between
from talkclaims.text.fold import fold
from talkclaims.text.spans import SpanSet

if TYPE_CHECKING:
    from talkclaims.rules.candidates import Candidate
    from talkclaims.rules.context import ArticleContext


#: How far (in paragraphs) an interview's outlet credits the claims that follow.
INTERVIEW_REACH = 6


@dataclasses.dataclass(frozen=True, slots=True)
class InterviewPlace:
    """An outlet named as where an interview was given: where, in which paragraph, and
    the person its sentence is about (None when it names nobody)."""

    pos: int
    paragraph: int
    outlet: str
    person: str | None


def interview_places(ctx: ArticleContext) -> list[InterviewPlace]:
    """Each outlet named as where an interview or statement was given: after one of
    ``outlet_phrasings`` (« Invitée du 20 heures de TF1 », « dans un entretien au Monde »,
    « au micro de RTL »), or right after « sur » (« a commenté le budget sur RTL »)."""
    regex = ctx.patterns.interview_regex
    found = []
    for outlet in ctx.outlets:
        if ctx.in_quote(outlet.start):
            continue
        before = fold(ctx.text[max(0, outlet.start - 60) : outlet.start])
        # « dans un entretien accordé au Monde »: « au » is part of the outlet's span
        lead = ctx.text[outlet.start : outlet.end].split()[0]
        if lead.islower():
            before = f"{before} {fold(lead)}"
        if regex.search(before) or before.rstrip().endswith(" sur"):
            person = _person_of_sentence(ctx, outlet.start)
            found.append(
                InterviewPlace(outlet.start, ctx.paragraph(outlet.start)[0], outlet.name, person)
            )
    return found


def _person_of_sentence(ctx: ArticleContext, pos: int) -> str | None:
    """The person the sentence of ``pos`` is about: its named subject, else the one
    person it names (« un entretien avec Catherine Deneuve »)."""
    s_start, s_end = ctx.sentences[ctx.sentence_index(pos)] if ctx.sentences else (0, 0)
    named = persons_between(ctx.persons, s_start, s_end)
    subjects = [m for m in named if m.subject]
    if subjects:
        return subjects[0].name
    names = {m.name for m in named}
    return names.pop() if len(names) == 1 else None


@dataclasses.dataclass(slots=True)
class _Interview:
    """The interview being credited: its outlet, the person it is with once known, and
    the paragraph that named it."""

    outlet: str
    speaker: str | None
    paragraph: int


def credit(ctx: ArticleContext, claims: list[Candidate]) -> list[Candidate]:
    """``claims`` (in text order) with their sources."""
    contents = SpanSet((c.start, c.end) for c in claims)
    out: list[Candidate] = []
    previous: Candidate | None = None
    places = interview_places(ctx)
    paragraph_starts = [p[0] for p in ctx.paragraphs]
    interview: _Interview | None = None  # the interview whose claims are being credited
    answer_span = (0, 0)  # the last passage of speech (an answer), whose quotes it holds
    last_end = 0  # where the interview's last credited words end
    for cand in claims:
        while places and places[0].pos < cand.start:
            place = places.pop(0)
            # « …, a-t-il résumé dans un entretien au Handelsblatt »: the interview is
            # that of the claim whose own sentence names it
            # (not a newspaper reporting it: « Il a tenu ces propos dans une interview
            # à X, rapporte Y » is the interview of the person « il » is)
            given = (
                previous.speaker
                if previous
                and previous.zone[0] <= place.pos < previous.zone[1]
                and previous.speaker_kind != "outlet"
                else place.person
            )
            interview = _Interview(place.outlet, given, place.paragraph)
            last_end = max(last_end, place.pos)
        if interview is not None:
            reach = bisect.bisect_right(paragraph_starts, cand.start) - bisect.bisect_right(
                paragraph_starts, interview.paragraph
            )
            inside_answer = answer_span[0] <= cand.start and cand.end <= answer_span[1]
            # the answers of a question-and-answer interview are its claims however
            # long it runs
            answer = cand.family.holds_speech and _same(ctx, cand.speaker, interview.speaker)
            if reach > INTERVIEW_REACH and not answer:
                interview = None
            elif not inside_answer and _another_speaks(ctx, last_end, cand.start, interview):
                interview = None  # another person spoke in between, in words no rule took
            elif interview.speaker is None and cand.speaker and not _host(ctx, cand):
                interview.speaker = cand.speaker
            elif (
                interview.speaker is not None
                and cand.speaker
                and not _same(ctx, cand.speaker, interview.speaker)
                and not _host(ctx, cand)
                and not inside_answer
            ):
                interview = None  # another speaker, not quoted inside an answer
        z_start, z_end = cand.zone
        own: list[str] = []
        if cand.mention is not None and cand.mention.kind == "outlet" and cand.mention.name:
            own.append(cand.mention.name)
        for outlet in ctx.outlets_within(z_start, z_end):
            if contents.overlaps(outlet.start, outlet.start + 1) or ctx.in_quote(outlet.start):
                continue
            if _partner(ctx, outlet.start):
                continue  # « un accord entre l'Aps et l'agence Xinhua »: no credit
            if outlet.name not in own:
                own.append(outlet.name)
        trailing = _trailing_outlet(ctx, cand)
        if trailing is not None and trailing not in own:
            own.append(trailing)
        # « a tweeté que »: the verb names the platform
        platform = ctx.patterns.verb_platforms.get(cand.cue or "")
        if platform is not None and platform not in own:
            own.append(platform)
        if own:
            cand = dataclasses.replace(cand, sources=tuple(own))
            if interview is not None and interview.outlet not in own:
                interview = None  # another outlet named: the interview's credit stops
        elif (
            interview is not None
            and cand.speaker
            and (_same(ctx, cand.speaker, interview.speaker) or _host(ctx, cand))
        ):
            cand = dataclasses.replace(cand, sources=(interview.outlet,))
            last_end = max(last_end, cand.end)
        elif (
            previous is not None
            and previous.speaker
            and _same(ctx, previous.speaker, cand.speaker)
            and not _another_speaks(ctx, previous.end, cand.start, None, previous.speaker)
        ):
            cand = dataclasses.replace(cand, sources=previous.sources)
        out.append(cand)
        previous = cand
        if cand.family.holds_speech:
            answer_span = (cand.start, cand.end)
    return out


def _same(ctx: ArticleContext, a: str | None, b: str | None) -> bool:
    """Whether two resolved speakers are one person (one canonical name, or two
    spellings of one known person)."""
    return bool(a and b) and (a == b or ctx.people.same_person(a or "", b or ""))


def _host(ctx: ArticleContext, cand: Candidate) -> bool:
    """Whether the claim is the host's (« le présentateur a demandé »): the interview's
    own questions, credited like its answers."""
    mention = cand.mention
    words = (mention.text if mention is not None else cand.speaker or "").lower().split()
    return any(w.strip(",.;:") in ctx.patterns.interviewer_nouns for w in words[:3])


def _another_speaks(
    ctx: ArticleContext,
    start: int,
    end: int,
    interview: _Interview | None,
    speaker: str | None = None,
) -> bool:
    """Whether, between ``start`` and ``end``, a sentence has another person than the
    interview's (or ``speaker``) for subject and quotes or reports: a claim of someone
    else, even one no rule took."""
    who = speaker if interview is None else interview.speaker
    if who is None or end <= start:
        return False
    first, last = ctx.sentence_index(start), ctx.sentence_index(end)
    if last - first < 2:
        return False  # no whole sentence between
    between = persons_between(ctx.persons, ctx.sentences[first + 1][0], ctx.sentences[last][0])
    for mention in between:
        if _same(ctx, mention.name, who):
            continue
        s_start, s_end = ctx.sentences[mention.sentence]
        # its subject: parsed so, or the name the sentence opens with
        opens = not ctx.text[s_start : mention.start].strip()
        if not (mention.subject or opens):
            continue
        if ctx.quotes_opening(s_start, s_end) or any(
            _reports(ctx, c.start_char, c.end_char) for c in ctx.cues_between(s_start, s_end)
        ):
            return True
    return False


def _reports(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether a cue ``[start, end)`` says something: « que », a colon or a quotation a
    few words on, or an object pronoun standing for words (« le dit sans détour »); «
    savourait son succès » reports nothing."""
    # (the verbal group may hold the pronoun: « le dit », « l'a dit »)
    lead = ctx.text[max(0, start - 4) : end].lower().replace("’", "'")
    if re.search(r"(?:^|\s)(?:le|en)\s|(?:^|\s)l'", lead):
        return True
    after = ctx.text[end : end + 40].lstrip(" ,\u00a0\u202f")
    words = after.split()
    return bool(words) and (
        after[:1] in ':«“"'
        or any(w.lower() == "que" or w.lower().startswith(("qu'", "qu’")) for w in words[:4])
    )


#: « … » (El Watan) at the end of its line: capitalised words in brackets.
_TRAILING = re.compile(
    r"[\s»”\"’.!?…]*\(\s*((?:L['’]|La |Le |Les )?[A-ZÀ-ÖØ-Þ][\w’'&.-]*"
    r"(?:[ -](?:de |du |d['’])?[A-ZÀ-ÖØ-Þ][\w’'&.-]*){0,3})\s*\)[\s.]*(?:\n|$)"
)


def _trailing_outlet(ctx: ArticleContext, cand: Candidate) -> str | None:
    """The newspaper a press review credits a quotation to at the end of its line
    (« Nom, rôle : « … » (El Watan) »): capitalised words in brackets that are not the
    claim's speaker (« « … » (Cheikh Ndour) » names the speaker, not an outlet)."""
    if cand.kind == "indirect" or not cand.speaker:
        return None
    found = _TRAILING.match(ctx.text, cand.end)
    if found is None:
        return None
    name = found.group(1)
    if _same(ctx, name, cand.speaker) or fold(name) in fold(cand.speaker):
        return None
    known = ctx.outlet_in(found.start(1), found.end(1))
    if known is not None:
        return known.name
    if ctx.name_in(found.start(1), found.end(1)) is not None:
        return None  # a person's name
    return name


#: « entre l'Aps et l'agence X », « en partenariat avec la revue X », « contre Le
#: Monde »: an outlet a claim's sentence names as a party, not as the one it credits.
_PARTY = re.compile(
    r"\b(?:entre|avec|contre)\s+[^,.;:«»“”\"\n]{0,60}?(?:et\s+)?(?:l['’]|les?\s+|la\s+)?$",
    re.IGNORECASE,
)


def _partner(ctx: ArticleContext, pos: int) -> bool:
    """Whether the outlet at ``pos`` is a party the sentence names (after « entre »,
    « avec », « contre » in its clause), not a credit."""
    before = ctx.text[max(ctx.sentence(pos)[0], pos - 80) : pos]
    if _PARTY.search(before) is None:
        return False
    # « dans un entretien avec Le Monde » credits it
    return ctx.patterns.interview_regex.search(fold(before)) is None
