"""Shapes of real news the first rules missed (issue 13), on sentences written for them.

Each test is a general shape: the quotation-first path (quotations with no reporting
verb), layouts (digests, interviews), the wider lexicon, verbs the tagger misreads,
and false triggers that must stay silent.
"""

from __future__ import annotations

import pytest

from talkclaims.run.extract import Extractor
from tests.rules.test_rules import Exp, check, run


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def one(ex: Extractor, text: str, exp: Exp, rule: str | None = None) -> None:
    claims = run(ex, text)
    found = [c for c in claims if exp.text in c.text]
    assert found, claims
    check(found[0], exp)
    if rule is not None:
        assert found[0].rule == rule, found[0]


# ----------------------------------------------------------- quotation-first path
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "La directrice de l'école a regardé les familles : « Aucune classe ne "
            "fermera à la rentrée. »",
            Exp("direct", "Aucune classe ne fermera à la rentrée.", "directrice de l'école", None),
            id="colon-after-a-gesture",
        ),
        pytest.param(
            "Le sélectionneur a haussé les épaules : « On verra bien samedi. »",
            Exp("direct", "On verra bien samedi.", "sélectionneur", None),
            id="colon-after-a-shrug",
        ),
        pytest.param(
            "Paul Girardin, le capitaine des Bleus : « Il nous a manqué de la lucidité. »",
            Exp("direct", "Il nous a manqué de la lucidité.", "Paul Girardin", None),
            id="name-and-apposition-before-a-colon",
        ),
    ],
)
def test_a_quotation_after_a_colon_is_the_words_of_the_clause_before(ex, text, exp):
    one(ex, text, exp, "verbless-quote")


def test_a_verbless_quotation_goes_on_with_the_subject_of_the_sentence_before(ex):
    text = (
        "Invitée de la matinale, la ministre de la Culture a défendu son budget. "
        "« Nous ne toucherons pas aux théâtres. » Elle a ajouté que les musées seraient "
        "épargnés."
    )
    one(
        ex,
        text,
        Exp("direct", "Nous ne toucherons pas aux théâtres.", "ministre de la Culture", None),
    )


def test_a_quotation_opening_a_paragraph_is_the_person_the_next_sentence_names(ex):
    text = (
        "« Je peins comme on respire, sans y penser. » La formule amuse Odile Fenwick, "
        "installée dans son atelier de Montreuil depuis vingt ans."
    )
    one(ex, text, Exp("direct", "Je peins comme on respire, sans y penser.", "Odile Fenwick", None))


def test_first_person_quotations_of_a_portrait_stay_with_its_person(ex):
    text = (
        "Gaëlle Moreau-Sand a repris la boulangerie de son grand-père en 2019. « J'ai "
        "appris le métier la nuit, en regardant faire », raconte-t-elle.\n\n"
        "Les débuts ont été difficiles. Les banques refusaient de suivre. « J'ai dormi "
        "trois ans dans le fournil. Je ne le regrette pas. »"
    )
    claims = run(ex, text)
    last = [c for c in claims if "dormi" in c.text]
    assert last and last[0].speaker == "Gaëlle Moreau-Sand", claims


def test_words_presented_as_words_with_no_speaker_are_reported_without_one(ex):
    # (« a-t-on appris auprès de la préfecture » names a speaker: see test_printed_news)
    text = "« Rien n'est décidé à ce stade », a-t-on entendu à la sortie de la réunion."
    (claim,) = run(ex, text)
    assert (claim.kind, claim.speaker, claim.rule) == ("direct", None, "unattributed-quote")
    assert claim.text == "Rien n'est décidé à ce stade"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Le réalisateur présentera son film « La nuit est tombée sur la ville » à Cannes.",
            id="a-title-after-film",
        ),
        pytest.param(
            "Le gouvernement a lancé l'opération « Tous en selle pour aller au travail » en mars.",
            id="an-operation-name",
        ),
        pytest.param(
            "Tout repose sur la vague promesse d'un « dialogue qui sera mené entre les "
            "deux rives ».",
            id="a-phrase-inside-a-noun-phrase",
        ),
        pytest.param("Le « chien qui n'a pas aboyé » intrigue les enquêteurs.", id="det-quote"),
    ],
)
def test_titles_names_and_phrases_in_noun_phrases_are_not_claims(ex, text):
    assert run(ex, text) == []


