"""The query API (CLI and web): search statements, speakers, one speaker, one article.

Every function takes `db`: a store path (str | Path) or an open sqlite3.Connection (a web
server keeps one per worker). Dates are ISO strings compared as text: `since` keeps dates on
or after it, `until` keeps dates up to the end of it ('2024-05' keeps all of May).
"""
from __future__ import annotations

import re
import sqlite3

from ..schema import ArticleResult
from . import sql
from .db import Database, opened
from .models import (
    ArticleView,
    EntityCount,
    PeriodCount,
    SpeakerDetail,
    SpeakerSummary,
    Statement,
    TitleHeld,
)
from .speakers import normalize

_FTS_WORD = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)


def fts_query(text: str) -> str | None:
    """An FTS5 query matching every word of `text` (str), as typed by a user; None if no word.

    Words are quoted so that punctuation and FTS5 operators in user input cannot break the
    query; a phrase in double quotes stays a phrase.
    """
    parts = []
    for phrase, bare in re.findall(r'"([^"]*)"|([^"\s]+)', text):
        words = _FTS_WORD.findall(phrase or bare)
        if words:
            parts.append('"' + " ".join(w.replace('"', "") for w in words) + '"')
    return " ".join(parts) or None


def speaker_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """Speaker ids for a name as a user types it (str): its normalized form, else its surname.

    "blinken" finds the speaker the bare surname is linked to; a surname never used alone
    finds every full-name person with that surname.
    """
    for kind in ("person", "organization"):
        row = conn.execute(sql.SPEAKER_IDS_BY_NORM, (normalize(name, kind)[0],)).fetchone()
        if row:
            return [row[0]]
    _, surname, is_full = normalize(name, "person")
    if surname and not is_full:
        return [r[0] for r in conn.execute(sql.SPEAKER_IDS_BY_SURNAME, (surname,))]
    return []


def search(
    db: Database,
    speaker: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    source_kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Statement]:
    """Statements matching every filter given, newest date first.

    speaker (str): a speaker name ("Blinken", "Antony Blinken"); text (str): words that the
    content must all contain (full-text); since / until (str): ISO date bounds on the filing
    date (statement date, else publication date; see Statement.date_kind); type (str):
    direct | indirect | mixed; source_kind (str): named | group | unnamed | other.
    With `text`, results come newest-stored first: the full-text index gives matches in
    storage order and stops at `limit`, where sorting every match by date would not.
    """
    where: list[str] = []
    params: list[object] = []
    with opened(db) as conn:
        if speaker is not None:
            ids = speaker_ids(conn, speaker)
            if not ids:
                return []
            where.append(f"a.speaker_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if since:
            where.append("a.date >= ?")
            params.append(since)
        if until:
            where.append("a.date <= ?")
            params.append(until + "~")  # '~' sorts after digits and '-': until is inclusive
        if type:
            where.append("a.type = ?")
            params.append(type)
        if source_kind:
            where.append("a.source_kind = ?")
            params.append(source_kind)
        if text is not None:
            match = fts_query(text)
            if match is None:
                return []
            walk_speaker = speaker is not None and not _prolific(conn, ids)
            statement = _text_search(where, walk_speaker, walk_speaker and _common(conn, match))
            if not walk_speaker:
                params.insert(0, match)  # the MATCH comes first in the WHERE clause
            else:
                params.append(match)
        else:
            condition = f"WHERE {' AND '.join(where)}" if where else ""
            statement = f"SELECT {sql.STATEMENT_COLUMNS} {sql.STATEMENT_FROM} {condition} " \
                        "ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?"
        rows = conn.execute(statement, (*params, limit, offset)).fetchall()
    return [Statement(**dict(r)) for r in rows]


# A speaker with more statements than this is searched from the full-text side: walking all
# their statements would cost more than walking the word's matches, newest first, until
# `limit` of them are the speaker's.
PROLIFIC = 3000


def _prolific(conn: sqlite3.Connection, ids: list[int]) -> bool:
    """Whether the speakers `ids` (list of int) have more than PROLIFIC statements (a count
    that stops there, so it costs little)."""
    marks = ",".join("?" * len(ids))
    row = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM attributions WHERE speaker_id IN ({marks}) "
                       f"LIMIT {PROLIFIC + 1})", ids).fetchone()
    return row[0] > PROLIFIC


