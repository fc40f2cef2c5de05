"""Imported once by the forkserver of ``--jobs``: the model loads there, before any fork.

Every worker is then forked from a process that already holds the pipeline, so it
starts working at once instead of each worker importing spaCy and loading the model
on its own (several seconds, and slower still when all cores load at the same time).
"""

from __future__ import annotations

try:
    from talkclaims.pipeline.nlp import load_nlp

    load_nlp()
except Exception:  # a worker loads the model itself and reports the error
    pass
