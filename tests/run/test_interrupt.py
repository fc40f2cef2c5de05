"""An interrupted run never leaves a partial --output file, and the old one survives."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    sources = sorted(CORPUS.glob("*.txt"))
    for i in range(120):
        shutil.copyfile(sources[i % len(sources)], folder / f"{i:03d}.txt")
    return folder


def _run_until_writing(big, out):
    process = subprocess.Popen(
        [sys.executable, "-c", "from talkclaims.cli import main; main()",
         "extract", str(big), "-f", "jsonl", "-j", "1", "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        temps = list(out.parent.glob(f".{out.name}.*.tmp"))
        if temps and temps[0].stat().st_size > 2000:  # records are being written
            return process
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.2)
    process.kill()
    pytest.fail("the run never started writing")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_run_leaves_the_previous_output_intact(big, tmp_path, sig):
    out = tmp_path / "claims.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    process = _run_until_writing(big, out)
    process.send_signal(sig)
    process.wait(timeout=60)
    assert process.returncode != 0
    assert out.read_text(encoding="utf-8") == "previous run\n"
    if sig != signal.SIGKILL:  # a catchable signal also removes the temporary file
        assert list(tmp_path.glob(".claims.jsonl.*")) == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_dask_run_says_nothing_of_dask(tmp_path, sig):
    # Ctrl-C at a terminal signals the whole process group, the cluster's workers too
    pytest.importorskip("dask.distributed", reason="pip install 'talkclaims[dask]'")
    line = json.dumps(
        {"text": "« La digue tiendra », a assuré Odile Marchand, la maire. " * 40},
        ensure_ascii=False,
    )
    dump = tmp_path / "dump.jsonl"
    dump.write_text((line + "\n") * 20_000, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-c", "from talkclaims.cli import main; main()",
         "extract", str(dump), "--dask", "-f", "jsonl", "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.monotonic() + 240
    while not any(t.stat().st_size > 20_000 for t in tmp_path.glob(".claims.jsonl.*.tmp")):
        assert process.poll() is None and time.monotonic() < deadline, "never wrote"
        time.sleep(0.2)
    os.killpg(process.pid, sig)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + sig
    assert stderr == "", stderr  # no CancelledError warning, no worker's traceback
    assert not out.exists() and list(tmp_path.glob(".claims.jsonl.*")) == []
