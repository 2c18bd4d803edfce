"""JSON Lines: one article per line with fields id, text, and optional published, title, url."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..document import Document
from .decode import DecodeError, decode_text


def document_from_record(record: object, source: str, line_no: int) -> Document:
    ident = f"{source}#{line_no}"
    if not isinstance(record, dict):
        return Document.failed(source, "invalid-record", f"line {line_no}: not a JSON object", id=ident)
    ident = str(record["id"]) if record.get("id") is not None else ident
    text = record.get("text")
    meta = {k: str(record[k]) if record.get(k) is not None else None for k in ("title", "url", "published")}
    if not isinstance(text, str):
        return Document.failed(source, "invalid-record", f"line {line_no}: no 'text' string", id=ident, **meta)
    return Document(text=text, source=source, id=ident, published_source="input" if meta["published"] else None, **meta)


def read(data: bytes, source: str) -> Iterator[Document]:
    try:
        content = decode_text(data)
    except DecodeError as exc:
        yield Document.failed(source, exc.kind, str(exc))
        return
    for line_no, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Document.failed(source, "invalid-record", f"line {line_no}: not JSON ({exc.msg})", id=f"{source}#{line_no}")
            continue
        yield document_from_record(record, source, line_no)
