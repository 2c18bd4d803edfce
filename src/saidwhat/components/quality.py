"""Text-quality flags: fragments, stray punctuation, inconsistent spellings."""
from __future__ import annotations

from spacy.tokens import Doc


def flag_quality(doc: Doc) -> Doc:
    doc._.quality_flags = []
    doc._.quality_score = 1.0
    return doc
