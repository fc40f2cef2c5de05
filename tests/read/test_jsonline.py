"""One hostile JSON Lines line costs that line only: the safe parser every reader uses."""

from __future__ import annotations

import json

import pytest

from talkclaims.read.jsonline import JsonLineError, parse_json_line
from talkclaims.read.readers import Document, ReadFailure, read_items

GOOD = json.dumps(
    {"id": "mairie", "text": "« Le pont rouvrira en mai », a annoncé Claire Morin."},
    ensure_ascii=False,
)
TOO_LONG = "invalid JSON: a number too long to read (over 4,300 digits)"
DEEP = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
HUGE = '{"text": "x", "n": ' + "7" * 5_000 + "}"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (DEEP, "invalid JSON: nested too deep"),
        ("[" * 100_000, "invalid JSON: nested too deep"),
        (HUGE, "invalid JSON: a number too long to read (over 4,300 digits)"),
        (
            '{"n": -' + "7" * 5_000 + "}",
            "invalid JSON: a number too long to read (over 4,300 digits)",
        ),
        ('{"text": "x", "n": NaN}', "invalid JSON: NaN is not a JSON value"),
        ('{"text": "x", "n": Infinity}', "invalid JSON: Infinity is not a JSON value"),
        ('{"text": "x", "n": -Infinity}', "invalid JSON: -Infinity is not a JSON value"),
        ('{"text": "x", "n": 1e400}', "invalid JSON: a number out of range (1e400…)"),
        ('{"text": "x",', "invalid JSON: Expecting property name enclosed in double quotes"),
    ],
)
def test_a_hostile_line_is_one_clear_error_not_an_exception(line, problem):
    with pytest.raises(JsonLineError) as caught:
        parse_json_line(line)
    assert str(caught.value).startswith(problem)
    assert "\n" not in str(caught.value) and "set_int_max_str_digits" not in str(caught.value)


def test_ordinary_json_is_read_as_json_reads_it():
    record = {"id": 7, "text": "« Non », a dit Luc Bernard.", "score": -2.5, "big": 10**4000}
    assert parse_json_line(json.dumps(record)) == (record, None)


def test_a_lone_surrogate_becomes_one_replacement_character_with_a_warning():
    line = '{"text": "« Merci \\ud83d », a écrit Anne Roux.", "t\\udc00": ["\\ud83d\\ude00"]}'
    value, warning = parse_json_line(line)
    assert value == {"text": "« Merci \ufffd », a écrit Anne Roux.", "t\ufffd": ["\U0001f600"]}
    assert warning == "2 lone surrogates replaced by U+FFFD"
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # writable as UTF-8 now


def test_a_dump_reports_each_hostile_line_and_reads_every_other(tmp_path):
    dump = tmp_path / "dump.jsonl"
    lines = [GOOD, DEEP, HUGE, '{"text": "x", "n": NaN}', GOOD.replace("mairie", "mairie-2")]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_items(str(dump)))
    assert [type(i) for i in items] == [Document, ReadFailure, ReadFailure, ReadFailure, Document]
    assert [i.id for i in items] == ["mairie", f"{dump}:2", f"{dump}:3", f"{dump}:4", "mairie-2"]
    assert items[1].message == "invalid JSON: nested too deep"
    assert items[3].message == "invalid JSON: NaN is not a JSON value"


@pytest.mark.parametrize(
    ("given", "doc"),
    [(12, "12"), (-3.5, "-3.5"), ("a-1", "a-1"), (None, "{dump}:1"), ("", "{dump}:1")],
)
def test_an_id_is_its_json_text_never_a_python_repr(tmp_path, given, doc):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": given, "text": "Il pleut.", "title": True}) + "\n")
    (item,) = read_items(str(dump))
    assert item.id == doc.format(dump=dump)
    assert dict(item.meta)["title"] == "true"  # JSON's spelling, not Python's True


@pytest.mark.parametrize("given", [{"a": 1}, [1, 2], True, False])
def test_an_id_that_names_no_article_refuses_the_line(tmp_path, given):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": given, "text": "Il pleut."}) + "\n")
    (item,) = read_items(str(dump))
    assert item == ReadFailure(f"{dump}:1", "'id' must be a string or a number")


def test_a_lone_surrogate_in_a_dump_is_a_warning_naming_the_line(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "s", "text": "« Oui \\udc00 », a dit Paul Roy."}\n')
    (item,) = read_items(str(dump))
    assert item.text == "« Oui \ufffd », a dit Paul Roy."
    assert item.warning == f"{dump}:1: 1 lone surrogate replaced by U+FFFD"
