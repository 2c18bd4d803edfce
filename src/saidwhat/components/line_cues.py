"""Attributions marked by layout rather than by a verb.

- "NAME: content" lines: transcripts ("PENCE: Well, look, ...") and headlines
  ("Pence: Flowers won't be at debate"); the colon is the cue.
- A signature line after a quote ("― Sonya Herridge, Phoenix"): the dash is the cue and the
  paragraph above is the content.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import AttributionSpan
from . import quotes as quote_marks

NAME_WORD = r"(?:[A-Z][\w.'’\-]*|[A-Z]\.)"
# A label of one to five capitalized words, a colon, then the content on the same line.
LABEL_LINE = re.compile(rf"^\s*({NAME_WORD}(?:\s{NAME_WORD}){{0,4}})(:)\s+(\S.*?)\s*$")
# A dash, then a capitalized name, then optionally ", who they are".
SIGNATURE_LINE = re.compile(rf"^\s*([―—–]|--)\s*({NAME_WORD}(?:\s{NAME_WORD}){{0,4}})\s*(?:[,(].*)?$")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of the non-blank lines of `text`."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            yield pos, pos + len(body)
        pos += len(line)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_label(label: str) -> bool:
    return label.split()[0].lower().strip(".") not in lexicon.words("not_speaker_labels")


def find_line_attributions(doc: Doc, quotes: list[Span]) -> list[AttributionSpan]:
    """Attributions from "NAME: content" lines and "― Name" signature lines, in text order."""
    text = doc.text
    lines = list(_lines(text))
    out = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        label = LABEL_LINE.match(line)
        if label and _is_label(label.group(1)):
            source = _span(doc, start + label.start(1), start + label.end(1))
            cue = _span(doc, start + label.start(2), start + label.end(2))
            content = _span(doc, start + label.start(3), start + label.end(3))
        else:
            signature = SIGNATURE_LINE.match(line)
            if not signature or index == 0:
                continue
            source = _span(doc, start + signature.start(2), start + signature.end(2))
            cue = _span(doc, start + signature.start(1), start + signature.end(1))
            content = _span(doc, *lines[index - 1])
        if source is None or cue is None or content is None:
            continue
        content_span = quote_marks.widen_to_quote(content, quotes)
        out.append(AttributionSpan(
            cue=cue, content=[content_span], source=source,
            type=quote_marks.attribution_type([content_span], quotes),
            sentence=0, rule="line",
        ))
    return out
