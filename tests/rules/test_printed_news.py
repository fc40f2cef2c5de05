"""Shapes of news as it is printed (issue 21), each on sentences written for the test.

The real pages of ``../shared/real-news`` showed these shapes; none of their sentences is
copied here. Each test is one general shape: requests and promises with an infinitive,
what a gerund frames, where an interview was given, press reviews, interviews without
quotation marks, people the model does not tag, and the incises of printed news.
"""

from __future__ import annotations

import pytest

from talkclaims.run.extract import Extractor
from tests.rules.test_rules import Exp, check, run


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def find(ex: Extractor, text: str, words: str):
    """The claim whose text holds ``words`` (there must be one)."""
    claims = run(ex, text)
    found = [c for c in claims if words in c.text]
    assert found, claims
    return found[0]


# ------------------------------------------------- requests, promises, refusals (shape 5)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Le syndicat a appelé les agents de la ville à cesser le travail lundi.",
            Exp("indirect", "cesser le travail lundi", "syndicat", "appeler"),
            id="object-then-a",
        ),
        pytest.param(
            "La directrice a proposé à ses collègues de reporter la réunion.",
            Exp("indirect", "reporter la réunion", "directrice", "proposer"),
            id="a-addressee-then-de",
        ),
        pytest.param(
            "Le préfet leur a demandé de quitter les lieux avant midi.",
            Exp("indirect", "quitter les lieux avant midi", "préfet", "demander"),
            id="clitic-addressee",
        ),
        pytest.param(
            "Marc Delorme s'engage à rembourser les familles d'ici l'été.",
            Exp("indirect", "rembourser les familles d'ici l'été", "Marc Delorme", "engager"),
            id="s-engager-a",
        ),
        pytest.param(
            "La procureure a invité le tribunal correctionnel à prononcer une peine ferme.",
            Exp("indirect", "prononcer une peine ferme", "procureure", "inviter"),
            id="invite-the-court",
        ),
    ],
)
def test_a_request_reports_the_infinitive_past_the_person_addressed(ex, text, exp):
    check(find(ex, text, exp.text), exp)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le maire a demandé de l'aide à ses voisins.", id="de-before-a-noun"),
        pytest.param("Elle a appelé son frère à Lyon dimanche.", id="a-before-a-place"),
    ],
)
def test_a_request_verb_with_a_noun_object_reports_nothing(ex, text):
    assert run(ex, text) == []


def test_a_gerund_frames_its_infinitive_with_the_main_clause_speaker(ex):
    text = (
        "Aline Ferrand a affirmé mardi qu'elle présenterait un autre budget, promettant "
        "de ne pas « sacrifier » les écoles."
    )
    c = find(ex, text, "sacrifier")
    assert (c.kind, c.text, c.speaker, c.cue) == (
        "mixed",
        "ne pas « sacrifier » les écoles",
        "Aline Ferrand",
        "promettre",
    )


def test_a_gerund_with_a_request_reports_its_infinitive(ex):
    text = (
        "« Nous avons tout entendu », a conclu le procureur en invitant la cour à "
        "condamner les deux prévenus."
    )
    c = find(ex, text, "condamner")
    check(c, Exp("indirect", "condamner les deux prévenus", "procureur", "inviter"))


def test_a_quotation_after_a_gerund_goes_to_the_incise_that_names_its_speaker(ex):
    text = (
        "En saluant un « dialogue franc », comme l'a rappelé Hélène Marquis, la mairie "
        "veut apaiser le quartier."
    )
    c = find(ex, text, "dialogue franc")
    assert c.speaker == "Hélène Marquis", c


# ------------------------------------------------ where an interview was given (shape 1, 2)
def test_an_interview_place_in_a_sentence_without_claim_credits_what_follows(ex):
    text = (
        "Le maire de Lunel, Paul Fabre, commentait le budget sur France Bleu. « Nous ne "
        "toucherons pas aux impôts », a-t-il promis. Il a ajouté que la piscine rouvrirait "
        "en juin."
    )
    claims = run(ex, text)
    assert [c.sources for c in claims] == [("France Bleu",), ("France Bleu",)], claims
    assert {c.speaker for c in claims} == {"Paul Fabre"}, claims


def test_a_media_phrasing_names_an_outlet_the_lists_do_not_know(ex):
    text = "« On a manqué de réalisme », a confié Marc Tellier au micro de Canal Soleil."
    c = find(ex, text, "réalisme")
    assert c.sources == ("Canal Soleil",), c


def test_a_host_question_neither_ends_the_credit_nor_goes_without_it(ex):
    text = (
        "Nadia Kessler a déclaré sur France Info que la réforme serait votée avant l'été. "
        "La présentatrice lui a demandé si le calendrier tiendrait.\n"
        "« Nous tiendrons les délais, je m'y engage », a répondu Nadia Kessler."
    )
    claims = run(ex, text)
    assert len(claims) == 3, claims
    assert all(c.sources == ("franceinfo",) for c in claims), claims


def test_another_speaker_ends_an_interview_credit(ex):
    text = (
        "Interrogée par Le Monde, Claire Dupuis a estimé que le plan arrivait trop tard.\n"
        "« Rien n'est perdu », a répliqué le lendemain Bruno Sarda, son adversaire."
    )
    claims = run(ex, text)
    first, second = sorted(claims, key=lambda c: c.start)
    assert first.sources == ("Le Monde",), first
    assert second.speaker == "Bruno Sarda" and second.sources == (), second


def test_a_credit_stops_where_another_person_quotes_in_words_no_rule_took(ex):
    text = (
        "Louis Marchal a déclaré à Libération que l'usine fermerait.\n"
        "Irène Vasseur, sa collègue, n'est pas de cet avis et le dit sans détour.\n"
        "« Nous continuerons le combat », a lancé Louis Marchal."
    )
    claims = run(ex, text)
    last = [c for c in claims if "combat" in c.text]
    assert last and last[0].sources == (), claims


