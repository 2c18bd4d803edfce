"""Every SQL statement of the store but the table definitions (schema.sql), by name."""

# -- articles and inputs ------------------------------------------------------------------

ARTICLE_BY_KEY = "SELECT id FROM articles WHERE key = ?"
INPUT_EXISTS = "SELECT 1 FROM inputs WHERE source = ? AND doc_id = ?"
INSERT_ARTICLE = """
INSERT INTO articles (key, content_hash, source, doc_id, title, url, published, published_source,
                      status, error_kind, error_message, quality_score, text, record, ingested_at)
VALUES (:key, :content_hash, :source, :doc_id, :title, :url, :published, :published_source,
        :status, :error_kind, :error_message, :quality_score, :text, :record, :ingested_at)
ON CONFLICT (key) DO NOTHING
"""
INSERT_INPUT = "INSERT INTO inputs (source, doc_id, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"

# -- attributions -------------------------------------------------------------------------

INSERT_ATTRIBUTION = """
INSERT INTO attributions (article_id, n, name_id, speaker_id, speaker_name, speaker_mention, speaker_title,
                          speaker_kind, source_kind, type, cue, content, statement_date, date, date_kind)
VALUES (:article_id, :n, :name_id, :speaker_id, :speaker_name, :speaker_mention, :speaker_title,
        :speaker_kind, :source_kind, :type, :cue, :content, :statement_date, :date, :date_kind)
"""
INSERT_FTS = "INSERT INTO attributions_fts (rowid, content) VALUES (?, ?)"
INSERT_ATTRIBUTION_ENTITY = (
    "INSERT INTO attribution_entities (attribution_id, name, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
)

# -- speakers (speakers.py) ---------------------------------------------------------------

NAME_BY_NORM = "SELECT id, speaker_id FROM speaker_names WHERE norm = ?"
INSERT_SPEAKER = "INSERT INTO speakers (name, kind, surname, ambiguous) VALUES (?, ?, ?, ?)"
INSERT_NAME = "INSERT INTO speaker_names (norm, name, kind, surname, is_full, speaker_id) VALUES (?, ?, ?, ?, ?, ?)"
BARE_SURNAME = "SELECT id, name, speaker_id FROM speaker_names WHERE surname = ? AND is_full = 0 AND kind = 'person'"
FULL_NAME_SPEAKERS = (
    "SELECT DISTINCT speaker_id FROM speaker_names WHERE surname = ? AND is_full = 1 AND kind = 'person'"
)
SET_AMBIGUOUS = "UPDATE speakers SET ambiguous = ? WHERE id = ?"
MOVE_NAME = "UPDATE speaker_names SET speaker_id = ? WHERE id = ?"
MOVE_ATTRIBUTIONS = "UPDATE attributions SET speaker_id = ? WHERE name_id = ?"
DELETE_SPEAKER = "DELETE FROM speakers WHERE id = ?"
UPSERT_TITLE = """
INSERT INTO speaker_titles (name_id, title, first_seen, last_seen, n) VALUES (:name_id, :title, :date, :date, 1)
ON CONFLICT (name_id, title) DO UPDATE SET
    first_seen = CASE WHEN excluded.first_seen IS NOT NULL
                       AND (first_seen IS NULL OR excluded.first_seen < first_seen)
                      THEN excluded.first_seen ELSE first_seen END,
    last_seen = CASE WHEN excluded.last_seen IS NOT NULL
                      AND (last_seen IS NULL OR excluded.last_seen > last_seen)
                     THEN excluded.last_seen ELSE last_seen END,
    n = n + 1
"""

# -- queries (query.py) -------------------------------------------------------------------

