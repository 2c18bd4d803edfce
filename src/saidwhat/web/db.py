"""The server's connections to the store: a pool of read-only ones, one writer.

FastAPI runs sync handlers on a thread pool; an SQLite connection must not be used by two
threads at once, so each request borrows its own from the pool and hands it back. WAL mode
lets these readers run while the writer (POST /api/articles, or an ingest in another
process) commits. The store path comes from the command line only, never from a request.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..store.db import SCHEMA_VERSION, connect, transaction


class StoreError(Exception):
    """The store cannot be served (missing, not a store, a newer schema)."""


class Store:
    """Connections to the store at `path` (str | Path).

    writable (bool): open (creating or migrating if need be) a writer connection; without
    it the file must be an existing store and nothing in this process can write to it.
    """

    def __init__(self, path: str | Path, writable: bool = False):
        self.path = Path(path)
        self.writable = writable
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._writer: sqlite3.Connection | None = None
        if writable:
            connect(self.path).close()  # creates or migrates the file; the writer opens on first use
        elif not self.path.is_file():
            # Checked first: sqlite3 would create an empty file at a mistyped path.
            raise StoreError(f"no store at {self.path}: run `saidwhat ingest PATH... --db {self.path}` first")
        with self.reader() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            what = "not a saidwhat store" if version == 0 else f"store schema version {version}"
            raise StoreError(f"{self.path}: {what} (this saidwhat reads version {SCHEMA_VERSION})")

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection (sqlite3.Connection) for the duration of the block."""
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect(self.path, readonly=True)
        try:
            yield conn
        finally:
            if conn.in_transaction:  # a query interrupted half-way: leave no read snapshot open
                conn.rollback()
            with self._lock:
                self._idle.append(conn)

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The write connection inside a transaction, one writer at a time.

        Raises PermissionError on a store opened without `writable`.
        """
        if not self.writable:
            raise PermissionError("the store is open read-only")
        with self._write_lock:
            if self._writer is None:  # first write, or first since close(): the app may be started again
                self._writer = connect(self.path)
            with transaction(self._writer) as conn:
                yield conn

    def close(self) -> None:
        """Close every idle connection (at server shutdown). The store stays usable: a later
        request opens new ones (an ASGI app may see its lifespan start again, as in tests)."""
        with self._lock:
            idle, self._idle = self._idle, []
        with self._write_lock:
            writer, self._writer = self._writer, None
        for conn in idle + ([writer] if writer is not None else []):
            conn.close()
