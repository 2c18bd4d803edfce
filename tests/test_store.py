"""The store from records: writes, speakers across articles, queries, export. No spaCy here."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from saidwhat.document import Document
from saidwhat.schema import ArticleResult, Attribution, DocumentError, Entity, EntityMention, Speaker, TextSpan
from saidwhat.store import connect, query
from saidwhat.store.dates import calendar_date, filing_date
from saidwhat.store.db import transaction
from saidwhat.store.speakers import normalize
from saidwhat.store.write import document_key, write_article


def statement(n: int, content: str, name: str | None, kind: str | None = "person", title: str | None = None,
              date: str | None = None, type: str = "indirect", entity_id: int | None = None) -> Attribution:
    speaker = Speaker(name=name, kind=kind, title=title, entity_id=entity_id,
                      mention=TextSpan(text=name or "officials", start=0, end=len(name or "officials")))
    return Attribution(id=n, speaker=speaker, cue=TextSpan(text="said", start=0, end=4), content=content,
                       content_spans=[(100 * n, 100 * n + len(content))], type=type, date=date, sentence=n)


def article(text: str, published: str | None, *atts: Attribution, entities: list[Entity] | None = None,
            source: str = "a.txt") -> tuple[str, ArticleResult]:
    doc = Document(text=text, source=source, published=published)
    record = ArticleResult(source=source, published=published, text=text, content_hash=doc.content_hash,
                           attributions=list(atts), entities=entities or [])
    return document_key(doc), record


def store(tmp_path: Path, *articles: tuple[str, ArticleResult]) -> sqlite3.Connection:
    conn = connect(tmp_path / "corpus.db")
    with transaction(conn):
        for key, record in articles:
            write_article(conn, key, record)
    return conn


def speaker_rows(conn: sqlite3.Connection) -> dict[str, int]:
    return {r["name"]: r["ambiguous"] for r in conn.execute("SELECT name, ambiguous FROM speakers")}


def test_normalize_drops_titles_initials_and_possessives():
    assert normalize("Antony J. Blinken", "person") == ("antony blinken", "blinken", True)
    assert normalize("Mr. Blinken's", "person") == ("blinken", "blinken", False)
    assert normalize("President Joe Biden", "person") == ("joe biden", "biden", True)
    assert normalize("Martin Luther King Jr.", "person")[1:] == ("king", True)
    assert normalize("the State Department", "organization") == ("state department", None, False)


def test_dates_file_statements_under_their_own_date_else_the_publication_date():
    assert calendar_date("2024-05-31T10:00") == "2024-05-31"
    assert calendar_date("2024-W22") == "2024-05-27"
    assert calendar_date("2024-05") == "2024-05"
    assert calendar_date("PRESENT_REF") is None and calendar_date("XXXX-10") is None
    assert filing_date("2024-05-30", "2024-05-31") == ("2024-05-30", "statement")
    assert filing_date("PAST_REF", "2024-05-31T08:00:00Z") == ("2024-05-31", "published")
    assert filing_date(None, None) == (None, None)


def test_a_bare_surname_joins_the_one_full_name_whatever_the_order(tmp_path):
    conn = store(
        tmp_path,
        article("one", "2024-05-01", statement(0, "We will adapt.", "Blinken")),
        article("two", "2024-05-02", statement(0, "Talks go on.", "Antony Blinken", title="Secretary of State")),
        article("three", "2024-05-03", statement(0, "No comment.", "Mr. Blinken")),
    )
    assert speaker_rows(conn) == {"Antony Blinken": 0}
    ids = {r[0] for r in conn.execute("SELECT speaker_id FROM attributions")}
    assert len(ids) == 1
    top = query.speakers(conn)
    assert [(s.name, s.statements, s.first_date, s.last_date) for s in top] == [
        ("Antony Blinken", 3, "2024-05-01", "2024-05-03")]


def test_a_surname_two_full_names_share_stays_its_own_ambiguous_speaker(tmp_path):
    conn = store(
        tmp_path,
        article("one", "2024-01-01", statement(0, "Vote yes.", "Bush")),
        article("two", "2024-01-02", statement(0, "Read my lips.", "George Bush")),
    )
    assert speaker_rows(conn) == {"George Bush": 0}
    with transaction(conn):  # a second full-name Bush arrives: the bare surname moves back out
        write_article(conn, *article("three", "2024-01-03", statement(0, "Please clap.", "Jeb Bush")))
    assert speaker_rows(conn) == {"George Bush": 0, "Jeb Bush": 0, "Bush": 1}
    bare = conn.execute("SELECT s.name FROM attributions a JOIN speakers s ON s.id = a.speaker_id "
                        "WHERE a.content = 'Vote yes.'").fetchone()[0]
    assert bare == "Bush"
    assert [s.speaker for s in query.search(conn, speaker="Bush")] == ["Bush"]
    assert {s.speaker for s in query.search(conn, speaker="jeb bush")} == {"Jeb Bush"}


def test_titles_are_kept_with_first_and_last_dates(tmp_path):
    conn = store(
        tmp_path,
        article("a", "2021-01-20", statement(0, "x", "Antony Blinken", title="Deputy Secretary of State")),
        article("b", "2022-03-01", statement(0, "y", "Antony Blinken", title="Secretary of State")),
        article("c", "2024-05-31", statement(0, "z", "Blinken", title="Secretary of State", date="2024-05-30")),
    )
    detail = query.speaker_detail(conn, "Blinken")
    assert [(t.title, t.first_seen, t.last_seen, t.statements) for t in detail.titles] == [
        ("Deputy Secretary of State", "2021-01-20", "2021-01-20", 1),
        ("Secretary of State", "2022-03-01", "2024-05-30", 2),
    ]
    assert detail.aliases == ["Antony Blinken", "Blinken"]
    assert [(p.period, p.statements) for p in detail.timeline] == [("2021-01", 1), ("2022-03", 1), ("2024-05", 1)]


def test_search_filters_and_marks_the_date_kind(tmp_path, monkeypatch):
    geneva = Entity(id=0, name="Geneva", type="GPE", aliases=["Geneva"],
                    mentions=[EntityMention(text="Geneva", start=110, end=116, label="GPE")])
    conn = store(
        tmp_path,
        article("a", "2024-05-31",
                statement(0, "The talks will go on.", "Antony Blinken", date="2024-05-30", type="direct"),
                statement(1, "Talks in Geneva are over.", "Antony Blinken"),
                statement(2, "Prices will rise.", "officials", kind="group"),
                statement(3, "The deal is close.", None, kind="unnamed"),
                entities=[geneva]),
        article("b", "2023-02-01", statement(0, "No talks now.", "Sergei Lavrov", kind="person")),
    )
    by_blinken = query.search(conn, speaker="Blinken")
    assert [(s.date, s.date_kind) for s in by_blinken] == [("2024-05-31", "published"), ("2024-05-30", "statement")]
    assert [s.content for s in query.search(conn, text="talks")] == [
        "No talks now.", "Talks in Geneva are over.", "The talks will go on."]
    assert [s.content for s in query.search(conn, text='"talks will"')] == ["The talks will go on."]
    assert query.search(conn, text="talks", speaker="Lavrov")[0].speaker == "Sergei Lavrov"
    # a speaker's statements walked one by one, or the word's matches walked for the speaker's:
    # the same statements in the same order
    walked = [s.content for s in query.search(conn, text="talks", speaker="Blinken")]
    monkeypatch.setattr(query, "COMMON", 0)  # the word tested row by row
    assert [s.content for s in query.search(conn, text="talks", speaker="Blinken")] == walked
    monkeypatch.setattr(query, "PROLIFIC", 1)
    assert [s.content for s in query.search(conn, text="talks", speaker="Blinken")] == walked == [
        "Talks in Geneva are over.", "The talks will go on."]
    monkeypatch.undo()
    # newest date first; among equal dates, the latest stored first
    assert [s.content for s in query.search(conn, since="2024-05-31")] == [
        "The deal is close.", "Prices will rise.", "Talks in Geneva are over."]
    assert [s.content for s in query.search(conn, until="2023")] == ["No talks now."]
    assert [s.content for s in query.search(conn, since="2024-05", until="2024-05-30")] == ["The talks will go on."]
    assert [s.content for s in query.search(conn, type="direct")] == ["The talks will go on."]
    assert [s.source_kind for s in query.search(conn, source_kind="group")] == ["group"]
    assert [s.content for s in query.search(conn, source_kind="unnamed")] == ["The deal is close."]
    assert query.search(conn, text="talks", limit=1, offset=1)[0].content == "Talks in Geneva are over."
    assert query.search(conn, speaker="Nobody") == [] and query.search(conn, text="!!") == []
    detail = query.speaker_detail(conn, "Antony Blinken")
    assert [(e.name, e.statements) for e in detail.entities] == [("Geneva", 1)]


def test_article_gives_text_record_and_statements(tmp_path):
    key, record = article("The full text.", "2024-05-31", statement(0, "We will adapt.", "Antony Blinken"))
    conn = store(tmp_path, (key, record))
    view = query.article(conn, 1)
    assert view.record.text == "The full text." and view.inputs == ["a.txt"]
    assert [s.content for s in view.statements] == ["We will adapt."]
    assert query.article(conn, 99) is None


def test_an_article_is_stored_once_and_errors_are_kept(tmp_path):
    key, record = article("same text", None)
    failed = Document.failed("bad.bin", "binary", "binary data, not text")
    error = ArticleResult(source="bad.bin", status="error", error=failed.error)
    conn = store(tmp_path, (key, record), (key, record), (document_key(failed), error))
    rows = conn.execute("SELECT key, status, error_kind FROM articles ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [(key, "ok", None), ("src:bad.bin#", "error", "binary")]
    with pytest.raises(sqlite3.IntegrityError):  # the UNIQUE key is the last line of defence
        conn.execute("INSERT INTO articles (key, status, record, ingested_at) VALUES (?, 'ok', '{}', '')", (key,))


def test_blank_documents_are_keyed_by_source_not_by_hash():
    assert document_key(Document(text="  \n", source="x.txt")) == "src:x.txt#"
    assert document_key(Document(text="", source="f.jsonl", id="f.jsonl#3")) == "src:f.jsonl#f.jsonl#3"
    assert document_key(Document(text="hi", source="y.txt")).startswith("sha:")


def test_cli_query_speakers_and_export(tmp_path):
    from typer.testing import CliRunner

    from saidwhat.cli import app

    store(tmp_path, article("t", "2024-05-31", statement(0, "We will adapt, he said.", "Antony Blinken")))
    db = str(tmp_path / "corpus.db")

    def cli(*args: str) -> str:
        result = CliRunner().invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
        return result.stdout

    assert "published" in cli("query", "--text", "adapt") and "Antony Blinken" in cli("speakers")
    assert cli("query", "--speaker", "Blinken", "--format", "csv").startswith("id,article_id,date,date_kind")
    assert json.loads(cli("query", "--until", "2024-05-30", "--format", "json")) == []
    assert CliRunner().invoke(app, ["query", "--db", str(tmp_path / "none.db")]).exit_code == 2
    pytest.importorskip("pyarrow")
    cli("export", "--parquet", str(tmp_path / "pq"))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "pq" / "attributions.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").column("text").to_pylist() == ["t"]