@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "« C'est une erreur historique », juge Marie Dupont, sénatrice de l'Isère.",
            Exp("direct", "C'est une erreur historique", "Marie Dupont", "juger"),
            id="verb-read-as-a-noun",
        ),
        pytest.param(
            "« Ils ont joué avec le feu », tacle l'ancien président du club.",
            Exp("direct", "Ils ont joué avec le feu", "président du club", "tacler", exact=True),
            id="tacler",
        ),
    ],
)
def test_an_incise_after_a_quotation_attributes_it_whatever_its_verb(ex, text, exp):
    claims = run(ex, text)
    assert claims, text
    c = claims[0]
    assert (c.kind, c.text, c.cue) == (exp.kind, exp.text, exp.cue)
    assert exp.speaker in (c.speaker or "")


# ---------------------------------------------------------------------- layouts
DIGEST = (
    "Les réactions après la défaite du FC Meyrin.\n\n"
    "Hugo Barrault (entraîneur de Meyrin)\n"
    "On a manqué de tout ce soir. Je prends ma part de responsabilité, les joueurs aussi.\n\n"
    "Au micro de la RTS : Kevin Dubuis (capitaine)\n"
    "« On doit se regarder dans les yeux. Ce n'est pas digne de ce maillot. »\n"
)


def test_a_digest_gives_each_paragraph_to_the_person_of_its_label(ex):
    claims = run(ex, DIGEST)
    by_text = {c.text[:20]: c for c in claims}
    coach = next(c for c in claims if c.text.startswith("On a manqué"))
    captain = next(c for c in claims if c.text.startswith("On doit"))
    assert (coach.kind, coach.speaker, coach.rule) == ("direct", "Hugo Barrault", "digest-speech")
    assert captain.speaker == "Kevin Dubuis" and captain.kind == "direct", by_text


INTERVIEW = (
    "Claire Ndiaye : « L'eau sera le grand sujet de la décennie »\n\n"
    "Hydrologue à l'université de Dakar, Claire Ndiaye publie un livre sur les nappes du "
    "Sahel.\n\n"
    "Les nappes baissent-elles vraiment ?\n\n"
    "Oui, et plus vite que prévu. Nous mesurons un recul de deux mètres en dix ans.\n\n"
    "Que peuvent faire les agriculteurs ?\n\n"
    "Irriguer mieux, pas moins. Le goutte-à-goutte a fait ses preuves.\n\n"
    "Et les États ?\n\n"
    "Ils doivent partager les données. Sans chiffres communs, il n'y a pas de politique.\n"
)


def test_each_answer_of_an_interview_is_the_words_of_the_person_interviewed(ex):
    claims = run(ex, INTERVIEW)
    answers = [c for c in claims if c.rule == "interview-answer"]
    assert [c.text[:12] for c in answers] == ["Oui, et plus", "Irriguer mie", "Ils doivent "]
    assert all(c.speaker == "Claire Ndiaye" and c.kind == "direct" for c in answers)
    # the questions are the journalist's
    assert not any(c.text.endswith("?") for c in claims)


