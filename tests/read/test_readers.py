"""Reading paths: order, suffixes, and bad input that must not stop a run."""

import codecs

import pytest

from talkclaims.read.readers import (
    Document,
    MissingPathError,
    ReadFailure,
    check_paths,
    expand_paths,
    iter_documents,
)


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.md", "c.txt", "b/notes.csv", "b/a.TXT"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([str(tmp_path)])]
    assert found == ["a.md", "b/a.TXT", "b/z.txt", "c.txt"]


def test_missing_path_is_reported_before_any_work(tmp_path):
    with pytest.raises(MissingPathError, match=r"nope\.txt: no such file"):
        check_paths([str(tmp_path / "nope.txt")])


def test_text_is_kept_exactly_as_read_including_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Ligne un\r\nLigne « deux »\r\n".encode())
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == "Ligne un\r\nLigne « deux »\r\n"


def test_binary_files_become_failures_not_exceptions(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text("bien", encoding="utf-8")
    results = list(iter_documents([str(tmp_path)]))
    assert [type(r) for r in results] == [ReadFailure, Document]
    assert "binary" in results[0].message


TEXT = "« C’est l’été », a déclaré l’élue.\r\nFin."


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        (TEXT.encode("utf-8"), False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), False),
        (TEXT.encode("utf-16"), False),  # with its byte-order mark
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), False),
        (TEXT.encode("cp1252"), True),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "windows-1252"],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, warned):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == TEXT  # offsets index this decoded text, CRLF kept
    assert (doc.warning is not None) == warned
    if warned:
        assert "Windows-1252" in doc.warning
