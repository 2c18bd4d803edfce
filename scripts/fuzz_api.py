"""Long schemathesis run against a live `saidwhat serve`, beyond the bounded CI test (tests/web/test_schema.py).

    .venv/bin/python scripts/fuzz_api.py                          # 200 examples per operation, every phase
    .venv/bin/python scripts/fuzz_api.py --max-examples 1000 --max-time 1800
    .venv/bin/python scripts/fuzz_api.py --db corpus.db --exclude-analysis

Starts the app under uvicorn on a free loopback port with --allow-writes and a fresh token
(over a copy of --db, or over a synthetic store of --attributions built with
benchmarks/bench_store.py's builder), then runs `schemathesis run` with every check, in
every phase (examples, coverage, fuzzing, stateful), sending the token so that writes are
fuzzed past the auth check. Analysis endpoints run the real pipeline in the server's worker
process: leave them out with --exclude-analysis for a quick run. The exit status is
schemathesis'; its report (JUnit and the failures as pytest code) goes to --report-dir.
"""
from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_store import build  # noqa: E402
from live_server import live_server  # noqa: E402

SERVER = """
import sys, uvicorn
from saidwhat.web import create_app
app = create_app(sys.argv[2], allow_writes=True, token=sys.argv[3], warm=True)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a store to fuzz over (copied first; default: a synthetic one)")
    parser.add_argument("--attributions", type=int, default=5000, help="size of the synthetic store")
    parser.add_argument("--max-examples", type=int, default=200, help="cases per operation and phase")
    parser.add_argument("--max-time", type=int, default=1200, help="seconds for the whole run")
    parser.add_argument("--workers", default="1", help="schemathesis workers (the server has 2 cores here)")
    parser.add_argument("--exclude-analysis", action="store_true", help="leave out POST /api/analyze, /analyze "
                        "and /api/articles (the pipeline is slow per case)")
    parser.add_argument("--report-dir", type=Path, default=ROOT / "out" / "fuzz_api")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="saidwhat-fuzz-api-"))
    db = work / "corpus.db"
    if args.db:
        shutil.copy(args.db, db)
    else:
        build(db, args.attributions)
    token = secrets.token_urlsafe(24)
    try:
        with live_server(SERVER, str(db), token) as base:
            return _schemathesis(base, token, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _schemathesis(base: str, token: str, args: argparse.Namespace) -> int:
    """Run `schemathesis run` against the server at `base`; its exit status."""
    command = [
        str(Path(sys.executable).with_name("schemathesis")), "run", f"{base}/openapi.json",
        "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful",
        "--max-examples", str(args.max_examples), "--max-time", str(args.max_time),
        "--workers", args.workers, "--request-timeout", "300", "--continue-on-failure",
        "-H", f"Authorization: Bearer {token}", "--suppress-health-check", "all",
        "--report", "junit,pytest", "--report-dir", str(args.report_dir),
    ]
    if args.exclude_analysis:
        command += ["--exclude-path-regex", "analyze$", "--exclude-method", "POST"]
    print(" ".join(c if not c.startswith("Authorization") else "Authorization: Bearer ***" for c in command),
          flush=True)
    return subprocess.call(command, env={**os.environ, "NO_COLOR": "1"})


if __name__ == "__main__":
    raise SystemExit(main())