def test_subheadings_that_ask_a_question_do_not_make_an_interview(ex):
    text = (
        "Le conseil municipal a voté le budget jeudi.\n\n"
        "Vers une hausse des impôts ?\n\n"
        "La majorité a écarté cette piste. Les taux resteront stables.\n\n"
        "Le débat a duré trois heures. L'opposition a quitté la salle.\n\n"
        "La séance a repris après une pause.\n\n"
        "Le vote est intervenu tard dans la nuit.\n\n"
        "Et ensuite ?\n\n"
        "Le budget sera transmis à la préfecture.\n\n"
        "Le maire a salué un texte équilibré.\n\n"
        "La prochaine séance aura lieu en mars.\n"
    )
    assert [c for c in run(ex, text) if c.rule == "interview-answer"] == []


LABELLED_INTERVIEW = (
    "« Les rivières n'ont plus d'hiver »\n\n"
    "L'hydrologue Marion Keller suit depuis vingt ans les cours d'eau du Jura.\n\n"
    "Le Temps : Les étiages arrivent-ils plus tôt ?\n\n"
    "Marion Keller : Oui, de trois semaines en moyenne. Nous le mesurons partout.\n\n"
    "Le Temps : Certains élus vous trouvent pessimiste.\n\n"
    "Marion Keller : Je lis des courbes. Un pêcheur de Saint-Ursanne m'a dit : « Je "
    "n'ai jamais vu le Doubs aussi bas. » Les courbes disent la même chose.\n\n"
    "Le Temps : Que faut-il faire ?\n\n"
    "Marion Keller : Garder l'eau en amont, et vite.\n"
)


def test_a_labelled_interview_gives_each_answer_without_its_label(ex):
    claims = run(ex, LABELLED_INTERVIEW)
    answers = [c for c in claims if c.rule == "interview-answer"]
    assert [c.text[:10] for c in answers] == ["Oui, de tr", "Je lis des", "Garder l'e"]
    assert all(c.speaker == "Marion Keller" for c in answers), answers
    # the outlet whose label asks the questions is the answers' source
    assert all(c.sources == ("Le Temps",) for c in answers), answers
    # an interviewer's turn with no question mark is not an answer
    assert not any("pessimiste" in c.text for c in answers), answers


def test_a_quotation_inside_an_answer_is_kept_beside_it(ex):
    claims = run(ex, LABELLED_INTERVIEW)
    inner = next(c for c in claims if c.text.startswith("Je n'ai jamais vu"))
    assert inner.speaker == "Un pêcheur de Saint-Ursanne" and inner.rule != "interview-answer"
    outer = next(c for c in claims if c.text.startswith("Je lis des"))
    assert outer.start < inner.start and inner.end < outer.end


def test_a_short_interviewer_turn_without_a_question_mark_is_not_an_answer(ex):
    text = (
        "Paul Mercier : « Le vélo n'est pas un loisir »\n\n"
        "Urbaniste à Lyon, Paul Mercier a dessiné le réseau cyclable de la métropole.\n\n"
        "Les pistes sont-elles assez larges ?\n\n"
        "Non. Nous avons construit pour 2010, pas pour 2030.\n\n"
        "Les commerçants redoutent la fin du stationnement.\n\n"
        "Je les comprends, mais leurs clients viennent à pied.\n\n"
        "Et l'hiver ? La fréquentation chute de moitié.\n\n"
        "Elle chute, oui. Mais elle remonte chaque année.\n\n"
        "Quel est votre prochain chantier ?\n\n"
        "Les gares. On y arrive encore mal à vélo.\n"
    )
    answers = [c for c in run(ex, text) if c.rule == "interview-answer"]
    assert [c.text[:10] for c in answers] == [
        "Non. Nous ",
        "Je les com",
        "Elle chute",
        "Les gares.",
    ]


