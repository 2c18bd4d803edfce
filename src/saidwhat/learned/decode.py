"""From tagger output to attributions: BIO tags -> character spans -> linked attributions.

Pure Python (no spaCy, no onnxruntime): the tagger gives, per layer (source, cue, content),
character spans; `link` groups them into attributions. Each content span goes to the nearest
cue that no other content span stands between; the content spans of one cue are one
attribution (PolNeAR splits a content around its cue: "All of which, he said, would help");
each cue takes the nearest source of its sentence (several cues may share one source:
"X said ..., adding ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .data import B, I, O

Span = tuple[int, int]
# How far (characters of text between them) a content looks for its cue.
MAX_CUE_GAP = 250
# Content spans shorter than this (characters) are tagger noise ("that", a stray word).
MIN_CONTENT_CHARS = 5
# A sentence end: the gap between a cue and a source must not hold one.
SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s|\n")


@dataclass
class LinkedAttribution:
    content: list[Span]
    cue: Span | None = None
    source: Span | None = None
    score: float = 0.0
    extra: dict = field(default_factory=dict)


def bio_spans(tags: list[int], offsets: list[Span]) -> list[Span]:
    """Character spans of a BIO tag sequence over pieces with character `offsets`; an I after
    O starts a span too."""
    spans: list[Span] = []
    start = end = None
    for tag, (s, e) in zip(tags, offsets):
        if tag == B or (tag == I and start is None):
            if start is not None:
                spans.append((start, end))
            start, end = s, e
        elif tag == I:
            end = max(end, e)
        else:
            if start is not None:
                spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return [(s, e) for s, e in spans if e > s]


def _gap(a: Span, b: Span) -> tuple[int, int]:
    """The characters between two spans (start, end), empty when they touch or overlap."""
    if a[1] <= b[0]:
        return a[1], b[0]
    if b[1] <= a[0]:
        return b[1], a[0]
    return 0, 0


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _between(a: Span, b: Span, spans: list[Span]) -> bool:
    lo, hi = _gap(a, b)
    return any(lo <= s and e <= hi for s, e in spans if (s, e) not in (a, b)) if hi > lo else False


def _join(text: str, spans: list[Span]) -> list[Span]:
    """Fragments with nothing but spaces, punctuation or quote marks between them are one span."""
    out = [spans[0]]
    for s, e in spans[1:]:
        if not any(ch.isalnum() for ch in text[out[-1][1] : s]):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def link(text: str, sources: list[Span], cues: list[Span], contents: list[Span],
         keep_orphans: bool = False) -> list[LinkedAttribution]:
    """Attributions from the spans of the three layers, in text order of their content.
    A content with no cue near it is dropped unless keep_orphans (on PolNeAR dev, keeping them
    costs more precision than it gives recall)."""
    by_cue: dict[Span | None, list[Span]] = {}
    orphans: list[Span] = []
    contents = [c for c in contents if c[1] - c[0] >= MIN_CONTENT_CHARS]
    for c in sorted(contents):
        best, best_gap = None, None
        for q in cues:
            lo, hi = _gap(c, q)
            if hi - lo > MAX_CUE_GAP or _between(c, q, contents):
                continue
            gap = len(text[lo:hi].strip())
            if "\n" in text[lo:hi]:
                gap += 100  # a cue in another paragraph only when none is nearer
            if best_gap is None or gap < best_gap:
                best, best_gap = q, gap
        if best is None:
            orphans.append(c)
        else:
            by_cue.setdefault(best, []).append(c)
    out = [LinkedAttribution(content=_join(text, sorted(cs)), cue=q) for q, cs in by_cue.items()]
    if keep_orphans:
        out += [LinkedAttribution(content=[c]) for c in orphans]
    for att in out:
        anchor = att.cue or att.content[0]
        best, best_gap = None, None
        for s in sources:
            lo, hi = _gap(anchor, s)
            if SENTENCE_END.search(text[lo:hi]) or any(_overlaps(s, c) for c in att.content):
                continue
            if att.cue is None and hi - lo > 0:
                continue
            gap = hi - lo
            if best_gap is None or gap < best_gap:
                best, best_gap = s, gap
        att.source = best
    out.sort(key=lambda a: a.content[0])
    return out
