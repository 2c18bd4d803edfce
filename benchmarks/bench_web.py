"""Load test of the search API: 50 concurrent clients against `saidwhat serve` on loopback.

    .venv/bin/python benchmarks/bench_web.py [--attributions 100000] [--clients 50] [--requests 3000]
    .venv/bin/python benchmarks/bench_web.py --reuse      # keep the store built by a previous run

Builds a synthetic store with bench_store.py's builder (>= 100k attributions by default; rows
go straight into the tables, no pipeline), starts uvicorn with the app on a free loopback
port in a child process, then sends a bounded number of GET /api/search requests (speaker +
date range, one or two words, date range alone, speaker alone) from `--clients` concurrent
httpx clients, and prints latency percentiles as the clients saw them. Bounded in count and
in time (--seconds); only 127.0.0.1 is ever contacted.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import build  # noqa: E402

from live_server import live_server  # noqa: E402

SERVER = """
import sys, uvicorn
from saidwhat.web import create_app
uvicorn.run(create_app(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
            limit_concurrency=256)
"""


def workload(db: Path, n: int, rng: random.Random) -> list[tuple[str, dict]]:
    """`n` (kind, query parameters) drawn from the store's own speakers and words."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    names = [r[0] for r in conn.execute("SELECT name FROM speakers ORDER BY random() LIMIT 2000")]
    top = [r[0] for r in conn.execute(
        "SELECT s.name FROM speakers s JOIN (SELECT speaker_id, count(*) n FROM attributions "
        "GROUP BY speaker_id ORDER BY n DESC LIMIT 20) c ON c.speaker_id = s.id")]
    words = Counter(w for (c,) in conn.execute("SELECT content FROM attributions ORDER BY random() LIMIT 3000")
                    for w in c.split())
    conn.close()
    common = [w for w, _ in words.most_common(50)]
    rarer = [w for w, _ in words.most_common(3000)[50:]]

    def date_range() -> tuple[str, str]:
        a = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650 - 400))
        return a.isoformat(), (a + dt.timedelta(days=rng.randrange(30, 400))).isoformat()

    out = []
    for i in range(n):
        kind = ("speaker + dates", "one word", "two words", "dates", "speaker")[i % 5]
        if kind == "speaker + dates":
            since, until = date_range()
            params = {"speaker": rng.choice(top if i % 4 == 0 else names), "since": since, "until": until}
        elif kind == "one word":
            params = {"text": rng.choice(common if i % 4 == 0 else rarer)}
        elif kind == "two words":
            params = {"text": f"{rng.choice(common)} {rng.choice(rarer)}"}
        elif kind == "dates":
            since, until = date_range()
            params = {"since": since, "until": until}
        else:
            params = {"speaker": rng.choice(names)}
        out.append((kind, {**params, "limit": 50}))
    return out


async def run_clients(base: str, jobs: list[tuple[str, dict]], clients: int, seconds: float):
    """Send `jobs` from `clients` concurrent workers; (kind, ms, status) of each, stopping at `seconds`."""
    queue: asyncio.Queue = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    results: list[tuple[str, float, int]] = []
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:

        async def worker() -> None:
            while not queue.empty() and time.monotonic() < stop_at:
                kind, params = queue.get_nowait()
                t = time.perf_counter()
                try:
                    status = (await http.get("/api/search", params=params)).status_code
                except httpx.HTTPError:
                    status = 0
                results.append((kind, (time.perf_counter() - t) * 1000, status))

        await asyncio.gather(*(worker() for _ in range(clients)))
    return results


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attributions", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/saidwhat_bench_web.db"))
    parser.add_argument("--reuse", action="store_true", help="use an existing --db as it is")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="total requests (bounded)")
    parser.add_argument("--seconds", type=float, default=300, help="stop sending after this long")
    args = parser.parse_args()

    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        t = time.perf_counter()
        build(args.db, args.attributions)
        print(f"built {args.attributions:,} attributions in {time.perf_counter() - t:.1f} s")
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    n_att, n_sp = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("attributions", "speakers"))
    conn.close()
    print(f"store {args.db}: {n_att:,} attributions, {n_sp:,} speakers, {args.db.stat().st_size / 2**20:.0f} MiB")

    with live_server(SERVER, str(args.db)) as base:
        jobs = workload(args.db, args.requests, random.Random(5))
        asyncio.run(run_clients(base, jobs[:100], args.clients, 30))  # warm the page cache and connections
        started = time.perf_counter()
        results = asyncio.run(run_clients(base, jobs, args.clients, args.seconds))
        wall = time.perf_counter() - started

    ok = [ms for _, ms, status in results if status == 200]
    errors = Counter(status for _, _, status in results if status != 200)
    print(f"{len(results)} requests from {args.clients} concurrent clients in {wall:.1f} s "
          f"({len(results) / wall:.0f} req/s), errors: {dict(errors) or 'none'}")
    print(f"{'GET /api/search (limit 50)':<28}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}  n")
    by_kind: dict[str, list[float]] = {}
    for kind, ms, status in results:
        if status == 200:
            by_kind.setdefault(kind, []).append(ms)
    for kind, values in [("all", ok), *sorted(by_kind.items())]:
        if values:
            print(f"{kind:<28}{pct(values, 50):>9.1f}{pct(values, 95):>9.1f}{pct(values, 99):>9.1f}"
                  f"{max(values):>9.1f}  {len(values)}")


if __name__ == "__main__":
    main()