def test_pictographs_before_a_sentence_do_not_hide_its_subject(ex):
    text = "🇫🇷 🇩🇪 🔴 Le ministre Paul Arnaud a déclaré que les frontières resteraient ouvertes."
    c = find(ex, text, "frontières")
    assert (c.speaker, c.text) == ("Paul Arnaud", "les frontières resteraient ouvertes"), c


def test_que_after_several_adjuncts_is_still_the_cues(ex):
    text = (
        "Lucie Maroni a déclaré ce soir-là dans une longue émission de la chaîne régionale "
        "que le tracé du tramway serait revu."
    )
    c = find(ex, text, "tramway")
    check(c, Exp("indirect", "le tracé du tramway serait revu", "Lucie Maroni", "déclarer"))


def test_a_relative_que_after_a_comma_is_not_the_cues(ex):
    text = (
        "Elle s'est interrogée sur le prix final du ticket de bus électrique, que plusieurs "
        "experts jugent trop élevé."
    )
    assert not [c for c in run(ex, text) if c.cue == "interroger"]


def test_a_request_for_anonymity_is_no_claim(ex):
    text = (
        "Un cadre de la mairie, qui a demandé à ne pas être nommé, estime que le chantier "
        "prendra deux ans de retard."
    )
    claims = run(ex, text)
    assert [c.text for c in claims] == ["le chantier prendra deux ans de retard"], claims


# ---------------------------------------------------------------- press reviews (shape 3)
def test_a_press_review_gives_each_quotation_to_its_newspaper(ex):
    text = (
        "La presse régionale salue le nouvel entraîneur : « un bâtisseur » pour La Voix "
        "des Vallées, « têtu » pour Ouest-France."
    )
    claims = run(ex, text)
    got = [(c.text, c.speaker, c.speaker_type, c.sources) for c in claims]
    assert got == [
        ("un bâtisseur", "La Voix des Vallées", "outlet", ("La Voix des Vallées",)),
        ("têtu", "Ouest-France", "outlet", ("Ouest-France",)),
    ], claims


def test_a_newspaper_in_brackets_after_a_quotation_is_its_source(ex):
    text = (
        "Ce qu'ils ont dit\n"
        "Karim Mansouri, président de l'Union des artisans : « La réforme est une "
        "insulte aux travailleurs. » (El Moutakaddim)\n"
        "« Nous ne lâcherons rien » (Cheikh Ndour)"
    )
    first, second = run(ex, text)
    assert (first.speaker, first.sources) == ("Karim Mansouri", ("El Moutakaddim",)), first
    assert (second.speaker, second.sources) == ("Cheikh Ndour", ()), second


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Pour Le Figaro, « le gouvernement a perdu la main ».",
            Exp("direct", "le gouvernement a perdu la main", "Le Figaro", None, ("Le Figaro",)),
            id="pour-a-newspaper",
        ),
        pytest.param(
            "Pour la chercheuse, l'étude souffre de biais importants.",
            Exp("indirect", "l'étude souffre de biais importants", "chercheuse", None),
            id="pour-a-described-person",
        ),
        pytest.param(
            "Le Parisien titre sur « la fin d'une époque ».",
            Exp("direct", "la fin d'une époque", "Le Parisien", "titrer", ("Le Parisien",)),
            id="titrer-sur",
        ),
        pytest.param(
            "Dans le même temps, et comme l'a repéré Le Monde, le ministre a changé d'avis.",
            Exp("indirect", "le ministre a changé d'avis", "Le Monde", "repérer", ("Le Monde",)),
            id="fronted-comme-incise",
        ),
    ],
)
def test_newspapers_and_described_people_speak(ex, text, exp):
    check(find(ex, text, exp.text), exp)


def test_pour_a_city_is_the_authors_framing(ex):
    assert run(ex, "Pour Washington, c'est un impératif stratégique.") == []


# --------------------------------------------------------------- the lexicon (shape 10)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "« Le taux dépasse de 30 % celui des autres hivers », calcule le docteur Paul Rivet.",
            Exp(
                "direct",
                "Le taux dépasse de 30 % celui des autres hivers",
                "Paul Rivet",
                "calculer",
            ),
            id="calculer",
        ),
        pytest.param(
            "La maire de Vienne a parlé d'une « trahison » des promesses faites aux habitants.",
            Exp("direct", "trahison", "maire de Vienne", "parler"),
            id="parler-de",
        ),
        pytest.param(
            "« Nous étions à trois contre un », rageait l'entraîneur des Verts.",
            Exp("direct", "Nous étions à trois contre un", "entraîneur des Verts", "rager"),
            id="rager",
        ),
    ],
)
def test_verbs_of_printed_news_report(ex, text, exp):
    check(find(ex, text, exp.text), exp)


def test_quotations_of_one_complement_stop_at_another_reporting_verb(ex):
    text = (
        "Le ministre a promis un « renforcement sans précédent » des contrôles, évoquant "
        "l'opération « Frontière verte » lancée en août, tout en refusant de « céder "
        "au chantage »."
    )
    claims = run(ex, text)
    assert "Frontière verte" not in [c.text for c in claims], claims
    assert "renforcement sans précédent" in [c.text for c in claims], claims


# ------------------------------------------------- people the model does not tag (shape 8)
def test_a_surname_alone_that_speaks_and_is_il_after_is_a_man(ex):
    text = (
        "Kovacz a déclaré qu'il ne se représenterait pas. Il a ajouté que le club méritait mieux."
    )
    claims = run(ex, text)
    assert [(c.speaker, c.speaker_type, c.speaker_gender) for c in claims] == [
        ("Kovacz", "person", "m"),
        ("Kovacz", "person", "m"),
    ], claims


