"""An interrupted run never leaves a partial --output file, and the old one survives."""

from __future__ import annotations

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
