"""Rate of sentences flagged by the text-quality checks on a folder of .txt articles.

Clean professional news (PolNeAR) should have few flags: every flag there is a false
alarm or a real slip in the source. Prints the rate by kind and samples of what fires.

    .venv/bin/python scripts/eval_quality_polnear.py /work/shared/eval/polnear/data/dev/text
    .venv/bin/python scripts/eval_quality_polnear.py DIR --samples 40 --kind fragment --json

The checks read only the model's parse, so the script parses with the saidwhat pipeline's
spaCy part (its newline sentence breaks included) and runs the quality step alone; --cache
keeps the parses (spaCy DocBin) so that rules can be tuned without parsing again.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

import saidwhat
from saidwhat.components.quality import flag_quality


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder of .txt files (UTF-8)")
    ap.add_argument("--samples", type=int, default=15, help="flags to show per kind")
    ap.add_argument("--kind", default=None, help="show samples of this kind only")
    ap.add_argument("--limit", type=int, default=0, help="read only the first N files")
    ap.add_argument("--seed", type=int, default=0, help="random seed for the samples")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON line at the end")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file of the parses: read if it exists, else written")
    args = ap.parse_args(argv)

    files = sorted(args.folder.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = saidwhat.load()
    t_parse = time.perf_counter()
    if args.cache and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=["saidwhat"]):
            docs = list(nlp.pipe(texts, batch_size=16))
        if args.cache:
            DocBin(store_user_data=False, docs=docs).to_disk(args.cache)
    parse_seconds = time.perf_counter() - t_parse
    n_sents = 0
    flagged_sents: Counter[str] = Counter()  # kind → sentences with at least one flag of that kind
    any_flagged = 0
    samples: dict[str, list[str]] = {}
    scores = []
    elapsed = 0.0
    for path, doc in zip(files, docs):
        t0 = time.perf_counter()
        flags = flag_quality(doc)._.quality_flags
        elapsed += time.perf_counter() - t0
        scores.append(doc._.quality_score)
        for sent in doc.sents:
            if sent.text.isspace():
                continue
            n_sents += 1
            kinds = {f.kind for f in flags if f.start < sent.end_char and f.end > sent.start_char}
            flagged_sents.update(kinds)
            any_flagged += bool(kinds)
        for f in flags:
            context = doc.text[max(0, f.start - 60):f.end + 30].replace("\n", " ⏎ ")
            samples.setdefault(f.kind, []).append(f"{path.name[:40]}: [{f.text}] ({f.reason}) … {context}")

    rng = random.Random(args.seed)
    for kind, items in sorted(samples.items()):
        if args.kind and kind != args.kind:
            continue
        print(f"\n## {kind}: {len(items)} flags")
        for line in rng.sample(items, min(args.samples, len(items))):
            print("  -", line)
    figures = {
        "files": len(files),
        "sentences": n_sents,
        "flagged_rate": round(any_flagged / max(n_sents, 1), 4),
        "by_kind": {k: round(v / max(n_sents, 1), 4) for k, v in sorted(flagged_sents.items())},
        "mean_score": round(sum(scores) / max(len(scores), 1), 3),
        "parse_seconds": round(parse_seconds, 1),
        "quality_seconds": round(elapsed, 2),
    }
    print(f"\nfiles {figures['files']}  sentences {n_sents}  flagged {any_flagged} ({figures['flagged_rate']:.2%})")
    for kind, rate in figures["by_kind"].items():
        print(f"  {kind:24s} {flagged_sents[kind]:5d} sentences  {rate:.2%}")
    print(f"mean quality score {figures['mean_score']}; quality checks {elapsed:.2f}s, parse {parse_seconds:.1f}s")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
