"""Sentence starts at line breaks.

News text puts one paragraph per line; the small parser glues a paragraph that opens
with a quote onto the one before, which breaks quote attribution. Fixing sentence starts
before the parser runs makes it respect paragraph boundaries.
"""
from __future__ import annotations

from spacy.tokens import Doc


def break_at_newlines(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or token.whitespace_.count("\n"):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc
