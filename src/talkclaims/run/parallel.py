"""Run extraction on several processes, or on a Dask cluster, in input order.

Both back ends cut the stream of documents into small chunks, keep a bounded window of
chunks in flight (so a corpus of millions of files never sits in memory) and hand the
results back in the order the documents came in, so the output is byte-identical to a
run on one process. Each worker loads the model once and keeps it for every chunk.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from talkclaims.read.readers import Document, ReadFailure
from talkclaims.run.extract import DocumentResult, Extractor

if TYPE_CHECKING:
    from talkclaims.lang.patterns import Patterns

#: Documents per task: enough to batch the model, few enough that workers finish together.
CHUNK_SIZE = 4
#: Inputs of at most this many files stay in this process (see `process_paths`).
IN_PROCESS_MAX = 8

Item = Document | ReadFailure

_WORKER: Extractor | None = None
_WORKERS_BY_PATTERNS: dict[tuple[str, ...], Extractor] = {}


def _init_worker(patterns_dirs: Sequence[str]) -> None:
    global _WORKER
    _WORKER = Extractor(patterns_dirs)


def _run_chunk(chunk: list[Item]) -> list[DocumentResult]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.process(chunk))


def run_chunk_on_dask_worker(
    chunk: list[Item], patterns_dirs: tuple[str, ...]
) -> list[DocumentResult]:
    """Task body on a Dask worker: the model is loaded once per worker process."""
    extractor = _WORKERS_BY_PATTERNS.get(patterns_dirs)
    if extractor is None:
        extractor = _WORKERS_BY_PATTERNS[patterns_dirs] = Extractor(patterns_dirs)
    return list(extractor.process(chunk))


def chunked(items: Iterable[Item], size: int = CHUNK_SIZE) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _in_order(
    chunks: Iterable[list[Item]], submit: Callable[[list[Item]], Future], in_flight: int
) -> Iterator[DocumentResult]:
    """Submit chunks, at most ``in_flight`` pending, and yield results in input order."""
    window: deque[Future] = deque()
    for chunk in chunks:
        window.append(submit(chunk))
        while len(window) >= in_flight:
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that has loaded the model, where the system has one.

    A forkserver is a clean single-threaded process (no fork of the parent's threads,
    such as the progress bar's); it loads the model once (`talkclaims.run.preload`) and every
    worker forked from it starts with the model in memory, shared until written. Where
    there is no forkserver (Windows), workers are spawned and load the model themselves.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["talkclaims.run.preload"])
        return context
    return multiprocessing.get_context("spawn")


def process_parallel(
    documents: Iterable[Item], jobs: int, patterns_dirs: Sequence[str | Path] = ()
) -> Iterator[DocumentResult]:
    """Results of ``documents`` computed by ``jobs`` worker processes, in input order."""
    dirs = tuple(str(d) for d in patterns_dirs)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(dirs,)
    ) as pool:
        yield from _in_order(
            chunked(documents), lambda chunk: pool.submit(_run_chunk, chunk), 4 * jobs
        )


def process_dask(
    documents: Iterable[Item],
    patterns_dirs: Sequence[str | Path] = (),
    scheduler: str | None = None,
    local_workers: int | None = None,
) -> Iterator[DocumentResult]:
    """The same extraction on a ``dask.distributed`` cluster, results in input order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it
    a local cluster of worker processes is started for the run. Workers need talkclaims
    installed, and any ``--patterns`` folder at the same path.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # the optional extra is not installed
        raise RuntimeError("Dask is not installed: pip install 'talkclaims[dask]'") from exc
    dirs = tuple(str(Path(d).resolve()) for d in patterns_dirs)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=local_workers or max(1, multiprocessing.cpu_count()),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(
            chunked(documents),
            lambda chunk: client.submit(run_chunk_on_dask_worker, chunk, dirs, pure=False),
            4 * workers,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass(frozen=True)
class RunOptions:
    """How and where to run extraction: one value the commands build from their options.

    ``patterns_dirs`` are the user's pattern folders, which every worker process (or Dask
    worker) loads again; ``patterns`` are the same rules already loaded and checked by the
    caller, reused when the run stays in this process. ``jobs`` worker processes, or a
    Dask cluster: an existing one at ``scheduler``, or a local one when ``use_dask``.
    """

    patterns_dirs: tuple[str | Path, ...] = ()
    jobs: int = 1
    scheduler: str | None = None
    use_dask: bool = False
    patterns: Patterns | None = field(default=None, compare=False, repr=False)


def process_paths(
    paths: Sequence[str], options: RunOptions = RunOptions()
) -> Iterator[DocumentResult]:
    """Read and process ``paths`` (already expanded) on the chosen back end, in order.

    Small inputs stay in this process whatever ``options.jobs`` says: starting workers and
    loading the model in each costs more than it saves on a handful of articles.
    """
    from talkclaims.read.readers import read_items

    documents = (item for p in paths for item in read_items(p))
    dumps = any(p.lower().endswith((".jsonl", ".ndjson")) for p in paths)
    small = len(paths) <= IN_PROCESS_MAX and not dumps  # a dump may hold thousands of articles
    return process_documents(documents, options, small=small)


def process_documents(
    documents: Iterable[Item], options: RunOptions = RunOptions(), *, small: bool = False
) -> Iterator[DocumentResult]:
    """Documents already read, on the chosen back end, in order (see `process_paths`).

    ``small`` keeps the run in this process even when ``options.jobs`` asks for workers.
    """
    if options.scheduler is not None or options.use_dask:
        return process_dask(documents, options.patterns_dirs, options.scheduler)
    if options.jobs > 1 and not small:
        return process_parallel(documents, options.jobs, options.patterns_dirs)
    return Extractor(options.patterns_dirs, options.patterns).process(documents)
