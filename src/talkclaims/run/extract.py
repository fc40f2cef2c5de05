"""The library API: claims from texts or files, streamed in input order.

The command line is a thin layer over these functions. Documents are read, parsed
with ``nlp.pipe`` and turned into claims one at a time, so memory stays flat whatever
the size of the corpus.
"""

from __future__ import annotations

import bisect
import re
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
#: The longest text the model parses at once. The model's working memory grows with
#: the text it is given at once (a 900 KB article parsed whole took 3.3 GB, 130,000
#: characters 0.95 GB), so a longer article is parsed in pieces of at most this many
#: characters, cut at line ends (else sentence ends, else spaces), one after another.
PIECE_CHARS = 10_000
#: The longest stretch of an article the rules read at once: past it, the parsed
#: pieces are joined into windows whose own part is about this long, with about
#: `LEAD_CHARS` of pieces before it (so that its rules see who spoke and which roles
#: were given just before) and `TAIL_CHARS` after it (so that a quotation running past
#: its end is read whole); a window reports the claims that start in its own part. Each
#: piece is parsed once and let go once no window needs it: memory stays that of one
#: window however long the article, and time grows linearly with its length.
WINDOW_CHARS = 100_000
LEAD_CHARS = 20_000
TAIL_CHARS = 10_000
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
        self,
        patterns_dirs: Sequence[str | Path] = (),
        patterns: Patterns | None = None,
        first_names: bool = True,
        model: str | None = None,
    ) -> None:
        from talkclaims.lang.patterns import load_patterns
        from talkclaims.pipeline.nlp import MODEL, load_nlp, pipeline_copy

        # read (and checked) here, so that a bad pattern file fails before any document
        rules = patterns or load_patterns(patterns_dirs)
        # another installed French pipeline (``--model``), checked for what the rules read
        self.nlp = pipeline_copy(load_nlp(model or MODEL))
        self.component: ClaimsComponent = self.nlp.add_pipe(
            COMPONENT,
            config={"patterns_dirs": [str(d) for d in patterns_dirs], "first_names": first_names},
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

        from talkclaims.pipeline.nlp import one_blas_thread
        from talkclaims.rules.component import claim_values

        component = self.component
        handler = component.get_error_handler()
        component.set_error_handler(raise_error)
        try:
            if len(text) > self.piece_chars:
                return self._windowed(text, doc_id, {})
            with one_blas_thread():
                doc = self.nlp(for_parsing(text))
        finally:
            component.set_error_handler(handler)
        return _as_read(claim_values(doc) or (), text, doc_id)

    def parse(self, text: str) -> Doc:
        """One text through the pipeline as one Doc, claims included (``doc._.claims``).

        For callers that want the Doc itself. Past `piece_chars` the text is parsed in
        pieces one after another and joined, so the model's working memory stays that of
        a piece, but the Doc and the rules hold the whole article: `claims` and `process`
        read long articles window by window instead (`windows`).
        """
        from talkclaims.pipeline.nlp import one_blas_thread

        with one_blas_thread():
            if len(text) <= self.piece_chars:
                return self.nlp(text)
            chunks = paragraph_chunks(text, self.piece_chars)
            docs = list(self.nlp.pipe(chunks, disable=[COMPONENT], batch_size=2))
            return self.component(_joined(docs))

    def _windowed(self, text: str, doc_id: str, meta: dict[str, str]) -> list[Claim]:
        """Claims of a long text: its pieces parsed one after another, joined into
        windows (`windows`), each window's claims that start in its own part moved to
        the article's offsets. An error of the rules goes through the component's error
        handler, as for any Doc, and is raised here as `WindowFailure`."""
        from talkclaims.pipeline.nlp import one_blas_thread
        from talkclaims.rules.component import ERROR_KEY, claim_values
        from talkclaims.text.sentences import soft_breaks

        soft = sorted(soft_breaks(text))
        pieces = list(piece_spans(text, self.piece_chars))

        def piece_texts() -> Iterator[str]:
            for start, end in pieces:
                lo, hi = bisect.bisect_left(soft, start), bisect.bisect_left(soft, end)
                yield for_parsing(text, start, end, frozenset(soft[lo:hi]))

        claims: list[Claim] = []
        line, counted = 1, 0  # the line of offset `counted` (window starts only grow)
        with one_blas_thread():
            parsed = self.nlp.pipe(piece_texts(), disable=[COMPONENT], batch_size=2)
            held: dict[int, Doc] = {}  # parsed pieces some window still needs
            next_piece = 0
            for window in windows(pieces, WINDOW_CHARS, LEAD_CHARS, TAIL_CHARS):
                while next_piece <= window.last:
                    held[next_piece] = next(parsed)
                    next_piece += 1
                for k in [k for k in held if k < window.first]:
                    del held[k]
                doc = self.component(_joined([held[k] for k in window.indices]))
                failure = doc.user_data.get(ERROR_KEY)
                if failure is not None:
                    raise WindowFailure(failure)
                start = pieces[window.first][0]
                own_start, own_end = pieces[window.own_first][0], pieces[window.own_last][1]
                line += text.count("\n", counted, start)
                counted = start
                # real line ends only: soft ones are spaces in the parsed text
                breaks = [m.start() for m in _LINE_END.finditer(text, start, own_end)]
                for values in claim_values(doc) or ():
                    at = values[_START] + start
                    if own_start <= at < own_end:
                        number = line + bisect.bisect_left(breaks, at)
                        claims.append(_moved(values, start, text, doc_id, number, meta))
        return claims

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
                        failure = None
                        claims = tuple(self._windowed(item.text, item.id, dict(item.meta)))
                    else:
                        # set when the claims component failed on it (see `_go_on`)
                        failure = doc.user_data.get(ERROR_KEY)
                        found = () if failure is not None else claim_values(doc) or ()
                        claims = tuple(_as_read(found, item.text, item.id, dict(item.meta)))
                except WindowFailure as exc:
                    failure, claims = str(exc), ()
                except Exception as exc:  # one bad document must not stop a corpus run
                    failure, claims = f"{type(exc).__name__}: {exc}", ()
                if failure is not None:
                    yield DocumentResult(item.id, error=f"extraction failed: {failure}")
                    continue
                yield DocumentResult(item.id, claims, warning=item.warning, text=item.text)


def _go_on(name: str, component: object, docs: list[Doc], exc: Exception) -> None:
    """The error handler of an Extractor's claims component: the component notes the
    error on the Doc (``doc._.claims_error``) and `Extractor.process` reports it."""


class WindowFailure(Exception):
    """The claims component failed on a window of a long article (its message)."""


@dataclass(frozen=True, slots=True)
class Window:
    """Consecutive pieces of a long article read by the rules at once: pieces
    ``first`` to ``last``, of which ``own_first`` to ``own_last`` are its own (it reports
    the claims that start there); the others are context."""

    first: int
    own_first: int
    own_last: int
    last: int

    @property
    def indices(self) -> range:
        return range(self.first, self.last + 1)


def _joined(docs: list[Doc]) -> Doc:
    """Docs of consecutive pieces as one Doc with the same offsets."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data"])


_LINE_END = re.compile("\n")
#: A sentence end followed by a space: where a piece of a text without line ends is cut.
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s")


def cut_before(text: str, lo: int, hi: int) -> int:
    """The last good place to cut ``text`` in ``(lo, hi]``: just after a line end, else
    after a sentence end, else after a space, else ``hi`` itself."""
    if hi >= len(text):
        return len(text)
    cut = text.rfind("\n", lo, hi)
    if cut > lo:
        return cut + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(lo, hi - 20_000), hi)]
    if ends and ends[-1] > lo:
        return ends[-1]
    cut = text.rfind(" ", lo, hi)
    return cut + 1 if cut > lo else hi


def piece_spans(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of ``text`` of at most ``limit`` characters that tile it,
    cut at line ends where it can be (at sentence ends, then spaces, otherwise)."""
    start = 0
    while start < len(text):
        end = cut_before(text, start, start + limit)
        yield start, end
        start = end


def paragraph_chunks(text: str, limit: int) -> Iterator[str]:
    """The pieces of `piece_spans` as strings: joined, they give ``text`` back."""
    for start, end in piece_spans(text, limit):
        yield text[start:end]


def windows(pieces: Sequence[tuple[int, int]], size: int, lead: int, tail: int) -> Iterator[Window]:
    """The windows the rules read a long article in, over its ``pieces`` (`piece_spans`):
    own parts of about ``size`` characters that tile the article (at least one piece),
    each with the pieces just before it that fit in ``lead`` characters and those just
    after it that fit in ``tail`` (at least one on each side where there is one)."""

    def length(i: int) -> int:
        return pieces[i][1] - pieces[i][0]

    own_first = 0
    while own_first < len(pieces):
        own_last, total = own_first, length(own_first)
        while own_last + 1 < len(pieces) and total + length(own_last + 1) <= size:
            own_last += 1
            total += length(own_last)
        first, total = own_first, 0
        while first > 0 and (first == own_first or total + length(first - 1) <= lead):
            first -= 1
            total += length(first)
        last, total = own_last, 0
        while last + 1 < len(pieces) and (last == own_last or total + length(last + 1) <= tail):
            last += 1
            total += length(last)
        yield Window(first, own_first, own_last, last)
        own_first = own_last + 1


_START, _END = VALUE_FIELDS.index("start"), VALUE_FIELDS.index("end")
_MARKS = VALUE_FIELDS.index("marks")


def _moved(
    values: Sequence[Any], shift: int, text: str, doc_id: str, line: int, meta: dict[str, str]
) -> Claim:
    """A claim found in a window starting at ``shift``, in the article's offsets."""
    start, end = values[_START] + shift, values[_END] + shift
    marks = tuple(None if m is None else (m[0] + shift, m[1] + shift) for m in values[_MARKS])
    return Claim.from_values(
        values,
        doc=doc_id,
        text=text[start:end],
        start=start,
        end=end,
        line=line,
        marks=marks,
        **meta,
    )


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
