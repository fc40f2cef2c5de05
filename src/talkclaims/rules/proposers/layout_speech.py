"""Rule families ``interview-answer`` and ``digest-speech``: speech set out by layout.

Two layouts give a person's words without quotation marks or a reporting verb:

- a question-and-answer interview: question paragraphs (ending with « ? ») each followed
  by the answer of the person the interview is with, named in the headline (« Name : « … » »)
  or in the lead before the first question;
- a digest of reactions: a label line naming a person (« Frédéric Maréchal (entraîneur
  de Lyon) », « Au micro de RMC : Jonathan Koffi »), then a paragraph of their words.

Each answer or digest paragraph is one ``direct`` claim of that person, without a label
that opens it (« Marc Van Hoolst : »).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from talkclaims.rules.candidates import Candidate, span_candidate
from talkclaims.rules.families import DIGEST_SPEECH, INTERVIEW_ANSWER
from talkclaims.rules.found import Mention
from talkclaims.rules.layout import speaker_label

if TYPE_CHECKING:
    from talkclaims.rules.context import ArticleContext

#: A question paragraph is at most this many words.
QUESTION_WORDS = 60
#: An interview has at least this many question paragraphs followed by an answer.
MIN_QUESTIONS = 2
#: An interviewer's turn with no question mark at its end is at most this many words.
SHORT_TURN_WORDS = 25
#: An answer runs over at most this many paragraphs after its question.
MAX_ANSWER_PARAGRAPHS = 4
_LABEL = re.compile(r"[^\n:«»“”\"]{2,60}?\s?:\s+")
#: A label with the speaker's office before the name (« Le ministre de la Famille, des
#: Enfants et du Développement social, Jean-Yves Duclos : »).
_LONG_LABEL = re.compile(r"[^\n:«»“”\".!?]{2,140}?\s?:\s+")


def propose(ctx: ArticleContext) -> list[Candidate]:
    return _interview(ctx) + _digest(ctx)


def _is_question(ctx: ArticleContext, start: int, end: int) -> bool:
    text = ctx.text[start:end].rstrip()
    return (
        text.endswith("?")
        and len(text.split()) <= QUESTION_WORDS
        and not ctx.quotes_opening(start, end)
    )


def _interjection(ctx: ArticleContext, start: int, end: int) -> bool:
    """A short paragraph that reads as the interviewer's: a question mark in it, or no
    word of the speaker's first person (« La FEB réclame pourtant un saut d'index. »)."""
    span = ctx.char_span(start, end)
    if span is None or len(span) > SHORT_TURN_WORDS or ctx.quotes_opening(start, end):
        return False
    if "?" in ctx.text[start:end]:
        return True
    return not any(t.lower_ in ctx.patterns.first_person or t.lower_ == "on" for t in span)


def _question_labels(ctx: ArticleContext) -> frozenset[str]:
    """The labels that open question paragraphs (« Le Devoir : », « Q : »): the same
    label opens the interviewer's turns that are not questions (« Certains vous
    reprochent d'être alarmiste. »), so that they are not taken for answers."""
    found: Counter[str] = Counter()
    for start, end in ctx.paragraphs:
        label = _LABEL.match(ctx.text, start, end)
        if label is not None and _is_question(ctx, start, end):
            found[ctx.text[start : label.end()].strip()] += 1
    return frozenset(k for k, n in found.items() if n >= MIN_QUESTIONS)


