"""Attributions marked by layout rather than by a verb.

- "NAME: content" lines: transcripts ("PENCE: Well, look, ...", also with each paragraph
  opened by a quotation mark that is never closed: '"WALLACE: Let's start ...') and headlines
  ("Pence: Flowers won't be at debate"); the colon is the cue.
- "A: content" lines after a "Q:" line: an interview's answers, whose speaker is the person
  the interview is with (speakers.py finds who).
- A signature after a quote: on a line of its own ("― Sonya Herridge, Phoenix"; the paragraph
  above is the content) or closing the quote's line ('"... our greatest shame." ― Sonya
  Herridge'; the line up to the closing mark is the content). The dash is the cue.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .. import lexicon
from ..annotations import AttributionSpan, text_of
from . import dateline
from . import quotes as quote_marks

NAME_WORD = r"(?:[A-Z][\w.'’\-]*|[A-Z]\.)"
NAME = rf"{NAME_WORD}(?:\s{NAME_WORD}){{0,4}}"
# A label of one to five capitalized words (after a transcript's opening quotation mark, if
# any), a colon, then the content on the same line.
OPENING_MARKS = "\"“”"
LABEL_LINE = re.compile(rf"^\s*(?P<mark>[{OPENING_MARKS}])?\s*({NAME})(:)\s+(\S.*?)\s*$")
# An interview's question and answer lines: "Q: Will it pass?", "A: I am confident."
QUESTION_LINE = re.compile(r"^\s*Q[:.]\s+\S")
ANSWER_LINE = re.compile(r"^\s*(A)([:.])\s+(\S.*?)\s*$")
# A dash, then a capitalized name, then optionally ", who they are".
DASH = r"([―—–]|--)"
SIGNATURE_LINE = re.compile(rf"^\s*{DASH}\s*({NAME})\s*(?:[,(].*)?$")
# A quotation closed on its line, then a dash and the name, maybe a full stop, at the line end.
SIGNED_QUOTE_LINE = re.compile(rf"^\s*(\S.*[\"”])\s*{DASH}\s*({NAME})\.?\s*(?:[,(].*)?$")


ANSWER_RULE = "interview-answer"  # the rule of an answer's attribution


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
    """Whether a "Label:" names a speaker: neither its first word nor the whole of it is page
    furniture ("Photo:", "Contributing:", "The Latest:"), and it opens with no article."""
    furniture = lexicon.words("not_speaker_labels")
    words = label.split()
    if words[0].lower() in ("the", "a", "an"):
        # a subheading run in ("The Gap Goes On: It was ...", "THE FACTS: ..."); a speaker's label is a name
        return False
    return words[0].lower().strip(".") not in furniture and label.lower() not in furniture \
        and " ".join(words[:2]).lower() not in furniture


def _says_something(content: str) -> bool:
    """A label's content holds words: "Clinton: 1,769" is a row of a table, not a quote."""
    return any(c.isalpha() for c in content)


def find_line_attributions(doc: Doc, quotes: list[Span]) -> list[AttributionSpan]:
    """Attributions from "NAME: content" lines and "― Name" signature lines, in text order."""
    text = text_of(doc)
    lines = list(_lines(text))
    filed = dateline.dateline_span(text)  # "NEW DELHI: ..." says where, not who
    out = []
    asked = False  # a "Q:" line came before: "A:" lines are answers
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        transcript, rule = False, "line"
        asked = asked or QUESTION_LINE.match(line) is not None
        label = LABEL_LINE.match(line)
        answer = ANSWER_LINE.match(line) if asked else None
        if answer:
            source = _span(doc, start + answer.start(1), start + answer.end(1))
            cue = _span(doc, start + answer.start(2), start + answer.end(2))
            content = _span(doc, start + answer.start(3), start + answer.end(3))
            rule = ANSWER_RULE
        elif label and _is_label(label.group(2)) and _says_something(label.group(4)) \
                and (filed is None or not filed[0] <= start + label.start(2) < start + label.end(3) <= filed[1]):
            source = _span(doc, start + label.start(2), start + label.end(2))
            cue = _span(doc, start + label.start(3), start + label.end(3))
            content = _span(doc, start + label.start(4), start + label.end(4))
            # '"PENCE: ...': the mark opens the paragraph, not a quote of the content's own
            transcript = label.group("mark") is not None
        elif signed := SIGNED_QUOTE_LINE.match(line):
            name_end = start + signed.start(3) + len(signed.group(3).rstrip("."))
            source = _span(doc, start + signed.start(3), name_end)
            cue = _span(doc, start + signed.start(2), start + signed.end(2))
            content = _span(doc, start + signed.start(1), start + signed.end(1))
        else:
            signature = SIGNATURE_LINE.match(line)
            if not signature or index == 0:
                continue
            source = _span(doc, start + signature.start(2), start + signature.end(2))
            cue = _span(doc, start + signature.start(1), start + signature.end(1))
            content = _span(doc, *lines[index - 1])
        if source is None or cue is None or content is None:
            continue
        content_span = content if transcript else quote_marks.widen_to_quote(content, quotes)
        kind = quote_marks.attribution_type([content_span], quotes)
        if transcript or answer or (label and index > 0 and kind == "indirect"):
            kind = "direct"  # "STUBB: We will not be intimidated." below the headline: a transcript's own words
        out.append(AttributionSpan(
            cue=cue, content=[content_span], source=source, type=kind,
            sentence=0, rule=rule,
        ))
    return out
