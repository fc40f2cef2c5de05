"""One identity per person (`talkclaims.lang.people`): transliterations, honorifics, roles,
and grouping within an article, over the shipped ``patterns/speakers.yaml``; no model."""

from __future__ import annotations

import pytest

from talkclaims.lang.patterns import load_patterns, shipped_patterns
from talkclaims.lang.people import SpeakerIndex, name_key

PATTERNS = shipped_patterns()
INDEX = SpeakerIndex(PATTERNS)
FOLDS = PATTERNS.grammar.transliteration_folds


def known(name: str) -> str | None:
    person = INDEX.known(name)
    return person.name if person else None


# --- name_key -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling", ["Iouri Ouchakov", "Youri Ouchakov", "Yuri Ushakov", "Iouri Ouchakoff"]
)
def test_name_key_folds_transliterations_together(spelling: str) -> None:
    assert name_key(spelling, FOLDS) == name_key("Yuri Ushakov", FOLDS)


def test_name_key_drops_accents_case_punctuation_and_doubled_letters() -> None:
    assert name_key("Sergueï Lavrov", FOLDS) == name_key("SERGUEI LAVROV", FOLDS)
    assert name_key("Steve Witkoff", FOLDS) == name_key("Steve Witkof", FOLDS)
    assert name_key("Masson-Delmotte", FOLDS) == name_key("Masson Delmotte", FOLDS)
    assert name_key("  Jean   Dupont ", FOLDS) == name_key("Jean Dupont", FOLDS)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Peskov", FOLDS) != name_key("Lavrov", FOLDS)
    assert name_key("Ivan Ouchakov", FOLDS) != name_key("Yuri Ushakov", FOLDS)


def test_name_key_applies_only_the_folds_it_is_given() -> None:
    assert name_key("Ouchakov", ()) != name_key("Ushakov", ())
    assert name_key("Ouchakov", (("ch", "sh"), ("ou", "u"))) == name_key("Ushakov", ())


# --- known people -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "Iouri Ouchakov",  # listed
        "Youri Ouchakov",  # listed
        "Yuri Ushakov",  # canonical
        "Iouri Ouchakoff",  # not listed: -off, ou, i/y folded
        "Ouchakoff",  # surname alone, not listed
        "Youri  Ouchakov",  # two spaces
    ],
)
def test_transliterations_find_the_known_person(spelling: str) -> None:
    assert known(spelling) == "Yuri Ushakov"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Sergueï Lavrov", "Sergey Lavrov"),
        ("Serguei Lavrov", "Sergey Lavrov"),  # not listed: accents folded
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Sergueï Choïgou", "Sergei Shoigu"),
        ("Steve Witkof", "Steve Witkoff"),
        ("Volodymyr Zelenskyi", "Volodymyr Zelensky"),
        ("J. Vance", "J. D. Vance"),  # an initial of a known first name
        ("J.D. Vance", "J. D. Vance"),
    ],
)
def test_other_known_people(spelling: str, canonical: str) -> None:
    assert known(spelling) == canonical


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("M. Dmitriev", "Kirill Dmitriev"), ("Mme Zakharova", "Maria Zakharova")],
)
def test_honorifics_are_stripped_before_comparing(written: str, canonical: str) -> None:
    assert known(written) == canonical


def test_strip_honorifics() -> None:
    assert INDEX.strip_honorifics("M. Dmitriev") == "Dmitriev"
    assert INDEX.strip_honorifics("Mme Dr Martin") == "Martin"
    assert INDEX.strip_honorifics("Monsieur") == "Monsieur"  # a word alone is kept
    assert INDEX.strip_honorifics("Kirill Dmitriev") == "Kirill Dmitriev"


@pytest.mark.parametrize("name", ["Ivan Ouchakov", "Boris Peskov", "Alexeï Dmitriev"])
def test_a_different_first_name_is_someone_else(name: str) -> None:
    assert INDEX.known(name) is None


def test_unknown_names_are_unknown() -> None:
    assert INDEX.known("Jean Dupont") is None
    assert INDEX.known("") is None
    assert INDEX.known("M.") is None


def test_same_person() -> None:
    assert INDEX.same_person("Iouri Ouchakov", "Yuri Ushakov")
    assert INDEX.same_person("M. Dmitriev", "Kirill Dmitriev")
    assert not INDEX.same_person("Yuri Ushakov", "Dmitri Peskov")
    assert not INDEX.same_person("Ivan Ouchakov", "Ouchakov")
    # only known people are compared: two unknown names are never one known person
    assert not INDEX.same_person("Jean Dupont", "Jean Dupont")


# --- descriptions ----------------------------------------------------------------------------


def test_the_roles_used_here_are_in_speakers_yaml() -> None:
    people = {p.name: p for p in PATTERNS.speakers}
    assert "porte-parole du Kremlin" in people["Dmitry Peskov"].roles
    assert "émissaire économique du Kremlin" in people["Kirill Dmitriev"].roles
    assert "chef de l’État" in people["Emmanuel Macron"].roles


