"""Local worker processes: `analyze_batch` on every core, each process loading the model once.

The parent reads, sends batches of documents to the workers and receives records; it never
imports spaCy. Memory stays bounded whatever the corpus size: the parent pulls a document
from its input only when a worker has room (at most `MAX_QUEUED` batches per worker are out at
a time), so a million-article corpus is streamed, never held.

A worker that dies (killed, out of memory, a crash in native code) loses the batches it held:
their documents are sent again one at a time, and a document that kills a worker a second time
gets an 'internal' error record. Every document given in comes out once.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .. import settings
from ..document import Document
from ..schema import ArticleResult, DocumentError

log = logging.getLogger(__name__)

MAX_QUEUED = 2  # batches out per worker: one being analyzed, one waiting, so none idles
POLL_SECONDS = 1.0  # how often the parent looks for dead workers, and workers for a dead parent


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _die_with_parent(parent_pid: int) -> None:
    """Have Linux kill this process when its parent dies (even by SIGKILL), if it can.

    The parent spawns workers from the thread that then reads their results, so that thread
    lives as long as they are needed. Elsewhere, workers notice a new parent pid instead.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # died before prctl took effect
        os._exit(0)


def _worker_main(model: str, include_text: bool, tasks, results, parent_pid: int) -> None:
    """A worker process: load the model once, then analyze batches until told to stop."""
    _die_with_parent(parent_pid)
    # The parent handles Ctrl-C and stops the workers; one thread each, since the processes
    # already use every core.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        from ..pipeline import load
        from .batch import analyze_batch

        nlp = load(model)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which stops
        results.put(("fatal", None, f"cannot load model {model!r}: {type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            task = tasks.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if os.getppid() != parent_pid:  # the parent was killed: do not linger
                # Nobody reads the results any more: a normal exit would wait forever for
                # the queue's feeder thread to flush into the full pipe.
                results.cancel_join_thread()
                os._exit(0)
            continue
        if task is None:
            return
        batch_id, documents = task
        records = [r.model_dump_json() for r in analyze_batch(nlp, documents, include_text=include_text)]
        results.put(("ok", batch_id, records))


@dataclass
class _Worker:
    process: Any
    tasks: Any
    batches: dict[int, list] = field(default_factory=dict)  # batch id -> [(tag, doc, attempts)]


class _Pool:
    """Worker processes started on first use, with the batches each one holds."""

    def __init__(self, jobs: int, model: str, include_text: bool):
        self.jobs, self.model, self.include_text = jobs, model, include_text
        # spawn: a clean interpreter per worker (no inherited SQLite handles or threads).
        self.ctx = mp.get_context("spawn")
        self.results = self.ctx.Queue()
        self.workers: list[_Worker] = []
        self.next_batch = 0

    def _start(self) -> _Worker:
        tasks = self.ctx.Queue()
        process = self.ctx.Process(
            target=_worker_main, args=(self.model, self.include_text, tasks, self.results, os.getpid()),
            name="saidwhat-worker", daemon=True,
        )
        process.start()
        return _Worker(process, tasks)

    @property
    def out(self) -> int:
        return sum(len(w.batches) for w in self.workers)

    def has_room(self) -> bool:
        return len(self.workers) < self.jobs or any(len(w.batches) < MAX_QUEUED for w in self.workers)

    def send(self, entries: list) -> None:
        """Give a batch of (tag, document, attempts) to the least busy worker."""
        if len(self.workers) < self.jobs:
            self.workers.append(self._start())
        worker = min(self.workers, key=lambda w: len(w.batches))
        self.next_batch += 1
        worker.batches[self.next_batch] = entries
        worker.tasks.put((self.next_batch, [doc for _, doc, _ in entries]))

    def receive(self, timeout: float) -> tuple[list, list[str]] | None:
        """(entries, records as JSON) of one finished batch, or None after `timeout` seconds."""
        try:
            kind, batch_id, payload = self.results.get(timeout=timeout)
        except queue.Empty:
            return None
        if kind == "fatal":
            raise RuntimeError(payload)
        for worker in self.workers:
            if batch_id in worker.batches:
                return worker.batches.pop(batch_id), payload
        return None  # a batch already given up on (its worker died after sending it)

    def reap(self) -> list:
        """Replace dead workers; the entries they held, to be sent again or failed."""
        lost = []
        for i, worker in enumerate(self.workers):
            if worker.process.is_alive():
                continue
            code = worker.process.exitcode
            log.warning("worker %s died (exit code %s) holding %d batches", worker.process.pid, code,
                        len(worker.batches))
            for entries in worker.batches.values():
                lost.extend((tag, doc, attempts, code) for tag, doc, attempts in entries)
            self.workers[i] = self._start()
        return lost

    def close(self, wait: bool) -> None:
        for worker in self.workers:
            if wait and worker.process.is_alive():
                worker.tasks.put(None)
        deadline = time.monotonic() + (10 if wait else 0)
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


def _died(document: Document, code: int | None) -> ArticleResult:
    from ..records import from_error  # imports spaCy: only on this rare path

    document.error = DocumentError(kind="internal", message=f"the analysis process died (exit code {code}) twice")
    return from_error(document)


def analyze_parallel(
    items: Iterable[tuple[Any, Document]],
    jobs: int | None = None,
    model: str = settings.DEFAULT_MODEL,
    batch_size: int = 16,
    include_text: bool = True,
) -> Iterator[tuple[Any, ArticleResult]]:
    """Analyze (tag, document) pairs in `jobs` worker processes (default: every core).

    items (Iterable[tuple[Any, Document]]): pulled lazily, only as workers have room; the tag
    is any value, handed back with the document's record. Yields (tag, ArticleResult) as
    batches finish: not in input order. Workers start on the first document, so a run with
    nothing to analyze loads no model.
    """
    pool = _Pool(jobs or default_jobs(), model, include_text)
    source = iter(items)
    retry: deque = deque()  # entries lost with a dead worker, sent again one at a time
    exhausted = False
    last_check = time.monotonic()
    clean = False
    try:
        while True:
            while pool.has_room():
                if retry:
                    pool.send([retry.popleft()])
                    continue
                if exhausted:
                    break
                entries = [(tag, doc, 0) for tag, doc in islice(source, batch_size)]
                if not entries:
                    exhausted = True
                    break
                pool.send(entries)
            if pool.out == 0 and not retry:
                break
            done = pool.receive(POLL_SECONDS)
            if done is not None:
                entries, payload = done
                for (tag, _, _), record in zip(entries, payload):
                    yield tag, ArticleResult.model_validate_json(record)
            if done is None or time.monotonic() - last_check > POLL_SECONDS:
                last_check = time.monotonic()
                for tag, doc, attempts, code in pool.reap():
                    if attempts == 0:
                        retry.append((tag, doc, 1))
                    else:
                        yield tag, _died(doc, code)
        clean = True
    finally:
        pool.close(wait=clean)
