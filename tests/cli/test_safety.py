"""Every command as safe as `extract` (issue 20): an output never replaces an input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app

runner = CliRunner()

ARTICLE = (
    "Le maire de Brest, Paul Kerhervé, a déclaré que « la route rouvrira lundi », "
    "selon Ouest-France.\n"
)
EXPECT = "- doc: brest.txt\n  quote: la route rouvrira\n  speaker: Paul Kerhervé\n"
VERBS = "verbs: [roucouler]\n"


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """An article in its folder, a baseline of its claims, expectations, a pattern folder
    and a link to each file: every kind of input a command that writes may be given."""
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "brest.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.yaml"
    extracted = invoke("extract", str(article), "-f", "yaml", "-o", str(baseline))
    assert extracted.exit_code == 0, extracted.output
    expect = tmp_path / "expect.yaml"
    expect.write_text(EXPECT, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "verbs.yaml").write_text(VERBS, encoding="utf-8")
    found = {
        "folder": folder,
        "article": article,
        "baseline": baseline,
        "expect": expect,
        "mine": mine,
        "verbs": mine / "verbs.yaml",
    }
    for name in ("article", "baseline", "expect", "verbs"):
        link = tmp_path / f"link-to-{name}"
        link.symlink_to(found[name])
        found[f"link-to-{name}"] = link
    return found


#: (command and its inputs, the input given as --output), by placeholder name.
OUTPUT_IS_AN_INPUT = [
    (["check", "{article}", "--baseline", "{baseline}"], "baseline"),
    (["check", "{article}", "--baseline", "{baseline}"], "link-to-baseline"),
    (["check", "{article}", "--expect", "{expect}"], "expect"),
    (["check", "{article}", "--expect", "{link-to-expect}"], "expect"),
    (["check", "{article}", "--require", "speaker"], "article"),
    (["check", "{article}", "--require", "speaker"], "link-to-article"),
    (["check", "{folder}", "--require", "speaker"], "article"),
    (["check", "{article}", "--require", "speaker", "--patterns", "{mine}"], "verbs"),
    (["check", "{article}", "--require", "speaker", "--patterns", "{mine}"], "link-to-verbs"),
    (["extract", "{article}", "--patterns", "{mine}"], "verbs"),
    (["report", "{article}", "--patterns", "{mine}"], "verbs"),
]


@pytest.mark.parametrize(("command", "given"), OUTPUT_IS_AN_INPUT)
def test_an_output_that_is_an_input_is_refused_before_anything_is_written(files, command, given):
    before = {name: path.read_bytes() for name, path in files.items() if path.is_file()}
    args = [part.format(**{k: str(v) for k, v in files.items()}) for part in command]
    output = str(files[given])
    result = invoke(*args, "-o", output)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == f"talkclaims: {output}: --output is one of the inputs\n"
    after = {name: path.read_bytes() for name, path in files.items() if path.is_file()}
    assert after == before
    assert all(files[name].is_symlink() for name in files if name.startswith("link-to-"))


def test_check_junit_of_a_pdf_text_is_xml_a_strict_parser_reads(tmp_path):
    from xml.etree import ElementTree

    import lxml.etree

    article = tmp_path / "pdf.txt"  # a page break and vertical tabs, as pdftotext leaves them
    article.write_text(
        "Le maire de Brest, Paul Kerhervé, a déclaré que « la route\x0brouvrira\x01 lundi ».\n"
        "\x0c\nLa préfète a assuré que « le pont\x1b tiendra ».\n",
        encoding="utf-8",
    )
    report = tmp_path / "report.xml"
    result = invoke("check", str(article), "--require", "source", "-f", "junit", "-o", str(report))
    assert result.exit_code == 1, result.output
    data = report.read_bytes()
    for suite in (ElementTree.fromstring(data), lxml.etree.fromstring(data)):
        (failure,) = suite.iter("failure")
        assert failure.text.splitlines() == [
            f"{article}:1:51: direct claim with no source: «la route␋rouvrira␁ lundi»",
            f"{article}:3:27: direct claim with no source: «le pont␛ tiendra»",
        ]