def test_a_city_that_speaks_stays_a_government(ex):
    (c,) = run(ex, "Moscou a déclaré que les pourparlers reprendraient lundi.")
    assert (c.speaker, c.speaker_type) == ("Moscou", "organisation"), c


def test_a_known_first_name_and_capitalised_words_are_a_name(ex):
    text = "Dans la région de Kaolack Aïssatou Diop Fall a affirmé que la récolte serait bonne."
    (c,) = run(ex, text)
    assert (c.speaker, c.speaker_type, c.speaker_gender) == ("Aïssatou Diop Fall", "person", "f")


def test_a_name_inside_a_description_is_the_speaker(ex):
    # (the model reads « Fédération Nathalie Berthe » as one organisation)
    text = "Selon la présidente de la Fédération Nathalie Berthe, la sélection est audacieuse."
    (c,) = run(ex, text)
    assert (c.speaker, c.speaker_type, c.speaker_gender) == ("Nathalie Berthe", "person", "f")


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Marc Lanvin suggère à son homologue belge de travailler à un plan commun.",
            Exp("indirect", "travailler à un plan commun", "Marc Lanvin", "suggérer"),
            id="verb-read-as-part-of-the-name",
        ),
        pytest.param(
            "« Il faut du temps », répète l'entraîneuse des Bleues.",
            Exp("direct", "Il faut du temps", "entraîneuse des Bleues", "répéter"),
            id="grave-accent-stem",
        ),
        pytest.param(
            "Et pour Louise Armand, il y a « de grandes incertitudes » cette année.",
            Exp("mixed", "il y a « de grandes incertitudes » cette année", "Louise Armand", None),
            id="et-pour-a-person",
        ),
    ],
)
def test_misread_verbs_and_connectors(ex, text, exp):
    check(find(ex, text, exp.text[:10]), exp)


def test_a_title_line_name_colon_words_is_the_names_claim(ex):
    text = (
        "Lemaire : le budget sera « tenu coûte que coûte »\n"
        "Le ministre Paul Lemaire s'est exprimé devant les députés mardi."
    )
    c = find(ex, text, "budget")
    assert (c.kind, c.text, c.speaker, c.rule) == (
        "mixed",
        "le budget sera « tenu coûte que coûte »",
        "Paul Lemaire",
        "headline-quote",
    ), c


def test_a_rubric_before_a_colon_is_nobody(ex):
    text = "Chanson : Maude Lafleur revient avec un album intime\nLe disque sort vendredi."
    assert run(ex, text) == []


# ----------------------------------------- interviews without quotation marks (shape 4)
def test_a_round_table_gives_each_labelled_turn_to_its_speaker(ex):
    text = (
        "MONTRÉAL – Quel dossier auriez-vous voulu avoir déjà réglé?\n"
        "Le ministre des Transports et de la Mobilité durable, Gilles Ouellet: Le tramway, "
        "sans hésiter. Nous avons perdu deux ans.\n"
        "La ministre de la Santé, Nadine Poirier: Les urgences. On y travaille chaque jour.\n"
        "Le député Marc Roy ne s'est pas prononcé."
    )
    claims = run(ex, text)
    got = [(c.speaker, c.text) for c in claims]
    assert got == [
        ("Gilles Ouellet", "Le tramway, sans hésiter. Nous avons perdu deux ans."),
        ("Nadine Poirier", "Les urgences. On y travaille chaque jour."),
    ], claims
    assert {c.kind for c in claims} == {"direct"}


def test_a_label_with_a_verb_before_the_colon_is_a_sentence(ex):
    text = "Le maire a prévenu ses adjoints, Paul Roux: nous tiendrons le budget."
    assert not [c for c in run(ex, text) if c.rule == "digest-speech"]


# ------------------------------------------------------- titles that credit (shape 11)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Les loyers vont « baisser d'ici l'été » (la ministre du Logement)\n"
            "La ministre du Logement, Inès Carpentier, a présenté son plan mardi.",
            Exp("mixed", "Les loyers vont « baisser d'ici l'été »", "Inès Carpentier", None),
            id="words-then-a-role-in-brackets",
        ),
        pytest.param(
            "Un accord a été trouvé – Legrand\nLe négociateur Paul Legrand a quitté la salle.",
            Exp("indirect", "Un accord a été trouvé", "Paul Legrand", None),
            id="words-then-a-dash-and-a-name",
        ),
    ],
)
def test_a_title_line_closed_by_its_speaker(ex, text, exp):
    c = find(ex, text, exp.text[:12])
    check(c, exp)
    assert c.rule == "headline-quote", c


def test_selon_a_name_and_its_apposition_frames_the_clause_after(ex):
    (c,) = run(ex, "Selon Jean Dupont, directeur de l'usine, la production reprendra lundi.")
    check(c, Exp("indirect", "la production reprendra lundi", "Jean Dupont", None))


# ------------------------------------------------- descriptions and names (shapes 7, 9)
@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        pytest.param(
            "« Il y a des progrès », a souligné l'envoyé de Marc Vasseur.",
            "envoyé de Marc Vasseur",
            "role",
            id="envoy-of-a-named-person",
        ),
        pytest.param(
            "L'avocate de Jean Valmont a déclaré que son client était innocent.",
            "avocate de Jean Valmont",
            "role",
            id="lawyer-of-a-named-person",
        ),
        pytest.param(
            "Le ministre de l'Intérieur Gérard Dalmont a déclaré que rien n'était décidé.",
            "Gérard Dalmont",
            "person",
            id="office-then-the-name",
        ),
        pytest.param(
            "Sur France Bleu, l'ancien joueur devenu consultant Didier Rouvel prévient : "
            "« Le club est à la limite. »",
            "Didier Rouvel",
            "person",
            id="name-right-before-the-verb",
        ),
    ],
)
def test_a_name_completing_a_noun_is_not_the_speaker(ex, text, speaker, kind):
    (c,) = run(ex, text)
    assert (c.speaker, c.speaker_type) == (speaker, kind), c


