"""Outputs that cannot harm inputs or terminals: links, FIFOs, stale temporaries, files
talkclaims wrote into an input folder, control characters in what a terminal shows."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import threading

import pytest
from rich.console import Console

from talkclaims.records import Claim
from talkclaims.text.controls import printable
from talkclaims.write.atomic import atomic_output
from talkclaims.write.counts import CountFormat, write_counts
from talkclaims.write.json_yaml import JsonLinesWriter, JsonWriter
from talkclaims.write.outputs import GENERATOR, is_one_of, written_by_talkclaims
from talkclaims.write.report import ArticleClaims, render_report
from talkclaims.write.spreadsheets import CsvWriter
from talkclaims.write.table import TableWriter
from talkclaims.write.views import Count, article_view, counts_table
from talkclaims.write.writers import Format, make_writer

HOSTILE = "« Rien \x1b]0;pwned\x07 ici \x1b[2J fin », a dit Mme Roux.\n"


def claim(text: str = "Rien", doc: str = "a.txt", speaker: str | None = "Mme Roux") -> Claim:
    return Claim(doc, "direct", text, 2, 2 + len(text), 1, speaker, speaker, "dire", ("AFP",))


# --- symbolic links, FIFOs, /dev/stdout -------------------------------------------------


def test_a_symlink_output_writes_its_target_and_stays_a_link(tmp_path):
    target = tmp_path / "real" / "claims.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    with atomic_output(link) as stream:
        stream.write("new\n")
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["claims.jsonl"]  # no temp left


def test_a_dangling_symlink_output_creates_its_target(tmp_path):
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "new.jsonl")
    with atomic_output(link) as stream:
        stream.write("x\n")
    assert link.is_symlink() and (tmp_path / "new.jsonl").read_text() == "x\n"


def test_a_fifo_output_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    with atomic_output(fifo) as stream:
        stream.write("through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert fifo.is_fifo()
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.parametrize("how", ["pipe", "file"])
def test_dev_stdout_output_writes_the_stream_the_shell_opened(tmp_path, how):
    code = (
        "from pathlib import Path\n"
        "from talkclaims.write.atomic import atomic_output\n"
        "with atomic_output(Path('/dev/stdout')) as s:\n"
        "    s.write('to stdout\\n')\n"
    )
    if how == "pipe":
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        assert out.stdout == "to stdout\n"
    else:  # stdout redirected to a file in append mode: appended to, not replaced
        path = tmp_path / "log.txt"
        path.write_text("before\n")
        with open(path, "a") as log:
            done = subprocess.run([sys.executable, "-c", code], stdout=log, stderr=subprocess.PIPE)
        assert done.returncode == 0, done.stderr
        assert path.read_text() == "before\nto stdout\n"
        assert [p.name for p in tmp_path.iterdir()] == ["log.txt"]


# --- temporaries of killed runs ------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_temporary_file_names_the_writers_pid(tmp_path):
    target = tmp_path / "claims.jsonl"
    with atomic_output(target) as stream:
        (temp,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert temp.name.startswith(f".claims.jsonl.{os.getpid()}.")
        stream.write("x\n")
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


def test_stale_temporaries_of_dead_runs_are_removed_live_ones_kept(tmp_path):
    target = tmp_path / "claims.jsonl"
    dead = tmp_path / f".claims.jsonl.{_dead_pid()}.k3x9_q2a.tmp"
    dead.write_text("half a file")
    live_process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = tmp_path / f".claims.jsonl.{live_process.pid}.ab12cd34.tmp"
        live.write_text("being written")
        other = tmp_path / f".other.jsonl.{_dead_pid()}.ab12cd34.tmp"  # another output's
        other.write_text("not ours")
        with atomic_output(target) as stream:
            stream.write("x\n")
        assert not dead.exists()
        assert live.exists() and other.exists()
        assert target.read_text() == "x\n"
    finally:
        live_process.kill()
        live_process.wait()


# --- files talkclaims wrote, recognised -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "csv-excel", "jsonl-with-text"])
def test_claims_files_talkclaims_writes_are_recognised(tmp_path, fmt):
    path = tmp_path / "out"
    with atomic_output(path) as stream:
        if fmt == "jsonl-with-text":
            writer = JsonLinesWriter(stream, with_text=True)
        elif fmt == "csv-excel":
            writer = CsvWriter(stream, excel=True)
        else:
            writer = make_writer(Format(fmt), stream)
        writer.write([claim()], "« Rien », a dit Mme Roux.")
        writer.close()
    assert written_by_talkclaims(str(path))


def test_the_report_carries_its_marker_and_is_recognised(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_report([ArticleClaims("a.txt", "« Rien », dit-il.", [])]))
    assert GENERATOR in path.read_text()
    assert written_by_talkclaims(str(path)) == "an HTML report"


def test_a_parquet_file_of_ours_is_recognised_and_another_is_not(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    ours = tmp_path / "claims.parquet"
    with open(ours, "wb") as stream:
        writer = make_writer(Format.parquet, stream)
        writer.write([claim()], "« Rien », a dit Mme Roux.")
        writer.close()
    assert written_by_talkclaims(str(ours)) == "claims in Parquet"
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), other)
    assert written_by_talkclaims(str(other)) is None


@pytest.mark.parametrize(
    "content",
    [
        "Selon Reuters, la banque relèvera ses taux.\n",
        '{"id": "a", "text": "Selon Reuters, la banque relèvera ses taux."}\n',  # a dump
        '{"doc": "x", "kind": "direct"}\n',  # some of the fields only
        "[\n",
        "<html><head><title>Article</title></head><body>talkclaims</body></html>",
        "doc,kind,text\n",
        "",
    ],
)
def test_articles_are_not_mistaken_for_outputs(tmp_path, content):
    path = tmp_path / "article"
    path.write_text(content, encoding="utf-8")
    assert written_by_talkclaims(str(path)) is None


def test_is_one_of_sees_the_same_file_through_links_and_spellings(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("x")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    monkeypatch.chdir(tmp_path)
    assert is_one_of("a.txt", [str(article)])
    assert is_one_of(link, ["./a.txt"])
    assert not is_one_of(tmp_path / "b.txt", [str(article)])  # not written yet
    assert not is_one_of(article, ["-"])


# --- control characters shown to a terminal ---------------------------------------------------


def test_printable_makes_controls_visible_one_for_one():
    text = "a\x1b]0;pwned\x07b\x1b[2Jc\rd\r\ne\tf\x7fg\x9bh\x00"
    shown = printable(text)
    assert shown == "a␛]0;pwned␇b␛[2Jc␍d\r\ne\tf\u2421g\ufffdh␀"
    assert len(shown) == len(text)
    assert printable("Le « maire » a dit\n\tça.\r\n") == "Le « maire » a dit\n\tça.\r\n"


def _terminal(renderable=None, print_with=None) -> str:
    """What a colour terminal receives: styles on, so escape codes of rich's own appear."""
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=100, color_system="standard")
    if renderable is not None:
        console.print(renderable)
    return stream.getvalue()


