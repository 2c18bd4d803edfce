"""JSON Lines: one article per line with fields id, text, and optional published, title, url.

The file is streamed line by line, so its size is unbounded; one line (one record) is bounded
by settings.MAX_FILE_BYTES. Every non-blank line gives exactly one Document, ok or with its
error; a file with no record at all gives one 'empty' Document, so every input shows.
"""
from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from .. import settings
from ..document import Document, normalize_date
from .decode import UTF16_BOMS, DecodeError, binary_kind, fix_surrogates, too_large

CHUNK = 1 << 20


def document_from_record(record: object, source: str, line_no: int) -> Document:
    """The Document of one parsed JSON value (object) found on line `line_no` (int) of `source`."""
    ident = f"{source}#{line_no}"
    if not isinstance(record, dict):
        return Document.failed(source, "invalid-record", f"line {line_no}: not a JSON object", id=ident)
    if record.get("id") is not None:
        ident = fix_surrogates(str(record["id"]))
    meta = {k: fix_surrogates(str(record[k])) if record.get(k) is not None else None for k in ("title", "url")}
    published = normalize_date(record.get("published"))
    text = record.get("text")
    if not isinstance(text, str):
        return Document.failed(
            source, "invalid-record", f"line {line_no}: no 'text' string", id=ident, published=published, **meta
        )
    return Document(
        text=fix_surrogates(text), source=source, id=ident, published=published,
        published_source="input" if published else None, **meta,
    )


def _lines(stream: BinaryIO) -> Iterator[bytes | DecodeError]:
    """Raw lines of a byte stream without their newline, or a too-large error for an over-long
    line (whose bytes are skipped, never held)."""
    limit = settings.MAX_FILE_BYTES
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of the line in bounded chunks
                rest = stream.readline(CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield too_large(size, limit)
            continue
        yield line.rstrip(b"\r\n")


def _utf16_lines(stream: BinaryIO) -> Iterator[bytes | DecodeError]:
    """UTF-16 JSONL (rare: Windows tools) re-encoded as UTF-8 lines."""
    text = io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline="\n")
    return _lines(io.BytesIO(text.read(settings.MAX_FILE_BYTES).encode("utf-8", "surrogatepass")))


def _record(raw: bytes, source: str, line_no: int) -> Document:
    ident = f"{source}#{line_no}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Document.failed(source, "encoding", f"line {line_no}: invalid UTF-8 at byte {exc.start}", id=ident)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Document.failed(source, "invalid-record", f"line {line_no}: not JSON ({exc.msg})", id=ident)
    except RecursionError:  # [[[[...]]]] nested past the interpreter's limit
        return Document.failed(source, "invalid-record", f"line {line_no}: JSON nested too deeply", id=ident)
    return document_from_record(record, source, line_no)


def read_stream(stream: BinaryIO, source: str) -> Iterator[Document]:
    """Documents from a JSON Lines byte stream (file object); never raises for bad content."""
    head = stream.peek(4096)[:4096] if hasattr(stream, "peek") else b""
    if not head and stream.seekable():
        head = stream.read(4096)
        stream.seek(0)
    kind = binary_kind(head)
    if kind:
        yield Document.failed(source, "binary", f"not JSON Lines: {kind}")
        return
    if head.startswith(codecs.BOM_UTF8):
        stream.read(len(codecs.BOM_UTF8))
        lines = _lines(stream)
    elif head.startswith(UTF16_BOMS):
        lines = _utf16_lines(stream)
    else:
        lines = _lines(stream)
    count = 0
    for line_no, raw in enumerate(lines, start=1):
        if isinstance(raw, DecodeError):
            count += 1
            yield Document.failed(source, raw.kind, f"line {line_no}: {raw}", id=f"{source}#{line_no}")
        elif raw.strip():
            count += 1
            yield _record(raw, source, line_no)
    if count == 0:
        yield Document.failed(source, "empty", "no JSON Lines record in the file")


def read(data: bytes, source: str) -> Iterator[Document]:
    """Documents from the bytes (bytes) of a JSON Lines file named `source` (str)."""
    return read_stream(io.BufferedReader(io.BytesIO(data)), source)
