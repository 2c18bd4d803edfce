"""What a reader hands to the analysis: text plus metadata, or the error that stopped reading."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .schema import DocumentError


@dataclass
class Document:
    """One input document.

    text (str | None): the article text, None when `error` is set.
    source (str): path or name the document came from.
    id (str | None): the JSONL id, or None for single-document files.
    published (str | None): ISO date of publication when known.
    published_source (str | None): 'input', 'html' or 'cli'.
    """

    text: str | None
    source: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    error: DocumentError | None = None

    @property
    def content_hash(self) -> str | None:
        if self.text is None:
            return None
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    @classmethod
    def failed(cls, source: str, kind: str, message: str, **meta) -> "Document":
        return cls(text=None, source=source, error=DocumentError(kind=kind, message=message), **meta)
