"""What kind of speaker each claim has, and the gender the article gives them.

Researchers compare outlets by who they let speak: named people or anonymous sources,
officials or organisations, women or men. The speaker is already resolved; these pure
functions read its words and the article's context to say:

- ``speaker_type``: ``person`` (a named person), ``role`` (a description that identifies
  one person: « la ministre des Sports », « mon père »), ``anonymous`` (« une source
  diplomatique », « un proche du dossier », « des experts », « l'un d'eux »),
  ``organisation`` (« le Kremlin », « la préfecture », « le FMI ») or ``outlet`` (the
  outlet itself reports);
- ``speaker_gender``: ``f`` or ``m`` from what the article says (a title, the determiner
  or ending of a role noun, an apposition, the pronouns that refer to the person), else
  from the first-name list of ``first_names.yaml`` (``speaker_gender_from`` says which),
  else None. Organisations, outlets and groups have none; nothing else is guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talkclaims.rules.names import marked_gender
from talkclaims.rules.speakers import pronoun_gender
from talkclaims.text.fold import fold

if TYPE_CHECKING:
    from talkclaims.rules.candidates import Candidate
    from talkclaims.rules.context import ArticleContext


@dataclass(frozen=True, slots=True)
class SpeakerKind:
    """The type and gender of one claim's speaker (all None when it has none)."""

    type: str | None = None
    gender: str | None = None
    gender_from: str | None = None


def speaker_kinds(ctx: ArticleContext, claims: list[Candidate]) -> list[SpeakerKind]:
    """The `SpeakerKind` of each of ``claims`` (in their order)."""
    named = person_genders_by_pronoun(ctx, claims)
    outlets = frozenset(o.name for o in ctx.outlets)
    return [_kind(ctx, cand, named, outlets) for cand in claims]


def person_genders_by_pronoun(ctx: ArticleContext, claims: list[Candidate]) -> dict[str, str]:
    """The gender of each named person as the text marks it: its titles, determiners and
    appositions (`ArticleContext.genders`), else the pronouns (il, elle) that were
    resolved to them, by majority."""
    votes: dict[str, Counter[str]] = {}
    for cand in claims:
        mention = cand.mention
        if mention is None or not cand.speaker:
            continue
        if mention.kind == "pronoun":
            gender = pronoun_gender(mention.text)
        elif mention.kind == "name" and cand.kind == "indirect":
            # « Ermak a déclaré qu'il ne garde pas rancune »: the reported clause's
            # subject pronoun is, as a rule, its speaker
            first = ctx.text[cand.start : cand.start + 6].split()[:1]
            gender = pronoun_gender(first[0]) if first and first[0].islower() else None
        else:
            gender = None
        if gender is not None:
            votes.setdefault(cand.speaker, Counter())[gender] += 1
    out = {}
    for name, counts in votes.items():
        if counts["f"] != counts["m"]:
            out[name] = "f" if counts["f"] > counts["m"] else "m"
    out.update(ctx.genders)
    return out


def _kind(
    ctx: ArticleContext, cand: Candidate, named: dict[str, str], outlets: frozenset[str]
) -> SpeakerKind:
    speaker = cand.speaker
    if not speaker:
        return SpeakerKind()
    if cand.speaker_kind == "outlet" or speaker in outlets:
        return SpeakerKind("outlet")
    # a name the article gives (or one a rule read as a name: a label line, « 6-Awa
    # Traoré »)
    if (
        speaker in ctx.article_names
        or ctx.people.known(speaker) is not None
        or cand.speaker_kind == "name"
    ):
        return _person(ctx, speaker, named)
    words = _words_of(ctx, cand)
    if not words:
        return SpeakerKind("anonymous")
    lowered = [w.lower() for w in words]
    # « on », « certains », « l'un d'eux », « l'une des victimes »
    unnamed = ctx.patterns.unnamed_speakers
    if " ".join(lowered) in unnamed or (
        lowered[0] in unnamed and len(lowered) > 1 and lowered[1] in ctx.patterns.one_of
    ):
        return SpeakerKind("anonymous")
    det, head = _determiner_and_head(ctx, lowered)
    if head is None:
        # a name no one introduced as a person: a person when its first word is a first
        # name (« Jacqueline »), else an organisation or a place (« le FMI », « Washington »)
        gender = ctx.patterns.first_name_gender(words[0])
        if words[0][:1].isupper() and gender is not None and det is None:
            return SpeakerKind("person", gender or None, "first-name" if gender else None)
        return SpeakerKind("organisation")
    g = ctx.grammar
    plural = _plural(ctx, det, head)
    anonymous = (
        plural
        or head in ctx.patterns.anonymous_nouns
        or (det is not None and det in g.indefinite_determiners)
    )
    gender = None if plural else _description_gender(ctx, det, head, cand)
    return SpeakerKind("anonymous" if anonymous else "role", gender, "text" if gender else None)