def test_a_platform_named_by_a_letter_is_a_source_after_sur(ex):
    text = "Sur X, la députée Anne Loriot a écrit que le texte serait retiré."
    (c,) = run(ex, text)
    assert (c.speaker, c.sources) == ("Anne Loriot", ("X",)), c
    assert run(ex, "Malcolm X a déclaré que la lutte continuait.")[0].sources == ()


def test_an_inverted_clitic_is_the_speaker_not_the_reported_clauses_subject(ex):
    text = (
        "Le gouverneur Ahmed Benali a tenu une conférence mardi. Le pays n'est pas à l'abri "
        "des effets de la crise internationale, a-t-il soutenu, ajoutant que la reprise "
        "serait lente."
    )
    claims = run(ex, text)
    assert [c.speaker for c in claims] == ["Ahmed Benali", "Ahmed Benali"], claims


def test_a_described_subject_is_a_mention_of_the_person_for_the_pronouns_after(ex):
    text = (
        "Un entretien avec Catherine Dulac paraît ce mois-ci. La comédienne se confie à "
        "Léa Roy. Celle qui joue dans le nouveau film de Marc Aubry est interrogée sur les "
        "festivals. Elle n'y va plus par choix, dévoile-t-elle."
    )
    (c,) = run(ex, text)
    assert c.speaker == "Catherine Dulac", c


def test_a_description_of_the_other_gender_is_not_the_person_before(ex):
    text = (
        "La PDG du groupe, Anne Morel, a présenté le plan. Le syndicat s'inquiète, a résumé "
        "son représentant, Paul Lavoix.\nLa PDG assure qu'aucun magasin ne fermera."
    )
    c = find(ex, text, "aucun magasin")
    assert c.speaker == "Anne Morel", c


def test_a_colon_after_a_quotation_introduces_its_speaker(ex):
    text = (
        "Le match était serré.\n"
        "« Ce sont les joueurs qui gagnent le match, pas l'entraîneur » : Paul Girard la "
        "joue modeste."
    )
    (c,) = run(ex, text)
    assert (c.speaker, c.kind) == ("Paul Girard", "direct"), c


def test_a_description_with_another_qualifier_is_another_holder_of_the_office(ex):
    text = (
        "L'émissaire Marc Tessier doit rencontrer le président russe Vladimir Poutine à "
        "Moscou, selon Donald Trump. « Marc y va la semaine prochaine », a déclaré mardi "
        "le président américain à la presse."
    )
    c = find(ex, text, "Marc y va")
    assert c.speaker != "Vladimir Putin", c


def test_a_tweet_is_a_claim_credited_to_its_platform(ex):
    (c,) = run(ex, "La ministre a tweeté que les écoles resteraient ouvertes.")
    assert (c.cue, c.speaker, c.sources) == ("tweeter", "ministre", ("Twitter",)), c


def test_an_interview_reported_by_a_newspaper_is_the_speakers(ex):
    text = (
        "Lemoine : les négociations « avancent »\n"
        "Il a tenu ces propos lors d'une interview accordée à l'émission en ligne de Radio "
        "Kiosque, rapporte Le Soir.\n"
        "« Nous avançons, lentement mais sûrement », a déclaré M. Lemoine."
    )
    c = find(ex, text, "lentement")
    assert c.sources == ("Radio Kiosque",), c


def test_a_verb_with_a_noun_object_does_not_end_a_credit(ex):
    text = (
        "Paul Vidal a déclaré à Libération que l'accord était proche. Pendant ce temps, Marc "
        "Roy savourait son succès électoral.\n"
        "« Nous signerons avant l'été », a ajouté Paul Vidal."
    )
    c = find(ex, text, "signerons")
    assert c.sources == ("Libération",), c


def test_an_interview_given_to_a_monthly_credits_the_claims_of_its_person(ex):
    text = (
        "À lire dans le nouveau numéro du mensuel Cinérama, un entretien avec Louise Fabre. "
        "La comédienne y parle de son métier. Elle ne tournera plus l'été, assure-t-elle."
    )
    c = find(ex, text, "tournera")
    assert (c.speaker, c.sources) == ("Louise Fabre", ("Cinérama",)), c


def test_a_rhetorical_question_on_what_someone_reproaches_is_no_claim(ex):
    text = "Ce que Louise Fabre reproche à cette cérémonie ? Des votes opaques."
    assert not [c for c in run(ex, text) if c.cue == "reprocher"]


def test_a_description_subject_is_the_person_given_that_role_or_a_synonym(ex):
    text = (
        "Le sélectionneur des Aigles, Paul Kaboré, a publié lundi sa liste. Trois "
        "novices y figurent, dont le milieu de terrain Ali Sanou, 19 ans.\n"
        "Face à la presse, le technicien n'a pas éludé les critiques. « Nous avons manqué "
        "d'humilité », a-t-il reconnu."
    )
    c = find(ex, text, "humilité")
    assert c.speaker == "Paul Kaboré", c


def test_a_word_before_a_comma_is_not_in_the_verbal_group(ex):
    text = "La comédienne Louise Fabre est catégorique. Elle ne tournera plus l'été, assure-t-elle."
    c = find(ex, text, "tournera")
    check(c, Exp("indirect", "Elle ne tournera plus l'été", "Louise Fabre", "assurer"))