# ------------------------------------------------------------ lexicon and verbs
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "La syndicaliste relève que les salaires stagnent depuis trois ans.",
            Exp("indirect", "les salaires stagnent depuis trois ans", "syndicaliste", "relever"),
            id="relever",
        ),
        pytest.param(
            "Le rapporteur préconise que les horaires soient allégés.",
            Exp("indirect", "les horaires soient allégés", "rapporteur", "préconiser"),
            id="préconiser",
        ),
        pytest.param(
            "Craignant une pénurie, Aline Perret s'alarme que les stocks ne tiennent pas l'hiver.",
            Exp("indirect", "les stocks ne tiennent pas l'hiver", "Aline Perret", "alarmer"),
            id="s-alarmer",
        ),
        pytest.param(
            "Les agriculteurs craignent d'être oubliés par le plan de relance.",
            Exp("indirect", "être oubliés par le plan de relance", "agriculteurs", "craindre"),
            id="craindre-de",
        ),
    ],
)
def test_the_wider_lexicon(ex, text, exp):
    one(ex, text, exp)


def test_a_narrative_infinitive_before_a_quotation_reports_the_whole_quotation(ex):
    text = "Jeanne Roussel a salué les bénévoles. Et d'ajouter : « Ce n'est qu'un début. »"
    claims = run(ex, text)
    quoted = [c for c in claims if "début" in c.text]
    assert quoted and quoted[0].text == "Ce n'est qu'un début." and quoted[0].kind == "direct"


# ----------------------------------------------------------------- false triggers
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Personne n'a dit que la réforme serait simple.", id="negative-subject"),
        pytest.param("Aucun ministre n'a confirmé que le texte serait retiré.", id="aucun"),
        pytest.param("Il ne fait que répéter les mêmes arguments depuis mardi.", id="ne-que"),
        pytest.param(
            "La séance de l'après-midi a été annulée, d'après-midi en soirée.",
            id="d-apres-midi",
        ),
    ],
)
def test_false_triggers_stay_silent(ex, text):
    assert run(ex, text) == []


# ------------------------------------------------------------------------ outlets
def test_an_interview_outlet_credits_the_claims_of_that_interview_that_follow(ex):
    text = (
        "Invitée de la matinale de France Inter mardi, Clara Vidal a défendu sa réforme.\n\n"
        "Elle a assuré que le texte serait voté avant l'été. « Nous avons les voix », "
        "a-t-elle ajouté.\n\n"
        "Le député Marc Ollier a répliqué que rien n'était joué."
    )
    claims = run(ex, text)
    vidal = [c for c in claims if c.speaker == "Clara Vidal"]
    assert len(vidal) == 2 and all(c.sources == ("France Inter",) for c in vidal), claims
    other = [c for c in claims if c.speaker == "Marc Ollier"]
    assert other and other[0].sources == (), claims


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        pytest.param(
            "Le ministre a annoncé sur Telegram que les écoles rouvriraient lundi.",
            "Telegram",
            id="platform",
        ),
        pytest.param(
            "Selon la Neue Zürcher Zeitung, le Conseil fédéral hésite encore.",
            "Neue Zürcher Zeitung",
            id="swiss-paper",
        ),
        pytest.param(
            "Le gouverneur a déclaré à Radio Okapi que la situation était sous contrôle.",
            "Radio Okapi",
            id="african-radio",
        ),
    ],
)
def test_outlets_of_the_whole_french_speaking_press_and_platforms(ex, text, outlet):
    claims = run(ex, text)
    assert claims and outlet in claims[0].sources, claims


def test_a_name_with_an_apposition_before_the_verb_is_its_subject_not_an_incise(ex):
    text = "Au deuxième jour du procès, Lucas Ferrand, 34 ans, a expliqué qu'il avait paniqué."
    (claim,) = run(ex, text)
    assert (claim.text, claim.speaker, claim.rule) == (
        "il avait paniqué",
        "Lucas Ferrand",
        "cue-que",
    )


def test_each_quotation_of_a_complement_is_a_claim_and_adjuncts_may_come_between(ex):
    text = (
        "L'avocate générale a dénoncé jeudi devant la cour d'assises du Gard un « homme "
        "dangereux » qui aurait « tout prémédité » depuis des mois."
    )
    claims = run(ex, text)
    assert [c.text for c in claims] == ["homme dangereux", "tout prémédité"], claims
    assert all(c.cue == "dénoncer" and c.kind == "direct" for c in claims)


