"""The Ray engine: `analyze_batch` in a pool of Ray actors over Ray Data, records to Parquet.

read (ray_read: the project's readers, one streamed task per file) -> analyze (a fixed pool
of actors, each loading the model once, then running engines.batch.analyze_batch on batches
of documents) -> write (Parquet record rows, engines/rows.py, into a new folder per run:
Ray's write_parquet appends to what a folder holds, so a rerun into the same folder would
duplicate every article). `saidwhat load` then imports that folder into the SQLite store.

Resources: an actor reserves `num_cpus` below 1 and the pool leaves RESERVED_CPUS of the
cluster free. Actors of one CPU each on a small cluster take every CPU slot, the read and
write tasks are never scheduled, and the job hangs without an error.

Fault tolerance: an actor that dies (killed, out of memory, its node lost) is restarted and
the batch it held is analyzed again (max_restarts, max_task_retries); a batch's records
reach the output only when its task completes, so every document is in the output once. A
batch that kills its actor MAX_TASK_RETRIES + 1 times fails the run with Ray's error.
"""
from __future__ import annotations

import os
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass

import pyarrow as pa
import ray
import ray.data

from .. import settings
from ..store.write import document_key
from .ray_local import local_ray
from .ray_read import BLOCK_DOCUMENTS, read_documents
from .rows import document, records_table

IO_CPUS = 0.25  # reserved by each read and each write task
RESERVED_CPUS = 2 * IO_CPUS  # left free by the actor pool: a read and a write can always run
MAX_TASK_RETRIES = 3
ROWS_PER_FILE = 2000  # records per Parquet file (a hint to Ray): tens of MB, not one file per batch


@dataclass
class RunResult:
    """What a Ray run wrote: `folder` (str) holding `records` (int) rows, in `seconds` (float)."""

    folder: str
    records: int
    seconds: float


def pool_size(resources: dict[str, float], actors: int | None = None, gpus: float = 0.0) -> tuple[int, float]:
    """(actors, CPUs per actor) for a cluster with `resources` (dict: ray.cluster_resources()).

    actors (int | None): the pool size asked for; default one per CPU, or with `gpus` (float,
    GPUs per actor) as many as the cluster's GPUs hold. Raises ValueError when GPUs are asked
    for and the cluster has none.
    """
    cpus = resources.get("CPU", 1.0)
    if gpus > 0:
        fitting = int(resources.get("GPU", 0.0) // gpus)
        if fitting < 1:
            raise ValueError(f"--gpus {gpus:g}: the Ray cluster has {resources.get('GPU', 0):g} GPUs")
        count = actors or fitting
    else:
        count = actors or max(1, int(cpus))
    per_actor = min(1.0, max(cpus - RESERVED_CPUS, IO_CPUS) / count)
    return count, round(per_actor, 3)


def run_folder(output: str) -> str:
    """A new folder (str) under `output` (str: path or URL) for one run's Parquet files."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    return f"{output.rstrip('/')}/run-{stamp}-{uuid.uuid4().hex[:8]}"


def _exit_once(marker: str) -> None:
    """Die at once, as a killed worker would, if this process is the first to create `marker`."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    os._exit(1)


class Analyzer:
    """One actor of the pool: loads the model once, then analyzes batches of document rows.

    model (str): a settings.MODELS name or package; gpus (float): GPUs reserved for the actor
    (the model then runs on one, spacy.require_gpu); crash_marker (str | None): fault
    injection for tests and cluster drills: the first actor to take its second batch creates
    this file and exits mid-batch.
    """

    def __init__(self, model: str, gpus: float = 0.0, crash_marker: str | None = None):
        import spacy

        from ..pipeline import load

        if gpus > 0:
            spacy.require_gpu()
        self.nlp = load(model)
        self.crash_marker = crash_marker
        self.batches = 0

    def __call__(self, batch: pa.Table) -> pa.Table:
        from .batch import analyze_batch  # imports spaCy: in the actors only, not in the driver

        self.batches += 1
        if self.crash_marker and self.batches == 2:
            _exit_once(self.crash_marker)
        documents = [document(row) for row in batch.to_pylist()]
        keys = [document_key(d) for d in documents]  # as the local ingest keys them: before the checks
        return records_table(zip(keys, analyze_batch(self.nlp, documents, include_text=True)))


def _count_rows(folder: str) -> int:
    import pyarrow.dataset as pads

    try:
        return pads.dataset(folder, format="parquet").count_rows()
    except FileNotFoundError:  # nothing was written
        return 0


def run(
    paths: list[str],
    output: str,
    address: str | None = None,
    actors: int | None = None,
    gpus: float = 0.0,
    model: str = settings.DEFAULT_MODEL,
    published: str | None = None,
    progress: bool = False,
    crash_marker: str | None = None,
) -> RunResult:
    """Analyze every document under `paths` (list[str]: files, folders, URLs) on Ray.

    output (str): folder or URL that gets a new run-<time>-<id> folder of Parquet record rows;
    address (str | None): the cluster ('auto', 'HOST:PORT'); None: RAY_ADDRESS if set, else a
    Ray instance started on this machine for the run (ray_local); actors (int | None), gpus (float): the pool, see
    pool_size; published (str | None): ISO date for documents that carry none; progress (bool):
    Ray Data's progress bars; crash_marker: see Analyzer. Uses Ray as this process has it
    initialized, if it is.
    """
    from ray.data import ActorPoolStrategy, DataContext, SaveMode

    started = time.monotonic()
    with ExitStack() as stack:
        if not ray.is_initialized():
            if address is None and not os.environ.get("RAY_ADDRESS"):
                address = stack.enter_context(local_ray())
            ray.init(address=address)
            stack.callback(ray.shutdown)
        count, cpus = pool_size(ray.cluster_resources(), actors, gpus)
        DataContext.get_current().enable_progress_bars = progress
        folder = run_folder(output)
        records = read_documents(paths, published, num_cpus=IO_CPUS).map_batches(
            Analyzer,
            fn_constructor_kwargs={"model": model, "gpus": gpus, "crash_marker": crash_marker},
            batch_size=BLOCK_DOCUMENTS,
            batch_format="pyarrow",
            compute=ActorPoolStrategy(size=count),
            num_cpus=cpus,
            num_gpus=gpus or None,
            # Ray Data's defaults retry a task forever: a document that kills its actor
            # every time would then hang the run instead of failing it.
            max_restarts=-1,
            max_task_retries=MAX_TASK_RETRIES,
        )
        records.write_parquet(folder, mode=SaveMode.CREATE, min_rows_per_file=ROWS_PER_FILE,
                              ray_remote_args={"num_cpus": IO_CPUS})
        return RunResult(folder, _count_rows(folder), time.monotonic() - started)
