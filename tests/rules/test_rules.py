"""One test (or a few) per attribution rule family, on hand-written French news sentences.

Every sentence here was written for these tests. Each case states what a careful French
reader would extract (kind, reported text, speaker, cue lemma, sources); a case the tool
gets wrong is a bug to fix, never a case to mark as expected to fail.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from talkclaims.records import KINDS, Claim
from talkclaims.run.extract import Extractor

NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space


class Exp(NamedTuple):
    """An expected claim. ``text`` is exact unless ``exact`` is False (then: contained)."""

    kind: str
    text: str
    speaker: str | tuple[str, ...] | None
    cue: str | None
    sources: tuple[str, ...] = ()
    exact: bool = True


def case(*values: object, id: str) -> pytest.ParameterSet:
    """A parametrize case with its id."""
    return pytest.param(*values, id=id)


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def run(ex: Extractor, text: str) -> list[Claim]:
    """Claims of ``text``, checking the invariants every claim must satisfy."""
    claims = ex.claims(text, "test.txt")
    for c in claims:
        assert text[c.start : c.end] == c.text, c
        assert c.doc == "test.txt"
        assert c.kind in KINDS
        assert c.text.strip() == c.text, f"untrimmed span: {c.text!r}"
        if c.kind == "direct":  # the quotation marks themselves are not part of the text
            assert c.text[:1] not in '«“"' and c.text[-1:] not in '»”"', c
    return claims


def check(c: Claim, exp: Exp) -> None:
    assert c.kind == exp.kind, c
    if exp.exact:
        assert c.text == exp.text, c
    else:
        assert exp.text in c.text, c
    if isinstance(exp.speaker, tuple):
        assert c.speaker in exp.speaker, c
    else:
        assert c.speaker == exp.speaker, c
    assert c.cue == exp.cue, c
    assert set(c.sources) == set(exp.sources), c


def only(ex: Extractor, text: str, exp: Exp) -> Claim:
    claims = run(ex, text)
    assert len(claims) == 1, claims
    check(claims[0], exp)
    return claims[0]


# ------------------------------------------------------------------ 1. cue + que clause
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Christine Lagarde a estimé qu'une baisse des taux restait prématurée à ce stade.",
            Exp(
                "indirect",
                "une baisse des taux restait prématurée à ce stade",
                "Christine Lagarde",
                "estimer",
            ),
            id="estimer-qu",
        ),
        case(
            "Le sélectionneur Didier Deschamps a assuré que Kylian Mbappé serait bien "
            "titulaire contre l'Espagne.",
            Exp(
                "indirect",
                "Kylian Mbappé serait bien titulaire contre l'Espagne",
                "Didier Deschamps",
                "assurer",
            ),
            id="assurer-que-role-before-name",
        ),
        case(
            "Le ministre des Armées, Sébastien Lecornu, a annoncé que deux frégates "
            "supplémentaires seraient commandées.",
            Exp(
                "indirect",
                "deux frégates supplémentaires seraient commandées",
                "Sébastien Lecornu",
                "annoncer",
            ),
            id="annoncer-que-apposition",
        ),
        case(
            "Marine Le Pen a estimé que ce budget était « une provocation » envers les "
            "classes moyennes.",
            Exp(
                "mixed",
                "ce budget était « une provocation » envers les classes moyennes",
                "Marine Le Pen",
                "estimer",
            ),
            id="mixed-que-with-quoted-words",
        ),
        case(
            "La climatologue Valérie Masson-Delmotte a rappelé que l'année 2024 avait été "
            "la plus chaude jamais mesurée.",
            Exp(
                "indirect",
                "l'année 2024 avait été la plus chaude jamais mesurée",
                "Valérie Masson-Delmotte",
                "rappeler",
            ),
            id="hyphenated-surname",
        ),
    ],
)
def test_cue_que_clause(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        (
            "Olivier Faure a affirmé que la gauche voterait la censure, et qu'elle "
            "présenterait son propre contre-budget.",
            Exp(
                "indirect",
                "la gauche voterait la censure, et qu'elle présenterait son propre contre-budget",
                "Olivier Faure",
                "affirmer",
            ),
        ),
        (
            "Marine Tondelier a indiqué que les écologistes refuseraient tout compromis et "
            "qu'ils déposeraient une motion.",
            Exp(
                "indirect",
                "les écologistes refuseraient tout compromis et qu'ils déposeraient une motion",
                "Marine Tondelier",
                "indiquer",
            ),
        ),
    ],
    ids=["comma-et-qu", "et-qu"],
)
def test_cue_que_coordinated_is_one_claim(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# ------------------------------------------------- 2. cue, colon, then a direct quotation
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le ministre de l'Intérieur, Gérald Darmanin, a déclaré : « Nous ne céderons rien "
            "face aux trafiquants. »",
            Exp(
                "direct",
                "Nous ne céderons rien face aux trafiquants.",
                "Gérald Darmanin",
                "déclarer",
            ),
            id="guillemets-plain-spaces",
        ),
        case(
            f"Gabriel Attal a martelé{NBSP}: «{NBSP}Le travail doit toujours mieux payer que "
            f"l'inactivité.{NBSP}»",
            Exp(
                "direct",
                "Le travail doit toujours mieux payer que l'inactivité.",
                "Gabriel Attal",
                "marteler",
            ),
            id="guillemets-nbsp",
        ),
        case(
            f"Bruno Retailleau a averti{NNBSP}: «{NNBSP}La sécurité des Français passe avant "
            f"tout.{NNBSP}»",
            Exp(
                "direct",
                "La sécurité des Français passe avant tout.",
                "Bruno Retailleau",
                "avertir",
            ),
            id="guillemets-narrow-nbsp",
        ),
        case(
            "Jean-Luc Mélenchon a prévenu : «Nous irons jusqu’au bout de cette bataille.»",
            Exp(
                "direct",
                "Nous irons jusqu’au bout de cette bataille.",
                "Jean-Luc Mélenchon",
                "prévenir",
            ),
            id="guillemets-no-space",
        ),
        case(
            "Thierry Breton a écrit : “L’Europe doit protéger son industrie numérique.”",
            Exp(
                "direct",
                "L’Europe doit protéger son industrie numérique.",
                "Thierry Breton",
                "écrire",
            ),
            id="english-curly-quotes",
        ),
        case(
            'Rachida Dati a répondu : "Je ne quitterai pas la mairie du VIIe arrondissement."',
            Exp(
                "direct",
                "Je ne quitterai pas la mairie du VIIe arrondissement.",
                "Rachida Dati",
                "répondre",
            ),
            id="straight-quotes",
        ),
        case(
            'Emmanuel Macron a dit : "La France sera au rendez-vous de la transition énergétique."',
            Exp(
                "direct",
                "La France sera au rendez-vous de la transition énergétique.",
                "Emmanuel Macron",
                "dire",
            ),
            id="known-person-name-cut",
        ),
    ],
)
def test_cue_then_quotation(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# --------------------------------------------------- 3. postposed cue after a quotation
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "« Nous allons baisser les impôts des classes moyennes dès l'an prochain », "
            "a déclaré François Bayrou.",
            Exp(
                "direct",
                "Nous allons baisser les impôts des classes moyennes dès l'an prochain",
                "François Bayrou",
                "déclarer",
            ),
            id="a-declare-X",
        ),
        case(
            "“Nous ne paierons pas cette dette”, a lancé Yanis Varoufakis.",
            Exp("direct", "Nous ne paierons pas cette dette", "Yanis Varoufakis", "lancer"),
            id="curly-quotes-postposed",
        ),
        case(
            '"Le marché du travail reste solide", a souligné Janet Yellen.',
            Exp("direct", "Le marché du travail reste solide", "Janet Yellen", "souligner"),
            id="straight-quotes-postposed",
        ),
        case(
            f"«{NNBSP}Nous visons le podium à Los Angeles{NNBSP}», a confié le nageur "
            "Léon Marchand.",
            Exp("direct", "Nous visons le podium à Los Angeles", "Léon Marchand", "confier"),
            id="narrow-nbsp-role-before-name",
        ),
        case(
            "« Le vaccin protège efficacement les personnes âgées », a expliqué "
            "l'épidémiologiste Arnaud Fontanet.",
            Exp(
                "direct",
                "Le vaccin protège efficacement les personnes âgées",
                "Arnaud Fontanet",
                "expliquer",
            ),
            id="elided-role-before-name",
        ),
        case(
            f"«{NBSP}Le nucléaire est une énergie d'avenir{NBSP}», a assuré le PDG d'EDF, "
            "Bernard Fontana.",
            Exp("direct", "Le nucléaire est une énergie d'avenir", "Bernard Fontana", "assurer"),
            id="nbsp-role-apposition",
        ),
        case(
            "« La croissance sera plus faible que prévu en 2025 », a reconnu le gouverneur "
            "de la Banque de France, François Villeroy de Galhau.",
            Exp(
                "direct",
                "La croissance sera plus faible que prévu en 2025",
                "François Villeroy de Galhau",
                "reconnaître",
            ),
            id="inverted-description-then-name",
        ),
    ],
)
def test_postposed_cue_after_quote(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le ministre de l'Économie, Éric Lombard, s'est exprimé mardi. « Les comptes "
            "publics doivent être redressés sans brutalité », a-t-il ajouté.",
            Exp(
                "direct",
                "Les comptes publics doivent être redressés sans brutalité",
                "Éric Lombard",
                "ajouter",
            ),
            id="a-t-il-ajoute",
        ),
        case(
            "La navigatrice Clarisse Crémer est rentrée lundi. « J'ai eu peur plusieurs "
            "fois dans le Pacifique », a-t-elle confié.",
            Exp(
                "direct",
                "J'ai eu peur plusieurs fois dans le Pacifique",
                "Clarisse Crémer",
                "confier",
            ),
            id="a-t-elle-confie",
        ),
    ],
)
def test_inserted_cue_with_pronoun(ex: Extractor, text: str, exp: Exp) -> None:
    claim = only(ex, text, exp)
    assert claim.speaker_mention is not None
    assert claim.speaker_mention.lstrip("-") in ("il", "elle")


def test_two_quotes_each_with_inserted_cue(ex: Extractor) -> None:
    text = (
        "« Les négociations avancent », a assuré Volodymyr Zelensky. « Nous ne signerons "
        "rien sans nos alliés », a-t-il précisé."
    )
    first, second = run(ex, text)
    check(first, Exp("direct", "Les négociations avancent", "Volodymyr Zelensky", "assurer"))
    check(
        second,
        Exp("direct", "Nous ne signerons rien sans nos alliés", "Volodymyr Zelensky", "préciser"),
    )


# ------------------------------------------ 4. postposed cue after an indirect clause
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le gouvernement ne reviendra pas sur la réforme des retraites, a déclaré "
            "Élisabeth Borne au journal Le Monde.",
            Exp(
                "indirect",
                "Le gouvernement ne reviendra pas sur la réforme des retraites",
                "Élisabeth Borne",
                "déclarer",
                ("Le Monde",),
            ),
            id="au-journal-Le-Monde",
        ),
        case(
            "Washington ne livrera pas de missiles à longue portée à Kiev, a affirmé Marco "
            "Rubio à la chaîne CNN.",
            Exp(
                "indirect",
                "Washington ne livrera pas de missiles à longue portée à Kiev",
                "Marco Rubio",
                "affirmer",
                ("CNN",),
            ),
            id="a-la-chaine-CNN",
        ),
        case(
            "Les loyers vont encore augmenter dans les grandes villes, a prévenu Christophe "
            "Robert dans Libération.",
            Exp(
                "indirect",
                "Les loyers vont encore augmenter dans les grandes villes",
                "Christophe Robert",
                "prévenir",
                ("Libération",),
            ),
            id="dans-Liberation",
        ),
        case(
            "La réforme sera votée avant l'été, a assuré François Bayrou dans un entretien "
            "au Journal du dimanche.",
            Exp(
                "indirect",
                "La réforme sera votée avant l'été",
                "François Bayrou",
                "assurer",
                ("Le Journal du dimanche",),
            ),
            id="entretien-au-JDD",
        ),
        case(
            "Les inspecteurs n'ont plus accès au site de Fordo, a indiqué Rafael Grossi au "
            "quotidien Le Temps.",
            Exp(
                "indirect",
                "Les inspecteurs n'ont plus accès au site de Fordo",
                "Rafael Grossi",
                "indiquer",
                ("Le Temps",),
            ),
            id="au-quotidien-Le-Temps",
        ),
        case(
            "Les négociations sont dans l'impasse, a indiqué Rafael Grossi au quotidien Le Temps.",
            Exp(
                "indirect",
                "Les négociations sont dans l'impasse",
                "Rafael Grossi",
                "indiquer",
                ("Le Temps",),
            ),
            id="short-clause-missed",
        ),
        case(
            "L'équipe de France peut encore se qualifier pour les demi-finales, a estimé "
            "Fabien Galthié dans un entretien au Figaro.",
            Exp(
                "indirect",
                "L'équipe de France peut encore se qualifier pour les demi-finales",
                "Fabien Galthié",
                "estimer",
                ("Le Figaro",),
            ),
            id="au-Figaro-contraction",
        ),
        case(
            "Le club ne vendra pas son attaquant cet été, a déclaré Nasser Al-Khelaïfi au "
            "Parisien.",
            Exp(
                "indirect",
                "Le club ne vendra pas son attaquant cet été",
                "Nasser Al-Khelaïfi",
                "déclarer",
                ("Le Parisien",),
            ),
            id="al-khelaifi-au-Parisien",
        ),
    ],
)
def test_postposed_cue_after_clause(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# -------------------------------------------------------------- 5. selon / d'après
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Selon Le Parisien, le club envisage de se séparer de son entraîneur avant la trêve.",
            Exp(
                "indirect",
                "le club envisage de se séparer de son entraîneur avant la trêve",
                "Le Parisien",
                None,
                ("Le Parisien",),
            ),
            id="selon-outlet-start",
        ),
        case(
            "Le rachat de la start-up a été bouclé pour 300 millions d'euros, d'après Les Échos.",
            Exp(
                "indirect",
                "Le rachat de la start-up a été bouclé pour 300 millions d'euros",
                "Les Échos",
                None,
                ("Les Échos",),
            ),
            id="dapres-outlet-end",
        ),
        case(
            "La Chine a lancé une nouvelle sonde vers la Lune, selon l'agence Xinhua.",
            Exp(
                "indirect",
                "La Chine a lancé une nouvelle sonde vers la Lune",
                "Xinhua",
                None,
                ("Xinhua",),
            ),
            id="selon-agence-end",
        ),
        case(
            "D'après Jean Pisani-Ferry, la transition climatique coûtera 70 milliards d'euros "
            "par an.",
            Exp(
                "indirect",
                "la transition climatique coûtera 70 milliards d'euros par an",
                "Jean Pisani-Ferry",
                None,
            ),
            id="dapres-person-start",
        ),
        case(
            "Selon Thomas Piketty, les inégalités de patrimoine se sont creusées depuis vingt ans.",
            Exp(
                "indirect",
                "les inégalités de patrimoine se sont creusées depuis vingt ans",
                "Thomas Piketty",
                None,
            ),
            id="selon-person-start",
        ),
        case(
            "La coalition pourrait éclater dès la semaine prochaine, selon Olaf Scholz.",
            Exp(
                "indirect",
                "La coalition pourrait éclater dès la semaine prochaine",
                "Olaf Scholz",
                None,
            ),
            id="selon-person-end",
        ),
        case(
            "Le chômage devrait remonter à 8 % d'ici la fin de l'année, selon l'Insee.",
            Exp(
                "indirect",
                "Le chômage devrait remonter à 8 % d'ici la fin de l'année",
                "Insee",
                None,
            ),
            id="selon-institution-not-outlet",
        ),
    ],
)
def test_selon_dapres(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# ---------------------------------- 6. infinitive content, attribute, indirect question
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Jordan Bardella affirme ne pas avoir été informé de ces financements.",
            Exp(
                "indirect",
                "ne pas avoir été informé de ces financements",
                "Jordan Bardella",
                "affirmer",
            ),
            id="affirme-ne-pas",
        ),
        case(
            "Novak Djokovic assure pouvoir revenir à son meilleur niveau avant Roland-Garros.",
            Exp(
                "indirect",
                "pouvoir revenir à son meilleur niveau avant Roland-Garros",
                "Novak Djokovic",
                "assurer",
            ),
            id="assure-pouvoir",
        ),
        case(
            "Lionel Messi a reconnu avoir songé à la retraite après la Coupe du monde.",
            Exp(
                "indirect",
                "avoir songé à la retraite après la Coupe du monde",
                "Lionel Messi",
                "reconnaître",
            ),
            id="a-reconnu-avoir",
        ),
        case(
            "Valérie Pécresse estime avoir été trahie par son propre camp.",
            Exp("indirect", "avoir été trahie par son propre camp", "Valérie Pécresse", "estimer"),
            id="estime-avoir",
        ),
        case(
            "Le patron de TotalEnergies, Patrick Pouyanné, estime avoir respecté ses engagements.",
            Exp("indirect", "avoir respecté ses engagements", "Patrick Pouyanné", "estimer"),
            id="estime-avoir-after-apposition",
        ),
    ],
)
def test_infinitive_content(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Ursula von der Leyen a qualifié de constructives les discussions avec Pékin.",
            Exp(
                "indirect",
                "constructives les discussions avec Pékin",
                "Ursula von der Leyen",
                "qualifier",
                exact=False,
            ),
            id="qualifie-de",
        ),
        case(
            "Pierre Moscovici a jugé prématuré de parler d'une sortie de crise budgétaire.",
            Exp(
                "indirect",
                "prématuré de parler d'une sortie de crise budgétaire",
                "Pierre Moscovici",
                "juger",
            ),
            id="juge-premature-de",
        ),
        case(
            "Bernard Arnault a jugé indispensable de baisser les charges des entreprises.",
            Exp(
                "indirect",
                "indispensable de baisser les charges des entreprises",
                "Bernard Arnault",
                "juger",
            ),
            id="juge-indispensable-de",
        ),
        case(
            "Fabien Roussel a qualifié de scandaleux les propos du ministre.",
            Exp(
                "indirect",
                "scandaleux les propos du ministre",
                "Fabien Roussel",
                "qualifier",
                exact=False,
            ),
            id="qualifie-de-scandaleux",
        ),
    ],
)
def test_attribute_content(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        (
            "Jérôme Powell a expliqué pourquoi la Réserve fédérale maintenait ses taux inchangés.",
            Exp(
                "indirect",
                "pourquoi la Réserve fédérale maintenait ses taux inchangés",
                "Jérôme Powell",
                "expliquer",
            ),
        ),
        (
            "L'infectiologue Karine Lacombe a expliqué comment le virus se transmettait dans "
            "les écoles.",
            Exp(
                "indirect",
                "comment le virus se transmettait dans les écoles",
                "Karine Lacombe",
                "expliquer",
            ),
        ),
        (
            "Philippe Martinez a demandé si le gouvernement comptait retirer son projet.",
            Exp(
                "indirect",
                "si le gouvernement comptait retirer son projet",
                "Philippe Martinez",
                "demander",
            ),
        ),
    ],
    ids=["pourquoi", "comment", "si"],
)
def test_indirect_question(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# -------------------------------------------------------------------- 7. comme l'a dit X
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        (
            "Comme l'a déclaré Michel Barnier, « le pays ne peut plus vivre à crédit ».",
            Exp("direct", "le pays ne peut plus vivre à crédit", "Michel Barnier", "déclarer"),
        ),
        (
            "Comme l'a souligné le sélectionneur Didier Deschamps, « aucun match n'est gagné "
            "d'avance ».",
            Exp("direct", "aucun match n'est gagné d'avance", "Didier Deschamps", "souligner"),
        ),
        (
            "« La stabilité des prix reste notre mandat », comme l'a rappelé Christine Lagarde.",
            Exp(
                "direct",
                "La stabilité des prix reste notre mandat",
                "Christine Lagarde",
                "rappeler",
            ),
        ),
    ],
    ids=["comme-la-declare-quote-after", "comme-role-name", "quote-then-comme"],
)
def test_comme_la_dit_X(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        (
            "Luc Rémont a défendu le programme nucléaire. Les nouveaux réacteurs seront livrés "
            "avant 2035, comme il l'a répété.",
            Exp(
                "indirect",
                "Les nouveaux réacteurs seront livrés avant 2035",
                "Luc Rémont",
                "répéter",
            ),
        ),
        (
            "Marine Le Pen a tenu meeting à Perpignan. Son parti gouvernera seul, comme elle "
            "l'a affirmé.",
            Exp("indirect", "Son parti gouvernera seul", "Marine Le Pen", "affirmer"),
        ),
    ],
    ids=["comme-il-la-repete", "comme-elle-la-affirme"],
)
def test_comme_pronoun_incise(ex: Extractor, text: str, exp: Exp) -> None:
    # the first sentence is not a claim: « défendre » takes a noun-phrase object there
    claim = only(ex, text, exp)
    assert claim.speaker_mention in ("il", "elle")


# ----------------------------------------------- 8. participle with agent, bare passive
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le ministre de la Santé, Yannick Neuder, était à Lyon. La « grande réforme de "
            "l'hôpital » annoncée par le ministre se fait attendre.",
            Exp("direct", "grande réforme de l'hôpital", "Yannick Neuder", "annoncer"),
            id="agent-description",
        ),
        case(
            "La « trêve olympique » réclamée par Emmanuel Macron n'a pas été respectée.",
            Exp("direct", "trêve olympique", "Emmanuel Macron", "réclamer"),
            id="agent-name",
        ),
        case(
            "Les « avancées majeures » saluées par Kaja Kallas restent fragiles.",
            Exp("direct", "avancées majeures", "Kaja Kallas", "saluer"),
            id="agent-name-plural",
        ),
    ],
)
def test_participle_with_agent(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Les annonces du gouvernement ont été qualifiées de « poudre aux yeux ».",
            Exp("direct", "poudre aux yeux", None, "qualifier"),
            id="qualifiees-de",
        ),
        case(
            "Ces propositions ont été jugées « irréalistes » lors du débat.",
            Exp("direct", "irréalistes", None, "juger"),
            id="jugees",
        ),
        case(
            "Les conclusions du rapport ont été qualifiées de « très préoccupantes ».",
            Exp("direct", "très préoccupantes", None, "qualifier"),
            id="qualifiees-de-2",
        ),
        case(
            "Les mesures budgétaires ont été qualifiées de « poudre aux yeux » par l'opposition.",
            Exp("direct", "poudre aux yeux", ("opposition", "l'opposition"), "qualifier"),
            id="passive-with-agent",
        ),
    ],
)
def test_passive_qualified(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# ------------------------------------------------- 9. negation and modals: no claim
@pytest.mark.parametrize(
    "text",
    [
        "Michel Barnier n'a pas déclaré que le gouvernement augmenterait la TVA.",
        "Le président de la FFF n'a jamais affirmé que le sélectionneur serait remplacé.",
        "Christine Lagarde n'a pas dit qu'elle quitterait la BCE.",
        "Le ministre pourrait dire que la croissance sera plus forte que prévu.",
        "Gabriel Attal devrait annoncer que le service national deviendra obligatoire.",
        "Si Olaf Scholz déclarait que l'Allemagne livrerait des missiles, Moscou réagirait.",
        "S'il affirmait que la dette était maîtrisée, personne ne le croirait.",
    ],
    ids=["na-pas", "na-jamais", "na-pas-dit-qu", "pourrait", "devrait", "si-X", "sil"],
)
def test_negation_and_modals_give_no_claim(ex: Extractor, text: str) -> None:
    assert run(ex, text) == []


def test_negated_cue_does_not_hide_the_next_claim(ex: Extractor) -> None:
    text = (
        "Michel Barnier n'a pas déclaré que la TVA augmenterait. Il a assuré que les retraites "
        "seraient revalorisées."
    )
    claims = run(ex, text)
    assert len(claims) == 1, claims
    check(
        claims[0],
        Exp("indirect", "les retraites seraient revalorisées", "Michel Barnier", "assurer"),
    )


# ------------------------------------------------------- 10. scare quotes: no claim
@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a présenté une « réforme » contestée de l'assurance chômage.",
        "Le « grand débat » sur l'immigration n'aura finalement pas lieu.",
        "Les « gilets jaunes » ont de nouveau manifesté samedi à Paris.",
        "La « sobriété énergétique » est devenue le maître-mot de l'hiver.",
        "Le film « Anatomie d'une chute » a remporté la Palme d'or.",
    ],
    ids=["reforme", "grand-debat", "gilets-jaunes", "sobriete", "film-title"],
)
def test_scare_quotes_give_no_claim(ex: Extractor, text: str) -> None:
    assert run(ex, text) == []


# -------------------------------------- 11. a second quotation with no new speaker
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "first", "second"),
    [
        case(
            "« Le télescope a dépassé toutes nos attentes », a expliqué l'astrophysicienne "
            "Françoise Combes. « Chaque image est une découverte. »",
            "Françoise Combes",
            "expliquer",
            "Le télescope a dépassé toutes nos attentes",
            "Chaque image est une découverte.",
            id="postposed-then-bare-quote",
        ),
        case(
            "Pedro Sánchez a averti : « L'Espagne ne financera pas cette guerre. » « Notre "
            "priorité reste la paix. »",
            "Pedro Sánchez",
            "avertir",
            "L'Espagne ne financera pas cette guerre.",
            "Notre priorité reste la paix.",
            id="colon-quote-then-bare-quote",
        ),
        case(
            "« Nous allons baisser les impôts », a promis Michel Barnier. « Mais pas tout de "
            "suite. »",
            "Michel Barnier",
            "promettre",
            "Nous allons baisser les impôts",
            "Mais pas tout de suite.",
            id="short-second-quote",
        ),
        case(
            "« Nous avons gagné la bataille de l'inflation », a déclaré Bruno Le Maire. "
            "« Il faut maintenant soutenir la croissance. »",
            "Bruno Le Maire",
            "déclarer",
            "Nous avons gagné la bataille de l'inflation",
            "Il faut maintenant soutenir la croissance.",
            id="particle-surname",
        ),
    ],
)
def test_second_quote_keeps_speaker(
    ex: Extractor, text: str, speaker: str, cue: str, first: str, second: str
) -> None:
    claims = run(ex, text)
    assert len(claims) == 2, claims
    check(claims[0], Exp("direct", first, speaker, cue))
    assert claims[1].kind == "direct"
    assert claims[1].text == second
    assert claims[1].speaker == speaker


def test_second_quote_after_new_speaker_is_not_continued(ex: Extractor) -> None:
    text = (
        "« La dissolution était nécessaire », a affirmé Emmanuel Macron. Le Premier ministre "
        "Gabriel Attal a répondu : « Je ne partage pas cette analyse. »"
    )
    first, second = run(ex, text)
    check(first, Exp("direct", "La dissolution était nécessaire", "Emmanuel Macron", "affirmer"))
    check(second, Exp("direct", "Je ne partage pas cette analyse.", "Gabriel Attal", "répondre"))


# ------------------------------------------------------------ 12. block quotation
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Le maire de Marseille a publié un message sur les réseaux sociaux.\n\n"
            "Nous ne laisserons pas les quartiers nord à l'abandon. Je demande à l'État des "
            "moyens supplémentaires pour nos écoles.\n\n"
            "Benoît Payan, maire de Marseille\n\n"
            "Le préfet n'a pas encore répondu.",
            "Nous ne laisserons pas les quartiers nord à l'abandon. Je demande à l'État des "
            "moyens supplémentaires pour nos écoles.",
            "Benoît Payan",
        ),
        (
            "La présidente de l'Assemblée a lu une lettre.\n\n"
            "Je n'ai jamais caché mes doutes sur ce projet de loi, et je voterai contre.\n\n"
            "Yaël Braun-Pivet, présidente de l'Assemblée nationale",
            "Je n'ai jamais caché mes doutes sur ce projet de loi, et je voterai contre.",
            "Yaël Braun-Pivet",
        ),
        (
            "Le navigateur a envoyé un message depuis le Grand Sud.\n\n"
            "Mon bateau tient bon malgré des vagues de huit mètres. Nous gardons le moral.\n\n"
            "Charlie Dalin, skipper de Macif",
            "Mon bateau tient bon malgré des vagues de huit mètres. Nous gardons le moral.",
            "Charlie Dalin",
        ),
    ],
    ids=["mayor", "assembly", "sailor"],
)
def test_block_quotation(ex: Extractor, text: str, quote: str, speaker: str) -> None:
    only(ex, text, Exp("direct", quote, speaker, None))


def test_third_person_paragraph_before_a_name_is_not_a_block_quote(ex: Extractor) -> None:
    text = (
        "Le conseil municipal s'est réuni jeudi soir.\n\n"
        "Les travaux du tramway commenceront en septembre et dureront deux ans.\n\n"
        "Jean Dupuis, adjoint aux transports"
    )
    assert run(ex, text) == []


# -------------------------------------------------------------- 13. speaker identity
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Iouri Ouchakov a déclaré que la rencontre aurait lieu à Riyad.",
            Exp("indirect", "la rencontre aurait lieu à Riyad", "Yuri Ushakov", "déclarer"),
            id="Iouri-Ouchakov-listed",
        ),
        case(
            "Youri Ouchakov a indiqué que la délégation russe arriverait lundi.",
            Exp("indirect", "la délégation russe arriverait lundi", "Yuri Ushakov", "indiquer"),
            id="Youri-Ouchakov-listed",
        ),
        case(
            "Yury Ouchakov a estimé que le calendrier restait flou.",
            Exp("indirect", "le calendrier restait flou", "Yuri Ushakov", "estimer"),
            id="Yury-Ouchakov-unlisted",
        ),
        case(
            "Dmitri Peskov a déclaré que le Kremlin n'avait reçu aucune proposition.",
            Exp(
                "indirect",
                "le Kremlin n'avait reçu aucune proposition",
                "Dmitry Peskov",
                "déclarer",
            ),
            id="Dmitri-Peskov-listed",
        ),
        case(
            "Sergueï Lavrow a jugé que les sanctions occidentales étaient illégales.",
            Exp(
                "indirect", "les sanctions occidentales étaient illégales", "Sergey Lavrov", "juger"
            ),
            id="Lavrow-unlisted",
        ),
        case(
            "Iouri Ouchakoff a affirmé que Moscou attendait une réponse écrite.",
            Exp("indirect", "Moscou attendait une réponse écrite", "Yuri Ushakov", "affirmer"),
            id="Iouri-Ouchakoff-unlisted",
        ),
        case(
            "Dmitrii Peskoff a assuré que le président russe était prêt à discuter.",
            Exp(
                "indirect",
                "le président russe était prêt à discuter",
                "Dmitry Peskov",
                "assurer",
            ),
            id="Dmitrii-Peskoff-unlisted",
        ),
    ],
)
def test_transliterations_map_to_one_name(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


def test_honorific_surname_groups_with_full_name(ex: Extractor) -> None:
    text = (
        "Pierre Durand, directeur de l'usine de Florange, a annoncé que 300 emplois seraient "
        "supprimés. M. Durand a ajouté que le site ne fermerait pas."
    )
    first, second = run(ex, text)
    check(first, Exp("indirect", "300 emplois seraient supprimés", "Pierre Durand", "annoncer"))
    check(second, Exp("indirect", "le site ne fermerait pas", "Pierre Durand", "ajouter"))
    assert second.speaker_mention == "M. Durand"


def test_mme_surname_groups_with_full_name(ex: Extractor) -> None:
    text = (
        "L'économiste Sophie Marchal a publié une note lundi. Mme Marchal estime que la "
        "croissance restera faible en 2026."
    )
    only(
        ex,
        text,
        Exp("indirect", "la croissance restera faible en 2026", "Sophie Marchal", "estimer"),
    )


def test_same_surname_other_first_name_is_another_person(ex: Extractor) -> None:
    text = (
        "Pierre Durand, directeur de l'usine, a annoncé que 300 emplois seraient supprimés. "
        "Marie Durand, une riveraine, a déclaré que la ville était sous le choc."
    )
    first, second = run(ex, text)
    assert first.speaker == "Pierre Durand"
    assert second.speaker == "Marie Durand"


def test_one_known_person_in_several_spellings(ex: Extractor) -> None:
    text = (
        "Dmitri Peskov a déclaré que Moscou étudiait la proposition. Peskov a ajouté que le "
        "Kremlin attendait des précisions."
    )
    claims = run(ex, text)
    assert len(claims) == 2, claims
    assert {c.speaker for c in claims} == {"Dmitry Peskov"}


REPLACEMENT = "\ufffd"  # what a byte decoded with the wrong encoding becomes


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            f"« Nous ferons appel du jugement », a déclaré Jean Dupont.{REPLACEMENT}",
            ["Jean Dupont"],
            id="full-stop-and-replacement-character-after-the-name",
        ),
        pytest.param(
            f"« Le projet sera voté », a affirmé Marie Durand{REPLACEMENT * 2} Elle a "
            "ajouté que le vote aurait lieu mardi.",
            ["Marie Durand", "Marie Durand"],
            id="replacement-characters-between-two-sentences",
        ),
        pytest.param(
            f"« Nous ferons appel », a déclaré son avocate.{REPLACEMENT} Elle a ajouté que "
            "la date était fixée.",
            ["son avocate", "son avocate"],
            id="replacement-character-after-a-description",
        ),
        pytest.param(
            f"Fran{REPLACEMENT}ois Hollande a estimé que la réforme était injuste.",
            [f"Fran{REPLACEMENT}ois Hollande"],
            id="a-lost-letter-inside-a-name-stays",
        ),
        pytest.param(
            "Selon Jean-Pierre D., la réforme est injuste.",
            ["Jean-Pierre D."],
            id="an-initial-keeps-its-full-stop",
        ),
    ],
)
def test_a_speaker_has_no_trailing_punctuation_or_replacement_character(
    ex: Extractor, text: str, speakers: list[str]
) -> None:
    assert [c.speaker for c in run(ex, text)] == speakers


# ------------------------------------------------------------------ 14. descriptions
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le porte-parole du Kremlin a déclaré que Moscou restait ouvert au dialogue.",
            Exp("indirect", "Moscou restait ouvert au dialogue", "Dmitry Peskov", "déclarer"),
            id="porte-parole-du-Kremlin",
        ),
        case(
            "Le chef de la diplomatie russe a estimé que l'Occident portait la responsabilité "
            "du conflit.",
            Exp(
                "indirect",
                "l'Occident portait la responsabilité du conflit",
                "Sergey Lavrov",
                "estimer",
            ),
            id="chef-diplomatie-russe",
        ),
        case(
            "Le secrétaire général de l'Otan a assuré que l'Alliance défendrait chaque pouce de "
            "son territoire.",
            Exp(
                "indirect",
                "l'Alliance défendrait chaque pouce de son territoire",
                "Mark Rutte",
                "assurer",
            ),
            id="secretaire-general-Otan",
        ),
    ],
)
def test_known_role_names_the_person(ex: Extractor, text: str, exp: Exp) -> None:
    claim = only(ex, text, exp)
    assert claim.speaker_mention is not None
    assert claim.speaker_mention.lower().startswith("le ")


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "La ministre de la Culture, Rachida Dati, a inauguré le musée. La ministre a ajouté "
            "que d'autres rénovations suivraient.",
            Exp("indirect", "d'autres rénovations suivraient", "Rachida Dati", "ajouter"),
            id="la-ministre",
        ),
        case(
            "Le président de la Fédération française de football, Philippe Diallo, a tenu une "
            "conférence de presse. Le président a affirmé que le contrat du sélectionneur "
            "serait prolongé.",
            Exp(
                "indirect",
                "le contrat du sélectionneur serait prolongé",
                "Philippe Diallo",
                "affirmer",
            ),
            id="le-president",
        ),
        case(
            "Le ministre de l'Économie, Éric Lombard, a présenté le budget lundi. Le "
            "ministre a ajouté que le déficit serait ramené à 5,4 % du PIB.",
            Exp("indirect", "le déficit serait ramené à 5,4 % du PIB", "Éric Lombard", "ajouter"),
            id="le-ministre-economie",
        ),
    ],
)
def test_description_resolves_to_introduced_person(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# ------------------------------------------------------------------------ 15. outlets
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le ministre des Armées, Sébastien Lecornu, a déclaré à l'AFP que les livraisons de "
            "canons Caesar reprendraient en mars.",
            Exp(
                "indirect",
                "les livraisons de canons Caesar reprendraient en mars",
                "Sébastien Lecornu",
                "déclarer",
                ("AFP",),
            ),
            id="a-declare-a-lAFP",
        ),
        case(
            "L'économiste Sergueï Gouriev a indiqué au quotidien Kommersant que les réserves du "
            "fonds souverain s'épuisaient.",
            Exp(
                "indirect",
                "les réserves du fonds souverain s'épuisaient",
                "Sergueï Gouriev",
                "indiquer",
                ("Kommersant",),
            ),
            id="au-quotidien-Kommersant",
        ),
        case(
            "Gianni Infantino a confirmé à l'agence Reuters que le Mondial 2030 se jouerait sur "
            "trois continents.",
            Exp(
                "indirect",
                "le Mondial 2030 se jouerait sur trois continents",
                "Gianni Infantino",
                "confirmer",
                ("Reuters",),
            ),
            id="a-lagence-Reuters",
        ),
        case(
            "« Nous sommes prêts à continuer les pourparlers », a déclaré Vladimir Medinski à "
            "la Tass.",
            Exp(
                "direct",
                "Nous sommes prêts à continuer les pourparlers",
                "Vladimir Medinsky",
                "déclarer",
                ("Tass",),
            ),
            id="a-declare-X-a-la-Tass",
        ),
        case(
            "Vladimir Medinski est arrivé à Istanbul. « Nous sommes prêts à continuer », "
            "a-t-il déclaré à la Tass.",
            Exp(
                "direct",
                "Nous sommes prêts à continuer",
                "Vladimir Medinsky",
                "déclarer",
                ("Tass",),
            ),
            id="a-t-il-declare-a-la-Tass",
        ),
    ],
)
def test_outlet_in_cue_phrase(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Selon une dépêche Reuters reprise par Le Figaro, le groupe Airbus va relever ses "
            "cadences de production.",
            "le groupe Airbus va relever ses cadences de production",
        ),
        (
            "Le groupe Airbus va relever ses cadences de production, selon une dépêche Reuters "
            "reprise par Le Figaro.",
            "Le groupe Airbus va relever ses cadences de production",
        ),
    ],
    ids=["start", "end"],
)
def test_selon_chain_of_two_outlets(ex: Extractor, text: str, content: str) -> None:
    # the wire agency and the paper that ran it are both credited; either may be the speaker
    only(
        ex,
        text,
        Exp("indirect", content, ("Reuters", "Le Figaro"), None, ("Reuters", "Le Figaro")),
    )


def test_outlet_credit_carries_to_next_claim_of_same_speaker(ex: Extractor) -> None:
    text = (
        "Kirill Dmitriev a affirmé à la chaîne CNN que les investisseurs américains "
        "reviendraient en Russie. Il a précisé que des discussions étaient en cours."
    )
    first, second = run(ex, text)
    check(
        first,
        Exp(
            "indirect",
            "les investisseurs américains reviendraient en Russie",
            "Kirill Dmitriev",
            "affirmer",
            ("CNN",),
        ),
    )
    check(
        second,
        Exp(
            "indirect", "des discussions étaient en cours", "Kirill Dmitriev", "préciser", ("CNN",)
        ),
    )


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "(AFP) Le président brésilien Lula a affirmé que le Brésil accueillerait la COP30 "
            "à Belém.",
            Exp("indirect", "le Brésil accueillerait la COP30 à Belém", "Lula", "affirmer"),
            id="AFP-at-text-start",
        ),
        case(
            "Les marchés ont ouvert en baisse.\n\n(AFP) La présidente de la BCE, Christine "
            "Lagarde, a affirmé que l'inflation était sous contrôle.",
            Exp("indirect", "l'inflation était sous contrôle", "Christine Lagarde", "affirmer"),
            id="AFP-at-paragraph-start",
        ),
        case(
            "La présidente de la BCE, Christine Lagarde, a affirmé que l'inflation était sous "
            "contrôle.\n\nSource : ATS",
            Exp("indirect", "l'inflation était sous contrôle", "Christine Lagarde", "affirmer"),
            id="source-line",
        ),
        case(
            "BRUXELLES (AFP) - Ursula von der Leyen a assuré que l'Union tiendrait ses "
            "engagements climatiques.",
            Exp(
                "indirect",
                "l'Union tiendrait ses engagements climatiques",
                "Ursula von der Leyen",
                "assurer",
            ),
            id="dateline-city-AFP",
        ),
    ],
)
def test_byline_is_not_a_source(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


# ------------------------------------------------- 16. typos and apostrophe variants
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            "Le sélectionneur Didier Deschamps a déclaréqu'il ne changerait rien à son équipe.",
            Exp("indirect", "il ne changerait rien à son équipe", "Didier Deschamps", "déclarer"),
            id="declarequ-straight",
        ),
        case(
            "Rachida Dati a affirméqu’elle serait candidate à la mairie de Paris.",
            Exp(
                "indirect", "elle serait candidate à la mairie de Paris", "Rachida Dati", "affirmer"
            ),
            id="affirmequ-curly",
        ),
        case(
            "Jean Castex a estiméque la SNCF devait investir davantage dans le fret.",
            Exp(
                "indirect",
                "la SNCF devait investir davantage dans le fret",
                "Jean Castex",
                "estimer",
            ),
            id="estimeque-full-que",
        ),
    ],
)
def test_glued_que(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)


APOSTROPHE_TEMPLATES = [
    (
        "qu-il",
        "Gérald Darmanin a estimé qu{a}il fallait renforcer les contrôles aux frontières.",
        Exp(
            "indirect",
            "il fallait renforcer les contrôles aux frontières",
            "Gérald Darmanin",
            "estimer",
        ),
    ),
    (
        "dapres",
        "D{a}après l{a}Insee, l{a}inflation a ralenti à 1,2 % sur un an en mars.",
        Exp("indirect", "l{a}inflation a ralenti à 1,2 % sur un an en mars", "Insee", None),
    ),
    (
        "comme-la",
        "Comme l{a}a souligné Thierry Breton, « l{a}Europe n{a}est pas naïve ».",
        Exp("direct", "l{a}Europe n{a}est pas naïve", "Thierry Breton", "souligner"),
    ),
    (
        "juge-premature-d",
        "Ursula von der Leyen a jugé prématuré d{a}évoquer une adhésion rapide de l{a}Ukraine.",
        Exp(
            "indirect",
            "prématuré d{a}évoquer une adhésion rapide de l{a}Ukraine",
            "Ursula von der Leyen",
            "juger",
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        case(
            template.format(a=a),
            exp._replace(text=exp.text.format(a=a)),
            id=f"{name}-{kind}",
        )
        for name, template, exp in APOSTROPHE_TEMPLATES
        for kind, a in (("straight", "'"), ("curly", "’"))
    ],
)
def test_apostrophes(ex: Extractor, text: str, exp: Exp) -> None:
    only(ex, text, exp)
