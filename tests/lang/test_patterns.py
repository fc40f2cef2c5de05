"""Rule data (`talkclaims.lang.patterns`, `talkclaims.lang.grammar`): the shipped files,
a user's folder appended to them, errors that name the file and the line, and the values
`Grammar` derives from its word lists. No model is loaded."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
import regex
import yaml

import talkclaims.lang.pattern_folders as pattern_folders
from talkclaims.lang.grammar import WORD_LISTS, Grammar, build_grammar
from talkclaims.lang.patterns import (
    PATTERN_FILES,
    Outlet,
    PatternError,
    Person,
    load_patterns,
    read_rule_data,
    shipped_patterns,
)
from talkclaims.text.sentences import sentences

SHIPPED_DIR = Path(str(resources.files("talkclaims.builtin_patterns")))
#: libyaml when PyYAML has it: these tests parse the shipped files on their own, quickly.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER) or {}


SHIPPED_GRAMMAR = parse(SHIPPED_DIR / "grammar.yaml")

_REAL_READ_YAML: Callable[[Path], dict] = pattern_folders.read_yaml
_SHIPPED_CACHE: dict[Path, dict] = {}


@pytest.fixture(autouse=True)
def shipped_files_parsed_once(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shipped files are parsed once for this module, not once per test.

    PyYAML's pure-Python loader takes about 0.2 s for the five shipped files, and most
    tests here load them with a user folder. User files still go through the real
    reader, so their errors are the real ones; the shipped ones come back as fresh copies
    of what the real reader returned, so no test can change another's data.
    """

    def read_yaml(path: Path) -> dict:
        if path.parent != SHIPPED_DIR:
            return _REAL_READ_YAML(path)
        if path not in _SHIPPED_CACHE:
            _SHIPPED_CACHE[path] = _REAL_READ_YAML(path)
        return copy.deepcopy(_SHIPPED_CACHE[path])

    monkeypatch.setattr(pattern_folders, "read_yaml", read_yaml)
    yield


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def grammar_with(**changes: object) -> Grammar:
    """The shipped grammar with some lists replaced."""
    return build_grammar({**SHIPPED_GRAMMAR, **changes}, Path("grammar.yaml"), lambda key: 1)


# --- the shipped data -----------------------------------------------------------------


def test_every_pattern_file_is_shipped() -> None:
    for name in PATTERN_FILES:
        assert (SHIPPED_DIR / name).is_file(), name


def test_shipped_patterns_load_with_what_the_readme_promises() -> None:
    patterns = load_patterns()
    assert {"déclarer", "affirmer", "estimer"} <= patterns.verbs
    assert ("laisser", "entendre") in patterns.locutions
    assert Outlet("AFP", ("Agence France-Presse", "Agence France Presse", "l'AFP", "l’AFP")) in (
        patterns.outlets
    )
    peskov = next(p for p in patterns.speakers if p.name == "Dmitry Peskov")
    assert isinstance(peskov, Person) and "porte-parole du Kremlin" in peskov.roles
    assert patterns.spellings["Iouri Ouchakov"] == "Yuri Ushakov"
    assert {"M.", "Mme"} <= patterns.honorifics
    assert all(isinstance(p, regex.Pattern) for p in patterns.byline_patterns)


def test_reflexive_verbs_are_read_without_their_pronoun() -> None:
    patterns = shipped_patterns()
    listed = patterns.data["verbs.yaml"]["verbs"]
    assert "s'exclamer" in listed and "se féliciter" in listed
    assert {"exclamer", "féliciter"} <= patterns.verbs
    assert not any(v.startswith(("se ", "s'", "s’")) for v in patterns.verbs)


def test_the_first_verb_of_a_locution_starts_a_cue() -> None:
    patterns = shipped_patterns()
    assert "laisser" not in patterns.verbs
    assert patterns.is_cue("déclarer") and not patterns.is_cue("laisser")
    assert {"laisser", "mettre"} <= patterns.cue_lemmas


def test_shipped_grammar_words_are_strings_even_yaml_booleans() -> None:
    grammar = shipped_patterns().grammar
    assert "on" in grammar.subject_pronouns  # quoted in the file: YAML would read True
    assert "no" in grammar.abbreviations
    assert {"m", "mme", "cf"} <= grammar.abbreviations
    assert grammar.elisions["qu’"] == "que"
    assert ("Le", ("au", "du")) in grammar.contracted_articles
    assert ("ou", "u") in grammar.transliteration_folds


