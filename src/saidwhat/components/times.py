"""Time expressions: find them and normalize them to TIMEX3 values.

The work is in :mod:`saidwhat.timex`; this step reads the text, the publication date
(``doc._.published``) and the parse, and leaves a list of TimexMatch on ``doc._.times``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..annotations import text_of
from ..timex import extract


def find_times(doc: Doc) -> Doc:
    """Set ``doc._.times`` (list of TimexMatch, text order) on ``doc`` (spaCy Doc)."""
    doc._.times = extract(text_of(doc), doc._.published, doc)
    return doc
