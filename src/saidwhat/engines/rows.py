"""The rows that carry documents and records through Ray Data and Parquet.

A document row is what a read task hands to the analysis actors. A record row is what the
actors write to Parquet and `saidwhat load` reads back: the whole record as JSON, text
included, so that a load is lossless, beside the columns one wants without parsing it (the
store key, id, source, content hash, status). Needs pyarrow, not Ray: `load` runs without it.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from ..document import Document
from ..schema import ArticleResult, DocumentError

# Explicit types: a batch whose column is all null must still write as strings.
DOCUMENT_SCHEMA = pa.schema([(name, pa.string()) for name in (
    "text", "source", "id", "title", "url", "published", "published_source", "error_kind", "error_message",
)])
RECORD_SCHEMA = pa.schema([(name, pa.string()) for name in (
    "key", "id", "source", "content_hash", "status", "error_kind", "record",
)])


def documents_table(documents: Iterable[Document]) -> pa.Table:
    """A table of document rows (DOCUMENT_SCHEMA) from Documents (Iterable[Document])."""
    rows = [{
        "text": d.text, "source": d.source, "id": d.id, "title": d.title, "url": d.url,
        "published": d.published, "published_source": d.published_source,
        "error_kind": d.error.kind if d.error else None,
        "error_message": d.error.message if d.error else None,
    } for d in documents]
    return pa.Table.from_pylist(rows, schema=DOCUMENT_SCHEMA)


def document(row: dict) -> Document:
    """The Document of one document row (dict with the DOCUMENT_SCHEMA columns)."""
    error = DocumentError(kind=row["error_kind"], message=row["error_message"]) if row["error_kind"] else None
    return Document(
        text=row["text"], source=row["source"], id=row["id"], title=row["title"], url=row["url"],
        published=row["published"], published_source=row["published_source"], error=error,
    )


def records_table(keyed: Iterable[tuple[str, ArticleResult]]) -> pa.Table:
    """A table of record rows (RECORD_SCHEMA) from (store key, record) pairs."""
    rows = [{
        "key": key, "id": r.id, "source": r.source, "content_hash": r.content_hash, "status": r.status,
        "error_kind": r.error.kind if r.error else None, "record": r.model_dump_json(),
    } for key, r in keyed]
    return pa.Table.from_pylist(rows, schema=RECORD_SCHEMA)