def _person(ctx: ArticleContext, name: str, named: dict[str, str]) -> SpeakerKind:
    gender = named.get(name)
    if gender is not None:
        return SpeakerKind("person", gender, "text")
    by_name = ctx.patterns.first_name_gender(name.split()[0]) if name.split() else None
    if by_name:
        return SpeakerKind("person", by_name, "first-name")
    return SpeakerKind("person")


def _words_of(ctx: ArticleContext, cand: Candidate) -> list[str]:
    """The words of the speaker as the article wrote them: the mention when it is the
    description itself (it keeps its determiner), else the resolved speaker."""
    mention = cand.mention
    speaker = cand.speaker or ""
    if mention is not None and mention.kind in ("description", "other"):
        text = mention.text
        if fold(speaker) in fold(text):
            return text.split()
    return speaker.split()


def _determiner_and_head(ctx: ArticleContext, words: list[str]) -> tuple[str | None, str | None]:
    """(determiner, head noun) of a description's lower-cased words; the head is the
    first person noun among its first words, None when there is none."""
    g = ctx.grammar
    det = None
    rest = list(words)
    first = rest[0]
    for elided in g.elided_articles:
        if first.startswith(elided) and len(first) > len(elided):
            det, rest[0] = elided, first[len(elided) :]
            break
    else:
        if (
            first in g.definite_articles
            or first in g.indefinite_determiners
            or first in g.possessives
            or first in ctx.patterns.speaker_possessives
            or first in g.demonstratives
            or first in ctx.patterns.plural_determiners
        ):
            det, rest = first, rest[1:]
    patterns = ctx.patterns
    people = patterns.person_heads
    for word in rest[:3]:
        word = word.strip(",.;:")
        if word in people or word in patterns.anonymous_nouns:
            return det, word
        if word not in patterns.before_head:
            # « un céréalier du canton »: a noun of person by its ending, after a
            # determiner (a bare capitalised word is a name, not a noun)
            if (
                det is not None
                and word.endswith(patterns.person_endings)
                and word not in patterns.not_person_nouns
            ):
                return det, word
            break
    return det, None


def _plural(ctx: ArticleContext, det: str | None, head: str) -> bool:
    """A group: a plural determiner, or a head that is the plural of a noun of person."""
    if det in ctx.patterns.plural_determiners:
        return True
    return head.endswith(("s", "x")) and head[:-1] in ctx.patterns.person_heads


def _description_gender(
    ctx: ArticleContext, det: str | None, head: str, cand: Candidate
) -> str | None:
    """The gender a description marks: its determiner (« la », « une », « sa » before a
    consonant), else the head's feminine ending, else a masculine head whose feminine
    form the lists know; else a gendered pronoun that referred to it. A noun whose
    grammatical gender is fixed (« une source ») marks none."""
    if head in ctx.patterns.ungendered_nouns:
        return None
    gender = marked_gender(ctx, det, head)
    if gender is not None:
        return gender
    mention = cand.mention
    if mention is not None and mention.kind == "pronoun":
        return pronoun_gender(mention.text)
    return None
