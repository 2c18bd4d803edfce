#!/usr/bin/env python3
"""Throughput of the learned attribution pipeline against the rule pipeline, in one run.

usage: bench_learned.py [TEXT_DIR] [--limit N] [--rounds R] [--chunk C] [--threads T]

On the same texts, taking turns every C texts, for R rounds (mean), it times analyze_batch with
model 'sm' (rules) and model 'learned' (sm parse + the int8 ONNX tagger), records included, and
prints words/s of each and the ratio learned / rules (target: >= 0.5). --threads sets the
onnxruntime threads of the tagger (default 1, like the single-threaded spaCy parse).
TEXT_DIR defaults to the PolNeAR dev texts next to the repository (../shared/...).
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared/eval/polnear/data/dev/text"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("text_dir", type=Path, nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=6, help="texts each pipeline runs before the other takes its turn")
    args = ap.parse_args()
    os.environ["SAIDWHAT_LEARNED_THREADS"] = str(args.threads)
    from saidwhat.document import Document
    from saidwhat.engines.batch import analyze_batch
    from saidwhat.pipeline import load

    from bench_pipeline import times_in_turns  # this folder: the same turn-taking as the pipeline benchmark

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(args.text_dir.glob("*.txt"))[: args.limit]]
    words = sum(len(t.split()) for _, t in texts)
    nlps = {"rules": load("sm"), "learned": load("learned")}
    for nlp in nlps.values():  # warm up
        list(analyze_batch(nlp, [Document(text=texts[0][1], source=texts[0][0])]))
    def runner(nlp):
        def run(part):
            n = sum(1 for _ in analyze_batch(nlp, (Document(text=t, source=s) for s, t in part)))
            assert n == len(part)
        return run

    seconds = times_in_turns({name: runner(nlp) for name, nlp in nlps.items()}, texts, args.rounds, args.chunk)
    res = {k: round(words / v, 1) for k, v in seconds.items()}
    res["ratio_learned_to_rules"] = round(res["learned"] / res["rules"], 3)
    res.update(texts=len(texts), words=words, rounds=args.rounds, threads=args.threads)
    print(f"{len(texts)} texts, {words} words, mean of {args.rounds} rounds, the two taking turns every "
          f"{args.chunk} texts, tagger threads {args.threads}")
    print(f"rules    {res['rules']:>9} words/s")
    print(f"learned  {res['learned']:>9} words/s")
    print(f"ratio learned/rules {res['ratio_learned_to_rules']}")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
