"""Scale: streaming, worker processes, Dask, progress, start-up."""

from __future__ import annotations

import dataclasses
import itertools
import shutil

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.cli.common import with_progress
from talkclaims.read.readers import Document
from talkclaims.run.parallel import (
    CHUNK_SIZE,
    RunOptions,
    process_dask,
    process_documents,
    process_parallel,
    process_paths,
)
from tests.conftest import CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """More articles than one chunk, so that work really is split."""
    folder = tmp_path_factory.mktemp("many")
    sources = sorted(CORPUS.glob("*.txt"))
    for i in range(CHUNK_SIZE * 2 + 3):
        shutil.copyfile(sources[i % len(sources)], folder / f"{i:03d}_{sources[i % 5].name}")
    return folder


def _documents(folder):
    return [Document(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def test_jobs_two_writes_byte_identical_output(many):
    one = runner.invoke(app, ["extract", str(many), "-f", "jsonl", "--jobs", "1"])
    two = runner.invoke(app, ["extract", str(many), "-f", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout.count("\n") > 100
    assert one.stdout == two.stdout


def test_dask_local_cluster_gives_the_same_records_in_order(many, extractor):
    pytest.importorskip("dask.distributed", reason="pip install 'talkclaims[dask]'")
    from dask.distributed import LocalCluster

    documents = _documents(many)
    expected = list(extractor.process(documents))
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        results = list(process_dask(documents, scheduler=cluster.scheduler_address))
    assert [r.doc for r in results] == [d.id for d in documents]
    assert results == expected


def test_records_stream_out_before_the_input_ends(extractor):
    """An endless input still gives its first results: nothing waits for the whole corpus."""
    text = (CORPUS / "002_157e4dad8d8be975.txt").read_text(encoding="utf-8")
    endless = (Document(f"{i}.txt", text) for i in itertools.count())
    first = list(itertools.islice(extractor.process(endless), 3))
    assert [r.doc for r in first] == ["0.txt", "1.txt", "2.txt"]
    parallel = process_parallel((Document(f"{i}.txt", text) for i in itertools.count()), jobs=2)
    assert [r.doc for r in itertools.islice(parallel, 3)] == ["0.txt", "1.txt", "2.txt"]


def test_progress_is_silent_when_stderr_is_not_a_terminal(many):
    result = runner.invoke(app, ["extract", str(many), "-f", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0 and result.stderr == ""


def test_progress_bar_keeps_every_result_in_order(monkeypatch, capsys):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    items = list(range(12))
    assert list(with_progress(iter(items), len(items))) == items
    assert capsys.readouterr().out == ""  # never mixed into stdout


def test_run_options_are_one_frozen_value_with_a_one_process_default():
    options = RunOptions()
    assert (options.patterns_dirs, options.jobs, options.scheduler, options.use_dask) == (
        (),
        1,
        None,
        False,
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.jobs = 2  # type: ignore[misc]


def test_patterns_loaded_by_the_caller_are_used_in_this_process(tmp_path):
    from talkclaims.lang.patterns import load_patterns

    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "verbs.yaml").write_text("verbs: [roucouler]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Le maire a roucoulé que « la route rouvrira ».", encoding="utf-8")
    plain = next(process_paths([str(article)]))
    assert not any(c.cue == "roucouler" for c in plain.claims)
    # only the loaded rules, no folder: what is found comes from ``patterns``
    options = RunOptions(jobs=2, patterns=load_patterns([extra]))
    (result,) = process_paths([str(article)], options)  # one file: stays in this process
    assert [c.cue for c in result.claims] == ["roucouler"]


def test_process_documents_with_workers_keeps_input_order(many):
    documents = _documents(many)
    results = list(process_documents(documents, RunOptions(jobs=2)))
    assert [r.doc for r in results] == [d.id for d in documents]
    assert all(r.error is None and r.claims for r in results)
