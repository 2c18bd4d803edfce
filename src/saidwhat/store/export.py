"""Parquet export for analytics: one file per table, written in row groups (memory bounded).

Needs pyarrow: pip install 'saidwhat[parquet]'.
"""
from __future__ import annotations

from pathlib import Path

from . import sql
from .db import Database, opened

ROWS_PER_GROUP = 50_000


def _arrow_type(pa, declared: str):
    declared = declared.upper()
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    return pa.string()


def export_parquet(db: Database, out_dir: str | Path, tables: tuple[str, ...] = sql.EXPORT_TABLES) -> dict[str, int]:
    """Write each table of the store `db` to `out_dir`/<table>.parquet; returns rows per table.

    Column types come from the table definitions, so an empty or all-NULL column keeps its type.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError("Parquet export needs pyarrow: pip install 'saidwhat[parquet]'") from exc
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    with opened(db) as conn:
        for table in tables:
            columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
            schema = pa.schema([(c["name"], _arrow_type(pa, c["type"])) for c in columns])
            cursor = conn.execute(f"SELECT * FROM {table}")
            counts[table] = 0
            with pq.ParquetWriter(out / f"{table}.parquet", schema) as writer:
                while rows := cursor.fetchmany(ROWS_PER_GROUP):
                    data = {name: [r[i] for r in rows] for i, name in enumerate(schema.names)}
                    writer.write_table(pa.table(data, schema=schema))
                    counts[table] += len(rows)
    return counts