def test_a_negative_subject_set_off_by_commas_still_negates(ex):
    assert run(ex, "Personne, à la mairie, n'a affirmé que le chantier démarrerait.") == []


# ----------------------------------------------------------------------- speakers
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Claire Petit, la ministre du Travail, a reçu Paul Morel, le président de la "
            "région. Il a déclaré que l'accord était proche.",
            "Paul Morel",
            id="il-skips-a-woman",
        ),
        pytest.param(
            "M. Paul Morel a reçu Mme Claire Petit à la préfecture. Elle a déclaré que "
            "l'accord était proche.",
            "Claire Petit",
            id="elle-skips-a-man",
        ),
    ],
)
def test_a_pronoun_agrees_in_gender_with_its_antecedent(ex, text, speaker):
    claims = run(ex, text)
    assert [c.speaker for c in claims] == [speaker], claims


def test_selon_with_a_possessive_is_the_person_of_the_passage(ex):
    text = (
        "« La fonte a doublé », reconnaît la glaciologue Anne Roy. Selon ses calculs, "
        "le glacier aura disparu en 2060."
    )
    claims = run(ex, text)
    last = [c for c in claims if "glacier" in c.text]
    assert last and last[0].speaker == "Anne Roy", claims


def test_the_noun_phrase_between_the_last_comma_and_the_verb_is_the_subject(ex):
    text = (
        "Dans son bulletin publié mercredi, Santé publique France indique que l'épidémie progresse."
    )
    (claim,) = run(ex, text)
    assert claim.speaker == "Santé publique France", claim


def test_a_quotation_ending_a_clause_before_a_postposed_cue_gives_one_mixed_claim(ex):
    text = 'Le sommet a été "utile", ont jugé Paul Morel et Claire Duval.'
    (claim,) = run(ex, text)
    assert (claim.kind, claim.text, claim.cue) == ("mixed", 'Le sommet a été "utile"', "juger")
    assert claim.speaker == "Paul Morel et Claire Duval"


def test_coordinated_speakers_are_one_speaker(ex):
    text = "Paul Morel et Claire Duval ont estimé que le sommet avait été utile."
    (claim,) = run(ex, text)
    assert claim.speaker == "Paul Morel et Claire Duval"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param(
            "Le ministre a voulu ajouter que rien n'était décidé.", "ajouter", id="vouloir"
        ),
        pytest.param(
            "La maire a tenu à préciser que la piscine rouvrirait en mai.", "préciser", id="tenir-à"
        ),
    ],
)
def test_a_verb_still_reports_after_a_completed_vouloir_or_tenir_a(ex, text, cue):
    (claim,) = run(ex, text)
    assert claim.cue == cue and claim.kind == "indirect"


def test_a_conditional_vouloir_stays_hypothetical(ex):
    assert run(ex, "Le ministre voudrait ajouter que rien n'est décidé.") == []


def test_an_anonymous_source_credited_to_an_outlet_is_the_speaker_and_the_outlet_the_source(ex):
    (claim,) = run(ex, "Une source CNN a déclaré que les négociations reprendraient lundi.")
    assert claim.speaker == "Une source CNN" and claim.sources == ("CNN",)


def test_a_pronoun_can_point_at_a_described_person(ex):
    text = "Un élu local ne décolère pas. « On nous prend pour des idiots », ironise-t-il."
    (claim,) = run(ex, text)
    assert claim.speaker == "Un élu local"


def test_the_outlet_s_own_reporting_is_not_a_claim(ex):
    assert run(ex, "Selon nos informations, le ministre va démissionner.") == []


def test_an_interview_given_to_a_paper_named_with_a_contracted_article_credits_it(ex):
    text = (
        "Dans un entretien accordé au Monde jeudi, Hugo Lenoir a défendu son projet. "
        "Il a assuré que les travaux commenceraient en mars."
    )
    claims = run(ex, text)
    assert claims and all(c.sources == ("Le Monde",) for c in claims), claims


