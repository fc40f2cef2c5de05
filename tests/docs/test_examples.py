"""Every runnable example of the README and of docs/ prints what its page says it prints."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from talkclaims.cli.root import app
from tests.docs.examples import ROOT, Example, all_examples, examples, normalise

runner = CliRunner()

#: Commands that start worker processes for a folder or a dump of many articles. Their
#: output is the same for any --jobs (tests/run), so examples run with --jobs 1 here: the
#: model is already loaded in this process, and a worker would load it again.
PARALLEL = {"extract", "report", "stats", "quotes"}

EXAMPLES = all_examples()


def test_the_pages_hold_runnable_examples() -> None:
    pages = {example.page for example in EXAMPLES}
    assert "README.md" in pages
    assert {"docs/getting-started.md", "docs/ci.md", "docs/patterns.md"} <= pages
    assert 8 <= len(EXAMPLES) <= 30  # enough to matter, few enough to run in seconds


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_prints_what_its_page_says(example: Example, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    args = list(example.args)
    if args[0] in PARALLEL and not {"--jobs", "-j"} & set(args):
        args += ["--jobs", "1"]
    result = runner.invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert normalise(result.output) == normalise(example.output), str(example)


def test_an_example_that_no_longer_holds_is_caught(tmp_path) -> None:
    """The reader of examples finds commands and outputs, so a changed output fails."""
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n```console\n$ talkclaims --version\ntalkclaims 0.0.0\n```\n", encoding="utf-8"
    )
    (example,) = examples(page)
    assert example.args == ("--version",) and example.output == "talkclaims 0.0.0"
    result = runner.invoke(app, list(example.args))
    assert result.exit_code == 0
    assert normalise(result.output) != normalise(example.output)
