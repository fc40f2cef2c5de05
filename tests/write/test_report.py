"""The HTML report: structure, escaping, and a real headless Chromium.

The browser tests skip, saying how to install Chromium, on a machine without it; CI sets
TALKCLAIMS_REQUIRE_BROWSER=1 (and installs Debian's chromium), which turns that skip into
a failure so the browser tests always run there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter

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


# Speaker types, genders and quotations without a speaker, on articles written for it.
NEWS = {
    "gouvernement.txt": (
        "« Nous ne céderons rien », a déclaré la ministre Catherine Vautrin lundi.\n\n"
        "Une source diplomatique a indiqué que les discussions reprendraient mardi.\n\n"
        "« Rien n'est décidé », a-t-on appris.\n"
    ),
    "securite.txt": (
        "Le ministre Gérald Darmanin a affirmé que « la sécurité est la priorité ».\n\n"
        "Selon un proche du dossier, l'accord sera signé en juin.\n"
    ),
}


@pytest.fixture(scope="module")
def news_report(tmp_path_factory):
    """The report of NEWS, and the claims ``extract`` finds there."""
    folder = tmp_path_factory.mktemp("news")
    for name, text in NEWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("news-report") / "report.html"
    result = runner.invoke(app, ["report", str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    extracted = runner.invoke(app, ["extract", str(folder), "-f", "jsonl", "-j", "1"])
    claims = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert {c["speaker_type"] for c in claims} >= {"person", "anonymous", None}
    return out, claims


def _bars(page: str, title: str) -> dict[str, int]:
    """The bars of one chart: {label: count}, read from their tooltips."""
    svg = re.search(rf'<svg [^>]*aria-label="{title}">(.*?)</svg>', page, re.S).group(1)
    return {name: int(n) for name, n in re.findall(r"<title>([^<]*): (\d+)</title>", svg)}


def test_report_charts_speaker_types_and_genders(news_report):
    out, claims = news_report
    page = out.read_text(encoding="utf-8")
    types = Counter(c["speaker_type"] or "(none)" for c in claims)
    genders = Counter(c["speaker_gender"] or "(none)" for c in claims)
    assert _bars(page, "Claims by speaker type") == types
    assert _bars(page, "Claims by speaker gender") == genders
    assert genders["f"] >= 1 and genders["m"] >= 1 and types["(none)"] == 1


def test_report_marks_quotations_without_a_speaker(news_report):
    out, claims = news_report
    page = out.read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="([^"]*)"[^>]*data-speaker="([^"]*)"[^>]*>(.*?)</mark>', page)
    assert len(marks) == len(claims)
    for classes, speaker, _ in marks:  # the colour goes with having no speaker, and only it
        assert ("nospeaker" in classes.split()) == (speaker == "")
    (lone,) = [text for classes, _, text in marks if "nospeaker" in classes]
    assert "Rien n&#x27;est décidé" in lone
    assert '<span class="nospeaker">no speaker</span>' in page  # in the legend


#: Run after the report's own script: writes what the browser computed into the DOM.
PROBE = """<script>
var bg = function(q){ return getComputedStyle(document.querySelector(q)).backgroundColor; };
document.body.dataset.nospeaker = bg('mark.nospeaker');
document.body.dataset.legend = bg('.legend .nospeaker');
document.body.dataset.spoken = bg('mark.claim.direct:not(.nospeaker)');
document.body.dataset.bars = Array.from(document.querySelectorAll('.chart svg')).map(
  function(svg){ return svg.getAttribute('aria-label') + '=' +
    svg.querySelectorAll('rect.bar').length; }).join('|');
</script></body>"""


def test_report_colours_and_charts_in_a_real_browser(news_report, tmp_path):
    out, claims = news_report
    probed = tmp_path / "probed.html"
    probed.write_text(out.read_text(encoding="utf-8").replace("</body>", PROBE), "utf-8")
    dom = _run_chromium(tmp_path, "--virtual-time-budget=3000", "--dump-dom", probed.as_uri())
    body = dict(re.findall(r'data-(\w+)="([^"]*)"', re.search(r"<body[^>]*>", dom).group()))
    assert body["nospeaker"] == body["legend"] == "rgb(247, 198, 217)"
    assert body["spoken"] != body["nospeaker"]  # a quotation with a speaker keeps its kind's
    bars = dict(item.split("=") for item in body["bars"].split("|"))
    types = {c["speaker_type"] for c in claims}
    genders = {c["speaker_gender"] for c in claims}
    assert int(bars["Claims by speaker type"]) == len(types)
    assert int(bars["Claims by speaker gender"]) == len(genders)