def _interview(ctx: ArticleContext) -> list[Candidate]:
    paragraphs = ctx.paragraphs
    labels = _question_labels(ctx)

    turns = ctx.patterns.turn_label_regex

    def labelled(i: int) -> bool:
        start, end = paragraphs[i]
        turn = turns.match(ctx.text, start, end)
        if turn is not None:  # « Q - … », « R - … »: the transcript says whose turn
            return turn.lastgroup == "question"
        if _is_question(ctx, start, end):
            return True
        label = _LABEL.match(ctx.text, start, end)
        return label is not None and ctx.text[start : label.end()].strip() in labels

    asking = {i for i in range(len(paragraphs)) if labelled(i)}
    questions = [i for i in range(len(paragraphs) - 1) if i in asking and i + 1 not in asking]
    if len(questions) < MIN_QUESTIONS:
        return []
    # questions alternate with answers: they are at least a quarter of the paragraphs
    # from the first one on (subheadings ending in « ? » are few and far between)
    if len(questions) * 4 < len(paragraphs) - questions[0]:
        return []
    # « 6-Marc Koné ¶ (Ministre du Tourisme) : ¶ Notre mission ? ¶ « … » »: a digest whose
    # entries have headings ending in « ? », each under its person's label
    if any(speaker_label(ctx, paragraphs[i][0]) is not None for i in questions):
        return []
    who = _interviewee(ctx, paragraphs[questions[0]][0])
    if who is None:
        return []
    # « Et le logement ? Les prix ont reculé. », « La FEB réclame pourtant un saut
    # d'index. »: in an interview, a short paragraph between two answers with a question
    # mark or no word of the first person is the interviewer's
    extra = {
        i
        for i in range(questions[0] + 2, len(paragraphs) - 1)
        if i not in asking
        and i - 1 not in asking
        and i + 1 not in asking
        and _interjection(ctx, *paragraphs[i])
    }
    asking |= extra
    questions = sorted(set(questions) | extra)
    out: list[Candidate] = []
    for i in range(questions[0] + 1, len(paragraphs)):
        if i in asking:
            continue
        # an answer runs from the paragraph after a question to the next question
        k = i - 1
        while k >= 0 and k not in asking:
            k -= 1
        if k < questions[0] or i - k > MAX_ANSWER_PARAGRAPHS:
            continue
        start, end = paragraphs[i]
        label = _LABEL.match(ctx.text, start, end)
        turn = turns.match(ctx.text, start, end)
        if turn is not None:
            start = turn.end()  # « R - »
        elif label is not None and (
            ctx.name_in(start, label.end()) or _names(ctx.text[start : label.end()], who)
        ):
            start = label.end()
        lead = paragraphs[questions[0]][0]
        mention = Mention(who, lead, lead, "name", who)
        cand = span_candidate(ctx, start, end, INTERVIEW_ANSWER, start, mention)
        # « Le Devoir : … ? » then the answer: the outlet asking is the answer's source
        q_start, q_end = paragraphs[k]
        asked = _LABEL.match(ctx.text, q_start, q_end)
        if asked is not None and ctx.outlet_in(q_start, asked.end()) is not None:
            cand = replace(cand, zone=(q_start, cand.zone[1]))
        out.append(cand)
    return out


def _names(label: str, who: str) -> bool:
    """Whether an answer's label (« Sophie Lalancette : », « S. Lalancette : ») names
    the interviewee ``who``: a capitalised word of the label is one of the name's."""
    words = {w.strip(".,") for w in who.split()}
    return any(w[:1].isupper() and w.strip(".,:") in words for w in label.split())


def _interviewee(ctx: ArticleContext, first_question: int) -> str | None:
    """The person the interview is with: the name of a headline label, else the person
    the lead names most often, before the first question."""
    first = ctx.paragraphs[0]
    label = _LABEL.match(ctx.text, first[0], first[1])
    if label is not None:
        name = ctx.name_in(first[0], label.end())
        if name is not None:
            return ctx.people.canonical(name, ctx.name_groups)
    named = Counter(p.name for p in ctx.persons if p.start < first_question)
    if not named:
        return None
    return named.most_common(1)[0][0]


def _digest(ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for start, end in ctx.paragraphs:
        if ctx.quotes_opening(start, end):
            continue  # quoted words: the quotation rules read them
        mention = speaker_label(ctx, start)
        if mention is None:
            # « Le ministre des Affaires étrangères, Stéphane Dion : En fait, … »: a
            # round table's turns, each labelled by its speaker's name at its start
            inline = _inline_label(ctx, start, end)
            if inline is None:
                continue
            mention, start = inline
        # the signature of a block quotation above is not a label of what follows
        if any(b.signature[0] <= mention.start < b.signature[1] for b in ctx.block_quotes):
            continue
        # reactions are spoken: the paragraph talks in the first person, and is no
        # heading of its entry (« Notre mission, les élections ? »)
        if ctx.text[start:end].rstrip().endswith("?"):
            continue
        span = ctx.char_span(start, end)
        if not any(t.lower_ in ctx.patterns.first_person or t.lower_ == "on" for t in span or ()):
            continue
        out.append(span_candidate(ctx, start, end, DIGEST_SPEECH, mention.start, mention))
    return out


def _inline_label(ctx: ArticleContext, start: int, end: int) -> tuple[Mention, int] | None:
    """A paragraph that opens with a label ending in a person's name and a colon (« La
    ministre de la Culture, Mélanie Joly : … », « Marc Lefèvre (Nantes) : … »): the
    person, and where their words start."""
    label = _LONG_LABEL.match(ctx.text, start, end)
    if label is None or label.end() >= end:
        return None
    head = ctx.text[start : label.end()].rstrip(" :\u00a0\u202f")
    head = re.sub(r"\s*\([^()]*\)$", "", head)  # « (Nantes) », « (entraîneur) »
    name = ctx.name_in(start, start + len(head))
    if name is None or not head.endswith(name):
        return None
    before = head[: -len(name)].strip()
    # nothing before the name, or a description closed by a comma (no verb: not a clause)
    if before and not before.endswith(","):
        return None
    span = ctx.char_span(start, start + len(before)) if before else None
    if any(t.pos_ in ("VERB", "AUX") for t in span or ()):
        return None
    at = start + len(head) - len(name)
    return Mention(name, at, at + len(name), "name", name), label.end()