def test_shipped_patterns_are_loaded_once() -> None:
    assert shipped_patterns() is shipped_patterns()


def test_patterns_data_is_the_content_of_the_shipped_files() -> None:
    patterns = load_patterns()
    for name in PATTERN_FILES:
        assert patterns.data[name] == parse(SHIPPED_DIR / name), name


# --- a user folder ----------------------------------------------------------------------


def test_a_user_folder_is_appended_to_the_shipped_lists(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "mine",
        {
            "verbs.yaml": "verbs: [roucouler, se gausser]\n",
            "grammar.yaml": "abbreviations: [pdt]\n",
            "outlets.yaml": "outlets:\n  - {name: Radio Sud Atlantique, aliases: [RSA]}\n",
            "speakers.yaml": (
                "speakers:\n"
                "  - name: Jeanne Martin-Leroy\n"
                "    aliases: [Jeanne Martin, Mme Martin-Leroy]\n"
                "    roles: [porte-parole de l'Agence spatiale]\n"
            ),
        },
    )
    shipped = shipped_patterns()
    patterns = load_patterns([mine])
    assert patterns.verbs == shipped.verbs | {"roucouler", "gausser"}
    assert patterns.grammar.abbreviations == shipped.grammar.abbreviations | {"pdt"}
    assert patterns.outlets == (*shipped.outlets, Outlet("Radio Sud Atlantique", ("RSA",)))
    assert patterns.speakers[:-1] == shipped.speakers
    assert patterns.speakers[-1] == Person(
        "Jeanne Martin-Leroy",
        ("Jeanne Martin", "Mme Martin-Leroy"),
        ("porte-parole de l'Agence spatiale",),
    )
    # lists the folder does not touch are the shipped ones
    assert patterns.honorifics == shipped.honorifics
    assert patterns.grammar.subject_pronouns == shipped.grammar.subject_pronouns


