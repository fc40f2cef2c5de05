"""The engine's contract: a context built once and only read, whole frozen candidates, and
the people tracker as the only state that changes while an article is processed."""

from __future__ import annotations

import dataclasses

import pytest

from talkclaims.rules.families import BY_NAME, FAMILIES, proposer_modules
from talkclaims.rules.reading import read_article
from talkclaims.rules.speakers import PeopleTracker, resolve_speakers
from talkclaims.text.sentences import for_parsing

TEXT = (
    "La ministre du Travail, Claire Vasseur, a assuré lundi que la réforme serait "
    "présentée avant mars, selon Le Monde. « Rien ne sera décidé sans les syndicats », "
    "a-t-elle ajouté. « Nous prendrons le temps qu'il faut. »\n"
    "Le texte sera ensuite débattu au Sénat."
)


@pytest.fixture(scope="module")
def parsed(extractor):
    engine = extractor.engine
    doc = extractor.parse(for_parsing(TEXT))
    return engine, read_article(doc, engine.patterns, engine.people, engine.outlets)


def test_the_context_is_read_only_once_built(parsed):
    _, ctx = parsed
    with pytest.raises(AttributeError, match="read-only"):
        ctx.cues = ()
    assert isinstance(ctx.quotes, tuple) and isinstance(ctx.persons, tuple)
    assert [ctx.text[q.start : q.end] for q in ctx.quotes] == [
        "Rien ne sera décidé sans les syndicats",
        "Nous prendrons le temps qu'il faut.",
    ]
    assert {c.lemma for c in ctx.cues} == {"assurer", "ajouter"}
    assert "Claire Vasseur" in ctx.article_names
    assert ctx.outlets[0].name == "Le Monde"


def test_proposers_return_whole_frozen_candidates(parsed):
    _, ctx = parsed
    from talkclaims.rules.proposers import cue_frames

    candidates = cue_frames.propose(ctx)
    assert [c.family.name for c in candidates] == ["cue-que", "postposed-quote"]
    first = candidates[0]
    assert first.kind == "indirect" and first.cue == "assurer" and first.mention is not None
    assert first.mention.text == "Claire Vasseur" and first.cue_span is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.speaker = "someone"  # type: ignore[misc]


def test_resolution_changes_only_the_tracker(parsed):
    _, ctx = parsed
    from talkclaims.rules.proposers import cue_frames

    candidates = cue_frames.propose(ctx)
    persons = ctx.persons
    people = PeopleTracker(ctx)
    resolved = resolve_speakers(ctx, people, candidates)
    assert [c.speaker for c in resolved] == ["Claire Vasseur", "Claire Vasseur"]
    assert all(c.speaker is None for c in candidates)  # the proposed ones are untouched
    assert ctx.persons is persons
    # « elle » (of « a-t-elle ») resolved to Claire Vasseur joins the people mentioned
    elle = resolved[1].mention
    assert elle is not None and elle.text == "elle" and ctx.text[elle.start - 1] == "-"
    assert any(p.start == elle.start and p.name == "Claire Vasseur" for p in people.persons)
    assert len(people.persons) == len(persons) + 1


def test_the_follow_up_pass_continues_the_previous_speaker(parsed):
    engine, ctx = parsed
    claims = engine.claims(ctx.doc)
    by_text = {c.text: c for c in claims}
    follow = by_text["Nous prendrons le temps qu'il faut."]
    assert follow.rule == "quote-continuation" and follow.speaker == "Claire Vasseur"
    first = by_text["la réforme serait présentée avant mars"]
    assert first.sources == ("Le Monde",) and first.speaker == "Claire Vasseur"
    # the same speaker keeps her outlet until another one is named
    assert by_text["Rien ne sera décidé sans les syndicats"].sources == ("Le Monde",)


def test_every_family_has_a_priority_confidence_and_proposer():
    assert set(BY_NAME) == {f.name for f in FAMILIES}
    assert all(0 < f.confidence <= 1 and f.proposers for f in FAMILIES)
    assert proposer_modules(after_speakers=True) == ("continuation", "orphan", "verbless")
    assert proposer_modules(after_speakers=False)[0] == "cue_frames"
