"""Storing records: one article with its attributions, speakers and titles per call.

Callers group calls in a transaction (db.transaction); the UNIQUE article key makes a write
of an already stored article a no-op, so a resumed or repeated ingest never duplicates.
"""
from __future__ import annotations

import datetime as dt
import sqlite3

from ..document import Document
from ..schema import ArticleResult, Attribution
from . import speakers, sql
from .dates import filing_date


def document_key(document: Document) -> str:
    """The key an input is stored under (str): 'sha:<content hash>' when it has text.

    document (Document): as a reader gives it. A document without text (unreadable, or blank:
    every empty file has the same hash) is keyed by where it came from, 'src:<source>#<id>',
    so that each such input keeps its own error row.
    """
    if document.text is not None and document.text.strip():
        return f"sha:{document.content_hash}"
    return f"src:{document.source}#{document.id or ''}"


def find_article(conn: sqlite3.Connection, key: str) -> int | None:
    """The id of the article stored under `key` (str), or None."""
    row = conn.execute(sql.ARTICLE_BY_KEY, (key,)).fetchone()
    return row[0] if row else None


def input_known(conn: sqlite3.Connection, source: str, doc_id: str | None) -> bool:
    """Whether the input (source, doc_id) was stored by an earlier run."""
    return conn.execute(sql.INPUT_EXISTS, (source, doc_id or "")).fetchone() is not None


def add_input(conn: sqlite3.Connection, source: str, doc_id: str | None, article_id: int) -> None:
    """Account for an input whose article (`article_id`) is already stored."""
    conn.execute(sql.INSERT_INPUT, (source, doc_id or "", article_id))


def write_article(conn: sqlite3.Connection, key: str, record: ArticleResult) -> int | None:
    """Store `record` (ArticleResult, text included if it is to be kept) under `key` (str).

    Returns the new article id, or None when `key` was already stored (nothing is written).
    Call inside a transaction.
    """
    error = record.error
    row = {
        "key": key,
        "content_hash": record.content_hash,
        "source": record.source,
        "doc_id": record.id,
        "title": record.title,
        "url": record.url,
        "published": record.published,
        "published_source": record.published_source,
        "status": record.status,
        "error_kind": error.kind if error else None,
        "error_message": error.message if error else None,
        "quality_score": record.quality_score,
        "text": record.text,
        "record": record.model_dump_json(exclude={"text"}),
        "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    cur = conn.execute(sql.INSERT_ARTICLE, row)
    if cur.rowcount == 0:
        return None
    article_id = cur.lastrowid
    if record.source is not None:
        add_input(conn, record.source, record.id, article_id)
    for attribution in record.attributions:
        _write_attribution(conn, article_id, record, attribution)
    return article_id


def _write_attribution(conn: sqlite3.Connection, article_id: int, record: ArticleResult, att: Attribution) -> None:
    speaker = att.speaker
    name = speaker.name if speaker else None
    kind = speaker.kind if speaker else None
    title = speaker.title if speaker else None
    date, date_kind = filing_date(att.date, record.published)
    name_id = speaker_id = None
    if name and kind in speakers.NAMED_KINDS:
        name_id, speaker_id = speakers.resolve(conn, name, kind)
        if title:
            speakers.add_title(conn, name_id, title, date)
    row_id = conn.execute(sql.INSERT_ATTRIBUTION, {
        "article_id": article_id,
        "n": att.id,
        "name_id": name_id,
        "speaker_id": speaker_id,
        "speaker_name": name,
        "speaker_mention": speaker.mention.text if speaker and speaker.mention else None,
        "speaker_title": title,
        "speaker_kind": kind,
        "source_kind": speakers.source_kind(kind, name),
        "type": att.type,
        "cue": att.cue.text if att.cue else None,
        "content": att.content,
        "statement_date": att.date,
        "date": date,
        "date_kind": date_kind,
    }).lastrowid
    conn.execute(sql.INSERT_FTS, (row_id, att.content))
    for entity_name, entity_type in _entities_in_content(record, att):
        conn.execute(sql.INSERT_ATTRIBUTION_ENTITY, (row_id, entity_name, entity_type))


def _entities_in_content(record: ArticleResult, att: Attribution) -> set[tuple[str, str]]:
    """(name, type) of the entities with a mention inside the content, the speaker left out."""
    own = att.speaker.entity_id if att.speaker else None
    found = set()
    for entity in record.entities:
        if entity.id == own:
            continue
        if any(s <= m.start and m.end <= e for m in entity.mentions for s, e in att.content_spans):
            found.add((entity.name, entity.type))
    return found