# ------------------------------------------------------------- small clauses (shape 5)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "La ministre considère la réforme comme une étape historique.",
            Exp("indirect", "la réforme comme une étape historique", "ministre", "considérer"),
            id="considerer-comme",
        ),
        pytest.param(
            "L'opposant a comparé la nouvelle loi à un bâillon.",
            Exp("indirect", "la nouvelle loi à un bâillon", "opposant", "comparer"),
            id="comparer-a",
        ),
        pytest.param(
            "Les analystes estiment à 30 % la probabilité d'une hausse des taux.",
            Exp("indirect", "à 30 % la probabilité d'une hausse des taux", "analystes", "estimer"),
            id="estimer-a-first",
        ),
        pytest.param(
            "Le patron a désigné Léo Brun, son neveu, comme un successeur possible.",
            Exp(
                "indirect",
                "Léo Brun, son neveu, comme un successeur possible",
                "patron",
                "désigner",
            ),
            id="designer-with-an-apposition",
        ),
    ],
)
def test_a_small_clause_after_an_opinion_verb_is_reported(ex, text, exp):
    check(find(ex, text, exp.text), exp)


def test_comme_before_an_adverb_is_no_small_clause(ex):
    assert run(ex, "Il considère ce plan, et comme toujours il se tait.") == []


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "gender"),
    [
        pytest.param(
            "« Les urgences débordent », assure le pneumopédiatre du CHU.",
            "pneumopédiatre du CHU",
            "role",
            "m",
            id="a-medical-noun",
        ),
        pytest.param(
            "« Le dossier est vide », a plaidé le maitre des poursuites.",
            "maitre des poursuites",
            "role",
            "m",
            id="an-unaccented-spelling",
        ),
        pytest.param(
            "« Nous tiendrons les délais », a promis le CEO.",
            "CEO",
            "role",
            "m",
            id="an-acronym-office",
        ),
    ],
)
def test_nouns_of_people_of_printed_news(ex, text, speaker, kind, gender):
    (c,) = run(ex, text)
    assert (c.speaker, c.speaker_type, c.speaker_gender) == (speaker, kind, gender), c


def test_after_selon_a_role_speaks_and_the_name_is_what_it_says(ex):
    text = (
        "Selon le procureur, Marc Diallo est l'instigateur de la manifestation. « Il a tout "
        "organisé. Il savait ce qu'il faisait. Il l'a reconnu devant nous », a-t-il soutenu."
    )
    claims = run(ex, text)
    assert [c.speaker for c in claims] == ["procureur", "procureur"], claims


def test_an_office_nobody_was_given_is_not_a_person_named_in_an_adjunct(ex):
    text = (
        "Pour le cas de Awa Ndiaye, le ministère public a relevé qu'il y avait eu des "
        "incidents.\n« C'est une élue, elle devait montrer l'exemple », a poursuivi le "
        "substitut du procureur."
    )
    c = find(ex, text, "élue")
    assert c.speaker != "Awa Ndiaye", c


# ---------------------------------------------------------------- incises (shape 10)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "« Nous avons avancé », a relevé la ministre Anne Roux. Il reste encore du travail, "
            "a-t-elle toutefois averti.",
            Exp("indirect", "Il reste encore du travail", "Anne Roux", "avertir"),
            id="inverted-with-an-adverb",
        ),
        pytest.param(
            "La comédienne Louise Fabre a parlé de sa carrière. C'est fini, assure-t-elle.",
            Exp("indirect", "C'est fini", "Louise Fabre", "assurer"),
            id="a-two-word-clause",
        ),
        pytest.param(
            "Le président de l'Agglo, Charles Demouge, a annoncé la couleur : il manque "
            "4 millions d'euros.",
            Exp("indirect", "il manque 4 millions d'euros", "Charles Demouge", "annoncer"),
            id="a-clause-after-a-colon",
        ),
        pytest.param(
            "L'entraîneur Paul Rey est pointilleux. Il considère ainsi que le public « est un "
            "atout ».",
            Exp("mixed", "le public « est un atout »", "Paul Rey", "considérer"),
            id="ainsi-que-after-the-verb",
        ),
        pytest.param(
            "Le porte-parole Marc Lenoir a qualifié de « prématurées » les déclarations selon "
            "lesquelles un accord serait proche.",
            Exp(
                "mixed",
                "« prématurées » les déclarations selon lesquelles un accord serait proche",
                "Marc Lenoir",
                "qualifier",
            ),
            id="selon-lesquelles-is-no-credit",
        ),
    ],
)
def test_incises_and_frames_of_printed_news(ex, text, exp):
    check(find(ex, text, exp.text[:12]), exp)


def test_an_unquoted_clause_resumes_after_its_incise(ex):
    text = (
        "Le gouverneur Paul Rey est inquiet. C'est la facture énergétique qui plombe la "
        "croissance, assure-t-il, et génère une hausse des prix."
    )
    claims = run(ex, text)
    assert [c.text for c in claims] == [
        "C'est la facture énergétique qui plombe la croissance",
        "génère une hausse des prix",
    ], claims
    assert {c.speaker for c in claims} == {"Paul Rey"}


def test_a_colon_after_a_list_is_no_claim(ex):
    assert run(ex, "Le maire a cité trois villes : Lyon, Nantes et Lille.") == []


def test_words_quoted_over_a_paragraph_break_are_one_claim(ex):
    text = (
        'Kirill Sokolov a déclaré sur Radio Kiosque que "tout reste possible. Nous verrons.\n'
        'Mais la Russie est ouverte aux garanties de sécurité", a ajouté Kirill Sokolov.'
    )
    c = find(ex, text, "garanties")
    assert c.text == (
        "tout reste possible. Nous verrons.\nMais la Russie est ouverte aux garanties de sécurité"
    ), c
    assert (c.speaker, c.sources) == ("Kirill Sokolov", ("Radio Kiosque",)), c


