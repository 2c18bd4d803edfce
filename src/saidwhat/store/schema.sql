-- The corpus store: one SQLite file. Version 1.
-- Every input document gives one `inputs` row; identical texts share one `articles` row.

CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    -- 'sha:<content hash>', or 'src:<source>#<id>' for a document without text:
    -- UNIQUE so that a rerun or a resumed run can never store an article twice.
    key TEXT NOT NULL UNIQUE,
    content_hash TEXT,
    source TEXT,
    doc_id TEXT,
    title TEXT,
    url TEXT,
    published TEXT,
    published_source TEXT,
    status TEXT NOT NULL,
    error_kind TEXT,
    error_message TEXT,
    quality_score REAL,
    text TEXT,
    -- The whole ArticleResult as JSON, text left out (it is in `text`): the article page
    -- reads entities, times and amounts from here rather than from more tables.
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_status ON articles (status, error_kind);

-- Every input (a file, a JSONL line, a WARC record) and the article it gave: duplicates
-- point at the first copy, so that every input stays accounted for.
CREATE TABLE IF NOT EXISTS inputs (
    source TEXT NOT NULL,
    doc_id TEXT NOT NULL DEFAULT '',
    article_id INTEGER NOT NULL REFERENCES articles (id),
    PRIMARY KEY (source, doc_id)
) WITHOUT ROWID;

-- One row per person or organization across the corpus (see speakers.py for the rules).
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    surname TEXT,
    -- 1 for a bare surname that more than one full-name speaker of the corpus carries.
    ambiguous INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers (surname);

-- Every distinct speaker name as the records give it, and the speaker it stands for.
-- A bare surname's speaker_id moves when the corpus gains or loses a unique full name.
CREATE TABLE IF NOT EXISTS speaker_names (
    id INTEGER PRIMARY KEY,
    norm TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    surname TEXT,
    is_full INTEGER NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id)
);
CREATE INDEX IF NOT EXISTS speaker_names_surname ON speaker_names (surname, is_full);
CREATE INDEX IF NOT EXISTS speaker_names_speaker ON speaker_names (speaker_id);

-- Titles a name was given, with the first and last date they were seen with it.
CREATE TABLE IF NOT EXISTS speaker_titles (
    name_id INTEGER NOT NULL REFERENCES speaker_names (id),
    title TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    n INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (name_id, title)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS attributions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    n INTEGER NOT NULL,                  -- Attribution.id within its article
    name_id INTEGER REFERENCES speaker_names (id),
    speaker_id INTEGER REFERENCES speakers (id),
    speaker_name TEXT,                   -- speaker.name as the record gives it
    speaker_mention TEXT,
    speaker_title TEXT,
    speaker_kind TEXT,
    source_kind TEXT NOT NULL,           -- named | group | unnamed | other
    type TEXT NOT NULL,
    cue TEXT,
    content TEXT NOT NULL,
    statement_date TEXT,                 -- the TIMEX3 value, as given
    -- The date queries filter and sort on: the statement date when it names a day,
    -- month or year, else the publication date; date_kind says which.
    date TEXT,
    date_kind TEXT                       -- statement | published | NULL
);
-- speaker + date range, newest first: one index range scan.
CREATE INDEX IF NOT EXISTS attributions_speaker_date ON attributions (speaker_id, date);
CREATE INDEX IF NOT EXISTS attributions_date ON attributions (date);
CREATE INDEX IF NOT EXISTS attributions_article ON attributions (article_id);
CREATE INDEX IF NOT EXISTS attributions_name ON attributions (name_id);

-- Full text of the contents; external content so that the text is stored once.
CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5 (
    content, content = 'attributions', content_rowid = 'id'
);

-- Entities named inside a statement's content (for "who talks about what").
CREATE TABLE IF NOT EXISTS attribution_entities (
    attribution_id INTEGER NOT NULL REFERENCES attributions (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (attribution_id, name)
) WITHOUT ROWID;
