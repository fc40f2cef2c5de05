"""The library API: claims from texts or files, streamed in input order.

The command line is a thin layer over these functions. Documents are read, parsed
with ``nlp.pipe`` and turned into claims one at a time, so memory stays flat whatever
the size of the corpus.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from talkclaims.io.readers import Document, ReadFailure, iter_documents
from talkclaims.records import Claim
from talkclaims.text.sentences import for_parsing

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from talkclaims.lang.patterns import Patterns
    from talkclaims.rules.engine import Engine

BATCH_SIZE = 16


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The claims of one document, or why it could not be processed."""

    doc: str
    claims: tuple[Claim, ...] = ()
    error: str | None = None
    warning: str | None = None
    text: str | None = None  # the text the offsets index (extracted, for HTML)


class Extractor:
    """A loaded pipeline plus the claims component, ready to process documents."""

    def __init__(
        self, patterns_dirs: Sequence[str | Path] = (), patterns: Patterns | None = None
    ) -> None:
        from talkclaims.lang.patterns import load_patterns
        from talkclaims.pipeline.component import ClaimsComponent
        from talkclaims.pipeline.nlp import load_nlp

        self.nlp = load_nlp()
        self.component = ClaimsComponent(patterns or load_patterns(patterns_dirs))

    @property
    def engine(self) -> Engine:
        """The rule engine: its ``people`` and ``outlets`` lookups serve views and checks."""
        return self.component.engine

    def claims(self, text: str, doc_id: str = "") -> list[Claim]:
        """Claims of one text."""
        return _as_read(self.component(self.parse(for_parsing(text)))._.claims, text, doc_id)

    def parse(self, text: str) -> Doc:
        """One text through the pipeline; past the model's ``max_length``, in chunks cut at
        paragraph ends and joined back into one Doc with the same offsets."""
        from talkclaims.pipeline.nlp import one_blas_thread

        with one_blas_thread():
            if len(text) <= self.nlp.max_length:
                return self.nlp(text)
            from spacy.tokens import Doc

            docs = list(self.nlp.pipe(paragraph_chunks(text, self.nlp.max_length)))
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])

    def process(self, documents: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        """Results in input order; a failing document does not stop the others."""
        from talkclaims.pipeline.nlp import one_blas_thread

        limit = self.nlp.max_length

        def texts() -> Iterator[tuple[str, Document | ReadFailure]]:
            for item in documents:
                # a text past max_length is parsed in chunks below, not in the batch
                fits = isinstance(item, Document) and len(item.text) <= limit
                yield (for_parsing(item.text) if fits else ""), item

        with one_blas_thread():
            parsed = self.nlp.pipe(texts(), as_tuples=True, batch_size=BATCH_SIZE)
            for doc, item in parsed:
                if isinstance(item, ReadFailure):
                    yield DocumentResult(item.id, error=item.message)
                    continue
                try:
                    if len(item.text) > limit:
                        doc = self.parse(for_parsing(item.text))
                    self.component(doc)
                    claims = tuple(_as_read(doc._.claims, item.text, item.id, dict(item.meta)))
                except Exception as exc:  # one bad document must not stop a corpus run
                    yield DocumentResult(
                        item.id, error=f"extraction failed: {type(exc).__name__}: {exc}"
                    )
                    continue
                yield DocumentResult(item.id, claims, warning=item.warning, text=item.text)

    def process_paths(self, paths: Iterable[str]) -> Iterator[DocumentResult]:
        return self.process(iter_documents(paths))


def paragraph_chunks(text: str, limit: int) -> Iterator[str]:
    """``text`` cut into pieces of at most ``limit`` characters, at line ends where it can
    be (at spaces otherwise); joined, the pieces give ``text`` back exactly."""
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield text[start:end]
        start = end


def _as_read(
    claims: list[Claim], text: str, doc_id: str, meta: dict[str, str] | None = None
) -> list[Claim]:
    """Claims found on the parsed copy, with their words and lines as read (same offsets)
    and the article's metadata."""
    return [
        dataclasses.replace(
            c,
            doc=doc_id,
            text=text[c.start : c.end],
            line=text.count("\n", 0, c.start) + 1,
            **(meta or {}),
        )
        for c in claims
    ]


def extract_text(
    text: str, doc_id: str = "", patterns_dirs: Sequence[str | Path] = ()
) -> list[Claim]:
    """Claims of one French text (loads the model on first use)."""
    return Extractor(patterns_dirs).claims(text, doc_id)