def test_a_surname_taken_for_a_place_is_a_person_when_it_goes_on_speaking(ex):
    # (the model takes « Brisach » for a place)
    text = (
        "Dans une interview au Financial Times, Brisach a rappelé les résultats du plan "
        "de Paul Vernet, auxquels il a participé.\n"
        "« Notre délégation a fait disparaître le document de 28 points », a-t-il déclaré."
    )
    c = find(ex, text, "délégation")
    assert (c.speaker, c.speaker_type, c.sources) == ("Brisach", "person", ("Financial Times",))


def test_a_capital_that_speaks_is_its_government_whatever_follows(ex):
    text = "Moscou a déclaré que les pourparlers reprendraient. Il a ajouté que rien n'était fixé."
    first = run(ex, text)[0]
    assert (first.speaker, first.speaker_type) == ("Moscou", "organisation"), first


def test_an_outlet_named_as_a_party_is_no_credit(ex):
    text = (
        "Le ministre a annoncé lors de la signature d'un accord entre l'Aps et l'agence "
        "Xinhua que le budget serait revu. Dans un entretien avec Le Monde, le maire a "
        "estimé que tout allait bien."
    )
    first, second = run(ex, text)
    assert first.sources == () and second.sources == ("Le Monde",), (first, second)


def test_an_office_after_the_agent_of_words_is_that_agent(ex):
    text = (
        "Une déclaration qui faisait référence aux propos tenus plus tôt par Paul Vidal.\n"
        "« L'enquête avance », avait en effet déclaré le ministre de l'Intérieur."
    )
    c = find(ex, text, "enquête")
    assert (c.speaker, c.speaker_type) == ("Paul Vidal", "person"), c


# --------------------------------------------------- transcripts and digests (shape 4)
def test_a_transcript_gives_each_r_turn_to_the_person_interviewed(ex):
    text = (
        "Entretien de M. Paul Morand, ministre des Transports, avec Radio Kiosque\n"
        "Q - Bonjour Monsieur le ministre.\n"
        "R - Bonjour à vous.\n"
        "Q - Les grèves vont-elles durer, selon vous ?\n"
        "R - Nous ne céderons pas sur l'essentiel. Les trains rouleront lundi.\n"
        "Q - Vous en êtes certain ?\n"
        "R - Je ne crois que les actes."
    )
    claims = run(ex, text)
    assert [c.text for c in claims] == [
        "Bonjour à vous.",
        "Nous ne céderons pas sur l'essentiel. Les trains rouleront lundi.",
        "Je ne crois que les actes.",
    ], claims
    assert {c.speaker for c in claims} == {"Paul Morand"}


def test_a_digest_entry_is_its_labels_person_over_a_role_and_a_heading(ex):
    text = (
        "Ce qu'ils ont dit\n"
        "5-Marc Koné\n"
        "(Ministre du Tourisme) :\n"
        "Notre mission, les élections ?\n"
        "« Nous sommes en mission. La feuille de route est connue. »\n"
        "6-Awa Traoré\n"
        "(Ministre de la Santé) :\n"
        "« Les hôpitaux d'abord, le reste ensuite. »"
    )
    claims = [c for c in run(ex, text) if c.kind == "direct" and "«" not in c.text]
    by_text = {c.text: c.speaker for c in claims}
    assert by_text["Nous sommes en mission. La feuille de route est connue."] == "Marc Koné"
    assert by_text["Les hôpitaux d'abord, le reste ensuite."] == "Awa Traoré"


def test_the_recent_past_reports(ex):
    text = "Le ministre, Abdel Meziane, vient de déclarer que la menace restait sérieuse."
    (c,) = run(ex, text)
    check(c, Exp("indirect", "la menace restait sérieuse", "Abdel Meziane", "déclarer"))


def test_a_participle_between_a_role_and_a_name_still_introduces_it(ex):
    text = (
        "Le ministre chargé des affaires africaines, Abdel Meziane, a parlé mardi. Le "
        "ministre a ajouté que la coopération se poursuivrait."
    )
    c = find(ex, text, "coopération")
    assert c.speaker == "Abdel Meziane", c


# ------------------------------------------------------------- what the newsroom learned
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Le tribunal a requis dix ans de prison contre trois militants, a-t-on appris "
            "auprès d'un témoin.",
            Exp(
                "indirect",
                "Le tribunal a requis dix ans de prison contre trois militants",
                "un témoin",
                "apprendre",
            ),
            id="aupres-d-un-temoin",
        ),
        pytest.param(
            "Les pluies ont fait quarante morts depuis juin, a-t-on appris mercredi de "
            "source officielle à Zinder.",
            Exp(
                "indirect",
                "Les pluies ont fait quarante morts depuis juin",
                "source officielle",
                "apprendre",
            ),
            id="de-source-officielle",
        ),
        pytest.param(
            "Le budget a été voté, a-t-on appris jeudi du secrétaire général du ministère "
            "des Finances, Paul Kaboré.",
            Exp("indirect", "Le budget a été voté", "Paul Kaboré", "apprendre"),
            id="apposed-name",
        ),
        pytest.param(
            "On apprend du ministère de la Santé que deux nouveaux cas ont été confirmés.",
            Exp(
                "indirect",
                "deux nouveaux cas ont été confirmés",
                "ministère de la Santé",
                "apprendre",
            ),
            id="on-apprend-que",
        ),
    ],
)
def test_what_the_newsroom_learned_is_said_by_whom_it_learned_it_from(ex, text, exp):
    (c,) = run(ex, text)
    check(c, exp)


def test_an_outlet_that_learned_is_the_source(ex):
    text = (
        "Le club a recruté un nouvel entraîneur, a appris lundi RMC Sport auprès de son "
        "directeur sportif."
    )
    (c,) = run(ex, text)
    assert c.speaker_mention == "son directeur sportif" and c.sources == ("RMC Sport",), c


