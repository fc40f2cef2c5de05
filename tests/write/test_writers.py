"""Every output format carries the same fields and reads back with standard tools."""

import csv
import io
import json

import pandas as pd
import yaml

from talkclaims.records import FIELDS, Claim
from talkclaims.write.atomic import atomic_output
from talkclaims.write.counts import CountFormat, write_counts
from talkclaims.write.views import Count
from talkclaims.write.writers import Format, make_writer

CLAIMS = [
    Claim(
        "a.txt", "direct", "Nous verrons,\n« dit-il » ; \"bien\"", 10, 42, 1,
        "Yuri Ushakov", "Iouri Ouchakov", "déclarer", ("AFP", "Le Figaro"), "cue-que", 0.9,
    ),
    Claim("a.txt", "indirect", "rien", 50, 54, 2, None, None, None, (), "selon", 0.75),
]  # fmt: skip


def write(fmt: Format) -> str:
    stream = io.StringIO()
    writer = make_writer(fmt, stream)
    writer.write(CLAIMS[:1])
    writer.write([])
    writer.write(CLAIMS[1:])
    writer.close()
    return stream.getvalue()


def test_csv_reads_back_with_csv_module_and_pandas():
    out = write(Format.csv)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == list(FIELDS)
    assert rows[0]["text"] == CLAIMS[0].text  # newline and quotes survive
    assert rows[0]["sources"] == "AFP; Le Figaro"
    assert rows[1]["speaker"] == ""
    frame = pd.read_csv(io.StringIO(out))
    assert frame.shape == (2, len(FIELDS))
    assert frame.loc[0, "speaker_mention"] == "Iouri Ouchakov"


def test_yaml_is_one_list_that_safe_load_reads():
    data = yaml.safe_load(write(Format.yaml))
    assert [Claim.from_dict(d) for d in data] == CLAIMS


def test_json_and_json_lines_round_trip():
    assert [Claim.from_dict(d) for d in json.loads(write(Format.json))] == CLAIMS
    lines = write(Format.jsonl).splitlines()
    assert len(lines) == 2
    assert Claim.from_dict(json.loads(lines[0])) == CLAIMS[0]


def test_empty_outputs_are_still_valid():
    for fmt, load in ((Format.json, json.loads), (Format.yaml, yaml.safe_load)):
        stream = io.StringIO()
        writer = make_writer(fmt, stream)
        writer.close()
        assert load(stream.getvalue()) == []


def test_table_shows_speaker_mention_and_sources():
    out = write(Format.table)
    assert "Yuri Ushakov" in out and "Iouri Ouchakov" in out and "AFP; Le Figaro" in out


def test_atomic_output_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    try:
        with atomic_output(target) as stream:
            stream.write("partial")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


COUNTS = [Count('Le Monde, "édition du soir"', 2, 2 / 3), Count("(none)", 1, 1 / 3)]


def write_counts_as(fmt: CountFormat) -> str:
    stream = io.StringIO(newline="")
    write_counts(COUNTS, "source", fmt, stream)
    return stream.getvalue()


def test_counts_csv_is_rfc_4180_with_crlf_and_four_places():
    out = write_counts_as(CountFormat.csv)
    assert out == (
        'source,claims,share\r\n"Le Monde, ""édition du soir""",2,0.6667\r\n(none),1,0.3333\r\n'
    )
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame["source"]) == [c.name for c in COUNTS]


def test_counts_json_keeps_accents_and_rounds_shares():
    out = write_counts_as(CountFormat.json)
    assert out.endswith("]\n") and "édition" in out  # UTF-8 text, not \\u escapes
    assert json.loads(out) == [
        {"source": 'Le Monde, "édition du soir"', "claims": 2, "share": 0.6667},
        {"source": "(none)", "claims": 1, "share": 0.3333},
    ]


def test_counts_table_is_written_to_the_stream_given():
    out = write_counts_as(CountFormat.table)
    assert out.startswith("claims by source")
    assert "66.7%" in out and "(none)" in out


def test_the_table_fits_a_narrow_terminal_and_wraps_claims_at_words():
    text = (
        "les pourparlers russo-américains sur l’Ukraine à Miami ne sauraient constituer "
        "une percée décisive pour la paix"
    )
    mention = "le porte-parole du Kremlin"
    claim = Claim("a.txt", "indirect", text, 0, len(text), 2, "Dmitry Peskov", mention,
                  "déclarer", ("Izvestia",), "cue-que", 0.9)  # fmt: skip
    for width in (80, 100):
        out = io.StringIO()
        writer = make_writer(Format.table, out)
        writer.console.width = width
        writer.write([claim])
        lines = out.getvalue().splitlines()
        assert max(len(line) for line in lines) <= width
        cells = " ".join(line.split("│")[-2].strip() for line in lines if line.count("│") > 2)
        assert cells.split() == text.split()  # every word whole, in order
