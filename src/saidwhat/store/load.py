"""`saidwhat load`: Parquet record rows (from `ingest --engine ray`) into the SQLite store.

Rows are read in batches (memory bounded whatever the folder's size) from a folder or URL
of Parquet files, its subfolders included (so the folder that holds several runs loads them
all). Each record goes in under its key as an ingest would store it: an article already
stored (a rerun of the load, a run that analyzed it again, a copy under another name) is not
written twice, so loading is idempotent; an input not seen before is still recorded.
"""
from __future__ import annotations

import time
from pathlib import Path

from ..schema import ArticleResult
from .db import connect, transaction
from .ingest import COMMIT_ROWS, IngestSummary
from .write import add_input, find_article, input_known, write_article

COLUMNS = ["key", "record"]


def _dataset(source: str):
    try:
        import pyarrow.dataset as pads
    except ImportError as exc:
        raise RuntimeError("loading Parquet needs pyarrow: pip install 'saidwhat[parquet]'") from exc
    try:
        dataset = pads.dataset(source, format="parquet")
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise RuntimeError(f"cannot read Parquet at {source}: {exc}") from exc
    missing = [c for c in COLUMNS if c not in dataset.schema.names]
    if missing:
        raise RuntimeError(f"{source} holds no saidwhat records (no column {', '.join(missing)}): "
                           "expected the output of `saidwhat ingest --engine ray`")
    return dataset


def load_parquet(source: str | Path, db: str | Path) -> IngestSummary:
    """Import the records under `source` (str | Path: folder, file or URL) into the store `db`.

    Returns an IngestSummary: `documents` rows read, `ok` and `errors` newly stored,
    `already_stored` (the same input loaded before) and `duplicates` (another input's article).
    Raises RuntimeError when `source` cannot be read or holds no record rows.
    """
    started = time.monotonic()
    dataset = _dataset(str(source))
    summary = IngestSummary()
    conn = connect(db)
    try:
        for batch in dataset.to_batches(columns=COLUMNS, batch_size=COMMIT_ROWS):
            with transaction(conn):
                for row in batch.to_pylist():
                    _store(conn, row["key"], ArticleResult.model_validate_json(row["record"]), summary)
    finally:
        conn.close()
    summary.seconds = time.monotonic() - started
    return summary


def _store(conn, key: str, record: ArticleResult, summary: IngestSummary) -> None:
    summary.documents += 1
    if write_article(conn, key, record) is not None:
        if record.status == "ok":
            summary.ok += 1
        else:
            summary.errors[record.error.kind if record.error else "internal"] += 1
    elif input_known(conn, record.source or "", record.id):
        summary.already_stored += 1
    else:
        add_input(conn, record.source or "", record.id, find_article(conn, key))
        summary.duplicates += 1