def test_a_quotation_after_a_colon_takes_the_reporting_verb_of_its_clause(ex):
    text = (
        "Le sélectionneur, Patrice Lanoë, savoure au micro de beIN Sports : « On a souffert "
        "ensemble. »"
    )
    (claim,) = run(ex, text)
    assert (claim.speaker, claim.cue) == ("Patrice Lanoë", "savourer"), claim


def test_an_interview_s_credit_goes_to_the_claim_whose_sentence_names_it(ex):
    text = (
        "« Nous voulons une défense forte », a résumé Paul Haller dans un entretien au "
        "quotidien Handelsblatt.\n\n"
        "La ministre française, Mathilde Royer, a répliqué que le projet était cohérent."
    )
    claims = run(ex, text)
    royer = [c for c in claims if c.speaker == "Mathilde Royer"]
    assert royer and royer[0].sources == (), claims


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Le sélectionneur, Alain Mbarga, a publié sa liste. Elle compte Samuel Eto, 19 "
            "ans. Face à la presse, le technicien n'a pas éludé les critiques. « Nous avons "
            "manqué d'humilité », a-t-il reconnu.",
            "Alain Mbarga",
            id="a-described-subject-before-the-pronoun",
        ),
        pytest.param(
            "La veille, l'expert, le commandant Luc Bernier, avait confirmé que le feu était "
            "accidentel. Face à lui, l'avocate de la défense, Me Hélène Marchal, a plaidé la "
            "relaxe. Elle a contesté ses conclusions, soutenant que des travaux expliquaient "
            "le départ de feu.",
            "Hélène Marchal",
            id="a-description-with-its-apposed-name",
        ),
        pytest.param(
            "Sceptique, le neurologue Pierre Oberlin estime que l'étude a des limites. « Elle "
            "ne clôt pas le débat », a-t-il confié.",
            "Pierre Oberlin",
            id="the-speaker-of-the-claim-just-before",
        ),
    ],
)
def test_a_pronoun_finds_the_person_the_passage_is_about(ex, text, speaker):
    claims = run(ex, text)
    assert claims and claims[-1].speaker == speaker, claims


def test_a_narrative_infinitive_speaks_for_the_speaker_before(ex):
    text = (
        "« Dix-huit mois sans piscine, c'est trop », s'est alarmée Nadia Kessous. Et "
        "d'ajouter : « D'autres communes l'ont fait. Pourquoi pas nous ? »"
    )
    claims = run(ex, text)
    last = [c for c in claims if "communes" in c.text]
    assert last and last[0].speaker == "Nadia Kessous" and last[0].cue == "ajouter", claims


def test_an_inverted_clitic_the_parser_split_is_still_the_speaker(ex):
    text = (
        "Le président de la fédération, Laurent Aubry, se félicite d'une hausse des "
        "ventes. « C'est une vraie réussite », glisse-t-il."
    )
    claims = run(ex, text)
    assert claims and claims[-1].speaker_mention == "il", claims


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            'Budget 2027 : "Nous ne vivrons plus à crédit" (Cheikh Tidiane Ndour)\n\n'
            "Le ministre des Finances, Cheikh Tidiane Ndour, a présenté son budget.",
            "Cheikh Tidiane Ndour",
            id="name-in-brackets",
        ),
        pytest.param(
            "Réforme des statuts : « On ne joue pas avec nos carrières », avertit la CGSP\n\n"
            "Le syndicat a déposé un préavis de grève.",
            "CGSP",
            id="incise-with-an-organisation",
        ),
    ],
)
def test_headlines_that_credit_their_words(ex, text, speaker):
    claims = run(ex, text)
    assert claims and claims[0].line == 1 and claims[0].speaker == speaker, claims


