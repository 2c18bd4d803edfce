#!/usr/bin/env python
"""Run saidwhat's time expressions on TempEval-3 input and write the scorer's JSONL.

usage:
  python /work/shared/eval/te3_score.py prepare GOLD_DIR > in.jsonl
  .venv/bin/python scripts/eval_tempeval.py in.jsonl out.jsonl
  python /work/shared/eval/te3_score.py score GOLD_DIR out.jsonl

  or in one go (prepare, run, score):
  .venv/bin/python scripts/eval_tempeval.py --score GOLD_DIR [--show N]

Only the parts the times need run: the spaCy model (tags, parse, entities) and the time step.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCORER = Path("/work/shared/eval/te3_score.py")


def run(lines: list[dict], model: str = "sm") -> list[dict]:
    """Time expressions of each prepared document (dicts with id, text, published)."""
    from saidwhat.components.times import find_times
    from saidwhat.pipeline import load

    nlp = load(model)
    out = []
    texts = (d["text"] for d in lines)
    for d, doc in zip(lines, nlp.pipe(texts, disable=["saidwhat"])):
        doc._.published = d.get("published")
        find_times(doc)
        out.append({"id": d["id"], "times": [
            {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "type": t.type}
            for t in doc._.times
        ]})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="IN.jsonl OUT.jsonl")
    ap.add_argument("--score", metavar="GOLD_DIR", help="prepare, run and score this TempEval folder")
    ap.add_argument("--show", type=int, default=0, help="with --score: print N errors")
    ap.add_argument("--model", default="sm")
    args = ap.parse_args(argv)
    if args.score:
        prepared = subprocess.run([sys.executable, str(SCORER), "prepare", args.score],
                                  capture_output=True, text=True, check=True).stdout
        lines = [json.loads(x) for x in prepared.splitlines() if x.strip()]
    elif len(args.paths) == 2:
        lines = [json.loads(x) for x in Path(args.paths[0]).read_text(encoding="utf-8").splitlines() if x.strip()]
    else:
        ap.error("give IN.jsonl OUT.jsonl, or --score GOLD_DIR")
    t0 = time.perf_counter()
    out = run(lines, args.model)
    elapsed = time.perf_counter() - t0
    body = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
    if args.score:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            f.write(body)
        cmd = [sys.executable, str(SCORER), "score", args.score, f.name]
        if args.show:
            cmd += ["--show", str(args.show)]
        print(f"{len(lines)} documents in {elapsed:.1f}s", file=sys.stderr)
        subprocess.run(cmd, check=True)
    else:
        Path(args.paths[1]).write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
