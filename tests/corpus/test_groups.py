"""Quotation groups over claims written for the tests (issue 22)."""

from __future__ import annotations

import random
import time

import pytest

from talkclaims.corpus.groups import QuoteGrouper, date_key, group_claims, group_id
from talkclaims.corpus.wording import wording
from talkclaims.lang.patterns import shipped_patterns
from talkclaims.lang.people import SpeakerIndex
from talkclaims.records import Claim

PLAN = (
    "Nous avons proposé un plan en vingt points, dont dix concernent la sécurité, et nous "
    "attendons une réponse avant la fin du mois"
)
OTHER = "Nous avons proposé un plan de relance pour les agriculteurs du Sud-Ouest"


def quoted(
    doc: str,
    text: str,
    speaker: str | None = "Hélène Marchetti",
    kind: str = "direct",
    speaker_type: str | None = "person",
    outlet: str | None = None,
    date: str | None = None,
) -> Claim:
    return Claim(
        doc, kind, text, 0, len(text), 1, speaker, speaker, "dire", (), "cue", 0.9,
        outlet=outlet, date=date, speaker_type=speaker_type if speaker else None,
    )  # fmt: skip


@pytest.fixture(scope="module")
def people():
    return SpeakerIndex(shipped_patterns())


def numbers(grouping, claims):
    """The group number of each claim."""
    return [grouping.group_of(n) for n in range(len(claims))]


def test_printed_forms_excerpts_elisions_and_a_changed_word_are_one_group():
    claims = [
        quoted("afp.txt", PLAN),
        quoted("figaro.txt", PLAN.replace("'", "’").upper()),
        quoted("monde.txt", "un plan en vingt points, dont dix concernent la sécurité"),
        quoted("rfi.txt", "Nous avons proposé un plan […] avant la fin du mois"),
        quoted("blog.txt", PLAN.replace("vingt points", "trente points")),
        quoted("ouest.txt", OTHER),
        quoted("lci.txt", "Nous tiendrons"),  # too short to group
        quoted("lci.txt", PLAN, kind="indirect"),  # no quotation
    ]
    grouping = group_claims(claims)
    groups = numbers(grouping, claims)
    assert groups[:5] == [groups[0]] * 5
    assert groups[5] not in (groups[0], -1)
    assert groups[6:] == [-1, -1]
    assert grouping.id_of(6) is None
    assert grouping.id_of(0) == group_id(wording(PLAN).key)  # the canonical: the longest


def test_a_quotation_inside_another_speakers_quotation_is_not_that_quotation():
    outer = (
        "Mon père, quand j’ai planté mes premières vignes, m’a dit : « Tu vas faire du "
        "vinaigre pour les touristes. » Vingt ans plus tard, on exporte."
    )
    claims = [
        quoted("a.txt", outer, "Marc Van Hoolst"),
        quoted(
            "a.txt", "Tu vas faire du vinaigre pour les touristes.", "Mon père", speaker_type="role"
        ),
    ]
    groups = numbers(group_claims(claims), claims)
    assert groups[0] != groups[1]


def test_an_excerpt_two_quotations_share_joins_neither():
    shared = "nous ne reculerons devant aucune menace"
    claims = [
        quoted("a.txt", f"Le pays a changé et {shared} venue de l’étranger, quelle qu’elle soit"),
        quoted("b.txt", f"Face aux syndicats comme aux marchés financiers, {shared} intérieure"),
        quoted("c.txt", shared.capitalize()),
    ]
    groups = numbers(group_claims(claims), claims)
    assert len(set(groups)) == 3


def test_ids_do_not_depend_on_the_order_of_the_articles():
    claims = [
        quoted("afp.txt", PLAN),
        quoted("monde.txt", "un plan en vingt points, dont dix concernent la sécurité"),
        quoted("blog.txt", PLAN.replace("vingt points", "trente points")),
        quoted("ouest.txt", OTHER),
        quoted("rfi.txt", OTHER.replace("Sud-Ouest", "Sud-Est")),
    ]
    expected = [group_claims(claims).id_of(n) for n in range(len(claims))]
    for seed in range(5):
        order = list(range(len(claims)))
        random.Random(seed).shuffle(order)
        grouping = group_claims([claims[n] for n in order])
        assert [grouping.id_of(order.index(n)) for n in range(len(claims))] == expected