def test_an_extra_abbreviation_changes_where_sentences_end(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine", {"grammar.yaml": "abbreviations: [pdt]\n"})
    text = "Le Pdt. Macron a parlé. Il est reparti."
    before = list(sentences(text, shipped_patterns().grammar.abbreviations))
    after = list(sentences(text, load_patterns([mine]).grammar.abbreviations))
    assert len(before) == 3 and [text[s:e] for s, e in after] == [
        "Le Pdt. Macron a parlé.",
        "Il est reparti.",
    ]


def test_patterns_data_keeps_the_merged_lists_shipped_first(tmp_path: Path) -> None:
    first = write(tmp_path / "a", {"verbs.yaml": "verbs: [roucouler]\n"})
    second = write(tmp_path / "b", {"verbs.yaml": "verbs: [claironner]\n"})
    shipped_verbs = shipped_patterns().data["verbs.yaml"]["verbs"]
    data = load_patterns([first, second]).data
    assert data["verbs.yaml"]["verbs"] == [*shipped_verbs, "roucouler", "claironner"]
    assert data["outlets.yaml"] == shipped_patterns().data["outlets.yaml"]


def test_an_empty_file_or_an_empty_key_adds_nothing(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine", {"verbs.yaml": "# rien\n", "outlets.yaml": "outlets:\n"})
    patterns = load_patterns([mine])
    assert patterns.verbs == shipped_patterns().verbs
    assert patterns.outlets == shipped_patterns().outlets


def test_read_rule_data_without_builtin_reads_only_the_given_folder(tmp_path: Path) -> None:
    mine = write(
        tmp_path / "mine",
        {"verbs.yaml": "verbs: [roucouler]\n", "grammar.yaml": "abbreviations: [pdt]\n"},
    )
    data, origin = read_rule_data([mine], builtin=False)
    assert data == {
        "verbs.yaml": {"verbs": ["roucouler"]},
        "attributions.yaml": {},
        "outlets.yaml": {},
        "speakers.yaml": {},
        "grammar.yaml": {"abbreviations": ["pdt"]},
        "first_names.yaml": {},
    }
    assert origin == {name: mine / name for name in PATTERN_FILES}


def test_read_rule_data_with_builtin_names_where_each_file_came_from(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine", {"verbs.yaml": "verbs: [roucouler]\n"})
    data, origin = read_rule_data([mine])
    assert origin["verbs.yaml"] == mine / "verbs.yaml"
    assert origin["outlets.yaml"] == SHIPPED_DIR / "outlets.yaml"
    assert data["verbs.yaml"]["verbs"][-1] == "roucouler"
    assert len(data["verbs.yaml"]["verbs"]) > 100


# --- errors name the file and the line -----------------------------------------------------

ERRORS = [
    pytest.param(
        "verbs.yaml",
        "# mes verbes\nverbs: [roucouler\nlocutions: []\n",
        3,
        "invalid YAML",
        id="invalid-yaml",
    ),
    pytest.param(
        "verbs.yaml",
        "# mes verbes\n\nverbs: roucouler\n",
        3,
        "'verbs' must be a list",
        id="key-not-a-list",
    ),
    pytest.param(
        "grammar.yaml",
        "# pronoms\nsubject_pronouns: [il, on]\n",
        2,
        "'subject_pronouns' must be a list of words",
        id="unquoted-on",
    ),
    pytest.param(
        "grammar.yaml",
        "\n\ntransliteration_folds:\n  - [ou, u, x]\n",
        3,
        "'transliteration_folds' entries are [from, to] pairs",
        id="bad-fold-pair",
    ),
    pytest.param(
        "grammar.yaml",
        "# articles\ncontracted_articles:\n  - {article: La, forms: à la}\n",
        2,
        "'contracted_articles' entries need an article and its forms",
        id="bad-contracted-article",
    ),
    pytest.param(
        "grammar.yaml",
        "contracted_articles:\n  - Le\n",
        1,
        "'contracted_articles' entries need an article and its forms",
        id="contracted-article-not-a-mapping",
    ),
    pytest.param(
        "outlets.yaml",
        "- AFP\n- Reuters\n",
        1,
        "expected a mapping of lists at the top level",
        id="top-level-list",
    ),
    pytest.param(
        "outlets.yaml",
        "\noutlets:\n  - {aliases: [RSA]}\n",
        2,
        "every entry of 'outlets' needs a non-empty 'name'",
        id="outlet-without-name",
    ),
    pytest.param(
        "outlets.yaml",
        "byline_patterns: ['(AFP']\n",
        1,
        "bad regular expression",
        id="bad-byline-regex",
    ),
    pytest.param(
        "verbs.yaml",
        "locutions: [laisser entendre]\n",
        1,
        "each locution is a list of two lemmas or more",
        id="locution-not-a-list",
    ),
    pytest.param(
        "verbs.yaml",
        "verbs: [roucouler, 12]\n",
        1,
        "'verbs' must be a list of non-empty strings",
        id="verb-not-a-string",
    ),
    pytest.param(
        "speakers.yaml",
        "speakers:\n  - name: Jeanne Martin\n    aliases: Mme Martin\n",
        1,
        "'aliases' of 'Jeanne Martin' must be a list of strings",
        id="aliases-not-a-list",
    ),
]


@pytest.mark.parametrize(("name", "content", "line", "problem"), ERRORS)
def test_a_bad_pattern_file_is_a_pattern_error_with_file_and_line(
    tmp_path: Path, name: str, content: str, line: int, problem: str
) -> None:
    mine = write(tmp_path / "mine", {name: content})
    with pytest.raises(PatternError) as caught:
        load_patterns([mine])
    message = str(caught.value)
    assert message.startswith(f"{mine / name}:{line}: "), message
    assert problem in message


def test_a_file_that_is_not_utf8_is_a_pattern_error(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "verbs.yaml").write_bytes("verbs: [déclarer]\n".encode("latin-1"))
    with pytest.raises(PatternError, match="cannot read pattern file"):
        load_patterns([mine])


def test_a_missing_patterns_folder_is_a_pattern_error(tmp_path: Path) -> None:
    missing = tmp_path / "nulle-part"
    with pytest.raises(PatternError, match=re.escape(f"{missing}: patterns folder not found")):
        load_patterns([missing])
    with pytest.raises(PatternError, match="patterns folder not found"):
        read_rule_data([missing], builtin=False)


def test_a_pattern_error_is_a_value_error() -> None:
    assert issubclass(PatternError, ValueError)


def test_an_error_names_the_folder_it_is_in(tmp_path: Path) -> None:
    bad = write(tmp_path / "a", {"grammar.yaml": "# pronoms\nsubject_pronouns: [on]\n"})
    good = write(tmp_path / "b", {"grammar.yaml": "abbreviations: [pdt]\n"})
    with pytest.raises(PatternError) as caught:
        load_patterns([bad, good])
    assert str(caught.value).startswith(f"{bad / 'grammar.yaml'}:2: ")


# --- Grammar ------------------------------------------------------------------------------


def test_every_word_list_is_required() -> None:
    data = {k: v for k, v in SHIPPED_GRAMMAR.items() if k != "abbreviations"}
    with pytest.raises(ValueError, match=r"^grammar\.yaml:7: 'abbreviations' must be a list"):
        build_grammar(data, Path("grammar.yaml"), lambda key: 7)
    assert set(WORD_LISTS) <= set(SHIPPED_GRAMMAR)


def test_elisions_must_be_a_mapping() -> None:
    with pytest.raises(ValueError, match="'elisions' must map elided forms to their lemma"):
        grammar_with(elisions=["qu'"])


def test_verb_endings_are_the_first_group_endings_longest_first() -> None:
    grammar = shipped_patterns().grammar
    endings = grammar.verb_endings
    assert set(endings) == set(grammar.first_group_endings)
    assert [len(e) for e in endings] == sorted((len(e) for e in endings), reverse=True)
    assert endings.index("eraient") < endings.index("ait") < endings.index("e")
    assert grammar_with(first_group_endings=["e", "erait", "ait"]).verb_endings == (
        "erait",
        "ait",
        "e",
    )


def test_gerund_prefixes_are_nothing_then_each_lead_and_a_space() -> None:
    assert shipped_patterns().grammar.gerund_prefixes == ("", "tout en ", "en ")
    assert grammar_with(gerund_leads=["tout en"]).gerund_prefixes == ("", "tout en ")


@pytest.mark.parametrize(
    ("text", "cut", "tail"),
    [
        ("Valérie Masson-Delmotte a déclaré", "Valérie Masson", "-Delmotte"),
        ("Bruno Le Maire a déclaré", "Bruno", " Le Maire"),
        ("Ursula von der Leyen a déclaré", "Ursula", " von der Leyen"),
        ("Ursula\u00a0von der Leyen a déclaré", "Ursula", "\u00a0von der Leyen"),
        ("Nasser Al-Khelaïfi a déclaré", "Nasser", " Al-Khelaïfi"),
        ("Mohammed bin Salman a déclaré", "Mohammed", " bin Salman"),
    ],
)
def test_name_tail_matches_what_the_model_cuts_off_a_name(text: str, cut: str, tail: str) -> None:
    match = shipped_patterns().grammar.name_tail.match(text, len(cut))
    assert match is not None and match.group() == tail


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Bruno le maire a déclaré", "Bruno"),
        ("Kirill Dmitriev, émissaire", "Kirill Dmitriev"),
        ("Jean a déclaré", "Jean"),
    ],
)
def test_name_tail_does_not_take_small_words_or_punctuation(text: str, cut: str) -> None:
    assert shipped_patterns().grammar.name_tail.match(text, len(cut)) is None


def test_name_tail_particles_come_from_the_data() -> None:
    text = "Ursula von der Leyen a déclaré"
    without_von = grammar_with(name_particles=["der", "le"])
    assert without_von.name_tail.match(text, len("Ursula")) is None


def test_title_article_is_a_capitalised_article_then_a_capital() -> None:
    title = shipped_patterns().grammar.title_article
    assert title.match("Le Film français")
    assert title.match("L’Équipe") and title.match("L'Équipe")
    assert not title.match("Le film")
    assert not title.match("le Film")
    assert not grammar_with(title_articles=["La"]).title_article.match("Le Film français")


def test_outlet_qualifiers_turn_spaces_into_any_white_space_longest_first() -> None:
    grammar = grammar_with(outlet_qualifiers=["russe", "de presse", "en ligne"])
    assert grammar.outlet_qualifier_alternation == r"de\s+presse|en\s+ligne|russe"
    alternation = re.compile(f"(?:{grammar.outlet_qualifier_alternation})")
    assert alternation.fullmatch("de\n presse")
    assert alternation.fullmatch("en\u00a0ligne")
    assert not alternation.fullmatch("depresse")


def test_shipped_outlet_qualifiers_are_longest_first() -> None:
    words = shipped_patterns().grammar.outlet_qualifier_alternation.split("|")
    assert r"de\s+presse" in words and r"d'information" in words
    lengths = [len(w.replace(r"\s+", " ").replace("\\", "")) for w in words]
    assert lengths == sorted(lengths, reverse=True)


def test_appositive_determiners_keep_the_file_order() -> None:
    grammar = grammar_with(appositive_determiners=["une", "un"])
    assert grammar.appositive_determiner_alternation == "une|un"


def test_grammar_compares_by_identity() -> None:
    assert grammar_with() != grammar_with()
    grammar = shipped_patterns().grammar
    assert grammar == grammar and hash(grammar) == hash(grammar)
