#!/usr/bin/env python3
"""Compare the model's own attribute ruler and lemmatizer with saidwhat.fast_pipes, token by token.

usage: .venv/bin/python scripts/check_fast_pipes.py TEXT_DIR

Runs the sm model twice over every .txt file of TEXT_DIR, once as spaCy ships it and once with
fast_pipes installed, and prints how many tokens differ in tag, POS, morphology, lemma,
dependency, head or entity (the first few differences too). 0 is the expected answer.
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy

from saidwhat import fast_pipes, settings


def annotations(token) -> tuple:
    return (token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_, token.head.i,
            token.ent_type_, token.ent_iob_)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.exit(__doc__)
    paths = sorted(Path(argv[0]).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    stock = spacy.load(settings.MODELS["sm"])
    fast = spacy.load(settings.MODELS["sm"])
    fast_pipes.install(fast)
    tokens = different = 0
    for path, a, b in zip(paths, stock.pipe(texts), fast.pipe(texts)):
        for ta, tb in zip(a, b):
            tokens += 1
            if annotations(ta) != annotations(tb):
                different += 1
                if different <= 10:
                    print(f"{path.name} token {ta.i} {ta.text!r}: {annotations(ta)} vs {annotations(tb)}")
    print(f"{len(paths)} texts, {tokens:,} tokens, {different} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
