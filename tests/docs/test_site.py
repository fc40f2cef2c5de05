"""The documentation site builds strictly, and what its pages promise holds.

`mkdocs build --strict` fails on a broken link or anchor, a page missing from the
navigation, a missing snippet file or an options marker that names no command. The other
tests check what a build cannot: every command has its options table, the record and
Parquet tables name every field, the README's links lead somewhere, and the pandas
example of the records page prints what the page shows.
"""

from __future__ import annotations

import importlib.util
import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli.root import app
from talkclaims.records import FIELDS
from tests.docs.examples import DOCS, ROOT


def _hook():
    """The MkDocs hook of mkdocs.yml, loaded from its file as MkDocs loads it."""
    path = ROOT / "tools" / "docs_options.py"
    spec = importlib.util.spec_from_file_location("docs_options", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docs_options = _hook()
runner = CliRunner()


def test_the_site_builds_strictly(tmp_path) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    extract = (tmp_path / "site" / "commands" / "extract" / "index.html").read_text("utf-8")
    assert "<code>--group-quotes</code>" in extract  # the generated options table
    ci = (tmp_path / "site" / "ci" / "index.html").read_text("utf-8")
    assert "talkclaims-check" in ci and "--format junit" in ci  # the snippets included


def test_every_command_has_a_page_with_its_options_table() -> None:
    for name in docs_options.commands():
        page = DOCS / "commands" / f"{name}.md"
        assert f"<!-- talkclaims-options: {name} -->" in page.read_text("utf-8"), name


@pytest.mark.parametrize("name", list(docs_options.commands()))
def test_the_options_table_lists_every_option_of_help(name: str) -> None:
    table = docs_options.options_table(name)
    help_text = runner.invoke(app, [name, "--help"], env={"COLUMNS": "200"}).stdout
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text))
    assert options, help_text
    assert {option for option in options if f"`{option}`" not in table} == set()


def test_an_options_marker_naming_no_command_stops_the_build() -> None:
    with pytest.raises(KeyError, match="no talkclaims command 'extrac'"):
        docs_options.on_page_markdown("<!-- talkclaims-options: extrac -->")


def test_the_records_page_names_every_field() -> None:
    page = (DOCS / "records.md").read_text("utf-8")
    fields_table = page[page.index("| field | meaning |") :]
    parquet_table = page[page.index("| column | type | null |") :]
    for field in FIELDS:
        assert re.search(rf"^\| [^|]*`{field}`", fields_table, re.M), field
        assert re.search(rf"^\| [^|]*\b{field}\b", parquet_table, re.M), field


def test_the_readme_links_lead_somewhere() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme)
    local = [t for t in targets if not t.startswith(("http://", "https://"))]
    assert len(local) >= 20
    assert [t for t in local if not (ROOT / t).exists()] == []


def test_the_readme_is_a_front_page() -> None:
    lines = (ROOT / "README.md").read_text("utf-8").splitlines()
    assert len(lines) <= 200
    assert "make run" in "\n".join(lines) and "make test" in "\n".join(lines)


def test_the_pandas_example_prints_what_the_page_shows(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    article = ROOT / "examples" / "article.txt"
    result = runner.invoke(
        app, ["extract", str(article), "-f", "parquet", "-o", "claims.parquet", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    runpy.run_path(str(ROOT / "examples" / "pandas_claims.py"), run_name="__main__")
    shown = (ROOT / "examples" / "pandas_claims.out").read_text("utf-8")
    assert capsys.readouterr().out == shown
