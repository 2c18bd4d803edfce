"""Checks that a text is worth parsing: not empty, not too large, English."""
from __future__ import annotations

from .. import settings
from ..document import Document
from ..language import guess_language
from ..schema import DocumentError


def check_text(document: Document) -> None:
    """Set `document.error` (Document) when its text cannot be analyzed as an English article."""
    text = document.text or ""
    if not text.strip():
        document.error = DocumentError(kind="empty", message="the document has no text")
    elif len(text) > settings.MAX_TEXT_CHARS:
        document.error = DocumentError(
            kind="too-large", message=f"{len(text):,} characters, over the limit of {settings.MAX_TEXT_CHARS:,}"
        )
    elif (longest := max(map(len, text.split()), default=0)) > settings.MAX_WORD_CHARS:
        document.error = DocumentError(
            kind="parse",
            message=f"a run of {longest:,} characters without a space, over the limit of "
            f"{settings.MAX_WORD_CHARS:,}: not prose (an embedded image or data?)",
        )
    else:
        language = guess_language(text)
        if language != "English":
            looks = "is in a non-Latin script" if language == "non-Latin script" else (
                "does not look like English" if language == "unknown" else f"looks like {language}"
            )
            document.error = DocumentError(kind="not-english", message=f"the text {looks}; only English is analyzed")
