"""Inputs that would take the run down: an endless or huge file, a --glob outside the
folder. Each is refused with one line naming it, and the rest of the run goes on."""

from __future__ import annotations

from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.read import readers
from talkclaims.read.readers import Document, ReadFailure, read_path

runner = CliRunner()


def test_a_file_past_the_limit_is_refused_after_reading_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Il a dit que tout irait bien. " * 100, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Il a dit que tout irait bien.", encoding="utf-8")
    refused = read_path(str(big))
    assert isinstance(refused, ReadFailure)
    assert refused.message == "too large for an article (over 0 MB)"
    assert isinstance(read_path(str(small)), Document)


def test_dev_zero_is_refused_not_read_until_memory_runs_out(monkeypatch):
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1 << 20)
    refused = read_path("/dev/zero")
    assert isinstance(refused, ReadFailure) and "too large for an article" in refused.message


def test_a_glob_outside_the_folders_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Selon Reuters, la banque relèvera ses taux.", "utf-8")
    for pattern in ("/etc/*", "../*.txt"):
        result = runner.invoke(app, ["extract", str(tmp_path), "--glob", pattern])
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert f"--glob: {pattern!r} must name files inside the folders given" in result.output
