"""The Ray engine on a local Ray instance: the same records as the local path, through the CLI
and `load` into the store, and every article exactly once when an actor dies mid-job.

Skipped without Ray (pip install 'saidwhat[ray]'). One Ray instance of 2 CPUs serves the
module; each run starts 2 actors that load the model, which is most of this module's time.
"""
from __future__ import annotations

import gzip
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")

import pyarrow.dataset as pads  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from saidwhat.cli import app  # noqa: E402
from saidwhat.engines.batch import analyze_batch  # noqa: E402
from saidwhat.engines.ray_engine import pool_size, run  # noqa: E402
from saidwhat.engines.ray_local import local_ray  # noqa: E402
from saidwhat.readers import read_paths  # noqa: E402
from saidwhat.schema import ArticleResult  # noqa: E402
from saidwhat.store.load import load_parquet  # noqa: E402
from saidwhat.store.write import document_key  # noqa: E402

pytestmark = pytest.mark.ray

PEOPLE = [("Mayor", "Ana Ruiz"), ("Finance Minister", "Tomas Berg"), ("Senator", "Grace Okafor"),
          ("Police Chief", "Daniel Weiss"), ("Professor", "Mei Tanaka"), ("Governor", "Luis Moreno")]
PLACES = ["Lisbon", "Nairobi", "Toronto", "Osaka", "Denver", "Krakow", "Perth"]
THINGS = ["bridge repairs", "the water tariff", "school meals", "bus lanes", "the new clinic", "flood barriers"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def news(i: int) -> str:
    """A short news text, different for every i (int)."""
    title, name = PEOPLE[i % len(PEOPLE)]
    place, thing, day = PLACES[i % len(PLACES)], THINGS[i % len(THINGS)], DAYS[i % len(DAYS)]
    surname = name.split()[-1]
    return (
        f"{title} {name} said on {day} that {thing} in {place} would cost ${i % 9 + 2} million, "
        f"up {i % 13 + 3} percent from last year.\n\n"
        f"\u201cWe owe residents an answer by March {i % 27 + 1},\u201d {surname} told reporters. "
        f"Critics argued that the plan, number {i}, came too late, according to the council.\n"
    )


def record(i: int, prefix: str) -> dict:
    return {"id": f"{prefix}{i}", "text": news(i), "published": f"2024-0{i % 9 + 1}-1{i % 10}", "title": f"Story {i}"}


@pytest.fixture(scope="module")
def ray_local():
    with local_ray(num_cpus=2, object_store_memory=256 * 2**20) as address:
        ray.init(address=address, log_to_driver=False)
        yield
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """250 articles in JSONL, gzipped JSONL and Parquet, with a bad line, an empty text and a copy."""
    folder = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps(record(i, "a")) for i in range(150)] + ["not json", json.dumps({"id": "blank", "text": " "})]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    copy = dict(record(0, "a"), id="copy-of-a0")
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in [record(i, "b") for i in range(150, 210)] + [copy])
    pq.write_table(pa.Table.from_pylist([record(i, "c") for i in range(210, 250)]), folder / "c.parquet")
    return folder


def rows_of(folder: str | Path) -> list[dict]:
    return pads.dataset(str(folder), format="parquet").to_table().to_pylist()


def input_ids(corpus: Path) -> list[str]:
    return [d.id for d in read_paths([corpus])]


def test_pool_leaves_room_for_reads_and_writes():
    assert pool_size({"CPU": 2.0}) == (2, 0.75)  # 1.5 CPUs for actors: a read and a write still fit
    assert pool_size({"CPU": 64.0}) == (64, 0.992)
    assert pool_size({"CPU": 2.0}, actors=4) == (4, 0.375)
    assert pool_size({"CPU": 8.0, "GPU": 2.0}, gpus=0.5) == (4, 1.0)
    with pytest.raises(ValueError, match="GPUs"):
        pool_size({"CPU": 8.0}, gpus=1)


def test_cli_ray_run_equals_the_local_path_and_loads_idempotently(ray_local, corpus, nlp, tmp_path):
    out, db = tmp_path / "runs", tmp_path / "corpus.db"
    args = ["ingest", str(corpus), "--engine", "ray", "--output", str(out), "--db", str(db), "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [folder] = list(out.glob("run-*"))  # one new folder per run: nothing appended to an earlier run
    rows = rows_of(folder)

    ids = [r["id"] for r in rows]
    assert len(ids) == 253 and Counter(ids) == Counter(input_ids(corpus))

    local = {r.id: r for r in analyze_batch(nlp, read_paths([corpus]), include_text=True)}
    for row in rows:
        on_ray = ArticleResult.model_validate_json(row["record"])
        assert on_ray == local[row["id"]], row["id"]
        assert (row["status"], row["content_hash"]) == (on_ray.status, on_ray.content_hash)
    keys = {d.id: document_key(d) for d in read_paths([corpus])}
    assert all(row["key"] == keys[row["id"]] for row in rows)
    assert Counter(r["status"] for r in rows) == {"ok": 251, "error": 2}

    # The CLI loaded the run: 252 articles (the copy shares a0's), every input accounted for.
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone()
    inputs = conn.execute("SELECT count(*) FROM inputs").fetchone()[0]
    attributions = conn.execute("SELECT count(*) FROM attributions").fetchone()[0]
    conn.close()
    assert stored == (252, 252) and inputs == 253 and attributions > 250

    again = load_parquet(out, db)  # the folder of runs: loads what is in it, adds nothing
    assert (again.documents, again.ok, again.already_stored, again.duplicates) == (253, 0, 253, 0)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 252
    assert conn.execute("SELECT count(*) FROM attributions").fetchone()[0] == attributions
    conn.close()


def test_an_actor_killed_mid_job_loses_and_repeats_nothing(ray_local, corpus, tmp_path):
    marker = tmp_path / "crashed"
    result = run([str(corpus)], str(tmp_path / "runs"), crash_marker=str(marker))
    assert marker.exists()  # an actor did exit mid-batch
    rows = rows_of(result.folder)
    assert result.records == len(rows) == 253
    assert Counter(r["id"] for r in rows) == Counter(input_ids(corpus))
    assert sum(r["status"] == "ok" for r in rows) == 251
