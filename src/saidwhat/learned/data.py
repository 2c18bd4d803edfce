"""PolNeAR (BRAT standoff) reading and the conversion of attributions to tagger labels.

Reads one annotation file per article (the first in sorted order, as the shared scorer
does) and turns its attributions into three BIO label layers (source, cue, content) over
the word pieces of the encoder's tokenizer. Needs neither torch nor onnxruntime.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

LAYERS = ("source", "cue", "content")
O, B, I = 0, 1, 2

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(\S+)\s*(.*)$")


@dataclass
class CharAttribution:
    """One attribution, annotated or found by the rules: (start, end) character fragments per role."""

    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


def read_ann(text: str) -> list[CharAttribution]:
    """Attributions of one BRAT .ann file given as a string (events with no content are dropped)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            continue
        m = _E_LINE.match(line)
        if m:
            roles: dict[str, list[str]] = defaultdict(list)
            for arg in m.group(3).split():
                role, _, tid = arg.partition(":")
                roles[re.sub(r"\d+$", "", role)].append(tid)
            events.append(roles)
    out = []
    for roles in events:
        def frags(role: str) -> list[tuple[int, int]]:
            return [f for tid in roles.get(role, []) if tid in spans for f in spans[tid]]

        if frags("Content"):
            out.append(CharAttribution(frags("Source"), frags("Cue"), frags("Content")))
    return out


@dataclass
class Article:
    name: str
    text: str
    attributions: list[CharAttribution]


def read_split(split: Path | str, limit: int | None = None) -> list[Article]:
    """The articles of a PolNeAR-format folder (text/NAME.txt, attributions/NAME_ANNOTATOR.ann)."""
    split = Path(split)
    first: dict[str, str] = {}
    ann_dir = split / "attributions"
    for a in sorted(os.listdir(ann_dir)):
        if a.endswith(".ann"):
            first.setdefault(a.rsplit("_", 1)[0], a)
    out = []
    for name in sorted(first)[:limit]:
        text = (split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann = (ann_dir / first[name]).read_text(encoding="utf-8")
        out.append(Article(name, text, read_ann(ann)))
    return out


def char_layers(text: str, attributions: list[CharAttribution]) -> list[list[int]]:
    """Per layer, a span id per character (0 = outside); every fragment gets its own id."""
    layers = [[0] * len(text) for _ in LAYERS]
    next_id = 1
    for att in attributions:
        for k, role in enumerate(LAYERS):
            for s, e in getattr(att, role):
                for c in range(max(0, s), min(e, len(text))):
                    layers[k][c] = next_id
                next_id += 1
    return layers


def piece_tags(text: str, attributions: list[CharAttribution], offsets: list[tuple[int, int]]) -> np.ndarray:
    """(pieces, len(LAYERS)) uint8 BIO tags of the attributions over word pieces: the gold
    labels in training, and the rule step's attributions as the tagger's input features."""
    if not offsets:
        return np.zeros((0, len(LAYERS)), np.uint8)
    return np.stack([np.array(piece_labels(layer, offsets), dtype=np.uint8)
                     for layer in char_layers(text, attributions)], axis=1)


def piece_labels(layer: list[int], offsets: list[tuple[int, int]]) -> list[int]:
    """BIO labels of word pieces (given by character offsets) from a character span-id layer.
    A piece is in a span when its first character is; B where a span starts or changes."""
    out, prev = [], 0
    for s, e in offsets:
        span = layer[s] if s < len(layer) and e > s else 0
        if span == 0:
            out.append(O)
        else:
            out.append(I if span == prev else B)
        prev = span
    return out


def windows(offsets: list[tuple[int, int]], text: str, max_pieces: int) -> list[tuple[int, int]]:
    """Split a document's word pieces into windows [start, end) of at most `max_pieces`, made of
    whole paragraphs (lines) where they fit; a paragraph that is too long is cut at a sentence
    end ('.', '?', '!' piece) where one is near, else anywhere."""
    n = len(offsets)
    # paragraph breaks: piece indices where a new line of text begins
    breaks = [0]
    for i in range(1, n):
        if "\n" in text[offsets[i - 1][1] : offsets[i][0]]:
            breaks.append(i)
    breaks.append(n)
    out: list[tuple[int, int]] = []
    start = 0
    for b in breaks[1:]:
        if b - start <= max_pieces:
            continue
        # the paragraphs up to the previous break fit: close the window there
        prev = max((x for x in breaks if start < x < b), default=None)
        if prev is not None and prev - start > 0:
            out.append((start, prev))
            start = prev
        while b - start > max_pieces:
            cut = start + max_pieces
            for j in range(cut - 1, start + max_pieces // 2, -1):
                if text[offsets[j][0] : offsets[j][1]] in (".", "?", "!"):
                    cut = j + 1
                    break
            out.append((start, cut))
            start = cut
    if start < n:
        out.append((start, n))
    return out
