"""The library API: claims from texts or files, streamed in input order.

The command line is a thin layer over these functions. Documents are read, parsed
with ``nlp.pipe`` and turned into claims one at a time, so memory stays flat whatever
the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from talkclaims.read.readers import Document, ReadFailure
from talkclaims.records import VALUE_FIELDS, Claim
from talkclaims.text.sentences import for_parsing
from talkclaims.text.spans import line_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from talkclaims.lang.patterns import Patterns
    from talkclaims.rules.component import ClaimsComponent
    from talkclaims.rules.engine import Engine

BATCH_SIZE = 16
#: Past this many characters an article is parsed in pieces of at most this size, one
#: after another, cut at line ends (else at spaces), and joined back into one Doc: the
#: model's working memory grows with the text it is given at once (a 900 KB article
#: parsed whole took 3.3 GB), the joined Doc only with the words.
PIECE_CHARS = 100_000
#: The name of the claims component in an Extractor's pipeline (its factory's name).
COMPONENT = "talkclaims"


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The claims of one document, or why it could not be processed."""

    doc: str
    claims: tuple[Claim, ...] = ()
    error: str | None = None
    warning: str | None = None
    text: str | None = None  # the text the offsets index (extracted, for HTML)


class Extractor:
    """A loaded pipeline with the claims component, ready to process documents.

    The model is loaded once per process (`load_nlp`); each Extractor runs it through a
    copy of its own (`pipeline_copy`) that ends with the ``talkclaims`` component and
    this Extractor's rules, so Extractors with different patterns folders do not meet.
    """

    def __init__(
        self, patterns_dirs: Sequence[str | Path] = (), patterns: Patterns | None = None
    ) -> None:
        from talkclaims.lang.patterns import load_patterns
        from talkclaims.pipeline.nlp import load_nlp, pipeline_copy

        # read (and checked) here, so that a bad pattern file fails before any document
        rules = patterns or load_patterns(patterns_dirs)
        self.nlp = pipeline_copy(load_nlp())
        self.component: ClaimsComponent = self.nlp.add_pipe(
            COMPONENT, config={"patterns_dirs": [str(d) for d in patterns_dirs]}
        )
        self.component.use_patterns(rules)
        # a document whose claims cannot be found goes on with the error noted on it
        self.component.set_error_handler(_go_on)

    @property
    def piece_chars(self) -> int:
        """Longest text parsed at once (`PIECE_CHARS`, or the model's ``max_length``)."""
        return min(PIECE_CHARS, self.nlp.max_length)

    @property
    def engine(self) -> Engine:
        """The rule engine: its ``people`` and ``outlets`` lookups serve views and checks."""
        return self.component.engine

    def claims(self, text: str, doc_id: str = "") -> list[Claim]:
        """Claims of one text; an error in the rules is raised, as by any function (only
        `process` turns it into a result, so that a corpus run goes on)."""
        from spacy.util import raise_error

        from talkclaims.rules.component import claim_values

        component = self.component
        handler = component.get_error_handler()
        component.set_error_handler(raise_error)
        try:
            doc = self.parse(for_parsing(text))
        finally:
            component.set_error_handler(handler)
        return _as_read(claim_values(doc) or (), text, doc_id)

    def parse(self, text: str) -> Doc:
        """One text through the pipeline, claims included; past `piece_chars`, parsed in
        pieces cut at line ends, one after another, and joined back into one Doc with the
        same offsets, on which the claims component then runs (the rules read the
        whole article: who spoke before, which roles it introduced)."""
        from talkclaims.pipeline.nlp import one_blas_thread

        with one_blas_thread():
            if len(text) <= self.piece_chars:
                return self.nlp(text)
            from spacy.tokens import Doc

            chunks = paragraph_chunks(text, self.piece_chars)
            docs = [self.nlp(chunk, disable=[COMPONENT]) for chunk in chunks]
            joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])
            return self.component(joined)

    def process(self, documents: Iterable[Document | ReadFailure]) -> Iterator[DocumentResult]:
        """Results in input order; a failing document does not stop the others."""
        from talkclaims.pipeline.nlp import one_blas_thread
        from talkclaims.rules.component import ERROR_KEY, claim_values

        limit = self.piece_chars

        def texts() -> Iterator[tuple[str, Document | ReadFailure]]:
            for item in documents:
                # a long text is parsed in pieces below, not in the batch
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
                    # set when the claims component failed on it (see `_go_on`)
                    failure = doc.user_data.get(ERROR_KEY)
                    found = () if failure is not None else claim_values(doc) or ()
                    claims = tuple(_as_read(found, item.text, item.id, dict(item.meta)))
                except Exception as exc:  # one bad document must not stop a corpus run
                    failure, claims = f"{type(exc).__name__}: {exc}", ()
                if failure is not None:
                    yield DocumentResult(item.id, error=f"extraction failed: {failure}")
                    continue
                yield DocumentResult(item.id, claims, warning=item.warning, text=item.text)


def _go_on(name: str, component: object, docs: list[Doc], exc: Exception) -> None:
    """The error handler of an Extractor's claims component: the component notes the
    error on the Doc (``doc._.claims_error``) and `Extractor.process` reports it."""


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


_START, _END = VALUE_FIELDS.index("start"), VALUE_FIELDS.index("end")


def _as_read(
    found: Iterable[Sequence[Any]], text: str, doc_id: str, meta: dict[str, str] | None = None
) -> list[Claim]:
    """Claims found on the parsed copy (stored as `Claim.to_values`), with their words
    and lines as read (same offsets) and the article's metadata; each built once."""
    meta = meta or {}
    claims = []
    for values in found:
        start, end = values[_START], values[_END]
        claims.append(
            Claim.from_values(
                values,
                doc=doc_id,
                text=text[start:end],
                line=line_of(text, start),
                **meta,
            )
        )
    return claims


def extract_text(
    text: str, doc_id: str = "", patterns_dirs: Sequence[str | Path] = ()
) -> list[Claim]:
    """Claims of one French text (loads the model on first use)."""
    return Extractor(patterns_dirs).claims(text, doc_id)
