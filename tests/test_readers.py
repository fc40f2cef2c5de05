"""Reading paths: order, suffixes, and bad input that must not stop a run."""

import pytest

from talkclaims.readers import (
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


def test_binary_and_non_utf8_files_become_failures_not_exceptions(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_bytes("Élysée".encode("latin-1"))
    (tmp_path / "c.txt").write_text("bien", encoding="utf-8")
    results = list(iter_documents([str(tmp_path)]))
    assert [type(r) for r in results] == [ReadFailure, ReadFailure, Document]
    assert "binary" in results[0].message
    assert "UTF-8" in results[1].message
