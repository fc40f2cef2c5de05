"""Web archives: every HTML page fetched with status 200 is an article; other records are
skipped and counted; a damaged archive gives its records up to the damage, then one
error naming the byte; memory stays flat whatever the archive's size."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from talkclaims.cli import app
from talkclaims.read import readers
from talkclaims.read.readers import Document, ReadFailure, iter_documents, read_items
from talkclaims.read.warc import WarcSummary, warc_summaries

runner = CliRunner()
CRAWLED = "2025-06-01T08:00:00Z"

MINISTRE = """<!doctype html><html><head><meta charset="utf-8">
<title>Retraites : la ministre ne cède pas – Le Courrier du Centre</title>
<meta property="og:site_name" content="Le Courrier du Centre">
<meta property="article:published_time" content="2025-05-30T18:00:00+02:00">
</head><body><nav><a href="/">Accueil</a> | <a href="/politique">Politique</a></nav>
<article><h1>Retraites : la ministre ne cède pas</h1>
<p>« Nous ne céderons rien », a déclaré la ministre Claire Dufour devant les députés
mardi soir, au terme d'une séance tendue à l'Assemblée nationale.</p>
<p>Les syndicats, reçus la veille, promettent de nouvelles mobilisations dans les
prochaines semaines et réclament le retrait pur et simple du texte.</p>
</article><footer>© 2025 Le Courrier du Centre</footer></body></html>"""
# no date of its own, no site name, served as ISO-8859-1
MAIRE = """<html><head><title>Le pont rouvrira</title></head><body><article>
<p>Le maire de Nantes, Paul Bernier, a affirmé que « le pont rouvrira lundi matin »,
après trois semaines de travaux sur la chaussée et les garde-corps de l'ouvrage.</p>
<p>Les commerçants du quartier, privés de clients depuis le début du chantier, attendent
cette réouverture avec impatience et espèrent un retour rapide à la normale.</p>
</article></body></html>"""
SENATEUR = """<html><head><title>Budget</title>
<meta property="og:site_name" content="La Gazette"></head><body><article>
<p>« Ce budget est insincère », a dénoncé le sénateur Marc Olivier. La commission des
finances l'a écouté jeudi devant une salle comble et des ministres visiblement agacés.</p>
<p>Le gouvernement défend au contraire des hypothèses de croissance prudentes et
rappelle que le Haut Conseil des finances publiques les a jugées plausibles.</p>
</article></body></html>"""
# a page drawn by JavaScript: nothing for trafilatura to read
NO_TEXT = """<html><head><title>Direct</title></head><body><div id="app"></div>
<script>render(document.getElementById("app"));</script></body></html>"""
PAGES = {
    "https://courrier.example/retraites": MINISTRE,
    "https://nantes.example/pont": MAIRE,
    "https://gazette.example/budget": SENATEUR,
}


def _response(
    writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": CRAWLED},
    )
    writer.write_record(record)


def _page(writer: WARCWriter, uri: str) -> None:
    if uri == "https://nantes.example/pont":
        _response(writer, uri, MAIRE.encode("latin-1"), "text/html; charset=ISO-8859-1")
    else:
        _response(writer, uri, PAGES[uri].encode(), "text/html; charset=utf-8")


def write_crawl(path, gzipped: bool = True) -> None:
    """A crawl holding every kind of record: the three article pages first (so that a
    cut in the 3rd record falls in an article), then the records to skip."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for uri in PAGES:
            _page(writer, uri)
        writer.write_record(writer.create_warcinfo_record("crawl", {"software": "test"}))
        request = StatusAndHeaders("GET /retraites HTTP/1.1", [("Host", "courrier.example")],
                                   is_http_request=True)  # fmt: skip
        writer.write_record(
            writer.create_warc_record(
                "https://courrier.example/retraites", "request", http_headers=request
            )
        )
        _response(writer, "https://courrier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                  "image/png")  # fmt: skip
        _response(writer, "https://courrier.example/api", b'{"a": 1}', "application/json")
        _response(writer, "https://courrier.example/absent", b"<html><body>Introuvable</body>"
                  b"</html>", "text/html", "404 Not Found")  # fmt: skip
        _response(writer, "https://courrier.example/menu", NO_TEXT.encode(), "text/html")


def record_offsets(path) -> list[int]:
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        offsets = []
        for record in records:
            record.content_stream().read()
            offsets.append(records.get_record_offset())
    return offsets


@pytest.fixture(params=[True, False], ids=["gzipped", "plain"])
def crawl(request, tmp_path):
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    write_crawl(path, request.param)
    return path


def test_html_pages_become_documents_with_their_metadata(crawl):
    with warc_summaries() as summaries:
        items = list(read_items(str(crawl)))
    assert all(isinstance(item, Document) for item in items)
    assert [item.id for item in items] == list(PAGES)
    ministre, maire, senateur = (dict(item.meta) for item in items)
    assert ministre == {
        "url": "https://courrier.example/retraites",
        "title": "Retraites : la ministre ne cède pas",
        "date": "2025-05-30",  # the page's publication date, not the crawl's
        "outlet": "Le Courrier du Centre",
    }
    # no date of its own: the crawl's day; no site name: its domain
    assert maire["date"] == "2025-06-01" and maire["outlet"] == "nantes.example"
    assert senateur["outlet"] == "La Gazette"
    assert "« le pont rouvrira lundi matin »" in items[1].text  # ISO-8859-1 decoded as such
    assert items[1].warning is None
    assert "Accueil" not in items[0].text and "<p>" not in items[0].text
    assert summaries == [WarcSummary(str(crawl), pages=3, not_html=4, not_ok=1, no_text=1)]


def test_the_summary_line_counts_every_skip():
    summary = WarcSummary("crawl.warc.gz", pages=1204, not_html=2010, not_ok=85, no_text=1017)
    assert summary.line() == (
        "crawl.warc.gz: 1,204 pages read; skipped 3,112 records "
        "(2,010 not HTML, 85 not 200, 1,017 no article text)"
    )
    assert WarcSummary("a.warc", pages=1, not_ok=1).line() == (
        "a.warc: 1 page read; skipped 1 record (1 not 200)"
    )
    assert WarcSummary("a.warc", pages=2).line() == "a.warc: 2 pages read"


def test_summaries_are_only_collected_inside_the_block(crawl):
    with warc_summaries() as summaries:
        pass
    list(read_items(str(crawl)))
    assert summaries == []


def test_claims_end_to_end_with_the_pages_metadata(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_crawl(crawl)
    result = runner.invoke(app, ["extract", str(crawl), "--format", "jsonl", "--with-text"])
    assert result.exit_code == 0, result.output  # skips are not failures
    records = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(r["doc"], r["speaker"], r["cue"]) for r in records}
    assert ("https://courrier.example/retraites", "Claire Dufour", "déclarer") in found
    assert ("https://nantes.example/pont", "Paul Bernier", "affirmer") in found
    assert ("https://gazette.example/budget", "Marc Olivier", "dénoncer") in found
    first = next(r for r in records if r["speaker"] == "Claire Dufour")
    assert first["text"] == "Nous ne céderons rien"
    assert (first["url"], first["title"], first["date"], first["outlet"]) == (
        "https://courrier.example/retraites", "Retraites : la ministre ne cède pas",
        "2025-05-30", "Le Courrier du Centre",
    )  # fmt: skip
    for record in records:
        assert record["document_text"][record["start"] : record["end"]] == record["text"]


def test_the_cli_prints_one_summary_line_per_archive(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_crawl(crawl)
    result = runner.invoke(app, ["extract", str(crawl), "--format", "jsonl"])
    assert result.exit_code == 0
    assert (
        f"talkclaims: {crawl}: 3 pages read; skipped 6 records (4 not HTML, 1 not 200, "
        "1 no article text)"
    ) in result.stderr


@pytest.mark.parametrize("gzipped", [True, False], ids=["gzipped", "plain"])
def test_a_truncated_archive_gives_its_records_then_one_error(tmp_path, gzipped):
    whole = tmp_path / "whole.warc"
    write_crawl(whole, gzipped)
    third, fourth = record_offsets(whole)[2:4]
    cut = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    cut.write_bytes(whole.read_bytes()[: (third + fourth) // 2])  # in the 3rd record
    with warc_summaries() as summaries:
        items = list(read_items(str(cut)))
    assert [type(item) for item in items] == [Document, Document, ReadFailure]
    assert items[2].id == str(cut)
    assert items[2].message == f"corrupt or truncated WARC at byte {third}: unexpected end of file"
    assert summaries[0].pages == 2

    result = runner.invoke(app, ["extract", str(cut), "--format", "jsonl"])
    assert result.exit_code == 1
    assert (
        f"talkclaims: {cut}: corrupt or truncated WARC at byte {third}: unexpected end of file"
        in result.stderr
    )
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"https://courrier.example/retraites", "https://nantes.example/pont"}


def test_corrupt_bytes_in_the_middle_are_named_by_their_offset(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_crawl(whole)
    data = whole.read_bytes()
    third = record_offsets(whole)[2]
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: third + 20] + b"\x00" * 40 + data[third + 60 :])
    items = list(read_items(str(broken)))
    assert [type(item) for item in items] == [Document, Document, ReadFailure]
    assert items[2].message.startswith(f"corrupt or truncated WARC at byte {third}: ")


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path):
    fake = tmp_path / "notes.warc"
    fake.write_text("Ceci n'est pas une archive.\n", encoding="utf-8")
    items = list(read_items(str(fake)))
    assert items == [
        ReadFailure(str(fake), "corrupt or truncated WARC at byte 0: not a WARC record")
    ]


def test_a_page_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    crawl = tmp_path / "crawl.warc.gz"
    write_crawl(crawl)
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 600)  # MINISTRE is longer, MAIRE not
    items = list(read_items(str(crawl)))
    assert isinstance(items[0], ReadFailure) and items[0].id == "https://courrier.example/retraites"
    assert items[0].message == (
        f"too large for an article (over 0 MB): record at byte 0 of {crawl}"
    )
    assert [type(item) for item in items[1:]] == [Document, Document]