def test_of_two_wordings_as_long_the_commoner_is_canonical():
    changed = PLAN.replace("vingt points", "trente points")
    claims = [quoted("a.txt", changed), quoted("b.txt", PLAN), quoted("c.txt", PLAN)]
    grouping = group_claims(claims)
    assert grouping.id_of(0) == grouping.id_of(1) == group_id(wording(PLAN).key)


def test_summary_counts_articles_speakers_outlets_and_first_sighting(people):
    claims = [
        quoted("afp-2", PLAN, "Dmitri Peskov", outlet="AFP", date="2025-12-01T08:00:00+01:00"),
        quoted("afp-2", PLAN, "Dmitri Peskov", outlet="AFP", date="2025-12-01T08:00:00+01:00"),
        quoted("figaro", PLAN, "Peskov", outlet="Le Figaro", date="2025-12-01T06:30:00Z"),
        quoted("monde", PLAN, "Iouri Ouchakov", outlet="Le Monde", date="2025-12-02"),
        quoted("blog", PLAN, None, outlet="Le Blog"),
        quoted("tass", PLAN, "le Kremlin", speaker_type="organisation", outlet="TASS"),
        quoted("seul", OTHER, outlet="AFP"),
    ]
    groups = group_claims(claims).summaries(people)
    assert len(groups) == 1  # OTHER is printed once
    group = groups[0]
    assert (group.articles, group.claims, group.wording) == (5, 6, PLAN)
    speakers = [(s.name, s.type, s.articles, s.claims, s.spellings) for s in group.speakers]
    assert speakers == [
        ("Dmitry Peskov", "person", 2, 3, ("Dmitri Peskov", "Peskov")),
        ("Yuri Ushakov", "person", 1, 1, ("Iouri Ouchakov",)),
        ("le Kremlin", "organisation", 1, 1, ()),
        (None, None, 1, 1, ()),  # no speaker: last among equals
    ]
    assert group.outlets[0] == ("AFP", 1) and len(group.outlets) == 5
    # 06:30 UTC is earlier than 08:00 in Paris (07:00 UTC)
    assert (group.first_seen.doc, group.first_seen.outlet) == ("figaro", "Le Figaro")
    assert group.docs == ("afp-2", "figaro", "monde", "blog", "tass")
    assert group_claims(claims).summaries(people, min_articles=6) == []
    assert len(group_claims(claims).summaries(people, min_articles=1)) == 2


def test_dates_sort_in_time_whatever_their_zone():
    assert date_key("2025-12-01T08:00:00+01:00") == "2025-12-01T07:00:00"
    assert date_key("2025-12-01T06:30:00Z") == "2025-12-01T06:30:00"
    assert date_key("2025-12-01") == "2025-12-01T00:00:00"
    assert date_key("1er décembre") is None and date_key(None) is None


def test_grouping_time_stays_near_linear():
    """30,000 different quotations and 10,000 variants of them: comparing every pair
    (450 million alignments) would take hours; the index takes seconds."""
    rng = random.Random(22)
    vocabulary = [f"mot{n}" for n in range(3000)] + ["de", "la", "le", "et", "que"] * 200
    grouper = QuoteGrouper()
    bases = []
    for n in range(30_000):
        words = [rng.choice(vocabulary) for _ in range(rng.randrange(8, 30))]
        bases.append(words)
        grouper.add(quoted(f"a{n}", " ".join(words)))
    for n in range(10_000):
        words = list(bases[n])
        words[len(words) * 3 // 4] = "changé"
        grouper.add(quoted(f"b{n}", " ".join(words[1:])))
    start = time.perf_counter()
    grouping = grouper.group()
    assert time.perf_counter() - start < 120
    assert sum(grouping.group_of(n) == grouping.group_of(30_000 + n) for n in range(10_000)) > 9_000
