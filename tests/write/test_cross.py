"""Cross-tables of `talkclaims stats --by FIRST,SECOND`: what is counted, in what order,
and how each format writes it."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from talkclaims.records import SPEAKER_TYPES, Claim
from talkclaims.write.counts import CountFormat, write_cross
from talkclaims.write.views import count_by, cross_count, parse_groups


def claim(speaker, speaker_type=None, gender=None, sources=(), outlet=None, doc="a.txt"):
    return Claim(doc, "direct", "x", 0, 1, 1, speaker, speaker, "dire", tuple(sources),
                 outlet=outlet, speaker_type=speaker_type, speaker_gender=gender)  # fmt: skip


CLAIMS = [
    claim("Catherine Vautrin", "person", "f", outlet="Le Monde"),
    claim("une source diplomatique", "anonymous", outlet="Le Monde"),
    claim(None, outlet="Le Monde"),
    claim("Gérald Darmanin", "person", "m", ["AFP"], outlet="Le Figaro"),
    claim("la mairie", "organisation", sources=["AFP", "Reuters"]),
]


def test_rows_most_claims_first_and_every_speaker_type_a_column_in_order():
    cross = cross_count(CLAIMS, "outlet", "speaker_type")
    assert cross.columns == (*SPEAKER_TYPES, "(none)")
    assert [(r.name, r.claims) for r in cross.rows] == [
        ("Le Monde", 3), ("(none)", 1), ("Le Figaro", 1)
    ]  # fmt: skip
    monde = cross.rows[0]
    assert dict(zip(cross.columns, monde.counts, strict=True)) == {
        "person": 1, "role": 0, "anonymous": 1, "organisation": 0, "outlet": 0, "(none)": 1
    }  # fmt: skip
    assert monde.shares[0] == pytest.approx(1 / 3) and sum(monde.shares) == pytest.approx(1)


def test_gender_columns_are_f_m_none_and_rows_agree_with_count_by():
    cross = cross_count(CLAIMS, "speaker_type", "speaker_gender")
    assert cross.columns == ("f", "m", "(none)")
    assert [(r.name, r.claims) for r in cross.rows] == [
        (c.name, c.claims) for c in count_by(CLAIMS, "speaker_type")
    ]


def test_a_claim_credited_to_two_outlets_counts_in_both_columns():
    cross = cross_count(CLAIMS, "speaker_type", "source")
    assert cross.columns == ("(none)", "AFP", "Reuters")  # most frequent first, then names
    organisation = next(r for r in cross.rows if r.name == "organisation")
    assert organisation.claims == 1 and organisation.counts == (0, 1, 1)
    assert organisation.shares == (0.0, 1.0, 1.0)  # of the row's claims: over 100% in all


@pytest.mark.parametrize(
    ("text", "keys"),
    [("speaker", ("speaker",)), ("outlet,speaker_type", ("outlet", "speaker_type")),
     (" doc , speaker_gender ", ("doc", "speaker_gender"))],
)  # fmt: skip
def test_parse_groups_takes_one_or_two_keys(text, keys):
    assert parse_groups(text) == keys


@pytest.mark.parametrize("text", ["Speaker", "outlet,speaker_type,doc", "kind,kind", "", "doc,"])
def test_parse_groups_refuses_what_it_cannot_count(text):
    with pytest.raises(ValueError, match=r"^--by: "):
        parse_groups(text)


def written(fmt: CountFormat, first: str, second: str, csv_raw: bool = False) -> str:
    stream = io.StringIO(newline="")
    write_cross(cross_count(CLAIMS, first, second), fmt, stream, csv_raw)
    return stream.getvalue()


def test_json_reads_as_one_frame_with_pandas():
    rows = json.loads(written(CountFormat.json, "outlet", "speaker_gender"))
    frame = pd.json_normalize(rows)
    assert list(frame.columns) == [
        "outlet", "claims", "counts.f", "counts.m", "counts.(none)",
        "shares.f", "shares.m", "shares.(none)",
    ]  # fmt: skip
    monde = frame.set_index("outlet").loc["Le Monde"]
    assert (monde["claims"], monde["counts.f"], monde["shares.(none)"]) == (3, 1, 0.6667)


def test_csv_neutralises_names_in_rows_and_in_columns_unless_raw():
    claims = [claim("=cmd|' /C calc'!A0", "person", outlet="-Le Monde"), claim("Vance", "person")]
    stream = io.StringIO(newline="")
    write_cross(cross_count(claims, "outlet", "speaker"), CountFormat.csv, stream)
    header, *rows = csv.reader(io.StringIO(stream.getvalue(), newline=""))
    assert header[:2] == ["outlet", "claims"]
    assert "'=cmd|' /C calc'!A0" in header and "'=cmd|' /C calc'!A0 share" in header
    assert sorted(r[0] for r in rows) == ["'-Le Monde", "(none)"]
    raw = io.StringIO(newline="")
    write_cross(cross_count(claims, "outlet", "speaker"), CountFormat.csv, raw, csv_raw=True)
    assert raw.getvalue().startswith("outlet,claims,=cmd|' /C calc'!A0,")
    assert "\r\n-Le Monde,1," in raw.getvalue()


def test_the_table_is_never_cut_in_a_file():
    out = written(CountFormat.table, "outlet", "speaker_type")
    assert out.startswith("claims by outlet and speaker_type")
    header = next(line for line in out.splitlines() if "┃" in line and "outlet" in line)
    assert "organisation %" in header and "…" not in out


def test_no_two_columns_share_a_name_when_a_value_is_named_like_a_key():
    claims = [claim("Le Monde", "outlet", outlet="Le Monde"), claim("X", "person")]
    frame = pd.read_csv(io.StringIO(written_of(claims, CountFormat.csv)), keep_default_na=False)
    assert list(frame.columns[:2]) == ["outlet", "claims"]
    assert frame.columns.is_unique  # the speaker type « outlet » is not a second « outlet »
    monde = frame.set_index("outlet").loc["Le Monde"]
    assert monde["speaker_type=outlet"] == 1 and monde["speaker_type=outlet share"] == 1.0
    table = written_of(claims, CountFormat.table)
    assert "speaker_type=outlet %" in table
    rows = {row["outlet"]: row for row in json.loads(written_of(claims, CountFormat.json))}
    assert rows["Le Monde"]["counts"]["outlet"] == 1  # nested: no clash with the key


def written_of(claims, fmt: CountFormat) -> str:
    stream = io.StringIO(newline="")
    write_cross(cross_count(claims, "outlet", "speaker_type"), fmt, stream)
    return stream.getvalue()
