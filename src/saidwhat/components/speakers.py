"""Speaker resolution: from a source mention to a named entity, a group or an unnamed source."""
from __future__ import annotations

from spacy.tokens import Doc


def resolve_speakers(doc: Doc) -> Doc:
    return doc
