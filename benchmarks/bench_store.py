"""Query latency on a synthetic store of >= 1M attributions (target: p95 < 5 ms).

    .venv/bin/python benchmarks/bench_store.py [--attributions 1000000] [--db /tmp/bench_store.db]

Rows are generated straight into the tables (executemany), not through the pipeline: words
drawn from a Zipf-like vocabulary, speakers with a long-tailed number of statements, dates
over ten years. Each query goes through the public API (saidwhat.store.query), pydantic
models included, on one open connection as a web worker would hold it. The figures are for
fresh queries after a warm-up pass of other queries of the same mix; the warm-up's own p95 is
printed as "cold".
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import time
from pathlib import Path

from saidwhat.store import connect, query
from saidwhat.store.db import transaction

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "pa", "gu", "ze", "bri", "con", "tor", "al"]
CHUNK = 100_000


def vocabulary(n: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return list(itertools.accumulate(1 / (r + 1) ** s for r in range(n)))


def build(path: Path, n_attributions: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """Fill a fresh store; returns (speaker names, vocabulary by frequency rank)."""
    rng = random.Random(seed)
    words = vocabulary(20_000, rng)
    word_cum = zipf_weights(len(words))
    n_speakers = max(100, n_attributions // 50)
    first = [w.title() for w in words[:300]]
    speakers = [f"{rng.choice(first)} {w.title()}" for w in rng.sample(words, n_speakers)]
    speaker_cum = zipf_weights(n_speakers, 0.9)
    per_article = 10
    start = dt.date(2015, 1, 1).toordinal()
    conn = connect(path)
    with transaction(conn):
        conn.executemany("INSERT INTO speakers (id, name, kind, surname) VALUES (?, ?, 'person', ?)",
                         ((i + 1, n, n.split()[-1].lower()) for i, n in enumerate(speakers)))
        conn.executemany("INSERT INTO speaker_names (id, norm, name, kind, surname, is_full, speaker_id) "
                         "VALUES (?, ?, ?, 'person', ?, 1, ?)",
                         ((i + 1, n.lower(), n, n.split()[-1].lower(), i + 1) for i, n in enumerate(speakers)))
    n_articles = n_attributions // per_article
    for lo in range(0, n_articles, CHUNK // per_article):
        hi = min(n_articles, lo + CHUNK // per_article)
        articles, atts = [], []
        for a in range(lo + 1, hi + 1):
            published = dt.date.fromordinal(start + rng.randrange(3650)).isoformat()
            articles.append((a, f"sha:{a:032x}", f"a{a}.txt", published, "ok", "{}", "2025-01-01"))
            for n in range(per_article):
                s = rng.choices(range(1, n_speakers + 1), cum_weights=speaker_cum)[0]
                content = " ".join(rng.choices(words, cum_weights=word_cum, k=rng.randint(6, 25)))
                stated = rng.random() < 0.3
                date = dt.date.fromordinal(start + rng.randrange(3650)).isoformat() if stated else published
                atts.append((a, n, s, s, speakers[s - 1], "named", rng.choice(("direct", "indirect", "mixed")),
                             content, date, "statement" if stated else "published"))
        with transaction(conn):
            conn.executemany("INSERT INTO articles (id, key, source, published, status, record, ingested_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", articles)
            conn.executemany("INSERT INTO attributions (article_id, n, name_id, speaker_id, speaker_name, "
                             "source_kind, type, content, date, date_kind) VALUES (?,?,?,?,?,?,?,?,?,?)", atts)
    with transaction(conn):
        conn.execute("INSERT INTO attributions_fts (attributions_fts) VALUES ('rebuild')")
    conn.execute("ANALYZE")
    conn.close()
    return speakers, words


def timed(fn, args_list: list) -> tuple[float, float, float]:
    """(p50, p95, max) in ms of fn(*args) over args_list."""
    times = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributions", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/saidwhat_bench_store.db"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--reuse", action="store_true", help="query an existing --db without rebuilding it")
    args = parser.parse_args()

    rng = random.Random(11)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        t = time.perf_counter()
        build(args.db, args.attributions)
        print(f"built {args.attributions:,} attributions in {time.perf_counter() - t:.1f} s, "
              f"{args.db.stat().st_size / 2**20:.0f} MiB")
    conn = connect(args.db, readonly=True)
    names = [r[0] for r in conn.execute("SELECT name FROM speakers")]
    top = [r[0] for r in conn.execute("SELECT s.name FROM speakers s JOIN (SELECT speaker_id, count(*) n FROM "
                                      "attributions GROUP BY speaker_id ORDER BY n DESC LIMIT 20) c "
                                      "ON c.speaker_id = s.id")]
    words = [r[0] for r in conn.execute("SELECT term FROM attributions_fts_v ORDER BY doc DESC")] \
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'attributions_fts_v'").fetchone() else None
    if words is None:
        conn.close()
        rw = connect(args.db)
        rw.execute("CREATE VIRTUAL TABLE attributions_fts_v USING fts5vocab(attributions_fts, row)")
        rw.close()
        conn = connect(args.db, readonly=True)
        words = [r[0] for r in conn.execute("SELECT term FROM attributions_fts_v ORDER BY doc DESC")]

    def ranges(k: int) -> list[tuple[str, str]]:
        out = []
        for _ in range(k):
            a = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650 - 400))
            out.append((a.isoformat(), (a + dt.timedelta(days=rng.randrange(30, 400))).isoformat()))
        return out

    q = args.queries

    def workload() -> list:
        """(label, function, argument lists) for each query kind, drawn afresh each call."""
        speaker_args = [(rng.choice(top if i % 4 == 0 else names), *r) for i, r in enumerate(ranges(q))]
        text_args = [(rng.choice(words[:50] if i % 4 == 0 else words[50:5000]),) for i in range(q)]
        two_word = [(f"{rng.choice(words[:200])} {rng.choice(words[200:3000])}",) for _ in range(q)]
        return [
            ("speaker + date range", lambda n, s, u: query.search(conn, speaker=n, since=s, until=u), speaker_args),
            ("full text, one word", lambda w: query.search(conn, text=w), text_args),
            ("full text, two words", lambda w: query.search(conn, text=w), two_word),
            ("date range only", lambda s, u: query.search(conn, since=s, until=u), ranges(q)),
            ("speaker + text", lambda n, w: query.search(conn, speaker=n, text=w),
             [(rng.choice(top + names[:200]), rng.choice(words[:300])) for _ in range(q // 3)]),
            ("speaker_detail", lambda n: query.speaker_detail(conn, n), [(rng.choice(names),) for _ in range(q // 3)]),
            ("top speakers (whole store)", lambda: query.speakers(conn, limit=50), [()] * 5),
        ]

    # First a pass of other queries drawn from the same mix, as a server that has run a while
    # has done: its pages are then in the OS cache. The cold figures are that first pass, on
    # pages read from disk (on a machine that reclaims its page cache they can be seconds).
    cold = {label: timed(fn, arg_list) for label, fn, arg_list in workload()}
    print(f"{'query (limit 50)':<28}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'cold p95':>10}  n")
    for label, fn, arg_list in workload():
        p50, p95, worst = timed(fn, arg_list)
        print(f"{label:<28}{p50:>9.2f}{p95:>9.2f}{worst:>9.1f}{cold[label][1]:>10.1f}  {len(arg_list)}")


if __name__ == "__main__":
    main()
