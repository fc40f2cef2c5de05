"""Set-up of each worker process of the local Dask cluster (``extract --dask``), run by
Dask's worker preload (`dask_setup`) in the worker's main thread.

Ctrl-C at a terminal reaches every process of the run, the cluster's workers among them:
each would print a KeyboardInterrupt traceback of its own. As the workers of ``--jobs``
do, they ignore it: the interrupt is the parent's to handle, and it stops them when it
closes the cluster.
"""

from __future__ import annotations

import signal
from typing import Any


def dask_setup(worker: Any) -> None:
    """Ignore SIGINT in this worker process (see the module's docstring)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
