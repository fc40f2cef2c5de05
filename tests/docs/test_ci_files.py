"""The CI files of docs/ci.md (examples/ci/) and the repository's pre-commit hook work.

Each file is read as YAML; every talkclaims command it runs is run, with its options, in
a folder laid out as the files expect (articles/, baseline.yaml, expectations.yaml), and
must pass there; an article with a quotation nobody is credited with must fail it.
"""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
import yaml
from typer.testing import CliRunner

from talkclaims.cli.root import app
from tests.docs.examples import ROOT

runner = CliRunner()
CI = ROOT / "examples" / "ci"
UNATTRIBUTED = "Le conseil se réunira jeudi.\n\n« Rien n'est décidé », a-t-on appris.\n"


def commands_of(name: str) -> list[list[str]]:
    """The talkclaims command lines a CI file runs, as words after `talkclaims`."""
    data = yaml.safe_load((CI / name).read_text(encoding="utf-8"))
    if name == "github-actions.yml":
        runs = [
            step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step
        ]
    else:  # GitLab: a job's script
        runs = [line for job in data.values() if isinstance(job, dict) for line in job["script"]]
    lines = [line for run in runs for line in run.splitlines()]
    found = [shlex.split(line)[1:] for line in lines if line.startswith("talkclaims ")]
    assert found, f"{name} runs no talkclaims command"
    return found


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A newsroom's repository as the CI files expect it: articles, a reviewed baseline and
    checked attributions."""
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "examples" / "article.txt", tmp_path / "articles" / "article.txt")
    shutil.copy(CI / "expectations.yaml", tmp_path / "expectations.yaml")
    monkeypatch.chdir(tmp_path)
    baseline = runner.invoke(app, ["extract", "articles/", "--format", "yaml", "-j", "1"])
    assert baseline.exit_code == 0, baseline.output
    (tmp_path / "baseline.yaml").write_text(baseline.stdout, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_file_runs_a_check_that_passes_then_fails(name, newsroom) -> None:
    for args in commands_of(name):
        assert args[0] == "check"
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert "every check passed" in result.stderr
        # an article whose quotation nobody is credited with turns the build red
        (newsroom / "articles" / "new.txt").write_text(UNATTRIBUTED, encoding="utf-8")
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
        (newsroom / "articles" / "new.txt").unlink()
    if name == "gitlab-ci.yml":  # the JUnit report GitLab reads is where the job says
        report = yaml.safe_load((CI / name).read_text("utf-8"))["attributions"]
        assert (newsroom / report["artifacts"]["reports"]["junit"]).read_text().startswith("<?xml")


def test_the_github_workflow_is_a_workflow() -> None:
    data = yaml.safe_load((CI / "github-actions.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads a bare `on` as True: GitHub reads it as the key `on`
    assert data[True] == ["pull_request"]
    steps = data["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert any("pip install" in step.get("run", "") for step in steps)


def test_the_pre_commit_config_names_the_repository_hook(newsroom) -> None:
    config = yaml.safe_load((CI / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert {"repo", "rev", "hooks"} <= set(repo)
    by_id = {hook["id"]: hook for hook in hooks}
    (used,) = repo["hooks"]
    hook = by_id[used["id"]]
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["language"] == "python"  # pre-commit pip-installs this repository
    # pre-commit runs the entry with the changed files that match `files`
    changed = [
        p for p in ("articles/article.txt", "notes.pdf", "a.md") if re.search(hook["files"], p)
    ]
    assert changed == ["articles/article.txt", "a.md"]
    words = shlex.split(hook["entry"])
    assert words[0] == "talkclaims"
    passed = runner.invoke(app, [*words[1:], "articles/article.txt"])
    assert passed.exit_code == 0, passed.output
    (newsroom / "new.txt").write_text(UNATTRIBUTED, encoding="utf-8")
    failed = runner.invoke(app, [*words[1:], "articles/article.txt", "new.txt"])
    assert failed.exit_code == 1
    assert "new.txt:3:3: direct claim with no speaker: «Rien n'est décidé»" in failed.stdout