# A word with more matches than this is tested row by row on a speaker walk (sql.FTS_FILTER_SEEK).
COMMON = 20_000


def _common(conn: sqlite3.Connection, match: str) -> bool:
    """Whether the full-text query `match` (str) has more than COMMON matches (counted up to there)."""
    return conn.execute(sql.FTS_COUNT_UPTO, (match, COMMON + 1)).fetchone()[0] > COMMON


def _text_search(where: list[str], by_speaker: bool, common_word: bool = False) -> str:
    if by_speaker:
        # The speaker's statements are few next to a word's matches: walk them (by the
        # speaker index) and test each against the full-text matches.
        condition = " AND ".join([*where, sql.FTS_FILTER_SEEK if common_word else sql.FTS_FILTER])
        return f"SELECT {sql.STATEMENT_COLUMNS} {sql.STATEMENT_FROM} WHERE {condition} " \
               "ORDER BY a.id DESC LIMIT ? OFFSET ?"
    condition = " AND ".join([sql.FTS_MATCH, *where])
    return f"SELECT {sql.STATEMENT_COLUMNS} {sql.FTS_FROM} WHERE {condition} ORDER BY f.rowid DESC LIMIT ? OFFSET ?"


def speakers(db: Database, limit: int = 50, offset: int = 0) -> list[SpeakerSummary]:
    """The speakers with most statements, with their first and last statement dates."""
    with opened(db) as conn:
        rows = conn.execute(sql.TOP_SPEAKERS, (limit, offset)).fetchall()
    return [SpeakerSummary(**dict(r)) for r in rows]


def speaker_detail(db: Database, name: str | int, entities: int = 20, recent: int = 20) -> SpeakerDetail | None:
    """One speaker by name (str, as in `search`) or id (int): statements over time (per
    month), titles held with dates, the entities most often named in their statements, and
    the `recent` latest statements. None if no such speaker.
    """
    with opened(db) as conn:
        if isinstance(name, int):
            speaker_id = name
        else:
            ids = speaker_ids(conn, name)
            if not ids:
                return None
            speaker_id = ids[0]
        row = conn.execute(sql.SPEAKER_BY_ID, (speaker_id,)).fetchone()
        if row is None:
            return None
        counts = conn.execute(sql.SPEAKER_COUNTS, (speaker_id,)).fetchone()
        summary = SpeakerSummary(**dict(row), **dict(counts))
        aliases = [r[0] for r in conn.execute(sql.SPEAKER_ALIASES, (speaker_id,))]
        titles = [TitleHeld(**dict(r)) for r in conn.execute(sql.SPEAKER_TITLES, (speaker_id,))]
        timeline = [PeriodCount(**dict(r)) for r in conn.execute(sql.SPEAKER_TIMELINE, (speaker_id,))]
        named = [EntityCount(**dict(r)) for r in conn.execute(sql.SPEAKER_ENTITIES, (speaker_id, entities))]
        statement = f"SELECT {sql.STATEMENT_COLUMNS} {sql.STATEMENT_FROM} WHERE a.speaker_id = ? " \
                    "ORDER BY a.date DESC, a.id DESC LIMIT ?"
        latest = [Statement(**dict(r)) for r in conn.execute(statement, (speaker_id, recent))]
    return SpeakerDetail(speaker=summary, aliases=aliases, titles=titles, timeline=timeline,
                         entities=named, recent=latest)


def article(db: Database, article_id: int) -> ArticleView | None:
    """One stored article (int id): its full record with the text, and its statements."""
    with opened(db) as conn:
        row = conn.execute(sql.ARTICLE_BY_ID, (article_id,)).fetchone()
        if row is None:
            return None
        record = ArticleResult.model_validate_json(row["record"])
        record.text = row["text"]
        inputs = [f"{s}#{i}" if i else s for s, i in conn.execute(sql.ARTICLE_INPUTS, (article_id,))]
        statements = [Statement(**dict(r)) for r in conn.execute(sql.ARTICLE_STATEMENTS, (article_id,))]
    return ArticleView(id=row["id"], key=row["key"], inputs=inputs, status=row["status"],
                       error_kind=row["error_kind"], error_message=row["error_message"],
                       ingested_at=row["ingested_at"], record=record, statements=statements)
