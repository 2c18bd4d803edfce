"""Readers turn paths and bytes into Documents (text + metadata, or a per-document error).

They know nothing of NLP. `read_paths` picks a reader by file extension.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Document
from . import html, jsonl, txt

READERS = {
    ".txt": txt.read,
    ".text": txt.read,
    ".html": html.read,
    ".htm": html.read,
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
}


def read_path(path: Path, published: str | None = None) -> Iterator[Document]:
    """Documents from one file; unknown extensions are read as text."""
    reader = READERS.get(path.suffix.lower(), txt.read)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Document.failed(str(path), "invalid-record", f"cannot read file: {exc.strerror or exc}")
        return
    for doc in reader(data, str(path)):
        if published and not doc.published:
            doc.published, doc.published_source = published, "cli"
        yield doc


def read_paths(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Document]:
    """Documents from files and folders (folders are walked for known extensions)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READERS:
                    yield from read_path(child, published)
        else:
            yield from read_path(path, published)
