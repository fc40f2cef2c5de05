"""The talkclaims spaCy component: ``nlp.add_pipe("talkclaims")`` sets ``doc._.claims``.

This is the core for library users who already have a French pipeline: the claims of
a document are computed when it passes through the pipe and stored on the Doc, as
spaCy's own components store their annotations.

The claims are stored as plain values (`Claim.to_values`) in ``doc.user_data``, and
``doc._.claims`` rebuilds `Claim` objects from them when read: a Doc holding dataclasses
could not be serialised, so ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(texts, n_process=2)`` (which sends Docs between processes as bytes) would
fail. The component saves its rule data with the pipeline (``nlp.to_disk``), so a
saved pipeline finds the same claims without any patterns folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import srsly
import yaml
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from talkclaims.lang.patterns import Patterns, build_patterns, load_patterns, read_rule_data
from talkclaims.records import Claim
from talkclaims.rules.engine import Engine

#: Where a Doc keeps its claims (a list of `Claim.to_values` tuples) and, when finding
#: them failed and the error handler let the Doc go on, why.
CLAIMS_KEY = "talkclaims.claims"
ERROR_KEY = "talkclaims.claims.error"

ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def claim_values(doc: Doc) -> list[Sequence[Any]] | None:
    """The stored claims of ``doc`` as plain values, None when the component has not run
    on it (or failed). For callers that rebuild the claims with changes (`Extractor`)."""
    return doc.user_data.get(CLAIMS_KEY)


def _get_claims(doc: Doc) -> list[Claim] | None:
    values = doc.user_data.get(CLAIMS_KEY)
    return None if values is None else [Claim.from_values(v) for v in values]


def _get_claims_error(doc: Doc) -> str | None:
    return doc.user_data.get(ERROR_KEY)


# talkclaims owns these names: force, so that the getters are the ones above even if a
# stale definition (a reloaded module) registered them first
Doc.set_extension("claims", getter=_get_claims, force=True)
Doc.set_extension("claims_error", getter=_get_claims_error, force=True)


class ClaimsComponent:
    """Finds the claims of each document with one set of rule data.

    The rule tables are built once, on first use rather than when the component is made:
    a pipeline loaded from disk gets them from `from_disk` and never reads the folders
    its config names (they need not exist where it is loaded).

    Errors go through spaCy's error handler (``nlp.set_error_handler`` or
    `set_error_handler`): the default raises. When a handler returns instead, the Doc
    goes on without claims (``doc._.claims`` is None) and ``doc._.claims_error`` says
    what failed, so that a stream of Docs stays aligned with its input.
    """

    def __init__(
        self,
        name: str = "talkclaims",
        patterns_dirs: Iterable[str | Path] = (),
        patterns: Patterns | None = None,
        first_names: bool = True,
    ) -> None:
        self.name = name
        self.patterns_dirs = tuple(str(d) for d in patterns_dirs)
        self.first_names = first_names
        self._engine = None if patterns is None else Engine(patterns, first_names)
        self._error_handler: ErrorHandler = raise_error

    @property
    def engine(self) -> Engine:
        """The rule engine; the shipped patterns plus ``patterns_dirs`` unless set."""
        if self._engine is None:
            self._engine = Engine(load_patterns(self.patterns_dirs), self.first_names)
        return self._engine

    @property
    def patterns(self) -> Patterns:
        return self.engine.patterns

    def use_patterns(self, patterns: Patterns) -> None:
        """Find claims with these rules from now on (rules already built elsewhere)."""
        self._engine = Engine(patterns, self.first_names)

    def __call__(self, doc: Doc) -> Doc:
        engine = self.engine  # a bad pattern file is not one document's failure
        user_data = doc.user_data
        try:
            claims = engine.claims(doc)
        except Exception as exc:
            self._error_handler(self.name, self, [doc], exc)
            user_data.pop(CLAIMS_KEY, None)
            user_data[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
            return doc
        user_data.pop(ERROR_KEY, None)
        user_data[CLAIMS_KEY] = [claim.to_values() for claim in claims]
        return doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Called as ``error_handler(name, component, [doc], exception)`` when finding the
        claims of a Doc fails (what ``nlp.set_error_handler`` sets on every component)."""
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler

    # ---------------------------------------------------------------- serialisation
    # The merged rule data is saved, one YAML file per pattern file, exactly as the
    # tables were built from: the saved pipeline reads it back alone (no shipped files
    # merged in a second time).
    def _rule_files(self) -> dict[str, str]:
        data = self.patterns.data
        if not data:
            raise ValueError(
                "these rules were not built from pattern files (Patterns.data is empty): "
                "there is nothing to save"
            )
        return {
            name: yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False)
            for name, mapping in data.items()
        }

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule data as pattern files in ``path`` (``nlp.to_disk`` calls this)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self._rule_files().items():
            (path / name).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimsComponent:
        """Use the pattern files `to_disk` wrote, and only them."""
        self.use_patterns(build_patterns(*read_rule_data([path], builtin=False)))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._rule_files())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ClaimsComponent:
        files = srsly.msgpack_loads(data)
        self.use_patterns(
            build_patterns({name: yaml.safe_load(text) or {} for name, text in files.items()})
        )
        return self


@Language.factory(
    "talkclaims",
    assigns=["doc._.claims", "doc._.claims_error", "doc.user_data"],
    requires=[
        "token.pos",
        "token.morph",
        "token.lemma",
        "token.dep",
        "token.head",
        "token.is_sent_start",
        "token.ent_type",
        "doc.sents",
        "doc.ents",
    ],
    default_config={"patterns_dirs": [], "first_names": True},
)
def make_claims_component(
    nlp: Language, name: str, patterns_dirs: Sequence[str], first_names: bool = True
) -> ClaimsComponent:
    """Factory registered with spaCy (also through the ``spacy_factories`` entry point).

    ``patterns_dirs``: folders of pattern files added to the shipped ones, as with
    ``--patterns``; ``first_names``: whether a speaker's gender may come from the
    first-name list when the article says nothing (``--no-first-names`` turns it off).
    """
    return ClaimsComponent(name, patterns_dirs, first_names=first_names)
