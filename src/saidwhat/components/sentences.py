"""Sentence starts at line breaks, and at a quote that opens after a full stop.

News text puts one paragraph per line; the small parser glues a paragraph that opens
with a quote onto the one before, which breaks quote attribution. Fixing sentence starts
before the parser runs makes it respect paragraph boundaries. The word after a paragraph's
first word goes on its sentence: after a headline the parser would otherwise leave that first
word alone ("Adults | who eat ... are more likely"). A quote after a full stop
('... in a post on X. "We are grateful," he wrote') opens a sentence too, even where the
tokenizer kept the stop inside its token ("X.", "U.S."), and so does a capitalized word after
a hyphenated model name ending in a letter ("two missiles Iskander-M. Spokesman ...").

The starts are found in the text and mapped to tokens by their offsets: a Token object per
word, made to look at each, costs more than the parse of a short text.
"""
from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START
from spacy.tokens import Doc

from ..annotations import text_of

# the first character after a line break, an opening quote after a full stop, and a capitalized
# word after a model name that ends in a letter ("missiles Iskander-M. Spokesman ...": the
# tokenizer takes "M." for an initial and runs the sentences together)
STARTS = re.compile(r"\n\s*(\S)|\.[ \t]+(?P<quote>[\"“])(?=[A-Z])|\w-[A-Z]\.[ \t]+(?P<word>[A-Z][a-z])")


def break_at_newlines(doc: Doc) -> Doc:
    # the starts go in with one array write: Token.is_sent_start's setter scans the whole Doc
    # for a parse on every call (most of this step's time when set token by token)
    idx = doc.to_array(IDX).tolist()
    is_alpha, is_punct, is_space = doc.to_array([IS_ALPHA, IS_PUNCT, IS_SPACE]).T.tolist()
    sent_starts = doc.to_array([SENT_START]).astype("int64").reshape(-1, 1)
    for m in STARTS.finditer(text_of(doc)):
        offset = m.start(1) if m.group(1) is not None else m.start("quote") if m.group("quote") else m.start("word")
        i = bisect.bisect_left(idx, offset)
        if 0 < i < len(idx) and idx[i] == offset:
            sent_starts[i, 0] = 1
            # the word after a paragraph's first word goes on its sentence
            if m.group(1) is not None and i + 1 < len(doc) and is_alpha[i] \
                    and not (is_punct[i + 1] or is_space[i + 1]) and sent_starts[i + 1, 0] == 0:
                sent_starts[i + 1, 0] = -1
    doc.from_array([SENT_START], sent_starts.astype("uint64"))  # -1 (not a start) wraps as spaCy stores it
    return doc
