"""Ingest through the real pipeline: bad inputs accounted for, reruns skip, kill -9 resumes.

Small synthetic articles and one worker process keep this module quick; most of its time
is the model loading (once per ingest that has something to analyze).
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from saidwhat.store.ingest import count_documents, ingest

NAMES = ["Antony Blinken", "Maria Lopez", "John Smith", "Olena Kovalenko", "Kwame Mensah", "Sarah Connor"]
TOPICS = ["energy", "housing", "trade", "health", "water", "transport", "tax", "school"]


def synthetic_article(i: int) -> str:
    """A short news text, different for every i."""
    name, topic = NAMES[i % len(NAMES)], TOPICS[i % len(TOPICS)]
    surname = name.split()[-1]
    return (
        f"{name} said on Monday that the {topic} plan number {i} would be ready by {2000 + i % 30}.\n\n"
        f"\u201cWe will not give up on plan {i},\u201d {surname} told reporters in Geneva.\n\n"
        f"The ministry said prices rose {i % 17 + 1} percent last year, according to officials.\n"
    )


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"article{i:04d}.txt").write_text(synthetic_article(i), encoding="utf-8")


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        one = lambda q: conn.execute(q).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "keys": one("SELECT count(DISTINCT key) FROM articles"),
            "inputs": one("SELECT count(*) FROM inputs"),
            "attributions": one("SELECT count(*) FROM attributions"),
            "distinct_attributions": one("SELECT count(DISTINCT article_id || '/' || n) FROM attributions"),
            "fts": one("SELECT count(*) FROM attributions_fts"),
        }
    finally:
        conn.close()


def children(pid: int) -> list[int]:
    """Child process ids of `pid` (Linux /proc; empty where unavailable)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    """Whether process `pid` runs (a zombie waiting to be reaped does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_bad_inputs_are_all_accounted_for_and_a_rerun_parses_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    (corpus / "copy.txt").write_text(synthetic_article(0), encoding="utf-8")  # same text as article0000
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b"  \n\n ")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "latin1.txt").write_bytes("Le ministre a d\xe9clar\xe9 que".encode("latin-1"))
    lines = [json.dumps({"id": "j1", "text": synthetic_article(10), "published": "2024-05-31"}),
             "{not json",
             json.dumps({"id": "j3", "title": "no text"}),
             json.dumps({"id": "j4", "text": synthetic_article(11)})]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    db = tmp_path / "corpus.db"
    inputs = 3 + 1 + 4 + 4  # txt files, the copy, four bad files, four JSONL lines
    assert count_documents([str(corpus)]) == inputs

    summary = ingest([str(corpus), missing], db, jobs=1)

    assert summary.documents == inputs + 1
    assert summary.ok == 5 and summary.duplicates == 1 and summary.already_stored == 0
    assert summary.errors == {"empty": 2, "binary": 1, "encoding": 1, "invalid-record": 3}
    c = counts(db)
    assert c["inputs"] == inputs + 1 and c["articles"] == inputs  # the copy shares its article
    conn = sqlite3.connect(db)
    errors = dict(conn.execute("SELECT source || '#' || coalesce(doc_id, ''), error_kind FROM articles "
                               "WHERE status = 'error'").fetchall())
    assert errors == {
        f"{corpus}/empty.txt#": "empty", f"{corpus}/blank.txt#": "empty", f"{corpus}/image.txt#": "binary",
        f"{corpus}/latin1.txt#": "encoding", f"{corpus}/feed.jsonl#{corpus}/feed.jsonl#2": "invalid-record",
        f"{corpus}/feed.jsonl#j3": "invalid-record", f"{missing}#": "invalid-record",
    }
    text, published = conn.execute("SELECT text, published FROM articles WHERE doc_id = 'j1'").fetchone()
    assert text == synthetic_article(10) and published == "2024-05-31"
    conn.close()

    started = time.monotonic()
    again = ingest([str(corpus), missing], db, jobs=1)
    assert (again.ok, sum(again.errors.values()), again.already_stored) == (0, 0, inputs + 1)
    assert time.monotonic() - started < 15, "a rerun must skip before parsing (no model load)"
    assert counts(db) == c


def test_kill_9_then_rerun_stores_every_article_exactly_once(tmp_path):
    n = 80
    corpus = tmp_path / "corpus"
    write_corpus(corpus, n)
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "saidwhat.cli", "ingest", str(corpus), "--db", str(db), "-j", "1",
               "--no-progress"]
    log = (tmp_path / "first-run.log").open("wb")  # a file, not a pipe: nothing can block on it
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    stored = 0
    try:
        deadline = time.monotonic() + 600  # the model load is most of it; slow on a busy machine
        while time.monotonic() < deadline and process.poll() is None:
            if db.exists():
                try:
                    stored = counts(db)["articles"]
                except sqlite3.OperationalError:  # tables not created yet
                    stored = 0
                if stored:
                    break
            time.sleep(0.02)
        workers = children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
        log.close()
    assert process.returncode == -signal.SIGKILL, (tmp_path / "first-run.log").read_text()
    assert 0 < stored < n, f"the kill should land mid-run ({stored} of {n} stored)"
    deadline = time.monotonic() + 60  # orphaned workers notice within a second or a batch
    while time.monotonic() < deadline and any(map(alive, workers)):
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "workers outlived the killed ingest"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    c = counts(db)
    assert c["articles"] == c["keys"] == c["inputs"] == n
    assert c["attributions"] == c["distinct_attributions"] == c["fts"]
    summary = rerun.stderr.strip().splitlines()[-1]
    assert f"{n} documents" in summary and "errors 0" in summary
    already = int(summary.split("already stored ")[1].split(",")[0])
    ok = int(summary.split("ok ")[1].split(",")[0])
    assert already >= stored and already + ok == n
