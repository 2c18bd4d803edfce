"""Parquet in and out without Ray or spaCy: the Parquet reader, and `load` of record rows.

Needs pyarrow (the parquet or ray extra); skipped without it.
"""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

pa = pytest.importorskip("pyarrow")

import pyarrow.parquet as pq  # noqa: E402

from saidwhat.document import Document  # noqa: E402
from saidwhat.engines.rows import documents_table, document, records_table  # noqa: E402
from saidwhat.readers import parquet, read_paths  # noqa: E402
from saidwhat.schema import ArticleResult, DocumentError  # noqa: E402
from saidwhat.store.load import load_parquet  # noqa: E402
from saidwhat.store.write import document_key  # noqa: E402


def test_parquet_rows_read_like_jsonl_records(tmp_path):
    path = tmp_path / "news.parquet"
    pq.write_table(pa.table({
        "id": ["a", None, "c"],
        "text": ["The mayor said the bridge would open.", "Officials said so.", None],
        "published": [dt.date(2024, 5, 31), None, dt.date(2024, 1, 2)],
        "title": ["Bridge", None, None],
        "views": [10, 20, 30],  # not read
    }), path)
    docs = list(read_paths([path]))
    assert [(d.id, d.published, d.title) for d in docs] == [
        ("a", "2024-05-31", "Bridge"), (f"{path}#2", None, None), ("c", "2024-01-02", None)]
    assert docs[0].text.startswith("The mayor") and docs[0].published_source == "input"
    assert docs[2].error.kind == "invalid-record" and docs[2].text is None


def test_empty_and_broken_parquet_give_one_error_each(tmp_path):
    empty = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), empty)
    assert [d.error.kind for d in read_paths([empty])] == ["empty"]
    [broken] = parquet.read(b"PAR1 this is not parquet", "x.parquet")
    assert broken.error.kind == "invalid-record"


def test_document_rows_round_trip():
    docs = [Document(text="Text.", source="s.jsonl", id="1", published="2024-05-31", published_source="input"),
            Document.failed("s.jsonl", "invalid-record", "line 2: not JSON", id="s.jsonl#2")]
    assert [document(row) for row in documents_table(docs).to_pylist()] == docs


def record(text: str | None, source: str, doc_id: str) -> tuple[str, ArticleResult]:
    doc = Document(text=text, source=source, id=doc_id)
    error = None if text else DocumentError(kind="empty", message="the document has no text")
    return document_key(doc), ArticleResult(source=source, id=doc_id, text=text, content_hash=doc.content_hash,
                                            status="error" if error else "ok", error=error)


def test_load_is_idempotent_and_accounts_for_every_row(tmp_path):
    run = tmp_path / "runs" / "run-1"
    run.mkdir(parents=True)
    rows = [record("First story.", "a.jsonl", "1"), record("Second story.", "a.jsonl", "2"),
            record("First story.", "b.jsonl", "9"), record(None, "a.jsonl", "3")]
    pq.write_table(records_table(rows), run / "part-0.parquet")
    db = tmp_path / "corpus.db"

    first = load_parquet(tmp_path / "runs", db)
    assert (first.documents, first.ok, dict(first.errors), first.duplicates) == (4, 2, {"empty": 1}, 1)
    again = load_parquet(run, db)
    assert (again.documents, again.ok, again.already_stored, again.duplicates) == (4, 0, 4, 0)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 4
    stored = conn.execute("SELECT text FROM articles WHERE doc_id = '2'").fetchone()[0]
    conn.close()
    assert stored == "Second story."  # the text travels in the record: the load is lossless


def test_load_refuses_what_is_not_records(tmp_path):
    pq.write_table(pa.table({"id": ["a"], "text": ["x"]}), tmp_path / "input.parquet")
    with pytest.raises(RuntimeError, match="no saidwhat records"):
        load_parquet(tmp_path, tmp_path / "corpus.db")
    with pytest.raises(RuntimeError, match="cannot read"):
        load_parquet(tmp_path / "missing", tmp_path / "corpus.db")
