"""Plain text: the whole file is one article."""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from ..document import Document
from .decode import DecodeError, decode_text, read_limited


def read_stream(stream: BinaryIO, source: str) -> Iterator[Document]:
    """One Document from a binary stream (file object), or one with the error that stopped it."""
    try:
        yield Document(text=decode_text(read_limited(stream)), source=source)
    except DecodeError as exc:
        yield Document.failed(source, exc.kind, str(exc))


def read(data: bytes, source: str) -> Iterator[Document]:
    """One Document from bytes (bytes) named `source` (str)."""
    return read_stream(io.BytesIO(data), source)
