"""Speed of the time step: expressions found and normalized per second, against the spaCy
parse of the same texts measured in the same run.

    .venv/bin/python benchmarks/bench_times.py [TEXT_DIR] [--limit N] [--rounds R]

Input: the .txt files of TEXT_DIR (default: PolNeAR dev, read from ../shared; nothing is
copied). The texts are parsed once with the saidwhat model (spaCy alone, timed as the
baseline); then the time step (saidwhat.components.times.find_times: detection and
normalization against a publication date) runs over the parsed docs, best of R rounds.
Prints expressions/s, documents/s, and the time step's cost as a share of the parse.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from saidwhat.components.times import find_times
from saidwhat.pipeline import load

DEFAULT_TEXTS = Path(__file__).resolve().parents[2] / "shared/eval/polnear/data/dev/text"
PUBLISHED = "2016-10-15"  # any fixed date: relative expressions need an anchor to normalize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text_dir", nargs="?", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.text_dir.glob("*.txt"))[: args.limit]]
    nlp = load()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, disable=["saidwhat"]))
    parse_s = time.perf_counter() - started

    best, found = float("inf"), 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        found = 0
        for doc in docs:
            doc._.published = PUBLISHED
            found += len(find_times(doc)._.times)
        best = min(best, time.perf_counter() - started)

    words = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {words:,} tokens, {found:,} time expressions")
    print(f"spaCy parse (baseline)   {parse_s:8.2f} s   {words / parse_s:10,.0f} tokens/s")
    print(f"time step (best of {args.rounds})    {best:8.2f} s   {found / best:10,.0f} expressions/s   "
          f"{len(docs) / best:,.0f} documents/s")
    print(f"time step / parse        {best / parse_s:8.3f}   (share of the parse's cost)")


if __name__ == "__main__":
    main()
