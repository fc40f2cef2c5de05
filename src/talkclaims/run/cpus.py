"""How many CPUs this process may run on: the most worker processes worth starting.

``os.cpu_count()`` counts the machine's cores, not the ones a container, a batch
scheduler or ``taskset`` leaves to the run: on 2 usable cores, 64 workers each load the
model (3.2 GB) and share the same 2 cores, 4 times slower than 2 workers. Kept apart
from `talkclaims.run.parallel` so that the command line reads it without importing the
extractor (``--help`` answers at once).
"""

from __future__ import annotations

import os


def usable_cpus() -> int:
    """The CPUs this process may use: ``os.process_cpu_count()`` (Python 3.13), else its
    CPU affinity (``os.sched_getaffinity``, Linux), else every core; at least 1."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return counter() or 1
    if hasattr(os, "sched_getaffinity"):
        try:
            return len(os.sched_getaffinity(0)) or 1
        except OSError:
            pass
    return os.cpu_count() or 1
