"""The corpus store: analyzed articles in one SQLite file, with full-text search over contents.

db.py opens and migrates the file; write.py stores records; speakers.py links speakers across
articles; query.py answers the CLI and the web pages; ingest.py runs the pipeline over a corpus
into the store; export.py writes Parquet. SQL lives in schema.sql (tables) and sql.py (statements).
The store consumes ArticleResult records, never spaCy Docs.
"""
from .db import connect

__all__ = ["connect"]
