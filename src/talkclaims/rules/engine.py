"""Turn quotations, cues and attribution phrasings into claims with speakers and sources.

The flow is one way: candidates are proposed by independent rule families (`frames`
for reporting verbs, `phrasings` for « selon X », block quotations and the like),
overlapping candidates are settled by rule priority, then speakers are resolved in
reading order (pronouns and descriptions look back at what the article said before)
and outlets are credited last.

Every candidate records the rule that made it, so users can filter and developers can
see why a claim is there.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from talkclaims.lang.outlets import OutletFinder
from talkclaims.lang.people import SpeakerIndex
from talkclaims.records import Claim
from talkclaims.rules.context import OPEN_MARKS, Article, Candidate
from talkclaims.rules.frames import cue_candidates, incise_candidates
from talkclaims.rules.phrasings import (
    according_to_candidates,
    appositive_candidates,
    block_quotes,
    continuation_candidates,
    headline_candidates,
    opinion_candidates,
    orphan_quote_candidates,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

from talkclaims.lang.patterns import Patterns

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
    "headline-quote": 0.7,
    "orphan-quote": 0.5,
}
#: Lower wins when two candidates cover the same words.
_CLAUSE_RULES = {"cue-que", "cue-infinitive", "cue-question", "cue-attribute"}
#: What the model cuts off the end of a name: « -Delmotte », « Le Maire », « von der Leyen ».
_SPEAKER_WEIGHT = {"name": 1.0, "outlet": 1.0, "other": 0.95, "description": 0.85, "pronoun": 0.85}


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
        introduced = [
            r
            for r in article.roles
            if article.same_role(r[1], mention.name or "") and r[0] < mention.start
        ]
        if person is not None:
            cand.speaker = person.name
        elif introduced:
            cand.speaker = introduced[-1][2]
        elif mention.name in article.patterns.anaphoric_nouns:
            # « le politicien américain », « le négociateur russe »: a category, not an
            # office, so it points back at the person the passage is about
            cand.speaker = article.salient_person(mention.start)
        else:
            # an office no one in the article was given before (« Le député de
            # Seine-Saint-Denis » right after Karim Benali spoke): the person of this or
            # the last sentence
            cand.speaker = article.salient_person(mention.start, max_back=1)
        # « le maire » nobody was introduced as: the description is all the article gives
        cand.speaker = cand.speaker or _strip_determiner(article, mention.text)
    else:
        cand.speaker = _strip_determiner(article, mention.text)
    cand.speaker_kind = mention.kind if cand.speaker else None


def _resolve_all(article: Article, claims: list[Candidate]) -> None:
    """Speakers in reading order: each resolution can serve the pronouns that follow."""
    previous = None
    people = set(article.article_names)
    for cand in sorted(claims, key=lambda c: c.at):
        resolved = cand.speaker is not None
        _resolve(article, cand, previous)
        mention = cand.mention
        if (
            not resolved
            and mention is not None
            and mention.kind in ("pronoun", "description")
            and cand.speaker in people
        ):
            article.add_person(mention.start, cand.speaker)
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


def _split_paragraphs(article: Article, claims: list[Candidate]) -> list[Candidate]:
    """A quotation reopened at each paragraph (« … ¶ « … ») gives one claim a paragraph,
    each with the same speaker, so that every claim has its own line."""
    out = []
    for cand in claims:
        pieces = [
            (max(cand.start, s), min(cand.end, e))
            for s, e in article.paragraphs
            if s < cand.end and cand.start < e
        ]
        if cand.kind != "direct":
            out.append(cand)
            continue
        for s, e in pieces:
            # the reopening « of a paragraph and the spaces around are not the words
            while s < e and article.text[s] in OPEN_MARKS + " \t\r\n\u00a0\u202f":
                s += 1
            while e > s and article.text[e - 1] in " \t\r\n\u00a0\u202f":
                e -= 1
            if e - s >= 2:
                out.append(dataclasses.replace(cand, start=s, end=e))
    return out


def line_of(text: str, pos: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, pos) + 1


class Engine:
    """The rule engine for one set of rule data: the lookups are built once, then every
    document goes through `claims`.

    ``people`` knows who is who (canonical names, roles), ``outlets`` finds the outlets a
    text names; both are pure lookups over the rule data, shared by every document.
    """

    def __init__(self, patterns: Patterns) -> None:
        self.patterns = patterns
        self.people = SpeakerIndex(patterns)
        self.outlets = OutletFinder(patterns)

    def claims(self, doc: Doc) -> list[Claim]:
        """All claims of a parsed document, in text order."""
        return extract_claims(doc, self.patterns, self.people, self.outlets)


def extract_claims(
    doc: Doc,
    patterns: Patterns,
    index: SpeakerIndex,
    outlets: OutletFinder,
    doc_id: str = "",
) -> list[Claim]:
    """All claims of a parsed document, in text order."""
    article = Article(doc, patterns, index, outlets)
    article.set_blocks(block_quotes(article))
    candidates: list[Candidate] = []
    for cue in article.cues:
        candidates.extend(cue_candidates(article, cue))
    candidates.extend(incise_candidates(article))
    candidates.extend(according_to_candidates(article))
    candidates.extend(opinion_candidates(article))
    candidates.extend(headline_candidates(article))
    candidates.extend(appositive_candidates(article))
    kept = _settle(candidates + article.blocks)
    _resolve_all(article, kept)
    kept = sorted(kept + continuation_candidates(article, kept), key=lambda c: c.start)
    kept = sorted(kept + orphan_quote_candidates(article, kept), key=lambda c: c.start)
    _resolve_all(article, kept)
    kept = _split_paragraphs(article, kept)
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
                marks=(
                    (cand.mention.start, cand.mention.end)
                    if cand.mention and cand.mention.end > cand.mention.start
                    else None,
                    cand.cue_span,
                ),
            )
        )
    return claims
