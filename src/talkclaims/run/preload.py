"""Imported once by the forkserver of ``--jobs``: the model loads there, before any fork.

Every worker is then forked from a process that already holds the pipeline, so it
starts working at once instead of each worker importing spaCy and loading the model
on its own (several seconds, and slower still when all cores load at the same time).

On Linux the forkserver also asks the kernel to SIGKILL it when the run that started it
dies, even of SIGKILL, so that it never outlives the run (its workers end with the run
too: see `talkclaims.run.parallel`). Only the standard library is imported for that.
"""

from __future__ import annotations

import signal
import sys

if sys.platform.startswith("linux"):
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no libc or no prctl: the workers' checks remain
        pass

try:
    from talkclaims.pipeline.nlp import load_nlp

    load_nlp()
except Exception:  # a worker loads the model itself and reports the error
    pass
