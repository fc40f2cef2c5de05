"""`compare_baseline` at scale: near-linear, and the same findings as comparing every
pair of claims (issue 20: 1,500 claims in one article took 55 s and 1.1 GB)."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import pytest

from talkclaims.qa.checks import SAME_CLAIM, Finding, _same_doc, _short, _within, compare_baseline
from talkclaims.qa.evaluate import words_of
from talkclaims.records import Claim
from talkclaims.text.spans import column_of

#: Halves of claims, combined into many different ones (written for this test).
OPENINGS = [
    "le gouvernement ne reculera pas sur la réforme des retraites",
    "la mairie rouvrira la piscine municipale",
    "les négociations avec les syndicats reprendront",
    "le club a trouvé un accord avec son entraîneur",
    "la préfecture interdit la manifestation prévue",
    "les urgences de l'hôpital manquent de médecins",
    "le budget de la région sera voté",
    "la ligne de tramway sera prolongée jusqu'au port",
    "les agriculteurs bloqueront les routes du département",
    "l'usine fermera ses portes",
    "le festival accueillera deux fois plus de spectateurs",
    "la centrale nucléaire redémarrera",
    "les prix de l'énergie baisseront",
    "le procès de l'ancien maire s'ouvrira",
    "la digue du littoral sera renforcée",
    "les classes surchargées seront dédoublées",
    "le projet d'aéroport est abandonné",
    "les loyers du centre-ville sont gelés",
    "la vaccination des enfants commencera",
    "le pont suspendu restera fermé aux camions",
    "l'équipe nationale jouera sans son capitaine",
    "les fouilles archéologiques ont révélé une villa romaine",
    "la sécheresse menace les récoltes de blé",
    "le musée prêtera ses tableaux à Tokyo",
    "les pompiers ont maîtrisé l'incendie de forêt",
    "la banque centrale relèvera ses taux",
    "le tribunal a rejeté le recours des riverains",
    "les cheminots suspendent leur grève",
    "la commune recrutera des policiers municipaux",
    "le chantier de l'autoroute a pris du retard",
]
CLOSINGS = [
    "dès le mois prochain selon nos informations",
    "malgré l'opposition farouche des élus locaux",
    "avant la fin de l'année civile",
    "faute de crédits suffisants cette saison",
    "à cause de la hausse brutale des coûts",
    "sous réserve d'un avis favorable du conseil d'État",
    "comme l'avait promis le candidat pendant sa campagne",
    "après trois semaines de discussions tendues",
    "si la météo le permet au printemps",
    "pour la première fois depuis vingt ans",
    "en dépit des alertes répétées des experts",
    "grâce à une subvention européenne inattendue",
    "quoi qu'en disent les associations de consommateurs",
    "au grand soulagement des habitants du quartier",
    "tant que l'enquête judiciaire ne sera pas close",
    "d'après un rapport confidentiel consulté par la rédaction",
    "à condition que l'État tienne ses engagements",
    "au terme d'une procédure longue et coûteuse",
    "alors que les caisses sont presque vides",
    "sans attendre les conclusions de la commission",
]
#: Claims of none of those halves.
ADDED = [
    "la bibliothèque ouvrira aussi le dimanche matin",
    "les cigognes sont revenues nicher sur le clocher",
    "un radar pédagogique sera posé devant chaque école",
    "la fanfare municipale fêtera ses cent ans en juin",
]
SPEAKERS = ["Claire Dufour", "Paul Kerhervé", "Anne Le Gall", "Yannick Morvan", None]
SOURCES = [(), ("Ouest-France",), ("AFP",), ("Le Télégramme", "AFP")]


def texts_of(count: int, rng: random.Random) -> list[str]:
    """``count`` claim texts: every opening with every closing, in a shuffled order."""
    pairs = [f"{a} {b}" for a in OPENINGS for b in CLOSINGS]
    rng.shuffle(pairs)
    return [pairs[n % len(pairs)] for n in range(count)]


def claims_of(doc: str, texts: Sequence[str], rng: random.Random) -> tuple[str, list[Claim]]:
    """An article quoting each text in turn, and its claims."""
    article, claims = "", []
    for n, words in enumerate(texts):
        lead = f"Ligne {n} : il a déclaré que « "
        start = len(article) + len(lead)
        article += f"{lead}{words} ».\n"
        claims.append(
            Claim(doc, "direct", words, start, start + len(words), n + 1,
                  rng.choice(SPEAKERS), None, "déclarer", rng.choice(SOURCES), "cue-que", 0.9)
        )  # fmt: skip
    return article, claims


def edited(texts: list[str], rng: random.Random) -> list[str]:
    """The texts after an edit: some dropped, some with a word less or more (still the
    same claim), some rewritten, some new, some moved."""
    out = []
    for words in texts:
        roll = rng.random()
        if roll < 0.08:
            continue  # removed
        if roll < 0.18:
            parts = words.split()
            del parts[rng.randrange(len(parts))]
            words = " ".join(parts)  # a word less: same claim, 60 % of its words or more
        elif roll < 0.24:
            words = f"{words} a-t-il ajouté"
        elif roll < 0.28:
            words = f"{rng.choice(OPENINGS)} {rng.choice(CLOSINGS)}"  # another claim
        out.append(words)
        if rng.random() < 0.04:
            out.append("…")  # words the matching sees as none
    rng.shuffle(out[: len(out) // 10])
    return out


def every_pair(
    baseline: Mapping[str, Sequence[Claim]],
    claims: Mapping[str, Sequence[Claim]],
    texts: Mapping[str, str],
    scope: Sequence[str] = (),
) -> list[Finding]:
    """The matching as it was before issue 20, every pair of claims compared and sorted:
    the reference the indexed matching must agree with (word sets computed once, which
    changes no score)."""
    words: dict[int, set[str]] = {}

    def words_in(claim: Claim) -> set[str]:
        if id(claim) not in words:
            words[id(claim)] = set(words_of(claim.text).split())
        return words[id(claim)]

    def similarity(a: Claim, b: Claim) -> float:
        wa, wb = words_in(a), words_in(b)
        return len(wa & wb) / len(wa | wb) if wa | wb else 1.0

    findings = []
    for old_doc, before in baseline.items():
        if before and _within(old_doc, scope) and not any(_same_doc(old_doc, d) for d in claims):
            message = f"removed article: its {len(before)} claim(s) are gone"
            findings.append(Finding(old_doc, 1, 1, "baseline", message))
    for doc, current in claims.items():
        old_doc = next((d for d in baseline if _same_doc(d, doc)), None)
        before = list(baseline.get(old_doc, ())) if old_doc else []
        pairs = sorted(
            ((similarity(o, n), i, j) for i, o in enumerate(before) for j, n in enumerate(current)),
            key=lambda p: (-p[0], p[1], p[2]),
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for score, i, j in pairs:
            if score < SAME_CLAIM or i in used_old or j in used_new:
                continue
            used_old.add(i)
            used_new.add(j)
            old, new = before[i], current[j]
            changes = [
                f"{field} {getattr(old, field)!r} → {getattr(new, field)!r}"
                for field in ("speaker", "cue", "kind")
                if getattr(old, field) != getattr(new, field)
            ]
            if set(old.sources) != set(new.sources):
                changes.append(f"sources {list(old.sources)} → {list(new.sources)}")
            if changes:
                message = f"changed: «{_short(new.text)}»: " + "; ".join(changes)
                col = column_of(texts[doc], new.start)
                findings.append(Finding(doc, new.line, col, "baseline", message))
        for i, old in enumerate(before):
            if i not in used_old:
                message = f"removed: «{_short(old.text)}» ({old.speaker})"
                findings.append(Finding(doc, old.line, 1, "baseline", message))
        for j, new in enumerate(current):
            if j not in used_new:
                message = f"added: «{_short(new.text)}» ({new.speaker})"
                col = column_of(texts[doc], new.start)
                findings.append(Finding(doc, new.line, col, "baseline", message))
    return sorted(findings, key=lambda f: (f.doc, f.line, f.col))


@pytest.mark.parametrize("seed", range(8))
def test_the_indexed_matching_finds_what_comparing_every_pair_finds(seed):
    rng = random.Random(seed)
    size = rng.choice([40, 150, 400])
    before_texts = texts_of(size, rng)
    if seed % 2:  # a live blog repeats quotations: identical words at several places
        before_texts += before_texts[: size // 5]
    baseline, texts, claims = {}, {}, {}
    for doc in ("corpus/brest.txt", "corpus/quimper.txt"):
        _, baseline[f"./{doc}"] = claims_of(f"./{doc}", before_texts, rng)
        texts[doc], claims[doc] = claims_of(doc, edited(before_texts, rng), rng)
    _, baseline["corpus/gone.txt"] = claims_of("corpus/gone.txt", before_texts[:3], rng)
    found = compare_baseline(baseline, claims, texts, ["corpus"])
    assert found == every_pair(baseline, claims, texts, ["corpus"])
    kinds = {f.message.split(":")[0].split(" ")[0] for f in found}
    assert kinds == {"changed", "removed", "added"}  # every kind of finding was compared


#: Few words, so that many claims are exactly 60 % alike and many tie: where a matching
#: that compares fewer pairs could go wrong.
PLACES = ["route", "pont", "digue", "port", "gare", "école", "mairie", "stade"]


@pytest.mark.parametrize("seed", range(40))
def test_claims_of_few_words_match_as_when_comparing_every_pair(seed):
    rng = random.Random(seed)

    def words() -> str:
        return " ".join(rng.sample(PLACES, rng.randint(1, 7)))

    before_texts = [words() for _ in range(rng.randint(5, 60))]
    after_texts = [t if rng.random() < 0.3 else words() for t in before_texts]
    baseline, texts, claims = {}, {}, {}
    _, baseline["a.txt"] = claims_of("a.txt", before_texts, rng)
    texts["a.txt"], claims["a.txt"] = claims_of("a.txt", after_texts, rng)
    assert compare_baseline(baseline, claims, texts) == every_pair(baseline, claims, texts)


def test_twelve_thousand_claims_in_one_article_are_matched_in_near_linear_time():
    """Every pair of 12,000 claims is 144 million comparisons: hours, and tens of GB, the
    way it was done before. Indexed, it is a second or two."""
    rng = random.Random(20)
    before_texts = texts_of(12_000, rng)
    _, before = claims_of("live.txt", before_texts, rng)
    after_texts = before_texts[::-1]  # every offset moves
    del after_texts[100:130]
    after_texts[:0] = ADDED
    text, after = claims_of("live.txt", after_texts, rng)
    found = compare_baseline({"live.txt": before}, {"live.txt": after}, {"live.txt": text})
    messages = [f.message for f in found]
    assert sorted(m for m in messages if m.startswith("added: ")) == sorted(
        f"added: «{words}» ({claim.speaker})" for words, claim in zip(ADDED, after, strict=False)
    )
    # the texts repeat every 600 claims: the 30 cut are the only missing copies
    assert sum(m.startswith("removed: ") for m in messages) == 30
    changed = [m for m in messages if m.startswith("changed: ")]
    assert len(changed) > 8_000  # speakers and sources drawn again for every claim


def test_five_thousand_articles_find_their_baseline_in_near_linear_time():
    """The baseline article of each article was looked for among all of them (25 million
    path comparisons for 5,000 articles); it is found by an index."""
    rng = random.Random(5)
    before_texts = texts_of(5_000, rng)
    baseline, claims, texts = {}, {}, {}
    for n, words in enumerate(before_texts):
        doc = f"corpus/{n % 40}/article-{n}.txt"
        _, baseline[f"./{doc}"] = claims_of(f"./{doc}", [words], rng)
        if n % 500:  # ten articles deleted
            texts[doc], claims[doc] = claims_of(doc, [words], rng)
    found = compare_baseline(baseline, claims, texts, ["corpus"])
    gone = [f.doc for f in found if f.message.startswith("removed article")]
    assert gone == sorted(f"./corpus/{n % 40}/article-{n}.txt" for n in range(0, 5_000, 500))
    assert not [f for f in found if f.message.startswith(("added", "removed:"))]


def test_the_article_index_finds_what_comparing_every_path_finds():
    from talkclaims.qa.checks import _Articles

    docs = ["corpus/a.txt", "a.txt", "./corpus/b.txt", "x/corpus/a.txt", "b/a.txt",
            ".cache/a.txt", "/srv/corpus/a.txt", "../corpus/c.txt", "corpusa.txt"]  # fmt: skip
    queries = [*docs, "./a.txt", "corpus/b.txt", "b.txt", "c.txt", "srv/corpus/a.txt",
               "y/x/corpus/a.txt", "d.txt", "pus/a.txt", "/corpus/b.txt"]  # fmt: skip
    for order in (docs, docs[::-1]):
        index = _Articles(order)
        for query in queries:
            assert index.same_as(query) == next((d for d in order if _same_doc(d, query)), None)


def test_expectations_over_three_thousand_articles_find_theirs_by_index():
    from talkclaims.qa.checks import Expectation, check_expectations

    rng = random.Random(3)
    claims, texts, expectations = {}, {}, []
    for n, words in enumerate(texts_of(3_000, rng)):
        doc = f"./corpus/{n % 30}/article-{n}.txt"
        texts[doc], claims[doc] = claims_of(doc, [words], rng)
        speaker = claims[doc][0].speaker or "personne"
        expectations.append(Expectation(f"article-{n}.txt", words, speaker, None, n + 1))
    found = check_expectations(expectations, claims, texts)
    unattributed = [(doc, found[0]) for doc, found in claims.items() if found[0].speaker is None]
    assert len(unattributed) > 400
    assert found == [
        Finding(
            doc,
            1,
            claim.start + 1,
            "expected",
            f"«{claim.text}»: expected speaker 'personne', found None",
        )
        for doc, claim in unattributed
    ]
