"""Ingest throughput against the analyze-only path, 2 processes against 1, peak memory.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--jobs 1 2]

Input: PolNeAR train + dev texts (924 articles, read from /work/shared; nothing is copied).
Targets: ingest -j 1 >= 0.9 x the analyze-only path (analyze_batch in one process, no store);
-j 2 >= 1.7 x -j 1. Rates are given two ways: end to end (model loading included: what a
user waits for) and steady (from the first stored article to the last: the worker's model
load and the pipeline warm-up left out), measured by polling the store from a thread.
The analyze-only path runs in a fresh process of its own, so this process's peak RSS is the ingest parent's.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sqlite3
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from saidwhat.store.ingest import ingest

POLNEAR = Path("/work/shared/eval/polnear/data")


def corpus(limit: int | None, folder: Path) -> list[str]:
    """Paths of the input texts: a folder of links to the first `limit` files (kept out of the repo)."""
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    files = files[:limit] if limit else files
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        (folder / f"{f.parent.parent.name}-{f.name}").symlink_to(f)
        f.read_bytes()  # warm the page cache: every run then reads from memory
    return [str(folder)]


class Poller(threading.Thread):
    """Times at which the store's article count changed: for the steady-state rate."""

    def __init__(self, db: Path):
        super().__init__(daemon=True)
        self.db, self.samples, self.stop = db, [], threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.05):
            try:
                conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
                n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                continue
            if not self.samples or n != self.samples[-1][1]:
                self.samples.append((time.monotonic(), n))

    def steady_rate(self) -> float | None:
        if len(self.samples) < 2:
            return None
        (t0, n0), (t1, n1) = self.samples[0], self.samples[-1]
        return (n1 - n0) / (t1 - t0) if t1 > t0 else None


def run_ingest(paths: list[str], jobs: int, tmp: Path) -> dict:
    db = tmp / f"ingest-j{jobs}.db"
    poller = Poller(db)
    poller.start()
    summary = ingest(paths, db, jobs=jobs)
    poller.stop.set()
    poller.join()
    return {"summary": summary, "rate": summary.documents / summary.seconds, "steady": poller.steady_rate()}


def analyze_only(paths: list[str]) -> dict:
    from saidwhat.engines.batch import analyze_batch
    from saidwhat.pipeline import load
    from saidwhat.readers import read_paths

    t0 = time.monotonic()
    nlp = load()
    t1 = time.monotonic()
    n = sum(1 for _ in analyze_batch(nlp, read_paths(paths), include_text=True))
    t2 = time.monotonic()
    return {"n": n, "load": t1 - t0, "rate": n / (t2 - t1), "end_to_end": n / (t2 - t0)}


def run_analyze_only(paths: list[str]) -> dict:
    """analyze_only in a fresh process set up as an ingest worker is (one BLAS thread: about
    10% faster on 2 cores than the default), so that the two differ only by the store."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(analyze_only, paths).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp_name:
        tmp = Path(tmp_name)
        paths = corpus(args.limit, tmp / "corpus")
        runs = {j: run_ingest(paths, j, tmp) for j in args.jobs}
        parent_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        base = run_analyze_only(paths)

    fmt = lambda x: "-" if x is None else f"{x:.1f}"  # noqa: E731
    print(f"articles: {base['n']}   model load (analyze-only process): {base['load']:.1f} s")
    print(f"analyze-only (1 fresh process, no store): {base['rate']:.1f} docs/s analysis, "
          f"{base['end_to_end']:.1f} docs/s with the model load")
    for j, r in runs.items():
        print(f"ingest -j {j}: {r['summary'].seconds:.1f} s, {r['rate']:.1f} docs/s end to end, "
              f"{fmt(r['steady'])} docs/s steady   [{r['summary'].line()}]")
    if 1 in runs:
        r1 = runs[1]
        print(f"ingest -j 1 / analyze-only: {r1['rate'] / base['end_to_end']:.2f} end to end, "
              + (f"{r1['steady'] / base['rate']:.2f} steady" if r1["steady"] else "steady -") + "  (target >= 0.9)")
        if 2 in runs:
            r2 = runs[2]
            steady = f"{r2['steady'] / r1['steady']:.2f}x steady" if r1["steady"] and r2["steady"] else "steady -"
            print(f"ingest -j 2 / -j 1: {r2['rate'] / r1['rate']:.2f}x end to end, {steady}  (target >= 1.7x)")
    print(f"peak RSS: ingest parent {parent_rss:.0f} MiB, largest worker {worker_rss:.0f} MiB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