def _no_article_escapes(output: str) -> None:
    assert "\x1b]" not in output and "\x07" not in output and "\x1b[2J" not in output
    assert "␛]0;pwned␇" in output and "␛[2J" in output


def test_the_extract_table_shows_escape_sequences_visibly():
    stream = io.StringIO()
    writer = TableWriter(stream)
    writer.console.force_terminal = True
    text = "Rien \x1b]0;pwned\x07 ici \x1b[2J fin"
    hostile = "\x1b]0;pwned\x07X\x1b[2J"
    writer.write([claim(text, doc=f"a{hostile}.txt", speaker=hostile)])
    writer.close()
    _no_article_escapes(stream.getvalue())


def test_show_view_shows_escape_sequences_visibly_and_keeps_marks_in_place():
    start = HOSTILE.index("Rien")
    end = HOSTILE.index(" »")
    text = HOSTILE[start:end]
    shown = claim(text)
    shown = Claim(**{**shown.to_dict(), "sources": ("AFP\x1b[2J",), "start": start, "end": end})
    output = _terminal(article_view(HOSTILE, [shown]))
    _no_article_escapes(output)
    # the claim's highlight still covers its words, shown visibly
    plain = _terminal_plain(article_view(HOSTILE, [shown]))
    assert "[1]" + printable(text) in plain


def _terminal_plain(renderable) -> str:
    stream = io.StringIO()
    Console(file=stream, width=100, color_system=None).print(renderable)
    return stream.getvalue()


def test_the_stats_table_shows_escape_sequences_visibly():
    counts = [Count("\x1b]0;pwned\x07X\x1b[2J", 1, 1.0)]
    _no_article_escapes(_terminal(counts_table(counts, "speaker")))
    stream = io.StringIO()
    write_counts(counts, "speaker", CountFormat.json, stream)  # data: as it is
    assert "\\u001b]0;pwned\\u0007" in stream.getvalue()


def test_data_formats_keep_control_characters_as_read():
    text = "Rien \x1b]0;pwned\x07 ici"
    stream = io.StringIO()
    JsonWriter(stream).write([claim(text)])
    assert "\\u001b]0;pwned\\u0007" in stream.getvalue()
    stream = io.StringIO()
    CsvWriter(stream).write([claim(text)])
    assert "\x1b]0;pwned\x07" in stream.getvalue()


def test_stats_csv_neutralises_formula_names_unless_raw():
    counts = [Count("=cmd|' /C calc'!A0", 2, 0.5), Count('=HYPERLINK("x")', 1, 0.25),
              Count("Le Monde", 1, 0.25)]  # fmt: skip
    safe, raw = io.StringIO(), io.StringIO()
    write_counts(counts, "source", CountFormat.csv, safe)
    write_counts(counts, "source", CountFormat.csv, raw, csv_raw=True)
    names = [row[0] for row in csv.reader(io.StringIO(safe.getvalue(), newline=""))]
    assert names == ["source", "'=cmd|' /C calc'!A0", '\'=HYPERLINK("x")', "Le Monde"]
    names = [row[0] for row in csv.reader(io.StringIO(raw.getvalue(), newline=""))]
    assert names == ["source", "=cmd|' /C calc'!A0", '=HYPERLINK("x")', "Le Monde"]
