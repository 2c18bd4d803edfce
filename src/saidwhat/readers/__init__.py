"""Readers turn paths, streams and bytes into Documents (text + metadata, or a per-document error).

They know nothing of NLP. `read_paths` picks a reader by file extension (.txt .html .jsonl
.jsonl.gz .warc .warc.gz .parquet; others are read as text); `read_stdin` by the first bytes.
Every input gives at least one Document: a file that cannot be read gives one with its error.
"""
from __future__ import annotations

import gzip
import io
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .. import settings
from ..document import Document
from . import html, jsonl, parquet, txt, warc
from .decode import too_large

log = logging.getLogger(__name__)

FORMATS = {"txt": txt, "html": html, "jsonl": jsonl, "warc": warc, "parquet": parquet}
SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".parquet": "parquet",
}
# suffix -> bytes reader, for callers that only test whether a suffix is known.
READERS: dict[str, Callable[[bytes, str], Iterator[Document]]] = {s: FORMATS[f].read for s, f in SUFFIXES.items()}
# Formats whose whole file is one document: refused from its size before reading.
WHOLE_FILE = {"txt", "html"}


def format_of(path: Path) -> tuple[str, bool]:
    """(format name, gzip-compressed) of a path (Path) from its extensions; unknown → text."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    suffix = (suffixes[-2] if len(suffixes) == 2 else "") if compressed else (suffixes[-1] if suffixes else "")
    return SUFFIXES.get(suffix, "txt"), compressed


def is_known(path: Path) -> bool:
    """Whether a folder walk picks up `path` (Path): a known extension, gzipped or not."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in SUFFIXES


def _guarded(documents: Iterator[Document], source: str) -> Iterator[Document]:
    """Documents from a reader; an exception mid-file (a truncated gzip stream, a reader bug)
    becomes one last error Document instead of ending the run."""
    count = 0
    try:
        for doc in documents:
            count += 1
            yield doc
    except (OSError, EOFError, ValueError) as exc:  # gzip.BadGzipFile, zlib.error, truncated data
        yield Document.failed(source, "encoding", f"unreadable data after {count} documents: {exc}")
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the other inputs
        log.exception("reader failed on %s", source)
        yield Document.failed(source, "internal", f"reader failed after {count} documents: {type(exc).__name__}: {exc}")


def read_stream(stream: BinaryIO, source: str, fmt: str, compressed: bool = False) -> Iterator[Document]:
    """Documents from a binary stream (file object) of format `fmt` (a FORMATS name: 'txt', 'jsonl' ...)."""
    if compressed and fmt != "warc":  # warcio reads gzip members itself
        stream = gzip.GzipFile(fileobj=stream)
    yield from _guarded(FORMATS[fmt].read_stream(stream, source), source)


def read_path(path: Path, published: str | None = None) -> Iterator[Document]:
    """Documents from one file (Path); `published` (ISO date) for documents that carry none."""
    fmt, compressed = format_of(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if fmt in WHOLE_FILE and not compressed and size > settings.MAX_FILE_BYTES:
            # Refused from its size alone: a 50 MB file is never read into memory.
            yield Document.failed(source, "too-large", str(too_large(size, settings.MAX_FILE_BYTES)))
            return
        stream = open(path, "rb")
    except OSError as exc:
        yield Document.failed(source, "invalid-record", f"cannot read file: {exc.strerror or exc}")
        return
    with stream:
        yield from with_published(read_stream(stream, source, fmt, compressed), published)


def with_published(documents: Iterable[Document], published: str | None) -> Iterator[Document]:
    """Documents with `published` (str | None, ISO date) set on those that carry no date."""
    for doc in documents:
        if published and not doc.published:
            doc.published, doc.published_source = published, "cli"
        yield doc


def read_paths(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Document]:
    """Documents from files and folders (folders are walked for known extensions, sorted).

    A path that does not exist gives one error Document.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and is_known(child):
                    yield from read_path(child, published)
        elif not path.exists():
            yield Document.failed(str(p), "invalid-record", "no such file or folder")
        else:
            yield from read_path(path, published)


def sniff_format(head: bytes) -> str:
    """The format of a stream from its first bytes (bytes): WARC, JSON Lines, HTML, else text."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    lowered = stripped[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")):
        return "html"
    return "txt"


def read_stdin(
    stream: BinaryIO | None = None, published: str | None = None, fmt: str | None = None
) -> Iterator[Document]:
    """Documents from standard input (or `stream`, a binary file object).

    fmt (str | None) forces a format, else it is sniffed from the first bytes; gzip input is
    decompressed first. `published` (ISO date) for documents that carry none.
    """
    source = "<stdin>"
    stream = stream if stream is not None else sys.stdin.buffer
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    try:
        if stream.peek(2)[:2] == b"\x1f\x8b":
            stream = io.BufferedReader(gzip.GzipFile(fileobj=stream))
        fmt = fmt or sniff_format(stream.peek(512)[:512])
    except (OSError, EOFError) as exc:  # a broken gzip header
        yield Document.failed(source, "encoding", f"unreadable compressed input: {exc}")
        return
    yield from with_published(read_stream(stream, source, fmt), published)