@pytest.mark.parametrize(
    ("description", "canonical"),
    [
        ("le porte-parole du Kremlin", "Dmitry Peskov"),
        ("Le porte-parole du Kremlin", "Dmitry Peskov"),
        ("porte-parole du Kremlin", "Dmitry Peskov"),
        ("le  porte-parole\u00a0du Kremlin", "Dmitry Peskov"),
        ("l'émissaire économique du Kremlin", "Kirill Dmitriev"),
        ("l’émissaire économique du Kremlin", "Kirill Dmitriev"),
        ("le chef de l'État", "Emmanuel Macron"),
        ("le chef de l'Etat", "Emmanuel Macron"),
    ],
)
def test_by_description_finds_the_person_a_role_names(description: str, canonical: str) -> None:
    person = INDEX.by_description(description)
    assert person is not None and person.name == canonical


@pytest.mark.parametrize(
    "description",
    [
        "un porte-parole du Kremlin",  # indefinite: someone, not the one
        "le maire",  # an office no known person holds
        "le porte-parole du Kremlin, Dmitri Peskov",  # not a role alone
    ],
)
def test_by_description_is_none_for_other_descriptions(description: str) -> None:
    assert INDEX.by_description(description) is None


#: The documentation's example of a user's speakers.yaml (docs/patterns.md), plus a known
#: hyphenated surname.
USER_SPEAKERS = (
    "speakers:\n"
    "  - name: Jeanne Martin-Leroy\n"
    "    aliases: [Jeanne Martin, Mme Martin-Leroy]\n"
    "    roles: [porte-parole de l'Agence spatiale]\n"
    "  - name: Valérie Masson-Delmotte\n"
    "  - name: Claire Vasseur\n"
    "  - name: Paul Vasseur\n"
)


@pytest.fixture(scope="module")
def user_index(tmp_path_factory: pytest.TempPathFactory) -> SpeakerIndex:
    folder = tmp_path_factory.mktemp("mine")
    (folder / "speakers.yaml").write_text(USER_SPEAKERS, encoding="utf-8")
    return SpeakerIndex(load_patterns([folder]))


def test_people_of_a_user_folder(user_index: SpeakerIndex) -> None:
    person = user_index.by_description("la porte-parole de l’Agence spatiale")
    assert person is not None and person.name == "Jeanne Martin-Leroy"
    assert user_index.canonical("Jeanne Martin") == "Jeanne Martin-Leroy"
    assert user_index.canonical("Valérie Masson-Delmotte") == "Valérie Masson-Delmotte"
    assert INDEX.by_description("la porte-parole de l'Agence spatiale") is None
    assert INDEX.known("Jeanne Martin") is None


def test_a_surname_two_known_people_share_is_neither(user_index: SpeakerIndex) -> None:
    assert user_index.known("Mme Vasseur") is None
    assert user_index.known("Vasseur") is None
    claire = user_index.known("Claire Vasseur")
    assert claire is not None and claire.name == "Claire Vasseur"
    assert not user_index.same_person("Claire Vasseur", "Paul Vasseur")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mme Martin-Leroy", "Jeanne Martin-Leroy"),  # an alias of the documentation's example
        ("Martin-Leroy", "Jeanne Martin-Leroy"),
        ("Masson-Delmotte", "Valérie Masson-Delmotte"),
        ("Mme Masson-Delmotte", "Valérie Masson-Delmotte"),
        ("J. Martin-Leroy", "Jeanne Martin-Leroy"),  # an initial
    ],
)
def test_a_hyphenated_surname_alone_is_its_known_person(
    user_index: SpeakerIndex, written: str, canonical: str
) -> None:
    assert user_index.canonical(written) == canonical


def test_a_hyphenated_surname_with_another_first_name_is_someone_else(
    user_index: SpeakerIndex,
) -> None:
    assert user_index.known("Claire Martin-Leroy") is None
    assert user_index.known("Marc Masson-Delmotte") is None
    assert user_index.canonical("Marc Masson-Delmotte") == "Marc Masson-Delmotte"


# --- canonical names within an article -----------------------------------------------------


def test_canonical_of_a_known_person_whatever_the_article() -> None:
    assert INDEX.canonical("Iouri Ouchakov") == "Yuri Ushakov"
    assert INDEX.canonical("M. Dmitriev") == "Kirill Dmitriev"
    assert INDEX.canonical("Lavrov", ["Ivan Lavrov"]) == "Sergey Lavrov"


def test_an_unknown_surname_takes_the_fullest_form_in_the_article() -> None:
    names = ["M. Dupont", "Jean-Pierre Dupont", "Claire Vasseur"]
    assert INDEX.canonical("M. Dupont", names) == "Jean-Pierre Dupont"
    assert INDEX.canonical("Dupont", names) == "Jean-Pierre Dupont"
    assert INDEX.canonical("Dupont", ["Jean Dupont", "Jean Marc Dupont"]) == "Jean Marc Dupont"
    assert INDEX.canonical("Mme Vasseur", names) == "Claire Vasseur"


def test_an_unknown_name_alone_in_its_article_stays_as_written_without_honorific() -> None:
    assert INDEX.canonical("Mme Verlaine") == "Verlaine"
    assert INDEX.canonical("Mme Verlaine", ["Paul Martin"]) == "Verlaine"
    assert INDEX.canonical("Boris Peskov") == "Boris Peskov"


def test_a_first_name_alone_is_its_only_bearer_in_the_article() -> None:
    assert INDEX.canonical("Catherine", ["Catherine Verlaine", "Paul Martin"]) == (
        "Catherine Verlaine"
    )
    assert INDEX.canonical("Catherine", ["Catherine Verlaine", "Catherine Martin"]) == "Catherine"
