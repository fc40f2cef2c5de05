"""The HTML report: structure, escaping, and a real headless Chromium.

The browser tests skip, saying how to install Chromium, on a machine without it; CI sets
TALKCLAIMS_REQUIRE_BROWSER=1 (and installs Debian's chromium), which turns that skip into
a failure so the browser tests always run there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from talkclaims.cli import app
from tests.conftest import CORPUS

runner = CliRunner()
HOSTILE = (
    "Le maire a déclaré que « la route rouvrira lundi ».\n"
    "<script>document.body.setAttribute('data-pwned', 'yes')</script> "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">\n"
)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic",
]  # fmt: skip


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    hostile = folder / "articles" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    for article in sorted(CORPUS.glob("*.txt")):
        shutil.copyfile(article, folder / "articles" / article.name)
    out = folder / "report.html"
    result = runner.invoke(app, ["report", str(folder / "articles"), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    extracted = runner.invoke(app, ["extract", str(folder / "articles"), "-f", "jsonl", "-j", "1"])
    return out, extracted.stdout.count("\n")


def test_report_is_one_self_contained_file(reports):
    out, claims = reports
    page = out.read_text(encoding="utf-8")
    assert page.count('<mark class="claim') == claims
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)  # nothing fetched
    assert "<link" not in page and page.count("<script>") == 1  # only our own inline script
    assert "&lt;script&gt;document.body.setAttribute" in page
    # every bar of the speaker and outlet charts leads to a claim of that group
    links = re.findall(r'href="#(c\d+)" data-filter-(speaker|source)="([^"]*)"', page)
    assert len(links) > 5
    for anchor, _group, name in links:
        mark = re.search(rf'<mark[^>]*id="{anchor}"[^>]*>', page).group()
        assert name in mark


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "headless Chromium not found: install it with `apt-get install chromium`"
        if os.environ.get("TALKCLAIMS_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _run_chromium(tmp_path, *args: str) -> str:
    done = subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_in_a_real_browser(reports, tmp_path):
    out, claims = reports
    dom = _run_chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", out.as_uri())
    assert len(re.findall(r'<mark class="claim', dom)) == claims
    assert len(re.findall(r'<rect class="bar"', dom)) >= 3
    body = re.search(r"<body[^>]*>", dom).group()
    assert "data-pwned" not in body  # the article's <script> and onerror did not run
    # our own script ran: it counted the claims shown by the filters
    assert re.search(rf'<span id="f-count">{claims}</span>', dom)


def test_report_screenshot(reports, tmp_path):
    out, _ = reports
    shot = tmp_path / "report.png"
    _run_chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", out.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
