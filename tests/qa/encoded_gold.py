"""A one-article gold corpus saved in a chosen encoding, for the tests of `evaluate`."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

from tests.conftest import CORPUS, GOLD

#: An article of the shared gold (six claims) whose text Windows-1252 can hold whole.
NAME = "003_74a0f13b3a32f430.txt"

#: How a newsroom's copy of the article may be saved, as (label, bytes of the text).
ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 LE with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "windows-1252": lambda text: text.encode("cp1252"),
}


def gold_corpus(root: Path, encoding: str) -> tuple[Path, Path]:
    """``root/gold`` with the article's gold file and ``root/corpus`` with the article
    saved as ``encoding`` (a key of ENCODINGS); returns both folders."""
    gold, corpus = root / "gold", root / "corpus"
    gold.mkdir(parents=True)
    corpus.mkdir(parents=True)
    shutil.copyfile(GOLD / NAME.replace(".txt", ".yaml"), gold / NAME.replace(".txt", ".yaml"))
    text = (CORPUS / NAME).read_text(encoding="utf-8")
    (corpus / NAME).write_bytes(ENCODINGS[encoding](text))
    return gold, corpus