def test_folders_are_searched_for_archives_among_other_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Selon Reuters, la banque relèvera ses taux.", "utf-8")
    sub = tmp_path / "crawls"
    sub.mkdir()
    write_crawl(sub / "b.warc.gz")
    write_crawl(sub / "c.warc", gzipped=False)
    (sub / "d.gz").write_bytes(gzip.compress(b"pas une archive"))  # not read: not a WARC
    names = list(readers.expand_paths([str(tmp_path)]))
    assert names == [str(tmp_path / "a.txt"), str(sub / "b.warc.gz"), str(sub / "c.warc")]
    ids = [item.id for item in iter_documents([str(tmp_path)])]
    assert ids == [str(tmp_path / "a.txt"), *PAGES, *PAGES]
    assert readers.holds_many_articles(str(sub / "b.warc.gz"))

    result = runner.invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert list(dict.fromkeys(docs)) == [str(tmp_path / "a.txt"), *PAGES]  # both archives
    assert docs.count("https://nantes.example/pont") == 2


def test_a_saved_page_carries_the_same_metadata(tmp_path):
    page = tmp_path / "retraites.html"
    page.write_text(
        MINISTRE.replace(
            "<title>", '<link rel="canonical" href="https://courrier.example/retraites"><title>'
        ),
        encoding="utf-8",
    )
    (item,) = read_items(str(page))
    assert dict(item.meta) == {
        "url": "https://courrier.example/retraites",
        "title": "Retraites : la ministre ne cède pas",
        "date": "2025-05-30",
        "outlet": "Le Courrier du Centre",
    }
    bare = tmp_path / "bare.html"  # nothing declared: nothing made up (no date from « © »)
    bare.write_text(MAIRE.replace("</article>", "</article><footer>© 2024</footer>"), "utf-8")
    (item,) = read_items(str(bare))
    assert dict(item.meta) == {"title": "Le pont rouvrira"}


MEMORY = textwrap.dedent(
    """
    import resource, sys
    from talkclaims.read.readers import read_items
    count = sum(1 for _ in read_items(sys.argv[1]))
    print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """
)


def _big_crawl(path, pages: int) -> None:
    """``pages`` article pages, each followed by a 200 KB download that is skipped."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(pages):
            _response(writer, f"https://gazette.example/{i}", SENATEUR.encode(), "text/html")
            _response(writer, f"https://gazette.example/{i}.bin", bytes(200_000),
                      "application/octet-stream")  # fmt: skip


def test_memory_stays_flat_whatever_the_archives_size(tmp_path):
    peaks = {}
    for pages in (100, 400):  # 20 MB of records, then 80 MB
        path = tmp_path / f"crawl-{pages}.warc.gz"
        _big_crawl(path, pages)
        out = subprocess.run(
            [sys.executable, "-c", MEMORY, str(path)], capture_output=True, text=True, check=True
        ).stdout.split()
        assert int(out[0]) == pages
        peaks[pages] = int(out[1])
    assert peaks[400] - peaks[100] < 10, peaks  # MB; holding the records would add 60
