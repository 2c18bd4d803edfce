"""Sentence starts at line breaks, and at a quote that opens after a full stop.

News text puts one paragraph per line; the small parser glues a paragraph that opens
with a quote onto the one before, which breaks quote attribution. Fixing sentence starts
before the parser runs makes it respect paragraph boundaries.
"""
from __future__ import annotations

from spacy.tokens import Doc


def break_at_newlines(doc: Doc) -> Doc:
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if "\n" in token.text or token.whitespace_.count("\n"):
            if not nxt.is_space:
                nxt.is_sent_start = True
        elif _quote_opens_a_sentence(token, nxt):
            nxt.is_sent_start = True
    return doc


def _quote_opens_a_sentence(token, nxt) -> bool:
    """'... in a post on X. "We are grateful," he wrote': a quote after a full stop opens a
    sentence, even where the stop ends a token the tokenizer kept whole ("X.", "U.S.")."""
    doc = nxt.doc
    return (token.text.endswith(".") and token.whitespace_ != "" and nxt.text in ('"', "“")
            and nxt.i + 1 < len(doc) and doc[nxt.i + 1].is_title)
