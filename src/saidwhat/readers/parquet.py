"""Parquet: one article per row, with the columns of a JSON Lines record (id, text, and optional
published, title, url); other columns are not read.

Rows are read in batches, so a file's size is bounded by its row groups, not by memory. Every
row gives exactly one Document (id = the `id` column, else source#row); a file with no row gives
one 'empty' Document, and one that is not Parquet one 'invalid-record' Document. Needs pyarrow:
pip install 'saidwhat[parquet]'.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..document import Document
from .jsonl import document_from_record

COLUMNS = ("id", "text", "published", "title", "url")
ROWS_PER_BATCH = 256


def _plain(value: object) -> object:
    """A date or timestamp cell as an ISO string (what a JSON Lines record would hold)."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def read_stream(stream: BinaryIO, source: str) -> Iterator[Document]:
    """Documents from a Parquet file (binary file object, seekable or not); never raises for bad content."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Document.failed(source, "invalid-record", "Parquet input needs pyarrow: pip install 'saidwhat[parquet]'")
        return
    if not stream.seekable():  # the footer comes last: Parquet needs random access
        stream = io.BytesIO(stream.read())
    try:
        parquet = pq.ParquetFile(stream)
        columns = [c for c in COLUMNS if c in parquet.schema_arrow.names]
    except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError ... on broken files
        yield Document.failed(source, "invalid-record", f"not a readable Parquet file: {exc}"[:500])
        return
    row_no = 0
    for batch in parquet.iter_batches(batch_size=ROWS_PER_BATCH, columns=columns):
        for row in batch.to_pylist():
            row_no += 1
            yield document_from_record({k: _plain(v) for k, v in row.items()}, source, row_no)
    if row_no == 0:
        yield Document.failed(source, "empty", "no row in the Parquet file")


def read(data: bytes, source: str) -> Iterator[Document]:
    """Documents from the bytes (bytes) of a Parquet file named `source` (str)."""
    return read_stream(io.BytesIO(data), source)
