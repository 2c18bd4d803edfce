"""An article's text cut into segments for highlighting, in the manner of displaCy's visualizers.

Speakers, cues, contents and quality flags overlap (a nested attribution's speaker sits inside
another's content), so the text is cut at every span boundary: each segment carries the kinds
of the spans that cover it, the numbers of the attributions starting there, and the labels of
the speaker and cue spans ending there. The template writes segments as escaped text inside
fixed markup: no HTML is ever built from article text here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import ArticleResult

# Kinds in the order their classes are written (stable markup for the tests and the CSS).
KINDS = ("content", "speaker", "cue", "flag")
# Kinds whose end gets a label ('SPEAKER 1'), as displaCy labels an entity.
LABELLED = {"speaker": "SPEAKER", "cue": "CUE"}


@dataclass
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    n: int | None = None  # attribution id
    note: str | None = None  # a quality flag's reason, shown on hover


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # attribution ids whose content starts here
    labels: list[str] = field(default_factory=list)  # labels of speaker / cue spans ending here
    note: str | None = None


def spans(record: ArticleResult) -> list[Span]:
    """The highlighted spans of `record` (ArticleResult): speakers, cues, contents, quality flags."""
    out: list[Span] = []
    for att in record.attributions:
        speaker = att.speaker.mention if att.speaker else None
        if speaker is not None:
            out.append(Span(speaker.start, speaker.end, "speaker", att.id))
        if att.cue is not None:
            out.append(Span(att.cue.start, att.cue.end, "cue", att.id))
        for i, (start, end) in enumerate(att.content_spans):
            out.append(Span(start, end, "content", att.id if i == 0 else None))
    for flag in record.quality_flags:
        out.append(Span(flag.start, flag.end, "flag", note=f"{flag.kind}: {flag.reason}"))
    return out


def segments(text: str, marked: list[Span]) -> list[Segment]:
    """`text` (str) cut at every boundary of `marked` (list[Span]); offsets out of range are
    clipped and empty spans dropped, so a record that does not fit its text still renders."""
    size = len(text)
    clean = []
    for s in marked:
        start, end = max(0, min(s.start, size)), max(0, min(s.end, size))
        if start < end:
            clean.append(Span(start, end, s.kind, s.n, s.note))
    cuts = sorted({0, size, *(s.start for s in clean), *(s.end for s in clean)})
    starting: dict[int, list[Span]] = {}
    for s in clean:
        starting.setdefault(s.start, []).append(s)
    active: list[Span] = []
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s.end > a] + starting.get(a, [])
        kinds = {s.kind for s in active}
        notes = [s.note for s in active if s.note]
        out.append(Segment(
            text=text[a:b],
            kinds=[k for k in KINDS if k in kinds],
            starts=sorted(s.n for s in starting.get(a, []) if s.kind == "content" and s.n is not None),
            labels=[f"{LABELLED[s.kind]} {s.n}" for s in active if s.end == b and s.kind in LABELLED],
            note="; ".join(notes) or None,
        ))
    return out


def highlight(record: ArticleResult) -> list[Segment]:
    """The segments of a record's text (empty when the record has no text)."""
    return segments(record.text or "", spans(record))
