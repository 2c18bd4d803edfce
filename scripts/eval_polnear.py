#!/usr/bin/env python3
"""Run saidwhat on a PolNeAR split and score it with the shared scorer.

usage: eval_polnear.py SPLIT_DIR [--out OUT.jsonl] [--limit N] [--show N] [--model sm]
                       [--run-on merge|separate]

SPLIT_DIR is a PolNeAR split folder holding text/ (e.g. ../shared/eval/polnear/data/dev).
The publication date comes from the file name (publisher_YYYY-MM-DD_slug.txt).
PolNeAR annotates one attribution per cue, so a quote that runs on into the next sentence is
part of its cue's content: the output is scored as `saidwhat analyze --run-on merge` writes it
(the default here; --run-on separate scores the CLI's default output).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from saidwhat.document import Document
from saidwhat.engines.batch import analyze_batch
from saidwhat.pipeline import load
from saidwhat.records import merge_run_on

DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def documents(split: Path, limit: int | None):
    paths = sorted((split / "text").glob("*.txt"))[:limit]
    for p in paths:
        m = DATE_IN_NAME.search(p.name)
        yield Document(text=p.read_text(encoding="utf-8"), source=p.name,
                       published=m.group(1) if m else None, published_source="input")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", type=Path)
    ap.add_argument("--out", type=Path, default=Path("out/polnear.jsonl"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--model", default="sm")
    ap.add_argument("--run-on", choices=("merge", "separate"), default="merge")
    ap.add_argument("--scorer", type=Path, default=Path(__file__).resolve().parents[2] / "shared/eval/polnear_score.py")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp = load(args.model)
    t0 = time.perf_counter()
    n = 0
    with args.out.open("w", encoding="utf-8") as out:
        for record in analyze_batch(nlp, documents(args.split, args.limit)):
            if args.run_on == "merge":
                record = merge_run_on(record)
            out.write(record.model_dump_json() + "\n")
            n += 1
    print(f"analyzed {n} articles in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    cmd = [sys.executable, str(args.scorer), str(args.split), str(args.out)]
    if args.show:
        cmd += ["--show", str(args.show)]
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
