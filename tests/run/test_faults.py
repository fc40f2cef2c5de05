"""Faults under --jobs: a killed worker loses only its articles, a killed run leaves nothing.

These tests kill real processes with SIGKILL, as the OOM killer or `kill -9` would.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.read.readers import Document
from talkclaims.run.parallel import CHUNK_SIZE, _how_it_ended, process_parallel
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

FIVE = 5  # distinct articles in the corpus
CLI = [sys.executable, "-c", "from talkclaims.cli import main; main()"]


@pytest.fixture(scope="module")
def forty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forty")
    sources = sorted(CORPUS.glob("*.txt"))
    assert len(sources) == FIVE
    for i in range(40):
        shutil.copyfile(sources[i % len(sources)], folder / f"{i:03d}.txt")
    return folder


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, None once it is gone or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in "ZX" else (fields[0], int(fields[1]))


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) and stat[1] == pid:
            found.append(int(entry))
    return found


def _workers(pid: int) -> list[int]:
    """Worker processes of the run in ``pid``: children of its children (the forkserver)."""
    return [w for child in _children(pid) for w in _children(child)]


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def test_exit_status_is_named():
    assert _how_it_ended(-9) == "worker died (killed by signal 9)"
    assert _how_it_ended(3) == "worker died (exit code 3)"
    assert _how_it_ended(None) == "worker died"


def test_a_killed_worker_loses_only_its_documents(extractor):
    """Library level: the documents the worker held fail, the others come out in order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    documents = [Document(f"{i:03d}.txt", texts[i % len(texts)]) for i in range(24)]
    results = process_parallel(documents, jobs=2)
    got = [next(results)]  # the workers are running
    workers = _workers(os.getpid())
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    got += list(results)
    assert [r.doc for r in got] == [d.id for d in documents]
    lost = [r for r in got if r.error]
    assert 1 <= len(lost) <= CHUNK_SIZE
    assert {r.error for r in lost} == {"worker died (killed by signal 9)"}
    alone = list(extractor.process(documents[: len(texts)]))  # each text once
    for i, result in enumerate(got):
        if not result.error:
            same = alone[i % len(texts)]
            claims = tuple(dataclasses.replace(c, doc=result.doc) for c in same.claims)
            assert result == dataclasses.replace(same, doc=result.doc, claims=claims)


def test_cli_run_survives_a_killed_worker(forty, tmp_path):
    out = tmp_path / "claims.jsonl"
    process = subprocess.Popen(
        [*CLI, "extract", str(forty), "-f", "jsonl", "-j", "2", "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:

        def writing():  # the first records are out: the run is under way
            temps = list(tmp_path.glob(".claims.jsonl.*.tmp"))
            return temps and temps[0].stat().st_size > 0 and _workers(process.pid)

        victim = _wait_for(writing, 60, "the run to start writing")[0]
        os.kill(victim, signal.SIGKILL)
        _, stderr = process.communicate(timeout=90)
    finally:
        process.kill()
    assert process.returncode == 1, stderr
    lost = [
        line for line in stderr.splitlines() if line.endswith(": worker died (killed by signal 9)")
    ]
    assert lost == stderr.splitlines()
    assert 1 <= len(lost) <= CHUNK_SIZE
    lost_docs = {line.removeprefix("talkclaims: ").rsplit(": worker died", 1)[0] for line in lost}
    # what `--jobs 1` writes for each file: the records of its text, under its own name
    five = tmp_path / "five"
    five.mkdir()
    for source in sorted(forty.glob("*.txt"))[:FIVE]:
        shutil.copyfile(source, five / source.name)
    one = CliRunner().invoke(app, ["extract", str(five), "-f", "jsonl", "-j", "1"])
    assert one.exit_code == 0
    by_name: dict[str, list[str]] = {}
    for line in one.stdout.splitlines(keepends=True):
        by_name.setdefault(Path(json.loads(line)["doc"]).name, []).append(line)
    expected = []
    for i, path in enumerate(sorted(forty.glob("*.txt"))):
        if str(path) not in lost_docs:
            source = five / sorted(by_name)[i % FIVE]
            expected += [line.replace(str(source), str(path)) for line in by_name[source.name]]
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == expected
    assert lost_docs <= {str(p) for p in forty.glob("*.txt")}


def test_killing_the_run_ends_all_its_processes(forty, tmp_path):
    process = subprocess.Popen(
        [*CLI, "extract", str(forty), "-f", "jsonl", "-j", "2", "-o", str(tmp_path / "x.jsonl")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_for(lambda: len(_workers(process.pid)) >= 2, 60, "two workers")
        pids = _children(process.pid) + _workers(process.pid)
        assert len(pids) >= 4  # the forkserver, the resource tracker, two workers
        closed = threading.Event()
        threading.Thread(target=lambda: (process.stderr.read(), closed.set()), daemon=True).start()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert closed.wait(timeout=10), "stderr is still held open"
        _wait_for(lambda: not any(_stat(pid) for pid in pids), 10, "the run's processes to end")
    finally:
        process.kill()
        for pid in _children(process.pid) + _workers(process.pid):
            os.kill(pid, signal.SIGKILL)
