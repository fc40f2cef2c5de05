"""The one table of rule families: name, priority, confidence, proposer, flags.

A rule family is a shape of attribution (« X a déclaré que … », « « … », a-t-il dit »,
« selon X, … »). Its name is the ``rule`` field of every record it makes; its priority
decides which of two candidates covering the same words is kept (lower wins); its
confidence is the base of the record's ``confidence``, before the speaker resolution
is weighed in. Each row names the module of ``talkclaims.rules.proposers`` that proposes
its candidates, and the engine runs those modules in the order of this table.

To add a rule family: write a module in ``rules/proposers/`` with a ``propose``
function, and add a row here. Rules refer to families by the constants below, never by
their names as strings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Family:
    """One rule family and how the engine treats its candidates."""

    name: str
    #: Lower wins when two candidates cover the same words.
    priority: int
    #: Base confidence of its records (0–1), before the speaker resolution is weighed in.
    confidence: float
    #: Modules of ``talkclaims.rules.proposers`` that propose it, run in table order.
    proposers: tuple[str, ...]
    #: Its candidate is a clause after the cue: a cue inside it is reported, not
    #: reporting (« Il a dit que le texte serait « présenté » » is one claim).
    frames_clause: bool = False
    #: A quotation opening the next sentence continues its speaker's words.
    continued: bool = False
    #: When one of its candidates is dropped for a stronger one with no speaker words, it
    #: still names that one's speaker (« selon X » around a passive quotation).
    lends_speaker: bool = False
    #: Proposed after a first pass of speaker resolution, from the claims already found
    #: and the people they name (its ``propose`` takes the claims and the tracker).
    after_speakers: bool = False
    #: Its candidate is a whole passage of one person's words (an interview answer): the
    #: claims it holds are kept beside it (« Ma fille m'a dit que … » inside an answer).
    holds_speech: bool = False


CUE_QUE = Family("cue-que", 2, 0.9, ("cue_frames",), frames_clause=True, continued=True)
CUE_QUOTE = Family("cue-quote", 1, 0.9, ("cue_frames",), continued=True)
CUE_INFINITIVE = Family("cue-infinitive", 3, 0.8, ("cue_frames",), frames_clause=True)
CUE_ATTRIBUTE = Family("cue-attribute", 3, 0.75, ("cue_frames",), frames_clause=True)
CUE_QUESTION = Family("cue-question", 3, 0.75, ("cue_frames",), frames_clause=True)
POSTPOSED_QUOTE = Family("postposed-quote", 1, 0.9, ("cue_frames",), continued=True)
POSTPOSED_CLAUSE = Family("postposed-clause", 4, 0.75, ("cue_frames",))
COMME_INCISE = Family("comme-incise", 2, 0.8, ("cue_frames",), continued=True)
PARTICIPLE_AGENT = Family("participle-agent", 1, 0.8, ("cue_frames",))
INCISE_QUOTE = Family("incise-quote", 1, 0.9, ("incise",))
SELON = Family("selon", 5, 0.75, ("according_to", "opinion"), lends_speaker=True)
#: « « un puncheur » pour L'Est Républicain »: the newspaper a review gives the words to
#: outranks the verb that introduces the review (« La presse salue le joueur : … »).
PRESS_REVIEW = Family("press-review", 0, 0.75, ("opinion",))
HEADLINE_QUOTE = Family("headline-quote", 1, 0.7, ("headline",))
APPOSITIVE_AGENT = Family("appositive-agent", 6, 0.65, ("appositive",))
BLOCK_QUOTE = Family("block-quote", 1, 0.6, ("block_quote",))
INTERVIEW_ANSWER = Family("interview-answer", 7, 0.6, ("layout_speech",), holds_speech=True)
DIGEST_SPEECH = Family("digest-speech", 7, 0.6, ("layout_speech",), holds_speech=True)
QUOTE_CONTINUATION = Family(
    "quote-continuation", 8, 0.8, ("continuation",), continued=True, after_speakers=True
)
ORPHAN_QUOTE = Family("orphan-quote", 9, 0.5, ("orphan",), after_speakers=True)
POSTPOSED_UNLISTED = Family(
    "postposed-unlisted", 7, 0.7, ("verbless",), continued=True, after_speakers=True
)
VERBLESS_QUOTE = Family(
    "verbless-quote", 10, 0.6, ("verbless",), continued=True, after_speakers=True
)
UNATTRIBUTED_QUOTE = Family("unattributed-quote", 11, 0.5, ("verbless",), after_speakers=True)

#: Every family, in the order their proposers run.
FAMILIES: tuple[Family, ...] = (
    CUE_QUE,
    CUE_QUOTE,
    CUE_INFINITIVE,
    CUE_ATTRIBUTE,
    CUE_QUESTION,
    POSTPOSED_QUOTE,
    POSTPOSED_CLAUSE,
    COMME_INCISE,
    PARTICIPLE_AGENT,
    INCISE_QUOTE,
    SELON,
    PRESS_REVIEW,
    HEADLINE_QUOTE,
    APPOSITIVE_AGENT,
    BLOCK_QUOTE,
    INTERVIEW_ANSWER,
    DIGEST_SPEECH,
    QUOTE_CONTINUATION,
    ORPHAN_QUOTE,
    POSTPOSED_UNLISTED,
    VERBLESS_QUOTE,
    UNATTRIBUTED_QUOTE,
)

BY_NAME: dict[str, Family] = {family.name: family for family in FAMILIES}


def proposer_modules(after_speakers: bool) -> tuple[str, ...]:
    """Names of the proposer modules of one stage, each once, in table order."""
    names = (m for f in FAMILIES if f.after_speakers == after_speakers for m in f.proposers)
    return tuple(dict.fromkeys(names))
