"""Attribution rules: find cue, source and content spans."""
from __future__ import annotations

from spacy.tokens import Doc


def find_attributions(doc: Doc) -> Doc:
    doc._.attributions = []
    return doc
