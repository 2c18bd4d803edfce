"""Ingest: a corpus (files, folders, JSONL, WARC) through the pipeline into the store.

Each input is keyed (write.document_key) and looked up *before* it is sent to a worker, so a
rerun, or a run resumed after a crash or a `kill -9`, parses only what is not stored yet.
Records are committed in small transactions; the UNIQUE key makes each article appear once
however the previous run ended. Every input is accounted for: an article, an error record,
or a row in `inputs` pointing at the identical article stored before.
"""
from __future__ import annotations

import gzip
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import settings
from ..document import Document
from ..engines.local import analyze_parallel
from ..readers import format_of, is_known, read_paths, read_stdin
from ..schema import ArticleResult
from .db import connect, transaction
from .write import add_input, document_key, find_article, input_known, write_article

COMMIT_SECONDS = 1.0  # commit at least this often, so readers see progress and a kill loses little
COMMIT_ROWS = 64


@dataclass
class IngestSummary:
    """What an ingest did with every input."""

    documents: int = 0  # inputs read
    ok: int = 0
    errors: Counter = field(default_factory=Counter)  # error kind -> count
    already_stored: int = 0  # stored by an earlier run
    duplicates: int = 0  # same text as another input: stored once, input recorded
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        errors = sum(self.errors.values())
        kinds = ", ".join(f"{k} {n}" for k, n in self.errors.most_common())
        return (f"{self.documents} documents in {self.seconds:.1f} s ({rate:.1f}/s): ok {self.ok}, "
                f"errors {errors}{f' ({kinds})' if kinds else ''}, already stored {self.already_stored}, "
                f"duplicates skipped {self.duplicates}")


def documents(paths: Iterable[str], published: str | None = None) -> Iterator[Document]:
    """Documents from paths (str; '-' is standard input); a missing path gives an error document."""
    for p in paths:
        if p == "-":
            yield from read_stdin(published=published)
        else:
            yield from read_paths([p], published)


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            yield from (c for c in sorted(p.rglob("*")) if c.is_file() and is_known(c))
        else:
            yield p


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents `paths` hold, read cheaply (JSONL lines counted), or None if unknown.

    For the progress bar's ETA only: inputs whose records cannot be counted without parsing
    (WARC, Parquet, standard input) give None.
    """
    total = 0
    for p in paths:
        if p == "-":
            return None
    for path in _files(paths):
        fmt, compressed = format_of(path)
        if fmt in ("warc", "parquet"):
            return None
        if fmt != "jsonl":
            total += 1
            continue
        try:
            with (gzip.open if compressed else open)(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        except (OSError, EOFError):
            total += 1
    return total


class _Progress:
    """A tqdm bar on stderr (documents/s and ETA), its total counted in the background."""

    def __init__(self, paths: list[str], enabled: bool):
        self.bar = None
        if not enabled:
            return
        from tqdm import tqdm

        self.bar = tqdm(total=None, unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
        threading.Thread(target=self._count, args=(paths,), daemon=True).start()

    def _count(self, paths: list[str]) -> None:
        total = count_documents(paths)
        if total is not None and self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def update(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def ingest(
    paths: list[str],
    db: str | Path,
    jobs: int | None = None,
    model: str = settings.DEFAULT_MODEL,
    published: str | None = None,
    progress: bool = False,
    batch_size: int = 16,
) -> IngestSummary:
    """Analyze every document under `paths` (list[str]) into the store `db` (path).

    jobs (int | None): worker processes, default every core; published (str | None): date for
    inputs that carry none; progress (bool): show a bar on stderr. Returns the summary.
    """
    started = time.monotonic()
    summary = IngestSummary()
    conn = connect(db)
    bar = _Progress(paths, progress)
    # Keys sent to workers and not yet committed -> further inputs with the same text.
    pending: dict[str, list[tuple[str, str | None]]] = {}
    known_inputs: list[tuple[str, str | None, int]] = []  # duplicates of stored articles
    buffer: list[tuple[str, ArticleResult]] = []

    def to_analyze() -> Iterator[tuple[str, Document]]:
        for doc in documents(paths, published):
            summary.documents += 1
            key = document_key(doc)
            if key in pending:
                pending[key].append((doc.source, doc.id))
                summary.duplicates += 1
                bar.update()
                continue
            article_id = find_article(conn, key)
            if article_id is None:
                pending[key] = []
                yield key, doc
                continue
            if input_known(conn, doc.source, doc.id):
                summary.already_stored += 1
            else:
                summary.duplicates += 1
                known_inputs.append((doc.source, doc.id, article_id))
                if len(known_inputs) >= 1000:  # keep memory bounded on a corpus of copies
                    commit()
            bar.update()

    def commit() -> None:
        with transaction(conn):
            for key, record in buffer:
                article_id = write_article(conn, key, record)
                extra = pending.pop(key, [])
                if article_id is None:  # stored meanwhile by another writer: only account for it
                    article_id = find_article(conn, key)
                    extra.append((record.source or "", record.id))
                    summary.duplicates += 1
                elif record.status == "ok":
                    summary.ok += 1
                else:
                    summary.errors[record.error.kind if record.error else "internal"] += 1
                for source, doc_id in extra:
                    add_input(conn, source, doc_id, article_id)
            for source, doc_id, article_id in known_inputs:
                add_input(conn, source, doc_id, article_id)
        bar.update(len(buffer))
        buffer.clear()
        known_inputs.clear()

    last_commit = time.monotonic()
    try:
        for key, record in analyze_parallel(to_analyze(), jobs=jobs, model=model, batch_size=batch_size):
            buffer.append((key, record))
            if len(buffer) >= COMMIT_ROWS or time.monotonic() - last_commit > COMMIT_SECONDS:
                commit()
                last_commit = time.monotonic()
        commit()
    finally:
        bar.close()
        conn.close()
    summary.seconds = time.monotonic() - started
    return summary
