"""Highlight segments: overlapping spans, labels, offsets that do not fit the text."""
from __future__ import annotations

from saidwhat.web.highlight import Span, segments


def test_nested_spans_cut_the_text_and_keep_every_kind():
    text = "Ruiz said that Becker said it was fine."
    marked = [Span(0, 4, "speaker", 0), Span(5, 9, "cue", 0), Span(10, 38, "content", 0),
              Span(15, 21, "speaker", 1), Span(22, 26, "cue", 1), Span(27, 38, "content", 1)]
    segs = segments(text, marked)
    assert "".join(s.text for s in segs) == text
    becker = next(s for s in segs if s.text == "Becker")
    assert becker.kinds == ["content", "speaker"] and becker.labels == ["SPEAKER 1"]
    assert next(s for s in segs if s.text == "Ruiz").labels == ["SPEAKER 0"]
    assert [s.starts for s in segs if s.starts] == [[0], [1]]


def test_offsets_outside_the_text_are_clipped_and_empty_spans_dropped():
    segs = segments("abc", [Span(2, 99, "flag", note="why"), Span(-5, 1, "cue", 3), Span(2, 2, "speaker", 4)])
    assert [(s.text, s.kinds, s.note) for s in segs] == [("a", ["cue"], None), ("b", [], None), ("c", ["flag"], "why")]
    assert segments("", [Span(0, 5, "content", 1)]) == []
