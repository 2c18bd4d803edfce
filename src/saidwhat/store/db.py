"""Opening the store: one SQLite file in WAL mode, created and migrated on first use."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

# Migration n brings a store from user_version n to n + 1; append, never edit.
MIGRATIONS = ("schema.sql",)
SCHEMA_VERSION = len(MIGRATIONS)

Database = str | Path | sqlite3.Connection


def _migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"store schema version {version} is newer than this saidwhat ({SCHEMA_VERSION})")
    for n in range(version, SCHEMA_VERSION):
        script = resources.files(__package__).joinpath(MIGRATIONS[n]).read_text("utf-8")
        # executescript commits first; the version bump is in the same script so that a
        # crash mid-migration reruns it (every statement is IF NOT EXISTS).
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {n + 1};\nCOMMIT;")


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or migrate) the store at `path` (str | Path).

    The connection is in autocommit mode: writers group statements with `transaction()`.
    WAL lets readers (queries, the web server) run while an ingest writes.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 30000")
    if readonly:
        conn.execute("PRAGMA query_only = 1")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode survives a killed process (the OS has the pages); only a
        # power loss can drop the last commits, never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache
    conn.execute("PRAGMA mmap_size = 268435456")
    return conn


@contextmanager
def opened(db: Database, readonly: bool = True) -> Iterator[sqlite3.Connection]:
    """A connection for `db` (path or open sqlite3.Connection); closes only what it opened."""
    if isinstance(db, sqlite3.Connection):
        yield db
        return
    conn = connect(db, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on error.

    IMMEDIATE takes the write lock up front, so two writers wait for each other instead of
    failing half-way with SQLITE_BUSY.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
