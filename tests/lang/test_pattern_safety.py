"""Pattern files are user input: bombs, slow regular expressions, malformed entries and
misspelled names are reported with their file and line, at once and without a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.lang.outlets import OutletFinder
from talkclaims.lang.patterns import PatternError, load_patterns

BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
verbs: [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


def folder(tmp_path: Path, name: str, body: str) -> Path:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


def test_an_alias_bomb_is_too_large_and_stops_at_once(tmp_path):
    started = time.perf_counter()
    with pytest.raises(PatternError, match=r"verbs\.yaml: too large: its aliases expand") as info:
        load_patterns([folder(tmp_path, "verbs.yaml", BOMB)])
    assert time.perf_counter() - started < 5
    assert "lol" not in str(info.value)  # no repr of the expanded value


def test_a_huge_file_is_too_large(tmp_path):
    body = "verbs: [" + ", ".join(["dire"] * 500_000) + "]\n"
    with pytest.raises(PatternError, match="too large for a pattern file"):
        load_patterns([folder(tmp_path, "verbs.yaml", body)])


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|aa)+$"])
def test_a_regex_that_backtracks_is_refused_with_its_line(tmp_path, pattern):
    body = f"outlet_nouns: [journal]\nbyline_patterns:\n  - '{pattern}'\n"
    started = time.perf_counter()
    with pytest.raises(PatternError, match=r"outlets\.yaml:2: regular expression .* too slow"):
        load_patterns([folder(tmp_path, "outlets.yaml", body)])
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    "pattern",
    [
        r"(b+)+$",  # a letter none of the fixed probes repeats
        r"(\d+)+$",  # digits
        r"(é|éé)+$",  # an accented letter
        r"((ab)+)+$",  # a word
        r"(x+x+)+y",
        r"(,|,,)+$",
    ],
)
def test_a_regex_that_backtracks_on_its_own_characters_is_refused(tmp_path, pattern):
    body = f"# mes bylines\nbyline_patterns:\n  - '{pattern}'\n"
    started = time.perf_counter()
    with pytest.raises(PatternError, match=r"outlets\.yaml:2: regular expression .* too slow"):
        load_patterns([folder(tmp_path, "outlets.yaml", body)])
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("pattern", [r"(a|aa)+", r"([A-Z]+)*\)"])
def test_a_nested_quantifier_that_runs_fast_on_the_engine_is_accepted(tmp_path, pattern):
    # the shape of a slow regex, but « (a|aa)+ » matches at once and the ``regex``
    # engine defuses « ([A-Z]+)*\) »: judged by what they do, not by how they look
    body = f"byline_patterns: ['{pattern}']\n"
    finder = OutletFinder(load_patterns([folder(tmp_path, "outlets.yaml", body)]))
    line = "A" * 5000 + " a" * 5000 + " selon l'AFP, " + "a" * 5000
    started = time.perf_counter()
    assert [m.name for m in finder.find(line)] == ["AFP"]
    assert time.perf_counter() - started < 5


def test_a_regex_error_names_the_folder_and_the_line_it_is_in(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    folder(first, "outlets.yaml", "outlet_nouns: [gazette]\n\nbyline_patterns:\n  - '(b+)+$'\n")
    folder(second, "outlets.yaml", "outlet_nouns: [feuille]\n")
    with pytest.raises(PatternError) as info:
        load_patterns([first, second])
    assert str(info.value).startswith(f"{first / 'outlets.yaml'}:3: regular expression")


@pytest.mark.parametrize(
    "body",
    [
        "# en style de flux\n\n{outlet_nouns: [gazette], byline_patterns: ['(AFP']}\n",
        "# clé entre guillemets\noutlet_nouns: [gazette]\n\"byline_patterns\": ['(AFP']\n",
        "# espace avant les deux-points\noutlet_nouns: [gazette]\nbyline_patterns : ['(AFP']\n",
    ],
)
def test_a_regex_error_is_reported_at_the_line_of_its_key_however_written(tmp_path, body):
    with pytest.raises(PatternError) as info:
        load_patterns([folder(tmp_path, "outlets.yaml", body)])
    assert str(info.value).startswith(f"{tmp_path / 'outlets.yaml'}:3: bad regular expression")


def test_the_command_line_names_the_earlier_folder_and_stops_with_exit_2(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    folder(first, "outlets.yaml", "outlet_nouns: [gazette]\nbyline_patterns: ['(\\d+)+$']\n")
    folder(second, "outlets.yaml", "outlet_nouns: [feuille]\n")
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.", encoding="utf-8")
    args = ["extract", str(article), "--patterns", str(first), "--patterns", str(second)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"talkclaims: {first / 'outlets.yaml'}:2: regular expression" in result.output


def test_a_harmless_user_regex_is_accepted(tmp_path):
    body = "byline_patterns:\n  - '^Par [A-Z]\\w+ [A-Z]\\w+$'\n"
    patterns = load_patterns([folder(tmp_path, "outlets.yaml", body)])
    assert patterns.byline_patterns[-1].search("Par Jeanne Roux")


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("attributions.yaml", "role_synonyms: [[1, 2]]\n", "list of lists of role nouns"),
        ("attributions.yaml", "role_synonyms: patron\n", "must be a list to extend"),
        ("verbs.yaml", "locutions: [[]]\n", "two lemmas or more"),
        ("verbs.yaml", "locutions: [[laisser]]\n", "two lemmas or more"),
        ("speakers.yaml", "speakers:\n  - name: ''\n", "non-empty 'name'"),
        ("speakers.yaml", "speakers:\n  - {name: X, aliases: ['']}\n", "empty string"),
        ("outlets.yaml", "outlets:\n  - name: '  '\n", "non-empty 'name'"),
        ("verbs.yaml", "verbs: ['']\n", "non-empty strings"),
    ],
)
def test_malformed_entries_name_their_file_and_line(tmp_path, name, body, message):
    with pytest.raises(PatternError, match=message) as info:
        load_patterns([folder(tmp_path, name, body)])
    assert str(info.value).startswith(f"{tmp_path / name}:")


def test_misspelled_files_and_keys_are_warned_with_the_closest_name(tmp_path):
    folder(tmp_path, "verb.yaml", "verbs: [roucouler]\n")
    folder(tmp_path, "outlets.yaml", "outlet_noun: [gazette]\noutlet_nouns: [feuille]\n")
    patterns = load_patterns([tmp_path])
    assert patterns.warnings == (
        f"{tmp_path / 'outlets.yaml'}:1: unknown key 'outlet_noun' (did you mean outlet_nouns?)",
        f"{tmp_path / 'verb.yaml'}: not a pattern file talkclaims reads (did you mean verbs.yaml?)",
    )
    assert "feuille" in patterns.outlet_nouns and "roucouler" not in patterns.verbs


def test_the_command_line_stops_with_exit_2_and_one_line(tmp_path):
    folder(tmp_path, "attributions.yaml", "role_synonyms: [[1, 2]]\n")
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--patterns", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "attributions.yaml:1: 'role_synonyms' must be a list of lists" in result.output


def test_the_command_line_warns_of_a_misspelled_file_and_goes_on(tmp_path):
    folder(tmp_path, "verb.yaml", "verbs: [roucouler]\n")
    article = tmp_path / "a.txt"
    article.write_text("Selon Reuters, la banque relèvera ses taux.", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(article), "--patterns", str(tmp_path), "-f", "jsonl"]
    )
    assert result.exit_code == 0
    assert (
        f"talkclaims: warning: {tmp_path / 'verb.yaml'}: not a pattern file talkclaims "
        "reads (did you mean verbs.yaml?)" in result.output
    )
    assert '"speaker": "Reuters"' in result.output
