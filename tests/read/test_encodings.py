"""Bad bytes and odd line breaks: a stray byte, UTF-16 without a mark, JSON Lines dumps."""

from __future__ import annotations

import json
import tracemalloc

from typer.testing import CliRunner

from talkclaims.cli import app
from talkclaims.read.readers import Document, ReadFailure, decode, read_items, read_path

runner = CliRunner()
ARTICLE = "Le maire a déclaré que « la route rouvrira lundi », selon l’AFP. " * 40


def test_one_stray_byte_in_utf8_is_replaced_and_named(tmp_path):
    data = ARTICLE.encode("utf-8")
    cut = data.index(b"rouvrira") + 3
    path = tmp_path / "a.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    document = read_path(str(path))
    assert isinstance(document, Document)
    assert (
        document.text
        == ARTICLE[: len(data[:cut].decode())] + "\ufffd" + ARTICLE[len(data[:cut].decode()) :]
    )  # one character added, every other one in its place
    assert "Ã" not in document.text and "déclaré" in document.text
    assert document.warning == f"invalid UTF-8 at byte {cut} (1 byte replaced)"


def test_the_cli_warns_and_still_finds_every_claim(tmp_path):
    clean, stray = tmp_path / "clean.txt", tmp_path / "stray.txt"
    clean.write_text(ARTICLE, encoding="utf-8")
    data = ARTICLE.encode("utf-8")
    stray.write_bytes(data[:10] + b"\x80" + data[10:])
    ok = runner.invoke(app, ["extract", str(clean), "-f", "jsonl", "-j", "1"])
    bad = runner.invoke(app, ["extract", str(stray), "-f", "jsonl", "-j", "1"])
    assert bad.exit_code == 0
    assert (
        bad.stderr == f"talkclaims: warning: {stray}: invalid UTF-8 at byte 10 (1 byte replaced)\n"
    )
    expected = [json.loads(line)["speaker"] for line in ok.stdout.splitlines()]
    assert [json.loads(line)["speaker"] for line in bad.stdout.splitlines()] == expected
    assert len(expected) > 10


def test_offsets_of_several_bad_bytes_are_listed_after_a_bom():
    data = b"\xef\xbb\xbf" + "été ".encode() * 30 + b"a\xc3(b\xe2\x82z"
    document = decode(data, "x.txt")
    assert document.text == data[3:].decode("utf-8", "replace")
    assert document.warning == "invalid UTF-8 at bytes 184, 187 (3 bytes replaced)"


def test_windows_1252_is_still_read_as_windows_1252():
    document = decode("« Il a déclaré », a-t-il ajouté. Très bien.".encode("cp1252"), "w.txt")
    assert document.text == "« Il a déclaré », a-t-il ajouté. Très bien."
    assert document.warning == "not UTF-8 (byte 0): read as Windows-1252"


def test_utf16_without_a_byte_order_mark_is_read_not_called_binary():
    for encoding, label in (("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")):
        document = decode(ARTICLE.encode(encoding), "u.txt")
        assert isinstance(document, Document), document
        assert document.text == ARTICLE
        assert document.warning == f"no byte-order mark: read as {label}"
    odd = decode(ARTICLE.encode("utf-16-le")[:-1], "odd.txt")
    assert isinstance(odd, ReadFailure) and "UTF-16 without a byte-order mark?" in odd.message
    assert decode(b"\x00\x01\x02\x03binary", "b.bin").message == "binary file (contains NUL bytes)"


def _dump(*records: bytes) -> bytes:
    return b"\n".join(records) + b"\n"


def _record(text: str, **extra: str) -> bytes:
    return json.dumps({"text": text, **extra}, ensure_ascii=False).encode("utf-8")


def test_line_separators_inside_json_strings_do_not_split_a_record(tmp_path):
    texts = ["Un\u2028deux.", "Trois\u2029quatre.", "Cinq\u0085six.", "Sept.\r", "Huit."]
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(
        _record(texts[0]) + b"\n" + _record(texts[1]) + b"\r\n" + _record(texts[2]) + b"\n"
        + _record(texts[3]) + b"\n{bad\n" + _record(texts[4])
    )  # fmt: skip
    items = list(read_items(str(dump)))
    assert [getattr(i, "text", None) for i in items] == [*texts[:4], None, texts[4]]
    assert [i.id for i in items] == [f"{dump}:{n}" for n in range(1, 7)]
    assert isinstance(items[4], ReadFailure) and all(i.warning is None for i in items[:4])


def test_each_line_of_a_dump_is_decoded_on_its_own(tmp_path):
    utf8 = _record("Il a déclaré « oui ».", id="a")
    stray = _record("Elle a été élue « hier ».", id="b").replace(b"hier", b"hi\xffer")
    cp1252 = json.dumps({"text": "Très bien, a-t-il ajouté."}, ensure_ascii=False)
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(_dump(utf8, stray, cp1252.encode("cp1252"), utf8.replace(b'"a"', b'"d"')))
    a, b, c, d = read_items(str(dump))
    assert a.text == d.text == "Il a déclaré « oui »." and a.warning is None is d.warning
    assert b.text == "Elle a été élue « hi\ufffder »."
    offset = len(utf8) + 1 + stray.index(b"\xff")
    assert b.warning == f"{dump}:2: invalid UTF-8 at byte {offset} (1 byte replaced)"
    assert c.text == "Très bien, a-t-il ajouté." and "Windows-1252" in c.warning


def test_a_utf16_dump_is_read_line_by_line(tmp_path):
    dump = tmp_path / "d.jsonl"
    lines = [_record("Un\u2028deux.").decode(), _record("Trois.").decode()]
    dump.write_bytes("\r\n".join(lines).encode("utf-16"))
    assert [i.text for i in read_items(str(dump))] == ["Un\u2028deux.", "Trois."]


def test_a_dump_is_streamed_not_read_whole(tmp_path):
    dump = tmp_path / "big.jsonl"
    line = _record("x" * 1000) + b"\n"
    dump.write_bytes(line * 20_000)  # 20 MB
    items = read_items(str(dump))
    tracemalloc.start()
    try:
        for _ in range(20_000):
            next(items)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, peak
