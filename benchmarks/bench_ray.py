"""Articles/s of the local engine (1 and 2 processes) and of Ray (2 actors) on the same input.

    .venv/bin/python benchmarks/bench_ray.py [INPUT.jsonl] [--limit N]

Input: a JSONL file (id, text, optional published ...), else one built in a temporary folder
from the PolNeAR train + dev texts (read from /work/shared, never copied into the repo). Each
run goes from the input file to every record, the model loads included: local is
analyze_parallel (-j 1, -j 2; records come back to this process, nothing stored), Ray is
ray_engine.run with 2 actors writing Parquet, on a local Ray instance of 2 CPUs that is started
before its clock (a cluster is up before its jobs; the start is printed apart). Ray's
overhead is the local -j 2 rate over Ray's: above 1, Ray is slower on the same 2 cores.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import ray

from saidwhat.engines.local import analyze_parallel
from saidwhat.engines.ray_engine import run
from saidwhat.engines.ray_local import local_ray
from saidwhat.readers import read_paths

POLNEAR = Path("/work/shared/eval/polnear/data")


def polnear_jsonl(out: Path, limit: int | None) -> Path:
    """A JSONL of the PolNeAR train + dev texts (the first `limit`), written to `out`."""
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    with out.open("w", encoding="utf-8") as f:
        for path in files[:limit] if limit else files:
            record = {"id": f"{path.parent.parent.name}/{path.stem}", "text": path.read_text(encoding="utf-8")}
            f.write(json.dumps(record) + "\n")
    return out


def local_rate(path: Path, jobs: int) -> tuple[int, float]:
    """(articles, seconds) of analyze_parallel with `jobs` worker processes."""
    started = time.monotonic()
    n = sum(1 for _ in analyze_parallel(((None, d) for d in read_paths([path])), jobs=jobs))
    return n, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, help="a JSONL file (default: PolNeAR train + dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N PolNeAR texts")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench_ray_") as tmp_name:
        tmp = Path(tmp_name)
        path = args.input or polnear_jsonl(tmp / "polnear.jsonl", args.limit)
        path.read_bytes()  # warm the page cache for every run alike
        rates = {f"local -j {j}": local_rate(path, j) for j in (1, 2)}
        t0 = time.monotonic()
        with local_ray(num_cpus=2) as address:
            ray.init(address=address, log_to_driver=False)
            start = time.monotonic() - t0
            result = run([str(path)], str(tmp / "out"), actors=2)
            rates["ray, 2 actors"] = (result.records, result.seconds)
            ray.shutdown()

    print(f"input: {path}   (Ray instance start, not counted: {start:.1f} s)")
    for name, (n, seconds) in rates.items():
        print(f"{name:<14} {n} articles in {seconds:6.1f} s: {n / seconds:6.2f} articles/s")
    rate = {name: n / seconds for name, (n, seconds) in rates.items()}
    print(f"Ray overhead: local -j 2 / Ray = {rate['local -j 2'] / rate['ray, 2 actors']:.2f}x, "
          f"local -j 1 / Ray = {rate['local -j 1'] / rate['ray, 2 actors']:.2f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
