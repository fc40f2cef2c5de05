"""--jobs is capped at the CPUs the run may use, with one line saying so, unless
--jobs-force: more workers than CPUs each load the model and share the same CPUs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import talkclaims.cli.common as common
import talkclaims.run.parallel as parallel
from talkclaims.cli import app
from talkclaims.run.cpus import usable_cpus

runner = CliRunner()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("« Le musée rouvrira », a annoncé Claire Morin.\n", encoding="utf-8")
    return path


@pytest.fixture
def runs(monkeypatch):
    """Two usable CPUs, and the options each run is given (no worker is started)."""
    monkeypatch.setattr(common, "usable_cpus", lambda: 2)
    seen = []

    def process_paths(names, options):
        seen.append(options)
        return iter(())

    monkeypatch.setattr(parallel, "process_paths", process_paths)
    return seen


@pytest.mark.parametrize("command", [["extract"], ["stats"]])
@pytest.mark.parametrize("jobs", ["64", "100000"])
def test_more_jobs_than_cpus_are_capped_with_one_line(article, runs, command, jobs):
    result = runner.invoke(app, [*command, str(article), "-j", jobs])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"talkclaims: warning: --jobs {jobs}: 2 usable CPUs here, so 2 workers "
        f"(--jobs-force to start {jobs})\n"
    )
    assert [options.jobs for options in runs] == [2]


def test_report_is_capped_too(article, runs, monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(
        parallel, "process_documents", lambda docs, options: seen.append(options) or iter(())
    )
    result = runner.invoke(app, ["report", str(article), "-o", str(tmp_path / "r.html"), "-j", "8"])
    assert result.exit_code == 0, result.output
    assert "--jobs 8: 2 usable CPUs here, so 2 workers" in result.stderr
    assert [options.jobs for options in seen] == [2]


@pytest.mark.parametrize("jobs", ["2", "1"])
def test_jobs_within_the_cpus_are_kept_silently(article, runs, jobs):
    result = runner.invoke(app, ["extract", str(article), "-j", jobs])
    assert result.exit_code == 0 and result.stderr == ""
    assert [options.jobs for options in runs] == [int(jobs)]


def test_jobs_force_starts_what_was_asked(article, runs):
    result = runner.invoke(app, ["extract", str(article), "-j", "64", "--jobs-force"])
    assert result.exit_code == 0 and result.stderr == ""
    assert [options.jobs for options in runs] == [64]


def test_a_dask_run_is_not_capped_by_this_machine(article, runs):
    result = runner.invoke(app, ["extract", str(article), "-j", "64", "--dask"])
    assert result.exit_code == 0 and result.stderr == ""


def test_the_default_is_every_usable_cpu():
    assert common.DEFAULT_JOBS == usable_cpus() >= 1


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_usable_cpus_follows_the_cpu_affinity():
    # as `taskset -c N` or a container's cpuset leaves the process one CPU
    code = (
        "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))});"
        "from talkclaims.run.cpus import usable_cpus; print(usable_cpus())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "1\n"
