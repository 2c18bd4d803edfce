"""Checks that a text is worth parsing: not empty, not too large, English."""
from __future__ import annotations

from .. import settings
from ..document import Document
from ..schema import DocumentError
from ..language import looks_english


def check_text(document: Document) -> None:
    """Set `document.error` when its text cannot be analyzed as an English article."""
    text = document.text or ""
    if not text.strip():
        document.error = DocumentError(kind="empty", message="the document has no text")
    elif len(text) > settings.MAX_TEXT_CHARS:
        document.error = DocumentError(
            kind="too-large", message=f"{len(text):,} characters, over the limit of {settings.MAX_TEXT_CHARS:,}"
        )
    elif not looks_english(text):
        document.error = DocumentError(kind="not-english", message="the text does not look like English")
