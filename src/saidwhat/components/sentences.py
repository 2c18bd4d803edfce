"""Sentence starts at line breaks, and at a quote that opens after a full stop.

News text puts one paragraph per line; the small parser glues a paragraph that opens
with a quote onto the one before, which breaks quote attribution. Fixing sentence starts
before the parser runs makes it respect paragraph boundaries. A quote after a full stop
('... in a post on X. "We are grateful," he wrote') opens a sentence too, even where the
tokenizer kept the stop inside its token ("X.", "U.S.").

The starts are found in the text and mapped to tokens by their offsets: a Token object per
word, made to look at each, costs more than the parse of a short text.
"""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc

from ..annotations import text_of

# the first character after a line break, and an opening quote after a full stop
STARTS = re.compile(r"\n\s*(\S)|\.[ \t]+(?P<quote>[\"“])(?=[A-Z])")


def break_at_newlines(doc: Doc) -> Doc:
    starts = doc.to_array(IDX).tolist()
    for m in STARTS.finditer(text_of(doc)):
        offset = m.start(1) if m.group(1) is not None else m.start("quote")
        i = bisect.bisect_left(starts, offset)
        if 0 < i < len(starts) and starts[i] == offset:
            doc[i].is_sent_start = True
    return doc
