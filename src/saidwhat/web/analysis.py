"""Analysis for the server: the pipeline in a worker process, under the batch engine's time limit.

Why a process: `analyze_one`'s CPU-time limit interrupts a component mid-step only in a
process's main thread (a SIGPROF timer, see deadline.py); in a server's request thread it
could only check between components. A ProcessPoolExecutor worker runs its tasks in its main
thread, so the same limit (settings.MAX_SECONDS_PER_DOC per document) applies in full. The
process also keeps spaCy's memory and any crash in native code out of the server. A
wall-clock guard on top catches what the timer cannot (native code that never returns):
the worker is killed and replaced.

Count in = count out: `analyze` returns one record per document given, in order, whatever
happens (bad input, time limit, a dead worker), as the batch engine does.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from .. import settings
from ..document import Document
from ..schema import ArticleResult, DocumentError

log = logging.getLogger(__name__)

# Seconds of wall clock on top of the CPU-time limits before a worker is taken for hung:
# loading the model in a fresh worker takes a few seconds, more on a busy machine.
WALL_MARGIN_SECONDS = 120.0
# The CPU-time limit of a batch, times this, is its wall-clock limit: other processes on the
# same cores slow the wall clock, not the CPU time.
WALL_FACTOR = 3.0

_nlp = None  # the worker process's pipeline


def _load_model(model: str) -> None:
    """Worker initializer: load the pipeline once per process."""
    global _nlp
    from ..pipeline import load

    _nlp = load(model)


def _warm() -> bool:
    return _nlp is not None


def _analyze(documents: list[Document], seconds: float | None) -> list[str]:
    """In the worker: records (as JSON) of `documents`, each under a limit of `seconds`."""
    from ..engines.batch import analyze_batch

    return [r.model_dump_json() for r in analyze_batch(_nlp, documents, include_text=True, seconds=seconds)]


class Busy(Exception):
    """Too many analyses are waiting already."""


def error_record(document: Document, kind: str, message: str) -> ArticleResult:
    """The error record of `document` (Document), without importing spaCy (records.from_error's fields)."""
    return ArticleResult(
        source=document.source, id=document.id, title=document.title, url=document.url,
        published=document.published, published_source=document.published_source, status="error",
        error=document.error or DocumentError(kind=kind, message=message), content_hash=document.content_hash,
    )


class Analyzer:
    """Runs `analyze_batch` in `workers` (int) processes, started on first use.

    model (str): the spaCy model key; seconds (float | None): CPU time per document;
    max_waiting (int): analyses that may wait for a worker before `Busy` is raised (the
    server answers 503 rather than piling up requests). workers=0 analyzes in the calling
    thread with this process's pipeline, one batch at a time: no process to start (tests,
    embedding), but the time limit is then only checked between components.
    """

    def __init__(self, model: str = settings.DEFAULT_MODEL, seconds: float | None = settings.MAX_SECONDS_PER_DOC,
                 workers: int = 1, max_waiting: int = 8):
        self.model, self.seconds, self.workers, self.max_waiting = model, seconds, workers, max_waiting
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        # One batch per worker at a time, so that a batch's wall-clock limit starts when it
        # starts running, not when it joins a queue.
        self._slots = threading.BoundedSemaphore(max(1, workers))
        self._waiting = 0

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a clean interpreter (no copy of the server's threads or sockets).
                self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                                 initializer=_load_model, initargs=(self.model,))
            return self._pool

    def warm(self) -> None:
        """Start the workers and load the model now, not on the first request."""
        if self.workers == 0:
            return
        for _ in range(self.workers):
            self._executor().submit(_warm)

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        """Kill the processes of `pool` (hung or broken) so that the next batch starts fresh ones."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        # The executor has no public way to stop a running task: kill its processes.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def analyze(self, documents: list[Document]) -> list[ArticleResult]:
        """One record per document (list[Document]), in order. Blocks: call from a thread.

        Raises Busy when `max_waiting` analyses are waiting already.
        """
        with self._lock:
            if self._waiting >= self.max_waiting:
                raise Busy(f"{self._waiting} analyses are waiting; try again later")
            self._waiting += 1
        try:
            with self._slots:
                return self._run(documents)
        finally:
            with self._lock:
                self._waiting -= 1

    def _run(self, documents: list[Document]) -> list[ArticleResult]:
        if self.workers == 0:
            from ..engines.batch import analyze_batch
            from ..pipeline import load

            return list(analyze_batch(load(self.model), documents, include_text=True, seconds=self.seconds))
        pool = self._executor()
        limit = WALL_MARGIN_SECONDS + WALL_FACTOR * (self.seconds or 600.0) * len(documents)
        future = pool.submit(_analyze, documents, self.seconds)
        try:
            return [ArticleResult.model_validate_json(r) for r in future.result(timeout=limit)]
        except FutureTimeout:
            log.warning("analysis of %d documents ran past %.0f s of wall clock: worker killed", len(documents), limit)
            self._replace(pool)
            kind, message = "timeout", f"analysis over the wall-clock limit of {limit:g} s"
        except BrokenProcessPool as exc:
            log.warning("analysis worker died: %s", exc)
            self._replace(pool)
            kind, message = "internal", "the analysis process died"
        return [error_record(d, kind, message) for d in documents]

    def close(self) -> None:
        """Stop the workers at once (at server shutdown), analyses in progress included."""
        with self._lock:
            pool = self._pool
        if pool is not None:
            self._replace(pool)