@pytest.mark.parametrize(
    "text",
    [
        "Il a appris de son père que la ferme serait vendue.",
        "Elle a appris beaucoup de choses pendant ce stage.",
        "Les élèves ont appris que les cours reprendraient lundi.",
    ],
)
def test_learning_by_a_person_reports_nothing(ex, text):
    assert not [c for c in run(ex, text) if c.cue == "apprendre"]


# ------------------------------------------------------------------ « expliquer X par Y »
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Le gouverneur a expliqué la hausse des prix, par la baisse des exportations.",
            Exp(
                "indirect",
                "la hausse des prix, par la baisse des exportations",
                "gouverneur",
                "expliquer",
            ),
            id="object-then-par",
        ),
        pytest.param(
            "Le ministre l’a expliqué par la sécheresse qui frappe le pays.",
            Exp("indirect", "par la sécheresse qui frappe le pays", "ministre", "expliquer"),
            id="clitic-object",
        ),
        pytest.param(
            "La directrice justifie cette décision par des raisons de sécurité.",
            Exp(
                "indirect", "cette décision par des raisons de sécurité", "directrice", "justifier"
            ),
            id="justifier",
        ),
    ],
)
def test_a_cause_given_with_par_is_the_claim(ex, text, exp):
    (c,) = run(ex, text)
    check(c, exp)


def test_a_manner_after_par_is_no_cause(ex):
    assert run(ex, "Le ministre l’a expliqué par téléphone aux élus.") == []


def test_a_channel_is_not_its_news_site(ex):
    text = (
        "Invitée de TF1 mardi, la ministre a défendu son plan. « Nous irons jusqu'au bout "
        "de la réforme », a-t-elle assuré.\n\nSelon TF1info, le vote aura lieu mardi."
    )
    sources = {c.text[:9]: c.sources for c in run(ex, text)}
    assert sources == {"Nous iron": ("TF1",), "le vote a": ("TF1info",)}, sources


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Le budget pèse sur les écoles, a averti le député de la circonscription, Luc "
            "Morvan, qui estime que le rectorat n'a pas « entendu les familles ».",
            "Luc Morvan",
            id="after-an-incise-name",
        ),
        pytest.param(
            "La grève a été suivie par la maire de Tulle, Inès Garrigou, qui affirme que "
            "« la ville entière est derrière les agents ».",
            "Inès Garrigou",
            id="after-an-agent",
        ),
    ],
)
def test_a_relative_qui_is_never_the_speaker_but_the_name_before_it(ex, text, speaker):
    claim = next(c for c in run(ex, text) if c.cue in ("estimer", "affirmer"))
    assert claim.speaker == speaker, claim


def test_a_role_s_short_complement_does_not_hide_the_apposed_name(ex):
    text = (
        "«Le gouvernement improvise», a insisté Mme Dufresne.\n\n"
        "Le ministre s'est mis la tête dans le sable, a renchéri la porte-parole libérale "
        "en éducation, Sophie Lamarre."
    )
    claim = next(c for c in run(ex, text) if c.cue == "renchérir")
    assert (claim.speaker, claim.speaker_mention) == ("Sophie Lamarre", "Sophie Lamarre"), claim


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "La réforme n'est pas prête, a lancé mercredi la cheffe de l'opposition "
            "officielle Claire Dufresne.",
            "Claire Dufresne",
            id="time-word-then-role-and-name",
        ),
        pytest.param(
            '"Nous ne comprenons pas que la grève vise les soignants", a déclaré sur la '
            "radio RCI Guadeloupe le directeur du CHU, Gérard Colin.",
            "Gérard Colin",
            id="station-letters-then-role-and-name",
        ),
    ],
)
def test_an_incise_s_subject_comes_after_its_adjuncts_not_from_the_clause_before(ex, text, speaker):
    (claim,) = run(ex, text)
    assert claim.speaker == speaker, claim


def test_an_incise_between_auxiliary_and_participle_keeps_the_subject(ex):
    text = (
        "La directrice de l'hôpital, Anne Vidal, a présenté le bilan de l'année. Elle a, "
        "dans le même cadre, rappelé que les urgences ont accueilli deux fois plus de patients."
    )
    claim = next(c for c in run(ex, text) if c.cue == "rappeler")
    assert (claim.speaker, claim.speaker_mention) == ("Anne Vidal", "Elle"), claim


def test_a_gerund_cue_takes_the_subject_of_its_sentence_when_the_parse_lost_it(ex):
    text = (
        "En tout cas, Moussa Diop, fondateur du Think tank Horizon Sahel Center met en garde "
        "dans L’Éclaireur en affirmant que « les tensions actuelles mènent tout droit vers la "
        "violence »."
    )
    (claim,) = run(ex, text)
    assert (claim.speaker, claim.cue) == ("Moussa Diop", "affirmer"), claim


@pytest.mark.parametrize(
    "text",
    [
        "Le réseau scolaire «implose», a averti le député de l'opposition, Marc Tremblay.",
        "Le réseau scolaire « implose », a prévenu le député de l'opposition, Marc Tremblay.",
    ],
)
def test_a_one_word_quotation_ending_a_clause_before_an_incise_gives_one_mixed_claim(ex, text):
    (claim,) = run(ex, text)
    assert (claim.kind, claim.speaker) == ("mixed", "Marc Tremblay"), claim
    assert claim.text.startswith("Le réseau scolaire") and claim.text.endswith("»"), claim


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        pytest.param(
            "Le sénateur Paul Rivière a pris la parole pour dénoncer une « humiliation » "
            "sans pareille.",
            "humiliation",
            "Paul Rivière",
            id="pour",
        ),
        pytest.param(
            "La maire, Inès Garrigou, est montée à la tribune afin de dénoncer un « abandon » "
            "de l'État.",
            "abandon",
            "Inès Garrigou",
            id="afin-de",
        ),
    ],
)
def test_an_infinitive_of_purpose_reports_what_its_subject_says(ex, text, quoted, speaker):
    (claim,) = run(ex, text)
    assert (claim.kind, claim.text, claim.speaker) == ("direct", quoted, speaker), claim


