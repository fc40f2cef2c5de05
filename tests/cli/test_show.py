"""`talkclaims show`: an article with its claims marked, or a one-line error."""

from __future__ import annotations

from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS, DATA

runner = CliRunner()


def test_show_command_prints_the_article_and_a_legend():
    path = CORPUS / "002_157e4dad8d8be975.txt"
    result = runner.invoke(app, ["show", str(path), "--width", "160"])
    assert result.exit_code == 0
    assert "[1]Les pourparlers russo-américains" in result.stdout
    assert "Dmitry Peskov" in result.stdout and "Izvestia" in result.stdout
    assert runner.invoke(app, ["show", str(path.with_name("absent.txt"))]).exit_code == 2


def test_show_of_a_missing_or_unreadable_file_is_one_line(tmp_path):
    absent = runner.invoke(app, ["show", str(tmp_path / "absent.txt")])
    assert absent.exit_code == 2
    assert absent.stderr == f"talkclaims: {tmp_path / 'absent.txt'}: no such file\n"
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    unreadable = runner.invoke(app, ["show", str(binary)])
    assert unreadable.exit_code == 1 and unreadable.stdout == ""
    assert unreadable.stderr == f"talkclaims: {binary}: binary file (contains NUL bytes)\n"


def test_show_marks_the_outlets_of_user_patterns(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Selon Radio Sud Atlantique, le port rouvrira lundi.\n", encoding="utf-8")
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "outlets.yaml").write_text(
        "outlets:\n  - {name: Radio Sud Atlantique}\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["show", str(article), "--patterns", str(extra), "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "[1]le port rouvrira lundi" in result.stdout
    assert "Radio Sud Atlantique" in result.stdout.split("claims")[-1]  # in the legend


def test_show_of_a_directory_says_so(tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"talkclaims: {tmp_path}: is a directory, not a file\n"


def test_show_of_a_page_and_of_a_dump_shows_their_articles_as_extract_reads_them(tmp_path):
    page = DATA / "inputs" / "page_saved.html"
    shown = CliRunner().invoke(app, ["show", str(page), "--width", "120"])
    assert shown.exit_code == 0
    assert "<html" not in shown.stdout and "<p>" not in shown.stdout
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        '{"id": "un", "text": "Selon Reuters, la banque relèvera ses taux."}\n'
        '{"id": "deux", "text": "Le maire a déclaré que « la route rouvrira lundi »."}\n',
        encoding="utf-8",
    )
    both = CliRunner().invoke(app, ["show", str(dump), "--width", "120"])
    assert both.exit_code == 0
    assert "un" in both.stdout and "deux" in both.stdout
    assert "la banque relèvera ses taux" in both.stdout and "la route rouvrira lundi" in both.stdout
    assert '{"id"' not in both.stdout


def test_the_three_kinds_have_three_colours_on_a_256_colour_terminal():
    import io

    from rich.console import Console

    from talkclaims.write.views import KIND_STYLES

    codes = set()
    for style in KIND_STYLES.values():
        out = io.StringIO()
        Console(file=out, force_terminal=True, color_system="256").print("x", style=style)
        codes.add(out.getvalue())
    assert len(codes) == 3
