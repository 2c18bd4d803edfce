"""Plain text: the whole file is one article."""
from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from .decode import DecodeError, decode_text


def read(data: bytes, source: str) -> Iterator[Document]:
    try:
        yield Document(text=decode_text(data), source=source)
    except DecodeError as exc:
        yield Document.failed(source, exc.kind, str(exc))