STATEMENT_COLUMNS = """
a.id, a.article_id, a.speaker_id, s.name AS speaker, a.speaker_name, a.speaker_mention, a.speaker_title,
a.speaker_kind, a.source_kind, a.type, a.cue, a.content, a.statement_date, a.date, a.date_kind,
r.title AS article_title, r.source, r.url, r.published
"""
STATEMENT_FROM = """
FROM attributions a
LEFT JOIN speakers s ON s.id = a.speaker_id
JOIN articles r ON r.id = a.article_id
"""
# Full-text filters for a walk over one speaker's statements (ORDER BY a.id DESC with a LIMIT
# stops early instead of ranking every match: bm25 over a common word is slow). A word with few
# matches: its match list, built once. A common word (hundreds of thousands of matches, seconds
# to build): each statement tested by a rowid seek.
FTS_FILTER = "a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)"
FTS_FILTER_SEEK = "EXISTS (SELECT 1 FROM attributions_fts WHERE attributions_fts MATCH ? AND rowid = a.id)"
FTS_COUNT_UPTO = "SELECT count(*) FROM (SELECT 1 FROM attributions_fts WHERE attributions_fts MATCH ? LIMIT ?)"
FTS_FROM = """
FROM attributions_fts f
JOIN attributions a ON a.id = f.rowid
LEFT JOIN speakers s ON s.id = a.speaker_id
JOIN articles r ON r.id = a.article_id
"""
FTS_MATCH = "attributions_fts MATCH ?"

SPEAKER_IDS_BY_NORM = "SELECT speaker_id FROM speaker_names WHERE norm = ?"
SPEAKER_IDS_BY_SURNAME = "SELECT id FROM speakers WHERE surname = ? AND kind = 'person'"
SPEAKER_BY_ID = "SELECT id, name, kind, ambiguous FROM speakers WHERE id = ?"

# Counts come from the (speaker_id, date) index alone: no table rows are read.
TOP_SPEAKERS = """
SELECT sp.id, sp.name, sp.kind, sp.ambiguous, c.statements, c.first_date, c.last_date
FROM (SELECT speaker_id, count(*) AS statements, min(date) AS first_date, max(date) AS last_date
      FROM attributions WHERE speaker_id IS NOT NULL GROUP BY speaker_id) c
JOIN speakers sp ON sp.id = c.speaker_id
ORDER BY c.statements DESC, sp.name
LIMIT ? OFFSET ?
"""
SPEAKER_COUNTS = """
SELECT count(*) AS statements, min(date) AS first_date, max(date) AS last_date
FROM attributions WHERE speaker_id = ?
"""
SPEAKER_ALIASES = "SELECT name FROM speaker_names WHERE speaker_id = ? ORDER BY length(name) DESC, name"
SPEAKER_TITLES = """
SELECT t.title, min(t.first_seen) AS first_seen, max(t.last_seen) AS last_seen, sum(t.n) AS statements
FROM speaker_titles t JOIN speaker_names nm ON nm.id = t.name_id
WHERE nm.speaker_id = ?
GROUP BY t.title
ORDER BY first_seen IS NULL, first_seen, t.title
"""
SPEAKER_TIMELINE = """
SELECT substr(date, 1, 7) AS period, count(*) AS statements
FROM attributions WHERE speaker_id = ? AND date IS NOT NULL
GROUP BY period ORDER BY period
"""
SPEAKER_ENTITIES = """
SELECT e.name, e.type, count(*) AS statements
FROM attributions a JOIN attribution_entities e ON e.attribution_id = a.id
WHERE a.speaker_id = ?
GROUP BY e.name, e.type
ORDER BY statements DESC, e.name
LIMIT ?
"""
ARTICLE_BY_ID = "SELECT * FROM articles WHERE id = ?"
ARTICLE_STATEMENTS = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_FROM} WHERE a.article_id = ? ORDER BY a.n"
ARTICLE_INPUTS = "SELECT source, doc_id FROM inputs WHERE article_id = ? ORDER BY source, doc_id"

# -- export.py ----------------------------------------------------------------------------

EXPORT_TABLES = ("articles", "inputs", "attributions", "speakers", "speaker_names", "speaker_titles",
                 "attribution_entities")