def test_an_infinitive_that_is_not_a_purpose_reports_nothing(ex):
    assert run(ex, "Le but de la réunion était de dénoncer une « humiliation ».") == []


def test_a_gerund_s_speaker_is_the_subject_of_the_verb_before_it(ex):
    text = (
        "La négociatrice Amina Kariuki a salué samedi «un premier pas», tout en rappelant que "
        "les besoins du continent sont estimés à plus de 2800 milliards de dollars."
    )
    claim = next(c for c in run(ex, text) if c.cue == "rappeler")
    assert claim.speaker == "Amina Kariuki", claim


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        pytest.param(
            "« L'accord sera signé lundi », a déclaré le ministre à la télévision d'État.",
            ("télévision d'État",),
            id="state-television",
        ),
        pytest.param(
            "Le ministre Paul Dossa a fait part de son mécontentement au cours de son passage "
            "sur une émission de la télévision nationale. « Le classement est injuste », "
            "a-t-il déclaré.",
            ("télévision nationale",),
            id="a-programme-of-the-national-television",
        ),
        pytest.param(
            "Le porte-parole, Issa Traoré, a dénoncé sur la télévision nationale RTB « des "
            "campagnes de dénigrement ».",
            ("RTB",),
            id="named-after-what-it-is",
        ),
    ],
)
def test_a_state_broadcaster_named_by_what_it_is_is_a_source(ex, text, sources):
    (claim,) = run(ex, text)
    assert claim.sources == sources, claim


def test_a_party_noun_redescribes_the_person_of_the_passage(ex):
    text = (
        "Le gouvernement « se trompe » s'il croit la réforme acquise, a affirmé mardi le "
        "premier secrétaire du parti, Marc Delvaux, sur France Inter.\n\n"
        "« Nous pouvons très bien voter la censure », a averti le socialiste."
    )
    claim = next(c for c in run(ex, text) if c.cue == "avertir")
    assert (claim.speaker, claim.speaker_type, claim.sources) == (
        "Marc Delvaux",
        "person",
        ("France Inter",),
    ), claim


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        pytest.param(
            "Le Maroc a dit mardi avoir conclu un nouvel accord de pêche avec l'Union européenne.",
            "avoir conclu un nouvel accord de pêche avec l'Union européenne",
            "dire",
            id="time-word-before-the-infinitive",
        ),
        pytest.param(
            "La présidente Aïcha Benali a lancé un appel clair à cesser tout soutien aux milices.",
            "cesser tout soutien aux milices",
            "lancer un appel",
            id="a-call-with-an-adjective",
        ),
    ],
)
def test_infinitive_content_after_time_words_and_call_locutions(ex, text, content, cue):
    (claim,) = run(ex, text)
    assert (claim.kind, claim.text, claim.cue) == ("indirect", content, cue), claim


def test_a_threat_brandished_frames_its_quoted_words(ex):
    text = "Les syndicats ont prévenu l'exécutif, brandissant la menace d'un conflit « majeur »."
    claim = next(c for c in run(ex, text) if c.cue == "brandir la menace")
    assert (claim.kind, claim.text, claim.speaker) == ("direct", "majeur", "syndicats"), claim


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "La tempête faiblira dans la nuit, a indiqué Météo-France dans son bulletin.",
            "Météo-France",
            id="hyphenated-organisation",
        ),
        pytest.param(
            "La Maison-Blanche a jugé « inacceptable » la décision du tribunal.",
            "Maison-Blanche",
            id="hyphenated-subject",
        ),
        pytest.param(
            "Le gouvernement se trompe, a affirmé mardi leur Premier secrétaire Olivier Fauré.",
            "Olivier Fauré",
            id="capitalised-title-word",
        ),
    ],
)
def test_names_are_not_cut_at_a_hyphen_nor_found_in_a_title_word(ex, text, speaker):
    (claim,) = run(ex, text)
    assert claim.speaker == speaker, claim


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        pytest.param(
            "Les cheminots sont appelés par les syndicats à voter contre la réforme ferroviaire.",
            "voter contre la réforme ferroviaire",
            "syndicats",
            id="appeler-a",
        ),
        pytest.param(
            "Le candidat a été vivement conseillé par ses proches de ne pas s'allier avec le "
            "président sortant.",
            "ne pas s'allier avec le président sortant",
            "ses proches",
            id="conseiller-de",
        ),
    ],
)
def test_a_passive_request_s_agent_asks_for_its_infinitive(ex, text, content, speaker):
    (claim,) = run(ex, text)
    assert (claim.text, claim.speaker) == (content, speaker), claim


def test_a_passive_request_without_agent_is_no_claim(ex):
    assert run(ex, "Les visiteurs sont invités à garer leur voiture sur le parking.") == []


def test_a_complement_in_an_introduction_does_not_keep_an_adjective_description_away(ex):
    text = (
        "C'est ce qu'a déclaré Marc Delorme, conseiller du président sénégalais, lors d'une "
        "conversation avec un journaliste. « Si le plan avance, M. Kessler en sera le "
        "principal rédacteur », a affirmé Delorme.\nLe conseiller présidentiel a souligné "
        "que la présence de Kessler à la réunion était « très opportune »."
    )
    claim = next(c for c in run(ex, text) if c.cue == "souligner")
    assert (claim.speaker, claim.speaker_type) == ("Marc Delorme", "person"), claim