def test_a_wish_about_oneself_is_not_a_claim(ex):
    text = (
        "Un habitant, qui souhaite rester anonyme, a raconté que l'eau était montée en une heure."
    )
    claims = run(ex, text)
    assert [c.cue for c in claims] == ["raconter"], claims


def test_an_adverb_inside_an_inversion_and_adjuncts_before_que(ex):
    claims = run(
        ex,
        "Paul Roche est resté ferme. « Nous ne lâcherons rien », a-t-il cependant prévenu. "
        "Il a déclaré mardi devant la presse que le texte serait retiré.",
    )
    assert [(c.speaker, c.cue) for c in claims] == [
        ("Paul Roche", "prévenir"),
        ("Paul Roche", "déclarer"),
    ], claims


def test_a_verb_read_as_a_noun_after_a_relative_clause(ex):
    text = (
        "Un distributeur romand, qui souhaite garder l'anonymat, juge que le palmarès "
        "récompense une intention."
    )
    claims = run(ex, text)
    assert [(c.cue, c.speaker) for c in claims] == [("juger", "Un distributeur romand")]


# ------------------------------------------------------ speakers of real news (2)
@pytest.mark.parametrize(
    ("text", "exp"),
    [
        pytest.param(
            "Un proche du dossier glisse que le vote pourrait être reporté d'un mois.",
            Exp(
                "indirect",
                "le vote pourrait être reporté d'un mois",
                "Un proche du dossier",
                "glisser",
            ),
            id="verb-read-as-a-modifier-of-the-complement",
        ),
        pytest.param(
            "Un cadre d'une des usines concernées glisse que l'accord est prêt.",
            Exp("indirect", "l'accord est prêt", "Un cadre d'une des usines concernées", "glisser"),
            id="verb-read-as-a-modifier-of-a-nested-complement",
        ),
        pytest.param(
            "Ma grand-mère, quand je suis parti à Montréal, m'a dit : « Reviens vite. »",
            Exp("direct", "Reviens vite.", "Ma grand-mère", "dire"),
            id="subject-before-a-when-clause-not-the-object-clitic",
        ),
        pytest.param(
            "À la direction de l'hôpital, on assure que les urgences resteront ouvertes.",
            Exp("indirect", "les urgences resteront ouvertes", "direction de l'hôpital", "assurer"),
            id="on-after-a-place",
        ),
        pytest.param(
            "Chez le constructeur, on explique que la chaîne a été arrêtée par précaution.",
            Exp("indirect", "la chaîne a été arrêtée par précaution", "constructeur", "expliquer"),
            id="on-after-chez",
        ),
    ],
)
def test_speaker_words_of_real_news(ex, text, exp):
    one(ex, text, exp)


def test_on_alone_stays_as_written(ex):
    claims = run(ex, "Dans la salle, on murmure que le verdict tombera ce soir.")
    assert [c.speaker for c in claims] in ([], ["on"]), claims


def test_the_same_source_is_the_source_quoted_just_before(ex):
    text = (
        "Au vestiaire, selon un cadre de l'équipe cité par Ouest-France, le ton est resté "
        "« posé ». Personne n'a parlé de démission, affirme la même source."
    )
    claims = run(ex, text)
    first = next(c for c in claims if "posé" in c.text)
    assert first.text == "le ton est resté « posé »", first
    assert first.speaker == "un cadre de l'équipe", first
    assert first.sources == ("Ouest-France",), first
    second = next(c for c in claims if "démission" in c.text)
    assert second.speaker == first.speaker, second
    assert second.cue == "affirmer", second


def test_a_day_after_a_name_is_not_part_of_the_name(ex):
    # the model's entity runs on over « jeudi »: a name never ends with a day
    claims = run(ex, "« C'est une faute », a dénoncé le sénateur Marc Olivier jeudi.")
    assert [c.speaker for c in claims] == ["Marc Olivier"], claims
